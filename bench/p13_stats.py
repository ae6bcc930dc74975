"""P13: the statistics page (every table: people by age band, community and status, allowance
applications, money by month and band, cards, proof-of-life coverage) on the city file,
ceiling 2 s. Times StatsService.compute (twelve months up to today) five times after one
untimed warm-up (the page's first open reads the file into the page cache); the median is the
figure, the fastest run is shown under it (the machine is shared: its other work shows as
noise)."""

from __future__ import annotations

import common


def main() -> None:
    services, op = common.open_services(common.city_db())
    from elderdesk.services.stats.tables import all_tables

    stats = services.stats.compute(op)
    times = common.timed(lambda: services.stats.compute(op), 5)
    tables = all_tables(stats)
    services.close()
    common.detail(f"{len(tables)} tables, {sum(len(t.rows) for t in tables):,} rows; runs "
                  f"{', '.join(f'{t:.2f}' for t in times)} s (fastest {min(times):.2f} s)")
    common.report("P13", "statistics (all tables of the statistics page), city file",
                  common.median(times), 2)


if __name__ == "__main__":
    main()
