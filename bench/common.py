"""Shared by the bench scripts: the cached demo databases, timing, and the one result line."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import platform
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CACHE = Path(os.environ.get("ELDERDESK_BENCH_CACHE", ROOT / "bench" / ".cache"))
RESULTS = CACHE / "results.jsonl"
TODAY = "2026-11-15"  # a fixed today: the demo and every figure are the same on every run
PASSWORD = "bench-pass-1"
OFFICE = "江汉区民意街道社区服务中心"
# City scale (performance.md): 1,000,000 people, 300,000 enrolled, 8 frozen quarters.
CITY = (1_000_000, 300_000, 8)

os.environ.setdefault("ELDERDESK_TODAY", TODAY)
os.environ.setdefault("ELDERDESK_FAST_HASH", "1")  # the bench database's password only


def fingerprint() -> str:
    """Changes when the demo generator or the schema changes: a new cached database then."""
    h = hashlib.sha256()
    sources = sorted((ROOT / "elderdesk/demo").glob("*.py"))
    sources += sorted((ROOT / "elderdesk/store/migrations/versions").glob("*.py"))
    for p in sources:
        h.update(p.read_bytes())
    return h.hexdigest()[:10]


def demo_db(people: int, enrolled: int = 0, quarters: int = 0, seed: int = 1) -> Path:
    """The cached demo database of that size (built once, in bench/.cache; read it, or work on
    scratch_copy() when the benchmark writes)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"demo-{people}-{enrolled}-{quarters}-s{seed}-{fingerprint()}.db"
    with open(CACHE / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two scripts never build the same file at once
        if not path.exists():
            _build(path, people, enrolled, quarters, seed)
    return path


def _build(path: Path, people: int, enrolled: int, quarters: int, seed: int) -> None:
    from elderdesk.demo.generator import DemoService
    from elderdesk.paths import resource
    from elderdesk.services.users.service import initialise

    print(f"  (building the demo database: {people:,} people, {enrolled:,} enrolled, "
          f"{quarters} quarters; once, kept in {CACHE})", file=sys.stderr, flush=True)
    part = path.with_suffix(".part")
    for p in (part, Path(f"{part}-wal"), Path(f"{part}-shm")):
        p.unlink(missing_ok=True)
    policy = resource("policies", "wuhan.toml").read_text(encoding="utf-8")
    db = initialise(part, "420103", OFFICE, "admin", PASSWORD, policy_source=policy)
    started = time.perf_counter()
    try:
        from elderdesk.services.users.service import UserService

        op = UserService(db).authenticate("admin", PASSWORD)
        DemoService(db).fill(op, people, seed=seed, enrolled=enrolled, quarters=quarters)
    finally:
        db.close()
    _checkpoint(part)
    part.rename(path)
    print(f"  (built in {time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)


def _checkpoint(path: Path) -> None:
    """Fold the WAL into the file so that one file is the whole database."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def city_db() -> Path:
    return demo_db(*CITY)


@contextlib.contextmanager
def scratch_copy(path: Path) -> Iterator[Path]:
    """A throw-away copy of a cached database, for benchmarks that write."""
    folder = Path(tempfile.mkdtemp(prefix="elderdesk-bench-", dir=CACHE))
    copy = folder / path.name
    shutil.copyfile(path, copy)
    try:
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def open_services(path: Path):  # type: ignore[no-untyped-def]
    """The services over a database and the admin operator."""
    from elderdesk.services.container import Services

    services = Services.open(path)
    return services, services.users.authenticate("admin", PASSWORD)


def timed(fn: Callable[[], object], repeat: int, warmup: int = 0) -> list[float]:
    """Seconds of each of `repeat` calls (after `warmup` untimed ones)."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]


def median(values: list[float]) -> float:
    return statistics.median(values)


def _fmt(seconds: float | None, unit: str) -> str:
    if seconds is None:
        return "–"
    if unit == "ms":
        return f"{seconds * 1000:.1f} ms"
    if unit == "MB":
        return f"{seconds:.0f} MB"
    return f"{seconds:.2f} s"


def report(figure: str, what: str, value: float, ceiling: float, *, unit: str = "s",
           ratio: float | None = None, ratio_max: float | None = None,
           label: str = "median", note: str = "", engine: str = "sqlite", ok: bool = True
           ) -> bool:
    """Print the figure's one line and keep it for run_all's table; True if met. A figure
    measured on PostgreSQL (engine "postgresql") fills the table's PostgreSQL column."""
    met = ok and value <= ceiling and (ratio is None or ratio_max is None or ratio <= ratio_max)
    ratio_text = "–" if ratio is None else f"{ratio:.2f}x" + (
        f" (≤ {ratio_max:g}x)" if ratio_max is not None else "")
    print(f"{figure:4} {'[PostgreSQL] ' if engine != 'sqlite' else ''}{what}: {label} {_fmt(value, unit)}, ceiling {_fmt(ceiling, unit)}, "
          f"ratio {ratio_text}, {'met' if met else 'NOT MET'}", flush=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(RESULTS, "a", encoding="utf-8") as f:
        f.write(json.dumps({"figure": figure, "what": what, "label": label,
                            "value": _fmt(value, unit), "ceiling": _fmt(ceiling, unit),
                            "ratio": ratio_text, "met": met, "note": note, "engine": engine,
                            "at": time.strftime("%Y-%m-%d %H:%M")}, ensure_ascii=False) + "\n")
    return met


def detail(text: str) -> None:
    """Supporting numbers, indented under the figure's line."""
    print(f"     {text}", flush=True)


def machine() -> str:
    """CPU, cores, memory, OS, Python and SQLite: the machine line of bench/README.md."""
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    return (f"{cpu}, {os.cpu_count()} cores{mem}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}")


def raw_connection(path: Path) -> sqlite3.Connection:
    """A bare sqlite3 connection with the program's pragmas (the same page cache)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA cache_size=-65536")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn
