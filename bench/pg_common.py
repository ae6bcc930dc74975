"""PostgreSQL for the bench scripts: one throw-away cluster kept in bench/.cache/pg (initdb and
pg_ctl from the Debian package, on a free port, as the `postgres` user when run as root, as
tests/pg.py does), and the city register copied into it once by the product's own
`elderdesk server copy SQLITE_FILE URL` (from a scratch copy of the cached city file: the copy
marks its source read-only).

  python bench/pg_common.py          start the cluster and copy the city (once), print its URL
  python bench/pg_common.py --stop   stop the cluster (its data stays in bench/.cache/pg)
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import common

PG = common.CACHE / "pg"
DATA = PG / "data"
PORT_FILE = PG / "port"
# A small office server's settings: durable (fsync on), a larger buffer cache than the default
SETTINGS = ("-c shared_buffers=2GB -c max_wal_size=4GB -c checkpoint_timeout=30min "
            "-c max_connections=50 -c listen_addresses=127.0.0.1")


def _bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name))
    if not found:
        raise SystemExit("PostgreSQL not installed (apt-get install postgresql)")
    return Path(found[-1]).parent


def _run(tool: str, *args: str) -> str:
    cmd = [str(_bin() / tool), *args]
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=PG, check=False)
    if done.returncode:
        raise RuntimeError(f"{tool} failed: {done.stdout}\n{done.stderr}")
    return done.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _running() -> bool:
    if not (DATA / "postmaster.pid").exists() or not PORT_FILE.exists():
        return False
    cmd = [str(_bin() / "pg_ctl"), "-D", str(DATA), "status"]
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    return subprocess.run(cmd, capture_output=True, cwd="/", check=False).returncode == 0


def cluster() -> int:
    """The running cluster's port (initdb and start it when needed)."""
    PG.mkdir(parents=True, exist_ok=True)
    PG.chmod(0o755)
    if os.geteuid() == 0:
        shutil.chown(PG, "postgres", "postgres")
    if _running():
        return int(PORT_FILE.read_text())
    if not (DATA / "PG_VERSION").exists():
        _run("initdb", "-D", str(DATA), "-A", "trust", "-U", "postgres", "-E", "UTF8",
             "--no-locale")
    port = _free_port()
    (DATA / "postmaster.pid").unlink(missing_ok=True)
    _run("pg_ctl", "-D", str(DATA), "-o", f"-p {port} -c unix_socket_directories={PG} {SETTINGS}",
         "-l", str(PG / "server.log"), "-w", "-t", "120", "start")
    PORT_FILE.write_text(str(port))
    return port


def url(dbname: str) -> str:
    return f"postgresql://postgres@127.0.0.1:{cluster()}/{dbname}"


def sql(statement: str, dbname: str = "postgres") -> None:
    import psycopg

    with psycopg.connect(host="127.0.0.1", port=cluster(), user="postgres", dbname=dbname,
                         autocommit=True) as conn:
        conn.execute(statement)


def raw(dbname: str):  # type: ignore[no-untyped-def]
    """A bare psycopg connection (autocommit), the baseline's."""
    import psycopg

    return psycopg.connect(host="127.0.0.1", port=cluster(), user="postgres", dbname=dbname,
                           autocommit=True)


def city_name() -> str:
    return f"city_{common.fingerprint()}"


def city_pg() -> str:
    """The name of the database holding the city register (copied once)."""
    name = city_name()
    done = PG / f"{name}.copied"
    with open(common.CACHE / "pg.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if done.exists():
            cluster()
            return name
        source = common.city_db()
        sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        sql(f"CREATE DATABASE {name}")
        with common.scratch_copy(source) as copy:
            env = dict(os.environ, ELDERDESK_PASSWORD=common.PASSWORD)
            started = time.perf_counter()
            out = subprocess.run(
                [sys.executable, "-m", "elderdesk", "--user", "admin", "server", "copy",
                 str(copy), url(name)], env=env, cwd=common.ROOT, capture_output=True,
                text=True, check=False)
            seconds = time.perf_counter() - started
            print(out.stdout, out.stderr, file=sys.stderr)
            if out.returncode:
                raise SystemExit(f"server copy failed (exit {out.returncode})")
        sql("VACUUM ANALYZE", name)
        done.write_text(f"server copy took {seconds:.0f} s (whole command, load "
                        f"{os.getloadavg()[0]:.1f})\n")
        return name


@contextlib.contextmanager
def scratch_pg(template: str) -> Iterator[str]:
    """A throw-away copy of a database (CREATE DATABASE … TEMPLATE), for the writing figures."""
    name = f"scratch_{os.getpid()}"
    sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    sql(f"CREATE DATABASE {name} TEMPLATE {template}")
    try:
        yield name
    finally:
        sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


if __name__ == "__main__":
    if "--stop" in sys.argv:
        if _running():
            _run("pg_ctl", "-D", str(DATA), "-m", "fast", "-w", "stop")
    else:
        print(url(city_pg()))
        print((PG / f"{city_name()}.copied").read_text())
