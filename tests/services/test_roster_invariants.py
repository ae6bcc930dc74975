"""The roster engine on the production path (issue 13): random event histories (applications,
reviews and decisions, late deaths and moves, stops, proofs of life, policy versions, skipped
periods, bank accounts missing, added or changed) recorded through the services; rosters built
and frozen through RosterService; after every freeze the invariants of allowance-rules.md
section 5 are checked on the database itself (ledger, frozen items, roster totals)."""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from elderdesk.domain.entitlement import NOT_ENTITLED, PAYABLE, WITHHELD
from elderdesk.domain.errors import ElderError
from elderdesk.domain.months import Month, Period
from elderdesk.domain.person import PersonInput, has_account
from elderdesk.services.container import Services
from elderdesk.services.users.service import initialise
from tests.conftest import ADMIN_PASSWORD, PASSWORD
from tests.helpers import make_id

SEEDS = range(30)
# On PostgreSQL a representative few (a month-period history, recoveries, stale drafts): the
# engine is the same code, only the store's SQL differs; every seed runs on SQLite.
PG_SEEDS = (3, 18, 29)
BANK = "中国工商银行"


def engine_seeds(seeds, pg_seeds):  # type: ignore[no-untyped-def]
    """(engine, seed) parameters: every seed on SQLite (ids as before), pg_seeds on both."""
    return ([pytest.param("sqlite", s, id=str(s)) for s in seeds]
            + [pytest.param("postgresql", s, id=f"postgresql-{s}") for s in pg_seeds])


def _make_office(target) -> None:  # type: ignore[no-untyped-def]
    initialise(target, "420103", "江汉区民意街道社区服务中心", "admin", ADMIN_PASSWORD).close()
    services = Services.open(target)
    admin = services.users.authenticate("admin", ADMIN_PASSWORD)
    for name, role in (("clerk1", "clerk"), ("reviewer1", "reviewer"),
                       ("approver1", "approver")):
        services.users.add(admin, name, [role], PASSWORD)
    services.close()


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """An initialised office with a clerk, a reviewer and an approver (copied per seed)."""
    path = tmp_path_factory.mktemp("invariants") / "template.db"
    _make_office(path)
    return path


@pytest.fixture(scope="module")
def pg_template(pg_cluster):
    """The same office on the test PostgreSQL server (a database copied per seed)."""
    name = pg_cluster.create()
    _make_office(pg_cluster.url(name))
    yield name
    pg_cluster.drop(name)


@pytest.fixture
def office_copy(template, tmp_path, request):
    """open(engine): Services on a fresh copy of the template office."""
    made: list[str] = []

    def open_(engine: str) -> Services:
        if engine == "postgresql":
            cluster = request.getfixturevalue("pg_cluster")
            made.append(cluster.create(request.getfixturevalue("pg_template")))
            return Services.open(cluster.url(made[-1]))
        path = tmp_path / "office.db"
        shutil.copyfile(template, path)
        return Services.open(path)

    yield open_
    for name in made:
        request.getfixturevalue("pg_cluster").drop(name)


def policy_toml(rng: random.Random, period: str, versions: list[tuple[str, int]]) -> str:
    """A policy with the settings drawn once per history (period kept) and versions whose
    80-89 amount differs."""
    head = (f'start = "{rng.choice(["birth_month", "next_month"])}"\n'
            f'backpay = "{rng.choice(["eligibility", "application_month", "after_application"])}"\n'
            f'backpay_floor = "{rng.choice(["2018-01", "2025-01", "2025-07"])}"\n'
            f'death_stop = "{rng.choice(["next_month", "same_month"])}"\n'
            f"life_cert_months = {rng.choice([0, 1, 3, 3, 6])}\n"
            f'period = "{period}"\n')
    body = "".join(
        f'\n[[version]]\neffective = "{eff}"\nbands = [\n'
        f'  {{ min_age = 80, max_age = 89, monthly = "{low}" }},\n'
        '  { min_age = 90, max_age = 99, monthly = "200" },\n'
        '  { min_age = 100, monthly = "500" },\n]\n' for eff, low in versions)
    return head + body


class History:
    """One office's random history, driven through the services."""

    def __init__(self, services: Services, rng: random.Random, monkeypatch) -> None:
        self.s, self.rng, self.mp = services, rng, monkeypatch
        u = services.users
        self.admin = u.authenticate("admin", ADMIN_PASSWORD)
        self.clerk = u.authenticate("clerk1", PASSWORD)
        self.reviewer = u.authenticate("reviewer1", PASSWORD)
        self.approver = u.authenticate("approver1", PASSWORD)
        self.people: list[str] = []
        self.seq = 0
        self.regular_seen: set[tuple[str, str]] = set()
        self.policy_rng = random.Random(rng.random())
        self.kind = rng.choice(["quarter", "quarter", "month"])
        self.versions = [("2018-01", 100)]
        self.today = date(2025, 7, 1)
        self.mp.setenv("ELDERDESK_TODAY", self.today.isoformat())
        self.load_policy()

    def load_policy(self) -> None:
        rng = random.Random(self.policy_rng.random())  # same settings each time but life_cert
        self.s.allowance.load_policy(self.admin, policy_toml(rng, self.kind, self.versions))

    def set_today(self, day: date) -> None:
        self.today = day
        self.mp.setenv("ELDERDESK_TODAY", day.isoformat())

    def add_person(self) -> None:
        rng = self.rng
        self.seq += 1
        birth = date(rng.randint(1921, 1947), rng.randint(1, 12), rng.randint(1, 28))
        account = rng.random() < 0.75
        p = self.s.people.add(self.clerk, PersonInput(
            id_number=make_id(birth, self.seq), name=f"老人{self.seq}",
            bank=BANK if account else None,
            account=f"6222{self.seq:012d}" if account else None))
        self.people.append(p.id_number)

    def day_in(self, first: date) -> date:
        span = (self.today - first).days
        return first + timedelta(days=self.rng.randint(0, max(span, 0)))

    def event(self, idn: str, first: date) -> None:
        """One random event for a person, dated first..today (deaths and moves possibly
        long before: recorded late); refusals are part of the game."""
        rng, s = self.rng, self.s
        kind = rng.choice(["apply", "apply", "review", "approve", "approve", "lifecert",
                           "lifecert", "lifecert", "death", "move", "stop", "reject",
                           "account", "reviewback"])
        day = self.day_in(first)
        try:
            if kind == "apply":
                s.allowance.apply(self.clerk, idn, day)
                if rng.random() < 0.7:  # usually reviewed and approved soon after
                    s.allowance.review(self.reviewer, idn, True, None, day)
                    s.allowance.approve(self.approver, idn, day)
            elif kind == "review":
                s.allowance.review(self.reviewer, idn, True, None, day)
            elif kind == "reviewback":
                s.allowance.review(self.reviewer, idn, False, "材料不全", day)
            elif kind == "approve":
                s.allowance.approve(self.approver, idn, day)
            elif kind == "reject":
                s.allowance.reject(self.approver, idn, "不符合条件", day)
            elif kind == "lifecert":
                s.allowance.lifecert(self.clerk, idn, day)
            elif kind == "death":
                late = timedelta(days=rng.choice([0, 0, 40, 120, 300]))
                s.people.record_death(self.clerk, idn, max(day - late, date(2024, 1, 1)))
            elif kind == "move":
                late = timedelta(days=rng.choice([0, 100]))
                s.people.record_moved_out(self.clerk, idn, day - late)
            elif kind == "stop":
                s.allowance.stop(self.clerk, idn, day, "voluntary")
            elif kind == "account":
                s.people.set_account(self.clerk, idn, BANK, f"6217{rng.randint(0, 10**12):012d}")
        except ElderError:
            pass

    def policy_change(self, period: Period) -> None:
        rng = self.rng
        if rng.random() < 0.5:  # a new version from some month around now
            eff = period.first + rng.randint(-4, 3)
            if all(Month.parse(e) < eff for e, _ in self.versions):
                self.versions.append((str(eff), rng.choice([120, 150, 90])))
        else:  # the newest version's amount corrected, and maybe the proof-of-life span
            eff, _ = self.versions[-1]
            self.versions[-1] = (eff, rng.choice([80, 100, 110, 130]))
            self.policy_rng = random.Random(rng.random())
        self.load_policy()


def ledger(services: Services) -> dict[tuple[str, str], int]:
    with services.db.read() as s:
        rows = s.execute(text(
            "SELECT p.id_number, g.month, g.paid_fen FROM ledger g "
            "JOIN people p ON p.id = g.person_id")).all()
    return {(idn, month_text(m)): fen for idn, m, fen in rows}


def accounts(services: Services) -> dict[str, bool]:
    with services.db.read() as s:
        rows = s.execute(text("SELECT id_number, bank, account FROM people")).all()
    return {idn: has_account(bank, acct) for idn, bank, acct in rows}


def month_text(value) -> str:  # noqa: ANN001
    return str(value) if isinstance(value, str) else str(Month.from_index(value))


def check_after_freeze(h: History, period: Period, before: dict, had_account: dict,
                       view) -> None:  # noqa: ANN001
    services, op = h.s, h.admin
    after = ledger(services)
    assert all(fen > 0 for fen in after.values())
    assert all(Month.parse(m) <= period.last for _, m in after)
    # The frozen roster's items are exactly what moved in the ledger, person by person.
    with services.db.read() as s:
        rid = s.execute(text("SELECT id FROM rosters WHERE period = :p AND status = 'frozen'"),
                        {"p": str(period)}).scalar()
        items = s.execute(text(
            "SELECT p.id_number, i.month, i.kind, i.amount_fen FROM roster_items i "
            "JOIN roster_lines l ON l.id = i.line_id JOIN people p ON p.id = l.person_id "
            "WHERE l.roster_id = :r"), {"r": rid}).all()
        lines = s.execute(text(
            "SELECT l.person_id, l.paid_fen, l.recovery_fen, (SELECT count(*) FROM roster_lines "
            "x WHERE x.roster_id = l.roster_id AND x.person_id = l.person_id) FROM roster_lines "
            "l WHERE l.roster_id = :r"), {"r": rid}).all()
        totals = s.execute(text("SELECT people, regular_fen, arrears_fen, recovery_fen "
                                "FROM rosters WHERE id = :r"), {"r": rid}).one()
    kinds = {0: "regular", 1: "arrears", 2: "recovery"}
    moved: dict[tuple[str, str], int] = {}
    sums = {"regular": 0, "arrears": 0, "recovery": 0}
    for idn, m, kind, fen in items:
        kind, m = kinds.get(kind, kind), month_text(m)
        assert fen > 0
        sums[kind] += fen
        moved[(idn, m)] = moved.get((idn, m), 0) + (-fen if kind == "recovery" else fen)
        if kind == "regular":  # regular only inside the period, never twice
            assert Month.parse(m) in period and (idn, m) not in h.regular_seen
            h.regular_seen.add((idn, m))
    for key in set(before) | set(after) | set(moved):
        assert after.get(key, 0) - before.get(key, 0) == moved.get(key, 0), key
    assert all(n == 1 for *_, n in lines)  # one line per person and period
    assert totals == (sum(1 for ln in lines if ln[1] > 0), sums["regular"], sums["arrears"],
                      sums["recovery"])
    assert sum(ln[1] for ln in lines) == sums["regular"] + sums["arrears"]
    assert sum(ln[2] for ln in lines) == sums["recovery"]
    # Section 5: payable months hold the entitled amount, months not entitled nothing, withheld
    # months (no proof of life, or no account when built) what the roster found.
    withheld = {w.id_number: w for w in view.withheld}
    for idn in h.people:
        months = services.allowance.history(op, idn, period.last)
        for hm in months:
            st, key = hm.status, (idn, str(hm.status.month))
            if st.month > period.last:
                continue
            new, old = after.get(key, 0), before.get(key, 0)
            if st.state == PAYABLE and had_account[idn]:
                assert new == st.amount_fen, (key, st, old)
            elif st.state == PAYABLE:  # no account: nothing paid; an overpayment recovered
                assert new == min(old, st.amount_fen), (key, st, old)
                if old < st.amount_fen:
                    assert withheld[idn].reason == "no_account"
                    assert str(st.month) in withheld[idn].months
            elif st.state == WITHHELD:
                assert new == old, (key, st)
                if old < st.amount_fen:
                    assert str(st.month) in withheld[idn].months
            else:
                assert st.state == NOT_ENTITLED and new == 0, (key, st, old)
        listed = {str(hm.status.month) for hm in months}
        assert all(m in listed for i, m in after if i == idn)  # every paid month explained


@pytest.mark.parametrize(("engine", "seed"), engine_seeds(SEEDS, PG_SEEDS))
def test_random_histories_keep_the_ledger_invariants(office_copy, monkeypatch, engine, seed):
    rng = random.Random(seed)
    services = office_copy(engine)
    try:
        h = History(services, rng, monkeypatch)
        for _ in range(rng.randint(3, 6)):
            h.add_person()
        period = Period.containing(Month(2025, 7), h.kind)
        frozen = 0
        for _ in range(rng.randint(4, 7) if h.kind == "quarter" else rng.randint(5, 10)):
            h.set_today(period.last.last_day() + timedelta(days=rng.randint(1, 20)))
            if rng.random() < 0.3:
                h.policy_change(period)
            if rng.random() < 0.25:
                h.add_person()
            for idn in h.people:
                for _ in range(rng.choice([0, 1, 1, 2, 3])):
                    h.event(idn, period.first.first_day())
            if rng.random() < 0.2:  # skipped: paid as arrears by the next roster
                period = period.next()
                continue
            services.roster.build(h.approver, str(period))
            if rng.random() < 0.3:  # a change after the build (or a refused one)
                h.event(rng.choice(h.people), period.first.first_day())
            before, had = ledger(services), accounts(services)
            view = services.roster.show(h.approver, str(period))
            try:
                services.roster.freeze(h.approver, str(period))
            except ElderError as exc:  # the draft is stale: rebuilt, then frozen
                assert exc.code == "ROSTER_STALE"
                services.roster.build(h.approver, str(period))
                had = accounts(services)
                view = services.roster.show(h.approver, str(period))
                services.roster.freeze(h.approver, str(period))
            frozen += 1
            check_after_freeze(h, period, before, had, view)
            period = period.next()
        assert frozen
    finally:
        services.close()
