"""Run every performance figure of the contract (P1–P11, P4b, P13), each in its own process, then print the
table and put it in bench/README.md (between the results markers) with the machine.

  python bench/run_all.py            all figures
  python bench/run_all.py P1 P4      some of them (the README keeps the others' last rows)
  python bench/run_all.py --no-readme
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
    "P13": "p13_stats.py",
}
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


def table(rows: list[dict]) -> str:
    out = ["| # | figure | measured | ceiling | ratio to raw baseline | met |",
           "|---|---|---|---|---|---|"]
    for r in rows:
        out.append(f"| {r['figure']} | {r['what']} | {r['label']} {r['value']} | {r['ceiling']} "
                   f"| {r['ratio']} | {'yes' if r['met'] else '**no**'} |")
    return "\n".join(out)


def _order(line: str) -> tuple[int, str]:
    """P4 before P4b before P5 ..."""
    figure = line.split("|")[1].strip()[1:]
    digits = "".join(c for c in figure if c.isdigit())
    return int(digits), figure


def update_readme(rows: list[dict]) -> None:
    text = README.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    old, _, tail = rest.partition(END)
    ran = {r["figure"] for r in rows}
    kept = [line for line in old.splitlines() if line.startswith("| P")
            and line.split("|")[1].strip() not in ran]
    merged = table(rows).splitlines()
    body = merged[:2] + sorted(merged[2:] + kept, key=_order)
    stamp = time.strftime("%Y-%m-%d")
    block = (f"{START}\nLast run {stamp} on: {common.machine()}.\n\n" + "\n".join(body)
             + f"\n{END}")
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
    print(table(rows))
    if "--no-readme" not in sys.argv and rows:
        update_readme(rows)
        print(f"\n(table written to {README})")


if __name__ == "__main__":
    main()
