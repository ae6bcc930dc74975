"""P12 (issue 14): four counters at once on PostgreSQL while a quarterly roster builds. Ceiling:
p95 ≤ 100 ms per interaction, 0 errors (1,000,000 people, 60 s).

On a throw-away copy of the city database on the bench cluster (pg_common.py), one process
builds 2026Q4 again and again in full (RosterService.build(full=True): the facts read and the
roster computed in a read snapshot, then stored), and four counter processes each repeat for
60 s what a clerk does for a visitor: search (a clerk's query, as P1's), open the person found
(profile and payment history, as P2), then record a proof of life of an enrolled person or an
application of an over-80 not yet enrolled (alternately; every third visit opens the first person the search listed). Every interaction is timed in the
counter process; any exception is an error. The figure is the worst p95 of the three.

  python bench/p12_counters.py [--seconds 60] [--counters 4]
"""

from __future__ import annotations

import argparse
import os
import random
import time
import traceback
from datetime import date
from multiprocessing import get_context

import common
import pg_common

PERIOD = "2026Q4"


def _services(dbname: str):  # type: ignore[no-untyped-def]
    from elderdesk.services.container import Services

    services = Services.open(pg_common.url(dbname))
    return services, services.users.authenticate("admin", common.PASSWORD)


def counter(args: tuple) -> dict:  # type: ignore[type-arg]
    dbname, n, seconds, queries, enrolled, others, start_at = args
    services, op = _services(dbname)
    rng = random.Random(n)
    times: dict[str, list[float]] = {"search": [], "open": [], "write": []}
    errors: list[str] = []
    while time.time() < start_at:
        time.sleep(0.01)
    end = time.time() + seconds
    visit = 0
    while time.time() < end:
        visit += 1
        q = rng.choice(queries)
        try:
            t = time.perf_counter()
            found = services.people.search(op, q, limit=50)
            times["search"].append(time.perf_counter() - t)
            if visit % 2:
                number = enrolled.pop()
            else:
                number = others.pop()
            shown = getattr(found[0], "id_number", number) if found and visit % 3 == 0 \
                else number  # sometimes the clerk opens the one the search listed first
            t = time.perf_counter()
            services.profile(op, shown)
            services.allowance.history(op, shown)
            times["open"].append(time.perf_counter() - t)
            t = time.perf_counter()
            if visit % 2:
                services.allowance.lifecert(op, number, date(2026, 11, 14))
            else:
                services.allowance.apply(op, number, date(2026, 11, 14))
            times["write"].append(time.perf_counter() - t)
        except Exception as exc:  # noqa: BLE001  every failure counts as an error
            errors.append(f"{type(exc).__name__}: {exc}"[:200])
            if len(errors) == 1:
                traceback.print_exc()
        time.sleep(rng.uniform(0.0, 0.05))  # the clerk's own pause between steps
    services.close()
    return {"times": times, "errors": errors, "visits": visit}


def builder(args: tuple) -> dict:  # type: ignore[type-arg]
    dbname, seconds, start_at = args
    services, op = _services(dbname)
    builds: list[float] = []
    errors: list[str] = []
    while time.time() < start_at - 2:
        time.sleep(0.01)
    end = start_at + seconds
    while time.time() < end:
        t = time.perf_counter()
        try:
            services.roster.build(op, PERIOD, full=True)
            builds.append(time.perf_counter() - t)
        except Exception as exc:  # noqa: BLE001
            errors.append(f"{type(exc).__name__}: {exc}"[:200])
            traceback.print_exc()
    services.close()
    return {"builds": builds, "errors": errors}


def main() -> None:
    import p1_search

    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--counters", type=int, default=4)
    a = ap.parse_args()
    lite = common.raw_connection(common.city_db())
    queries = p1_search.clerk_queries(lite)
    enrolled = [r[0] for r in lite.execute(
        "SELECT p.id_number FROM people p JOIN enrollments e ON e.person_id = p.id WHERE "
        "e.status = 'approved' AND p.status = 'active' ORDER BY p.id LIMIT 40000")]
    others = [r[0] for r in lite.execute(
        "SELECT p.id_number FROM people p WHERE p.status = 'active' AND p.birth_date < "
        "'1946-01-01' AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.person_id = p.id) "
        "ORDER BY p.id LIMIT 40000")]
    lite.close()
    city = pg_common.city_pg()
    load = os.getloadavg()
    with pg_common.scratch_pg(city) as db:
        start_at = time.time() + 15  # every process connected and warm by then
        k = a.counters
        jobs = [(db, n, a.seconds, queries, enrolled[n::k], others[n::k], start_at)
                for n in range(k)]
        ctx = get_context("spawn")
        with ctx.Pool(k + 1) as pool:
            built = pool.apply_async(builder, ((db, a.seconds, start_at),))
            results = pool.map(counter, jobs)
            build = built.get()
    after = os.getloadavg()
    errors = [e for r in results for e in r["errors"]] + build["errors"]
    worst = 0.0
    for kind in ("search", "open", "write"):
        ts = [t for r in results for t in r["times"][kind]]
        p = common.p95(ts) if ts else float("inf")
        worst = max(worst, p)
        common.detail(f"{kind:6}: {len(ts):,} interactions, median {common.median(ts) * 1000:.1f}"
                      f" ms, p95 {p * 1000:.1f} ms, max {max(ts) * 1000:.0f} ms")
    common.detail(f"{sum(r['visits'] for r in results):,} visits by {k} counters in "
                  f"{a.seconds:.0f} s; roster builds meanwhile: "
                  f"{', '.join(f'{t:.1f}' for t in build['builds']) or 'none finished'} s; "
                  f"load {load[0]:.1f} before, {after[0]:.1f} after")
    if errors:
        common.detail(f"{len(errors)} errors, first: {errors[0]}")
    common.report("P12", f"{k} counters on PostgreSQL while a roster builds, {a.seconds:.0f} s "
                  f"(worst p95 of search, open, write; {len(errors)} errors)", worst, 0.100,
                  unit="ms", label="p95", engine="postgresql", ok=not errors,
                  note=f"{len(errors)} errors")


if __name__ == "__main__":
    main()
