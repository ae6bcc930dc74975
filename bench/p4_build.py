"""P4: build a quarterly roster: 300,000 enrolled, 8 frozen quarters in the ledger.

Ceiling 20 s. Baseline: a raw read of the enrollments and of the whole ledger plus a raw
executemany of the same lines and items the build stores (rolled back), on the same database.
Times RosterService.build of the quarter after the last frozen one three times, each on a
database without a draft (dropped untimed before: a rebuild of a draft recomputes only the
people changed since, see P4b). Under the line: full builds that replace the draft.
"""

from __future__ import annotations

import time

import common

PERIOD = "2026Q4"


def draft_as_other(conn, draft_id: int, mark: str = "?"):  # type: ignore[no-untyped-def]
    """The draft's lines and items renumbered as those of another roster (the next free id):
    (that id, lines, items). `mark` is the driver's placeholder (psycopg: %s)."""
    lines = conn.execute(f"SELECT * FROM roster_lines WHERE roster_id = {mark}",
                         (draft_id,)).fetchall()
    items = conn.execute("SELECT i.line_id, i.month, i.kind, i.amount_fen FROM roster_items i "
                         f"JOIN roster_lines l ON l.id = i.line_id WHERE l.roster_id = {mark}",
                         (draft_id,)).fetchall()
    top = conn.execute("SELECT max(id) FROM roster_lines").fetchone()[0]
    other = conn.execute("SELECT max(id) FROM rosters").fetchone()[0] + 1
    return (other, [(r[0] + top, other, *r[2:]) for r in lines],
            [(r[0] + top, *r[1:]) for r in items])


def read_inputs(conn) -> None:  # type: ignore[no-untyped-def]
    """The build's raw reads: the enrollments and the whole ledger."""
    conn.execute("SELECT person_id, applied_on, status, approved_on, ended_on, end_reason "
                 "FROM enrollments").fetchall()
    conn.execute("SELECT person_id, month, paid_fen FROM ledger").fetchall()


def baseline(path, draft_id: int) -> float:  # type: ignore[no-untyped-def]
    conn = common.raw_connection(path)
    other, lines, items = draft_as_other(conn, draft_id)
    width = len(lines[0])
    started = time.perf_counter()
    read_inputs(conn)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO rosters (id, period, status, built_at, built_by, built_audit_id, "
                 "people, regular_fen, arrears_fen, recovery_fen) VALUES "
                 "(?, '9999Q1', 'frozen', '2026-01-01 00:00:00', 'bench', 0, 0, 0, 0, 0)", (other,))
    conn.executemany(f"INSERT INTO roster_lines VALUES ({', '.join('?' * width)})", lines)
    conn.executemany("INSERT INTO roster_items (line_id, month, kind, amount_fen) "
                     "VALUES (?, ?, ?, ?)", items)
    seconds = time.perf_counter() - started
    conn.execute("ROLLBACK")
    conn.close()
    return seconds


def drop_draft(services) -> None:  # type: ignore[no-untyped-def]
    from elderdesk.store import allowance_repo, roster_repo

    with services.db.write() as s:
        draft = allowance_repo.draft(s)
        if draft is not None:
            roster_repo.delete_roster(s, draft.id)


def main() -> None:
    from sqlalchemy import text

    with common.scratch_copy(common.city_db()) as path:
        services, op = common.open_services(path)
        times, replacing = [], []
        for _ in range(3):
            drop_draft(services)  # untimed: a quarter's first build finds no draft
            started = time.perf_counter()
            services.roster.build(op, PERIOD)
            times.append(time.perf_counter() - started)
        for _ in range(2):  # a full build replacing its draft (after a policy load, say)
            started = time.perf_counter()
            services.roster.build(op, PERIOD, full=True)
            replacing.append(time.perf_counter() - started)
        with services.db.read() as s:
            draft_id, ledger = s.execute(text(
                "SELECT (SELECT id FROM rosters WHERE status = 'draft'), "
                "(SELECT count(*) FROM ledger)")).one()
            enrolled = s.execute(text("SELECT count(*) FROM enrollments")).scalar()
            frozen = s.execute(text("SELECT count(*) FROM rosters WHERE status = 'frozen'")).scalar()
        view = services.roster.show(op, PERIOD)
        services.close()
        raw = [baseline(path, draft_id) for _ in range(3)]
    common.detail(f"{enrolled:,} enrolled, {frozen} frozen quarters, {ledger:,} ledger rows; "
                  f"{len(view.lines):,} lines; builds {', '.join(f'{t:.1f}' for t in times)} s; "
                  f"baseline median {common.median(raw):.2f} s")
    common.detail("a full build replacing its draft (deleting 257k lines and their items "
                  f"first): {', '.join(f'{t:.1f}' for t in replacing)} s")
    median = common.median(times)
    common.report("P4", "build a quarterly roster, 300,000 enrolled, 8 frozen quarters", median,
                  20, ratio=median / common.median(raw), ratio_max=2)


if __name__ == "__main__":
    main()
