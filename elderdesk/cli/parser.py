"""Argument parsing: global options anywhere on the line, Chinese usage errors (exit 2)."""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

from elderdesk.domain.errors import ElderError

GLOBAL_VALUE_OPTIONS = ("--db", "--user")


@dataclass
class GlobalOptions:
    db: str | None = None
    user: str | None = None
    json: bool = False


def given_twice(option: str, first: object, second: object) -> ElderError:
    return ElderError("USAGE", detail=f"选项 {option} 给了两次且值不同（“{first}”和“{second}”），"
                      "请只给一次")


def split_globals(argv: list[str]) -> tuple[GlobalOptions, list[str]]:
    """Take --db, --user and --json from anywhere on the line (cli.md conventions); a value
    option given again with another value is a usage error."""
    opts = GlobalOptions()
    rest: list[str] = []
    i = 0

    def put(key: str, value: str) -> None:
        before = getattr(opts, key)
        if before is not None and before != value:
            raise given_twice("--" + key, before, value)
        setattr(opts, key, value)

    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest.extend(argv[i:])
            break
        if arg == "--json":
            opts.json = True
        elif arg in GLOBAL_VALUE_OPTIONS:
            if i + 1 >= len(argv):
                raise ElderError("USAGE", detail=f"{arg} 后面需要一个值")
            put(arg[2:], argv[i + 1])
            i += 1
        elif any(arg.startswith(o + "=") for o in GLOBAL_VALUE_OPTIONS):
            key, value = arg[2:].split("=", 1)
            put(key, value)
        else:
            rest.append(arg)
        i += 1
    return opts, rest


_TRANSLATIONS = [
    (re.compile(r"the following arguments are required: (.+)"), "缺少必需的参数：{0}"),
    (re.compile(r"unrecognized arguments: (.+)"), "无法识别的参数：{0}"),
    (re.compile(r"argument (\S+): invalid choice: '?([^' ]*)'? \(choose from (.+)\)"),
     "参数 {0} 的值“{1}”无效，可选：{2}"),
    (re.compile(r"argument (\S+): expected one argument"), "参数 {0} 后面需要一个值"),
    (re.compile(r"argument (\S+): invalid int value: '(.*)'"), "参数 {0} 需要整数，而不是“{1}”"),
    (re.compile(r"argument (\S+): not allowed with argument (\S+)"), "参数 {0} 不能与 {1} 同时使用"),
    (re.compile(r"one of the arguments (.+) is required"), "必须指定以下参数之一：{0}"),
    (re.compile(r"invalid choice: '?([^' ]*)'? \(choose from (.+)\)"), "无效的命令“{0}”，可选：{1}"),
]


def translate_usage(message: str) -> str:
    for pattern, template in _TRANSLATIONS:
        m = pattern.search(message)
        if m:
            return template.format(*m.groups())
    return message


_GIVEN = "_options_given"  # namespace attribute: dests a _StoreOnce has set in this parse


class _StoreOnce(argparse._StoreAction):
    """`store`, but an option given twice with different values is a usage error (cli.md);
    options meant to repeat (`--role`) use `append`."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: str | Sequence[Any] | None, option_string: str | None = None) -> None:
        given = getattr(namespace, _GIVEN, None)
        if given is None:
            given = set()
            setattr(namespace, _GIVEN, given)
        if self.dest in given and getattr(namespace, self.dest, None) != values:
            raise given_twice(option_string or self.dest, getattr(namespace, self.dest), values)
        given.add(self.dest)
        super().__call__(parser, namespace, values, option_string)


class Parser(argparse.ArgumentParser):
    """argparse that raises a coded error instead of printing English and exiting."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("add_help", True)
        super().__init__(*args, **kwargs)
        self.register("action", None, _StoreOnce)
        self.register("action", "store", _StoreOnce)
        self._positionals.title = "参数"
        self._optionals.title = "选项"

    def error(self, message: str) -> NoReturn:
        raise ElderError("USAGE", detail=translate_usage(message))
