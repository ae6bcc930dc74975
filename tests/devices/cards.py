"""Test cards: wz.txt in the encodings readers write, zp.bmp made by hand, valid IDs."""

from __future__ import annotations

import os
import struct
import time
from pathlib import Path

from elderdesk.domain.idcard import check_char


def make_id(birth: str, seq: str = "011", area: str = "420103") -> str:
    first17 = area + birth + seq
    return first17 + check_char(first17)


KNOWN_ID = make_id("19400312", "011")  # 张三丰, male
LINES = ["张三丰", "男", "汉", "19400312", "湖北省武汉市江汉区民意街道1号", KNOWN_ID,
         "武汉市公安局江汉分局", "20100101-长期"]


def card_lines(**changes: str) -> list[str]:
    keys = ("name", "sex", "nation", "birth", "address", "id", "authority", "validity")
    lines = list(LINES)
    for key, value in changes.items():
        lines[keys.index(key)] = value
    return lines


def wz_bytes(lines: list[str], encoding: str = "gbk", bom: bool = False,
             newline: str = "\r\n") -> bytes:
    text = newline.join(lines) + newline
    data = text.encode(encoding)
    if bom:
        data = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe",
                "utf-16-be": b"\xfe\xff"}[encoding] + data
    return data


def bmp_bytes(width: int = 102, height: int = 126) -> bytes:
    """A 24-bit BMP made by hand (the size of the chip photo)."""
    row = (width * 3 + 3) & ~3
    pixels = b"".join(bytes([200, 180, 160]) * width + b"\x00" * (row - width * 3)
                      for _ in range(height))
    header = struct.pack("<2sIHHI", b"BM", 54 + len(pixels), 0, 0, 54)
    dib = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, len(pixels), 2835, 2835, 0, 0)
    return header + dib + pixels


def put_card(folder: Path, data: bytes, photo: bytes | None = None, age: float = 0.0) -> Path:
    """Write wz.txt (and zp.bmp) as a vendor tool would, `age` seconds ago."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "wz.txt"
    path.write_bytes(data)
    when = time.time() - age
    os.utime(path, (when, when))
    if photo is not None:
        (folder / "zp.bmp").write_bytes(photo)
        os.utime(folder / "zp.bmp", (when, when))
    return path
