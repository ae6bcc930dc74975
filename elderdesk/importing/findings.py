"""What an import returns: findings with codes and Chinese messages, checked rows, counts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Self

from elderdesk.domain.errors import message_for

ERROR = "error"
WARNING = "warning"

SHOWN_MAX = 40  # characters of a cell quoted in a finding (import-rules.md)
# Control characters, bidi controls, line separators and broken Unicode: shown as U+FFFD.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                         "\ud800-\udfff]")


def shown(text: str | None) -> str | None:
    """A cell's text as a finding quotes it: one line, control and bidi characters as U+FFFD,
    at most SHOWN_MAX characters (then …)."""
    if not text:
        return text
    if len(text) > SHOWN_MAX:
        text = text[:SHOWN_MAX] + "…"
    return _UNSHOWABLE.sub("\ufffd", text)

# The order of import-rules.md's table (death-list codes after it): a row's findings follow it.
CODE_ORDER = (
    "COLUMN_IGNORED", "NAME_MISSING", "TEXT_INVALID", "ID_MISSING", "ID_NUMERIC_CELL", "ID_FORMAT",
    "ID_BIRTHDATE", "ID_CHECKSUM", "DUPLICATE_IN_FILE", "BIRTHDATE_MISMATCH",
    "BIRTHDATE_UNREADABLE", "SEX_MISMATCH", "ACCOUNT_NUMERIC_CELL", "DECEASED_ON_RECORD",
    "ID_15_CONVERTED", "ALREADY_REGISTERED", "NOT_REGISTERED", "NAME_DIFFERS",
    "DEATH_DATE_INVALID", "ALREADY_DECEASED",
    # online applications (import applications)
    "APPLIED_DATE_INVALID", "DATE_IN_FUTURE", "MOVED_OUT", "ALREADY_ENROLLED", "TOO_EARLY",
    "ACCOUNT_DIFFERS", "ACCOUNT_INVALID",
)  # fmt: skip
_RANK = {code: rank for rank, code in enumerate(CODE_ORDER)}


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding on one Excel row (1-based, as Excel shows it)."""

    row: int
    level: str  # "error" | "warning"
    code: str
    id_number: str | None  # cleaned text before 15→18; a numeric cell as its digits
    name: str | None
    message: str

    @classmethod
    def make(
        cls,
        row: int,
        level: str,
        code: str,
        id_number: str | None = None,
        name: str | None = None,
        message_code: str | None = None,
        **params: object,
    ) -> Finding:
        """A finding whose message comes from errors.MESSAGES (message_code defaults to code);
        the ID, the name and every text quoted are cut to SHOWN_MAX characters."""
        quoted = {k: shown(v) if isinstance(v, str) else v for k, v in params.items()}
        return cls(
            row,
            level,
            code,
            shown(id_number) or None,
            shown(name) or None,
            message_for(message_code or code, **quoted),
        )

    def sort_key(self) -> tuple[int, int]:
        """By row, then in the table's order within a row."""
        return self.row, _RANK.get(self.code, len(CODE_ORDER))

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of docs/cli.md."""
        return {
            "row": self.row,
            "level": self.level,
            "code": self.code,
            "id_number": self.id_number,
            "name": self.name,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """A register row that passed every check; empty fields are None."""

    id_number: str  # 18 characters
    name: str
    sex: str  # "M" | "F", from the ID
    ethnicity: str | None
    birth_date: date  # from the ID
    household_address: str | None
    current_address: str | None
    street: str | None
    community: str | None
    phone: str | None
    bank: str | None
    account: str | None
    household_type: str | None  # "local" | "nonlocal" | None
    residence_permit_expiry: date | None
    notes: str | None
    row: int


@dataclass(frozen=True, slots=True)
class DeathRow:
    """A death-list row to apply."""

    id_number: str  # 18 characters
    name: str
    death_date: date
    row: int


@dataclass
class CheckedFile:
    """What reading and checking a workbook gives; the caller applies --strict and --dry-run.

    `rows` are the rows to apply; imported = len(rows); skipped = rows_read - imported.
    """

    rows_read: int
    imported: int
    skipped: int
    findings: list[Finding]
    rows: list
    sheet: str = ""
    header_row: int = 0

    @classmethod
    def of(cls, rows_read: int, findings: list[Finding], rows: list, sheet: str,
           header_row: int) -> Self:
        return cls(rows_read=rows_read, imported=len(rows), skipped=rows_read - len(rows),
                   findings=findings, rows=rows, sheet=sheet, header_row=header_row)

    @property
    def has_errors(self) -> bool:
        return any(f.level == ERROR for f in self.findings)

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of docs/cli.md."""
        return {
            "rows_read": self.rows_read,
            "imported": self.imported,
            "skipped": self.skipped,
            "findings": [f.as_dict() for f in self.findings],
        }


@dataclass
class ImportResult(CheckedFile):
    """A register import: `rows` are the RegisterRows to import (no error, not
    ALREADY_REGISTERED)."""


@dataclass
class DeathsResult(CheckedFile):
    """A death list: `rows` are the DeathRows to record (no error, not already recorded)."""
