"""Issue 11, item 9: workbooks built to exhaust memory or time are refused before reading
(FILE_TOO_LARGE, exit 2, the limit named). The bombs are written here with zipfile; the import
runs in a child process limited to 20 s and 2 GB of address space, so a regression fails (a
killed or aborted child) instead of hanging or swapping the test run."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from elderdesk.domain.errors import ElderError
from elderdesk.importing import guard
from elderdesk.importing.register import read_register

from .sheets import TODAY, make_id, no_one
from .xls_file import write_xls

ADMIN_PASSWORD = "admin-pass-1"
SECONDS = 20
MEMORY = 2 << 30
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org'
    f'/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} xmlns:r="{REL}"><sheets>'
    '<sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org'
    f'/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" '
    f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL}/sharedStrings" '
    'Target="sharedStrings.xml"/></Relationships>')
HEADER = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
PERSON = ('<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="inlineStr"><is><t>'
          f'{make_id("19450312", "001")}</t></is></c></row>')


def write_book(path: Path, rows_xml: str, strings: tuple[str, ...] = ("姓名", "身份证号", "张三"),
               *, sheet_head: str = "", extra: dict[str, bytes] | None = None) -> Path:
    """An .xlsx written by hand: the sheet's <sheetData> is `rows_xml`, the shared strings
    `strings` (0 = 姓名, 1 = 身份证号)."""
    sst = "".join(f"<si><t>{s}</t></si>" for s in strings)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8"?><sst {NS} '
                                           f'count="{len(strings)}">{sst}</sst>')
        z.writestr("xl/worksheets/sheet1.xml", f'<?xml version="1.0" encoding="UTF-8"?>'
                                               f'<worksheet {NS}>{sheet_head}<sheetData>'
                                               f'{rows_xml}</sheetData></worksheet>')
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def cells_referencing(index: int, rows: int) -> str:
    """Rows 2.. each with two cells that show shared string `index`."""
    return "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>{index}</v></c>'
                   f'<c r="B{r}" t="s"><v>{index}</v></c></row>' for r in range(2, rows + 2))


# --- the bombs ------------------------------------------------------------------------------
def strings_bomb(path: Path) -> Path:
    """One 100,000-character shared string shown in 100,000 cells: 10 GB once copied."""
    return write_book(path, HEADER + cells_referencing(2, 50_000),
                      ("姓名", "身份证号", "A" * 100_000))


def spread_strings_bomb(path: Path) -> Path:
    """Strings under the per-cell limit (999 characters), in 600,000 cells: 600M characters."""
    return write_book(path, HEADER + cells_referencing(2, 300_000),
                      ("姓名", "身份证号", "龄" * 999))


def far_cell(path: Path, ref: str) -> Path:
    """Two header cells and one cell far away: the reader's grid reaches from A1 to it."""
    row = "".join(ch for ch in ref if ch.isdigit())
    return write_book(path, HEADER + f'<row r="{row}"><c r="{ref}"><v>1</v></c></row>',
                      sheet_head='<dimension ref="A1:B2"/>')  # a dimension that lies


BOMBS = {
    "shared_strings": (strings_bomb, "100,000 字"),
    "spread_strings": (spread_strings_bomb, "上限 200,000,000 字"),
    "last_column": (lambda p: far_cell(p, "XFD1048576"), "16,384 列"),
    "far_row": (lambda p: far_cell(p, "A5000000"), "5,000,000 行"),
    "large_area": (lambda p: far_cell(p, "CV1000000"), "1,000,000 行 × 100 列"),
    "prefixed_cell": (lambda p: write_book(p, HEADER + '<x:row r="1048576"><x:c r="XFD1048576">'
                                            "<x:v>1</x:v></x:c></x:row>"), "16,384 列"),
    "r_not_first": (lambda p: write_book(p, HEADER + '<row r="1048576"><c t="n" s="0" '
                                          "r='XFD1048576'><v>1</v></c></row>"), "16,384 列"),
    "entity_ref": (lambda p: write_book(p, HEADER + '<row r="1048576"><c r="&#88;FD1048576">'
                                         "<v>1</v></c></row>"), "16,384 列"),
    "implicit_columns": (lambda p: write_book(p, HEADER + '<row r="1048576">'
                                              + "<c><v>1</v></c>" * 5_000 + "</row>"),
                         "5,000 列"),
}


def bounded_import(db: Path, book: Path) -> subprocess.CompletedProcess[str]:
    """`elderdesk import people BOOK --dry-run` in a child limited to SECONDS and MEMORY."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    code = "import sys; from elderdesk.cli import main; sys.exit(main(sys.argv[1:]))"
    env = {**os.environ, "ELDERDESK_PASSWORD": ADMIN_PASSWORD, "ELDERDESK_FAST_HASH": "1",
           "RUST_BACKTRACE": "0"}
    argv = [sys.executable, "-c", code, "import", "people", str(book), "--dry-run",
            "--db", str(db), "--user", "admin"]
    try:
        return subprocess.run(argv, preexec_fn=limit, timeout=SECONDS, capture_output=True,
                              text=True, env=env, cwd=Path(__file__).resolve().parents[2])
    except subprocess.TimeoutExpired:
        pytest.fail(f"the import of {book.name} ran past {SECONDS} s")


@pytest.mark.parametrize("kind", sorted(BOMBS))
def test_bomb_is_refused_quickly_in_bounded_memory(db_path, tmp_path, kind):
    make, limit_named = BOMBS[kind]
    book = make(tmp_path / f"{kind}.xlsx")
    started = time.monotonic()
    done = bounded_import(db_path, book)
    assert done.returncode == 2, (done.returncode, done.stderr[-500:])
    assert done.stderr.startswith("FILE_TOO_LARGE: ") and limit_named in done.stderr
    assert "上限" in done.stderr and done.stdout == ""
    assert time.monotonic() - started < SECONDS


def test_an_ordinary_workbook_imports_within_the_same_bounds(db_path, tmp_path):
    book = write_book(tmp_path / "ok.xlsx", HEADER + PERSON)
    done = bounded_import(db_path, book)
    assert done.returncode == 0, done.stderr
    assert "读取 1 行，导入 1 行" in done.stdout


# --- the limits one by one, in process -------------------------------------------------------
def refusal(book: Path) -> str:
    with pytest.raises(ElderError) as exc:
        read_register(book, today=TODAY, lookup=no_one)
    assert exc.value.code == "FILE_TOO_LARGE" and exc.value.exit_status == 2
    return exc.value.message


def test_declared_size_over_the_limit(tmp_path):
    zeros = b"\0" * (guard.MAX_UNCOMPRESSED + 1)
    message = refusal(write_book(tmp_path / "b.xlsx", HEADER, extra={"xl/media/x.bin": zeros}))
    assert "上限 200 MB" in message


def test_compression_ratio_over_the_limit(tmp_path):
    book = write_book(tmp_path / "b.xlsx", HEADER, extra={"xl/media/x.bin": b"\0" * (4 << 20)})
    assert "压缩比" in refusal(book) and "上限 100 倍" in refusal(book)


def test_a_member_that_inflates_beyond_its_declared_size(tmp_path):
    """The zip directory says 200 bytes; the data inflates to 5 MB."""
    book = write_book(tmp_path / "b.xlsx", HEADER + cells_referencing(2, 100_000))
    data = bytearray(book.read_bytes())
    with zipfile.ZipFile(book) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    name = info.filename.encode()
    central = data.find(b"PK\x01\x02")
    while data[central + 46:central + 46 + len(name)] != name:
        central = data.find(b"PK\x01\x02", central + 4)
    data[central + 24:central + 28] = (200).to_bytes(4, "little")
    data[info.header_offset + 22:info.header_offset + 26] = (200).to_bytes(4, "little")
    book.write_bytes(bytes(data))
    assert "声明" in refusal(book)


def test_long_cell_is_quoted_in_part_only(tmp_path):
    long_text = "长" * 30 + "X" * 5_000
    book = write_book(tmp_path / "b.xlsx", HEADER + cells_referencing(2, 1),
                      ("姓名", "身份证号", long_text))
    message = refusal(book)
    assert "上限 1,000 字" in message and "X" * 10 in message and "X" * 11 not in message
    assert "…" in message


def test_xls_over_the_file_size_limit(tmp_path, monkeypatch):
    book = write_xls(tmp_path / "old.xls", [["姓名", "身份证号"], ["张三", make_id()]])
    assert read_register(book, today=TODAY, lookup=no_one).rows_read == 1
    monkeypatch.setattr(guard, "MAX_FILE_BYTES", book.stat().st_size - 1)
    assert "文件大小" in refusal(book)


def test_zip_that_is_not_an_xlsx_is_unreadable(tmp_path):
    book = tmp_path / "b.ods"
    with zipfile.ZipFile(book, "w") as z:
        z.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(ElderError) as exc:
        read_register(book, today=TODAY, lookup=no_one)
    assert exc.value.code == "FILE_UNREADABLE" and ".xlsx" in exc.value.message


def test_xlsx_renamed_xls_is_read(tmp_path):
    book = write_book(tmp_path / "b.xls", HEADER + PERSON)
    assert read_register(book, today=TODAY, lookup=no_one).rows_read == 1


def test_wide_but_short_sheet_is_fine(tmp_path):
    """300 columns in 3 rows: the quick bound (99,999 rows x 300) is over the limit, the count
    is not."""
    cells = "".join(f'<c r="{guard_col(c)}2"><v>1</v></c>' for c in range(3, 301))
    book = write_book(tmp_path / "b.xlsx", HEADER + PERSON.replace("</row>", cells + "</row>"))
    assert read_register(book, today=TODAY, lookup=no_one).rows_read == 1


def guard_col(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
