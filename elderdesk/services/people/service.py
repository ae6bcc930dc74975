"""Use cases of the register: add, edit, show, search, record death or move out."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime

from elderdesk.domain.errors import ElderError
from elderdesk.domain.idcard import clean_id, parse_id
from elderdesk.domain.person import (
    PERSON_FIELDS,
    Person,
    PersonInput,
    clean_account,
    clean_input,
)
from elderdesk.domain.states import PersonStatus
from elderdesk.domain.text import clean_text
from elderdesk.services import audit
from elderdesk.services.auth import Operator, require
from elderdesk.services.clock import event_date, now, today
from elderdesk.services.people import refs
from elderdesk.store import people_repo
from elderdesk.store.db import Database, Session
from elderdesk.store.orm import PersonRow
from elderdesk.store.pinyin import name_keys

# Called inside the transaction that records a death or move out: (session, row, kind, date, op).
StatusHook = Callable[[Session, PersonRow, str, date, Operator], None]


@dataclass(frozen=True)
class PersonSummary:
    """One search result line."""

    id_number: str
    name: str
    sex: str
    birth_date: date
    status: str
    community: str | None
    street: str | None
    office: str | None = None  # at a district: the registering street's code


def to_person(row: PersonRow) -> Person:
    return Person(**{f: getattr(row, f) for f in PERSON_FIELDS})


def person_audit(p: Person | PersonRow | None) -> dict | None:
    """The audited view of a person (full values: the audit log is for inspectors)."""
    if p is None:
        return None
    if isinstance(p, PersonRow):
        p = to_person(p)
    d = asdict(p)
    d.pop("extra", None)
    return d


def version_of(p: Person | PersonRow) -> str:
    """What a person's register entry holds, as a short digest: the edit dialog passes the
    version it showed, and `update` refuses (STALE_EDIT) when the entry changed since."""
    text = json.dumps(person_audit(p), ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _changed_at(at: datetime | None) -> str:
    """HH:MM of a change today, else its date too."""
    if at is None:
        return "刚才"
    return at.strftime("%H:%M") if at.date() == now().date() else at.strftime("%Y-%m-%d %H:%M")


class PeopleService:
    def __init__(self, db: Database, status_hooks: list[StatusHook] | None = None) -> None:
        self.db = db
        self.status_hooks: list[StatusHook] = status_hooks or []

    # --- reading ---------------------------------------------------------------------
    def get(self, op: Operator, id_number: str) -> Person:
        require(op, "people.read")
        with self.db.read() as s:
            row = self.resolve(s, id_number)
            person = to_person(row)
            # at a district: the registering street's code (people.office, refs.py)
            return with_extra(person, office=row.office) if row.office else person

    def search(self, op: Operator, query: str, limit: int = 50,
               after: str | None = None) -> list[PersonSummary]:
        require(op, "people.read")
        q = clean_text(query) or ""
        if q and q.replace("x", "X").replace("X", "").isdigit():
            q = q.upper()
        if not q:
            return []
        if limit < 1 or limit > 10000:
            raise ElderError("INVALID_VALUE", field="--limit", value=limit, detail="应在 1 到 10000 之间")
        with self.db.read() as s:
            rows = people_repo.search(s, q[:64], limit, after)
        return [PersonSummary(r.id_number, r.name, r.sex, r.birth_date, r.status, r.community,
                              r.street, r.office or None) for r in rows]

    @staticmethod
    def resolve(s: Session, value: str) -> PersonRow:
        """The registered person for an ID argument (cleaned, 15 → 18). A checksum failure is
        accepted only for a person registered with an override; otherwise ID_CHECKSUM (exit 2).
        `ID@OFFICE` names one street's registration at a district (refs.py)."""
        value, office = refs.split_ref(value)
        try:
            number = parse_id(value, today()).number
        except ElderError as exc:
            if exc.code != "ID_CHECKSUM":
                raise
            row = refs.find(s, clean_id(value), office)
            if row is None or not row.checksum_override:
                raise
            return row
        row = refs.find(s, number, office)
        if row is None:
            raise ElderError("PERSON_NOT_FOUND", id=number)
        return row

    # --- changing --------------------------------------------------------------------
    def add(self, op: Operator, data: PersonInput, *, checksum_override: str | None = None,
            on: date | None = None) -> Person:
        require(op, "people.add")
        override = clean_text(checksum_override) if checksum_override else None
        if checksum_override is not None:
            require(op, "people.override_checksum")
            if not override:
                raise ElderError("OVERRIDE_NEEDS_ADMIN")
        info = parse_id(data.id_number, on or today(), allow_bad_checksum=bool(override))
        clean = clean_input(data)
        if clean.sex and clean.sex != info.sex:
            raise ElderError("SEX_MISMATCH", given="男" if clean.sex == "M" else "女",
                             expected="男" if info.sex == "M" else "女")
        stamp = now()
        with self.db.write() as s:
            existing = people_repo.by_id_number(s, info.number)
            if existing is not None:
                raise ElderError("PERSON_EXISTS", id=info.number, name=existing.name)
            values = {k: v for k, v in asdict(clean).items() if k not in ("id_number", "sex")}
            row = PersonRow(
                **values, id_number=info.number, sex=info.sex, birth_date=info.birth_date,
                status=PersonStatus.ACTIVE, checksum_override=override, created_at=stamp,
                updated_at=stamp,
            )
            s.add(row)
            s.flush()
            people_repo.set_keys(s, row.id, name_keys(row.name))
            audit.record(s, op, "people.add", "person", row.id_number, None, person_audit(row))
            return to_person(row)

    def update(self, op: Operator, id_number: str, data: PersonInput,
               expected: str | None = None) -> Person:
        """Change everything but the ID number (that is `correct-id`, an approver's job).
        expected: the `version_of` the person the clerk edited (the dialog); if the entry
        changed since (another counter recorded a death, an edit), STALE_EDIT, nothing saved.
        Without it (the CLI) the edit applies to the entry as it is."""
        require(op, "people.edit")
        clean = clean_input(data)
        with self.db.write() as s:
            row = self.resolve(s, id_number)
            number = row.id_number
            if expected is not None and version_of(row) != expected:
                raise ElderError("STALE_EDIT", name=row.name, time=_changed_at(row.updated_at))
            if clean.sex and clean.sex != row.sex:
                raise ElderError("SEX_MISMATCH", given="男" if clean.sex == "M" else "女",
                                 expected="男" if row.sex == "M" else "女")
            before = person_audit(row)
            for key, value in asdict(clean).items():
                if key not in ("id_number", "sex"):
                    setattr(row, key, value)
            row.updated_at = now()
            if before["name"] != row.name:
                people_repo.set_keys(s, row.id, name_keys(row.name))
            after = person_audit(row)
            if after != before:
                audit.record(s, op, "people.edit", "person", number, before, after)
            return to_person(row)

    def set_account(self, op: Operator, id_number: str, bank: str | None,
                    account: str | None) -> Person:
        """Record or change the bank account (`people account`): both parts required, the
        account 12-30 digits with spaces removed. Audited as people.account, which makes a
        draft roster stale (the next build pays what was withheld for want of it)."""
        require(op, "people.edit")
        bank_text, account_text = clean_account(bank, account)
        with self.db.write() as s:
            row = self.resolve(s, id_number)
            before = {"bank": row.bank, "account": row.account}
            after = {"bank": bank_text, "account": account_text}
            if after != before:
                row.bank, row.account, row.updated_at = bank_text, account_text, now()
                audit.record(s, op, "people.account", "person", row.id_number, before, after)
            return to_person(row)

    def record_death(self, op: Operator, id_number: str, when: date) -> Person:
        require(op, "people.death")
        return self._end(op, id_number, when, PersonStatus.DECEASED)

    def record_moved_out(self, op: Operator, id_number: str, when: date) -> Person:
        require(op, "people.moved_out")
        return self._end(op, id_number, when, PersonStatus.MOVED_OUT)

    def _end(self, op: Operator, id_number: str, when: date, status: str) -> Person:
        when = event_date(when)
        with self.db.write() as s:
            row = self.resolve(s, id_number)
            number = row.id_number
            self.check_can_end(row, when)
            before = person_audit(row)
            self.apply_end(s, op, row, when, status)
            action = "people.death" if status == PersonStatus.DECEASED else "people.moved_out"
            audit.record(s, op, action, "person", number, before, person_audit(row))
            warnings = s.info.pop("warnings", [])
            return with_extra(to_person(row), warnings=warnings) if warnings else to_person(row)

    def correct_id(self, op: Operator, old: str, new: str, reason: str) -> Person:
        """Keep the person, enrollment and ledger under a corrected ID; the next roster reconciles
        (the birth date and sex follow the new number)."""
        require(op, "people.correct_id")
        reason_text = clean_text(reason) if reason else ""
        if not reason_text:
            raise ElderError("REASON_REQUIRED")
        info = parse_id(new, today())
        with self.db.write() as s:
            row = self.resolve(s, old)
            if row.id_number == info.number:
                raise ElderError("ID_SAME")
            other = people_repo.by_id_number(s, info.number)
            if other is not None:
                raise ElderError("PERSON_EXISTS", id=info.number, name=other.name)
            before = person_audit(row)
            row.id_number, row.birth_date, row.sex = info.number, info.birth_date, info.sex
            row.checksum_override = None
            row.updated_at = now()
            after = person_audit(row)
            audit.record(s, op, "people.correct_id", "person", info.number, before,
                         {**after, "reason": reason_text, "old_id_number": before["id_number"]})
            return to_person(row)

    @staticmethod
    def check_can_end(row: PersonRow, when: date) -> None:
        if row.status == PersonStatus.DECEASED:
            raise ElderError("PERSON_DECEASED", name=row.name, id=row.id_number, date=row.death_date)
        if row.status == PersonStatus.MOVED_OUT:
            raise ElderError("PERSON_MOVED_OUT", name=row.name, id=row.id_number,
                             date=row.moved_out_on)
        if when < row.birth_date:
            raise ElderError("DATE_BEFORE_BIRTH", date=when, birth=row.birth_date)

    def apply_end(self, s: Session, op: Operator, row: PersonRow, when: date, status: str) -> None:
        """Set the status and run the hooks (cancel applications, revoke cards...)."""
        row.status = status
        if status == PersonStatus.DECEASED:
            row.death_date = when
        else:
            row.moved_out_on = when
        row.updated_at = now()
        for hook in self.status_hooks:
            hook(s, row, status, when, op)


def with_extra(person: Person, **extra: object) -> Person:
    return replace(person, extra={**person.extra, **extra})
