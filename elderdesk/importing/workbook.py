"""Finding the table in a workbook: sheet, header row, known columns, data rows up to 合计."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from python_calamine import CalamineWorkbook, WorksheetNotFound

from elderdesk.domain.errors import ElderError
from elderdesk.domain.text import WHITESPACE, clean_text, squeeze
from elderdesk.importing.cells import cell_text
from elderdesk.importing.guard import check_workbook, is_zip

HEADER_SCAN_ROWS = 10
TOTAL_PREFIXES = ("合计", "总计")

# Field → column names (the first is the canonical one), compared after squeeze().
COLUMNS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号"),
    "name": ("姓名", "老人姓名"),
    "sex": ("性别",),
    "ethnicity": ("民族",),
    "id_number": ("身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证"),
    "birth_date": ("出生日期", "出生年月日", "出生年月"),
    "household_address": ("户籍地址", "户籍所在地", "户籍住址"),
    "current_address": ("现住址", "居住地址", "家庭住址", "住址"),
    "street": ("街道", "街道(乡镇)", "乡镇街道"),
    "community": ("社区", "社区(村)", "村(居)委会", "所属社区"),
    "phone": ("联系电话", "电话", "手机", "联系方式"),
    "bank": ("开户银行", "银行", "开户行"),
    "account": ("银行账号", "银行卡号", "账号", "卡号"),
    "household_type": ("户籍类型",),
    "residence_permit_expiry": ("居住证有效期",),
    "notes": ("备注",),
    "death_date": ("死亡日期", "死亡时间"),
    # the city platform's export of online applications (import applications)
    "applied_on": ("申请日期", "申请时间"),
    "agent_name": ("代办人", "代办人姓名"),
    "agent_phone": ("代办人电话", "代办人联系电话"),
}
REGISTER_FIELDS = frozenset(COLUMNS) - {"death_date", "applied_on", "agent_name", "agent_phone"}
DEATH_FIELDS = frozenset({"seq", "name", "id_number", "death_date"})
APPLICATION_FIELDS = frozenset({"seq", "name", "id_number", "applied_on", "phone", "agent_name",
                                "agent_phone", "bank", "account"})

_PARENS = str.maketrans("（）", "()")
_SYNONYMS = {squeeze(alias): key for key, aliases in COLUMNS.items() for alias in aliases}


def column_key(header: object) -> str | None:
    """The field a header cell names (spaces, tabs and line breaks ignored), or None."""
    return _SYNONYMS.get(squeeze(cell_text(header)).translate(_PARENS))


@dataclass
class Table:
    """The located table: header row and column positions; `rows` yields the data rows."""

    sheet: str
    header_row: int  # Excel row number (1-based)
    columns: dict[str, int]  # field → 0-based column index
    ignored: list[str] = field(default_factory=list)  # header texts of ignored columns
    cells: list[list[object]] = field(default_factory=list, repr=False)

    def rows(self) -> Iterator[tuple[int, list[object]]]:
        """(Excel row number, cells) of each data row; blank rows skipped; stops at 合计/总计."""
        seq = self.columns.get("seq", -1)
        for index in range(self.header_row, len(self.cells)):
            cells = self.cells[index]
            first = _first_filled(cells, 0)
            if first < 0:
                continue
            value = cells[first]
            if type(value) is str and squeeze(clean_text(value)).startswith(TOTAL_PREFIXES):
                return
            if first == seq and _first_filled(cells, first + 1) < 0:
                continue
            yield index + 1, cells


def _first_filled(cells: list[object], start: int) -> int:
    """Index of the first non-blank cell from `start`, or -1."""
    for i in range(start, len(cells)):
        value = cells[i]
        if value != "" and value is not None:
            if type(value) is str and not value.strip(WHITESPACE):
                continue
            return i
    return -1


def load_sheet(path: str | os.PathLike[str], sheet: str | None = None) -> tuple[str, list[list]]:
    """The name and cells of the first sheet or the named one (every row, from A1)."""
    path_text = os.fspath(path)
    if not os.path.isfile(path_text):
        raise ElderError("FILE_NOT_FOUND", path=path_text)
    check_workbook(path_text)  # FILE_TOO_LARGE before the reader sees it
    try:
        with _open_book(path_text) as book:
            names = list(book.sheet_names)
            if sheet is None:
                if not names:
                    raise ElderError("FILE_UNREADABLE", path=path_text, detail="工作簿中没有工作表")
                name = names[0]
            else:
                name = sheet if sheet in names else _loose_match(sheet, names)
            try:
                data = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            except WorksheetNotFound:
                raise ElderError("SHEET_NOT_FOUND", sheet=sheet, sheets="、".join(names)) from None
    except ElderError:
        raise
    except Exception as exc:  # calamine raises its own errors, OSError, ValueError …
        raise ElderError("FILE_UNREADABLE", path=path_text, detail=str(exc)) from exc
    return name, data


def _open_book(path: str) -> CalamineWorkbook:
    """The reader for what the file holds: python-calamine picks it by the extension, so an
    .xlsx renamed .xls (or the reverse) is opened from its bytes, which it sniffs."""
    zipped = is_zip(path)
    if path.lower().endswith((".xlsx", ".xlsm") if zipped else (".xls",)):
        return CalamineWorkbook.from_path(path)
    with open(path, "rb") as f:
        return CalamineWorkbook.from_filelike(f)


def _loose_match(wanted: str, names: list[str]) -> str:
    """A sheet name equal to `wanted` after trimming; else `wanted` itself (not found later)."""
    target = clean_text(wanted)
    return next((n for n in names if clean_text(n) == target), wanted)


def find_table(sheet: str, cells: list[list], fields: frozenset[str]) -> Table:
    """Locate the header among the first 10 rows: the first with a name and an ID column."""
    for index, row in enumerate(cells[:HEADER_SCAN_ROWS]):
        keys = [column_key(value) for value in row]
        if "name" not in keys or "id_number" not in keys:
            continue
        columns: dict[str, int] = {}
        ignored: list[str] = []
        for col, (key, value) in enumerate(zip(keys, row, strict=True)):
            if key is not None and key in fields and key not in columns:
                columns[key] = col
            else:
                text = cell_text(value)
                if text:
                    ignored.append(text)
        return Table(sheet, index + 1, columns, ignored, cells)
    raise ElderError("HEADER_NOT_FOUND")


def read_table(
    path: str | os.PathLike[str], *, sheet: str | None = None, fields: frozenset[str]
) -> Table:
    """Open the workbook (.xlsx or .xls), pick the sheet and locate the table."""
    name, cells = load_sheet(path, sheet)
    return find_table(name, cells, fields)
