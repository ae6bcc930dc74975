"""ID numbers: cleaning, check character, 15→18, parse order of errors, masking."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from elderdesk.domain.errors import ElderError
from elderdesk.domain.idcard import (
    IdInfo,
    check_char,
    clean_id,
    convert15,
    expected_sex,
    mask_account,
    mask_id,
    parse_id,
    sex_from_text,
)
from elderdesk.domain.text import clean_text

TODAY = date(2026, 5, 20)


@pytest.mark.parametrize(
    "number", ["11010519491231002X", "440524188001010014", "11010119900307803X"]
)
def test_known_vectors_are_valid(number):
    assert check_char(number[:17]) == number[17]
    info = parse_id(number, TODAY)
    assert info.number == number and info.checksum_ok and not info.converted_from_15


def test_parse_id_fields():
    assert parse_id("11010519491231002x", TODAY) == IdInfo(
        number="11010519491231002X",
        birth_date=date(1949, 12, 31),
        sex="F",
        area_code="110105",
        converted_from_15=False,
        original="11010519491231002X",
    )
    assert parse_id("440524188001010014", TODAY).sex == "M"


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("  11010519491231002x\t", "11010519491231002X"),
        ("\u3000１１０１０５１９４９１２３１００２ｘ\r\n", "11010519491231002X"),
        ("'11010519491231002X", "11010519491231002X"),
        ("\u2018 11010519491231002X", "11010519491231002X"),
        ("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X"),
        (None, ""),
        (110105491231002.0, "110105491231002"),
    ],
)
def test_clean_id(raw, cleaned):
    assert clean_id(raw) == cleaned


def test_clean_text_keeps_inner_spaces_and_case():
    assert clean_text("  王 小x\n") == "王 小x"
    assert clean_text("ＡＢｃ") == "ABc"
    assert clean_text(date(1945, 3, 12)) == "1945-03-12"
    assert clean_text("  '  ") == ""


def test_convert15():
    assert convert15("110105491231002") == "11010519491231002X"
    info = parse_id("110105491231002", TODAY)
    assert info.converted_from_15 and info.original == "110105491231002"
    assert info.number == "11010519491231002X" and info.birth_date == date(1949, 12, 31)
    assert info.sex == expected_sex("110105491231002") == "F"
    with pytest.raises(ValueError):
        convert15("11010549123100")


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "ID_MISSING"),
        ("  \u3000", "ID_MISSING"),
        (None, "ID_MISSING"),
        ("1101051949123100", "ID_FORMAT"),  # 16 digits
        ("11010519491231002Y", "ID_FORMAT"),
        ("1101051949X231002X", "ID_FORMAT"),
        ("110105 19491231002X", "ID_FORMAT"),  # inner space stays
        ("11010519491332002X", "ID_BIRTHDATE"),  # month 13 (checked before the checksum)
        ("110105194902300021", "ID_BIRTHDATE"),  # 30 February
        ("110105202701010011", "ID_BIRTHDATE"),  # after today
        ("110105491332002", "ID_BIRTHDATE"),  # 15 digits, month 13
        ("110105194912310021", "ID_CHECKSUM"),
    ],
)
def test_parse_id_errors_in_order(raw, code):
    with pytest.raises(ElderError) as exc:
        parse_id(raw, TODAY)
    assert exc.value.code == code
    assert exc.value.message and "?" not in exc.value.message


def test_checksum_error_names_expected_and_override():
    with pytest.raises(ElderError) as exc:
        parse_id("110105194912310021", TODAY)
    assert exc.value.params == {"id": "110105194912310021", "expected": "X"}
    assert "应为 X" in exc.value.message
    info = parse_id("110105194912310021", TODAY, allow_bad_checksum=True)
    assert not info.checksum_ok and info.number == "110105194912310021"


def test_birth_date_today_is_fine():
    number = "110105" + TODAY.strftime("%Y%m%d") + "001"
    number += check_char(number)
    assert parse_id(number, TODAY).birth_date == TODAY


def test_masks():
    assert mask_id("420103194501011234") == "420103********1234"
    assert mask_account("6222020200112233") == "****2233"
    assert mask_account("") == ""
    assert mask_id("") == ""


def test_sex_from_text():
    assert [sex_from_text(t) for t in ("男", "男性", "女", "女性", "M", "")] == [
        "M",
        "M",
        "F",
        "F",
        None,
        None,
    ]


# --- properties --------------------------------------------------------------------------
birth_dates = st.dates(min_value=date(1800, 1, 1), max_value=TODAY)
areas = st.integers(min_value=110000, max_value=659999).map(str)
sequences = st.integers(min_value=0, max_value=999).map(lambda n: f"{n:03d}")


def _build(area: str, birth: date, seq: str) -> str:
    first17 = area + birth.strftime("%Y%m%d") + seq
    return first17 + check_char(first17)


@given(areas, birth_dates, sequences)
def test_any_real_birth_date_with_computed_check_is_valid(area, birth, seq):
    number = _build(area, birth, seq)
    info = parse_id(number, TODAY)
    assert info.birth_date == birth and info.number == number
    assert info.sex == ("M" if int(seq[2]) % 2 else "F")


@given(areas, birth_dates, sequences, st.integers(0, 17), st.integers(1, 9))
def test_any_single_digit_change_fails(area, birth, seq, position, delta):
    number = _build(area, birth, seq)
    chars = "0123456789X" if position == 17 else "0123456789"
    old = chars.index(number[position])
    changed = number[:position] + chars[(old + delta) % len(chars)] + number[position + 1 :]
    with pytest.raises(ElderError) as exc:
        parse_id(changed, TODAY)
    assert exc.value.code in {"ID_CHECKSUM", "ID_BIRTHDATE"}


@given(st.dates(min_value=TODAY + timedelta(days=1), max_value=date(9999, 12, 31)), areas)
def test_future_birth_dates_fail(birth, area):
    with pytest.raises(ElderError) as exc:
        parse_id(_build(area, birth, "001"), TODAY)
    assert exc.value.code == "ID_BIRTHDATE"
