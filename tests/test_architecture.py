"""The layering of docs/architecture.md, every rule of it:

- domain imports only the standard library and itself;
- store never imports services, ui or cli (nor importing, reports, devices, demo);
- services, importing and reports never import ui, cli or a database driver (SQLAlchemy,
  sqlite3, psycopg, Alembic), and hold no SQL; importing, reports and devices do not reach the
  database at all (no store, no services);
- ui and cli never import store or a database driver;
- nothing below the ui imports Qt;
- an import inside a function is allowed only where LAZY lists it with its reason.
- an import inside a function never closes an import cycle (LATE_CYCLES: the one exception).

Imports are read from the source (every `import`, at any depth), so a rule holds for imports
inside functions too.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "elderdesk"
DRIVERS = ("sqlalchemy", "sqlite3", "psycopg", "alembic")
STDLIB = sys.stdlib_module_names

# Imports inside functions, allowed where listed: (file or folder under elderdesk/, imported
# module or package) -> why the import waits until the function runs.
LAZY: dict[tuple[str, str], str] = {
    # start-up time: the GUI shows its first window, the CLI parses, before the heavy parts load
    ("app.py", "elderdesk.services.container"):
        "the database and services open on the write thread while the login dialog shows",
    ("app.py", "elderdesk.ui.main_window"): "the pages load after the login",
    ("cli/", "elderdesk"): "the parser and --help load without services, store and reports; a "
                           "command loads what it uses",
    ("services/", "elderdesk.reports"): "reportlab, xlsxwriter and openpyxl load when a file is "
                                        "written, not when the services open",
    ("services/cards/", "PIL"): "Pillow loads when a photo is handled",
    ("services/cards/qr_token.py", "segno"): "the QR encoder loads when a card is drawn",
    ("reports/card_draw.py", "segno"): "the QR encoder loads when a card is drawn",
    ("reports/xlsx_file.py", "xlsxwriter"): "xlsxwriter loads when a workbook is written",
    ("ui/main_window.py", "elderdesk.ui.pages.forms_page"):
        "a page with reportlab behind it loads when first opened",
    ("ui/main_window.py", "elderdesk.ui.pages.statistics_page"):
        "a page with its charts loads when first opened",
    ("ui/pages/statistics_page.py", "elderdesk.ui.widgets.stat_chart"):
        "the charts load when first shown",
    ("ui/pages/system_page.py", "elderdesk.ui.pages"): "tabs load when first opened",
    ("ui/pages/allowance_page.py", "elderdesk.ui.dialogs.import_dialog"):
        "the import dialog (and the workbook readers) load when first opened",
    ("ui/menus.py", "elderdesk.ui.dialogs.keys_dialog"): "the F1 list loads when asked for",
    ("ui/dialogs/setup_dialog.py", "elderdesk.services.users"):
        "the database layer loads only when an office is created",
    ("ui/dialogs/person_dialog.py", "elderdesk.services.cards.photo"):
        "Pillow loads when a photo is handled",
    ("ui/widgets/card_reader.py", "elderdesk.services.cards.photo"):
        "Pillow loads when a photo is handled",
    ("ui/widgets/card_reader.py", "elderdesk.ui.widgets.photo_crop"):
        "the cropping widget loads with the first photo",
    ("ui/pdf_printing.py", "PySide6"): "QtPdf (and its plugin check) loads at the first preview",
    ("ui/pages/reader_tab.py", "elderdesk.domain.idcard"): "ID parsing when a card was read",
    ("store/schema.py", "alembic"): "Alembic (half a second) loads only to create or migrate",
    ("store/pg_copy.py", "alembic"): "Alembic loads only when `server copy` makes the schema",
    ("store/pinyin.py", "pypinyin"): "the pinyin table loads at the first search by initials",
    ("store/pg.py", "psycopg"): "the PostgreSQL driver loads only for a PostgreSQL URL",
    ("store/stamp.py", "sqlalchemy"): "a type decorator built on first use",
    ("store/leftovers.py", "ctypes"): "Windows' process check only",
    ("devices/", ""): "a reader driver, its vendor library and its Windows-only modules load "
                      "only when that driver is chosen",
    ("logs.py", "elderdesk"): "logging is configured before the rest of the program loads",
    ("paths.py", "platformdirs"): "platformdirs loads when a default path is asked for",
}

# Known breaks of a rule, each to be removed by the work named (the test fails once a listed
# file obeys, so the list only shrinks).
PENDING: dict[tuple[str, str], str] = {}


def _files(folder: str) -> list[Path]:
    base = PKG / folder
    return [base] if base.is_file() else sorted(base.rglob("*.py"))


def _rel(path: Path) -> str:
    return path.relative_to(PKG).as_posix()


def _imports(path: Path, *, run_time: bool = False) -> list[tuple[str, bool]]:
    """(module, inside a function) of every import in a file; relative imports resolved.
    run_time: without those under `if TYPE_CHECKING:` (never run)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(("elderdesk", *path.relative_to(PKG).parent.parts))
    found: list[tuple[str, bool]] = []

    def walk(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                walk(child, True)
            elif run_time and isinstance(child, ast.If) and ast.unparse(child.test) in (
                    "TYPE_CHECKING", "typing.TYPE_CHECKING"):
                walk(ast.Module(body=child.orelse, type_ignores=[]), in_function)
            elif isinstance(child, ast.Import):
                found.extend((a.name, in_function) for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                module = child.module or ""
                if child.level:
                    base = package.rsplit(".", child.level - 1)[0] if child.level > 1 else package
                    module = f"{base}.{module}" if module else base
                found.append((module, in_function))
                # `from elderdesk.store import backup` imports the module elderdesk.store.backup
                found.extend((f"{module}.{a.name}", in_function) for a in child.names)
            else:
                walk(child, in_function)

    walk(tree, False)
    return found


def _under(module: str, *packages: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def _pending(path: Path, rule: str) -> bool:
    return (_rel(path), rule) in PENDING


# --- the rules --------------------------------------------------------------------------------
def test_domain_imports_only_the_standard_library_and_itself():
    for path in _files("domain"):
        for module, _lazy in _imports(path):
            top = module.split(".")[0]
            assert top in STDLIB or _under(module, "elderdesk.domain") or top == "__future__", \
                (_rel(path), module)


def test_store_never_imports_services_ui_or_cli():
    for path in _files("store"):
        for module, _lazy in _imports(path):
            assert not _under(module, "elderdesk.services", "elderdesk.ui", "elderdesk.cli",
                              "elderdesk.importing", "elderdesk.reports", "elderdesk.devices",
                              "elderdesk.demo", "elderdesk.app"), (_rel(path), module)


@pytest.mark.parametrize("folder", ["services", "importing", "reports"])
def test_use_cases_and_files_never_import_ui_cli_or_a_driver(folder):
    for path in _files(folder):
        for module, _lazy in _imports(path):
            assert not _under(module, "elderdesk.ui", "elderdesk.cli", "elderdesk.app"), \
                (_rel(path), module)
            if _under(module, *DRIVERS):
                assert _pending(path, "driver"), (_rel(path), module)


# A string that is an SQL statement (or starts one): its first word and what must follow it
_SQL = re.compile(r"(SELECT\b.+\bFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|"
                  r"DELETE\s+FROM|PRAGMA\s+\w+|CREATE\s+(TABLE|INDEX|TRIGGER)|BEGIN\b|"
                  r"WITH\s+\w+\s+AS)", re.DOTALL)


def _sql_strings(path: Path) -> list[str]:
    """String constants (f-string parts included, docstrings not) that read as SQL."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs
            and _SQL.match(n.value.strip())]


@pytest.mark.parametrize("folder", ["services", "importing", "reports"])
def test_use_cases_and_files_hold_no_sql(folder):
    for path in _files(folder):
        strings = _sql_strings(path)
        if _pending(path, "sql"):
            continue
        assert not strings, (_rel(path), strings[:3])


@pytest.mark.parametrize("folder", ["importing", "reports", "devices"])
def test_importing_reports_and_devices_never_touch_the_database(folder):
    for path in _files(folder):
        for module, _lazy in _imports(path):
            assert not _under(module, "elderdesk.store", "elderdesk.services", *DRIVERS), \
                (_rel(path), module)


@pytest.mark.parametrize("folder", ["ui", "cli", "app.py"])
def test_front_ends_never_import_the_store_or_a_driver(folder):
    for path in _files(folder):
        for module, _lazy in _imports(path):
            if _under(module, "elderdesk.store", *DRIVERS):
                assert _pending(path, "store"), (_rel(path), module)


@pytest.mark.parametrize("folder", ["domain", "store", "services", "importing", "reports",
                                    "devices", "demo"])
def test_no_qt_below_the_ui(folder):
    for path in _files(folder):
        for module, _lazy in _imports(path):
            assert not _under(module, "PySide6", "elderdesk.ui", "elderdesk.app"), \
                (_rel(path), module)


def _listed(path: Path, module: str) -> bool:
    rel = _rel(path)
    return any((rel == where or (where.endswith("/") and rel.startswith(where)))
               and (not package or _under(module, package)) for where, package in LAZY)


def test_an_import_inside_a_function_is_listed_with_its_reason():
    unlisted = sorted({(_rel(path), module) for path in _files("") for module, lazy in
                       _imports(path) if lazy and not _listed(path, module)
                       and not _pending(path, "lazy")})
    # `from a import b` also yields a.b: judge the statement by its module only
    unlisted = [(f, m) for f, m in unlisted
                if not any(f == f2 and m.startswith(m2 + ".") for f2, m2 in unlisted)]
    assert not unlisted, "imports inside functions without a reason in LAZY:\n" + "\n".join(
        f"{f}: {m}" for f, m in unlisted)


def test_every_lazy_reason_is_still_used():
    used = {(where, package) for path in _files("") for module, lazy in _imports(path) if lazy
            for where, package in LAZY
            if (_rel(path) == where or (where.endswith("/") and _rel(path).startswith(where)))
            and (not package or _under(module, package))}
    assert not set(LAZY) - used, f"stale LAZY entries: {sorted(set(LAZY) - used)}"


def test_every_pending_break_is_still_there():
    """A listed break that is fixed must leave PENDING (the list only shrinks)."""
    for (rel, rule), _why in PENDING.items():
        path = PKG / rel
        if not path.exists():
            pytest.fail(f"{rel} is gone: remove it from PENDING")
        modules = [m for m, _lazy in _imports(path)]
        if rule == "sql":
            still = bool(_sql_strings(path))
        elif rule == "lazy":
            still = any(lazy and not _listed(path, m) for m, lazy in _imports(path))
        elif rule == "driver":
            still = any(_under(m, *DRIVERS) for m in modules)
        else:
            still = any(_under(m, "elderdesk.store", *DRIVERS) for m in modules)
        assert still, f"{rel} obeys the {rule} rule now: remove it from PENDING"


# An import inside a function that closes a cycle (the imported module reaches back, at any
# depth): allowed only here, with its reason. Anything else two modules share belongs in a third
# that both import at the top (e.g. store/sqlite_file.py, store/backup_names.py).
LATE_CYCLES: dict[str, str] = {
    "devices/config.py": "the registry loads a reader driver when it is chosen; each driver "
                         "imports config at the top",
}


def _module_of(name: str, modules: dict[str, Path]) -> str | None:
    """The elderdesk module a dotted import name lands in (the longest known prefix)."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def test_no_import_inside_a_function_hides_a_cycle():
    modules = {".".join(("elderdesk", *p.relative_to(PKG).with_suffix("").parts))
               .removesuffix(".__init__"): p for p in _files("")}
    edges: dict[str, set[str]] = {m: set() for m in modules}
    late: set[tuple[str, str]] = set()
    for name, path in modules.items():
        for imported, lazy in _imports(path, run_time=True):
            target = _module_of(imported, modules) if imported.startswith("elderdesk") else None
            # a package holding the importer is loaded before it already: no cycle
            if target is not None and not _under(name, target):
                edges[name].add(target)
                if lazy:
                    late.add((name, target))

    def reaches(start: str, goal: str) -> bool:
        seen, todo = {start}, [start]
        while todo:
            for nxt in edges[todo.pop()]:
                if nxt == goal:
                    return True
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return False

    hidden = sorted(f"{_rel(modules[a])} imports {b} late, and {b} reaches back"
                    for a, b in late if reaches(b, a) and _rel(modules[a]) not in LATE_CYCLES)
    assert not hidden, "cycles broken by late imports:\n" + "\n".join(hidden)
    used = {_rel(modules[a]) for a, b in late if reaches(b, a)}
    assert not set(LATE_CYCLES) - used, f"stale LATE_CYCLES: {sorted(set(LATE_CYCLES) - used)}"
