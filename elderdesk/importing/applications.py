"""Online applications (网上申请) from the city platform's export: 姓名, 身份证号, 申请日期,
联系电话, 代办人, 代办人电话, 开户银行, 银行账号. The file checks (header, cells, ID codes,
duplicates, text fields) are the register's; `check_state` then judges each row against the
person on record exactly as a counter application would be judged (allowance-rules.md
section 3). Never touches the database: the caller looks the person up."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date

from elderdesk.domain.entitlement import application_allowed
from elderdesk.domain.months import FIRST_DAY
from elderdesk.domain.person import has_account
from elderdesk.domain.policy import Policy
from elderdesk.domain.text import squeeze
from elderdesk.importing.cells import cell_text, is_blank, is_damaged_number, read_date
from elderdesk.importing.findings import ERROR, WARNING, CheckedFile, Finding
from elderdesk.importing.register import checked_rows, ignored_columns
from elderdesk.importing.workbook import APPLICATION_FIELDS, Table, read_table


@dataclass(frozen=True, slots=True)
class ApplicationRow:
    """A row whose file checks passed; empty fields are None."""

    id_number: str  # 18 characters
    name: str
    applied_on: date
    phone: str | None
    agent_name: str | None
    agent_phone: str | None
    bank: str | None
    account: str | None  # spaces removed
    row: int


@dataclass
class ApplicationsFile(CheckedFile):
    """The file's findings and the rows that passed them (`check_state` comes next)."""


@dataclass(frozen=True, slots=True)
class OnRecord:
    """What the register holds of the person a row names (None: not registered)."""

    name: str
    birth_date: date
    death_date: date | None
    moved_out_on: date | None
    active_application: bool  # an open or approved application
    bank: str | None
    account: str | None


# (file column label, RowCheck field) of the text columns besides the name
_TEXTS = (("phone", "phone", None), ("agent_name", "name", "代办人"),
          ("agent_phone", "phone", "代办人电话"), ("bank", "bank", None),
          ("account", "account", None))


def read_applications(path: str | os.PathLike[str], *, sheet: str | None = None,
                      today: date) -> ApplicationsFile:
    table = read_table(path, sheet=sheet, fields=APPLICATION_FIELDS)
    return check_file(table, today=today)


_TIME = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")


def _applied_on(value: object) -> date | None:
    """A full date (a month alone cannot date an application), or None. The platform writes
    text dates with their time (2026-05-10 14:23:05): the time is dropped."""
    if is_blank(value):
        return None
    if isinstance(value, str):
        value = _TIME.sub("", cell_text(value))
    read = read_date(value)
    return None if read is None else read.as_date()


def check_file(table: Table, *, today: date) -> ApplicationsFile:
    """The checks that need only the file: names, IDs, duplicates, dates, text columns."""
    findings = ignored_columns(table)
    columns = table.columns
    i_date = columns.get("applied_on")
    seen: dict[str, int] = {}
    rows: list[ApplicationRow] = []
    rows_read = 0
    for check in checked_rows(table, today):
        rows_read += 1
        cells, add, info = check.cells, check.add, check.info
        texts = {key: check.check_text(field, cells[columns[key]], label) or None
                 if key in columns else None for key, field, label in _TEXTS}
        applied = None
        if info is not None:
            first = seen.setdefault(info.number, check.row)
            if first != check.row:
                add(ERROR, "DUPLICATE_IN_FILE", first_row=first)
            if "account" in columns and is_damaged_number(cells[columns["account"]]):
                add(ERROR, "ACCOUNT_NUMERIC_CELL")
            if info.converted_from_15:
                add(WARNING, "ID_15_CONVERTED", new=info.number)
            raw = cells[i_date] if i_date is not None else ""
            applied = _applied_on(raw)
            if applied is None or applied < max(FIRST_DAY, info.birth_date):
                add(ERROR, "APPLIED_DATE_INVALID", value=cell_text(raw) or "（空）")
                applied = None
            elif applied > today:
                add(ERROR, "DATE_IN_FUTURE", date=applied, today=today)
                applied = None
        found = check.found
        found.sort(key=Finding.sort_key)
        findings.extend(found)
        if info is None or applied is None or any(f.level == ERROR for f in found):
            continue
        account = texts["account"].replace(" ", "") if texts["account"] else None
        rows.append(ApplicationRow(info.number, check.name, applied, texts["phone"],
                                   texts["agent_name"], texts["agent_phone"], texts["bank"],
                                   account, check.row))
    return ApplicationsFile.of(rows_read, findings, rows, table.sheet, table.header_row)


def _finding(r: ApplicationRow, level: str, code: str, message_code: str | None = None,
             **params: object) -> Finding:
    return Finding.make(r.row, level, code, r.id_number, r.name, message_code, **params)


def check_state(r: ApplicationRow, person: OnRecord | None,
                policy: Policy) -> tuple[list[Finding], bool]:
    """The findings of a row against the register, and whether the file's bank account is to
    fill the person's empty one. A row with an error finding becomes no application."""
    if person is None:
        return [_finding(r, ERROR, "NOT_REGISTERED")], False
    out: list[Finding] = []
    if squeeze(r.name) != squeeze(person.name):  # a typo in the ID may name someone else
        out.append(_finding(r, ERROR, "NAME_DIFFERS", registered=person.name))
    refusal = application_allowed(person.birth_date, policy, r.applied_on,
                                  death_date=person.death_date,
                                  moved_out_on=person.moved_out_on,
                                  active_application=person.active_application)
    if refusal is not None:
        code = refusal.code
        p = refusal.params
        if code == "PERSON_DECEASED":
            out.append(_finding(r, ERROR, "DECEASED_ON_RECORD", date=p["date"]))
        elif code == "PERSON_MOVED_OUT":
            out.append(_finding(r, ERROR, "MOVED_OUT", date=p["date"]))
        elif code == "APPLICATION_EXISTS":
            out.append(_finding(r, ERROR, "ALREADY_ENROLLED"))
        elif code == "APPLY_TOO_EARLY":
            out.append(_finding(r, ERROR, "TOO_EARLY", date=r.applied_on,
                                earliest=p["earliest"], age=p["age"]))
        elif code == "POLICY_NOT_IN_FORCE":
            out.append(_finding(r, ERROR, "TOO_EARLY", "TOO_EARLY_NO_POLICY", date=r.applied_on))
        else:  # DATE_BEFORE_BIRTH: check_file refused it already
            out.append(_finding(r, ERROR, "APPLIED_DATE_INVALID", value=str(r.applied_on)))
    fill = False
    if r.bank or r.account:
        if not has_account(r.bank, r.account):
            out.append(_finding(r, WARNING, "ACCOUNT_INVALID"))
        elif not person.account:
            fill = True
        elif (person.account.replace(" ", ""), squeeze(person.bank or "")) != (
                r.account, squeeze(r.bank or "")):
            out.append(_finding(r, WARNING, "ACCOUNT_DIFFERS",
                                account=_last4(person.account), given=_last4(r.account or "")))
    out.sort(key=Finding.sort_key)
    return out, fill and not any(f.level == ERROR for f in out)


def _last4(account: str) -> str:
    return "尾号" + account.replace(" ", "")[-4:]
