"""Card fields as the readers write them: text decoding, sex and nation codes (GB 3304), dates,
validity, and the eight lines of `wz.txt` (devices.md)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from elderdesk.devices.base import CardData
from elderdesk.domain.errors import ElderError
from elderdesk.domain.idcard import clean_id

# GB 3304-1991 codes of the nationalities (97/98 are the standard's "other" codes).
NATIONS = {
    "01": "汉", "02": "蒙古", "03": "回", "04": "藏", "05": "维吾尔", "06": "苗", "07": "彝",
    "08": "壮", "09": "布依", "10": "朝鲜", "11": "满", "12": "侗", "13": "瑶", "14": "白",
    "15": "土家", "16": "哈尼", "17": "哈萨克", "18": "傣", "19": "黎", "20": "傈僳", "21": "佤",
    "22": "畲", "23": "高山", "24": "拉祜", "25": "水", "26": "东乡", "27": "纳西", "28": "景颇",
    "29": "柯尔克孜", "30": "土", "31": "达斡尔", "32": "仫佬", "33": "羌", "34": "布朗",
    "35": "撒拉", "36": "毛南", "37": "仡佬", "38": "锡伯", "39": "阿昌", "40": "普米",
    "41": "塔吉克", "42": "怒", "43": "乌孜别克", "44": "俄罗斯", "45": "鄂温克", "46": "德昂",
    "47": "保安", "48": "裕固", "49": "京", "50": "塔塔尔", "51": "独龙", "52": "鄂伦春",
    "53": "赫哲", "54": "门巴", "55": "珞巴", "56": "基诺", "97": "其他", "98": "外国血统中国籍人士",
}
_NATION_NAMES = frozenset(NATIONS.values())
FIELD_NAMES = ("姓名", "性别", "民族", "出生日期", "住址", "公民身份号码", "签发机关", "有效期限")
LONG_TERM = "长期"
_VALIDITY = re.compile(r"^(\d{8})-(\d{8}|长期)$")
# C0/C1 controls, bidi controls, surrogates: never from a real chip, and unsafe on a terminal
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def incomplete(detail: str) -> ElderError:
    return ElderError("READER_CARD_INCOMPLETE", detail=detail)


def invalid(detail: str) -> ElderError:
    return ElderError("READER_CARD_INVALID", detail=detail)


def decode_text(data: bytes, what: str = "wz.txt") -> str:
    """A byte-order mark decides; else UTF-16LE when the bytes hold a zero byte; else GBK (read
    as GB 18030, its superset). A text cut in the middle of a character is incomplete."""
    if not data.strip(b"\x00 \t\r\n"):
        raise incomplete(f"{what} 是空的")
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" not in data.rstrip(b"\x00"):
        data = data.rstrip(b"\x00")  # GBK text in a file padded (or preallocated) with zeros
    if encoding is None:
        encoding = "utf-16-le" if b"\x00" in data else "gb18030"
    if encoding == "utf-8-sig":
        body = data
    else:
        body = data[2:] if encoding != "gb18030" and data[:2] in (b"\xff\xfe", b"\xfe\xff") else data
    if encoding.startswith("utf-16") and len(body) % 2:
        raise incomplete(f"{what} 在半个字处中断（文件可能还没写完）")
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.end >= len(body) - 1:  # the last character is cut: the writer was not done
            raise incomplete(f"{what} 在半个字处中断（文件可能还没写完）") from None
        raise invalid(f"{what} 的文字编码无法识别（既不是 GBK 也不是 UTF-16）") from None


def clean_field(text: str) -> str:
    """A field as drivers pad it: NULs, spaces (also full-width) around it removed."""
    return text.replace("\x00", "").strip(" \t\r\n\u3000")


def sex_code(text: str) -> str:
    value = clean_field(text)
    found = {"男": "M", "女": "F", "1": "M", "2": "F", "男性": "M", "女性": "F"}.get(value)
    if found is None:
        raise invalid(f"性别“{value}”不是 男/女 或 1/2")
    return found


def nation_name(text: str) -> str:
    """A GB 3304 code (1 or 2 digits) or a name (with or without 族) → the name."""
    value = clean_field(text)
    if value.isascii() and value.isdigit():
        name = NATIONS.get(value.zfill(2))
        if name is None:
            raise invalid(f"民族代码“{value}”不在 GB 3304 中")
        return name
    if not value:
        raise invalid("民族为空")
    if value not in _NATION_NAMES and value.endswith("族") and value[:-1] in _NATION_NAMES:
        return value[:-1]
    return value[:20]


def parse_day(text: str, label: str) -> date:
    value = clean_field(text).replace(".", "")
    if len(value) != 8 or not value.isascii() or not value.isdigit():
        raise invalid(f"{label}“{value}”不是 YYYYMMDD 格式的日期")
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        raise invalid(f"{label}“{value}”不是有效日期") from None


def parse_validity(text: str) -> tuple[date, date | None]:
    """`YYYYMMDD-YYYYMMDD` or `YYYYMMDD-长期` (None: no end date)."""
    value = clean_field(text).replace(".", "")
    match = _VALIDITY.match(value)
    if match is None:
        if re.fullmatch(r"\d{0,8}(-(\d{0,7}|长?))?", value):  # a prefix of a good value
            raise incomplete(f"有效期限“{value}”不完整（文件可能还没写完）")
        raise invalid(f"有效期限“{value}”应为 YYYYMMDD-YYYYMMDD 或 YYYYMMDD-长期")
    start = parse_day(match.group(1), "有效期限起始日期")
    end = None if match.group(2) == LONG_TERM else parse_day(match.group(2), "有效期限截止日期")
    if end is not None and end < start:
        raise invalid(f"有效期限“{value}”的截止日期早于起始日期")
    return start, end


def card_from_fields(fields: Sequence[str], photo: bytes | None = None,
                     photo_format: str | None = None, notes: tuple[str, ...] = ()) -> CardData:
    """The eight fields in wz.txt's order (name, sex, nation, birth, address, ID, authority,
    validity) → CardData. Fewer or empty fields: READER_CARD_INCOMPLETE."""
    values = [clean_field(f) for f in fields]
    for label, value in zip(FIELD_NAMES, values, strict=False):
        if _UNSAFE.search(value):
            raise invalid(f"{label}含有控制字符")
    if len(values) < len(FIELD_NAMES):
        raise incomplete(f"只有 {len(values)} 项，应有 {len(FIELD_NAMES)} 项（"
                         + "、".join(FIELD_NAMES) + "）")
    for label, value in zip(FIELD_NAMES, values, strict=False):
        if not value:
            raise incomplete(f"{label}为空")
    valid_from, valid_to = parse_validity(values[7])
    return CardData(
        name=values[0][:40], sex=sex_code(values[1]), nation=nation_name(values[2]),
        birth_date=parse_day(values[3], "出生日期"), address=values[4][:120],
        id_number=clean_id(values[5])[:40], authority=values[6][:60],
        valid_from=valid_from, valid_to=valid_to, photo=photo, photo_format=photo_format,
        notes=notes)


def parse_wz(data: bytes, photo: bytes | None = None) -> CardData:
    """The bytes of a wz.txt (one field a line) → CardData."""
    text = decode_text(data)
    lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not clean_field(lines[-1]):
        lines.pop()
    if len(lines) < len(FIELD_NAMES):
        raise incomplete(f"wz.txt 只有 {len(lines)} 行，应有 {len(FIELD_NAMES)} 行（"
                         + "、".join(FIELD_NAMES) + "），文件可能还没写完")
    return card_from_fields(lines[:len(FIELD_NAMES)], photo, "bmp" if photo else None)


def is_bmp(data: bytes | None) -> bool:
    """A plausible Windows bitmap: 'BM', the size field not beyond the data, a DIB header."""
    if not data or len(data) < 26 or data[:2] != b"BM":
        return False
    size = int.from_bytes(data[2:6], "little")
    offset = int.from_bytes(data[10:14], "little")
    return offset < len(data) and (size == 0 or size <= len(data))
