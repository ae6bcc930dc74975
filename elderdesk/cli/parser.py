"""Argument parsing: global options anywhere on the line, Chinese usage errors (exit 2)."""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass

from elderdesk.domain.errors import ElderError

GLOBAL_VALUE_OPTIONS = ("--db", "--user")


@dataclass
class GlobalOptions:
    db: str | None = None
    user: str | None = None
    json: bool = False


def split_globals(argv: list[str]) -> tuple[GlobalOptions, list[str]]:
    """Take --db, --user and --json from anywhere on the line (cli.md conventions)."""
    opts = GlobalOptions()
    rest: list[str] = []
    i = 0
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
            setattr(opts, arg[2:], argv[i + 1])
            i += 1
        elif any(arg.startswith(o + "=") for o in GLOBAL_VALUE_OPTIONS):
            key, value = arg[2:].split("=", 1)
            setattr(opts, key, value)
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


class Parser(argparse.ArgumentParser):
    """argparse that raises a coded error instead of printing English and exiting."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("add_help", True)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"

    def error(self, message: str):  # type: ignore[no-untyped-def]
        raise ElderError("USAGE", detail=translate_usage(message))
