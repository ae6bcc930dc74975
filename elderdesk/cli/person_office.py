"""`--office CODE` on every command that names a person by ID (multi-office.md §5).

Every subcommand with a positional ID argument (`id_number`, `id_numbers` of `card print`,
`old` of `people correct-id`) gets the option; the ID is then passed to the services as the
reference `ID@CODE` (services/people/refs.py decides: required only where the ID is active at
two streets, an office not holding the ID is refused, at a street the option is a usage
error)."""

from __future__ import annotations

import argparse
from typing import Any

DEST = "person_office"
HELP = "区级机构：指定登记此人的街道代码（同一身份证号在两个街道都在册时必填）"
_IDS = ("id_number", "id_numbers", "old")


def add_office_options(parser: argparse.ArgumentParser) -> None:
    """Add --office to every leaf parser below parser with a positional ID argument."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                add_office_options(sub)
    positional = {a.dest for a in parser._actions if not a.option_strings}
    options = {o for a in parser._actions for o in a.option_strings}
    if positional & set(_IDS) and "--office" not in options:
        parser.add_argument("--office", dest=DEST, metavar="CODE", help=HELP)


def office_ref(args: Any, number: str) -> str:
    """The reference of the person a command named (with its --office)."""
    from elderdesk.services.people.refs import person_ref

    return person_ref(number, getattr(args, DEST, None))


def apply(args: Any) -> None:
    """Turn the ID arguments into references when --office was given."""
    office = getattr(args, DEST, None)
    if office is None:
        return
    for name in ("id_number", "old"):
        if isinstance(getattr(args, name, None), str):
            setattr(args, name, office_ref(args, getattr(args, name)))
    if isinstance(getattr(args, "id_numbers", None), list):
        args.id_numbers = [office_ref(args, n) for n in args.id_numbers]
