"""The records that travel (multi-office.md §3-4): what each office owns, read as plain JSON
("data"), and how a partner's record is written into the receiving database.

A street owns `person` (the register entry with its edits, ID corrections, death, move and
bank account), `lifecert`, `application` (accept and street review; before joining also its
own decisions) and `card`; keys are the street's row ids, which never change. A district owns
`decision` and `stop` (keyed `STREET-APPLICATION`) and `setting` (`payment-STREET`). Names of
users from another office are kept as `name@CODE` (separation of duties compares office and
user)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from typing import Any

from elderdesk.domain.states import EndReason, EnrollmentStatus, PersonStatus, StopReason
from elderdesk.services.clock import now
from elderdesk.services.exchange import returns
from elderdesk.services.exchange.district import street_paid_records
from elderdesk.services.exchange.held import Held
from elderdesk.store import allowance_repo, audit_repo, exchange_repo, people_repo
from elderdesk.store.db import Session
from elderdesk.store.orm import PersonRow
from elderdesk.store.orm_allowance import EnrollmentRow
from elderdesk.store.pinyin import name_keys

St = EnrollmentStatus
STREET_KINDS = ("person", "lifecert", "application", "card", "paid_roster", "paid_ledger")
DISTRICT_KINDS = ("decision", "stop", "setting", *returns.KINDS)
COUNT_KEYS = ("person", "lifecert", "card", "application", "decision", "stop", "roster",
              "ledger", "recovery", "settlement", "setting")
PERSON_FIELDS = ("id_number", "name", "sex", "ethnicity", "birth_date", "household_address",
                 "current_address", "street", "community", "phone", "bank", "account",
                 "household_type", "residence_permit_expiry", "status", "death_date",
                 "moved_out_on", "notes", "checksum_override")
APP_FIELDS = ("status", "applied_on", "applied_by", "reviewed_on", "reviewed_by", "approved_on",
              "approved_by", "decision_reason", "ended_on", "end_reason", "end_note", "source",
              "agent_name", "agent_phone")
CARD_FIELDS = ("card_no", "card_type", "status", "reason", "issued_on", "fee_fen", "qr",
               "ended_on", "end_reason", "picked_up_on", "issued_by")
_NAMES = ("applied_by", "reviewed_by", "approved_by", "issued_by")
_DATES = {"birth_date", "residence_permit_expiry", "death_date", "moved_out_on", "applied_on",
          "reviewed_on", "approved_on", "ended_on", "issued_on", "picked_up_on", "date"}


def _plain(v: Any) -> Any:
    return v.isoformat() if isinstance(v, date) else v


def _qualified(name: str | None, code: str) -> str | None:
    """A user name as another office sees it: name@CODE (already qualified names stay)."""
    return name if not name or "@" in name else f"{name}@{code}"


def digest(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- what an office owns -----------------------------------------------------------------
def street_records(s: Session, code: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(kind, local id = key, data) of everything a street owns."""
    out: list[tuple[str, str, dict[str, Any]]] = []
    people, lifecerts, enrollments, cards = exchange_repo.street_rows(s)
    photos = exchange_repo.photo_hashes(s)  # the latest photo, as its SHA-256 only
    for p in people:
        data = {f: _plain(getattr(p, f)) for f in PERSON_FIELDS}
        if p.id in photos:  # (no key without a photo: the records of before stay as they were)
            data["photo_sha256"] = photos[p.id]
        out.append(("person", str(p.id), data))
    for c in lifecerts:
        out.append(("lifecert", f"{c.person_id}:{c.cert_date.isoformat()}",
                    {"person": str(c.person_id), "date": c.cert_date.isoformat()}))
    for e in enrollments:
        data = {f: _plain(getattr(e, f)) for f in APP_FIELDS}
        out.append(("application", str(e.id), {"person": str(e.person_id), **data}))
    for c in cards:
        out.append(("card", str(c.id), {"person": str(c.person_id),
                                        **{f: _plain(getattr(c, f)) for f in CARD_FIELDS}}))
    return out + street_paid_records(s)  # what its own frozen rosters paid


def _decision_date(s: Session, e: EnrollmentRow, id_number: str) -> str | None:
    if e.approved_on is not None:
        return e.approved_on.isoformat()
    rows = audit_repo.records_of(s, "enrollment", id_number, ("allowance.reject",))
    return (rows[-1].today or rows[-1].at[:10]) if rows else None


def district_records(s: Session, code: str, partners: list[Any]
                     ) -> list[tuple[str, str, dict[str, Any]]]:
    """(kind, key, data) of what a district owns: its decisions and stops on the streets'
    applications, and the payment setting of each street."""
    out: list[tuple[str, str, dict[str, Any]]] = []
    apps = exchange_repo.foreign_records(s, "application", code)
    rows = exchange_repo.enrollments_by_ids(  # one query per 500, not one per application
        s, [int(rec.local_id) for rec in apps if rec.local_id.isdigit()])
    decided = {rec.local_id: e for rec in apps
               if (e := rows.get(int(rec.local_id) if rec.local_id.isdigit() else 0))
               and e.approved_by and "@" not in e.approved_by}
    people = exchange_repo.people_by_ids(s, [e.person_id for e in decided.values()])
    for rec in apps:
        e = decided.get(rec.local_id)
        if e is None:
            continue
        person = people.get(e.person_id)
        state = St.REJECTED if e.status == St.REJECTED else St.APPROVED
        key = f"{rec.owner}-{rec.key}"
        out.append(("decision", key, {
            "street": rec.owner, "application": rec.key, "state": str(state),
            "date": _decision_date(s, e, person.id_number if person else ""),
            "reason": e.decision_reason, "decider": e.approved_by, "office": code}))
        street = json.loads(rec.body or "{}")
        if (e.status == St.STOPPED and e.end_reason in set(StopReason)
                and street.get("status") != St.STOPPED):
            out.append(("stop", key, {
                "street": rec.owner, "application": rec.key, "date": _plain(e.ended_on),
                "reason": e.end_reason, "note": e.end_note, "office": code}))
    for p in partners:
        if len(p.code) == 9 and p.payment:
            out.append(("setting", f"payment-{p.code}",
                        {"street": p.code, "payment": p.payment}))
    return out + returns.district_records(s, code)  # what frozen rosters send back


# --- a partner's records written here ------------------------------------------------------
def _date(v: Any) -> date | None:
    return date.fromisoformat(v) if isinstance(v, str) and v else None


def _person_values(d: dict[str, Any]) -> dict[str, Any]:
    values = {f: (_date(d.get(f)) if f in _DATES else d.get(f)) for f in PERSON_FIELDS}
    if (len(str(d.get("id_number") or "")) != 18 or not isinstance(values["name"], str)
            or not values["name"] or values["sex"] not in ("M", "F")
            or values["birth_date"] is None or values["status"] not in set(PersonStatus)):
        raise ValueError("person")
    return values


def apply_people(s: Session, recs: list[tuple[int, dict[str, Any]]], held: Held,
                 unreadable: Callable[[int, dict[str, Any]], Exception]) -> None:
    """The street's register entries at the district, in bulk: new rows (inserted at once, with
    their pinyin keys), or the rows updated, with the street's code in people.office. An ID
    another street registered too is a second row (both kept, not merged: the 疑似重复 list);
    services/exchange/duplicates.py gives DUP_OFFICE."""
    checked = []
    for n, rec in recs:
        try:
            checked.append((rec, _person_values(rec["data"])))
        except (ValueError, TypeError, KeyError, AttributeError):
            raise unreadable(n, rec) from None
    rows = exchange_repo.people_by_ids(
        s, [pid for rec, _v in checked if (pid := held.local_int("person", rec["key"]))])
    stamp = now()
    new: list[tuple[dict[str, Any], dict[str, Any]]] = []
    keys: list[tuple[int, str, tuple[str, ...]]] = []
    names: dict[str, tuple[str, ...]] = {}

    def keys_of(name: str) -> tuple[str, ...]:
        if name not in names:
            names[name] = tuple(name_keys(name))
        return names[name]

    for rec, values in checked:
        row = rows.get(held.local_int("person", rec["key"]) or 0)
        if row is None:
            new.append((rec, values))
            continue
        renamed = row.name != values["name"]
        for f, v in values.items():
            setattr(row, f, v)
        row.updated_at = stamp
        if renamed:
            keys.append((row.id, row.id_number, keys_of(row.name)))
        if row.status != PersonStatus.ACTIVE:
            _end_enrollment(s, row)
        held.put(rec, str(row.id), digest(rec["data"]))
    s.flush()
    ids = exchange_repo.insert_people(s, [{**values, "office": rec["owner"], "created_at": stamp,
                                           "updated_at": stamp} for rec, values in new])
    for (rec, values), pid in zip(new, ids, strict=True):
        keys.append((pid, values["id_number"], keys_of(values["name"])))
        held.put(rec, str(pid), digest(rec["data"]))
    if keys:
        people_repo.set_keys_many(s, keys)


def _end_enrollment(s: Session, person: PersonRow) -> None:
    """A death or move the street recorded ends the enrollment here too (each side derives
    it): an approved one stops at that date, an open one is cancelled."""
    when = person.death_date or person.moved_out_on
    if when is None:
        return
    reason = EndReason.DEATH if person.status == PersonStatus.DECEASED else EndReason.MOVED_OUT
    e = allowance_repo.latest_enrollment(s, person.id)
    if e is None:
        return
    if e.status == St.APPROVED:
        e.status, e.ended_on, e.end_reason = St.STOPPED, when, reason
    elif e.status in (St.APPLIED, St.REVIEWED):
        e.status, e.ended_on, e.end_reason = St.CANCELLED, when, reason


def apply_lifecert(s: Session, rec: dict[str, Any], held: Held,
                   pending: list[tuple[int, date]]) -> str:
    """A proof of life: kept in `pending` (written in bulk by the caller, exchange_repo.
    add_lifecerts); the local id returned."""
    owner, d = rec["owner"], rec["data"]
    pid, on = held.local_int("person", d.get("person")), _date(d.get("date"))
    if pid is None or on is None:
        return f"x{owner}-{rec['key']}"
    pending.append((pid, on))
    return f"{pid}:{on.isoformat()}"


def _application_values(d: dict[str, Any], owner: str) -> dict[str, Any]:
    values = {f: (_date(d.get(f)) if f in _DATES else d.get(f)) for f in APP_FIELDS}
    for f in _NAMES:
        if f in values:
            values[f] = _qualified(values[f], owner)
    values["source"] = values.get("source") or "counter"
    return values


def apply_applications(s: Session, recs: list[tuple[int, dict[str, Any]]], held: Held,
                       unreadable: Callable[[int, dict[str, Any]], Exception]) -> None:
    """The street's applications at the district, in bulk. Once the district has decided one,
    the street's copy changes only the street's own fields, and a death or move ends it."""
    checked = []
    for n, rec in recs:
        try:
            checked.append((rec, _application_values(rec["data"], rec["owner"])))
        except (ValueError, TypeError, KeyError, AttributeError):
            raise unreadable(n, rec) from None
    rows = exchange_repo.enrollments_by_ids(
        s, [e for rec, _v in checked if (e := held.local_int("application", rec["key"]))])
    street_only = ("applied_on", "applied_by", "reviewed_on", "reviewed_by", "source",
                   "agent_name", "agent_phone")
    new: list[tuple[dict[str, Any], dict[str, Any]]] = []
    stamp = now()
    for rec, values in checked:
        pid = held.local_int("person", rec["data"].get("person"))
        if pid is None:
            held.put(rec, f"x{rec['owner']}-{rec['key']}", digest(rec["data"]))
            continue
        e = rows.get(held.local_int("application", rec["key"]) or 0)
        if e is None:
            new.append((rec, {"person_id": pid, "created_at": stamp, **values}))
            continue
        decided = bool(e.approved_by) and "@" not in e.approved_by  # the district's decision
        for f, v in values.items():
            if not decided or f in street_only:
                setattr(e, f, v)
        ended = values.get("end_reason") in (EndReason.DEATH, EndReason.MOVED_OUT)
        if decided and ended and e.status == St.APPROVED:
            e.status, e.ended_on, e.end_reason = (St.STOPPED, values["ended_on"],
                                                  values["end_reason"])
        held.put(rec, str(e.id), digest(rec["data"]))
    s.flush()
    ids = exchange_repo.insert_enrollments(s, [values for _rec, values in new])
    for (rec, _values), eid in zip(new, ids, strict=True):
        held.put(rec, str(eid), digest(rec["data"]))


def apply_card(s: Session, rec: dict[str, Any]) -> str:
    """Cards stay the street's (identified by office and number): kept as received."""
    return f"c{rec['owner']}-{rec['key']}"


def apply_decision(s: Session, rec: dict[str, Any]) -> str:
    """The district's decision moves the street's application: reviewed -> approved or
    rejected; one cancelled by a death meanwhile is approved and ends at the death."""
    d = rec["data"]
    e = s.get(EnrollmentRow, int(d["application"]))
    assert e is not None  # checked before anything was written
    decider = _qualified(str(d.get("decider") or ""), rec["owner"])
    if d.get("state") == St.APPROVED:
        e.approved_on, e.approved_by, e.decision_reason = _date(d.get("date")), decider, None
        if e.status == St.CANCELLED and e.end_reason in (EndReason.DEATH, EndReason.MOVED_OUT):
            e.status = St.STOPPED
        elif e.status in (St.APPLIED, St.REVIEWED, St.REJECTED):
            e.status = St.APPROVED
    else:
        e.approved_on, e.approved_by = None, decider
        e.decision_reason = d.get("reason")
        if e.status in (St.APPLIED, St.REVIEWED, St.APPROVED):
            e.status = St.REJECTED
    return str(e.id)


def apply_stop(s: Session, rec: dict[str, Any]) -> str:
    d = rec["data"]
    e = s.get(EnrollmentRow, int(d["application"]))
    assert e is not None
    if e.status == St.APPROVED:
        e.status, e.ended_on = St.STOPPED, _date(d.get("date"))
        e.end_reason, e.end_note = d.get("reason"), d.get("note")
    return f"stop-{e.id}"
