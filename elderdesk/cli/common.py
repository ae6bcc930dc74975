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
    if not path.is_file():
        raise ElderError("FILE_NOT_FOUND", path=value)
    return path


def new_file(value: str | None) -> Path | None:
    if value is None:
        return None
    path = Path(value)
    if path.exists():
        raise ElderError("FILE_EXISTS", path=value)
    return path


def stdin_first_line() -> str:
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n")
