"""Run every performance figure of the contract (P1–P14, P4b), each in its own process, then print
the table and put it in bench/README.md (between the results markers) with the machine.

  python bench/run_all.py            all figures
  python bench/run_all.py P1 P4      some of them (the README keeps the others' last rows)
  python bench/run_all.py PG P12     P1–P5 on PostgreSQL (the table's PostgreSQL column), P12
  python bench/run_all.py --no-readme

PG and P12 start a throw-away PostgreSQL cluster in bench/.cache/pg and copy the city file into
it once with `elderdesk server copy` (pg_common.py; `python bench/pg_common.py --stop` stops it).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import common

HERE = Path(__file__).resolve().parent
SCRIPTS = {
    "P1": "p1_search.py", "P2": "p2_open_person.py", "P3": "p3_import.py",
    "P4": "p4_build.py", "P4b": "p4b_rebuild.py", "P5": "p5_freeze.py",
    "P6": "p6_bank_xlsx.py", "P7": "p7_roster_pdf.py", "P8": "p8_card_pdf.py",
    "P9": "p9_cold_start.py", "P10": "p10_memory.py", "P11": "p11_file_size.py",
    "P12": "p12_counters.py", "P13": "p13_stats.py", "P14": "p14_district.py",
    "PG": "pg_figures.py",  # P1–P5 on PostgreSQL: the PostgreSQL column
}
PG_ONLY = {"P12"}  # measured on PostgreSQL only: their own rows
README = HERE / "README.md"
START, END = "<!-- results -->", "<!-- /results -->"


def run(figures: list[str]) -> list[dict]:
    common.city_db()  # build the shared database first (once), outside any timing
    common.RESULTS.unlink(missing_ok=True)
    for fig in figures:
        print(f"--- {fig}: {SCRIPTS[fig]}", flush=True)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, str(HERE / SCRIPTS[fig])])
        if done.returncode:
            print(f"    {fig} failed (exit {done.returncode})", flush=True)
        print(f"    ({time.perf_counter() - started:.0f} s)", flush=True)
    if not common.RESULTS.exists():
        return []
    return [json.loads(line) for line in common.RESULTS.read_text(encoding="utf-8").splitlines()]


HEADER = ["| # | figure | measured | ceiling | ratio to raw baseline | met | PostgreSQL |",
          "|---|---|---|---|---|---|---|"]


def _cells(r: dict) -> list[str]:
    return [r["figure"], r["what"], f"{r['label']} {r['value']}", r["ceiling"], r["ratio"],
            "yes" if r["met"] else "**no**"]


def _pg_cell(r: dict) -> str:
    ratio = "" if r["ratio"] == "–" else f", {r['ratio'].split(' (')[0]}"
    return f"{r['label']} {r['value']}{ratio}, {'met' if r['met'] else '**not met**'}"


def merge(old: list[list[str]], rows: list[dict]) -> list[list[str]]:
    """The table's rows (7 cells each) after this run: a figure measured now replaces its row
    (SQLite columns or the PostgreSQL column, by figure and what), the others stay."""
    table = {(c[0], c[1]): (c + ["–"] * 7)[:7] for c in old}
    for r in rows:
        key = (r["figure"], r["what"])
        pg = r.get("engine", "sqlite") != "sqlite"
        if pg and r["figure"] not in PG_ONLY:
            row = table.setdefault(key, [r["figure"], r["what"], "–", r["ceiling"], "–", "–", "–"])
            row[6] = _pg_cell(r)
        else:
            table[key] = _cells(r) + (["(this row)"] if pg else [table.get(key, ["–"] * 7)[6]])
    return sorted(table.values(), key=lambda c: _order(c[0]))


def table(cells: list[list[str]]) -> str:
    return "\n".join(HEADER + ["| " + " | ".join(c) + " |" for c in cells])


def _order(figure: str) -> tuple[int, str]:
    """P4 before P4b before P5 ..."""
    digits = "".join(c for c in figure if c.isdigit())
    return int(digits or 0), figure


def update_readme(rows: list[dict]) -> None:
    text = README.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    old, _, tail = rest.partition(END)
    kept = [[c.strip() for c in line.strip().strip("|").split("|")]
            for line in old.splitlines() if line.startswith("| P")]
    stamp = time.strftime("%Y-%m-%d")
    block = (f"{START}\nLast run {stamp} on: {common.machine()}.\n\n"
             + table(merge(kept, rows)) + f"\n{END}")
    README.write_text(head + block + tail, encoding="utf-8")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    figures = [next((k for k in SCRIPTS if k.upper() == a.upper()), a.upper()) for a in args] \
        or list(SCRIPTS)
    unknown = [f for f in figures if f not in SCRIPTS]
    if unknown:
        raise SystemExit(f"unknown figure(s): {', '.join(unknown)}; known: {', '.join(SCRIPTS)}")
    rows = run(figures)
    print()
    print(table(merge([], rows)))
    if "--no-readme" not in sys.argv and rows:
        update_readme(rows)
        print(f"\n(table written to {README})")


if __name__ == "__main__":
    main()
