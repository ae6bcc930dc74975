"""Running the real command line in process: `run(*argv)` → (exit status, stdout, stderr)."""

from __future__ import annotations

import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from elderdesk.cli import main
from tests.conftest import ADMIN_PASSWORD


@dataclass
class Result:
    status: int
    out: str
    err: str

    @property
    def json(self):  # type: ignore[no-untyped-def]
        return json.loads(self.out)


class Runner:
    def __init__(self, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.db = db
        self.mp = monkeypatch

    def __call__(self, *argv: str, user: str | None = "admin", password: str = ADMIN_PASSWORD,
                 stdin: str = "", today: str | None = None) -> Result:
        args = [*argv, "--db", str(self.db)]
        if user:
            args += ["--user", user]
        self.mp.setenv("ELDERDESK_PASSWORD", password)
        if today:
            self.mp.setenv("ELDERDESK_TODAY", today)
        else:
            self.mp.delenv("ELDERDESK_TODAY", raising=False)
        out, err = io.StringIO(), io.StringIO()
        self.mp.setattr(sys, "stdout", out)
        self.mp.setattr(sys, "stderr", err)
        self.mp.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            status = main(args)
        finally:
            self.mp.setattr(sys, "stdout", sys.__stdout__)
            self.mp.setattr(sys, "stderr", sys.__stderr__)
        return Result(status, out.getvalue(), err.getvalue())


@pytest.fixture
def run(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Runner:
    return Runner(db_path, monkeypatch)


@pytest.fixture
def run_new(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Runner:
    """A runner on a database file that does not exist yet."""
    return Runner(tmp_path / "new.db", monkeypatch)
