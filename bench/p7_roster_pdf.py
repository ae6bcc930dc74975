"""P7: the printed roster PDF of 10,000 lines, ceiling 15 s.

The lines are the first 10,000 (by ID number) of the 2026Q3 roster of the city database, with
their payments and recoveries; write_roster_pdf draws the pages, subtotals and signatures.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

import common

LINES = 10_000


def main() -> None:
    from elderdesk.reports.roster_pdf import write_roster_pdf

    services, op = common.open_services(common.city_db())
    view = services.roster.show(op, "2026Q3")
    services.close()
    part = dataclasses.replace(view, lines=view.lines[:LINES])
    del view
    folder = Path(tempfile.mkdtemp(prefix="p7-", dir=common.CACHE))
    times = common.timed(lambda: write_roster_pdf(folder / "roster.pdf", part,
                                                  prepared_by="admin"), 3)
    size = (folder / "roster.pdf").stat().st_size
    for p in folder.iterdir():
        p.unlink()
    folder.rmdir()
    common.detail(f"{len(part.lines):,} lines, {size / 1e6:.1f} MB PDF")
    common.report("P7", f"printed roster PDF, {LINES:,} lines", common.median(times), 15)


if __name__ == "__main__":
    main()
