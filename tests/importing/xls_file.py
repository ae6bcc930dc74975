"""A minimal BIFF8 .xls writer for tests, since no .xls writer is installed (xlwt is not)."""

# One sheet of text, numbers and dates in an OLE2 compound file: enough for python-calamine.

from __future__ import annotations

import struct
from datetime import date
from pathlib import Path

_SECTOR = 512
_END, _FREE, _FATSECT, _NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
_EXCEL_EPOCH = date(1899, 12, 30)


def _record(kind: int, data: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _bof(kind: int) -> bytes:
    return _record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 6))


def _cell(row: int, col: int, value: object) -> bytes:
    if isinstance(value, date):  # XF 1 has the built-in date format 14
        serial = float((value - _EXCEL_EPOCH).days)
        return _record(0x0203, struct.pack("<HHHd", row, col, 1, serial))
    if isinstance(value, int | float):
        return _record(0x0203, struct.pack("<HHHd", row, col, 0, float(value)))
    text = str(value).encode("utf-16-le")
    return _record(0x0204, struct.pack("<HHHHB", row, col, 0, len(text) // 2, 1) + text)


def _workbook_stream(sheet: str, rows: list[list[object]]) -> bytes:
    name = sheet.encode("utf-16-le")
    xf_general = _record(0x00E0, struct.pack("<HH", 0, 0) + bytes(16))
    xf_date = _record(0x00E0, struct.pack("<HH", 0, 14) + bytes(16))
    head = _bof(0x0005) + _record(0x0042, struct.pack("<H", 1200)) + xf_general + xf_date

    def boundsheet(offset: int) -> bytes:
        return _record(0x0085, struct.pack("<IBBBB", offset, 0, 0, len(name) // 2, 1) + name)

    globals_ = head + boundsheet(0) + _record(0x000A)
    width = max((len(r) for r in rows), default=0)
    body = _bof(0x0010) + _record(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, width, 0))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                body += _cell(r, c, value)
    body += _record(0x000A)
    stream = head + boundsheet(len(globals_)) + _record(0x000A) + body
    return stream + bytes(max(0, 4096 - len(stream)))  # no mini stream below 4096 bytes


def _dir_entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        encoded,
        len(encoded),
        kind,
        1,
        _NOSTREAM,
        _NOSTREAM,
        child,
        bytes(16),
        0,
        0,
        0,
        start,
        size,
    )


def write_xls(path: Path, rows: list[list[object]], sheet: str = "Sheet1") -> Path:
    """Write `rows` from A1 (None = empty cell) as a one-sheet BIFF8 workbook."""
    stream = _workbook_stream(sheet, rows)
    stream += bytes(-len(stream) % _SECTOR)
    n = len(stream) // _SECTOR
    if n + 2 > _SECTOR // 4:
        raise ValueError("too big for one FAT sector")
    fat = [_FATSECT, _END] + [2 + i + 1 for i in range(n - 1)] + [_END]
    fat += [_FREE] * (_SECTOR // 4 - len(fat))
    directory = (
        _dir_entry("Root Entry", 5, 1, _END, 0)
        + _dir_entry("Workbook", 2, _NOSTREAM, 2, len(stream))
        + _dir_entry("", 0, _NOSTREAM, 0, 0) * 2
    )
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        bytes.fromhex("D0CF11E0A1B11AE1"),
        bytes(16),
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        bytes(6),
        0,
        1,
        1,
        0,
        0x1000,
        _END,
        0,
        _END,
        0,
    ) + struct.pack("<109I", 0, *([_FREE] * 108))
    path.write_bytes(header + struct.pack("<128I", *fat) + directory + stream)
    return path
