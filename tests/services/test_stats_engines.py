"""The statistics queries (store/stats_repo) on SQLite and PostgreSQL, on random data written
straight into the tables: every figure equals counting the rows in Python, the counts kept by
migration 0012's triggers stay equal after changes, and on SQLite the people figures equal the
scan they replaced (the old path)."""

from __future__ import annotations

import contextlib
import random
from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from elderdesk.domain.months import Month
from elderdesk.services.stats.service import AGES
from elderdesk.store import stats_repo
from elderdesk.store.db import Database

BOTH_ENGINES = True

COMMUNITIES = ("民意一路社区", "满春路社区", "", None)
# Statistics days: month ends, a leap day, the first and last of the year, days 28-31.
DAYS = (date(2026, 11, 15), date(2024, 2, 29), date(2026, 2, 28), date(2026, 12, 31),
        date(2026, 1, 1), date(2025, 7, 31), date(2026, 3, 30), date(2026, 6, 1))
FIRST, LAST = "2025-10", "2026-09"


def _day(value) -> date:  # type: ignore[no-untyped-def]
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _birthdays(rng: random.Random) -> list[date]:
    """Birth dates on and around the days each age of AGES is reached on each of DAYS."""
    out = []
    for on in DAYS:
        for age in AGES:
            y = on.year - age
            for d in (on.day - 1, on.day, on.day + 1, 1, 28, 29, 30, 31):
                with contextlib.suppress(ValueError):  # no such day in that month
                    out.append(date(y, on.month, d))
            out.append(date(y, on.month, 1) - timedelta(days=1))
    out += [date(1920, 1, 1) + timedelta(days=rng.randrange(40000)) for _ in range(150)]
    return [b for b in out if b.year >= 1900]


def _fill(db: Database, rng: random.Random) -> None:
    births = _birthdays(rng)
    with db.write() as s:
        s.execute(text("INSERT INTO rosters (id, period, status, built_at, built_by,"
                       " built_audit_id, people, regular_fen, arrears_fen, recovery_fen) VALUES"
                       " (1, '2026-Q1', 'frozen', '2026-04-01 00:00:00', 'c', 1, 0, 0, 0, 0),"
                       " (2, '2026-Q2', 'draft', '2026-07-01 00:00:00', 'c', 1, 0, 0, 0, 0)"))
        line = 0
        batches: dict[str, list[dict]] = defaultdict(list)  # one executemany each

        def add(sql: str, row: dict) -> None:
            batches[sql].append(row)

        for pid, b in enumerate(births, 1):
            area = rng.choice(("420103", "420115", "360102"))
            number = f"{area}{b:%Y%m%d}{pid % 1000:03d}{rng.choice('0123456789X')}"
            add(
                "INSERT INTO people (id, id_number, name, sex, birth_date, status, community,"
                " created_at, updated_at) VALUES (:id, :n, '王五', :sex, :b, :st, :c, 1, 1)",
                {"id": pid, "n": number, "sex": rng.choice("MF"), "b": b,
                 "st": rng.choice(("active", "active", "deceased", "moved_out")),
                 "c": rng.choice(COMMUNITIES)})
            for k in range(rng.choice((0, 0, 1, 1, 2))):
                applied = date(2024, 1, 1) + timedelta(days=rng.randrange(900))
                status = rng.choice(("applied", "approved", "approved", "stopped", "rejected"))
                approved = applied + timedelta(days=20) if status in ("approved", "stopped") \
                    else None
                ended = approved + timedelta(days=rng.randrange(300)) \
                    if status == "stopped" and approved else None
                add(
                    "INSERT INTO enrollments (person_id, status, applied_on, applied_by,"
                    " approved_on, ended_on, created_at, source) VALUES (:p, :st, :a, 'c', :ap,"
                    " :e, 20260101000000, :src)",
                    {"p": pid, "st": status, "a": applied, "ap": approved, "e": ended,
                     "src": "online" if k and rng.random() < 0.3 else "counter"})
            for _ in range(rng.choice((0, 1, 2))):
                add("INSERT INTO lifecerts (person_id, cert_date, recorded_at)"
                               " VALUES (:p, :d, 20260101000000) ON CONFLICT DO NOTHING",
                          {"p": pid, "d": date(2025, 1, 1) + timedelta(days=rng.randrange(700))})
            if rng.random() < 0.4:
                for month in range(Month(2025, 6).index + rng.randrange(6),
                                   Month(2026, 9).index - rng.randrange(6)):
                    add("INSERT INTO ledger (person_id, month, paid_fen)"
                                   " VALUES (:p, :m, :f)",
                              {"p": pid, "m": month, "f": rng.choice((10000, 10000, 15000))})
            if rng.random() < 0.3:
                roster = rng.choice((1, 2))
                line += 1
                add("INSERT INTO roster_snapshots (person_id, roster_id, id_number,"
                               " name, sex, birth_date) VALUES (:p, :r, :n, '王五', 'M', :b)",
                          {"p": pid, "r": roster, "n": number, "b": b})
                add("INSERT INTO roster_lines (id, roster_id, person_id,"
                               " snapshot_roster_id, band, monthly_fen, paid_fen, recovery_fen)"
                               " VALUES (:id, :r, :p, :r, '80-89', 10000, 0, 0)",
                          {"id": line, "r": roster, "p": pid})
                for month in rng.sample(range(Month(2025, 8).index, Month(2026, 10).index), 3):
                    add("INSERT INTO roster_items (line_id, month, kind, amount_fen)"
                                   " VALUES (:l, :m, :k, :f)",
                              {"l": line, "m": month, "k": rng.choice((0, 1, 2)),
                               "f": rng.choice((5000, 10000))})
            if rng.random() < 0.2:
                issued = date(2025, 9, 1) + timedelta(days=rng.randrange(400))
                picked = issued + timedelta(days=rng.randrange(60)) if rng.random() < 0.5 \
                    else None
                add(
                    "INSERT INTO cards (person_id, card_no, card_type, status, reason, issued_on,"
                    " seq_year, seq, fee_fen, qr, issued_by, created_at, picked_up_on) VALUES"
                    " (:p, :no, :t, 'valid', :r, :i, 2026, :p, :fee, 'qr', 'c',"
                    " '2026-01-01 00:00:00', :pk)",
                    {"p": pid, "no": f"C{pid}", "t": rng.choice(("blue", "red")),
                     "r": rng.choice(("new", "lost")), "i": issued,
                     "fee": rng.choice((0, 1000)), "pk": picked})
        for sql, rows in batches.items():  # in order of first use: references first
            s.execute(text(sql), rows)


@pytest.fixture
def db(db_path):  # type: ignore[no-untyped-def]
    database = Database(db_path)
    _fill(database, random.Random(13))
    yield database
    database.close()


def _rows(db: Database, sql: str) -> list[tuple]:
    with db.read() as s:
        return [tuple(r) for r in s.execute(text(sql))]


def _levels(age: int) -> int:
    return max(i for i, low in enumerate(AGES) if age >= low)


def expected_people(db: Database, on: date) -> Counter:
    out: Counter = Counter()
    for community, sex, status, birth in _rows(
            db, "SELECT community, sex, status, birth_date FROM people"):
        b = _day(birth)
        if b <= on:
            age = on.year - b.year - ((b.month, b.day) > (on.month, on.day))
            out[(community, sex, status, _levels(age))] += 1
    return out


def got_people(db: Database, on: date) -> Counter:
    with db.read() as s:
        rows = stats_repo.people_groups(s, on, AGES)
    assert all(r.people > 0 for r in rows)
    keys = [(r.community, r.sex, r.status, r.level) for r in rows]
    assert len(set(keys)) == len(rows)
    return Counter({k: r.people for k, r in zip(keys, rows, strict=True)})


def test_people_groups_equal_counting_each_person(db):
    for on in DAYS:
        assert got_people(db, on) == expected_people(db, on), on


def test_people_groups_follow_changes(db):
    """The counts kept by triggers: after edits, deaths, deletions and new people."""
    changes = ("UPDATE people SET status = 'deceased' WHERE id % 7 = 0",
               "UPDATE people SET community = '新社区' WHERE id % 5 = 1",
               "UPDATE people SET community = NULL WHERE id % 11 = 2",
               "UPDATE people SET sex = 'F' WHERE id % 3 = 0",
               "DELETE FROM people WHERE id NOT IN (SELECT person_id FROM enrollments) AND id NOT"
               " IN (SELECT person_id FROM ledger) AND id NOT IN (SELECT person_id FROM"
               " roster_lines) AND id NOT IN (SELECT person_id FROM lifecerts) AND id NOT IN"
               " (SELECT person_id FROM cards) AND id % 4 = 0")
    for sql in changes:
        with db.write() as s:
            s.execute(text(sql))
        for on in DAYS[:3]:
            assert got_people(db, on) == expected_people(db, on), sql


def test_people_groups_equal_the_scan_they_replaced(db, db_engine):
    """The old path: one grouped scan of people by age (SQLite SQL, as before migration 0012)."""
    if db_engine != "sqlite":
        assert got_people(db, DAYS[0]) == expected_people(db, DAYS[0])
        return
    for on in DAYS:
        old: Counter = Counter()
        for community, sex, status, age, n in _rows(db, (
                f"SELECT community, sex, status, {on.year} - CAST(substr(birth_date, 1, 4) AS"
                f" INTEGER) - (substr(birth_date, 6, 5) > '{on:%m-%d}') AS age, count(*) FROM"
                f" people NOT INDEXED WHERE birth_date <= '{on.isoformat()}'"
                " GROUP BY community, sex, status, age")):
            old[(community, sex, status, _levels(age))] += n
        assert got_people(db, on) == old, on


def test_ledger_groups_equal_the_ledger_rows(db):
    for first, last in ((FIRST, LAST), ("2026-02", "2026-02"), ("2024-01", "2027-12")):
        with db.read() as s:
            kept = sorted(stats_repo.ledger_groups(s, first, last))
            scanned = sorted(stats_repo.ledger_groups_scanned(s, first, last))
        plain: dict = defaultdict(lambda: [0, 0])
        for month, birth, fen in _rows(db, "SELECT g.month, p.birth_date, g.paid_fen FROM ledger"
                                           " g JOIN people p ON p.id = g.person_id"):
            if fen > 0 and Month.parse(first).index <= month <= Month.parse(last).index:
                cell = plain[(str(Month.from_index(month)), Month.of(_day(birth)).index)]
                cell[0] += 1
                cell[1] += fen
        assert kept == scanned == sorted((m, b, n, f) for (m, b), (n, f) in plain.items())
        assert kept or first == "2024-01"
    with db.write() as s:  # a freeze: rows added, raised, cut to zero and removed
        s.execute(text("INSERT INTO ledger (person_id, month, paid_fen) SELECT id, :m, 7000"
                       " FROM people WHERE id % 9 = 0 ON CONFLICT (person_id, month) DO UPDATE SET"
                       " paid_fen = ledger.paid_fen + excluded.paid_fen"),
                  {"m": Month(2026, 3).index})
        s.execute(text("UPDATE ledger SET paid_fen = paid_fen + 100 WHERE person_id % 2 = 0"))
        s.execute(text("UPDATE ledger SET paid_fen = 0 WHERE person_id % 3 = 0"))
        s.execute(text("DELETE FROM ledger WHERE paid_fen = 0"))
    with db.read() as s:
        assert sorted(stats_repo.ledger_groups(s, FIRST, LAST)) == sorted(
            stats_repo.ledger_groups_scanned(s, FIRST, LAST))


def test_the_other_figures_equal_counting_the_rows(db):
    with db.read() as s:
        enrollees = stats_repo.enrollee_groups(s)
        apps = Counter({(c, st): n for c, st, n in enrollees.latest})
        windows = enrollees.windows
        items = sorted(stats_repo.frozen_correction_groups(s, FIRST, LAST))
        cards = sorted(stats_repo.card_groups(s, FIRST, LAST))
        pickups = sorted(stats_repo.pickup_groups(s, FIRST, LAST))
        cover = Counter({(c, m): n for c, m, n in enrollees.cover})
    person = {r[0]: r[1:] for r in _rows(
        db, "SELECT id, community, birth_date, status FROM people")}
    enrollments = _rows(db, "SELECT id, person_id, status, approved_on, ended_on, applied_on,"
                            " source FROM enrollments ORDER BY id")
    latest = {pid: st for _id, pid, st, *_ in enrollments}
    assert apps == Counter((person[p][0], st) for p, st in latest.items())
    assert {"approved", "stopped"} <= {st for _c, st in apps}

    def month(d) -> int:  # type: ignore[no-untyped-def]
        return Month.of(_day(d)).index

    approved = [(pid, a, x) for _id, pid, st, a, x, *_ in enrollments
                if a is not None and st in ("approved", "stopped")]
    several = {p for p, n in Counter(p for p, *_ in approved).items() if n > 1}
    want_windows = Counter()  # of people with several: each distinct window once
    for pid, a, x in approved:
        key = (month(person[pid][1]), month(a), None if x is None else month(x))
        if pid in several:
            want_windows[(*key, pid, 1)] = 1
        else:
            want_windows[(*key, 0)] += 1
    got_windows = Counter()
    for b, a, x, pid, n in windows:
        got_windows[(b, a, x, pid, 1) if pid else (b, a, x, 0)] += n
    assert got_windows == want_windows and several

    lo, hi = Month.parse(FIRST).index, Month.parse(LAST).index
    want_items = Counter()
    for m, b, kind, fen in _rows(db, "SELECT i.month, p.birth_date, i.kind, i.amount_fen FROM"
                                     " roster_items i JOIN roster_lines l ON l.id = i.line_id"
                                     " JOIN rosters r ON r.id = l.roster_id JOIN people p ON"
                                     " p.id = l.person_id WHERE r.status = 'frozen'"):
        if kind and lo <= m <= hi:
            want_items[(str(Month.from_index(m)), month(b), ("", "arrears", "recovery")[kind])] \
                += fen
    assert items == sorted((*k, v) for k, v in want_items.items()) and items

    want_cards, want_pickups = Counter(), Counter()
    for issued, kind, reason, fee, picked in _rows(
            db, "SELECT issued_on, card_type, reason, fee_fen, picked_up_on FROM cards"):
        if lo <= month(issued) <= hi:
            want_cards[(str(Month.of(_day(issued))), kind, reason)] += 1
            want_cards[(str(Month.of(_day(issued))), kind, reason, "fee")] += fee
        if picked is not None and lo <= month(picked) <= hi:
            want_pickups[str(Month.of(_day(picked)))] += 1
    assert Counter({k: v for m, t, r, n, fee in cards
                    for k, v in (((m, t, r), n), ((m, t, r, "fee"), fee)) if v}) \
        == +want_cards and cards
    assert pickups == sorted(want_pickups.items()) and pickups

    certs: dict = defaultdict(lambda: -1)
    for pid, d in _rows(db, "SELECT person_id, cert_date FROM lifecerts"):
        certs[pid] = max(certs[pid], month(d))
    want_cover = Counter()
    for _id, pid, st, _a, _x, applied, source in enrollments:
        if st == "approved" and person[pid][2] == "active":
            want_cover[(person[pid][0], max(certs[pid], -1 if source == "online"
                                            else month(applied)))] += 1
    assert cover == want_cover and cover


def test_a_day_in_the_first_years_ad_counts_nobody_born(db):
    """Found by the fuzz test: on 0099-03-01 the month an age of 100 is reached is before year
    1; nobody is born by then (no error)."""
    assert sum(got_people(db, date(99, 3, 1)).values()) == 0
