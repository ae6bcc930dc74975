"""`server copy` of the city file (issue 14): its time, and that the last frozen roster (`roster
show --json`), its bank file (cell values), `people show --json` and the allowance history of
25 people (enrolled ones and people with recoveries) are identical on both sides. Runs the
throw-away PostgreSQL cluster of the tests (tests/pg.py: fsync off). Not part of run_all.

    python bench/server_copy.py
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PASSWORD, city_db, scratch_copy  # noqa: E402

from elderdesk.cli.main import main  # noqa: E402


def run(db: str, *argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main([*argv, "--db", db, "--user", "admin"])
    if status:
        raise SystemExit(f"{' '.join(argv)}: exit {status}: {err.getvalue().strip()}")
    return out.getvalue()


def cells(path: Path) -> str:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    sheets = [wb.get_sheet_by_name(n).to_python() for n in wb.sheet_names]
    return hashlib.sha256(json.dumps(sheets, default=str).encode()).hexdigest()


def histories(db: Path | str, ids: list[str]) -> dict[str, list[str]]:
    from elderdesk.services.container import Services

    services = Services.open(db)
    try:
        op = services.users.authenticate("admin", PASSWORD)
        return {i: [repr(m) for m in services.allowance.history(op, i)] for i in ids}
    finally:
        services.close()


def figures(db: str, period: str, ids: list[str], folder: Path, side: str) -> dict[str, object]:
    bank = folder / f"bank-{side}.xlsx"
    run(db, "roster", "export", "--period", period, "--xlsx", str(bank))
    return {"roster": hashlib.sha256(run(db, "roster", "show", "--period", period,
                                         "--json").encode()).hexdigest(),
            "people": [run(db, "people", "show", i, "--json") for i in ids],
            "bank": cells(bank),
            "history": histories(Path(db) if side == "sqlite" else db, ids)}


def main_() -> None:
    import os

    os.environ["ELDERDESK_PASSWORD"] = PASSWORD
    from tests.pg import Cluster

    with scratch_copy(city_db()) as work:
        db = str(work)
        run(db, "people", "search", "张")  # opened (and migrated) before the clock starts
        with sqlite3.connect(work) as con:
            ids = [r[0] for r in con.execute(
                "SELECT p.id_number FROM people p JOIN enrollments e ON e.person_id = p.id "
                "ORDER BY p.id LIMIT 20")]
            ids += [r[0] for r in con.execute(
                "SELECT p.id_number FROM people p JOIN recoveries r ON r.person_id = p.id "
                "ORDER BY p.id LIMIT 5")]
            period = con.execute("SELECT max(period) FROM rosters WHERE status = 'frozen'"
                                 ).fetchone()[0]
        before = figures(db, period, ids, work.parent, "sqlite")
        cluster = Cluster()
        try:
            url = cluster.url(cluster.create())
            started = time.perf_counter()
            doc = json.loads(run(db, "server", "copy", db, url, "--json"))
            wall = time.perf_counter() - started
            after = figures(url, period, ids, work.parent, "pg")
        finally:
            cluster.stop()
    same = [k for k in before if before[k] == after[k]]
    print(f"server copy of the city file: {wall:.1f} s ({doc['seconds']} s copying and "
          f"comparing), {sum(doc['tables'].values()):,} rows; identical on both sides: "
          f"{', '.join(same)}" + ("" if len(same) == len(before) else
                                  f"; DIFFERENT: {', '.join(set(before) - set(same))}"))


if __name__ == "__main__":
    main_()
