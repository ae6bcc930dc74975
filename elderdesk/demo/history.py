"""Demo history: over-80s enrolled by demo users, proofs of life, deaths, and frozen quarters
built by the real roster build and freeze; deterministic for (people, seed, enrolled, quarters)."""

from __future__ import annotations

import random
import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from elderdesk.domain.errors import ElderError
from elderdesk.domain.months import Month, Period, index_of
from elderdesk.domain.policy import Policy, parse_policy_toml
from elderdesk.services import audit
from elderdesk.services.auth import Operator
from elderdesk.services.users.passwords import hash_password
from elderdesk.store import allowance_repo
from elderdesk.store.bulk import driver_sql
from elderdesk.store.db import Database
from elderdesk.store.orm import PolicyRow, UserRow
from elderdesk.store.orm_allowance import EnrollmentRow

if TYPE_CHECKING:
    from elderdesk.services.roster.service import RosterService

# The counter staff of the demo: one per step, so separation of duties holds. They cannot log in.
CLERK, REVIEWER, APPROVER = "演示经办员", "演示审核员", "演示审批员"
DEMO_USERS = ((CLERK, "clerk"), (REVIEWER, "reviewer"), (APPROVER, "approver"))
MAX_QUARTERS = 32
Step = Callable[[int], None]


@dataclass(slots=True)
class Story:
    """One enrolled person: the application, its decisions, an end (death or move), when the
    end reaches the register, and the quarter from which proofs of life stop (lost contact)."""

    pid: int
    applied: date
    reviewed: date
    approved: date
    end: date | None
    kind: str | None  # 'deceased' | 'moved_out'
    told: date | None
    lost: int


def history_periods(policy: Policy, on: date, quarters: int) -> list[Period]:
    """The rosters of the last `quarters` quarters before the one holding `on`, in the policy's
    period (quarters, or three months each)."""
    current = Period.containing(Month.of(on), "quarter")
    first = current.first - 3 * quarters
    periods = []
    m = first
    while m < current.first:
        p = Period.containing(m, policy.period)
        periods.append(p)
        m = p.last + 1
    return periods


def plan(candidates: Sequence[tuple], enrolled: int, seed: int, policy: Policy, on: date,
         history_start: Month) -> list[Story]:
    """Pick `enrolled` of the candidates (pid, birth, death, moved_out) who reach the lowest band
    by `on`, and write their story; ordered by pid."""
    low = policy.versions[0].min_age
    policy_start = (policy.versions[0].effective - 2).first_day()
    start_day = history_start.first_day()
    able = []
    for pid, birth, death, moved in candidates:
        earliest = max((Month(birth.year + low, birth.month) - 2).first_day(), policy_start)
        end = death or moved
        if earliest <= on - timedelta(days=20) and (end is None
                                                    or end >= earliest + timedelta(days=40)):
            able.append((pid, birth, earliest, end, "deceased" if death else "moved_out"))
    if enrolled > len(able):
        raise ElderError("INVALID_VALUE", field="--enrolled", value=enrolled,
                         detail=f"符合年龄条件的演示人员只有 {len(able)} 人")
    rng = random.Random(f"elderdesk-demo-history-{seed}")
    rnd = rng.random
    chosen = sorted(rng.sample(able, enrolled))
    stories = []
    for pid, _birth, earliest, end, kind in chosen:
        latest = on if end is None else min(on, end - timedelta(days=20))
        if earliest < start_day - timedelta(days=60):  # eligible well before the history
            span = (min(latest, start_day - timedelta(days=45)) - earliest).days
            applied = earliest + timedelta(days=int(rnd() * max(span, 1)))
        else:  # most apply in the two months before their birthday; some much later
            r = rnd()
            delay = int(rnd() * (60 if r < 0.6 else 240 if r < 0.9 else 720))
            applied = earliest + timedelta(days=delay)
            if applied > latest:  # not that late after all: some day until today
                applied = earliest + timedelta(days=int(rnd() * ((latest - earliest).days + 1)))
        applied = min(applied, latest)
        reviewed = min(applied + timedelta(days=1 + int(rnd() * 10)), on)
        approved = min(reviewed + timedelta(days=1 + int(rnd() * 20)), on)
        if end is not None:
            approved = min(approved, end - timedelta(days=1))
            reviewed = min(reviewed, approved)
        told = None
        if end is not None:  # usually within two months; sometimes a quarter late
            late = 95 + int(rnd() * 60) if rnd() < 0.15 else int(rnd() * 60)
            told = min(end + timedelta(days=late), on)
        lost = 1 + int(rnd() * 40) if rnd() < 0.01 else 10**6
        stories.append(Story(pid, applied, reviewed, approved, end,
                             kind if end else None, told, lost))
    return stories


def demo_policy_source(source: str, first: Month) -> str:
    """The policy in force with its back-pay floor moved to the first month of the history."""
    line = (f'backpay_floor = "{first}"  # 演示数据：此前月份已由原系统发放，本系统自'
            f'{first.zh()}起发放')
    pattern = re.compile(r"(?m)^backpay_floor\s*=.*$")
    if pattern.search(source):
        return pattern.sub(line, source, count=1)
    return line + "\n" + source


class History:
    """Writes the stories period by period and has the roster service build and freeze each."""

    def __init__(self, db: Database, op: Operator, stories: list[Story], periods: list[Period],
                 on: date, stamp: datetime, seed: int) -> None:
        self.db, self.op, self.stories, self.periods = db, op, stories, periods
        self.on, self.stamp = on, stamp
        self.rng = random.Random(f"elderdesk-demo-lifecerts-{seed}")
        first = periods[0].first if periods else Month.of(on)
        self.quarter0 = Period.containing(first, "quarter").first.index
        self.start = Month.from_index(self.quarter0).first_day()
        self._certs: dict[int, list[tuple[int, date]]] = {}
        self.clerk_id: int | None = None  # the demo clerk (set up in _setup)
        self._drawn = -2  # the last quarter whose proofs of life were drawn

    def quarter_of(self, day: date) -> int:
        """Quarter number of a day: 0 = the first of the history; negative before it."""
        return (index_of(day) - self.quarter0) // 3

    def run(self, rosters: RosterService, step: Step) -> None:
        """Setup (users, policy, what happened before), each period, then up to today."""
        with self.db.write() as s:
            self._setup(s)
            self._events(s, None, self.start - timedelta(days=1), "before")
        step(1)
        hi = self.start - timedelta(days=1)
        for period in self.periods:
            lo, hi = period.first.first_day(), period.last.last_day()
            with self.db.write() as s:
                self._events(s, lo, hi, str(period))
            rosters.build(self.op, str(period))
            rosters.freeze(self.op, str(period))
            step(1)
        if hi < self.on:
            with self.db.write() as s:
                self._events(s, hi + timedelta(days=1), self.on, "after")
        step(1)

    def _setup(self, s: Session) -> None:
        for name, role in DEMO_USERS:
            s.add(UserRow(name=name, password_hash=hash_password(secrets.token_urlsafe()),
                          roles=role, active=False, failed_logins=0, created_at=self.stamp))
        s.flush()
        self.clerk_id = s.execute(select(UserRow.id).where(UserRow.name == CLERK)).scalar()
        if self.periods:
            source = allowance_repo.current_policy_source(s)
            if source is None:
                raise ElderError("NO_POLICY")
            new = demo_policy_source(source, self.periods[0].first)
            parse_policy_toml(new)
            s.add(PolicyRow(loaded_at=self.stamp, operator=self.op.name, source=new))
            audit.record(s, self.op, "policy.load", "policy", None, {"source": source},
                         {"source": new})
        # The register as it was before the history: ends recorded later are not known yet.
        hidden = [(st.pid,) for st in self.stories if st.told is not None and st.told >= self.start]
        if hidden:
            conn = s.connection()
            conn.exec_driver_sql(driver_sql(
                conn, "UPDATE people SET status = 'active', death_date = NULL, "
                "moved_out_on = NULL WHERE id = ?"), hidden)

    def _events(self, s: Session, lo: date | None, hi: date, label: str) -> None:
        """What happens from lo to hi (None: everything before the history): applications,
        proofs of life, deaths and moves recorded; one audit record."""
        conn = s.connection()
        iso = date.isoformat

        def due(day: date) -> bool:
            return (lo is None or day >= lo) and day <= hi

        before = lo is None
        enroll = []
        for st in self.stories:
            if due(st.approved):
                ended = before and st.told is not None and due(st.told)
                enroll.append((
                    st.pid, "stopped" if ended else "approved", iso(st.applied), CLERK,
                    iso(st.reviewed), REVIEWER, iso(st.approved), APPROVER,
                    iso(st.end) if ended and st.end else None,
                    ("death" if st.kind == "deceased" else "moved_out") if ended else None,
                    int(f"{st.applied:%Y%m%d}090000")))  # store/stamp.py
        if enroll:
            conn.exec_driver_sql(driver_sql(
                conn, f"INSERT INTO {EnrollmentRow.__tablename__} (person_id, status, "
                "applied_on, applied_by, reviewed_on, reviewed_by, approved_on, approved_by, "
                "ended_on, end_reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                enroll)
        quarters = [-1] if lo is None else range(self.quarter_of(lo), self.quarter_of(hi) + 1)
        certs = [c for k in quarters for c in self._quarter_certs(k)
                 if lo is None or lo <= c[1] <= hi]
        if certs:
            allowance_repo.insert_lifecerts(s, [
                (pid, d, self.clerk_id, datetime.combine(d, time(10))) for pid, d in certs])
        ends = [] if before else [st for st in self.stories if st.told and due(st.told)]
        for kind, column, reason in (("deceased", "death_date", "death"),
                                     ("moved_out", "moved_out_on", "moved_out")):
            rows = [(iso(st.end), st.pid) for st in ends if st.kind == kind and st.end]
            if rows:
                conn.exec_driver_sql(driver_sql(
                    conn, f"UPDATE people SET status = '{kind}', {column} = ? WHERE id = ?"),
                    rows)
                conn.exec_driver_sql(driver_sql(
                    conn, f"UPDATE enrollments SET status = 'stopped', ended_on = ?, "
                    f"end_reason = '{reason}' WHERE person_id = ? AND status = 'approved'"), rows)
        audit.record(s, self.op, "demo.history", "register", label, None, {
            "applications": len(enroll), "lifecerts": len(certs),
            "deaths": sum(1 for st in ends if st.kind == "deceased"),
            "moved_out": sum(1 for st in ends if st.kind == "moved_out")})

    def _quarter_certs(self, quarter: int) -> list[tuple[int, date]]:
        """Proofs of life of a quarter (-1: the one just before the history), drawn once and in
        order: most in the quarter's first month, a few later, about 3 % missed (withheld, then
        paid as arrears)."""
        if quarter in self._certs:
            return self._certs[quarter]
        self._certs = {}  # periods move forward: earlier quarters are done
        for k in range(self._drawn + 1, quarter):
            self._draw(k)  # keep the random stream in quarter order
        out = self._certs[quarter] = self._draw(quarter)
        return out

    def _draw(self, quarter: int) -> list[tuple[int, date]]:
        self._drawn = quarter
        first = Month.from_index(self.quarter0 + 3 * quarter)
        rnd = self.rng.random
        out = []
        for st in self.stories:
            r, day, miss = rnd(), 1 + int(rnd() * 28), rnd()
            if self.quarter_of(st.applied) >= quarter or quarter >= st.lost or miss < 0.03:
                continue
            offset = 0 if r < 0.88 else 1 if r < 0.96 else 2
            when = (first + offset).first_day().replace(day=day)
            if when > self.on or (st.end is not None and when >= st.end):
                continue
            out.append((st.pid, when))
        return out
