"""Write the blank register workbook resources/templates/register_template.xlsx (openpyxl).

The columns are those of docs/import.md; ID, account and phone columns are text
so Excel keeps every digit; 性别, 户籍类型 and the date columns carry data validation; a second
sheet explains how to fill it in. Run `python tools/make_template.py`; the file is committed.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "templates" / "register_template.xlsx"
TITLE_ROW, NOTE_ROW, HEADER_ROW = 1, 2, 3
FIRST_ROW = HEADER_ROW + 1
ROWS = 5000  # rows prepared with formats and validation
LAST_ROW = FIRST_ROW + ROWS - 1
TEXT, DATE = "@", "yyyy-mm-dd"

# (header, width, cell format or None, required, what to write) in import-rules.md order.
COLUMNS = [
    ("序号", 6, None, False, "可不填，导入时不保存。"),
    ("姓名", 10, TEXT, True, "必填。与身份证上的姓名一致。"),
    ("性别", 6, None, False, "从下拉列表选择“男”或“女”；须与身份证号一致，可不填。"),
    ("民族", 8, TEXT, False, "如：汉族。"),
    ("身份证号", 21, TEXT, True,
     "必填。18 位身份证号（最后一位可为 X），15 位旧号码会自动升为 18 位。本列已设为文本格式，"
     "请勿改成数字，否则后几位会变成 0。"),
    ("出生日期", 12, DATE, False,
     "日期，如 1945-03-12；须与身份证号中的出生日期一致。可不填（按身份证号计算）。"),
    ("户籍地址", 28, TEXT, False, "户口簿上的地址。"),
    ("现住址", 28, TEXT, False, "实际居住地址。"),
    ("街道", 12, TEXT, False, "街道（乡镇）名称。"),
    ("社区", 12, TEXT, False, "社区（村）名称。"),
    ("联系电话", 14, TEXT, False, "手机或座机号码（文本格式，区号前的 0 不会丢失）。"),
    ("开户银行", 16, TEXT, False, "发放高龄津贴的银行，如：武汉农村商业银行。"),
    ("银行账号", 24, TEXT, False, "银行卡号或存折账号。本列已设为文本格式，请勿改成数字。"),
    ("户籍类型", 10, None, False, "从下拉列表选择“本地”或“非本地”。"),
    ("居住证有效期", 14, DATE, False, "非本地户籍老人居住证的有效期截止日期，如 2027-06-30。"),
    ("备注", 20, TEXT, False, "其他需要说明的情况。"),
]
HEADERS = [c[0] for c in COLUMNS]

THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
REQUIRED_FONT = Font(bold=True, color="C00000")


def letter(header: str) -> str:
    return get_column_letter(HEADERS.index(header) + 1)


def data_range(header: str) -> str:
    col = letter(header)
    return f"{col}{FIRST_ROW}:{col}{LAST_ROW}"


def list_rule(header: str, choices: str, prompt: str) -> DataValidation:
    rule = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True,
                          showErrorMessage=True, showInputMessage=True,
                          errorTitle="输入有误", error=f"{header}只能从下拉列表中选择：{choices}。",
                          promptTitle=header, prompt=prompt)
    rule.add(data_range(header))
    return rule


def date_rule(header: str, low: str, high: str, example: str) -> DataValidation:
    rule = DataValidation(type="date", operator="between", formula1=low, formula2=high,
                          allow_blank=True, showErrorMessage=True, showInputMessage=True,
                          errorTitle="日期有误",
                          error=f"{header}请输入日期，如 {example}（年-月-日）。",
                          promptTitle=header, prompt=f"日期，如 {example}")
    rule.add(data_range(header))
    return rule


def register_sheet(ws: Worksheet) -> None:
    last_col = get_column_letter(len(COLUMNS))
    ws.merge_cells(f"A{TITLE_ROW}:{last_col}{TITLE_ROW}")
    title = ws.cell(TITLE_ROW, 1, "老年人基本信息登记表（花名册）")
    title.font = Font(size=16, bold=True)
    title.alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[TITLE_ROW].height = 30
    ws.merge_cells(f"A{NOTE_ROW}:{last_col}{NOTE_ROW}")
    note = ws.cell(NOTE_ROW, 1, "填写前请先阅读“填表说明”工作表。红色列名为必填项；"
                                "请勿修改、删除列名和本表的前三行。")
    note.font = Font(size=10, color="C00000")
    for col, (header, width, fmt, required, _) in enumerate(COLUMNS, start=1):
        cell = ws.cell(HEADER_ROW, col, header)
        cell.font = REQUIRED_FONT if required else Font(bold=True)
        cell.fill, cell.border = HEADER_FILL, BOX
        cell.alignment = Alignment(horizontal="center", vertical="center")
        dim = ws.column_dimensions[get_column_letter(col)]
        dim.width = width
        if fmt is None:
            continue
        dim.number_format = fmt  # rows typed below the prepared range keep the format
        for row in range(FIRST_ROW, LAST_ROW + 1):
            ws.cell(row, col).number_format = fmt
    ws.row_dimensions[HEADER_ROW].height = 22
    ws.freeze_panes = f"C{FIRST_ROW}"  # header and 序号/姓名 stay in view
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    id_col = letter("身份证号")
    id_rule = DataValidation(
        type="custom", formula1=f"OR(LEN({id_col}{FIRST_ROW})=18,LEN({id_col}{FIRST_ROW})=15)",
        allow_blank=True, showErrorMessage=True, showInputMessage=True, errorStyle="warning",
        errorTitle="身份证号位数不对", error="身份证号应为 18 位（或 15 位旧号码），请核对。",
        promptTitle="身份证号", prompt="18 位身份证号，最后一位可为 X。本列为文本格式。")
    id_rule.add(data_range("身份证号"))
    rules = [
        list_rule("性别", "男,女", "从下拉列表选择男或女"),
        list_rule("户籍类型", "本地,非本地", "从下拉列表选择本地或非本地"),
        date_rule("出生日期", "DATE(1880,1,1)", "TODAY()", "1945-03-12"),
        date_rule("居住证有效期", "DATE(2000,1,1)", "DATE(2099,12,31)", "2027-06-30"),
        id_rule,
    ]
    for rule in rules:
        ws.add_data_validation(rule)


def instructions_sheet(ws: Worksheet) -> None:
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 8
    ws.column_dimensions["C"].width = 70
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.cell(1, 1, "填表说明").font = Font(size=16, bold=True)
    lines = [
        "1. 每位老人填一行，从“花名册”工作表第 4 行开始填写；不要修改列名，不要插入合并单元格。",
        "2. 身份证号、银行账号、联系电话三列已设为文本格式。从其他表格复制数据时，请用"
        "“选择性粘贴 → 数值”，并确认身份证号没有变成 1.1E+17 这样的科学计数法。",
        "3. 日期请按“年-月-日”填写，如 1945-03-12。",
        "4. 表格末尾如有“合计”行，导入时会在“合计”处停止读取。",
        "5. 导入：ElderDesk →“老人档案”→“导入名册”，名册类型选“人员名册”。"
        "建议先勾选“试运行”检查，按检查报告中的行号逐条改正后再正式导入。",
        "6. 已登记过的身份证号不会重复导入，也不会覆盖已有档案。",
    ]
    for row, text in enumerate(lines, start=3):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        ws.cell(row, 1, text).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row].height = 36
    top = len(lines) + 4
    for col, text in enumerate(("列名", "必填", "填写要求"), start=1):
        cell = ws.cell(top, col, text)
        cell.font, cell.fill, cell.border = Font(bold=True), HEADER_FILL, BOX
    for row, (header, _w, _f, required, how) in enumerate(COLUMNS, start=top + 1):
        values = (header, "是" if required else "", how)
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row, col, value)
            cell.border = BOX
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if required:
            ws.cell(row, 1).font = REQUIRED_FONT
        ws.row_dimensions[row].height = 16 * (1 + len(how) // 34)  # ~34 CJK characters a line


def build() -> Workbook:
    book = Workbook()
    register_sheet(book.active)
    book.active.title = "花名册"  # the first sheet: the one an import reads
    instructions_sheet(book.create_sheet("填表说明"))
    book.properties.creator = "ElderDesk"
    book.properties.title = "老年人花名册空白模板"
    book.properties.created = datetime(2026, 1, 1)
    return book


def main() -> int:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    build().save(OUT)
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
