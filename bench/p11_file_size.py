"""P11: the database file of the city register: 1,000,000 people, 300,000 enrolled, 8 frozen
quarters of ledger (the demo generator, seed 1), ceiling 1 GB. Lists the largest tables and
indexes (SQLite's dbstat) under the figure."""

from __future__ import annotations

import common


def main() -> None:
    path = common.city_db()
    conn = common.raw_connection(path)
    size = path.stat().st_size / 1e6
    rows = conn.execute("SELECT name, sum(pgsize) / 1e6 FROM dbstat GROUP BY name "
                        "ORDER BY 2 DESC LIMIT 12").fetchall()
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("people", "enrollments", "lifecerts", "roster_lines", "roster_items",
                        "ledger")}
    conn.close()
    common.detail("rows: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))
    common.detail("largest: " + ", ".join(f"{n} {mb:.0f}" for n, mb in rows) + " (MB)")
    common.report("P11", "database file, 1M people, 300k enrolled, 8 quarters", size, 1000,
                  unit="MB", label="size")


if __name__ == "__main__":
    main()
