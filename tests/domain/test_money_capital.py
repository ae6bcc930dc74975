"""Amounts in capitals (大写金额) as receipts, forms and rosters print them."""

from __future__ import annotations

import random

import pytest

from elderdesk.domain.money import fen_to_capital

CASES = {
    0: "零元整",
    1: "壹分",
    10: "壹角",
    11: "壹角壹分",
    100: "壹元整",
    105: "壹元零伍分",
    150: "壹元伍角",
    600: "陆元整",
    1000: "壹拾元整",
    1005: "壹拾元零伍分",
    1200: "壹拾贰元整",
    1250: "壹拾贰元伍角",
    10000: "壹佰元整",
    10100: "壹佰零壹元整",
    101000: "壹仟零壹拾元整",
    100500: "壹仟零伍元整",
    1000000: "壹万元整",
    1000100: "壹万零壹元整",
    1010000: "壹万零壹佰元整",
    10000000: "壹拾万元整",
    10000100: "壹拾万零壹元整",
    100100000: "壹佰万壹仟元整",
    100010000: "壹佰万零壹佰元整",
    123456789: "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分",
    10000000000: "壹亿元整",
    10000000100: "壹亿零壹元整",
    10010000000: "壹亿零壹拾万元整",
}


@pytest.mark.parametrize(("fen", "words"), CASES.items())
def test_known_amounts(fen: int, words: str) -> None:
    assert fen_to_capital(fen) == words


_DIGIT = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_UNIT = {"拾": 10, "佰": 100, "仟": 1000}


def _section(text: str) -> int:
    """A part below 万 back to a number (零 only separates)."""
    total, digit = 0, 0
    for ch in text:
        if ch in _UNIT:
            total += digit * _UNIT[ch]
            digit = 0
        elif ch != "零":
            digit = _DIGIT[ch]
    return total + digit


def read_capital(words: str) -> int:
    """Capitals back to fen: an independent reading used to check every written amount."""
    assert words.endswith(("整", "角", "分")), words
    yuan_part, _, rest = words.partition("元")
    if not _:
        yuan_part, rest = "", words
    yuan = 0
    for unit, factor in (("亿", 10 ** 8), ("万", 10 ** 4)):
        if unit in yuan_part:
            head, yuan_part = yuan_part.split(unit, 1)
            yuan += _section(head) * factor
    yuan += _section(yuan_part)
    jiao = _DIGIT[rest[rest.index("角") - 1]] if "角" in rest else 0
    fen = _DIGIT[rest[rest.index("分") - 1]] if "分" in rest else 0
    return yuan * 100 + jiao * 10 + fen


def test_every_amount_reads_back() -> None:
    rng = random.Random(16)
    amounts = list(range(0, 3000)) + [rng.randrange(10 ** rng.randint(3, 13)) for _ in range(20000)]
    for fen in amounts:
        words = fen_to_capital(fen)
        assert read_capital(words) == fen, (fen, words)
        assert "零零" not in words and not words.startswith("零" if fen else "x")
        assert words.endswith("整") == (fen % 100 == 0)


def test_refused_amounts() -> None:
    with pytest.raises(ValueError):
        fen_to_capital(-1)
    with pytest.raises(ValueError):
        fen_to_capital(10 ** 18)  # beyond 万亿: no unit for it
