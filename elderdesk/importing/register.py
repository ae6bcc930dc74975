"""Register import: per-row checks of import-rules.md, in the order of its table."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from elderdesk.domain.errors import ElderError
from elderdesk.domain.idcard import SEX_LABELS, IdInfo, clean_id, parse_id, sex_from_text
from elderdesk.domain.person import REFUSED_CHARS, TEXT_FIELDS, field_problem
from elderdesk.importing.cells import (
    cell_text,
    is_blank,
    is_damaged_number,
    number_digits,
    read_date,
)
from elderdesk.importing.findings import ERROR, WARNING, Finding, ImportResult, RegisterRow
from elderdesk.importing.workbook import REGISTER_FIELDS, Table, read_table


class RegisterState(NamedTuple):
    """What the register already holds for an ID being imported."""

    state: str  # 'deceased' | 'registered' (any other status)
    death_date: date | None = None  # of the deceased


# lookup(id18) -> None (not registered) | RegisterState
RegisterLookup = Callable[[str], "RegisterState | None"]
# prefetch(id18s): the lookup's source fetches these IDs in one go before they are asked for
Prefetch = Callable[[list[str]], None]
PREFETCH_ROWS = 2_000  # rows checked per prefetch (one statement on PostgreSQL)

_LOCAL_PREFIXES = ("本",)  # 本地, 本市, 本区 …
_NONLOCAL_PREFIXES = ("外", "非本", "市外", "省外", "异地")  # 外地, 外省, 非本地 …


def household_type(text: str) -> str | None:
    """'local' for 本地/本市…, 'nonlocal' for 外地/非本地…, else None."""
    if text.startswith(_NONLOCAL_PREFIXES):
        return "nonlocal"
    if text.startswith(_LOCAL_PREFIXES):
        return "local"
    return None


def id_cell_text(raw: object) -> str | None:
    """The ID as findings show it: cleaned text, a damaged number's digits, None if blank."""
    if is_blank(raw):
        return None
    if is_damaged_number(raw):
        return number_digits(float(raw))
    return clean_id(cell_text(raw)) or None


def check_id(
    raw: object,
    shown: str | None,
    row: int,
    name: str | None,
    today: date,
    findings: list[Finding],
) -> IdInfo | None:
    """ID_MISSING → ID_NUMERIC_CELL → ID_FORMAT → ID_BIRTHDATE → ID_CHECKSUM: the first error
    goes to `findings` and gives None; a valid ID gives its IdInfo."""
    if shown is None:
        findings.append(Finding.make(row, ERROR, "ID_MISSING", None, name))
        return None
    if is_damaged_number(raw):
        findings.append(Finding.make(row, ERROR, "ID_NUMERIC_CELL", shown, name))
        return None
    try:
        return parse_id(shown, today)
    except ElderError as exc:
        findings.append(Finding.make(row, ERROR, exc.code, shown, name, None, **exc.params))
        return None


_LINE_BREAKS = re.compile(r"[\r\n\t]+")
_PLAIN = re.compile(f"[\r\n\t{REFUSED_CHARS.pattern[1:-1]}]").search
_LIMITS = {name: limit for name, (_label, limit) in TEXT_FIELDS.items()}
_TEXT_PROBLEMS = {"FIELD_BAD_CHARS": "TEXT_BAD_CHARS", "FIELD_TOO_LONG": "TEXT_TOO_LONG",
                  "FIELD_INVISIBLE": "TEXT_INVISIBLE"}


def field_text(field_name: str, raw: object) -> tuple[str, str | None]:
    """A text cell as `people add` would store it, and the TEXT_* message code of its problem
    (None if fine): line breaks and tabs inside one-line fields become a space (Alt+Enter in an
    address), then people add's checks apply (length, control and bidi characters, invisible)."""
    text = cell_text(raw)
    if not text or (_PLAIN(text) is None and len(text) <= _LIMITS[field_name]
                    and text[0].isalnum()):  # the common case, about 0.3 µs
        return text, None
    if field_name != "notes" and ("\n" in text or "\r" in text or "\t" in text):
        text = _LINE_BREAKS.sub(" ", text)
    problem = field_problem(field_name, text)
    return text, None if problem is None else _TEXT_PROBLEMS[problem]


@dataclass
class RowCheck:
    """One data row under check: its name, the ID as shown, findings so far, the parsed ID."""

    row: int
    cells: list[object]
    name: str
    shown: str | None
    found: list[Finding] = field(default_factory=list)
    info: IdInfo | None = None

    def add(self, level: str, code: str, message_code: str | None = None,
            **params: object) -> None:
        self.found.append(Finding.make(self.row, level, code, self.shown, self.name,
                                       message_code, **params))

    def check_text(self, field_name: str, raw: object, column: str | None = None) -> str:
        """The cleaned text of a field; a TEXT_INVALID error naming the column (default: the
        field's label) if it is refused."""
        text, problem = field_text(field_name, raw)
        if problem is not None:
            label, max_len = TEXT_FIELDS[field_name]
            label = column or label
            self.found.append(Finding.make(self.row, ERROR, "TEXT_INVALID", self.shown,
                                           self.name, message_code=problem, column=label,
                                           max=max_len, length=len(text)))
        return text


def ignored_columns(table: Table) -> list[Finding]:
    return [Finding.make(table.header_row, WARNING, "COLUMN_IGNORED", column=text)
            for text in table.ignored]


def checked_rows(table: Table, today: date) -> Iterator[RowCheck]:
    """Each data row with NAME_MISSING and the ID checks done (the common start of every list)."""
    i_name, i_id = table.columns.get("name"), table.columns.get("id_number")
    for row, cells in table.rows():
        name = cell_text(cells[i_name]) if i_name is not None else ""
        raw_id = cells[i_id] if i_id is not None else ""
        check = RowCheck(row, cells, name, id_cell_text(raw_id))
        if not name or i_name is None:
            check.add(ERROR, "NAME_MISSING")
        else:
            check.name = check.check_text("name", cells[i_name])
        check.info = check_id(raw_id, check.shown, row, name, today, check.found)
        yield check


_TEXT_FIELDS = (
    "ethnicity",
    "household_address",
    "current_address",
    "street",
    "community",
    "phone",
    "bank",
    "account",
    "notes",
)


def _register_row(
    cells: list[object], row: int, name: str, info: IdInfo, columns: dict[str, int],
    texts: dict[str, str | None],
) -> RegisterRow:
    """The cleaned fields of a row that passed every check (empty text as None)."""
    i_household = columns.get("household_type")
    i_permit = columns.get("residence_permit_expiry")
    permit = None
    if i_permit is not None and not is_blank(cells[i_permit]):
        read = read_date(cells[i_permit])
        permit = None if read is None else read.last_day()  # year-month: to the month's end
    return RegisterRow(
        id_number=info.number,
        name=name,
        sex=info.sex,
        birth_date=info.birth_date,
        household_type=None
        if i_household is None
        else household_type(cell_text(cells[i_household])),
        residence_permit_expiry=permit,
        row=row,
        ethnicity=texts["ethnicity"],
        household_address=texts["household_address"],
        current_address=texts["current_address"],
        street=texts["street"],
        community=texts["community"],
        phone=texts["phone"],
        bank=texts["bank"],
        account=texts["account"],
        notes=texts["notes"],
    )


def read_register(
    path: str | os.PathLike[str],
    *,
    sheet: str | None = None,
    today: date,
    lookup: RegisterLookup,
    prefetch: Prefetch | None = None,
) -> ImportResult:
    """Read and check a register workbook; the caller commits `rows` (or not)."""
    table = read_table(path, sheet=sheet, fields=REGISTER_FIELDS)
    return check_register(table, today=today, lookup=lookup, prefetch=prefetch)


def prefetched(checks: Iterator[RowCheck], prefetch: Prefetch | None) -> Iterator[RowCheck]:
    """The checks as they come, with prefetch(valid IDs) called for each stretch of
    PREFETCH_ROWS rows before they are handed on (one query per stretch, not one per row)."""
    if prefetch is None:
        yield from checks
        return
    batch: list[RowCheck] = []
    for check in checks:
        batch.append(check)
        if len(batch) == PREFETCH_ROWS:
            prefetch([c.info.number for c in batch if c.info is not None])
            yield from batch
            batch = []
    if batch:
        prefetch([c.info.number for c in batch if c.info is not None])
        yield from batch


def check_register(table: Table, *, today: date, lookup: RegisterLookup,
                   prefetch: Prefetch | None = None) -> ImportResult:
    """Check every data row of a located register table (`prefetch`: see prefetched())."""
    findings = ignored_columns(table)
    columns = table.columns
    i_birth, i_sex, i_account = (columns.get(k) for k in ("birth_date", "sex", "account"))
    seen: dict[str, int] = {}  # id18 → first row with that valid ID
    rows: list[RegisterRow] = []
    rows_read = 0

    for check in prefetched(checked_rows(table, today), prefetch):
        rows_read += 1
        row, cells, name, found, add, info = (check.row, check.cells, check.name, check.found,
                                              check.add, check.info)
        registered = False
        texts = {f: check.check_text(f, cells[columns[f]]) or None if f in columns else None
                 for f in _TEXT_FIELDS}
        if info is not None:
            number = info.number
            first = seen.setdefault(number, row)
            if first != row:
                add(ERROR, "DUPLICATE_IN_FILE", first_row=first)
            if i_birth is not None and not is_blank(cells[i_birth]):
                given = read_date(cells[i_birth])
                if given is None:
                    add(WARNING, "BIRTHDATE_UNREADABLE", value=cell_text(cells[i_birth]))
                elif not given.matches(info.birth_date):
                    add(ERROR, "BIRTHDATE_MISMATCH", given=given, expected=info.birth_date)
            if i_sex is not None:
                sex_text = cell_text(cells[i_sex])
                sex = sex_from_text(sex_text)
                if sex is not None and sex != info.sex:
                    add(ERROR, "SEX_MISMATCH", given=sex_text, expected=SEX_LABELS[info.sex])
            if i_account is not None and is_damaged_number(cells[i_account]):
                add(ERROR, "ACCOUNT_NUMERIC_CELL")
            record = lookup(number)
            if record is not None and record.state == "deceased":
                add(ERROR, "DECEASED_ON_RECORD", date=record.death_date)
            if info.converted_from_15:
                add(WARNING, "ID_15_CONVERTED", new=number)
            if record is not None and record.state == "registered":
                registered = True
                add(WARNING, "ALREADY_REGISTERED")
        if found:
            found.sort(key=Finding.sort_key)  # the text checks came after the ID's findings
            findings.extend(found)
            if registered or any(f.level == ERROR for f in found):
                continue
        if info is not None:  # always so here: an invalid ID is an error
            rows.append(_register_row(cells, row, name, info, columns, texts))

    return ImportResult.of(rows_read, findings, rows, table.sheet, table.header_row)
