"""The generated parts of docs/cli.md: the command table (from the argparse parser and the
permission table) and the error-code table (from elderdesk/domain/errors.py).

    python tools/cli_reference.py            # print both tables
    python tools/cli_reference.py --write    # replace the generated blocks in docs/cli.md
    python tools/cli_reference.py --check    # exit 1 when docs/cli.md is out of date

A generated block sits between `<!-- generated: NAME -->` and `<!-- end: NAME -->`; the prose
around it is written by hand. tests/test_docs.py checks that every command, option and error code
appears in docs/cli.md.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from elderdesk.cli.main import build_parser  # noqa: E402
from elderdesk.domain.errors import MESSAGES  # noqa: E402
from elderdesk.services.auth import PERMISSIONS, ROLES  # noqa: E402

DOC = ROOT / "docs" / "cli.md"
ERRORS_SOURCE = ROOT / "elderdesk" / "domain" / "errors.py"

# Command -> the permission its service checks (services/auth.py PERMISSIONS), or a word for
# commands that need no login; "(--opt: action)" names what an option needs besides.
WHO: dict[str, str] = {
    "init": "no login",
    "user add": "user.add",
    "user passwd": "user.passwd",
    "user reset": "user.manage",
    "user list": "user.manage",
    "user disable": "user.manage",
    "user enable": "user.manage",
    "user roles": "user.manage",
    "demo": "demo",
    "people add": "people.add (--checksum-override: people.override_checksum)",
    "people account": "people.edit",
    "people show": "people.read",
    "people search": "people.read",
    "people death": "people.death",
    "people moved-out": "people.moved_out",
    "people correct-id": "people.correct_id",
    "import people": "import.people",
    "import deaths": "import.deaths",
    "import applications": "import.applications",
    "office code": "settings.change",
    "office add": "settings.change",
    "office list": "people.read",
    "office payment": "people.read (CODE street|district: settings.change)",
    "exchange export": "exchange.street (district: exchange.district)",
    "exchange import": "exchange.street (district: exchange.district)",
    "exchange status": "exchange.street (district: exchange.district)",
    "exchange duplicates": "people.read",
    "receipts": "receipt.read",
    "receipt void": "receipt.void",
    "receipt print": "receipt.print",
    "receipt show": "receipt.read",
    "policy load": "policy.load",
    "policy show": "people.read",
    "lifecert": "lifecert.add",
    "allowance apply": "allowance.apply",
    "allowance review": "allowance.review",
    "allowance approve": "allowance.approve",
    "allowance reject": "allowance.approve",
    "allowance stop": "allowance.stop",
    "roster build": "roster.build",
    "roster show": "roster.read",
    "roster freeze": "roster.freeze",
    "roster export": "roster.export",
    "recoveries": "recoveries.read",
    "recoveries settle": "recoveries.settle",
    "card issue": "card.issue",
    "card reissue": "card.issue",
    "card pickup": "card.pickup",
    "card show": "people.read",
    "card print": "card.print",
    "card verify": "no login",
    "card pubkey": "no login",
    "card rules": "people.read (--set: settings.change)",
    "card offset": "people.read (--x/--y: card.calibrate)",
    "card calibrate": "card.print",
    "backup create": "backup.create",
    "backup restore": "backup.restore",
    "backup folder": "backup.create",  # setting PATH: settings.change, admin only too
    "backup list": "backup.create",
    "server copy": "server.copy",
    "audit verify": "audit.verify",
    "audit list": "audit.read",
    "stats": "stats.read",
    "form": "forms.print (--full-id: people.unmask)",
    "reader set": "reader.set",
    "reader test": "reader.read",
}


def _roles(action: str) -> str:
    """`clerk, admin` for one PERMISSIONS action; every role reads as `any`."""
    allowed, _label = PERMISSIONS[action]
    if set(allowed) >= set(ROLES):
        return "any"
    return ", ".join(r for r in ROLES if r in allowed or r == "admin")


def who(command: str) -> str:
    rule = WHO.get(command)
    if rule is None:
        return "?"
    if rule == "no login":
        return "no `--user`"
    m = re.match(r"([\w.]+)(.*)", rule)
    assert m is not None
    action, note = m.group(1), m.group(2).strip()
    text = _roles(action)
    if note:  # "(--full-id: people.unmask)"
        text += " " + re.sub(r"\b[a-z_]+\.[a-z_]+\b", lambda x: _roles(x.group(0)), note)
    return text


def _option(action: argparse.Action) -> str:
    if action.option_strings:
        name = action.option_strings[0]
        if action.nargs == 0:
            text = name
        elif action.choices:
            text = f"{name} {'|'.join(map(str, action.choices))}"
        else:
            text = f"{name} {action.metavar or action.dest.upper()}"
        if type(action).__name__ == "_AppendAction":
            text += " …"
    else:
        text = action.metavar or action.dest.upper()
        if action.choices:
            text = "|".join(map(str, action.choices))
        if action.nargs == "+":
            text += " …"
    if not action.required and (action.option_strings or action.nargs in ("?", "*")):
        text = f"[{text}]"
    return text


def _synopsis(parser: argparse.ArgumentParser) -> str:
    parts: list[str] = []
    grouped: set[int] = set()
    for group in parser._mutually_exclusive_groups:
        names = [a.option_strings[0] for a in group._group_actions]
        grouped.update(id(a) for a in group._group_actions)
        joined = "|".join(names)
        parts.append(joined if group.required else f"[{joined}]")
    plain = []
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
            continue
        if id(action) in grouped:
            continue
        plain.append(_option(action))
    positional = [p for p in plain if not p.lstrip("[").startswith("-")]
    options = [p for p in plain if p.lstrip("[").startswith("-")]
    return " ".join(positional + parts + options)


def commands() -> list[tuple[str, argparse.ArgumentParser, str]]:
    """(command words, parser, help text) of every command that runs, in the parser's order."""
    out: list[tuple[str, argparse.ArgumentParser, str]] = []

    def walk(parser: argparse.ArgumentParser, words: str) -> None:
        for action in parser._actions:
            if not isinstance(action, argparse._SubParsersAction):
                continue
            helps = {c.dest: c.help or "" for c in action._choices_actions}
            for name, sub in action.choices.items():
                full = f"{words} {name}".strip()
                if sub.get_default("handler") is not None:
                    out.append((full, sub, helps.get(name, "")))
                walk(sub, full)

    walk(build_parser(), "")
    return out


def command_table() -> str:
    rows = ["| command | arguments and options | who | what (the program's own help) |",
            "|---|---|---|---|"]
    for words, parser, help_text in commands():
        synopsis = _synopsis(parser).replace("|", "\\|")
        help_text = help_text.replace("|", "\\|")
        rows.append(f"| `{words}` | `{synopsis}` | {who(words)} | {help_text} |"
                    if synopsis else f"| `{words}` | | {who(words)} | {help_text} |")
    return "\n".join(rows)


def _sections() -> dict[str, str]:
    """Code -> the section comment above it in errors.py (`# --- people ---`)."""
    found: dict[str, str] = {}
    section = "general"
    for line in ERRORS_SOURCE.read_text(encoding="utf-8").splitlines():
        head = re.match(r"\s*# --- (.+?) -+\s*$", line)
        if head:
            section = re.sub(r"\s*\(.*\)$", "", head.group(1).strip())
            continue
        code = re.match(r'\s*"([A-Z0-9_]+)": \(', line)
        if code:
            found[code.group(1)] = section
    return found


def error_table() -> str:
    sections = _sections()
    rows: list[str] = []
    current = None
    for code, (status, message) in MESSAGES.items():
        section = sections.get(code, "other")
        if section != current:
            if rows:
                rows.append("")
            rows += [f"**{section}**", "", "| code | exit | message (as printed; `{…}` filled in) |",
                     "|---|---|---|"]
            current = section
        text = message.replace("|", "\\|")
        rows.append(f"| `{code}` | {status} | {text} |")
    return "\n".join(rows)


BLOCKS = {"commands": command_table, "errors": error_table}


def render(doc: str) -> str:
    for name, make in BLOCKS.items():
        pattern = re.compile(rf"(<!-- generated: {name} -->\n)(?:.*?\n)?(<!-- end: {name} -->)",
                             re.S)
        if not pattern.search(doc):
            raise SystemExit(f"docs/cli.md has no block {name}")
        doc = pattern.sub(lambda m, t=make(): m.group(1) + "\n" + t + "\n\n" + m.group(2), doc)
    return doc


def main(argv: list[str]) -> int:
    if "--write" in argv or "--check" in argv:
        doc = DOC.read_text(encoding="utf-8")
        new = render(doc)
        if "--check" in argv:
            if new != doc:
                print("docs/cli.md is out of date: run python tools/cli_reference.py --write")
                return 1
            return 0
        DOC.write_text(new, encoding="utf-8")
        return 0
    print(command_table())
    print()
    print(error_table())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
