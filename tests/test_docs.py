"""The repository documents itself: docs/cli.md lists every command, option and error code the
program has, its generated tables are current, and no file points outside the repository."""

from __future__ import annotations

import argparse
import importlib.util
import re
import subprocess
from pathlib import Path

from elderdesk.cli.main import build_parser
from elderdesk.domain.errors import MESSAGES

ROOT = Path(__file__).resolve().parent.parent
CLI_DOC = ROOT / "docs" / "cli.md"
OUTSIDE = ("../" + "shared", "shared/" + "docs/")  # split so this file does not match itself


def tracked_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
    files = [ROOT / name for name in out.stdout.decode("utf-8").split("\0") if name]
    assert len(files) > 100, "git ls-files found too few files"
    return files


def test_no_file_points_outside_the_repository():
    offending = []
    for path in tracked_files():
        if not path.is_file():  # deleted in the working tree, not yet committed
            continue
        data = path.read_bytes()
        if b"\0" in data[:8192]:  # binary (images, fonts, workbooks)
            continue
        text = data.decode("utf-8", errors="replace")
        for n, line in enumerate(text.splitlines(), start=1):
            if any(needle in line for needle in OUTSIDE):
                offending.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()[:100]}")
    assert not offending, "references to a path outside the repository:\n" + "\n".join(offending)


def test_every_docs_page_named_exists():
    """A page of docs/ named anywhere must be in the repository (the contract documents are
    not: cite them as the contract, not as a path)."""
    missing = []
    for path in tracked_files():
        if not path.is_file() or path.suffix not in (".py", ".md", ".toml", ".txt", ".cfg", ""):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for name in set(re.findall(r"(?<![\w/.])docs/[\w/-]+\.md", text)):
            if not (ROOT / name).is_file():
                missing.append(f"{path.relative_to(ROOT)}: {name}")
    assert not missing, "pages that do not exist:\n" + "\n".join(sorted(missing))


def commands() -> dict[str, argparse.ArgumentParser]:
    """'roster build' -> its parser, for every command and sub-command that runs a handler."""
    found: dict[str, argparse.ArgumentParser] = {}

    def walk(parser: argparse.ArgumentParser, words: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    full = f"{words} {name}".strip()
                    if sub.get_default("handler") is not None:
                        found[full] = sub
                    walk(sub, full)

    walk(build_parser(), "")
    return found


def test_the_parser_walk_finds_the_commands():
    found = commands()
    assert {"init", "people add", "roster build", "card verify", "audit list", "stats",
            "form"} <= set(found)
    assert len(found) >= 50


def test_every_command_and_option_is_in_the_cli_reference():
    doc = CLI_DOC.read_text(encoding="utf-8")
    missing = []
    for words, parser in commands().items():
        if f"`{words}`" not in doc:
            missing.append(f"command `{words}`")
        for action in parser._actions:
            for option in action.option_strings:
                if option in ("-h", "--help"):
                    continue
                if not re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", doc):
                    missing.append(f"option {option} of `{words}`")
    assert not missing, "docs/cli.md lacks:\n" + "\n".join(missing)


def test_every_error_code_is_in_the_cli_reference():
    doc = CLI_DOC.read_text(encoding="utf-8")
    missing = [code for code in MESSAGES if f"`{code}`" not in doc]
    assert not missing, f"docs/cli.md lacks the error codes {missing}"


def test_every_error_code_row_gives_the_exit_status_of_the_table():
    doc = CLI_DOC.read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([A-Z0-9_]+)` \| (\d+) \|", doc, re.M))
    wrong = {code: (rows.get(code), status) for code, (status, _m) in MESSAGES.items()
             if rows.get(code) != str(status)}
    assert not wrong, f"docs/cli.md: (documented, actual) exit status differs: {wrong}"


def cli_reference():  # type: ignore[no-untyped-def]
    """tools/cli_reference.py, the generator of docs/cli.md's tables."""
    spec = importlib.util.spec_from_file_location("cli_reference",
                                                  ROOT / "tools" / "cli_reference.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    return tool


def test_the_generated_tables_are_current():
    doc = CLI_DOC.read_text(encoding="utf-8")
    assert cli_reference().render(doc) == doc, \
        "docs/cli.md is out of date: run python tools/cli_reference.py --write"


def test_every_command_has_its_role_in_the_generator():
    tool = cli_reference()
    unknown = [words for words in commands() if tool.who(words) == "?"]
    assert not unknown, f"tools/cli_reference.py WHO lacks {unknown}"
