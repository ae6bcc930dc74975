"""Card rules as data (elderdesk.domain.cards): eligibility, types by age, numbers, fees."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from elderdesk.domain.cards import (
    RULE_SETTINGS,
    CardRules,
    Holder,
    check_offset,
    check_person,
    check_rule,
    parse_calibration,
    rules_from_settings,
    upgrade_due,
)
from elderdesk.domain.errors import ElderError
from elderdesk.domain.months import Month

WUHAN = CardRules()


def refusal(who: Holder, on: date, rules: CardRules = WUHAN) -> str | None:
    try:
        check_person(rules, who, on)
    except ElderError as exc:
        return exc.code
    return None


def holder(birth: str = "1966-07-15", **kw) -> Holder:  # type: ignore[no-untyped-def]
    return Holder("王秀英", "420103196607150120", date.fromisoformat(birth), **kw)


def test_registration_opens_two_months_before_the_birth_month():
    who = holder("1966-07-15")
    assert refusal(who, date(2026, 4, 30)) == "CARD_TOO_YOUNG"
    assert refusal(who, date(2026, 5, 1)) is None
    assert WUHAN.earliest(who.birth_date) == Month(2026, 5)
    january = holder("1966-01-31")
    assert WUHAN.earliest(january.birth_date) == Month(2025, 11)
    assert refusal(january, date(2025, 10, 31)) == "CARD_TOO_YOUNG"
    assert refusal(january, date(2025, 11, 1)) is None


def test_too_young_names_the_earliest_month():
    with pytest.raises(ElderError) as e:
        check_person(WUHAN, holder("1966-07-15"), date(2026, 1, 10))
    assert e.value.exit_status == 4
    assert "2026年5月" in e.value.message and "60" in e.value.message


@given(st.dates(date(1900, 1, 1), date(2020, 12, 31)), st.dates(date(1950, 1, 1), date(2090, 12, 31)))
def test_eligible_exactly_from_the_earliest_month(birth, on):
    who = Holder("甲", "x", birth)
    assert (refusal(who, on) is None) == (Month.of(on) >= WUHAN.earliest(birth))


def test_types_by_age_blue_then_red_at_65():
    assert WUHAN.type_for(59) is None
    assert [WUHAN.type_for(a) for a in (60, 64, 65, 99)] == ["blue", "blue", "red", "red"]
    birth = date(1961, 7, 15)  # 65 in July 2026; may re-apply from May
    assert not upgrade_due(WUHAN, "blue", birth, date(2026, 4, 30))
    assert upgrade_due(WUHAN, "blue", birth, date(2026, 5, 1))
    assert not upgrade_due(WUHAN, "red", birth, date(2026, 5, 1))


def test_deceased_moved_out_and_residence_refusals():
    assert refusal(holder(status="deceased", death_date=date(2026, 1, 1)),
                   date(2026, 8, 1)) == "PERSON_DECEASED"
    assert refusal(holder(status="moved_out", moved_out_on=date(2026, 1, 1)),
                   date(2026, 8, 1)) == "PERSON_MOVED_OUT"
    on = date(2026, 8, 1)
    assert refusal(holder(household_type="nonlocal"), on) == "CARD_NOT_LOCAL"
    assert refusal(holder(household_type="nonlocal",
                          residence_permit_expiry=date(2026, 7, 31)), on) == "CARD_NOT_LOCAL"
    assert refusal(holder(household_type="nonlocal", residence_permit_expiry=on), on) is None
    assert refusal(holder(household_type="local"), on) is None
    assert refusal(holder(household_type=None), on) is None  # not recorded: never guessed


def test_household_is_never_guessed_from_the_id_area_code():
    beijing = Holder("李四", "110101196607150111", date(1966, 7, 15))
    assert refusal(beijing, date(2026, 8, 1)) is None


def test_fee_table_in_fen():
    assert WUHAN.fee("new", 0) == 0
    assert WUHAN.fee("lost", 0) == 600
    assert WUHAN.fee("damaged", 1) == 1200
    assert WUHAN.fee("lost", 3) == 1200
    assert WUHAN.fee("upgrade", 2) == 0
    assert WUHAN.fee("correction", 2) == 0


def test_card_numbers_region_year_sequence():
    assert WUHAN.card_number("420103", 2026, 1) == "4201032026000001"
    assert WUHAN.card_number("420103", 2026, 999999) == "4201032026999999"
    with pytest.raises(ElderError) as e:
        WUHAN.card_number("420103", 2026, 1_000_000)
    assert e.value.code == "CARD_NUMBERS_EXHAUSTED" and e.value.exit_status == 4
    custom = CardRules(number_prefix="WH-{year}-", number_digits=5)
    assert custom.card_number("420103", 2027, 42) == "WH-2027-00042"


def test_rules_from_settings_defaults_and_round_trip():
    assert rules_from_settings({}) == WUHAN
    assert rules_from_settings(WUHAN.to_settings()) == WUHAN
    beijing_like = rules_from_settings({"card.types": "60:blue, 70:red", "card.min_age": "60",
                                        "card.fee.reissue": "1000"})
    assert beijing_like.type_for(69) == "blue" and beijing_like.type_for(70) == "red"
    assert beijing_like.fee_reissue == 1000
    assert set(WUHAN.to_settings()) == set(RULE_SETTINGS)


@pytest.mark.parametrize("key, value", [
    ("card.types", "60:green"), ("card.types", "65:red,60:blue"), ("card.types", "60"),
    ("card.number_prefix", "{region}/{year}"), ("card.number_digits", "2"),
    ("card.min_age", "abc"), ("card.fee.reissue", "-5"), ("card.advance_months", "13"),
])
def test_bad_rules_are_refused(key, value):
    with pytest.raises(ElderError) as e:
        check_rule(key, value)
    assert e.value.code == "CARD_RULE_INVALID" and e.value.exit_status == 2


def test_unknown_rule_key():
    with pytest.raises(ElderError) as e:
        check_rule("card.colour", "blue")
    assert e.value.code == "CARD_RULE_UNKNOWN"


def test_calibration_table_and_offsets():
    assert parse_calibration('{"HP": [1.5, -0.5], "": [0, 0.2]}') == {"HP": (1.5, -0.5),
                                                                       "": (0.0, 0.2)}
    assert parse_calibration("not json") == {} == parse_calibration(None)
    assert check_offset("X", -1.234) == -1.23
    for bad in (20.5, -21, float("nan")):
        with pytest.raises(ElderError):
            check_offset("X", bad)
