"""Allowance use cases: policy, applications (apply → review → approve), stops, proofs of life."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from elderdesk.domain.entitlement import (
    EnrollmentFacts,
    Entitlement,
    MonthStatus,
    PersonFacts,
    application_allowed,
)
from elderdesk.domain.errors import ElderError
from elderdesk.domain.money import fen_to_str
from elderdesk.domain.months import Month
from elderdesk.domain.policy import Policy, parse_policy_toml
from elderdesk.domain.states import (
    ACTIVE_STATES,
    EndReason,
    EnrollmentSource,
    PersonStatus,
    StopReason,
)
from elderdesk.domain.states import EnrollmentStatus as St
from elderdesk.domain.text import clean_text
from elderdesk.services import audit
from elderdesk.services.allowance import once
from elderdesk.services.auth import Operator, require
from elderdesk.services.clock import event_date, now, today
from elderdesk.services.exchange import district
from elderdesk.services.people.refs import split_ref
from elderdesk.services.people.service import PeopleService
from elderdesk.store import allowance_repo as repo
from elderdesk.store import lists_repo, roster_repo
from elderdesk.store.db import Database, Session
from elderdesk.store.orm import PersonRow, PolicyRow
from elderdesk.store.orm_allowance import EnrollmentRow

STATE_NAMES = {"applied": "已受理待审核", "returned": "审核退回", "reviewed": "已审核待审批",
               "approved": "已批准", "rejected": "审批不予批准", "cancelled": "已撤销",
               "stopped": "已停发"}  # EnrollmentStatus → label (literal keys: tools/i18n_data.py)
SOURCE_NAMES = {"counter": "窗口", "online": "网上"}  # EnrollmentSource → label
STOP_REASONS = tuple(StopReason)


@dataclass(frozen=True)
class HistoryMonth:
    """One month of a person's payment history, explained."""

    status: MonthStatus
    paid_fen: int

    @property
    def explained(self) -> str:
        s = self.status.explanation
        if self.paid_fen:
            s += f"；已发 {fen_to_str(self.paid_fen)} 元"
        return s


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
    office: str | None = None  # at a district: the registering street's code


@dataclass(frozen=True)
class DuePerson:
    id_number: str
    name: str
    birth_date: date
    community: str | None
    phone: str | None
    due: date  # the month they reach the age (first day), or the end of proof-of-life cover


def enrollment_facts(rows: list[EnrollmentRow]) -> list[EnrollmentFacts]:
    return [EnrollmentFacts(r.applied_on, r.approved_on is not None and r.status in
                            (St.APPROVED, St.STOPPED), r.ended_on, r.end_reason,
                            r.source != EnrollmentSource.ONLINE) for r in rows]


def person_facts(row: PersonRow) -> PersonFacts:
    return PersonFacts(row.birth_date, row.death_date, row.moved_out_on)


class CurrentPolicy(NamedTuple):
    """The policy in force and the stored TOML text it was parsed from."""

    policy: Policy
    source: str


class AllowanceService:
    def __init__(self, db: Database, people: PeopleService) -> None:
        self.db = db
        self.people = people
        self._policy: CurrentPolicy | None = None  # the last one parsed (again on a new text)
        people.status_hooks.append(self._on_status_change)

    # --- policy ----------------------------------------------------------------------
    def policy_in(self, s: Session) -> Policy:
        source = repo.current_policy_source(s)
        if source is None:
            raise ElderError("NO_POLICY")
        if self._policy is None or self._policy.source != source:
            self._policy = CurrentPolicy(parse_policy_toml(source), source)
        return self._policy.policy

    def policy(self, op: Operator) -> CurrentPolicy:
        require(op, "people.read")
        with self.db.read() as s:
            return CurrentPolicy(self.policy_in(s), repo.current_policy_source(s) or "")

    def load_policy(self, op: Operator, source: str) -> Policy:
        require(op, "policy.load")
        policy = parse_policy_toml(source)  # refused whole before anything is written
        source = source.removeprefix("\ufeff")  # Notepad's byte order mark is not kept
        with self.db.write() as s:
            district.refuse_if_district_pays(s, "加载津贴政策")
            before = repo.current_policy_source(s)
            s.add(PolicyRow(loaded_at=now(), operator=op.name, source=source))
            audit.record(s, op, "policy.load", "policy", None,
                         {"source": before} if before else None, {"source": source})
        return policy

    # --- applications ----------------------------------------------------------------
    def apply(self, op: Operator, id_number: str, on: date | None = None) -> str:
        require(op, "allowance.apply")
        on = event_date(on)
        with self.db.write() as s:
            person = self.people.resolve(s, id_number)
            latest = repo.latest_enrollment(s, person.id)
            refusal = application_allowed(
                person.birth_date, self.policy_in(s), on, death_date=person.death_date,
                moved_out_on=person.moved_out_on,
                active_application=latest is not None and latest.status in ACTIVE_STATES,
                name=person.name, id_number=person.id_number)
            if refusal is not None:
                raise refusal
            row = EnrollmentRow(person_id=person.id, status=St.APPLIED, applied_on=on,
                                applied_by=op.name, created_at=now())
            s.add(row)
            s.flush()
            audit.record(s, op, "allowance.apply", "enrollment", person.id_number, None,
                         _enrollment_audit(row))
            return person.id_number

    def review(self, op: Operator, id_number: str, approve: bool, reason: str | None = None,
               on: date | None = None) -> str:
        require(op, "allowance.review")
        reason = clean_text(reason) if reason else None
        if not approve and not reason:
            raise ElderError("REASON_REQUIRED")
        return self._decide(op, id_number, St.APPLIED, "审核",
                            St.REVIEWED if approve else St.RETURNED, reason, event_date(on),
                            "allowance.review")

    def approve(self, op: Operator, id_number: str, on: date | None = None) -> str:
        require(op, "allowance.approve")
        return self._decide(op, id_number, St.REVIEWED, "审批", St.APPROVED, None, event_date(on),
                            "allowance.approve")

    def reject(self, op: Operator, id_number: str, reason: str, on: date | None = None) -> str:
        require(op, "allowance.approve")
        reason = clean_text(reason) if reason else None
        if not reason:
            raise ElderError("REASON_REQUIRED")
        return self._decide(op, id_number, St.REVIEWED, "审批", St.REJECTED, reason,
                            event_date(on),
                            "allowance.reject")

    def _decide(self, op: Operator, id_number: str, needed: St, action: str, new: St,
                reason: str | None, on: date, audit_action: str) -> str:
        with self.db.write() as s:
            person = self.people.resolve(s, id_number)
            row = self._latest(s, person)
            if row.status != needed:
                raise ElderError("APPLICATION_STATE", name=person.name, id=person.id_number,
                                 state=STATE_NAMES[row.status], action=action)
            before = _enrollment_audit(row)
            if new == St.APPROVED:
                once.refuse_second_approval(s, person)
                if op.name in (row.applied_by, row.reviewed_by):
                    role = "受理" if op.name == row.applied_by else "审核"
                    raise ElderError("SEPARATION_OF_DUTIES", action="审批",
                                     detail=f"该申请由 {op.name} {role}")
            if on < row.applied_on:  # a review or decision dated before the application
                raise ElderError("REVIEW_BEFORE_APPLICATION" if needed == St.APPLIED
                                 else "APPROVAL_BEFORE_APPLICATION", date=on,
                                 applied=row.applied_on)
            if needed == St.APPLIED:
                row.reviewed_on, row.reviewed_by = on, op.name
            else:
                row.approved_on = on if new == St.APPROVED else None
                row.approved_by = op.name
            row.status = new
            row.decision_reason = reason
            audit.record(s, op, audit_action, "enrollment", person.id_number, before,
                         _enrollment_audit(row))
            return person.id_number

    def stop(self, op: Operator, id_number: str, on: date, reason: str,
             note: str | None = None) -> str:
        require(op, "allowance.stop")
        if reason not in STOP_REASONS:
            raise ElderError("STOP_REASON_UNKNOWN", reason=reason)
        note = clean_text(note) if note else None
        on = event_date(on)
        with self.db.write() as s:
            person = self.people.resolve(s, id_number)
            row = self._latest(s, person)
            if row.status != St.APPROVED:
                raise ElderError("APPLICATION_STATE", name=person.name, id=person.id_number,
                                 state=STATE_NAMES[row.status], action="停发")
            if on < person.birth_date:
                raise ElderError("DATE_BEFORE_BIRTH", date=on, birth=person.birth_date)
            before = _enrollment_audit(row)
            row.status, row.ended_on, row.end_reason, row.end_note = St.STOPPED, on, reason, note
            audit.record(s, op, "allowance.stop", "enrollment", person.id_number, before,
                         _enrollment_audit(row))
            return person.id_number

    def _latest(self, s: Session, person: PersonRow) -> EnrollmentRow:
        row = repo.latest_enrollment(s, person.id)
        if row is None:
            raise ElderError("NO_APPLICATION", name=person.name, id=person.id_number)
        return row

    def _on_status_change(self, s: Session, person: PersonRow, status: str, when: date,
                          op: Operator) -> None:
        """Death or move out: an open application is cancelled, an approved one stopped."""
        row = repo.latest_enrollment(s, person.id)
        if row is not None and row.status in ACTIVE_STATES:
            before = _enrollment_audit(row)
            reason = EndReason.DEATH if status == PersonStatus.DECEASED else EndReason.MOVED_OUT
            if row.status == St.APPROVED:
                row.status, row.ended_on, row.end_reason = St.STOPPED, when, reason
            else:
                row.status, row.ended_on, row.end_reason = St.CANCELLED, when, reason
            audit.record(s, op, "allowance.end", "enrollment", person.id_number, before,
                         _enrollment_audit(row))
        if status == PersonStatus.DECEASED:
            later = [d for d in repo.lifecert_dates(s, person.id) if d > when]
            if later:
                person_warnings = s.info.setdefault("warnings", [])
                person_warnings.append(("DEATH_BEFORE_LIFECERT",
                                        {"cert": max(later), "date": when}))

    # --- proof of life ---------------------------------------------------------------
    def lifecert(self, op: Operator, id_number: str, on: date | None = None) -> str:
        require(op, "lifecert.add")
        on = event_date(on)
        with self.db.write() as s:
            person = self.people.resolve(s, id_number)
            if person.death_date is not None and on > person.death_date:
                raise ElderError("LIFECERT_AFTER_DEATH", name=person.name, id=person.id_number,
                                 death=person.death_date, date=on)
            if on < person.birth_date:
                raise ElderError("DATE_BEFORE_BIRTH", date=on, birth=person.birth_date)
            if on in repo.lifecert_dates(s, person.id):
                return person.id_number  # the same proof twice is a no-op (no audit record)
            repo.add_lifecert(s, person.id, on, op.name, now())
            audit.record(s, op, "lifecert.add", "lifecert", person.id_number, None,
                         {"date": on})
            return person.id_number

    # --- reading ---------------------------------------------------------------------
    def policy_of(self, s: Session, person: PersonRow) -> Policy:
        """The policy of this person's views (history, `people show`, forms): at a district
        with the back-pay floor of the street that registered them, as the district roster
        (district.person_policy)."""
        return district.person_policy(s, self.policy_in(s), person.office)

    def entitlement(self, s: Session, person: PersonRow) -> Entitlement:
        return Entitlement(self.policy_of(s, person), person_facts(person),
                           enrollment_facts(repo.enrollments_of(s, person.id)),
                           repo.lifecert_dates(s, person.id))

    def enrollment_json(self, op: Operator, id_number: str) -> dict[str, Any] | None:
        """The `enrollment` object of `people show` (the latest application)."""
        require(op, "people.read")
        with self.db.read() as s:
            person = self.people.resolve(s, id_number)
            row = repo.latest_enrollment(s, person.id)
            if row is None:
                return None
            band, monthly = None, None
            try:
                st = self.entitlement(s, person).status(Month.of(today()))
                if st.band:
                    band, monthly = st.band, fen_to_str(
                        self.policy_in(s).band_for(person.birth_date, Month.of(today())).monthly)
            except ElderError:
                pass
            return {"status": row.status, "source": row.source,
                    "applied_on": _iso(row.applied_on),
                    "reviewed_on": _iso(row.reviewed_on), "approved_on": _iso(row.approved_on),
                    "ended_on": _iso(row.ended_on), "end_reason": row.end_reason,
                    "band": band, "monthly": monthly}


    # --- lists for the counter -------------------------------------------------------
    def queue(self, op: Operator, status: str) -> list[Application]:
        """Latest applications in one state ('applied', 'reviewed', 'returned'), oldest first."""
        require(op, "people.read")
        with self.db.read() as s:
            return self._applications(s, lists_repo.applications_in(s, status))

    def application_of(self, op: Operator, id_number: str) -> Application | None:
        """One person's latest application with who decided it (the register's detail pane)."""
        require(op, "people.read")
        with self.db.read() as s:
            line = lists_repo.application_of(s, *split_ref(id_number))  # ID or ID@OFFICE
            return self._applications(s, [line])[0] if line is not None else None

    def _applications(self, s: Session, lines: list[lists_repo.ApplicationLine]
                      ) -> list[Application]:
        policy, month = self.policy_in(s), Month.of(today())
        out = []
        for a in lines:
            band = policy.band_for(a.birth_date, month) if a.status == St.APPROVED else None
            out.append(Application(
                a.id_number, a.name, a.birth_date, a.community, a.status, a.applied_on,
                a.applied_by, a.reviewed_on, a.reviewed_by, a.reason, a.approved_on,
                a.approved_by, band.monthly if band is not None else None, a.source,
                a.needs_visit, a.office or None))
        return out

    def due_list(self, op: Operator, on: date | None = None) -> list[DuePerson]:
        """Active people reaching the lowest band age within two months (to invite), no
        application."""
        require(op, "people.read")
        on = on or today()
        with self.db.read() as s:
            age = self.policy_in(s).min_age_in(Month.of(on)) or 80
            first = Month.of(on) - 12 * age  # birth months that reach `age` from this month...
            last = first + 2  # ...to two months ahead
            return [DuePerson(r.id_number, r.name, r.birth_date, r.community, r.phone,
                              (Month.of(r.birth_date) + 12 * age).first_day())
                    for r in lists_repo.born_between_without_application(
                        s, first.first_day(), last.last_day())]

    def lifecert_due(self, op: Operator, on: date | None = None) -> list[DuePerson]:
        """Approved, living people whose proof-of-life cover ends within a month (or has
        ended)."""
        require(op, "people.read")
        on = on or today()
        with self.db.read() as s:
            n = self.policy_in(s).life_cert_months
            if n == 0:
                return []
            lines = lists_repo.approved_cover(s)
        limit = Month.of(on) + 1
        out = []
        for r in lines:
            if r.covered_from is None:  # online application, no proof of life: nothing covered
                out.append(DuePerson(r.id_number, r.name, r.birth_date, r.community, r.phone,
                                     r.applied_on))
                continue
            covered = Month.of(r.covered_from) + n - 1
            if covered <= limit:
                out.append(DuePerson(r.id_number, r.name, r.birth_date, r.community, r.phone,
                                     covered.last_day()))
        return sorted(out, key=lambda d: (d.due, d.id_number))

    def history(self, op: Operator, id_number: str,
                last: Month | None = None) -> list[HistoryMonth]:
        """Every month from the first possibly entitled one to `last` (default: this month),
        with what was owed, paid and why."""
        require(op, "people.read")
        last = last or Month.of(today())
        with self.db.read() as s:
            person = self.people.resolve(s, id_number)
            ent = self.entitlement(s, person)
            ledger = roster_repo.ledger_by_person_id(s, person.id)
        first = ent.first_month()
        months: list[MonthStatus] = ent.statuses(first, last) if first and first <= last else []
        known = {st.month for st in months}
        extra = [ent.status(Month.parse(m)) for m in ledger if Month.parse(m) not in known]
        rows = sorted([*months, *extra], key=lambda st: st.month)
        return [HistoryMonth(st, ledger.get(str(st.month), 0)) for st in rows]


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _enrollment_audit(row: EnrollmentRow) -> dict[str, Any]:
    return {k: getattr(row, k) for k in (
        "status", "applied_on", "applied_by", "reviewed_on", "reviewed_by", "approved_on",
        "approved_by", "decision_reason", "ended_on", "end_reason", "end_note")}

