"""Refusing a workbook that would exhaust memory or time before python-calamine reads it.

python-calamine builds a dense grid from A1 to the last cell holding a value and copies each
shared string into every cell that uses it; the `<dimension>` tag plays no part. So a 2 KB file
with one cell at XFD1048576 asks for 17 billion cells (the Rust reader aborts the process), and a
sheet whose cells all point at one long shared string grows to gigabytes. Checked here, in order:
the zip directory (member count, declared sizes, compression ratio), then one streaming pass over
each member (never more than its declared size inflated), with the cell references and shared
strings measured on the way. The common case costs two C-level regex scans per member: cells
whose reference is one letter and at most five digits (A1..Z99999) are not looked at one by one.
"""

from __future__ import annotations

import html
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from elderdesk.domain.errors import ElderError

MAX_FILE_BYTES = 200 * 1024 * 1024  # the file itself (.xlsx or .xls)
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # all members of an .xlsx together, inflated
MAX_MEMBERS = 10_000
MAX_RATIO = 100  # inflated / compressed, for members over RATIO_FROM bytes
RATIO_FROM = 1024 * 1024
MAX_ROWS = 1_100_000
MAX_COLUMNS = 1_000
MAX_CELLS = 20_000_000  # rows x columns from A1 to the last cell (about 850 MB in the reader)
MAX_CELL_CHARS = 1_000  # one shared string
MAX_TEXT = 200_000_000  # shared-string characters copied into cells, all cells together
QUOTE = 40  # characters of a cell quoted in a message

_CHUNK = 1 << 20
_CARRY_MAX = 1 << 20  # one tag or one shared string's XML longer than this: refused
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# A cell tag that is not `<c r="A1"` .. `<c r="Z99999"`: looked at one by one.
_ODD_CELL = re.compile(rb'<c(?:[>/\t\r\n]| (?!r="[A-Z]\d{1,5}"))')
_CANONICAL = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"')
_PREFIXED = re.compile(rb":c[ >/\t\r\n]")  # <x:c ...>: the reader ignores the prefix
_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s>/])([^>]*)>")
_R_ATTR = re.compile(rb"""(?:^|\s)r\s*=\s*(["'])(.*?)\1""", re.S)
_REF = re.compile(r"\$?([A-Za-z]*)\$?(\d*)")
_STRING_CELL = re.compile(rb"""\st\s*=\s*["']s["']""")
_SI_TEXT = re.compile(rb"<(?:[\w.-]+:)?t(?:\s[^>]*)?>(.*?)</(?:[\w.-]+:)?t>", re.S)
_SI_INDEX = re.compile(rb"""<(?:[\w.-]+:)?c\s[^>]*?\bt\s*=\s*["']s["'][^>]*>\s*<(?:[\w.-]+:)?v>"""
                       rb"""\s*(\d+)""")


@dataclass
class _Extent:
    rows: int = 0
    columns: int = 0
    string_cells: int = 0
    exact: bool = True  # False: rows and columns are bounds from the quick pass


def check_workbook(path: str) -> None:
    """Raise FILE_TOO_LARGE (exit 2, the limit named) if the workbook is beyond sane size, and
    FILE_UNREADABLE if it is a zip that is no .xlsx; return quietly otherwise."""
    size = os.path.getsize(path)
    if size > MAX_FILE_BYTES:
        _too_large(path, f"文件大小 {_mb(size)}，上限 {_mb(MAX_FILE_BYTES)}")
    with open(path, "rb") as fp:
        magic = fp.read(8)
        if magic[:4] != _ZIP:
            return  # .xls (OLE, bounded by the file size: 65,536 x 256 cells) or not a workbook
        try:
            book = zipfile.ZipFile(fp)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise ElderError("FILE_UNREADABLE", path=path, detail=f"压缩包已损坏（{exc}）") from exc
        with book:
            _check_zip(path, book, fp)


def is_zip(path: str) -> bool:
    with open(path, "rb") as fp:
        return fp.read(4) == _ZIP


def _check_zip(path: str, book: zipfile.ZipFile, fp: BinaryIO) -> None:
    members = book.infolist()
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names:
        raise ElderError("FILE_UNREADABLE", path=path,
                         detail="不是 Excel 工作簿（只能导入 .xlsx 或 .xls 文件）")
    if len(members) > MAX_MEMBERS:
        _too_large(path, f"压缩包内有 {len(members):,} 个部件，上限 {MAX_MEMBERS:,} 个")
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED:
        _too_large(path, f"解压后共 {_mb(total)}，上限 {_mb(MAX_UNCOMPRESSED)}")
    for m in members:
        if m.file_size > RATIO_FROM and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            _too_large(path, f"部件 {m.filename[:QUOTE]} 的压缩比为 "
                             f"{m.file_size // max(m.compress_size, 1):,} 倍，上限 {MAX_RATIO} 倍")
    # Shared strings first: their lengths bound what the cells that use them cost.
    strings = [m for m in members if _is_shared_strings(m.filename)]
    lengths: list[int] = []
    for m in strings:
        lengths.extend(_shared_string_lengths(path, fp, m))
    longest = max(lengths, default=0)
    extent = _Extent()
    for m in members:
        if m not in strings and not m.is_dir():
            _scan_cells(path, fp, m, extent, count_strings=longest > 0)
    if extent.rows * extent.columns > MAX_CELLS and not extent.exact:  # a wide sheet: count
        extent = _Extent()
        for m in members:
            if m not in strings and not m.is_dir():
                _scan_cells_slowly(path, fp, m, extent)
    if extent.rows > MAX_ROWS:
        _too_large(path, f"工作表有 {extent.rows:,} 行，上限 {MAX_ROWS:,} 行")
    if extent.columns > MAX_COLUMNS:
        _too_large(path, f"工作表有 {extent.columns:,} 列，上限 {MAX_COLUMNS:,} 列")
    if extent.rows * extent.columns > MAX_CELLS:
        _too_large(path, f"工作表从 A1 到最后一个单元格共 {extent.rows:,} 行 × "
                         f"{extent.columns:,} 列，超过 {MAX_CELLS:,} 个单元格的上限")
    if extent.string_cells * longest > MAX_TEXT:
        text = _shared_text(fp, members, strings, lengths)
        if text > MAX_TEXT:
            _too_large(path, f"单元格文字展开后共约 {text:,} 字，上限 {MAX_TEXT:,} 字")


def _is_shared_strings(name: str) -> bool:
    return os.path.basename(name).lower().startswith("sharedstrings")


def _inflate(path: str, fp: BinaryIO, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes in pieces of at most 1 MB, never more than its declared size (a
    member whose data inflates beyond it is refused: the reader would not stop there)."""
    if info.flag_bits & 0x1:
        return  # encrypted: the reader refuses it itself
    fp.seek(info.header_offset)
    header = fp.read(30)
    if len(header) < 30 or header[:4] != _ZIP:
        raise ElderError("FILE_UNREADABLE", path=path, detail="压缩包已损坏")
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    fp.seek(info.header_offset + 30 + name_len + extra_len)
    left = info.compress_size
    out = 0
    if info.compress_type == zipfile.ZIP_STORED:
        inflate = None
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflate = zlib.decompressobj(-15)
    else:
        raise ElderError("FILE_UNREADABLE", path=path,
                         detail=f"部件 {info.filename[:QUOTE]} 的压缩方式不受支持")
    while left > 0:
        raw = fp.read(min(left, _CHUNK))
        if not raw:
            break
        left -= len(raw)
        pieces = [raw] if inflate is None else _pieces(inflate, raw)
        for piece in pieces:
            out += len(piece)
            if out > info.file_size:
                _too_large(path, f"部件 {info.filename[:QUOTE]} 解压后超过压缩包目录中声明的 "
                                 f"{info.file_size:,} 字节")
            yield piece


def _pieces(inflate: zlib._Decompress, raw: bytes) -> Iterator[bytes]:
    data = inflate.decompress(raw, _CHUNK)
    while True:
        if data:
            yield data
        if not inflate.unconsumed_tail or inflate.eof:
            return
        data = inflate.decompress(inflate.unconsumed_tail, _CHUNK)


def _whole_tags(path: str, pieces: Iterator[bytes], name: str) -> Iterator[bytes]:
    """Pieces cut after the last '>' so that no tag is split (a tag over 1 MB is refused)."""
    carry = b""
    for piece in pieces:
        data = carry + piece if carry else piece
        cut = data.rfind(b">") + 1
        carry = data[cut:]
        if len(carry) > _CARRY_MAX:
            _too_large(path, f"部件 {name[:QUOTE]} 中有一段超过 1 MB 的文字或标签")
        if cut:
            yield data[:cut]
    if carry:
        yield carry


def _scan_cells(path: str, fp: BinaryIO, info: zipfile.ZipInfo, extent: _Extent, *,
                count_strings: bool) -> None:
    """The quick pass: only cells outside A1:Z99999 (or written oddly) are looked at one by one;
    the others make the extent a bound (at most 99,999 rows, 26 columns)."""
    rows = columns = strings = 0
    plain = False
    for data in _whole_tags(path, _inflate(path, fp, info), info.filename):
        if _PREFIXED.search(data) is not None or count_strings and (
                b"t='s'" in data or b"t= " in data or b"t =" in data):
            _scan_cells_slowly(path, fp, info, extent)
            return
        for match in _ODD_CELL.finditer(data):
            ref = _CANONICAL.match(data, match.start())
            if ref is None:
                _scan_cells_slowly(path, fp, info, extent)
                return
            columns = max(columns, _column(ref.group(1).decode()))
            rows = max(rows, int(ref.group(2)))
        if not plain and b'<c r="' in data:
            plain = True
        if count_strings:
            strings += data.count(b't="s"')
    if plain:
        rows, columns = max(rows, 99_999), max(columns, 26)
        extent.exact = False
    extent.rows = max(extent.rows, rows)
    extent.columns = max(extent.columns, columns)
    extent.string_cells += strings


def _scan_cells_slowly(path: str, fp: BinaryIO, info: zipfile.ZipInfo, extent: _Extent) -> None:
    """Every row and cell tag in order, positions as the reader assigns them (a tag without
    `r` follows the previous one); any namespace prefix, quoting or spacing."""
    row = column = rows = columns = strings = 0
    for data in _whole_tags(path, _inflate(path, fp, info), info.filename):
        for tag in _TAG.finditer(data):
            attrs = tag.group(2)
            found = _R_ATTR.search(attrs)
            letters, digits = ("", "")
            if found is not None:
                text = html.unescape(found.group(2).decode("utf-8", "replace"))
                ref = _REF.fullmatch(text.strip())
                if ref is not None:
                    letters, digits = ref.groups()
            if tag.group(1) == b"row":
                row = int(digits) if digits else row + 1
                column = 0
                continue
            column = _column(letters) if letters else column + 1
            if digits:
                row = int(digits)
            rows, columns = max(rows, row, 1), max(columns, column)
            if _STRING_CELL.search(attrs) is not None:
                strings += 1
    extent.rows = max(extent.rows, rows)
    extent.columns = max(extent.columns, columns)
    extent.string_cells += strings


def _column(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
        if number > 1 << 40:
            break
    return number


def _shared_string_lengths(path: str, fp: BinaryIO, info: zipfile.ZipInfo) -> list[int]:
    """The length bound of each shared string in order: its XML size, or for long ones the exact
    number of characters; a string over MAX_CELL_CHARS is refused, quoted in part."""
    lengths: list[int] = []
    carry = b""
    first = True
    for piece in _inflate(path, fp, info):
        parts = (carry + piece).split(b"<si")
        carry = parts.pop()
        if len(carry) > _CARRY_MAX:
            _measure(path, carry)
        if first and parts:
            parts = parts[1:]  # the text before the first <si>
            first = False
        lengths.extend(_measure(path, part) if len(part) > MAX_CELL_CHARS else len(part)
                       for part in parts)
    if not first and carry:
        lengths.append(_measure(path, carry) if len(carry) > MAX_CELL_CHARS else len(carry))
    return lengths


def _measure(path: str, xml: bytes) -> int:
    """Characters of one shared string's text (its <t> elements); refused over the limit."""
    text = "".join(html.unescape(t.decode("utf-8", "replace")) for t in _SI_TEXT.findall(xml))
    if len(text) > MAX_CELL_CHARS or len(xml) > _CARRY_MAX:
        quoted = text[:QUOTE].replace("\n", " ") + ("…" if len(text) > QUOTE else "")
        _too_large(path, f"有单元格长达 {max(len(text), MAX_CELL_CHARS + 1):,} 字"
                         f"（“{quoted}”），上限 {MAX_CELL_CHARS:,} 字")
    return len(text)


def _shared_text(fp: BinaryIO, members: list[zipfile.ZipInfo], strings: list[zipfile.ZipInfo],
                 lengths: list[int]) -> int:
    """Characters that shared strings copy into cells, counted cell by cell (only when the quick
    bound, string cells x longest string, is over the limit)."""
    total = 0
    for m in members:
        if m in strings or m.is_dir():
            continue
        for data in _whole_tags("", _inflate("", fp, m), m.filename):
            for index in _SI_INDEX.findall(data):
                i = int(index)
                total += lengths[i] if i < len(lengths) else 0
            if total > MAX_TEXT:
                return total
    return total


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB" if size >= 1024 * 1024 else f"{size:,} 字节"


def _too_large(path: str, detail: str) -> None:
    raise ElderError("FILE_TOO_LARGE", path=path, detail=detail)
