"""Every test asserts something: an assert, pytest.raises/fail/warns, a wait that fails on
timeout (qtbot.waitUntil/waitSignal), a model tester's check, or a helper of its own module
that does one of these."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
CHECKING_CALLS = {"raises", "fail", "warns", "waitUntil", "waitSignal", "waitExposed", "check"}


def _name(call: ast.Call) -> str:
    f = call.func
    return f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")


def _checks(fn: ast.AST, helpers: dict[str, ast.AST], seen: frozenset[str]) -> bool:
    for node in ast.walk(fn):
        if isinstance(node, ast.Assert):
            return True
        if isinstance(node, ast.Call):
            name = _name(node)
            if name in CHECKING_CALLS or name.startswith("assert"):
                return True
            if name in helpers and name not in seen and \
                    _checks(helpers[name], helpers, seen | {name}):
                return True
    return False


def test_every_test_asserts_something():
    silent = []
    for path in sorted(TESTS.rglob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helpers = {n.name: n for n in ast.walk(tree)
                   if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
        silent += [f"{path.relative_to(TESTS)}::{name}" for name, fn in helpers.items()
                   if name.startswith("test_") and not _checks(fn, helpers, frozenset({name}))]
    assert not silent, "tests that assert nothing:\n" + "\n".join(silent)
