"""Death-list import (姓名, 身份证号, 死亡日期): ID checks, then the register's view of each row."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date

from elderdesk.domain.text import squeeze
from elderdesk.importing.cells import cell_text, is_blank, read_date
from elderdesk.importing.findings import ERROR, WARNING, DeathRow, DeathsResult
from elderdesk.importing.register import Prefetch, checked_rows, ignored_columns, prefetched
from elderdesk.importing.workbook import DEATH_FIELDS, Table, read_table

# lookup(id18) -> None | (registered_name, birth_date, status, death_date), e.g. the store's
# lookup_repo.Registered
DeathLookup = Callable[[str], "tuple[str, date | None, str, date | None] | None"]


def read_deaths(
    path: str | os.PathLike[str],
    *,
    sheet: str | None = None,
    today: date,
    lookup: DeathLookup,
    prefetch: Prefetch | None = None,
) -> DeathsResult:
    """Read and check a death list; the caller records the deaths of `rows` (or not).
    `prefetch`: as for the register (register.prefetched), one query per stretch of rows."""
    table = read_table(path, sheet=sheet, fields=DEATH_FIELDS)
    return check_deaths(table, today=today, lookup=lookup, prefetch=prefetch)


def _death_date(value: object) -> date | None:
    """A full date (year-and-month-only forms cannot date a death), or None."""
    if is_blank(value):
        return None
    read = read_date(value)
    return None if read is None else read.as_date()


def check_deaths(table: Table, *, today: date, lookup: DeathLookup,
                 prefetch: Prefetch | None = None) -> DeathsResult:
    """Check every row of a located death list.

    Rows apply in order: a later row for an ID applied earlier in the file is judged as if that
    death were already recorded (ALREADY_DECEASED), as `people death` would see it.
    """
    findings = ignored_columns(table)
    i_death = table.columns.get("death_date")
    applied: dict[str, date] = {}
    rows: list[DeathRow] = []
    rows_read = 0

    for check in prefetched(checked_rows(table, today), prefetch):
        rows_read += 1
        row, cells, name, found, add, info = (check.row, check.cells, check.name, check.found,
                                              check.add, check.info)
        if info is None:
            findings.extend(found)
            continue
        number = info.number
        if info.converted_from_15:  # "the ID codes above" (import-rules.md): a warning
            add(WARNING, "ID_15_CONVERTED", new=number)
        record = lookup(number)
        birth = info.birth_date
        deceased, recorded = number in applied, applied.get(number)
        if record is None:
            add(ERROR, "NOT_REGISTERED")
        else:
            registered_name, registered_birth, status, death_on_record = record
            if name and squeeze(name) != squeeze(registered_name or ""):
                add(ERROR, "NAME_DIFFERS", registered=registered_name)
            birth = registered_birth or birth
            if status == "deceased":
                deceased, recorded = True, death_on_record
        raw_death = cells[i_death] if i_death is not None else ""
        death = _death_date(raw_death)
        if death is None or death < birth:
            add(ERROR, "DEATH_DATE_INVALID", value=cell_text(raw_death))
            death = None
        elif death > today:
            add(ERROR, "DATE_IN_FUTURE", date=death, today=today)
            death = None
        elif deceased and recorded == death:
            add(WARNING, "ALREADY_DECEASED", date=recorded)
        elif deceased:
            add(
                ERROR,
                "ALREADY_DECEASED",
                message_code="ALREADY_DECEASED_OTHER_DATE",
                date=recorded,
                given=death,
            )
        findings.extend(found)
        if death is None or deceased or any(f.level == ERROR for f in found):
            continue
        applied[number] = death
        rows.append(DeathRow(id_number=number, name=name, death_date=death, row=row))

    return DeathsResult.of(rows_read, findings, rows, table.sheet, table.header_row)
