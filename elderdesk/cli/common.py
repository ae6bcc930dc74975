"""Helpers shared by the command modules: dates, files, stdin."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from elderdesk.domain.errors import ElderError
from elderdesk.domain.months import parse_date
from elderdesk.services.clock import today


def date_arg(value: str | None) -> date:
    """--date D, or today (ELDERDESK_TODAY) when omitted."""
    return parse_date(value) if value is not None else today()


def existing_file(value: str) -> Path:
    path = Path(value)
    try:
        found = bool(value) and path.is_file()
    except (OSError, ValueError):  # a name too long, a NUL byte...
        found = False
    if not found:
        raise ElderError("FILE_NOT_FOUND", path=value)
    return path


def new_file(value: str | None) -> Path | None:
    if value is None:
        return None
    path = Path(value)
    try:
        if "\x00" in value:
            raise ValueError(value)
        exists = path.exists()
    except (OSError, ValueError) as exc:
        raise ElderError("FILE_UNWRITABLE", path=value,
                         detail=getattr(exc, "strerror", None) or "文件名无效") from None
    if exists:
        raise ElderError("FILE_EXISTS", path=value)
    if not value or path.is_dir() or not path.parent.is_dir():
        raise ElderError("FILE_UNWRITABLE", path=value, detail="文件夹不存在或不是文件名")
    return path


def stdin_first_line() -> str:
    try:
        line = sys.stdin.readline() if sys.stdin is not None else ""
    except (UnicodeDecodeError, OSError):
        raise ElderError("USAGE", detail="标准输入无法读取，请使用 UTF-8 编码") from None
    return line.rstrip("\r\n")
