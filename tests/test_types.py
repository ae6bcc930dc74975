"""The typed layers stay typed: mypy checks what pyproject's [tool.mypy] lists (domain, store,
importing, reports) and finds nothing. A named row read by a wrong field, a store function
returning another shape than it says, a None where a value is promised: this test fails."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_finds_nothing_in_the_typed_layers(tmp_path):
    done = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert "No module named mypy" not in done.stderr, "mypy is missing: pip install -e '.[test]'"
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "Success: no issues found" in done.stdout
