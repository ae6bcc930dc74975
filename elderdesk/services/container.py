"""All services over one open database: what the CLI and the GUI are given."""

from __future__ import annotations

from pathlib import Path

from elderdesk.services.allowance import AllowanceService
from elderdesk.services.cards import CardService
from elderdesk.services.imports import ImportService
from elderdesk.services.people import PeopleService
from elderdesk.services.roster import RosterService
from elderdesk.services.settings import SettingsService
from elderdesk.services.users import UserService
from elderdesk.store import schema
from elderdesk.store.db import Database


class Services:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.people = PeopleService(db)
        self.users = UserService(db)
        self.settings = SettingsService(db)
        self.imports = ImportService(db, self.people)
        # Each adds keys to a person's profile (enrollment, card), given the Person.
        self.profile_providers: list = []
        self.allowance = AllowanceService(db, self.people)
        self.roster = RosterService(db, self.allowance)
        self.profile_providers.append(
            lambda op, p: {"enrollment": self.allowance.enrollment_json(op, p.id_number)})
        self.cards = CardService(db, self.people)
        from elderdesk.services.receipts import ReceiptService

        self.receipts = ReceiptService(db)  # fee receipts and the day's cash-up (issue 16)
        self.profile_providers.append(
            lambda op, p: {"card": self.cards.card_json(op, p.id_number)})
        from elderdesk.services.audit_view import AuditViewService

        self.audit = AuditViewService(db)  # the audit log viewer (reading, export)
        from elderdesk.services.safety import SafetyService

        self.safety = SafetyService(db)  # backups, audit verification, start-up checks
        from elderdesk.services.forms import FormsService
        from elderdesk.services.stats import StatsService

        self.stats = StatsService(db, self.allowance)
        self.forms = FormsService(db, self.allowance)
        from elderdesk.services.reader import ReaderService

        self.reader = ReaderService(db, self.people)  # this PC's ID card reader (issue 16)

    @classmethod
    def open(cls, path: Path) -> Services:
        return cls(schema.open_existing(path))

    def close(self) -> None:
        self.reader.close()
        self.db.close()

    def profile(self, op, id_number: str):  # type: ignore[no-untyped-def]
        """The person with their latest enrollment and card (None until those exist)."""
        from elderdesk.services.people import with_extra

        person = self.people.get(op, id_number)
        extra: dict = {"enrollment": None, "card": None}
        for provider in self.profile_providers:
            extra.update(provider(op, person))
        return with_extra(person, **extra)

    def roster_export(self, op, period: str, *, xlsx=None, pdf=None) -> list:  # type: ignore[no-untyped-def]
        return self.roster.export(op, period, xlsx=xlsx, pdf=pdf)
