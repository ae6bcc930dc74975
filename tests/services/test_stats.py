"""Statistics: every figure equals a count made directly from the database with plain SQL and
Python over varied data (demo people, applications in every state, stops, late deaths,
recoveries, frozen quarters and a draft, cards issued, reissued and picked up)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from elderdesk.domain.errors import ElderError
from elderdesk.domain.ledger import KINDS
from elderdesk.domain.months import Month, month_range
from elderdesk.reports.tables import Yuan
from elderdesk.services.stats.tables import all_tables
from tests.conftest import ADMIN_PASSWORD, PASSWORD, wuhan_policy
from tests.services.stats_data import build

ON = date(2026, 12, 31)
FIRST, LAST = Month(2026, 1), Month(2026, 12)


def fast_folder(tmp_path_factory) -> Path:
    """A temporary folder in RAM where there is one: the data takes some 200 transactions and
    fsync on a disk would make their commits the slowest part of the test."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        return Path(tempfile.mkdtemp(prefix="elderdesk-stats-", dir=shm))
    return tmp_path_factory.mktemp("stats")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    from elderdesk.services.container import Services
    from elderdesk.services.users.service import initialise

    mp = pytest.MonkeyPatch()
    mp.setenv("ELDERDESK_TODAY", "2026-04-15")
    path = fast_folder(tmp_path_factory) / "office.db"
    initialise(path, "420103", "江汉区民意街道社区服务中心", "admin", ADMIN_PASSWORD,
               policy_source=wuhan_policy()).close()
    svc = Services.open(path)
    admin = svc.users.authenticate("admin", ADMIN_PASSWORD)
    ops = {}
    for name, role in (("clerk1", "clerk"), ("reviewer1", "reviewer"), ("approver1", "approver")):
        svc.users.add(admin, name, [role], PASSWORD)
        ops[role] = svc.users.authenticate(name, PASSWORD)
    cases = build(svc, admin, ops["clerk"], ops["reviewer"], ops["approver"])
    stats = svc.stats.compute(ops["reviewer"], ON, FIRST, LAST)
    con = sqlite3.connect(path)
    yield {"svc": svc, "ops": ops, "cases": cases, "stats": stats, "con": con, "path": path}
    con.close()
    svc.close()
    mp.undo()
    shutil.rmtree(path.parent, ignore_errors=True)


def birth_of(id_number: str) -> date:
    return date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))


def age_band(age: int) -> str:
    for label, low in (("100岁及以上", 100), ("90–99岁", 90), ("80–89岁", 80), ("70–79岁", 70),
                       ("60–69岁", 60)):
        if age >= low:
            return label
    return "60岁以下"


def allowance_band(b: date, m: Month) -> str | None:
    """The Wuhan bands by allowance age (age in the month, from the ID's birth month)."""
    age = m.year - b.year - (m.month < b.month)
    return "100+" if age >= 100 else "90–99" if age >= 90 else "80–89" if age >= 80 else None


def people(con) -> list[tuple]:
    return con.execute("SELECT id, id_number, sex, status, community FROM people").fetchall()


def latest_state(con) -> dict[int, str]:
    out: dict[int, tuple[int, str]] = {}
    for eid, pid, status in con.execute("SELECT id, person_id, status FROM enrollments"):
        if pid not in out or eid > out[pid][0]:
            out[pid] = (eid, status)
    return {pid: st for pid, (_eid, st) in out.items()}


def test_the_data_is_varied_enough_to_mean_something(world):
    con = world["con"]
    assert {r[3] for r in people(con)} == {"active", "deceased", "moved_out"}
    kinds = {KINDS[k] for (k,) in con.execute(
        "SELECT DISTINCT i.kind FROM roster_items i JOIN roster_lines l ON l.id = i.line_id "
        "JOIN rosters r ON r.id = l.roster_id WHERE r.status = 'frozen'")}
    assert kinds == {"regular", "arrears", "recovery"}
    assert set(latest_state(con).values()) >= {"applied", "reviewed", "returned", "approved",
                                                "rejected", "stopped"}
    assert {t for (t,) in con.execute("SELECT card_type FROM cards")} == {"blue", "red"}
    assert con.execute("SELECT count(*) FROM cards WHERE reason = 'lost'").fetchone()[0] > 0
    assert con.execute("SELECT count(*) FROM rosters WHERE status = 'draft'").fetchone()[0] == 1


def test_people_by_age_band_from_the_id_birth_date(world):
    expected: Counter = Counter()
    for _pid, number, sex, status, _c in people(world["con"]):
        b = birth_of(number)
        if status == "active":
            expected[(age_band(ON.year - b.year - ((ON.month, ON.day) < (b.month, b.day))),
                      sex)] += 1
    got = {(row.band, sex): n for row in world["stats"].by_band
           for sex, n in (("M", row.male), ("F", row.female))}
    assert {k: v for k, v in got.items() if v} == dict(expected)
    assert sum(b.total for b in world["stats"].by_band) == sum(expected.values())


def test_people_by_community_and_status(world):
    con, st = world["con"], world["stats"]
    latest = latest_state(con)
    expected: dict = defaultdict(Counter)
    for pid, number, _sex, status, community in people(con):
        expected[community][status] += 1
        b = birth_of(number)
        if status == "active" and ON.year - b.year - ((ON.month, ON.day) < (b.month, b.day)) >= 80:
            expected[community]["active_80"] += 1
        if latest.get(pid) == "approved":
            expected[community]["enrolled"] += 1
    got = {c.community: Counter({k: v for k, v in (
        ("active", c.active), ("deceased", c.deceased), ("moved_out", c.moved_out),
        ("active_80", c.active_80), ("enrolled", c.enrolled)) if v}) for c in st.by_community}
    assert got == dict(expected)
    statuses = Counter(r[3] for r in people(con))
    assert dict(st.by_status) == {k: statuses[k] for k in ("active", "deceased", "moved_out")}
    assert dict(st.by_application) == dict(Counter(latest.values()))


def test_enrolled_and_paid_by_month_and_band(world):
    con, st = world["con"], world["stats"]
    birth = {pid: birth_of(number) for pid, number, *_ in people(con)}
    months = month_range(FIRST, LAST)
    expected: dict = defaultdict(lambda: [0] * 6)
    enrolled: dict = defaultdict(set)
    for pid, approved, ended in con.execute(
            "SELECT person_id, approved_on, ended_on FROM enrollments WHERE approved_on IS NOT "
            "NULL AND status IN ('approved', 'stopped')"):
        a = Month.parse(approved[:7])
        e = Month.parse(ended[:7]) if ended else None
        for m in months:
            if a <= m and (e is None or e >= m) and allowance_band(birth[pid], m):
                enrolled[(str(m), allowance_band(birth[pid], m))].add(pid)
    for key, who in enrolled.items():
        expected[key][0] = len(who)
    for pid, index, fen in con.execute("SELECT person_id, month, paid_fen FROM ledger"):
        m = Month.from_index(index)
        month = str(m)
        if FIRST <= m <= LAST:
            expected[(month, allowance_band(birth[pid], m))][1] += 1
            expected[(month, allowance_band(birth[pid], m))][5] += fen
    slot = {"regular": 2, "arrears": 3, "recovery": 4}
    for pid, month, kind, fen in con.execute(
            "SELECT l.person_id, i.month, i.kind, i.amount_fen FROM roster_items i "
            "JOIN roster_lines l ON l.id = i.line_id JOIN rosters r ON r.id = l.roster_id "
            "WHERE r.status = 'frozen'"):
        m = Month.from_index(month)
        if FIRST <= m <= LAST:
            expected[(str(m), allowance_band(birth[pid], m))][slot[KINDS[kind]]] += fen
    got = {(r.month, r.band): [r.enrolled, r.paid_people, r.regular_fen, r.arrears_fen,
                               r.recovery_fen, r.net_fen] for r in st.money}
    assert {k: v for k, v in got.items() if any(v)} == dict(expected)
    assert [(r.month, r.band) for r in st.money][:3] == [("2026-01", "80–89"),
                                                         ("2026-01", "90–99"), ("2026-01", "100+")]
    for r in st.money:  # the ledger is what frozen rosters paid, net of recoveries
        assert r.regular_fen + r.arrears_fen - r.recovery_fen == r.net_fen
    assert sum(r.recovery_fen for r in st.money) > 0 and sum(r.arrears_fen for r in st.money) > 0


def test_cards_issued_by_month_and_type(world):
    con, st = world["con"], world["stats"]
    expected: dict = defaultdict(Counter)
    for issued, kind, reason, fee, picked in con.execute(
            "SELECT issued_on, card_type, reason, fee_fen, picked_up_on FROM cards"):
        expected[issued[:7]][kind] += 1
        expected[issued[:7]]["new" if reason == "new" else "reissued"] += 1
        expected[issued[:7]]["fee"] += fee
        if picked:
            expected[picked[:7]]["picked_up"] += 1
    got = {c.month: Counter({k: v for k, v in (
        ("blue", c.blue), ("red", c.red), ("new", c.new), ("reissued", c.reissued),
        ("fee", c.fee_fen), ("picked_up", c.picked_up)) if v}) for c in st.cards}
    assert {k: v for k, v in got.items() if v} == {k: +v for k, v in expected.items()}
    assert [c.month for c in st.cards] == [str(m) for m in month_range(FIRST, LAST)]


def test_proof_of_life_coverage_of_living_approved_enrollees(world):
    con, st = world["con"], world["stats"]
    certs: dict = defaultdict(str)
    for pid, d in con.execute("SELECT person_id, cert_date FROM lifecerts"):
        certs[pid] = max(certs[pid], d)
    expected: dict = defaultdict(lambda: [0, 0])
    for pid, community, applied in con.execute(
            "SELECT p.id, p.community, e.applied_on FROM people p JOIN enrollments e "
            "ON e.person_id = p.id WHERE p.status = 'active' AND e.status = 'approved'"):
        latest = Month.parse(max(certs[pid], applied)[:7])
        expected[community][0 if latest + 2 >= Month.of(ON) else 1] += 1
    got = {c.community: [c.covered, c.uncovered] for c in st.coverage}
    assert got == dict(expected)
    assert st.life_cert_months == 3
    covered = sum(v[0] for v in expected.values())
    assert 0 < covered < sum(sum(v) for v in expected.values())


def test_tables_carry_the_same_figures_with_totals(world):
    st = world["stats"]
    tables = {t.key: t for t in all_tables(st)}
    assert tables["age"].total == ("合计", sum(b.male for b in st.by_band),
                                   sum(b.female for b in st.by_band),
                                   sum(b.total for b in st.by_band))
    ledger = world["con"].execute(
        "SELECT sum(paid_fen) FROM ledger WHERE month BETWEEN ? AND ?",
        (Month(2026, 1).index, Month(2026, 12).index)).fetchone()
    assert tables["money"].total[-1] == Yuan(ledger[0])
    assert tables["money_band"].total[-1] == Yuan(ledger[0])
    assert tables["coverage"].total[1] == sum(c.total for c in st.coverage)
    assert tables["status"].total == ("合计", len(people(world["con"])))


def test_every_role_may_read_and_a_bad_range_is_refused(world):
    svc, ops = world["svc"], world["ops"]
    for op in ops.values():
        assert svc.stats.compute(op, ON, LAST, LAST).last == LAST
    with pytest.raises(ElderError) as exc:
        svc.stats.compute(ops["clerk"], ON, Month(2027, 1), Month(2026, 1))
    assert exc.value.code == "STATS_RANGE" and exc.value.exit_status == 2


def test_printed_and_exported(world, tmp_path):
    svc, st = world["svc"], world["stats"]
    pdf, xlsx = tmp_path / "统计.pdf", tmp_path / "统计.xlsx"
    assert svc.stats.export(world["ops"]["clerk"], st, pdf=pdf, xlsx=xlsx) == [pdf, xlsx]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for title in ("江汉区民意街道社区服务中心统计报表", "在册人员按年龄段", "高龄津贴按月份和档次",
                  "老年证发放按月份", "生存认证覆盖（2026年12月）"):
        assert title in text
    book = openpyxl.load_workbook(xlsx, read_only=True)
    tables = all_tables(st)
    assert book.sheetnames[:2] == ["在册人员按年龄段", "人员按社区"]
    sheet = book["高龄津贴按月份"]
    rows = list(sheet.iter_rows(min_row=5, max_row=4 + len(tables[4].rows) + 1, max_col=7,
                                values_only=True))
    expected = [[c.fen / 100 if isinstance(c, Yuan) else c for c in r]
                for r in [*tables[4].rows, tables[4].total]]
    assert [list(r) for r in rows] == expected


def test_ledger_groups_equal_a_plain_grouping_of_the_ledger(world):
    """ledger_groups reads one row per person and spreads steady runs over their months; the
    sums must be those of grouping every ledger row, for any window (runs cut at either end)."""
    from elderdesk.store import stats_repo

    con, svc = world["con"], world["svc"]
    amounts = Counter(len({fen for (fen,) in con.execute(
        "SELECT paid_fen FROM ledger WHERE person_id = ? AND paid_fen > 0", (pid,))})
        for (pid,) in con.execute("SELECT DISTINCT person_id FROM ledger"))
    assert amounts[1] and sum(n for k, n in amounts.items() if k > 1)  # steady and not
    for first, last in (("2026-01", "2026-12"), ("2026-02", "2026-05"), ("2025-01", "2026-03"),
                        ("2026-04", "2026-04")):
        plain: dict = defaultdict(lambda: [0, 0])
        for month, birth, fen in con.execute(
                "SELECT g.month, p.birth_date, g.paid_fen FROM ledger g JOIN people p"
                " ON p.id = g.person_id WHERE g.paid_fen > 0 AND g.month BETWEEN ? AND ?",
                (Month.parse(first).index, Month.parse(last).index)):
            cell = plain[(str(Month.from_index(month)), Month.parse(birth[:7]).index)]
            cell[0] += 1
            cell[1] += fen
        with svc.db.read() as s:
            got = {(m, b): [n, fen] for m, b, n, fen in stats_repo.ledger_groups(s, first, last)}
        assert got == dict(plain), (first, last)
