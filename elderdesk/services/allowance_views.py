"""Read-only allowance lists for the counter: queues, due lists, payment history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import text

from elderdesk.domain.entitlement import MonthStatus
from elderdesk.domain.months import Month
from elderdesk.services.allowance import AllowanceService, HistoryMonth
from elderdesk.services.auth import Operator, require
from elderdesk.services.clock import today
from elderdesk.store import roster_repo

_d = date.fromisoformat


@dataclass(frozen=True)
class Application:
    id_number: str
    name: str
    birth_date: date
    community: str | None
    status: str
    applied_on: date
    applied_by: str
    reviewed_on: date | None
    reviewed_by: str | None
    reason: str | None
    approved_on: date | None = None
    approved_by: str | None = None  # the approver, or who rejected it
    monthly_fen: int | None = None  # this month's amount of an approved application
    source: str = "counter"  # counter | online (imported from the city platform)
    # An online application with no proof of life on or after its date: the elder (or the
    # agent) has still to come with the ID original (待核验本人).
    needs_visit: bool = False


@dataclass(frozen=True)
class DuePerson:
    id_number: str
    name: str
    birth_date: date
    community: str | None
    phone: str | None
    due: date  # the month they reach the age (first day), or the end of proof-of-life cover


def _opt(value: str | None) -> date | None:
    return _d(value[:10]) if value else None


_APPLICATION_SQL = (
    "SELECT p.id_number, p.name, p.birth_date, p.community, e.status, e.applied_on, "
    "e.applied_by, e.reviewed_on, e.reviewed_by, e.decision_reason, e.approved_on, "
    "e.approved_by, e.source, e.source = 'online' AND NOT EXISTS (SELECT 1 FROM lifecerts c "
    "WHERE c.person_id = p.id AND c.cert_date >= e.applied_on) "
    "FROM enrollments e JOIN people p ON p.id = e.person_id WHERE {where} AND "
    "e.id = (SELECT max(id) FROM enrollments x WHERE x.person_id = e.person_id) ")


def _applications(service: AllowanceService, where: str, params: dict) -> list[Application]:
    month = Month.of(today())
    with service.db.read() as s:
        policy = service.policy_in(s)
        out = []
        for r in s.execute(text(_APPLICATION_SQL.format(where=where)
                                + "ORDER BY e.applied_on, p.id_number LIMIT 5000"), params):
            birth = _d(r[2])
            band = policy.band_for(birth, month) if r[4] == "approved" else None
            out.append(Application(r[0], r[1], birth, r[3], r[4], _d(r[5]), r[6], _opt(r[7]),
                                   r[8], r[9], _opt(r[10]), r[11],
                                   band.monthly if band is not None else None, r[12],
                                   bool(r[13])))
        return out


def queue(service: AllowanceService, op: Operator, status: str) -> list[Application]:
    """Latest applications in one state ('applied', 'reviewed', 'returned'), oldest first."""
    require(op, "people.read")
    return _applications(service, "e.status = :st", {"st": status})


def application_of(service: AllowanceService, op: Operator, id_number: str) -> Application | None:
    """One person's latest application with who decided it (the register's detail pane)."""
    require(op, "people.read")
    found = _applications(service, "p.id_number = :id", {"id": id_number})
    return found[0] if found else None


def due_list(service: AllowanceService, op: Operator, on: date | None = None) -> list[DuePerson]:
    """Active people reaching the lowest band age within two months (to invite), no application."""
    require(op, "people.read")
    on = on or today()
    with service.db.read() as s:
        policy = service.policy_in(s)
        age = policy.min_age_in(Month.of(on)) or 80
        first = Month.of(on) - 12 * age  # birth months that reach `age` from this month...
        last = first + 2  # ...to two months ahead
        rows = s.execute(text(
            "SELECT p.id_number, p.name, p.birth_date, p.community, p.phone FROM people p "
            "WHERE p.status = 'active' AND p.birth_date >= :lo AND p.birth_date <= :hi AND "
            "NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.person_id = p.id AND e.status IN "
            "('applied','reviewed','approved')) ORDER BY p.birth_date, p.id_number LIMIT 5000"),
            {"lo": first.first_day().isoformat(), "hi": last.last_day().isoformat()})
        return [DuePerson(r[0], r[1], _d(r[2]), r[3], r[4],
                          (Month.of(_d(r[2])) + 12 * age).first_day()) for r in rows]


def lifecert_due(service: AllowanceService, op: Operator,
                 on: date | None = None) -> list[DuePerson]:
    """Approved, living people whose proof-of-life cover ends within a month (or has ended)."""
    require(op, "people.read")
    on = on or today()
    with service.db.read() as s:
        n = service.policy_in(s).life_cert_months
        if n == 0:
            return []
        rows = s.execute(text(
            "SELECT p.id_number, p.name, p.birth_date, p.community, p.phone, "
            "max(coalesce((SELECT max(cert_date) FROM lifecerts c WHERE c.person_id = p.id), ''),"
            " CASE WHEN e.source = 'online' THEN '' ELSE e.applied_on END), e.applied_on "
            "FROM people p JOIN enrollments e ON e.person_id = p.id "
            "WHERE p.status = 'active' AND e.status = 'approved'"))
        limit = Month.of(on) + 1
        out = []
        for r in rows:
            if not r[5]:  # online application, no proof of life yet: nothing is covered
                out.append(DuePerson(r[0], r[1], _d(r[2]), r[3], r[4], _d(r[6][:10])))
                continue
            covered = Month.of(_d(r[5][:10])) + n - 1
            if covered <= limit:
                out.append(DuePerson(r[0], r[1], _d(r[2]), r[3], r[4], covered.last_day()))
        return sorted(out, key=lambda d: (d.due, d.id_number))


def history(service: AllowanceService, op: Operator, id_number: str,
            last: Month | None = None) -> list[HistoryMonth]:
    """Every month from the first possibly entitled one to `last` (default: this month),
    with what was owed, paid and why."""
    require(op, "people.read")
    last = last or Month.of(today())
    with service.db.read() as s:
        person = service.people.resolve(s, id_number)
        ent = service.entitlement(s, person)
        ledger = roster_repo.ledger_by_person_id(s, person.id)
        first = ent.first_month()
        months: list[MonthStatus] = ent.statuses(first, last) if first and first <= last else []
        known = {st.month for st in months}
        extra = [ent.status(Month.parse(m)) for m in ledger if Month.parse(m) not in known]
        rows = sorted([*months, *extra], key=lambda st: st.month)
        return [HistoryMonth(st, ledger.get(str(st.month), 0)) for st in rows]


