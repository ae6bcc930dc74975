"""All services over one open database: the one way in for the CLI and the GUI. Every use case
is a method of one of these services (its first line checks the operator's role)."""

from __future__ import annotations

from pathlib import Path

from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import Person
from elderdesk.services.allowance.service import AllowanceService
from elderdesk.services.audit.view import AuditViewService
from elderdesk.services.auth import Operator
from elderdesk.services.cards.service import CardService
from elderdesk.services.exchange import ownership
from elderdesk.services.exchange import service as exchange_service
from elderdesk.services.exchange.duplicates import DuplicatesService
from elderdesk.services.exchange.office import OfficeService
from elderdesk.services.forms.service import FormsService
from elderdesk.services.people.imports import ImportService
from elderdesk.services.people.refs import person_ref
from elderdesk.services.people.service import PeopleService, with_extra
from elderdesk.services.reader.service import ReaderService
from elderdesk.services.receipts.service import ReceiptService
from elderdesk.services.roster.service import RosterService
from elderdesk.services.safety.service import SafetyService
from elderdesk.services.server.service import ServerService
from elderdesk.services.settings import SettingsService
from elderdesk.services.stats.service import StatsService
from elderdesk.services.users.service import UserService
from elderdesk.store import schema
from elderdesk.store.db import Database, database_error
from elderdesk.store.sqlite_file import sqlite_code


class Services:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.people = PeopleService(db)
        self.users = UserService(db)
        self.settings = SettingsService(db)
        self.imports = ImportService(db, self.people)
        self.allowance = AllowanceService(db, self.people)
        self.roster = RosterService(db, self.allowance)
        self.cards = CardService(db, self.people)
        self.receipts = ReceiptService(db)  # fee receipts and the day's cash-up (issue 16)
        self.audit = AuditViewService(db)  # the audit log viewer (reading, export)
        self.safety = SafetyService(db)  # backups, audit verification, start-up checks
        self.stats = StatsService(db, self.allowance)
        self.forms = FormsService(db, self.allowance)
        self.reader = ReaderService(db, self.people)  # this PC's ID card reader (issue 16)
        self.office = OfficeService(db)  # identity, partner offices (issue 15)
        self.exchange = exchange_service.ExchangeService(db)  # packages (issue 15)
        self.duplicates = DuplicatesService(db)  # the district's 疑似重复 list (issue 15)
        self.server = ServerService(db)  # `server copy` onto PostgreSQL (issue 14)
        ownership.install()  # who owns what: refusals in every audited change
        exchange_service.install()  # partners' returned heads as audit anchors

    @classmethod
    def open(cls, path: Path) -> Services:
        return cls(schema.open_existing(path))

    @staticmethod
    def offline_safety(path: Path) -> SafetyService:
        """Restore and leftover clean-up for a database file that may be missing or damaged:
        the file is not opened (nor created) by this."""
        return SafetyService(Database(path))

    def close(self) -> None:
        self.reader.close()
        self.db.close()

    def profile(self, op: Operator, id_number: str) -> Person:
        """The person with their latest enrollment and card (None until those exist)."""
        person = self.people.get(op, id_number)
        ref = person_ref(person.id_number, person.extra.get("office"))  # one street's, at a district
        return with_extra(person, enrollment=self.allowance.enrollment_json(op, ref),
                          card=self.cards.card_json(op, ref))


def database_failure(exc: BaseException, path: Path) -> ElderError | None:
    """An SQLite failure that no unit of work translated (a raw connection): DISK_FULL,
    DB_READ_ONLY, DB_LOCKED, DB_IO_ERROR, or DB_CORRUPT confirmed by quick_check; None for
    anything else."""
    if sqlite_code(exc) is None:
        return None
    try:
        return database_error(exc, path)
    except ElderError as found:  # the damage check itself met a full disk, a locked file...
        return found
