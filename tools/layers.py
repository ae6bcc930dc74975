"""Print which parts of elderdesk import which (a layer map from the source, standard library
only): `python tools/layers.py [path to the elderdesk package]`.

Rows import columns; a number counts the files of the row's part that import the column's part
at least once (imports inside functions included). Parts: the top folders of elderdesk; a
database driver and Qt as two more columns."""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

ORDER = ["domain", "store", "importing", "reports", "devices", "services", "demo", "ui", "cli",
         "app"]
DRIVERS = ("sqlalchemy", "sqlite3", "psycopg", "alembic")


def part(module: str) -> str | None:
    bits = module.split(".")
    if bits[0] in DRIVERS:
        return "(driver)"
    if bits[0] == "PySide6":
        return "(Qt)"
    if bits[0] != "elderdesk" or len(bits) < 2:
        return None
    return "app" if bits[1] in ("app", "__main__") else bits[1] if bits[1] in ORDER else None


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def main(root: Path) -> None:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).parts
        if "migrations" in rel:
            continue
        src = "app" if rel[0] in ("app.py", "__main__.py") else rel[0]
        if src not in ORDER:
            continue
        for target in {part(m) for m in imports(path)} - {None, src}:
            counts[src][target] += 1  # type: ignore[index]
    columns = [*ORDER, "(driver)", "(Qt)"]
    print("imports →".ljust(10) + "".join(c[:9].rjust(10) for c in columns))
    for row in ORDER:
        print(row.ljust(10) + "".join(
            (str(counts[row][c]) if counts[row][c] else "·").rjust(10) for c in columns))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
         / "elderdesk")
