"""Rosters: build the draft for a period, show, freeze into the ledger, recoveries."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import Any, NamedTuple

from elderdesk.domain.errors import ElderError
from elderdesk.domain.ledger import Draft, RosterFacts, RosterTotals, totals_of
from elderdesk.domain.money import fen_to_str
from elderdesk.domain.months import Month, Period
from elderdesk.domain.progress import Cancel, Cancelled, Progress
from elderdesk.domain.roster import LineView, RosterView, WithheldView, replace_lines
from elderdesk.services import audit, settings
from elderdesk.services.allowance.service import AllowanceService
from elderdesk.services.audit import anchors as audit_anchors
from elderdesk.services.audit.labels import change_words
from elderdesk.services.auth import Operator, require
from elderdesk.services.clock import event_date, now, today
from elderdesk.services.exchange import district, returns
from elderdesk.store import allowance_repo, audit_repo, district_repo, roster_repo
from elderdesk.store.bulk import gc_paused
from elderdesk.store.db import Database, Session
from elderdesk.store.orm_allowance import RosterRow
from elderdesk.store.roster_repo import AccountlessPerson, BankRow, WithheldRow

# Audit actions that cannot change any roster line: they do not make a draft stale.
HARMLESS = ("user.", "card.", "backup.", "audit.", "settings.", "roster.export",
            "recoveries.settle", "people.add", "import.people", "init", "reader.", "receipt.",
            "office.", "exchange.export")
# Audit actions that change one person's roster line only, that person named by the record's
# key (the ID number): a draft is then rebuilt for those people alone.
PER_PERSON = frozenset({
    "allowance.apply", "allowance.review", "allowance.approve", "allowance.reject",
    "allowance.stop", "allowance.end", "lifecert.add", "people.account", "people.death",
    "people.moved_out", "people.edit"})
INCREMENTAL_MAX = 20_000  # more changed people than this: a full build is as quick
# A full build computes outside the writers' lock; overtaken this often by a change that is not
# one person's (a policy, an import, another build), it runs once more wholly under the lock.
BUILD_TRIES = 3


@dataclass
class _Plan:
    """What a build found in its snapshot: the checks passed, the inputs of the engine, the
    draft it replaces, and the audit record the snapshot ends with (`head`)."""

    period: Period
    policy: Any
    scope: district.RosterScope | None  # None at a street
    settled: int | None
    old_id: int | None  # the draft replaced
    changed: dict[str, int] | None  # not None: rebuild the old draft for these people
    head: int


@dataclass(frozen=True)
class Recovery:
    id_number: str
    name: str
    period: str
    month: str
    amount_fen: int
    settled_on: date | None

    def to_json(self) -> dict[str, Any]:
        return {"id_number": self.id_number, "name": self.name, "period": self.period,
                "month": self.month, "amount": fen_to_str(self.amount_fen),
                "settled_on": self.settled_on.isoformat() if self.settled_on else None}


def _checker(total: int, progress: Progress | None,
             cancel: Cancel | None) -> Callable[[int], None]:
    """The engine's check(n): report progress, and stop when the clerk cancels (rolled back)."""
    def check(n: int) -> None:
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        if progress:
            progress(n, total)
    return check


class Exported(list):
    """The files written, and how many people the bank file lists as missing an account."""

    def __init__(self, paths: Iterable[Path] = (), missing_accounts: int = 0) -> None:
        super().__init__(paths)
        self.missing_accounts = missing_accounts


def _change_words(s: Session, change: Any) -> str:
    """The audit record that made a draft stale, in words: '2026-12-04 17:37 王秀英 登记生存认证'."""
    name = roster_repo.person_name(s, change.entity_key) if change.entity_key else None
    return change_words(change.at, change.action, change.entity, change.entity_key, name)


def _in_scope(scope: district.RosterScope | None, facts: list[RosterFacts]
              ) -> list[RosterFacts]:
    """At a district (district.roster_scope): the candidates of the streets it pays in the
    period, and its own registrations; everyone at a street."""
    if scope is None:
        return facts
    offices, paid = scope.offices, scope.paid
    return [f for f in facts if offices.get(f.person_id) in paid or f.person_id not in offices]


def _line_offices(s: Session, roster_id: int) -> dict[int, str] | None:
    return district_repo.line_offices(s, roster_id) if district.street_names(s) is not None \
        else None


def _check_office(s: Session, office: str | None) -> dict[str, str] | None:
    """The district's streets (None at a street); `--office` must name one of them, and at a
    street it is a usage error (exit 2)."""
    names = district.street_names(s)
    if office is not None and names is None:
        raise ElderError("USAGE", detail="--office 只用于区级机构（按街道筛选花名册）")
    if office is not None and office not in (names or {}):
        raise ElderError("OFFICE_UNKNOWN", office=str(office)[:20])
    return names


def _only_office(s: Session, view: RosterView, office: str | None) -> RosterView:
    """`--office CODE`: a district roster's lines (and withheld people) of one street; at a
    street the option is a usage error (exit 2)."""
    if office is None:
        return view
    _check_office(s, office)
    held = district_repo.offices_by_id_number(s, [w.id_number for w in view.withheld])
    return replace(view, lines=tuple(ln for ln in view.lines if ln.office == office),
                   withheld=tuple(w for w in view.withheld if held.get(w.id_number) == office))


def _one_per_person(rows: list[BankRow]) -> list[BankRow]:
    """Bank rows by ID number, one per person: at a district an ID registered at two streets
    is paid once, in one row (the last account)."""
    out: dict[str, BankRow] = {}
    for r in rows:
        seen = out.get(r.id_number)
        out[r.id_number] = r if seen is None else r._replace(paid_fen=seen.paid_fen + r.paid_fen)
    return [out[k] for k in sorted(out)]


def _withheld_view(w: WithheldRow) -> WithheldView:
    return WithheldView(w.id_number, w.name, w.reason, w.months, w.amount_fen)


def _withheld_rows(withheld: Iterable[WithheldView]) -> list[WithheldRow]:
    """What save_withheld stores of each withheld person (not the office: looked up)."""
    return [WithheldRow(w.id_number, w.name, w.reason, w.months, w.amount_fen)
            for w in withheld]


class _HeldDraft(NamedTuple):
    """The last draft view handed out (RosterService._remember), while someone holds it."""

    roster_id: int
    built_audit_id: int
    view: weakref.ref[RosterView]


@dataclass(frozen=True)
class Comparison:
    """A roster against the previous frozen one: who is new, who stopped, whose band changed."""

    period: str
    previous: str | None
    new: tuple[LineView, ...]
    stopped: tuple[LineView, ...]  # lines of the previous roster with no payment now
    band_changed: tuple[tuple[LineView, LineView], ...]  # (before, now)
    arrears: tuple[LineView, ...]
    recoveries: tuple[LineView, ...]


class RosterService:
    def __init__(self, db: Database, allowance: AllowanceService) -> None:
        self.db = db
        self.allowance = allowance
        # The last draft view handed out, while someone (the roster page) still holds it:
        # (roster id, build's audit id, weak reference). A draft never changes after its build,
        # so freezing it can return that view instead of reading 300,000 lines again.
        self._draft_view: _HeldDraft | None = None

    def _remember(self, row: RosterRow, view: RosterView) -> RosterView:
        if view.status == "draft":
            self._draft_view = _HeldDraft(row.id, row.built_audit_id, weakref.ref(view))
        return view

    def _recall(self, row: RosterRow) -> RosterView | None:
        held = self._draft_view
        if held is not None and (held.roster_id, held.built_audit_id) == (row.id,
                                                                          row.built_audit_id):
            return held.view()
        return None

    def parse_period(self, s: Session, value: str) -> Period:
        period = Period.parse(value)
        kind = self.allowance.policy_in(s).period
        if period.kind != kind:
            raise ElderError("PERIOD_FORM", value=value, kind="季" if kind == "quarter" else "月",
                             example="2026Q3" if kind == "quarter" else "2026-07")
        return period

    @staticmethod
    def _check_not_future(period: Period) -> None:
        """A roster pays months that have begun: a period starting after today's month is
        refused (it would pay every month up to it as arrears and block later rosters)."""
        current = Month.of(today())
        if period.first > current:
            raise ElderError("PERIOD_IN_FUTURE", period=str(period), first=period.first.zh(),
                             month=current.zh())

    @staticmethod
    def _check_street_draft(s: Session, period: Period) -> None:
        """A street whose district pays builds drafts only for the period after the last
        roster it holds frozen (to check its own data; the district freezes)."""
        paying = district.paying_district(s)
        if paying is None:
            return
        last = allowance_repo.last_frozen(s)
        if last is not None and period != Period.parse(last.period).next():
            raise ElderError("DISTRICT_PAYS_PERIOD", district=paying, period=str(period),
                             next=str(Period.parse(last.period).next()))

    def _check_after_frozen(self, s: Session, period: Period) -> None:
        last = allowance_repo.last_frozen(s)
        if last is not None and period.first <= Period.parse(last.period).last:
            raise ElderError("PERIOD_NOT_AFTER_FROZEN", period=str(period), last=last.period)

    # --- build -----------------------------------------------------------------------
    def build(self, op: Operator, period_text: str, progress: Progress | None = None,
              cancel: Cancel | None = None, *, full: bool = False) -> RosterView:
        """Compute and store the draft of a period (replacing any draft); cancel (an object with
        is_set()) rolls everything back. A draft of the same period is rebuilt only for the
        people whose records changed since it was built, when the audit log names them all
        (see _changed_since); full=True always computes everyone.

        A full build reads the facts and computes the roster in a read snapshot, without the
        writers' lock (other counters record proofs of life meanwhile); the write transaction
        then looks at the audit log after the snapshot: one person's changes are computed
        again for those people inside it (_catch_up), anything else starts over (BUILD_TRIES,
        then once wholly under the lock); then it stores the lines. No cyclic garbage
        collection meanwhile (gc_paused: the rows read and stored are acyclic; P14's district
        build spent about a tenth of its CPU collecting)."""
        require(op, "roster.build")
        with gc_paused():  # the whole build: _compute, _catch_up and _rebuild run inside
            return self._build(op, period_text, progress, cancel, full)

    def _build(self, op: Operator, period_text: str, progress: Progress | None,
               cancel: Cancel | None, full: bool) -> RosterView:
        kept = None  # noqa: F841  holds the old draft's view while _rebuild may use it
        for attempt in range(BUILD_TRIES + 1):
            locked = attempt == BUILD_TRIES
            plan: _Plan | None = None
            draft: Draft | None = None
            if not locked:
                with self.db.snapshot() as s:
                    plan = self._plan(s, period_text, full)
                    if plan.changed is None:
                        draft = self._compute(s, plan, progress, cancel)
                    else:  # the old draft's lines read here, not under the lock (_rebuild)
                        old = allowance_repo.draft(s)
                        assert old is not None  # plan.changed comes from the old draft
                        kept = self._recall(old) or self._remember(old, self._view(s, old))  # noqa: F841
            with self.db.write() as s:
                if plan is not None and draft is not None:  # computed in the snapshot
                    if not self._catch_up(s, plan, draft):
                        continue
                    return self._store(s, op, plan, draft, progress)
                plan = self._plan(s, period_text, full)  # planned again under the lock
                if plan.changed is not None:
                    old = allowance_repo.draft(s)
                    assert old is not None  # plan.changed comes from the old draft
                    return self._rebuild(s, op, plan.period, plan.policy, plan.settled, old,
                                         plan.changed, progress, cancel, plan.scope)
                if not locked:
                    continue  # no longer a rebuild: computed in a snapshot again
                return self._store(s, op, plan, self._compute(s, plan, progress, cancel),
                                   progress)
        raise AssertionError("the last try runs under the lock")

    def _plan(self, s: Session, period_text: str, full: bool) -> _Plan:
        period = self.parse_period(s, period_text)
        self._check_not_future(period)
        self._check_after_frozen(s, period)
        self._check_street_draft(s, period)
        scope = district.roster_scope(s, period)
        old = allowance_repo.draft(s)
        frozen = allowance_repo.last_frozen(s)
        changed = None if full or old is None else self._changed_since(s, old, period)
        if scope is not None and changed and district_repo.shared_ids(s, changed.values()):
            changed = None  # an ID at two streets: its one line is built from both
        head = audit_repo.head(s)
        return _Plan(period, self.allowance.policy_in(s), scope,
                     Period.parse(frozen.period).last.index if frozen else None,
                     old.id if old is not None else None, changed, head.record if head else 0)

    @staticmethod
    def _compute(s: Session, plan: _Plan, progress: Progress | None,
                 cancel: Cancel | None) -> Draft:
        """Everyone's lines from the facts `s` sees."""
        scope = plan.scope
        facts = roster_repo.roster_facts(s)
        movable: dict[int, set[int]] = {}
        if scope is not None:  # one line per ID across streets
            facts, movable = district.merge_by_id(facts, scope.offices, scope.paid)
        facts = _in_scope(scope, facts)
        draft = district.build(plan.policy, plan.period, facts, plan.settled, scope,
                               _checker(len(facts), progress, cancel))
        del facts
        district.drop_foreign_recoveries(draft, movable)
        return draft

    @staticmethod
    def _catch_up(s: Session, plan: _Plan, draft: Draft) -> bool:
        """Under the lock: what was recorded after the snapshot. One person's changes (and
        harmless ones): those people's lines and withheld entries are computed again here and
        replace theirs in `draft` (True). Anything else (False): the draft is out of date."""
        keys: set[str] = set()
        for action, key in allowance_repo.actions_since(s, plan.head):
            if action.startswith(HARMLESS):
                continue
            if action not in PER_PERSON or not key:
                return False
            keys.add(key)
        if not keys:
            return True
        if len(keys) > INCREMENTAL_MAX:
            return False
        changed = roster_repo.person_ids(s, keys)
        if len(changed) != len(keys) or (
                plan.scope is not None and district_repo.shared_ids(s, changed.values())):
            return False
        ids = set(changed.values())
        facts = _in_scope(plan.scope, roster_repo.roster_facts(s, ids))
        part = district.build(plan.policy, plan.period, facts, plan.settled, plan.scope)
        gone = [ln for ln in draft.lines if ln.person_id in ids]
        by_id = attrgetter("view.id_number")
        draft.lines = sorted([ln for ln in draft.lines if ln.person_id not in ids] + part.lines,
                             key=by_id)
        draft.withheld = sorted([w for w in draft.withheld if w.id_number not in changed]
                                + part.withheld, key=attrgetter("id_number"))
        draft.totals = draft.totals - totals_of(gone) + part.totals
        return True

    def _store(self, s: Session, op: Operator, plan: _Plan, draft: Draft,
               progress: Progress | None) -> RosterView:
        """The draft's row, lines, items, snapshots and withheld list, replacing the old draft."""
        period = plan.period
        if plan.old_id is not None:
            roster_repo.delete_roster(s, plan.old_id)
        roster_id = roster_repo.next_id(s, "rosters")
        totals = draft.totals
        record = audit.record(s, op, "roster.build", "roster", str(period), None, {
            "period": str(period), "lines": len(draft.lines),
            "regular": fen_to_str(totals.regular), "arrears": fen_to_str(totals.arrears),
            "recovery": fen_to_str(totals.recovery), "people": totals.people})
        row = RosterRow(id=roster_id, period=str(period), status="draft", built_at=now(),
                        built_by=op.name, built_audit_id=record.id, people=totals.people,
                        regular_fen=totals.regular, arrears_fen=totals.arrears,
                        recovery_fen=totals.recovery)
        s.add(row)
        s.flush()
        roster_repo.insert_lines(s, roster_id, roster_repo.next_id(s, "roster_lines"),
                                 draft.lines)
        roster_repo.save_withheld(s, roster_id, _withheld_rows(draft.withheld))
        if progress:
            progress(1, 1)
        return self._remember(row, RosterView(
            row.period, row.status, settings.get(s, "office.name") or "", row.built_at,
            row.built_by, row.frozen_at, row.frozen_by,
            tuple(line.view for line in draft.lines), withheld=tuple(draft.withheld),
            offices=district.street_names(s)))

    @staticmethod
    def _changed_since(s: Session, old: RosterRow, period: Period) -> dict[str, int] | None:
        """ID number -> person id of everyone whose records changed since the draft of `period`
        was built, when every change since is one person's (PER_PERSON) or harmless; None when
        something else changed (a policy, an import, an ID correction...): build everyone."""
        if old.period != str(period):
            return None
        keys: set[str] = set()
        for action, key in allowance_repo.actions_since(s, old.built_audit_id):
            if action.startswith(HARMLESS):
                continue
            if action not in PER_PERSON or not key:
                return None
            keys.add(key)
        if len(keys) > INCREMENTAL_MAX:
            return None
        found = roster_repo.person_ids(s, keys)
        return found if len(found) == len(keys) else None

    def _rebuild(self, s: Session, op: Operator, period: Period, policy: Any,
                 settled: int | None, row: RosterRow, changed: dict[str, int],
                 progress: Progress | None, cancel: Cancel | None,
                 scope: district.RosterScope | None = None) -> RosterView:
        """The draft again, computing only the changed people: their lines, items, snapshots
        and withheld entries are replaced, the totals adjusted. Exactly what a full build
        stores (tests/services/test_roster_incremental.py)."""
        held = self._recall(row)
        facts = _in_scope(scope, roster_repo.roster_facts(s, changed.values()))
        part = district.build(policy, period, facts, settled, scope,
                              _checker(len(facts), progress, cancel))
        removed = roster_repo.remove_lines(s, row.id, changed.values())
        roster_repo.insert_lines(s, row.id, roster_repo.next_id(s, "roster_lines"), part.lines,
                                 full=False)
        withheld = sorted([_withheld_view(w) for w in roster_repo.load_withheld(s, row.id)
                           if w.id_number not in changed] + part.withheld,
                          key=lambda w: w.id_number)
        roster_repo.save_withheld(s, row.id, _withheld_rows(withheld))
        totals = RosterTotals(row.people, row.regular_fen, row.arrears_fen, row.recovery_fen) \
            - removed + part.totals
        record = audit.record(s, op, "roster.build", "roster", str(period), None, {
            "period": str(period), "lines": roster_repo.count_lines(s, row.id),
            "regular": fen_to_str(totals.regular), "arrears": fen_to_str(totals.arrears),
            "recovery": fen_to_str(totals.recovery), "people": totals.people})
        row.built_at, row.built_by, row.built_audit_id = now(), op.name, record.id
        row.people, row.regular_fen = totals.people, totals.regular
        row.arrears_fen, row.recovery_fen = totals.arrears, totals.recovery
        s.flush()
        lines: Sequence[LineView]
        if held is not None:  # the lines shown before, the changed people's replaced
            lines = replace_lines(held.lines, changed, [ln.view for ln in part.lines])
        else:
            lines = roster_repo.load_views(s, row.id, period, _line_offices(s, row.id))
        if progress:
            progress(1, 1)
        return self._remember(row, RosterView(
            row.period, row.status, settings.get(s, "office.name") or "", row.built_at,
            row.built_by, row.frozen_at, row.frozen_by, tuple(lines), withheld=tuple(withheld),
            offices=district.street_names(s)))

    def missing_accounts(self, op: Operator) -> list[AccountlessPerson]:
        """(ID number, name) of enrolled people without a valid bank account: the roster page
        warns before a build that they will be withheld (allowance-rules.md section 4)."""
        require(op, "roster.read")
        with self.db.read() as s:
            return roster_repo.enrolled_without_account(s)

    # --- read ------------------------------------------------------------------------
    def show(self, op: Operator, period_text: str, office: str | None = None) -> RosterView:
        """The roster of a period; at a district `office` keeps one street's lines."""
        require(op, "roster.read")
        with self.db.read() as s:
            period = self.parse_period(s, period_text)
            row = self._find(s, period)
            return _only_office(s, self._remember(row, self._view(s, row)), office)

    def _find(self, s: Session, period: Period) -> RosterRow:
        row = roster_repo.find_roster(s, str(period))  # a frozen one wins over a draft
        if row is None:
            raise ElderError("ROSTER_NOT_FOUND", period=str(period))
        return row

    def _view(self, s: Session, row: RosterRow) -> RosterView:
        with gc_paused():
            out = roster_repo.load_views(s, row.id, Period.parse(row.period),
                                         _line_offices(s, row.id))
        office = settings.get(s, "office.name") or ""
        withheld = tuple(map(_withheld_view, roster_repo.load_withheld(s, row.id)))
        names = district.street_names(s)
        if names is not None and withheld:  # a district: who registered each withheld person
            held = district_repo.offices_by_id_number(s, [w.id_number for w in withheld])
            withheld = tuple(replace(w, office=held.get(w.id_number)) for w in withheld)
        return RosterView(row.period, row.status, office, row.built_at, row.built_by,
                          row.frozen_at, row.frozen_by, tuple(out), withheld=withheld,
                          check_code=self._check_code(s, row),
                          frozen_by_office=row.frozen_by_office, offices=names)

    @staticmethod
    def _check_code(s: Session, row: RosterRow) -> str | None:
        """The 校验码 printed on a frozen roster: its freeze's own audit record (cli.md)."""
        if row.status != "frozen":
            return None
        if row.frozen_by_office:  # frozen by the district: the code it printed
            return returns.received_check_code(s, row.id)
        found = audit_repo.last_of(s, "roster.freeze", row.period)
        return audit_anchors.check_code(*found) if found else None

    def compare(self, op: Operator, period_text: str) -> Comparison:
        require(op, "roster.read")
        with self.db.read() as s:
            period = self.parse_period(s, period_text)
            now_view = self._view(s, self._find(s, period))
            prev_row = roster_repo.previous_frozen(s, str(period))
            prev = self._view(s, prev_row) if prev_row else None
        before = {ln.id_number: ln for ln in (prev.paying_lines if prev else ())}
        after = {ln.id_number: ln for ln in now_view.paying_lines}
        return Comparison(
            str(period), prev.period if prev else None,
            tuple(ln for k, ln in after.items() if k not in before),
            tuple(ln for k, ln in before.items() if k not in after),
            tuple((before[k], ln) for k, ln in after.items()
                  if k in before and (before[k].band, before[k].monthly_fen)
                  != (ln.band, ln.monthly_fen)),
            tuple(ln for ln in now_view.paying_lines if ln.arrears_fen),
            now_view.recovery_lines)

    def export(self, op: Operator, period: str, *, xlsx: Path | None = None,
               pdf: Path | None = None, office: str | None = None) -> Exported:
        """Write the bank xlsx (frozen rosters only) and/or the printed PDF of a period. The
        bank file needs five columns of the paying lines: those are read, not the views.
        People without a valid account go to the sheet 待补录账号 (counted in the result)."""
        require(op, "roster.export")
        with self.db.read() as s:
            names = _check_office(s, office)
            row = self._find(s, self.parse_period(s, period))
            if xlsx is not None:
                district.refuse_if_district_pays(s, "导出银行发放文件")
            if xlsx is not None and row.status != "frozen":
                raise ElderError("ROSTER_NOT_FROZEN", period=row.period)
            view = _only_office(s, self._view(s, row), office) if pdf is not None else None
            bank, missing = roster_repo.bank_file_rows(s, row.id) if xlsx is not None \
                else ([], [])
            if names is not None and xlsx is not None:  # a district's bank file
                if office is not None:
                    ids = district_repo.line_id_numbers(s, row.id, office)
                    held = district_repo.offices_by_id_number(
                        s, [m.id_number for m in missing])
                    bank = [b for b in bank if b.id_number in ids]
                    missing = [m for m in missing if held.get(m.id_number) == office]
                bank = _one_per_person(bank)
            code = self._check_code(s, row)
            name, status = row.period, row.status
        written = Exported(missing_accounts=len(missing))
        if xlsx is not None:
            from elderdesk.reports.roster_xlsx import write_bank_rows

            write_bank_rows(xlsx, bank, missing, check_code=code)
            written.append(xlsx)
        if view is not None and pdf is not None:
            from elderdesk.reports.roster_pdf import write_roster_pdf

            write_roster_pdf(pdf, view, prepared_by=op.name)
            written.append(pdf)
        with self.db.write() as s:
            audit.record(s, op, "roster.export", "roster", name, None,
                         {"files": [str(p) for p in written], "status": status,
                          **({"office": office} if office is not None else {}),
                          **({"missing_accounts": len(missing)} if xlsx is not None else {})})
        return written

    # --- freeze ----------------------------------------------------------------------
    def freeze(self, op: Operator, period_text: str) -> RosterView:
        require(op, "roster.freeze")
        with self.db.write() as s:
            district.refuse_if_district_pays(s, "冻结花名册")
            period = self.parse_period(s, period_text)
            row = allowance_repo.draft(s)
            if row is None or row.period != str(period):
                found = roster_repo.find_roster(s, str(period))
                if found is not None and found.status == "frozen":
                    raise ElderError("ROSTER_FROZEN", period=str(period))
                raise ElderError("ROSTER_NO_DRAFT", period=str(period))
            self._check_not_future(period)
            self._check_after_frozen(s, period)
            change = allowance_repo.changes_since(s, row.built_audit_id, HARMLESS)
            if change is not None:
                raise ElderError("ROSTER_STALE", change=_change_words(s, change))
            held = self._recall(row)
            if district.street_names(s) is not None:  # an ID's ledger rows of two streets
                district_repo.move_recovered_months(s, row.id)
            roster_repo.apply_to_ledger(s, row.id)
            row.status, row.frozen_at, row.frozen_by = "frozen", now(), op.name
            s.flush()
            record = audit.record(s, op, "roster.freeze", "roster", str(period), {
                "status": "draft"}, {"status": "frozen", "people": row.people,
                                     "paid": fen_to_str(row.regular_fen + row.arrears_fen),
                                     "recovery": fen_to_str(row.recovery_fen)})
            if held is not None:  # the same lines, now frozen
                return replace(held, status=row.status, office=settings.get(
                    s, "office.name") or "", frozen_at=row.frozen_at, frozen_by=row.frozen_by,
                    check_code=audit_anchors.check_code(record.id, record.hash))
            return self._view(s, row)

    # --- recoveries ------------------------------------------------------------------
    def recoveries(self, op: Operator, open_only: bool = False) -> list[Recovery]:
        require(op, "recoveries.read")
        with self.db.read() as s:
            return [Recovery(**r._asdict()) for r in roster_repo.recoveries(s, open_only)]

    def settle(self, op: Operator, id_number: str, month_text: str,
               on: date | None = None) -> list[Recovery]:
        require(op, "recoveries.settle")
        month = Month.parse(month_text)
        on = event_date(on)
        with self.db.write() as s:
            district.refuse_if_district_pays(s, "登记追回款结清")
            person = self.allowance.people.resolve(s, id_number)
            if on < person.birth_date:
                raise ElderError("DATE_BEFORE_BIRTH", date=on, birth=person.birth_date)
            rows = roster_repo.open_recoveries(s, person.id, str(month))
            if not rows:
                raise ElderError("RECOVERY_NOT_FOUND", name=person.name, id=person.id_number,
                                 month=str(month))
            for r in rows:
                r.settled_on, r.settled_by = on, op.name
            audit.record(s, op, "recoveries.settle", "recovery", person.id_number, None, {
                "month": str(month), "settled_on": on,
                "amount": fen_to_str(sum(r.amount_fen for r in rows))})
            return [Recovery(person.id_number, person.name, r.period, r.month, r.amount_fen,
                             r.settled_on) for r in rows]


