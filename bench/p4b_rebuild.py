"""P4b: rebuild the quarter's draft after 1,000 people changed (late deaths, proofs of life,
moves, new bank accounts), ceiling 3 s, exact: the same roster as a full build.

On a copy of the city database, 2026Q4 is built in full (its view held, as the roster page
holds it), then three rounds: 1,000 other people change through the services (untimed: 400
proofs of life, 300 deaths recorded a quarter late, 200 new accounts, 100 moves), and the draft
is rebuilt (timed: RosterService.build finds them in the audit log and recomputes only them).
After the last round a full build of the same state must give the same lines, withheld list and
totals. The ratio is to that full build (for information). Under the line: the same rebuild
when nothing holds the draft's view (its lines are then read back).
"""

from __future__ import annotations

import gc
import random
import time
from datetime import date

import common

PERIOD = "2026Q4"
ROUNDS = 3
CHANGED = 1000


def people(services):  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    with services.db.read() as s:
        return s.execute(text(
            "SELECT p.id_number FROM people p JOIN enrollments e ON e.person_id = p.id "
            "WHERE e.status = 'approved' AND p.status = 'active' ORDER BY p.id")).scalars().all()


def change(services, op, numbers: list[str]) -> None:  # type: ignore[no-untyped-def]
    for n, idn in enumerate(numbers):
        if n < 400:
            services.allowance.lifecert(op, idn, date(2026, 11, 10))
        elif n < 700:
            services.people.record_death(op, idn, date(2026, 8, 20))
        elif n < 900:
            services.people.set_account(op, idn, "中国建设银行", f"6217{n:012d}")
        else:
            services.people.record_moved_out(op, idn, date(2026, 10, 5))


def measure(services, op):  # type: ignore[no-untyped-def]
    """2026Q4 built in full (its view held), ROUNDS rounds of CHANGED changes each followed by
    the timed rebuild, a full build of the same state compared with the last rebuild, then one
    more round with no view held: (first full build's seconds, the rebuilds' seconds, the last
    full build's seconds, whether it was the same roster, its lines, the rebuild with no view
    held). `services` may be over SQLite or PostgreSQL (pg_figures.py)."""
    rng = random.Random(4)
    started = time.perf_counter()
    view = services.roster.build(op, PERIOD, full=True)
    first = time.perf_counter() - started
    pool = people(services)
    rng.shuffle(pool)
    times = []
    for k in range(ROUNDS):
        change(services, op, pool[k * CHANGED:(k + 1) * CHANGED])
        started = time.perf_counter()
        view = services.roster.build(op, PERIOD)
        times.append(time.perf_counter() - started)
    started = time.perf_counter()
    full = services.roster.build(op, PERIOD, full=True)
    full_time = time.perf_counter() - started
    exact = (full.lines == view.lines and full.withheld == view.withheld
             and full.totals_fen() == view.totals_fen())
    lines = len(view.lines)
    del view, full
    gc.collect()
    change(services, op, pool[ROUNDS * CHANGED:(ROUNDS + 1) * CHANGED])
    started = time.perf_counter()
    services.roster.build(op, PERIOD)
    cold = time.perf_counter() - started
    return first, times, full_time, exact, lines, cold


def main() -> None:
    with common.scratch_copy(common.city_db()) as path:
        services, op = common.open_services(path)
        first, times, full_time, exact, lines, cold = measure(services, op)
        services.close()
    common.detail(f"{lines:,} lines; full build {first:.1f} s, then {full_time:.1f} s; rebuilds "
                  f"after {CHANGED:,} changes {', '.join(f'{t:.2f}' for t in times)} s; "
                  f"{'the same as' if exact else 'DIFFERENT FROM'} the full build")
    common.detail(f"with no view held (its lines read back): {cold:.2f} s")
    median = common.median(times)
    met = common.report("P4b", f"rebuild the draft after {CHANGED:,} people changed", median, 3,
                        ratio=median / full_time, note="" if exact else "NOT EXACT")
    if not exact:
        raise SystemExit("P4b: the rebuilt draft differs from a full build")
    del met


if __name__ == "__main__":
    main()
