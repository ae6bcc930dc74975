"""Forms filled from the record: application-and-approval, stop, adjustment list, recovery
notice, card pick-up register. Amounts and months come from the entitlement engine and the
roster items, never from rules re-derived here."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from elderdesk.domain.cards import REASON_NAMES, STATUS_NAMES, TYPE_NAMES
from elderdesk.domain.entitlement import STOP_REASONS_ZH, EnrollmentFacts, Entitlement, PersonFacts
from elderdesk.domain.errors import ElderError
from elderdesk.domain.forms import (
    FORM_KINDS,
    RECOVERY_DEADLINE_MONTHS,
    AdjustmentLine,
    AdjustmentList,
    ApplicationForm,
    PersonBlock,
    PickupLine,
    PickupRegister,
    RecoveryNotice,
    StopForm,
    add_months,
    district_opinion,
    street_opinion,
    yuan,
)
from elderdesk.domain.idcard import SEX_LABELS
from elderdesk.domain.ledger import ARREARS, RECOVERY, Item, person_items
from elderdesk.domain.months import Month, Period, age_in, age_on, date_zh, period_zh
from elderdesk.domain.policy import Policy
from elderdesk.domain.states import RosterStatus
from elderdesk.services import settings
from elderdesk.services.allowance.service import (
    STATE_NAMES,
    AllowanceService,
    enrollment_facts,
    person_facts,
)
from elderdesk.services.audit.labels import load_json
from elderdesk.services.auth import Operator, require
from elderdesk.services.clock import today
from elderdesk.store import allowance_repo, audit_repo, cards_repo, forms_repo, roster_repo
from elderdesk.store.db import Database, Session
from elderdesk.store.orm import AuditRow, PersonRow

PENDING = ("applied", "reviewed")
_DECISIONS = ("allowance.review", "allowance.reject", "allowance.stop", "allowance.end")


def _decisions(s: Session, id_number: str, applied_on: date) -> dict[str, AuditRow]:
    """The latest audit record of each decision on the enrollment applied for on applied_on:
    the recorded words (the review opinion, which a later decision overwrites on the row),
    who decided and when."""
    out: dict[str, AuditRow] = {}
    for r in audit_repo.records_of(s, "enrollment", id_number, _DECISIONS):
        after = load_json(r.after_json) or {}
        if after.get("applied_on") == applied_on.isoformat():
            out[r.action] = r
    return out


def _audit_day(r: AuditRow | None) -> date | None:
    return date.fromisoformat(r.at[:10]) if r is not None else None


def _items(s: Session, person_id: int, ent: Entitlement, period: Period) -> list[Item]:
    """The engine's items of `period` for one person, against their ledger."""
    ledger = {Month.parse(m): v for m, v in roster_repo.ledger_by_person_id(s, person_id).items()}
    return person_items(period, ent, ledger)


class FormsService:
    def __init__(self, db: Database, allowance: AllowanceService) -> None:
        self.db = db
        self.allowance = allowance
        self.people = allowance.people

    # --- shared ----------------------------------------------------------------------
    def _person(self, s: Session, row: PersonRow, on: date) -> PersonBlock:
        return PersonBlock(row.name, SEX_LABELS.get(row.sex, row.sex), row.ethnicity,
                           row.birth_date, age_on(row.birth_date, on), row.id_number,
                           row.household_address, row.current_address, row.phone, row.street,
                           row.community, row.bank, row.account,
                           cards_repo.latest_photo_image(s, row.id))

    def _next_period(self, s: Session, m: Month) -> Period:
        """The period a roster built now would pay: the one holding m, or the one after the last
        frozen roster if that is later."""
        period = Period.containing(m, self.allowance.policy_in(s).period)
        last = allowance_repo.last_frozen(s)
        if last is not None:
            after = Period.parse(last.period).next()
            if after.first > period.first:
                period = Period.containing(after.first, period.kind)
        return period

    @staticmethod
    def _office(s: Session) -> str:
        return settings.get(s, "office.name") or ""

    # --- 高龄津贴申请审批表 ------------------------------------------------------------
    def application(self, op: Operator, id_number: str, on: date | None = None) -> ApplicationForm:
        require(op, "forms.print")
        on = on or today()
        with self.db.read() as s:
            row = self.people.resolve(s, id_number)
            rows = allowance_repo.enrollments_of(s, row.id)
            if not rows:
                raise ElderError("NO_APPLICATION", name=row.name, id=row.id_number)
            latest = rows[-1]
            policy = self.allowance.policy_of(s, row)  # a street's floor at a district
            facts = enrollment_facts(rows)
            if latest.status in PENDING:  # as it would be paid once approved
                f = facts[-1]
                facts[-1] = EnrollmentFacts(f.applied_on, True, f.ended_on, f.end_reason,
                                            f.at_counter)
            ent = Entitlement(policy, person_facts(row), facts,
                              allowance_repo.lifecert_dates(s, row.id))
            counted = facts[-1].approved
            applied = Month.of(latest.applied_on)
            earlier = [r.ended_on for r in rows[:-1] if r.ended_on and r.approved_on]
            floor = (Month.of(max(earlier)) + 1).index if earlier else -10**9
            # the first entitled month: of the first run (first, last, fen, payable) past floor
            first = next((lo for lo, hi, _fen, _payable in ent.runs(applied + 36)
                          if hi >= floor), None) if counted else None
            start = Month.from_index(max(first, floor)) if first is not None else None
            # The category applied for: the band of the application month (or of the first
            # entitled month, for those applying before it); back pay may cover lower bands.
            band = policy.band_for(row.birth_date, max(start, applied)) if start else None
            months, fen, reason = self._backpay(s, row, policy, ent, latest.applied_on, start)
            decided = _decisions(s, row.id_number, latest.applied_on)
            review = decided.get("allowance.review")
            opinion = (load_json(review.after_json) or {}).get("decision_reason") \
                if review is not None else None
            return ApplicationForm(
                self._office(s), on, self._person(s, row, on), STATE_NAMES[latest.status],
                latest.applied_on, street_opinion(latest, opinion),
                district_opinion(latest, start, band, _audit_day(decided.get("allowance.reject"))),
                f"{band.label}周岁（每月{yuan(band.monthly)}）" if band else "",
                str(start) if start else None, band.monthly if band else None,
                tuple(months), fen, reason)

    def _backpay(self, s: Session, row: PersonRow, policy: Policy, ent: Entitlement,
                 applied_on: date, start: Month | None) -> tuple[list[str], int, str]:
        """Months and fen paid (or to be paid) as arrears with the first roster of this
        enrollment: that roster's items if it exists, else the engine's for the next roster."""
        if start is None:
            return [], 0, ""
        first_period = Period.containing(Month.of(applied_on), policy.period)
        by_roster: dict[str, tuple[str, list[tuple[str, str, int]]]] = {}
        for item in forms_repo.roster_items(s, row.id):
            if item.period >= str(first_period):  # a frozen roster comes before a draft
                status, kept = by_roster.setdefault(item.period, (item.roster_status, []))
                if status == item.roster_status:
                    kept.append((item.month, item.kind, item.amount_fen))
        paying = [p for p, (_st, items) in sorted(by_roster.items())
                  if any(k != RECOVERY for _, k, _ in items)]
        if paying:
            period = Period.parse(paying[0])
            _status, kept = by_roster[paying[0]]
            items = [(m, f) for m, k, f in kept if k == ARREARS and Month.parse(m) >= start]
        else:
            period = self._next_period(s, max(Month.of(applied_on), Month.of(today())))
            items = [(str(i.month), i.amount_fen) for i in _items(s, row.id, ent, period)
                     if i.kind == ARREARS and i.month >= start]
        if not items:
            return [], 0, ""
        label = period_zh(str(period))
        reach = Month.of(row.birth_date) + 12 * (policy.min_age_in(start) or 0) + (
            1 if policy.start == "next_month" else 0)
        why = (f"{reach.zh()}年满{policy.min_age_in(start)}周岁" if reach == start else
               f"按政策自{start.zh()}起计发")
        reason = f"{why}，{label}以前的应发月份随{label}花名册一并补发"
        return [m for m, _ in items], sum(f for _, f in items), reason

    # --- 停发备案表 ----------------------------------------------------------------------
    def stop(self, op: Operator, id_number: str, on: date | None = None) -> StopForm:
        require(op, "forms.print")
        on = on or today()
        with self.db.read() as s:
            row = self.people.resolve(s, id_number)
            latest = allowance_repo.latest_enrollment(s, row.id)
            if latest is None:
                raise ElderError("NO_APPLICATION", name=row.name, id=row.id_number)
            if latest.status != "stopped" or latest.ended_on is None:
                raise ElderError("FORM_NOT_STOPPED", name=row.name, id=row.id_number,
                                 state=STATE_NAMES[latest.status])
            ent = self.allowance.entitlement(s, row)
            ended = latest.ended_on
            stop = Month.of(ended)
            while ent.status(stop).entitled and stop <= Month.of(ended):
                stop += 1
            items = forms_repo.roster_items(s, row.id)
            paid = [Month.parse(i.month) for i in items
                    if i.roster_status == RosterStatus.FROZEN and i.kind != RECOVERY]
            actual = max(stop, max(paid) + 1) if paid else stop
            recorded = forms_repo.recoveries_of(s, row.id)
            pending = [i for i in _items(s, row.id, ent, self._next_period(s, Month.of(on)))
                       if i.kind == RECOVERY]
            months = [r.month for r in recorded] + [str(i.month) for i in pending]
            fen = sum(r.amount_fen for r in recorded) + sum(i.amount_fen for i in pending)
            settled = sum(r.amount_fen for r in recorded if r.settled_on is not None)
            reason = STOP_REASONS_ZH.get(latest.end_reason or "", latest.end_reason or "其他")
            if latest.end_note:
                reason += f"（{latest.end_note}）"
            decided = _decisions(s, row.id_number, latest.applied_on)
            by = decided.get("allowance.stop") or decided.get("allowance.end")
            registered = (f"{reason}，登记停发（{by.operator}，{date_zh(_audit_day(by))}）"
                          if by is not None else "")
            return StopForm(self._office(s), on, self._person(s, row, on), reason, ended,
                            stop.first_day(), actual.first_day(), tuple(months), fen, settled,
                            registered)

    # --- 调整备案表 ----------------------------------------------------------------------
    def adjustments(self, op: Operator, month: Month, on: date | None = None) -> AdjustmentList:
        """Everyone whose monthly amount changes in `month` (89→90, 99→100, a new version)."""
        require(op, "forms.print")
        on = on or today()
        with self.db.read() as s:
            policy = self.allowance.policy_in(s)
            shift = 1 if policy.start == "next_month" else 0
            if month.index in policy.version_starts:  # new amounts: everyone may change
                people, enrollments, certs = forms_repo.everyone_approved(s)
            else:  # only those whose age crosses a band edge this month
                people, enrollments, certs = forms_repo.approved_born_in(s, {
                    str(month - shift - 12 * age) for age in policy.age_edges})
            lines = []
            for p in people:
                birth = p.birth_date
                ent = Entitlement(policy, PersonFacts(birth, p.death_date, p.moved_out_on),
                                  enrollments.get(p.person_id, ()), certs.get(p.person_id, ()))
                before, after = ent.status(month - 1), ent.status(month)
                if not (before.entitled and after.entitled) or \
                        before.amount_fen == after.amount_fen:
                    continue
                age = age_in(birth, month - shift)
                why = f"年龄{age - 1}→{age}周岁" if before.band != after.band else "政策标准调整"
                lines.append(AdjustmentLine(p.id_number, p.name, SEX_LABELS.get(p.sex, p.sex),
                                            birth, p.community, why, before.amount_fen,
                                            after.amount_fen))
            lines.sort(key=lambda ln: (ln.community or "", ln.id_number))
            return AdjustmentList(self._office(s), on, str(month), tuple(lines))

    # --- 追回通知书 ----------------------------------------------------------------------
    def recovery(self, op: Operator, id_number: str | None = None,
                 on: date | None = None) -> list[RecoveryNotice]:
        """One notice per person with open recoveries (all of them without an ID number)."""
        require(op, "forms.print")
        on = on or today()
        with self.db.read() as s:
            numbers = [id_number] if id_number else forms_repo.people_with_open_recoveries(s)
            if not numbers:
                raise ElderError("FORM_NOTHING_OPEN")
            office = self._office(s)
            out = []
            for number in numbers:
                row = self.people.resolve(s, number)
                open_ = [r for r in forms_repo.recoveries_of(s, row.id) if r.settled_on is None]
                if not open_:
                    raise ElderError("FORM_NO_RECOVERY", name=row.name, id=row.id_number)
                ent = self.allowance.entitlement(s, row)
                reasons = dict.fromkeys(
                    ent.status(Month.parse(r.month)).explanation.split(": ", 1)[-1]
                    for r in open_)
                out.append(RecoveryNotice(
                    office, on, add_months(on, RECOVERY_DEADLINE_MONTHS), self._person(s, row, on),
                    tuple(r.month for r in open_), sum(r.amount_fen for r in open_),
                    tuple(reasons), tuple(dict.fromkeys(r.period for r in open_))))
            return out

    # --- 老年证领取登记表 ----------------------------------------------------------------
    def pickups(self, op: Operator, first: date, last: date,
                on: date | None = None) -> PickupRegister:
        require(op, "forms.print")
        if first > last:
            raise ElderError("FORM_DATE_RANGE", first=first, last=last)
        with self.db.read() as s:
            lines = tuple(PickupLine(
                r.card_no, TYPE_NAMES.get(r.card_type, r.card_type),
                REASON_NAMES.get(r.reason, r.reason), r.issued_on, r.picked_up_on, r.agent_name,
                r.agent_id_number, r.id_number, r.name, SEX_LABELS.get(r.sex, r.sex), r.community,
                STATUS_NAMES.get(r.status, r.status))
                for r in forms_repo.pickup_rows(s, first, last))
            return PickupRegister(self._office(s), on or today(), first, last, lines)

    # --- one entry point for the CLI and the Forms page --------------------------------
    def fill(self, op: Operator, kind: str, *, id_number: str | None = None,
             month: Month | None = None, first: date | None = None, last: date | None = None,
             on: date | None = None) -> Any:
        """The form's data: a dataclass, or a list of notices for 'recovery'."""
        require(op, "forms.print")
        if kind not in FORM_KINDS:
            raise ElderError("FORM_KIND_UNKNOWN", kind=kind, kinds="、".join(FORM_KINDS))
        if kind in ("application", "stop") and not id_number:
            raise ElderError("FORM_NEEDS_ID", form=FORM_KINDS[kind])
        if kind == "application":
            return self.application(op, id_number or "", on)
        if kind == "stop":
            return self.stop(op, id_number or "", on)
        if kind == "recovery":
            return self.recovery(op, id_number, on)
        if kind == "adjust":
            if month is None:
                raise ElderError("FORM_NEEDS_MONTH", form=FORM_KINDS[kind],
                                 what="月份（--month YYYY-MM）")
            return self.adjustments(op, month, on)
        if first is None or last is None:
            if month is None:
                raise ElderError("FORM_NEEDS_MONTH", form=FORM_KINDS[kind],
                                 what="发证月份（--month YYYY-MM）或起止日期（--from、--to）")
            first, last = month.first_day(), month.last_day()
        return self.pickups(op, first, last, on)

    def write_pdf(self, op: Operator, data: Any, path: Path | str, mask: bool = True) -> Path:
        """Print filled data (from fill) to a PDF file; unmasked ID numbers only for roles with
        people.unmask."""
        require(op, "forms.print")
        if not mask:
            require(op, "people.unmask")
        from elderdesk.reports.forms_pdf import write_form_pdf

        write_form_pdf(path, data, printed_by=op.name, mask=mask)
        return Path(path)
