"""A street's import of its district's return packages writes the ledger in bulk (issue 15):
the months of every `ledger` record gathered and written once at the end of the import
(`returns_repo.set_ledgers`: the rows held read once, changed rows deleted and inserted, on
SQLite stats_ledger by one grouped upsert from COUNT_MIN rows on, on PostgreSQL arrays and a
COPY). What it leaves must be what the per-record writes it replaced left (a DELETE and an
INSERT per record), table by table, and what the district's own ledger holds."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from elderdesk.store import exchange_repo, returns_repo, roster_repo
from tests.conftest import ADMIN_PASSWORD
from tests.exchange.conftest import A, sql, street_paid_by_district
from tests.exchange.test_kill_returns import tables
from tests.safety.conftest import copy_db, settle

BOTH_ENGINES = True  # the store test; the import's runs on SQLite files
PEOPLE = 200  # 50 enrolled: ~900 records, ~2,500 ledger months; then ~65, ~150 months
DAY, Q1, Q2 = "2026-01-10", "2026-03-10", "2026-06-10"
DIED = date(2025, 8, 15)


def per_record(session, months: dict[int, dict[int, int]]) -> None:
    """The writes set_ledgers replaced (set_ledger, called per record): a DELETE of the
    person's listed months, an INSERT of those not 0."""
    cur = roster_repo.raw_cursor(session)
    for pid, wanted in months.items():
        listed = sorted(wanted)
        if not listed:
            continue
        cur.execute(f"DELETE FROM ledger WHERE person_id = ? AND month IN "
                    f"({', '.join('?' * len(listed))})", [pid, *listed])
        rows = [(pid, m, wanted[m]) for m in listed if wanted[m]]
        if rows:
            cur.executemany("INSERT INTO ledger (person_id, month, paid_fen) VALUES (?, ?, ?)",
                            rows)


def _district_ledger(path: Path) -> set[tuple[str, int, int]]:
    """The district's ledger of street A's people: (the street's key, month, fen)."""
    return set(sql(path, "SELECT r.key, g.month, g.paid_fen FROM ledger g JOIN "
                          "exchange_records r ON r.kind = 'person' AND r.owner = '420103001' "
                          "AND r.local_id = CAST(g.person_id AS TEXT)"))


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """Street 001, paid by its district, before it imports two return packages: 2026Q1 (the
    decisions, the first roster's lines, arrears since each one's 80th birthday) and 2026Q2,
    frozen after the street recorded two deaths of August 2025 (recovered: months back to 0)
    and the others' proofs of life (paid: new months).
    The district's ledger of the street's people after each freeze."""
    folder = tmp_path_factory.mktemp("returns_bulk")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ELDERDESK_TODAY", DAY)
        d, a = street_paid_by_district(folder, PEOPLE, PEOPLE // 4, seed=7)
        try:
            def send(sender, receiver, name: str) -> Path:
                out = folder / f"{name}.edx"
                sender.services.exchange.export(sender.admin, out,
                                                to=A if sender is d else None)
                if receiver is not None:
                    receiver.services.exchange.import_file(receiver.admin, out)
                return out

            mp.setenv("ELDERDESK_TODAY", Q1)
            d.services.roster.build(d.admin, "2026Q1")
            d.services.roster.freeze(d.approver, "2026Q1")
            first = send(d, None, "returns-q1")
            ledger_q1 = _district_ledger(d.path)
            mp.setenv("ELDERDESK_TODAY", Q2)
            enrolled = [r[0] for r in sql(a.path, "SELECT p.id_number FROM people p JOIN "
                                                   "enrollments e ON e.person_id = p.id "
                                                   "WHERE p.status = 'active' "
                                                   "ORDER BY p.id_number")]
            for number in enrolled[:2]:
                a.services.people.record_death(a.clerk, number, DIED)
            for number in enrolled[2:]:  # paid for 2026Q2 (new ledger rows)
                a.services.allowance.lifecert(a.clerk, number, date(2026, 4, 20))
            send(a, d, "deaths")
            d.services.roster.build(d.admin, "2026Q2")
            d.services.roster.freeze(d.approver, "2026Q2")
            second = send(d, None, "returns-q2")
            ledger_q2 = _district_ledger(d.path)
        finally:
            d.services.close()
            a.services.close()
    settle(a.path)
    return a.path, (first, second), (ledger_q1, ledger_q2)


def _street_ledger(path: Path) -> set[tuple[str, int, int]]:
    return {(str(p), m, f) for p, m, f in sql(path, "SELECT person_id, month, paid_fen "
                                                     "FROM ledger")}


def _stats_by_month(path: Path) -> tuple[dict[int, tuple[int, int]], dict[int, tuple[int, int]]]:
    """stats_ledger summed over birth months, and the same counted from the ledger."""
    kept = {m: (n, f) for m, n, f in sql(
        path, "SELECT month, sum(people), sum(fen) FROM stats_ledger GROUP BY month "
              "HAVING sum(people) <> 0 OR sum(fen) <> 0")}
    counted = {m: (n, f) for m, n, f in sql(
        path, "SELECT month, count(*), sum(paid_fen) FROM ledger WHERE paid_fen > 0 "
              "GROUP BY month")}
    return kept, counted


def _triggers(path: Path) -> list[tuple]:
    return sql(path, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")


def test_the_bulk_import_leaves_what_the_per_record_writes_did(world, tmp_path, monkeypatch):
    from elderdesk.services.container import Services

    street, packages, district = world
    monkeypatch.setenv("ELDERDESK_TODAY", Q2)
    recs = [json.loads(x) for x in packages[1].read_text(encoding="utf-8").splitlines()[2:]]
    zeros = [r for r in recs if r["kind"] == "ledger" and 0 in r["data"]["months"].values()]
    assert zeros, "the 2026Q2 package sets no month back to 0: the deletes are not tested"
    triggers = _triggers(street)
    seen: dict[str, list[dict[str, list[str]]]] = {}
    ways = {"bulk": {"COUNT_MIN": 10**9}, "counted": {"COUNT_MIN": 1},  # row triggers or not
            "per record": {"set_ledgers": per_record}}
    for way, patches in ways.items():
        with monkeypatch.context() as mp:
            for name, value in patches.items():
                mp.setattr(returns_repo, name, value)
            db = copy_db(street, tmp_path / way.replace(" ", "_") / "street.db")
            services = Services.open(db)
            try:
                admin = services.users.authenticate("admin", ADMIN_PASSWORD)
                states = []
                for n, package in enumerate(packages):
                    result = services.exchange.import_file(admin, package)
                    assert not result.already_imported and result.counts["ledger"] > 0
                    settle(db)
                    states.append(tables(db))
                    assert _street_ledger(db) == district[n], (way, n)
                    kept, counted = _stats_by_month(db)
                    assert kept == counted, (way, n)
                    assert _triggers(db) == triggers, way
                again = services.exchange.import_file(admin, packages[1])
                assert again.already_imported
                settle(db)
                assert tables(db) == states[-1], way
            finally:
                services.close()
        seen[way] = states
    assert len(district[1] - district[0]) > 0 and len(district[0] - district[1]) > 0
    for way in ("bulk", "counted"):
        for n in range(2):
            differ = sorted(t for t, rows in seen[way][n].items()
                            if rows != seen["per record"][n][t])
            assert not differ, (way, n, differ)


AT = datetime(2026, 5, 20, 9, 0)


class _Undo(Exception):
    pass


def test_set_ledgers_equals_the_per_record_writes(services):
    """Held rows unchanged, changed, set to 0; a 0 for a month not held; new months; people of
    different birth months (their statistics rows): bulk (row triggers), bulk counted (SQLite:
    one grouped upsert) and the per-record writes leave the same ledger and stats_ledger."""
    with services.db.write() as s:
        ids = exchange_repo.insert_people(s, [
            {"id_number": f"42010319{y}0{mo}150{n}2{n}", "name": name, "sex": "F",
             "birth_date": date(int(f"19{y}"), mo, 15), "household_address": "江汉路1号",
             "current_address": "江汉路1号", "street": "民意", "community": "一社区",
             "status": "active", "office": "", "created_at": AT, "updated_at": AT}
            for n, (y, mo, name) in enumerate([("40", 5, "王秀英"), ("41", 7, "李明"),
                                               ("40", 5, "张兰")])])
        per_record(s, {ids[0]: {24300: 100, 24301: 200, 24302: 300},
                       ids[1]: {24300: 50, 24301: 60}, ids[2]: {24300: 70}})
        s.execute(text("INSERT INTO ledger (person_id, month, paid_fen) VALUES (:p, 24306, 0)"),
                  {"p": ids[2]})  # a row of 0 (a freeze removes them): 0 removes it too
    p1, p2, p3 = ids
    change = {p1: {24300: 100, 24301: 0, 24302: 350, 24303: 0, 24304: 70},
              p2: {24300: 0, 24301: 60}, p3: {24305: 10, 24306: 0}}
    expected = {(p1, 24300, 100), (p1, 24302, 350), (p1, 24304, 70), (p2, 24301, 60),
                (p3, 24300, 70), (p3, 24305, 10)}
    found = {}
    for way, write, count_min in (("per record", per_record, None),
                                  ("bulk", returns_repo.set_ledgers, None),
                                  ("counted", returns_repo.set_ledgers, 1)):
        saved = returns_repo.COUNT_MIN
        if count_min is not None:
            returns_repo.COUNT_MIN = count_min
        try:
            with services.db.write() as s:
                write(s, {k: dict(v) for k, v in change.items()})
                found[way] = (
                    {tuple(r) for r in s.execute(text(
                        "SELECT person_id, month, paid_fen FROM ledger"))},
                    sorted(tuple(r) for r in s.execute(text(
                        "SELECT month, birth_month, people, fen FROM stats_ledger"))))
                raise _Undo  # each way from the same rows
        except _Undo:
            pass
        finally:
            returns_repo.COUNT_MIN = saved
    assert found["per record"][0] == expected
    by_month = defaultdict(lambda: [0, 0])
    for month, _born, people, fen in found["per record"][1]:
        by_month[month][0] += people
        by_month[month][1] += fen
    assert {m: tuple(v) for m, v in by_month.items() if v != [0, 0]} == {
        24300: (2, 170), 24301: (1, 60), 24302: (1, 350), 24304: (1, 70), 24305: (1, 10)}
    assert found["bulk"] == found["per record"]
    assert found["counted"] == found["per record"]
