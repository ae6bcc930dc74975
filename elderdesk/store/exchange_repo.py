"""SQL of street and district exchange: partners, packages, the travel identity of records
(store/orm_exchange.py), and the rows a package reads and writes."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime
from typing import Any, NamedTuple, cast

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session, undefer_group

from elderdesk.store import settings_repo
from elderdesk.store.orm import PersonRow, compact_household
from elderdesk.store.orm_allowance import EnrollmentRow, LifeCertRow
from elderdesk.store.orm_cards import CardPhotoRow, CardRow
from elderdesk.store.orm_exchange import PackageRow, PartnerRow, RecordRow

VERSION_KEY = "exchange.version"  # the office's version counter (only grows)


def partner_keys(session: Session) -> dict[str, str]:
    return dict(session.execute(select(PartnerRow.code, PartnerRow.public_key)).all())


def partner(session: Session, code: str) -> PartnerRow | None:
    return session.get(PartnerRow, code)


def partners(session: Session) -> list[PartnerRow]:
    return list(session.execute(select(PartnerRow).order_by(PartnerRow.code)).scalars())


def add_partner(session: Session, code: str, name: str, pem: str, at: datetime) -> PartnerRow:
    row = PartnerRow(code=code, name=name, public_key=pem, added_at=at, sent_seq=0,
                     received_seq=0, acked_seq=0, acked_version=0, received_version=0)
    session.add(row)
    session.flush()
    return row


def package(session: Session, partner_code: str, direction: str, seq: int) -> PackageRow | None:
    return session.get(PackageRow, (partner_code, direction, seq))


def add_package(session: Session, partner_code: str, direction: str, seq: int, sha: str,
                version: int, at: datetime) -> None:
    row = package(session, partner_code, direction, seq)
    if row is None:
        session.add(PackageRow(partner=partner_code, direction=direction, seq=seq,
                               body_sha256=sha, version=version, at=at))
    else:  # `--since-seq` wrote this number again: the newest file is the one that counts
        row.body_sha256, row.version, row.at = sha, version, at
    session.flush()


def version_before(session: Session, partner_code: str, seq: int) -> int:
    """The highest own version in the packages sent to partner up to seq (0: none)."""
    found = session.execute(select(func.max(PackageRow.version)).where(
        PackageRow.partner == partner_code, PackageRow.direction == "out",
        PackageRow.seq <= seq)).scalar()
    return int(found or 0)


def next_version(session: Session) -> int:
    value = int(settings_repo.value(session, VERSION_KEY) or 0) + 1
    settings_repo.store(session, VERSION_KEY, str(value))
    return value


def current_version(session: Session) -> int:
    return int(settings_repo.value(session, VERSION_KEY) or 0)


def raise_version(session: Session, at_least: int) -> None:
    """After a restore the counter continues after what a partner acknowledged."""
    if at_least > current_version(session):
        settings_repo.store(session, VERSION_KEY, str(at_least))


def records_of(session: Session, owner: str, kinds: Iterable[str] | None = None
               ) -> dict[tuple[str, str], RecordRow]:
    """(kind, local_id) -> the travel identity of every record owner holds here."""
    q = select(RecordRow).where(RecordRow.owner == owner)
    if kinds is not None:
        q = q.where(RecordRow.kind.in_(list(kinds)))
    return {(r.kind, r.local_id): r for r in session.execute(q).scalars()}


def record(session: Session, kind: str, owner: str, key: str) -> RecordRow | None:
    return session.get(RecordRow, (kind, owner, key))


def record_by_local(session: Session, kind: str, local_id: str) -> RecordRow | None:
    return session.execute(select(RecordRow).where(
        RecordRow.kind == kind, RecordRow.local_id == local_id)).scalar_one_or_none()


def owners_of_local(session: Session, kind: str, local_ids: Iterable[str]) -> dict[str, str]:
    ids = list(local_ids)
    if not ids:
        return {}
    return dict(session.execute(select(RecordRow.local_id, RecordRow.owner).where(
        RecordRow.kind == kind, RecordRow.local_id.in_(ids))).all())


def person_offices(session: Session, id_numbers: Iterable[str]) -> dict[str, list[str]]:
    """ID number -> the streets whose registrations of it a district holds (people.office;
    two for an ID registered at two streets); an office's own registrations have none."""
    out: dict[str, list[str]] = {}
    numbers = sorted(set(id_numbers))
    for i in range(0, len(numbers), 500):
        for number, office in session.execute(select(PersonRow.id_number, PersonRow.office).where(
                PersonRow.id_number.in_(numbers[i:i + 500]), PersonRow.office != "")).all():
            out.setdefault(number, []).append(office)
    return {k: sorted(set(v)) for k, v in out.items()}


def changed_since(session: Session, owner: str, version: int) -> list[RecordRow]:
    # populate_existing: rows written in bulk (write_records) since an object was loaded
    return list(session.execute(select(RecordRow).where(
        RecordRow.owner == owner, RecordRow.version > version).order_by(
        RecordRow.version).execution_options(populate_existing=True)).scalars())


def max_version(session: Session, owner: str) -> int:
    """The highest version of owner's records held here (0: none)."""
    return int(session.execute(select(func.max(RecordRow.version)).where(
        RecordRow.owner == owner)).scalar() or 0)


def _chunks(items: list, size: int = 500) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


class HeldRecord(NamedTuple):
    """A partner's record held here: the local row it maps to and the version written."""

    local_id: str
    version: int


def held_records(session: Session, kind: str, owner: str, keys: Iterable[str]
                 ) -> dict[str, HeldRecord]:
    """key -> the owner's record of kind held here, of those keys (one query per 500 keys)."""
    out: dict[str, HeldRecord] = {}
    for chunk in _chunks(sorted(set(keys))):
        out.update((k, HeldRecord(local, v)) for k, local, v in session.execute(
            select(RecordRow.key, RecordRow.local_id, RecordRow.version).where(
                RecordRow.kind == kind, RecordRow.owner == owner, RecordRow.key.in_(chunk))))
    return out


def write_records(session: Session, rows: list[dict[str, Any]], existing: set[tuple[str, str,
                                                                                 str]]) -> None:
    """Insert or update exchange_records in bulk: rows are dicts of its columns; those whose
    (kind, owner, key) is in `existing` are updated, the others inserted (executemany)."""
    new = [r for r in rows if (r["kind"], r["owner"], r["key"]) not in existing]
    old = [{"k_kind": r["kind"], "k_owner": r["owner"], "k_key": r["key"], **r}
           for r in rows if (r["kind"], r["owner"], r["key"]) in existing]
    table = cast(Table, RecordRow.__table__)
    for chunk in _chunks(new, 2000):
        session.execute(insert(table), chunk)
    if old:
        stmt = update(table).where(
            table.c.kind == bindparam("k_kind"), table.c.owner == bindparam("k_owner"),
            table.c.key == bindparam("k_key")).values(
            local_id=bindparam("local_id"), version=bindparam("version"),
            digest=bindparam("digest"), body=bindparam("body"))
        for chunk in _chunks(old, 2000):
            session.connection().execute(stmt, chunk)


def people_by_ids(session: Session, ids: Iterable[int]) -> dict[int, PersonRow]:
    out: dict[int, PersonRow] = {}
    for chunk in _chunks(sorted(set(ids))):
        out.update((r.id, r) for r in session.execute(select(PersonRow).where(
            PersonRow.id.in_(chunk))).scalars())
    return out


def enrollments_by_ids(session: Session, ids: Iterable[int]) -> dict[int, EnrollmentRow]:
    out: dict[int, EnrollmentRow] = {}
    for chunk in _chunks(sorted(set(ids))):
        out.update((r.id, r) for r in session.execute(select(EnrollmentRow).where(
            EnrollmentRow.id.in_(chunk))).scalars())
    return out


def insert_people(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """New people rows (dicts of PersonRow attributes) in bulk; their ids in the same order."""
    table = cast(Table, PersonRow.__table__)
    values = [{**{k: v for k, v in r.items() if k != "household_address"},
               "household_address": compact_household(r.get("household_address"),
                                                      r.get("current_address"))}
              for r in rows]
    ids: list[int] = []
    for chunk in _chunks(values, 1000):
        ids += session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True),
                               chunk).scalars().all()
    return ids


def insert_enrollments(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """New enrollments rows in bulk; their ids in the same order."""
    table = cast(Table, EnrollmentRow.__table__)
    ids: list[int] = []
    for chunk in _chunks(rows, 1000):
        ids += session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True),
                               chunk).scalars().all()
    return ids


def add_lifecerts(session: Session, rows: list[tuple[int, Any]], at: datetime) -> None:
    """Proofs of life (person_id, date) not held yet, in bulk (user unknown: another office's)."""
    wanted = list(dict.fromkeys(rows))
    have: set[tuple[int, Any]] = set()
    for chunk in _chunks(sorted({pid for pid, _d in wanted})):
        have.update((pid, on) for pid, on in session.execute(select(
            LifeCertRow.person_id, LifeCertRow.cert_date).where(LifeCertRow.person_id.in_(chunk))))
    new = [{"person_id": pid, "cert_date": on, "recorded_at": at, "user_id": None}
           for pid, on in wanted if (pid, on) not in have]
    for chunk in _chunks(new, 2000):
        session.execute(insert(cast(Table, LifeCertRow.__table__)), chunk)


def count_changed_since(session: Session, owner: str, version: int) -> int:
    return int(session.execute(select(func.count()).select_from(RecordRow).where(
        RecordRow.owner == owner, RecordRow.version > version)).scalar() or 0)


def put_record(session: Session, kind: str, owner: str, key: str, local_id: str, version: int,
               digest: str, body: str | None = None) -> RecordRow:
    row = record(session, kind, owner, key)
    if row is None:
        row = RecordRow(kind=kind, owner=owner, key=key, local_id=local_id, version=version,
                        digest=digest, body=body)
        session.add(row)
    else:
        row.local_id, row.version, row.digest, row.body = local_id, version, digest, body
    session.flush()
    return row


def add_records(session: Session, rows: list[dict]) -> None:
    """New records (kind, owner, key, local_id, version, digest, body) in one statement."""
    if rows:
        session.flush()
        session.execute(insert(RecordRow), rows)


def foreign_records(session: Session, kind: str, own: str) -> list[RecordRow]:
    """Records of kind held here that another office owns."""
    return list(session.execute(select(RecordRow).where(
        RecordRow.kind == kind, RecordRow.owner != own)).scalars())


def photo_hashes(session: Session) -> dict[int, str]:
    """Person id -> SHA-256 of the person's latest 1-inch photo (the one cards print; photos
    travel as hashes only, multi-office.md §4), read one photo at a time."""
    latest = select(func.max(CardPhotoRow.id)).group_by(CardPhotoRow.person_id)
    rows = session.execute(select(CardPhotoRow.person_id, CardPhotoRow.image)
                           .where(CardPhotoRow.id.in_(latest)).execution_options(yield_per=200))
    return {pid: hashlib.sha256(image).hexdigest() for pid, image in rows}


class StreetRows(NamedTuple):
    """Everything a street owns and sends, as ORM rows."""

    people: list[PersonRow]
    lifecerts: list[LifeCertRow]
    enrollments: list[EnrollmentRow]
    cards: list[CardRow]


def street_rows(session: Session) -> StreetRows:
    """Every person, proof of life, application and card of this office (what a street owns)."""
    return StreetRows(
        list(session.execute(select(PersonRow).order_by(PersonRow.id)).scalars()),
        list(session.execute(select(LifeCertRow)).scalars()),
        list(session.execute(select(EnrollmentRow).options(undefer_group("source"))
                             .order_by(EnrollmentRow.id)).scalars()),  # no load per row
        list(session.execute(select(CardRow).order_by(CardRow.id)).scalars()))
