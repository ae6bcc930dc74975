"""What a district's frozen rosters send back to the streets it pays (multi-office.md §5):
each street's part of the roster (even an empty one), the ledger of its people, recoveries
and their settlements. Owned by the district, keyed `STREET-...` (routed like decisions).

| kind | key | data |
|---|---|---|
| `roster` | `STREET-PERIOD` | the street's lines (one array each, `columns` names them: person key, printed fields, band, items), withheld, when and by whom built and frozen, the 校验码 |
| `ledger` | `STREET-PERSON-PERIOD` | `months`: every month of that period a frozen roster touched or the ledger holds, its net fen (0: nothing) |
| `recovery` | `STREET-RECOVERY` | `person`, `period`, `month`, `amount_fen` |
| `settlement` | `STREET-RECOVERY` | `settled_on`, `settled_by` |

At the district the records are made once per frozen roster (settings `exchange.returns.
roster`: the last roster done), settlements whenever one is recorded. At the street a roster is
stored in the roster tables as its own frozen ones are (the triggers keep it), replacing the
draft of its period; ledger months set the street's ledger, so its history follows."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from elderdesk.domain.errors import ElderError
from elderdesk.domain.ledger import KIND_CODE
from elderdesk.domain.ledger import KINDS as ITEM_KINDS
from elderdesk.domain.months import Month, Period
from elderdesk.services.audit import anchors
from elderdesk.services.exchange.district import pays
from elderdesk.store import audit_repo, exchange_repo, returns_repo, roster_repo
from elderdesk.store.db import Session

KINDS = ("roster", "ledger", "recovery", "settlement")
PRINTED = ("id_number", "name", "sex", "birth_date", "street", "community", "bank", "account")
# A roster line travels as one array (the part of a 2,000-person street stays small).
COLUMNS = ("person", *PRINTED, "band", "monthly_fen", "items")

Record = tuple[str, str, dict[str, Any]]
LEDGER = "returns.ledger"  # session.info: people.id -> {Month.index: fen} not written yet
_NOBODY = returns_repo.PersonRef("", "")  # a person no partner street registered


def _iso(v: Any) -> Any:
    return v.isoformat() if isinstance(v, (date, datetime)) else v


# --- at the district ------------------------------------------------------------------------
def district_records(s: Session, code: str) -> list[Record]:
    """The return records not written yet: those of every roster frozen since the last export
    for each street it pays, and every settlement."""
    out: list[Record] = []
    partners = exchange_repo.partners(s)
    for roster in returns_repo.frozen_after(s, returns_repo.mark(s)):
        period = Period.parse(roster.period)
        streets = {p.code for p in partners if len(p.code) == 9 and pays(p.pays_from, period)}
        if streets:
            out += _roster_records(s, code, roster, streets)
    settled = returns_repo.settled_recoveries(s)
    refs = returns_repo.person_refs(s, code, [r.person_id for r in settled])
    for r in settled:
        street = refs.get(r.person_id, _NOBODY).street
        if street:
            out.append(("settlement", f"{street}-{r.id}", {
                "street": street, "settled_on": _iso(r.settled_on),
                "settled_by": r.settled_by}))
    sent = {key for kind, key, _d in out if kind == "recovery"}
    return [(kind, key, d) for kind, key, d in out if kind != "settlement" or key in sent
            or exchange_repo.record(s, "recovery", code, key) is not None]


def _roster_records(s: Session, code: str, roster: Any, streets: set[str]) -> list[Record]:
    lines = returns_repo.roster_lines(s, roster.id)
    withheld = roster_repo.load_withheld(s, roster.id)
    held = returns_repo.withheld_people(s, [w.id_number for w in withheld])
    refs = returns_repo.person_refs(s, code, [ln.person_id for ln in lines] + list(held.values()))
    found = audit_repo.last_of(s, "roster.freeze", roster.period)
    parts: dict[str, list[list[Any]]] = {street: [] for street in streets}
    kind = Period.parse(roster.period).kind
    periods: dict[int, set[str]] = defaultdict(set)  # person -> periods this roster touched
    for ln in lines:
        street, key = refs.get(ln.person_id, _NOBODY)
        if street not in parts:
            continue
        parts[street].append([key, *map(_iso, ln.printed), ln.band, ln.monthly_fen,
                              [[str(Month.from_index(m)), ITEM_KINDS[k], fen]
                               for m, k, fen in ln.items]])
        periods[ln.person_id] |= {_period_of(m, kind) for m, _k, _f in ln.items}
    out: list[Record] = []
    for street in sorted(parts):
        out.append(("roster", f"{street}-{roster.period}", {
            "street": street, "period": roster.period, "office": code,
            "built_at": _iso(roster.built_at), "built_by": roster.built_by,
            "frozen_at": _iso(roster.frozen_at), "frozen_by": roster.frozen_by,
            "check_code": anchors.check_code(found.record, found.sha256) if found else None,
            "columns": list(COLUMNS), "lines": parts[street],
            "withheld": [[n, name, reason, list(months), fen]
                         for n, name, reason, months, fen in withheld
                         if refs.get(held.get(n, 0), _NOBODY).street == street]}))
    ledger = returns_repo.ledger_months(s, periods)
    touched = returns_repo.frozen_item_months(s, periods)
    for pid in sorted(periods):
        street, key = refs[pid]
        months = ledger.get(pid, {})
        by_period: dict[str, list[int]] = defaultdict(list)  # one pass over the months
        for m in sorted(set(months) | touched.get(pid, set())):
            by_period[_period_of(m, kind)].append(m)
        for period in sorted(periods[pid]):
            mine = by_period.get(period, [])
            out.append(("ledger", f"{street}-{key}-{period}", {
                "street": street, "person": key, "period": period,
                "months": {str(Month.from_index(m)): months.get(m, 0) for m in mine}}))
    recs = returns_repo.recoveries_of(s, roster.id)
    more = returns_repo.person_refs(s, code, [r.person_id for r in recs])
    for r in recs:
        street, key = more.get(r.person_id, _NOBODY)
        if street in parts:
            out.append(("recovery", f"{street}-{r.id}", {
                "street": street, "person": key, "period": r.period, "month": r.month,
                "amount_fen": r.amount_fen}))
    return out


def _period_of(month: int, kind: str) -> str:
    return str(Period.containing(Month.from_index(month), kind))


def stamped(s: Session) -> None:
    """After an export wrote the return records: the rosters frozen so far are done."""
    last = returns_repo.frozen_after(s, returns_repo.mark(s))
    if last:
        returns_repo.set_mark(s, last[-1].id)


# --- at the street --------------------------------------------------------------------------
def _qualified(name: Any, code: str) -> str | None:
    text = str(name) if name else None
    return text if not text or "@" in text else f"{text}@{code}"


def _former_numbers(s: Session, number: str) -> set[str]:
    """The ID numbers a person had before ID corrections (the district may not hold the last)."""
    seen, todo = {number}, [number]
    while todo:
        for row in audit_repo.records_of(s, "person", todo.pop(), ("people.correct_id",)):
            old = (json.loads(row.after_json or "{}") or {}).get("old_id_number")
            if isinstance(old, str) and old not in seen:
                seen.add(old)
                todo.append(old)
    return seen


def _own(s: Session, code: str, what: str, key: Any, id_number: Any = None) -> int:
    """The local id of this street's person the district names, else refused (looked up once
    per import: a package names a person in a line and in each of its ledger records; a
    roster's people in bulk, _known)."""
    cache = s.info.setdefault("returns.own", {})
    found = cache.get(str(key))
    if found is None:
        person = returns_repo.own_person(s, code, str(key))
        found = cache[str(key)] = (person.id, person.id_number) if person else (None, None)
    pid, number = found
    if pid is None or (id_number is not None and id_number != number
                       and id_number not in _former_numbers(s, number)):
        raise ElderError("EXCHANGE_FOREIGN_PERSON", what=what[:60],
                         person=str(id_number or key)[:20])
    return pid


def _known(s: Session, code: str, keys: Iterable[Any]) -> None:
    """Look the people a roster names up at once (the cache of _own; not found: None)."""
    cache = s.info.setdefault("returns.own", {})
    todo = {str(k) for k in keys} - cache.keys()
    found = returns_repo.own_people(s, code, todo)
    for key in todo:
        cache[key] = found.get(key, (None, None))


def _day(v: Any) -> date | None:
    return date.fromisoformat(v) if isinstance(v, str) and v else None


def _stamp(v: Any) -> datetime:
    if not isinstance(v, str):
        raise ValueError("time")
    return datetime.fromisoformat(v)


def _period(v: Any) -> Period:
    return _period_of_text(str(v))


@lru_cache(maxsize=1024)
def _period_of_text(text: str) -> Period:
    """A period's text parsed once (a first roster's ledger records name ~20 periods each)."""
    try:
        return Period.parse(text)
    except ElderError:
        raise ValueError("period") from None


def _month(v: Any) -> int:
    return _month_index(str(v))


@lru_cache(maxsize=4096)
def _month_index(text: str) -> int:
    """'YYYY-MM' -> Month.index, each distinct text parsed once (a first roster's return
    package names 170,000 months, a few hundred distinct)."""
    try:
        return Month.parse(text).index
    except ElderError:
        raise ValueError("month") from None


def apply(s: Session, code: str, rec: dict[str, Any], held: Any) -> str:
    """Write one return record at the street; the local id it maps to."""
    kind, owner, key, d = rec["kind"], rec["owner"], rec["key"], rec["data"]
    what = f"{kind} {key}"
    if kind == "roster":
        return _apply_roster(s, code, owner, key, d, held)
    if kind == "ledger":
        pid = _own(s, code, what, d.get("person"))
        period = _period(d["period"])
        first = period.first.index
        last = first + period.size - 1
        months = {_month(m): int(fen) for m, fen in dict(d["months"]).items()}
        if any(not first <= m <= last or fen < 0 for m, fen in months.items()):
            raise ValueError("ledger")
        # Written in bulk once every record is applied (write_ledgers); a later record of
        # the same months wins, as it did written one by one.
        s.info.setdefault(LEDGER, {}).setdefault(pid, {}).update(months)
        return f"{pid}:{period}"
    if kind == "recovery":
        pid = _own(s, code, what, d.get("person"))
        period = _period(d["period"])
        roster = held.local_int("roster", f"{code}-{period}")
        if roster is None:
            raise ElderError("EXCHANGE_BAD_PACKAGE", detail=f"追回款所属期次 {period} 的花名册不在本库")
        amount = int(d["amount_fen"])
        month = str(Month.from_index(_month(d["month"])))
        if amount <= 0:
            raise ValueError("amount")
        return str(returns_repo.add_recovery(s, pid, roster, str(period), month, amount).id)
    # settlement: of a recovery received before (or earlier in this package)
    local = held.local_int("recovery", key)
    if local is None or not returns_repo.settle(s, local, _day(d.get("settled_on")),
                                                _qualified(d.get("settled_by"), owner)):
        raise ElderError("EXCHANGE_BAD_PACKAGE", detail=f"结清的追回款 {key[:30]} 不在本库")
    return str(local)


def _apply_roster(s: Session, code: str, owner: str, key: str, d: dict[str, Any],
                  held: Any) -> str:
    period = _period(d["period"])
    before = held.local_int("roster", key)
    if before is not None:  # received before: a frozen roster stays as it is
        return str(before)
    if returns_repo.roster_of_period(s, str(period), "frozen") is not None:
        raise ElderError("EXCHANGE_BAD_PACKAGE", detail=f"期次 {period} 本街道已自行冻结花名册")
    lines = []
    columns = list(d.get("columns") or COLUMNS)
    if "person" in columns:
        at = columns.index("person")
        _known(s, code, (values[at] for values in d["lines"] if len(values) > at))
    for values in d["lines"]:
        ln = dict(zip(columns, values, strict=True))
        pid = _own(s, code, f"roster {key}", ln.get("person"), ln.get("id_number"))
        printed = returns_repo.Printed._make(
            _day(ln[f]) if f == "birth_date" else ln.get(f) for f in PRINTED)
        if printed.birth_date is None or not printed.id_number or not printed.name:
            raise ValueError("line")
        rows = [(_month(m), KIND_CODE[kind], int(fen)) for m, kind, fen in ln["items"]]
        if any(fen <= 0 for _m, _k, fen in rows):
            raise ValueError("item")
        lines.append(returns_repo.line(pid, printed, ln.get("band"), int(ln["monthly_fen"]),
                                       rows))
    withheld = [roster_repo.WithheldRow(str(n), str(name), str(reason),
                                        tuple(str(m) for m in months), int(fen))
                for n, name, reason, months, fen in d.get("withheld") or []]
    for draft in returns_repo.drafts_up_to(s, str(period)):  # replaced by the district's
        roster_repo.delete_roster(s, draft.id)
        s.expunge(draft)
    head = audit_repo.head(s)
    office = owner  # the district that froze it (the sender)
    row = returns_repo.add_frozen_roster(
        s, str(period), _stamp(d["built_at"]), _qualified(d.get("built_by"), office) or office,
        head.record if head else 0, _stamp(d["frozen_at"]),
        _qualified(d.get("frozen_by"), office) or office, office, lines, withheld)
    return str(row.id)


def write_ledgers(s: Session) -> None:
    """After the records of an import are applied: the ledger months its `ledger` records
    set, written in bulk (one read of the rows held, the changed rows deleted and inserted,
    in the import's transaction)."""
    months = s.info.pop(LEDGER, None)
    if months:
        returns_repo.set_ledgers(s, months)


def received_check_code(s: Session, roster_id: int) -> str | None:
    """The 校验码 the district printed on a roster it froze and this street received."""
    body = returns_repo.record_body(s, "roster", str(roster_id))
    code = json.loads(body).get("check_code") if body else None
    return code if isinstance(code, str) else None
