"""A throw-away PostgreSQL cluster for the tests: `initdb`/`pg_ctl` from the Debian package on a
free port (as the `postgres` user when the tests run as root: initdb refuses root), started once
per session; each test gets a fresh database copied from a template (CREATE DATABASE … TEMPLATE
is a file copy, ~50 ms). Without PostgreSQL installed: skipped on a developer machine, a
failure under CI (the CI environment variable set), so `make test` never passes by skipping.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL tests need the server ({reason}): apt-get install postgresql "
                    "(the Makefile's APT_PACKAGES)", pytrace=False)
    pytest.skip(f"PostgreSQL not available: {reason}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """One running server: `url(dbname)`, `create(name, template)`, `sql(statement)`."""

    counter = itertools.count(1)

    def __init__(self) -> None:
        bindir = _bin_dir()
        if bindir is None:
            unavailable("initdb not found under /usr/lib/postgresql/*/bin")
        self.bin = bindir
        self.root = Path(tempfile.mkdtemp(prefix="elderdesk-pg-"))
        self.root.chmod(0o755)  # mkdtemp makes it 700: the postgres user must reach it
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")
        log = self.root / "server.log"
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--no-locale", "--no-sync")
        self.opts = (f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories="
                     f"{self.root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                     "-c max_connections=100")
        self.log = log
        self.start()

    def start(self) -> None:
        """Start the server (again): after `halt`, it recovers from its WAL as after a crash."""
        self._run("pg_ctl", "-D", str(self.data), "-o", self.opts, "-l", str(self.log), "-w",
                  "-t", "60", "start")

    def halt(self) -> None:
        """Stop the server at once (`pg_ctl stop -m immediate`: every connection cut, no
        checkpoint), keeping its data: the kill tests (tests/safety/test_pg_kill.py)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def _run(self, tool: str, *args: str) -> None:
        cmd = [str(self.bin / tool), *args]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=self.root, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{tool} failed: {done.stdout}\n{done.stderr}")

    def url(self, dbname: str, user: str = "postgres") -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"

    def sql(self, statement: str, dbname: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres",
                             dbname=dbname, autocommit=True) as conn:
            conn.execute(statement)

    def create(self, template: str | None = None) -> str:
        """A new database (a copy of `template`): its name."""
        name = f"t{os.getpid()}_{next(self.counter)}"
        self.sql(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
        return name

    def drop(self, name: str) -> None:
        self.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        with contextlib.suppress(RuntimeError):
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        for _ in range(20):
            try:
                shutil.rmtree(self.root)
                return
            except OSError:
                time.sleep(0.1)
