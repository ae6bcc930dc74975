"""Exact money: yuan text to integer fen and back, plus Chinese amount formatting."""

from __future__ import annotations

import re
import unicodedata

from elderdesk.domain.errors import ElderError

_YUAN_RE = re.compile(r"^([0-9]{1,12})(?:\.([0-9]{1,2}))?$")
_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿", "万亿")


def parse_yuan(text: str | int) -> int:
    """'100', '100.5', '100.50' or an int number of yuan -> fen; INVALID_AMOUNT otherwise."""
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        raise ElderError("INVALID_AMOUNT", value=text)
    if isinstance(text, int):
        if text < 0 or text >= 10**12:
            raise ElderError("INVALID_AMOUNT", value=text)
        return text * 100
    m = _YUAN_RE.match(unicodedata.normalize("NFKC", text).strip())
    if not m:
        raise ElderError("INVALID_AMOUNT", value=text)
    cents = (m.group(2) or "").ljust(2, "0")
    return int(m.group(1)) * 100 + int(cents)


def fen_to_str(fen: int, grouping: bool = False) -> str:
    """12345 -> '123.45' (with grouping: '1,234.56'); negative amounts keep a leading '-'."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    whole = f"{yuan:,}" if grouping else str(yuan)
    return f"{sign}{whole}.{cents:02d}"


def fen_to_zh(fen: int) -> str:
    """12345 -> '123.45 元', as screens and explanations print amounts."""
    return f"{fen_to_str(fen)} 元"


def _group_upper(n: int) -> str:
    """0 < n < 10000 in capital numerals, zeros collapsed, trailing zeros dropped."""
    out: list[str] = []
    zero = False
    for pos in range(3, -1, -1):
        d = n // 10**pos % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_DIGITS[d] + _UNITS[pos])
    return "".join(out)


def fen_to_capital(fen: int) -> str:
    """Capital amount for forms (大写): 100500 -> '壹仟零伍元整', 1005 -> '壹拾元零伍分'."""
    if fen < 0:
        raise ValueError("negative amount")
    yuan, cents = divmod(fen, 100)
    if yuan >= 10 ** (4 * len(_GROUPS)):
        raise ValueError("amount too large for capitals")
    jiao, fen_digit = divmod(cents, 10)
    parts: list[str] = []
    groups = []
    while yuan:
        yuan, g = divmod(yuan, 10000)
        groups.append(g)
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            continue
        if parts and (g < 1000 or groups[i + 1] == 0) and parts[-1] != "零":
            parts.append("零")
        parts.append(_group_upper(g) + _GROUPS[i])
    text = "".join(parts)
    if text:
        text += "元"
    if jiao == 0 and fen_digit == 0:
        return (text or "零元") + "整"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif text:
        text += "零"
    if fen_digit:
        text += _DIGITS[fen_digit] + "分"
    return text
