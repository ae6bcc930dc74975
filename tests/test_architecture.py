"""The layering of docs/architecture.md: domain is pure; services, importing, reports are Qt-free."""

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "elderdesk"


def imports_of(folder: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (PKG / folder).rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
        found[str(path.relative_to(PKG))] = names
    return found


def test_domain_imports_only_the_standard_library_and_itself():
    for path, names in imports_of("domain").items():
        for name in names:
            top = name.split(".")[0]
            assert top not in ("sqlalchemy", "PySide6", "reportlab", "openpyxl", "alembic"), path
            if top == "elderdesk":
                assert name.startswith("elderdesk.domain"), (path, name)


@pytest.mark.parametrize("folder", ["services", "importing", "reports", "store", "devices"])
def test_no_qt_below_the_ui(folder):
    for path, names in imports_of(folder).items():
        assert not any(n.startswith("PySide6") for n in names), path
        assert not any(n.startswith("elderdesk.ui") for n in names), path


@pytest.mark.parametrize("folder", ["importing", "reports", "devices"])
def test_importing_and_reports_never_touch_the_database(folder):
    for path, names in imports_of(folder).items():
        assert not any(n.startswith(("sqlalchemy", "elderdesk.store", "elderdesk.services"))
                       for n in names), path
