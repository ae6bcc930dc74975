"""P1–P5 on PostgreSQL (performance.md: same ceilings, baselines through raw psycopg), on the
city register copied once into the bench cluster by `elderdesk server copy` (pg_common.py).

- P1: the same clerk queries as p1_search.py through PeopleService.search on the server; the
  baseline runs each kind's raw plans through psycopg (the plain indexed statement, the walk of
  the ID index, the pinyin keys' distinct numbers) and takes the fastest per query.
- P2–P5 work on one throw-away copy of the city database (CREATE DATABASE … TEMPLATE), in an
  order that keeps each figure's workload as on SQLite: P4 (three first builds of 2026Q4, the
  draft dropped untimed before each), P4b (1,000 people changed, the draft rebuilt; twice), P5
  (the draft built again and frozen, its view held), P3 (the 100,000-row workbook), P2 (ten
  years of ledger for 20 people: it loads an older policy, so it comes last).
- Baselines as on SQLite: P3 calamine + psycopg executemany of the rows into people; P4 raw read
  of the enrollments and the ledger + executemany of the draft's lines and items; P5 one
  INSERT … SELECT … ON CONFLICT of the ledger rows (an executemany of 800,000 upserts ran
  over 7 minutes); all rolled back.

  python bench/pg_figures.py [P1 P2 P3 P4 P4b P5]
"""

from __future__ import annotations

import sys
import time

import common
import p4_build
import pg_common

ENGINE = "postgresql"
PERIOD = "2026Q4"
COLS = "id_number, name, sex, birth_date, status, community, street"
WALK = (f"SELECT {COLS} FROM people WHERE {{cond}} ORDER BY id_number LIMIT 50")
RAW = {
    "id_prefix": [f"SELECT {COLS} FROM people WHERE id_number >= %s AND id_number < %s "
                  "ORDER BY id_number LIMIT 50"],
    "id_any": [f"SELECT {COLS} FROM people WHERE id_number LIKE %s ORDER BY id_number LIMIT 50",
               f"SELECT {COLS} FROM people WHERE id IN (SELECT id FROM people WHERE id_number "
               "LIKE %s) ORDER BY id_number LIMIT 50"],
    "initials": [f"SELECT {COLS} FROM people WHERE id IN (SELECT person_id FROM person_keys "
                 "WHERE key >= %s AND key < %s) ORDER BY id_number LIMIT 50",
                 f"SELECT {COLS} FROM people WHERE id_number IN (SELECT DISTINCT id_number "
                 "FROM person_keys WHERE key >= %s AND key < %s ORDER BY id_number LIMIT 50) "
                 "ORDER BY id_number",
                 WALK.format(cond="EXISTS (SELECT 1 FROM person_keys k WHERE k.person_id = "
                             "people.id AND k.key >= %s AND k.key < %s)")],
    "name": [f"SELECT {COLS} FROM people WHERE name >= %s AND name < %s "
             "ORDER BY id_number LIMIT 50",
             WALK.format(cond="name >= %s AND name < %s")],
}


def report(*args, **kw) -> bool:  # type: ignore[no-untyped-def]
    return common.report(*args, engine=ENGINE, **kw)


def open_services(dbname: str):  # type: ignore[no-untyped-def]
    from elderdesk.services.container import Services

    services = Services.open(pg_common.url(dbname))
    return services, services.users.authenticate("admin", common.PASSWORD)


def p1(city: str) -> None:
    import p1_search

    lite = common.raw_connection(common.city_db())
    queries = p1_search.clerk_queries(lite)
    lite.close()
    services, op = open_services(city)
    conn = pg_common.raw(city)
    every = p1_search.measure(services, op, queries, lambda kind, q: [
        p1_search.raw_times(_Pg(conn), sql, p1_search.raw_params(kind, q, sql.replace("%s", "?")))
        for sql in RAW[kind]], counts=False)
    value = common.p95(every["service"])
    report("P1", f"search as you type, 1,000,000 people, {len(queries)} queries", value, 0.020,
           unit="ms", label="p95", ratio=value / common.p95(every["best"]), ratio_max=3)
    conn.close()
    services.close()


class _Pg:
    """psycopg behind the sqlite3 `conn.execute(sql, args).fetchall()` p1_search times."""

    def __init__(self, conn) -> None:  # type: ignore[no-untyped-def]
        self.conn = conn

    def execute(self, sql: str, args: tuple):  # type: ignore[no-untyped-def]
        return self.conn.execute(sql, args)


def p4_baseline(conn, draft_id: int) -> float:  # type: ignore[no-untyped-def]
    other, lines, items = p4_build.draft_as_other(conn, draft_id, "%s")
    width = len(lines[0])
    started = time.perf_counter()
    p4_build.read_inputs(conn)
    with conn.transaction(force_rollback=True):
        conn.execute("INSERT INTO rosters SELECT (jsonb_populate_record(r, jsonb_build_object("
                     "'id', %s::int, 'period', '9999Q1', 'status', 'frozen'))).* FROM rosters r WHERE id = %s",
                     (other, draft_id))
        cur = conn.cursor()
        cur.executemany(f"INSERT INTO roster_lines VALUES ({', '.join(['%s'] * width)})", lines)
        cur.executemany("INSERT INTO roster_items (line_id, month, kind, amount_fen) "
                        "VALUES (%s, %s, %s, %s)", items)
        seconds = time.perf_counter() - started
    return seconds


def p5_baseline(conn, draft_id: int) -> float:  # type: ignore[no-untyped-def]
    """One raw INSERT … SELECT … ON CONFLICT of the draft's ledger rows (psycopg's executemany
    of 800,000 upserts, the SQLite baseline's form, took over 7 minutes here: row by row)."""
    started = time.perf_counter()
    with conn.transaction(force_rollback=True):
        conn.execute(
            "INSERT INTO ledger (person_id, month, paid_fen) SELECT l.person_id, i.month, "
            "sum(CASE i.kind WHEN 2 THEN -i.amount_fen ELSE i.amount_fen END) FROM roster_lines l "
            "JOIN roster_items i ON i.line_id = l.id WHERE l.roster_id = %s "
            "GROUP BY l.person_id, i.month ON CONFLICT (person_id, month) DO UPDATE SET "
            "paid_fen = ledger.paid_fen + excluded.paid_fen", (draft_id,))
        seconds = time.perf_counter() - started
    return seconds


def draft_id(conn) -> int:  # type: ignore[no-untyped-def]
    return conn.execute("SELECT id FROM rosters WHERE status = 'draft'").fetchone()[0]


def p4(db: str, services, op, conn) -> None:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(3):
        p4_build.drop_draft(services)
        started = time.perf_counter()
        view = services.roster.build(op, PERIOD)
        times.append(time.perf_counter() - started)
        common.detail(f"build {times[-1]:.1f} s")
    raw = [p4_baseline(conn, draft_id(conn)) for _ in range(3)]
    common.detail(f"{len(view.lines):,} lines; builds {', '.join(f'{t:.1f}' for t in times)} s "
                  f"(min {min(times):.1f}); baseline median {common.median(raw):.2f} s")
    med = common.median(times)
    report("P4", "build a quarterly roster, 300,000 enrolled, 8 frozen quarters", med, 20,
           ratio=med / common.median(raw), ratio_max=2)


def p4b(db: str, services, op, conn) -> None:  # type: ignore[no-untyped-def]
    """As p4b_rebuild.py: the draft's view held (the roster page's flow), three rounds of 1,000
    changes, the result checked against a full build; under the line the rebuild with no view
    held (a new process, the CLI: the draft's lines read back)."""
    import p4b_rebuild

    _, times, full_time, exact, _, cold = p4b_rebuild.measure(services, op)
    size = p4b_rebuild.CHANGED
    common.detail(f"rebuilds after {size:,} changes: {', '.join(f'{t:.2f}' for t in times)} s; "
                  f"{'the same as' if exact else 'DIFFERENT FROM'} a full build ({full_time:.1f} s)")
    common.detail(f"with no view held (a new process, the CLI: its lines read back): {cold:.2f} s")
    med = common.median(times)
    report("P4b", f"rebuild the draft after {size:,} people changed", med, 3,
           ratio=med / full_time, note="" if exact else "NOT EXACT")
    if not exact:
        raise SystemExit("P4b: the rebuilt draft differs from a full build")


def _once(figure: str, what: str, fn, raw: list[float],  # type: ignore[no-untyped-def]
          detail) -> None:
    """A figure timed once (it changes the database: P5, P3), ceiling 10 s, ≤ 2x the median of
    the raw baseline: `detail(fn's result, seconds)` printed under it, then its line."""
    started = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - started
    common.detail(detail(result, seconds))
    report(figure, what, seconds, 10, ratio=seconds / common.median(raw), ratio_max=2,
           label="time")


def p5(db: str, services, op, conn) -> None:  # type: ignore[no-untyped-def]
    view = services.roster.build(op, PERIOD)  # the view held, as the roster page holds it
    raw = [p5_baseline(conn, draft_id(conn)) for _ in range(2)]
    _once("P5", "freeze a quarterly roster of about 300,000 lines",
          lambda: services.roster.freeze(op, PERIOD), raw,
          lambda _, seconds: f"{len(view.lines):,} lines frozen in {seconds:.2f} s (one "
          f"freeze: it changes the database); baseline median {common.median(raw):.2f} s")


def p3(db: str, services, op, conn) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime

    import p3_import
    from python_calamine import CalamineWorkbook

    book = p3_import.workbook()
    raw = []
    for _ in range(1):
        started = time.perf_counter()
        with CalamineWorkbook.from_path(str(book)) as wb:
            cells = wb.get_sheet_by_index(0).to_python(skip_empty_area=False)
        stamp = datetime.now()
        rows = [(c[4], c[1], "M" if c[2] == "男" else "F", c[3],
                 f"{c[4][6:10]}-{c[4][10:12]}-{c[4][12:14]}", c[5], c[6], c[7], c[8],
                 c[9] or None, c[10] or None, c[11] or None, "active") for c in cells[1:]]
        with conn.transaction(force_rollback=True):
            conn.cursor().executemany(
                "INSERT INTO people (id_number, name, sex, ethnicity, birth_date, "
                "household_address, current_address, street, community, phone, bank, account, "
                "status, created_at, updated_at, office) VALUES (%s, %s, %s, %s, %s, %s, %s, %s,"
                " %s, %s, %s, %s, %s, 20261115000000, 20261115000000, '') "
                "ON CONFLICT DO NOTHING", rows)
            raw.append(time.perf_counter() - started)
        del stamp
    _once("P3", "import a 100,000-row register workbook into the 1M register",
          lambda: services.imports.import_people(op, book), raw,
          lambda outcome, _: f"imported {outcome.imported:,}, skipped {outcome.skipped:,}; "
          f"baseline median {common.median(raw):.2f} s")


def p2(db: str, services, op, conn) -> None:  # type: ignore[no-untyped-def]
    import p2_open_person

    numbers = p2_open_person.add_ten_years(services, op)

    def open_person(number: str) -> None:
        services.profile(op, number)
        services.allowance.history(op, number)

    for number in numbers:
        open_person(number)
    times = [t for number in numbers
             for t in common.timed(lambda number=number: open_person(number), 5)]
    common.detail(f"{len(numbers)} people; median {common.median(times) * 1000:.1f} ms")
    report("P2", "open a person with 10 years of payment history", common.p95(times), 0.030,
           unit="ms", label="p95")


def main() -> None:
    wanted = [a.upper() for a in sys.argv[1:]] or ["P1", "P4", "P4B", "P5", "P3", "P2"]
    city = pg_common.city_pg()
    common.detail(f"PostgreSQL: {(pg_common.PG / (city + '.copied')).read_text().strip()}")
    if "P1" in wanted:
        p1(city)
    steps = [(f, fn) for f, fn in (("P4", p4), ("P4B", p4b), ("P5", p5), ("P3", p3),
                                   ("P2", p2)) if f in wanted]
    if not steps:
        return
    with pg_common.scratch_pg(city) as db:
        services, op = open_services(db)
        conn = pg_common.raw(db)
        for figure, fn in steps:
            started = time.perf_counter()
            fn(db, services, op, conn)
            common.detail(f"({figure} took {time.perf_counter() - started:.0f} s, load "
                          f"{__import__('os').getloadavg()[0]:.1f})")
        conn.close()
        services.close()


if __name__ == "__main__":
    main()
