"""The ID card reader as a use case: this PC's choice of driver (admin, audited) and reading a
card (any role, every read audited with the ID read). The reader itself is elderdesk.devices
(Qt-free); the setting lives on this PC, the audit record in the office database."""

from __future__ import annotations

import logging
import socket
import threading
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from elderdesk.devices import config as devices_config
from elderdesk.devices.base import UNAVAILABLE, Reader
from elderdesk.devices.card import ReadOutcome, read_card
from elderdesk.devices.config import ReaderConfig
from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import Person
from elderdesk.services import audit
from elderdesk.services.auth import Operator, require
from elderdesk.services.clock import today
from elderdesk.services.people.service import PeopleService
from elderdesk.store.db import Database


@dataclass(frozen=True)
class ReaderChoice:
    """What this process uses and where it comes from."""

    config: ReaderConfig  # the effective choice
    stored: ReaderConfig  # this PC's setting
    overridden: bool  # ELDERDESK_READER decides for this process
    error: str | None = None  # a malformed ELDERDESK_READER, in Chinese


class ReaderService:
    def __init__(self, db: Database, people: PeopleService) -> None:
        self.db = db
        self.people = people
        self._lock = threading.Lock()  # one read at a time (GUI worker threads, the helper)
        self._reader: Reader | None = None
        self._reader_config: ReaderConfig | None = None

    def choice(self) -> ReaderChoice:
        """This PC's reader setting and the ELDERDESK_READER override (no operator: nothing of
        the office is shown)."""
        stored = devices_config.stored()
        try:
            override = devices_config.env_override()
        except ElderError as exc:
            return ReaderChoice(stored, stored, True, exc.message)
        return ReaderChoice(override or stored, stored, override is not None)

    def configure(self, op: Operator, driver: str, arg: str | None = None, *,
                  library: str | None = None, helper: str | None = None,
                  wlt: str | None = None) -> ReaderConfig:
        """Choose this PC's reader (`reader set`): checked, stored on this PC, audited."""
        require(op, "reader.set")
        chosen = devices_config.check(driver, arg)
        if chosen.driver in ("termb", "sdtapi"):
            chosen = replace(chosen, library=_existing(library, "驱动库"),
                             helper=_existing(helper, "32 位 Python"),
                             wlt=_existing(wlt, "照片解码库") if chosen.driver == "sdtapi" else None)
        elif library or helper or wlt:
            raise ElderError("READER_ARG_INVALID",
                             detail="--library、--helper、--wlt 只用于 termb 和 sdtapi")
        before = devices_config.stored()
        with self.db.write() as s:
            audit.record(s, op, "reader.set", "reader", socket.gethostname()[:60] or None,
                         _shown(before), _shown(chosen))
            devices_config.store(chosen)  # a failure here rolls the audit record back
        with self._lock:
            self._drop()
        return chosen

    def read(self, op: Operator) -> ReadOutcome:
        """Read the card on this PC's reader once. Never raises for the device or the card:
        the outcome says ready / no_card / unavailable / error. A card read is audited."""
        require(op, "reader.read")
        choice = self.choice()
        if choice.error is not None:
            return ReadOutcome("none", UNAVAILABLE, warnings=[choice.error],
                               error_code="READER_ARG_INVALID")
        with self._lock:
            reader = self._reader_for(choice.config)
            outcome = read_card(reader, today(), choice.config.driver)
            if outcome.status == UNAVAILABLE:
                self._drop()  # reconnect next time (the cable may come back)
        if outcome.id_number is not None:
            with self.db.write() as s:
                audit.record(s, op, "reader.read", "person", outcome.id_number, None,
                             {"driver": outcome.driver, "status": outcome.status})
        return outcome

    def read_person(self, op: Operator) -> tuple[ReadOutcome, Person | None]:
        """Read the card and find its holder in the register (None: unknown or no card): the
        entry point of the GUI's 读卡 key."""
        require(op, "people.read")
        outcome = self.read(op)
        if outcome.card is None:
            return outcome, None
        try:
            return outcome, self.people.get(op, outcome.card.id_number)
        except ElderError as exc:
            if exc.code == "PERSON_NOT_FOUND":
                return outcome, None
            raise

    def close(self) -> None:
        """Release the device (the services are closing)."""
        with self._lock:
            self._drop()

    def _reader_for(self, config: ReaderConfig) -> Reader | None:
        if self._reader_config != config:
            self._drop()
            self._reader = devices_config.make_reader(config)
            self._reader_config = config
        return self._reader

    def _drop(self) -> None:
        reader, self._reader, self._reader_config = self._reader, None, None
        if reader is not None:
            try:
                reader.close()
            except Exception:  # a broken device must not stop the services closing

                logging.getLogger("elderdesk.devices").warning("closing reader", exc_info=True)


def _existing(value: str | None, what: str) -> str | None:
    """An optional file a driver needs: absolute, and it must exist."""
    if not value:
        return None
    path = Path(value).expanduser()
    try:
        ok = "\x00" not in value and path.is_file()
    except OSError:
        ok = False
    if not ok:
        raise ElderError("READER_ARG_INVALID", detail=f"{what}“{value}”不存在或不是文件")
    return str(path.resolve())


def _shown(config: ReaderConfig) -> dict[str, str]:
    return {k: v for k, v in asdict(config).items() if v is not None}
