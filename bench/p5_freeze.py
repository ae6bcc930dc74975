"""P5: freeze a quarterly roster of about 300,000 lines into the ledger.

Ceiling 10 s. Baseline: a raw executemany of the ledger rows that freeze adds (one per person
and month, added to the row already there), in a transaction rolled back, on the same database.
On three fresh copies of the city database, 2026Q4 is built (untimed) and frozen (timed) in
one process, the build's view held meanwhile as the roster page holds it (the freeze then
returns the same lines instead of reading them back). A fourth copy freezes with nothing held,
as `elderdesk roster freeze` in a new process does: shown under the line.
"""

from __future__ import annotations

import time

import common

PERIOD = "2026Q4"
RUNS = 3


def baseline(path, draft_id: int) -> float:  # type: ignore[no-untyped-def]
    conn = common.raw_connection(path)
    rows = conn.execute(
        "SELECT l.person_id, i.month, sum(CASE i.kind WHEN 2 THEN -i.amount_fen "
        "ELSE i.amount_fen END) FROM roster_lines l JOIN roster_items i ON i.line_id = l.id "
        "WHERE l.roster_id = ? GROUP BY l.person_id, i.month", (draft_id,)).fetchall()
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT INTO ledger (person_id, month, paid_fen) VALUES (?, ?, ?) "
                     "ON CONFLICT (person_id, month) DO UPDATE SET "
                     "paid_fen = paid_fen + excluded.paid_fen", rows)
    seconds = time.perf_counter() - started
    conn.execute("ROLLBACK")
    conn.close()
    return seconds


def freeze_once(hold: bool) -> tuple[float, float, int]:
    """(freeze seconds, baseline seconds, lines) on a fresh copy."""
    from sqlalchemy import text

    with common.scratch_copy(common.city_db()) as path:
        services, op = common.open_services(path)
        view = services.roster.build(op, PERIOD)
        size = len(view.lines)
        if not hold:
            del view
        with services.db.read() as s:
            draft_id = s.execute(text("SELECT id FROM rosters WHERE status = 'draft'")).scalar()
        base = baseline(path, draft_id)
        started = time.perf_counter()
        services.roster.freeze(op, PERIOD)
        seconds = time.perf_counter() - started
        services.close()
    return seconds, base, size


def main() -> None:
    times, raw, sizes = [], [], []
    for _ in range(RUNS):
        seconds, base, size = freeze_once(hold=True)
        times.append(seconds)
        raw.append(base)
        sizes.append(size)
    cold = freeze_once(hold=False)[0]
    common.detail(f"without a held view (a new process, as the CLI): {cold:.2f} s")
    common.detail(f"lines {', '.join(f'{n:,}' for n in sizes)}; freezes "
                  f"{', '.join(f'{t:.1f}' for t in times)} s; baseline median "
                  f"{common.median(raw):.2f} s")
    median = common.median(times)
    common.report("P5", "freeze a quarterly roster of about 300,000 lines", median, 10,
                  ratio=median / common.median(raw), ratio_max=2)


if __name__ == "__main__":
    main()
