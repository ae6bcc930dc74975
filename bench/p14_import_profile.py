"""Where `exchange export` / `exchange import` spend their time (issue 15, P14; a developer's
tool, not a figure of run_all). One street of 2,500 people, 2,000 enrolled with 2 quarters
frozen by the street itself, registered with a district that pays it:

1. the street's FIRST package (its whole register: people, applications, proofs of life,
   paid rosters and ledgers) exported and imported at the district;
2. one quarter of changes (proofs of life of the living enrollees, 15 deaths, 20 new
   applications, 40 account changes) exported and imported.

The world is built once with the product's services into bench/.cache/p14prof-FINGERPRINT/
(street before its first export, the district before it, the street after the quarter's
changes); every run works on scratch copies. `--profile` prints the top of cProfile for each
step (sorted by cumulative time), `--runs N` repeats (default 1), `--people N` changes the size.

    .venv/bin/python bench/p14_import_profile.py [--runs 3] [--profile] [--people 2500]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import common
import p14_district
from p14_district import _office

REGION = p14_district.REGION
STREET = REGION + "001"


def _op(svc, user: str):  # type: ignore[no-untyped-def]
    return svc.users.authenticate(user, common.PASSWORD)


def _changes(svc, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    """P14's quarter of changes at a street (p14_district.py), by its clerk and reviewer."""
    ops = {"clerk": _op(svc, "clerk"), "reviewer": _op(svc, "reviewer")}
    p14_district._quarter_of_changes(svc, ops, rng)


def build(folder: Path, people: int) -> None:
    from elderdesk.demo.generator import DemoService

    started = time.perf_counter()
    part = folder.with_suffix(".part")
    shutil.rmtree(part, ignore_errors=True)
    part.mkdir(parents=True)
    district = _office(part / "district.db", "江汉区民政局", None)
    street = _office(part / "street.db", "街道001", "001")
    d_admin, s_admin = _op(district, "admin"), _op(street, "admin")
    DemoService(street.db).fill(s_admin, people, seed=101, enrolled=people * 4 // 5, quarters=2)
    district.office.add_partner(d_admin, STREET, "街道001", street.cards.public_key().encode())
    street.office.add_partner(s_admin, REGION, "江汉区民政局",
                              district.cards.public_key().encode())
    district.office.payment(d_admin, STREET, "district")
    down = part / "setting.edx"
    district.exchange.export(_op(district, "approver"), down, to=STREET)
    street.exchange.import_file(_op(street, "clerk"), down)
    district.close()
    street.close()
    for name in ("district", "street"):
        common._checkpoint(part / f"{name}.db")
        shutil.copyfile(part / f"{name}.db", part / f"{name}0.db")
    street = common.open_services(part / "street.db")[0]
    street.exchange.export(_op(street, "clerk"), part / "first.edx")
    _changes(street, random.Random(1))
    street.close()
    common._checkpoint(part / "street.db")
    (part / "street.db").rename(part / "street1.db")
    (part / "district.db").unlink()
    part.rename(folder)
    print(f"  (world built in {time.perf_counter() - started:.0f} s: {folder})", file=sys.stderr)


def world(people: int) -> Path:
    import fcntl

    folder = common.CACHE / f"p14prof-{people}-{common.fingerprint()}"
    common.CACHE.mkdir(parents=True, exist_ok=True)
    with open(common.CACHE / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not folder.exists():
            build(folder, people)
    return folder


def _step(label: str, fn, profile: bool, out: dict[str, float]):  # type: ignore[no-untyped-def]
    prof = cProfile.Profile() if profile else None
    started = time.perf_counter()
    if prof:
        prof.enable()
    result = fn()
    if prof:
        prof.disable()
    out[label] = time.perf_counter() - started
    if prof:
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(30)
        print(f"--- {label}: {out[label]:.2f} s ---\n{buf.getvalue()}")
    return result


def run(root: Path, profile: bool) -> dict[str, float]:
    from elderdesk.services.container import Services

    times: dict[str, float] = {}
    work = Path(tempfile.mkdtemp(prefix="p14prof-", dir=common.CACHE))
    try:
        for name in ("district0", "street0", "street1"):
            shutil.copyfile(root / f"{name}.db", work / f"{name}.db")
        street = Services.open(work / "street0.db")
        first = _step("export first", lambda: street.exchange.export(
            _op(street, "clerk"), work / "first.edx"), profile, times)
        street.close()
        district = Services.open(work / "district0.db")
        approver = _op(district, "approver")
        got = _step("import first", lambda: district.exchange.import_file(
            approver, work / "first.edx"), profile, times)
        times["first records"] = first.records
        times["first MB"] = (work / "first.edx").stat().st_size / 1e6
        street = Services.open(work / "street1.db")
        quarter = _step("export quarter", lambda: street.exchange.export(
            _op(street, "clerk"), work / "quarter.edx"), profile, times)
        street.close()
        got = _step("import quarter", lambda: district.exchange.import_file(
            approver, work / "quarter.edx"), profile, times)
        times["quarter records"] = quarter.records
        times["quarter MB"] = (work / "quarter.edx").stat().st_size / 1e6
        times["quarter findings"] = len(got.findings)
        district.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--people", type=int, default=2_500)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    root = world(args.people)
    for n in range(args.runs):
        t = run(root, args.profile and n == 0)
        print(f"run {n + 1}: first package {t['first records']:,.0f} records "
              f"{t['first MB']:.2f} MB: export {t['export first']:.2f} s, import "
              f"{t['import first']:.2f} s ({t['first records'] / t['import first']:,.0f} "
              f"records/s); quarter {t['quarter records']:,.0f} records {t['quarter MB']:.2f} MB:"
              f" export {t['export quarter']:.2f} s, import {t['import quarter']:.2f} s "
              f"({t['quarter records'] / t['import quarter']:,.0f} records/s)", flush=True)


if __name__ == "__main__":
    main()
