"""Tests for money helpers and the allowance policy (parsing, refusals, bands, round trips)."""

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elderdesk.domain.errors import ElderError
from elderdesk.domain.money import fen_to_capital, fen_to_str, fen_to_zh, parse_yuan
from elderdesk.domain.months import Month
from elderdesk.domain.policy import (
    Band,
    Policy,
    PolicyVersion,
    parse_policy_toml,
    policy_to_json,
    policy_to_toml,
)

POLICIES = Path(__file__).resolve().parents[2] / "resources" / "policies"

# The example of docs/cli.md, "Policy file (TOML)".
EXAMPLE = """\
start = "next_month"          # birth_month | next_month
backpay = "eligibility"       # eligibility | application_month | after_application
backpay_floor = "2018-01"     # optional
death_stop = "next_month"     # next_month | same_month
life_cert_months = 3          # 0 = none
period = "quarter"            # month | quarter

[[version]]
effective = "2018-01"
bands = [
  { min_age = 80, max_age = 89, monthly = "100" },
  { min_age = 90, max_age = 99, monthly = "200" },
  { min_age = 100, monthly = "500" },
]
"""

TWO_VERSIONS = (
    EXAMPLE
    + """
[[version]]
effective = "2026-08"
bands = [
  { min_age = 80, max_age = 89, monthly = 120 },
  { min_age = 90, max_age = 99, monthly = "250.50" },
  { min_age = 100, monthly = "600" },
]
"""
)


def refusal(text: str) -> ElderError:
    with pytest.raises(ElderError) as exc:
        parse_policy_toml(text)
    assert exc.value.code == "POLICY_INVALID"
    assert exc.value.exit_status == 2
    return exc.value


# --- money ---------------------------------------------------------------------------


class TestMoney:
    @pytest.mark.parametrize(
        ("text", "fen"),
        [
            ("100", 10000),
            ("100.5", 10050),
            ("100.50", 10050),
            ("0.01", 1),
            (" 7 ", 700),
            ("１００．５", 10050),
            (250, 25000),
            (0, 0),
            ("0", 0),
            ("999999999999.99", 99999999999999),
        ],
    )
    def test_parse_yuan(self, text, fen):
        assert parse_yuan(text) == fen
        assert isinstance(parse_yuan(text), int)

    @pytest.mark.parametrize(
        "bad",
        [
            "100.505",
            "-1",
            "1e2",
            "",
            " ",
            "100.",
            ".5",
            "1,000",
            "abc",
            "100元",
            "nan",
            100.0,
            True,
            None,
            -5,
            "1000000000000",
        ],
    )
    def test_parse_yuan_refuses(self, bad):
        with pytest.raises(ElderError) as exc:
            parse_yuan(bad)
        assert exc.value.code == "INVALID_AMOUNT"
        assert exc.value.exit_status == 2

    @pytest.mark.parametrize(
        ("fen", "text"),
        [(10000, "100.00"), (5, "0.05"), (0, "0.00"), (10050, "100.50"), (-250, "-2.50")],
    )
    def test_fen_to_str(self, fen, text):
        assert fen_to_str(fen) == text

    def test_fen_to_str_grouping_and_zh(self):
        assert fen_to_str(123456789, grouping=True) == "1,234,567.89"
        assert fen_to_zh(10000) == "100.00 元"

    @given(st.integers(min_value=0, max_value=10**14 - 1))
    def test_str_round_trip(self, fen):
        assert parse_yuan(fen_to_str(fen)) == fen

    @pytest.mark.parametrize(
        ("fen", "text"),
        [
            (10000, "壹佰元整"),
            (50000, "伍佰元整"),
            (100520, "壹仟零伍元贰角"),
            (1005, "壹拾元零伍分"),
            (1000000, "壹万元整"),
            (10001000, "壹拾万零壹拾元整"),
            (10000000000, "壹亿元整"),
            (10000000100, "壹亿零壹元整"),
            (10000100000, "壹亿零壹仟元整"),
            (123456789, "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"),
            (50, "伍角"),
            (5, "伍分"),
            (0, "零元整"),
        ],
    )
    def test_fen_to_capital(self, fen, text):
        assert fen_to_capital(fen) == text


# --- parsing -------------------------------------------------------------------------


def test_parse_cli_example():
    p = parse_policy_toml(EXAMPLE)
    assert p.start == "next_month"
    assert p.backpay == "eligibility"
    assert p.backpay_floor == Month(2018, 1)
    assert p.death_stop == "next_month"
    assert p.life_cert_months == 3
    assert p.period == "quarter"
    assert p.versions == (
        PolicyVersion(
            Month(2018, 1),
            (Band(80, 89, 10000), Band(90, 99, 20000), Band(100, None, 50000)),
        ),
    )


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("start", "birth_month"),
        ("start", "next_month"),
        ("backpay", "eligibility"),
        ("backpay", "application_month"),
        ("backpay", "after_application"),
        ("death_stop", "next_month"),
        ("death_stop", "same_month"),
        ("period", "month"),
        ("period", "quarter"),
    ],
)
def test_every_setting_value_is_accepted(key, value):
    text = "\n".join(
        f'{key} = "{value}"' if line.startswith(f"{key} ") else line
        for line in EXAMPLE.splitlines()
    )
    assert getattr(parse_policy_toml(text), key) == value


@pytest.mark.parametrize("months", [0, 1, 3, 12])
def test_life_cert_months_values(months):
    text = EXAMPLE.replace("life_cert_months = 3", f"life_cert_months = {months}")
    assert parse_policy_toml(text).life_cert_months == months


def test_backpay_floor_is_optional():
    text = EXAMPLE.replace('backpay_floor = "2018-01"     # optional\n', "")
    assert parse_policy_toml(text).backpay_floor is None


def test_monthly_string_or_integer_with_decimals():
    p = parse_policy_toml(TWO_VERSIONS)
    new = p.versions[1]
    assert [b.monthly for b in new.bands] == [12000, 25050, 60000]


def test_versions_sorted_whatever_the_file_order():
    later_first = TWO_VERSIONS.split("[[version]]")
    text = later_first[0] + "[[version]]" + later_first[2] + "\n[[version]]" + later_first[1]
    p = parse_policy_toml(text)
    assert [v.effective for v in p.versions] == [Month(2018, 1), Month(2026, 8)]


def test_gaps_between_bands_are_allowed_and_max_age_is_inclusive():
    text = EXAMPLE.replace(
        '{ min_age = 90, max_age = 99, monthly = "200" }',
        '{ min_age = 95, max_age = 99, monthly = "200" }',
    )
    p = parse_policy_toml(text)
    birth = date(1930, 6, 1)
    assert p.band_for(birth, Month(2019, 7)).label == "80–89"  # 89 in the month before
    assert p.band_for(birth, Month(2020, 7)) is None  # 90 (next_month): in the gap
    assert p.band_for(birth, Month(2025, 7)).label == "95–99"


def test_bands_sorted_by_min_age():
    text = EXAMPLE.replace(
        """  { min_age = 80, max_age = 89, monthly = "100" },
  { min_age = 90, max_age = 99, monthly = "200" },""",
        """  { min_age = 90, max_age = 99, monthly = "200" },
  { min_age = 80, max_age = 89, monthly = "100" },""",
    )
    assert [b.min_age for b in parse_policy_toml(text).versions[0].bands] == [80, 90, 100]


# --- refusals ------------------------------------------------------------------------


def test_syntax_error_names_the_line():
    text = EXAMPLE.replace('death_stop = "next_month"', "death_stop = next_month")
    err = refusal(text)
    assert err.params["where"] == "第 4 行"
    assert "第 4 行" in err.message


def test_float_monthly_refused_with_key_path():
    text = TWO_VERSIONS.replace("monthly = 120", "monthly = 120.0")
    err = refusal(text)
    assert err.params["where"] == "version[2].bands[1].monthly"
    assert "version[2].bands[1].monthly" in err.message


@pytest.mark.parametrize(
    "value",
    ['"100.505"', '"-100"', '"0"', "0", '"abc"', "true", "[100]", '"1e2"'],
)
def test_bad_monthly_refused(value):
    err = refusal(EXAMPLE.replace('monthly = "200"', f"monthly = {value}"))
    assert err.params["where"] == "version[1].bands[2].monthly"


@pytest.mark.parametrize("key", ["start", "backpay", "death_stop", "life_cert_months", "period"])
def test_every_required_top_level_key(key):
    text = "\n".join(line for line in EXAMPLE.splitlines() if not line.startswith(f"{key} "))
    assert refusal(text).params["where"] == key


def test_version_required():
    assert refusal(EXAMPLE.split("[[version]]")[0]).params["where"] == "version"
    assert refusal(EXAMPLE.split("[[version]]")[0] + "version = []").params["where"] == "version"


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ('start = "next_month"', 'start = "birthday"', "start"),
        ('backpay = "eligibility"', 'backpay = "always"', "backpay"),
        ('death_stop = "next_month"', 'death_stop = "never"', "death_stop"),
        ('period = "quarter"', 'period = "year"', "period"),
        ("life_cert_months = 3", "life_cert_months = -1", "life_cert_months"),
        ("life_cert_months = 3", "life_cert_months = 1.5", "life_cert_months"),
        ("life_cert_months = 3", "life_cert_months = true", "life_cert_months"),
        ('backpay_floor = "2018-01"', 'backpay_floor = "2018-13"', "backpay_floor"),
        ('backpay_floor = "2018-01"', 'backpay_floor = "2018-1"', "backpay_floor"),
        ('backpay_floor = "2018-01"', "backpay_floor = 2018-01-01", "backpay_floor"),
        ('effective = "2018-01"', 'effective = "2018"', "version[1].effective"),
        ("min_age = 80, max_age = 89", "min_age = 80, max_age = 79", "version[1].bands[1].max_age"),
        ("min_age = 80, max_age = 89", "min_age = -1, max_age = 89", "version[1].bands[1].min_age"),
        (
            "min_age = 80, max_age = 89",
            "min_age = 80.5, max_age = 89",
            "version[1].bands[1].min_age",
        ),
        ("min_age = 80, max_age = 89, ", "max_age = 89, ", "version[1].bands[1].min_age"),
        ('{ min_age = 100, monthly = "500" }', "{ min_age = 100 }", "version[1].bands[3].monthly"),
        ("bands = [", "bandz = [", "version[1].bandz"),
        ("[[version]]", "[[version]]\nnote = 1", "version[1].note"),
        ("min_age = 100,", "min_age = 100, colour = 'red',", "version[1].bands[3].colour"),
        ('period = "quarter"', 'period = "quarter"\nregion = "420103"', "region"),
    ],
)
def test_refusals_name_the_key_path(old, new, where):
    assert old in EXAMPLE
    err = refusal(EXAMPLE.replace(old, new, 1))
    assert err.params["where"] == where
    assert where in err.message


def test_empty_bands_refused():
    text = EXAMPLE.split("bands = [")[0] + "bands = []\n"
    assert refusal(text).params["where"] == "version[1].bands"


@pytest.mark.parametrize(
    ("bands", "where"),
    [
        (
            '{ min_age = 80, max_age = 90, monthly = "1" }, { min_age = 90, monthly = "2" }',
            "version[1].bands[2]",
        ),  # max_age is inclusive: 90 is in both
        (
            '{ min_age = 80, monthly = "1" }, { min_age = 90, monthly = "2" }',
            "version[1].bands[2]",
        ),  # an open band must be the last
        (
            '{ min_age = 90, monthly = "2" }, { min_age = 80, max_age = 95, monthly = "1" }',
            "version[1].bands[2]",
        ),
        (
            '{ min_age = 80, max_age = 89, monthly = "1" }, '
            '{ min_age = 85, max_age = 86, monthly = "2" }',
            "version[1].bands[2]",
        ),
    ],
)
def test_overlaps_refused(bands, where):
    text = (
        EXAMPLE.split("[[version]]")[0] + f'[[version]]\neffective = "2018-01"\nbands = [{bands}]\n'
    )
    assert refusal(text).params["where"] == where


def test_adjacent_bands_do_not_overlap():
    text = EXAMPLE.split("[[version]]")[0] + (
        '[[version]]\neffective = "2018-01"\n'
        'bands = [{ min_age = 80, max_age = 89, monthly = "1" }, { min_age = 90, monthly = "2" }]\n'
    )
    assert len(parse_policy_toml(text).versions[0].bands) == 2


def test_duplicate_effective_refused():
    text = TWO_VERSIONS.replace('effective = "2026-08"', 'effective = "2018-01"')
    assert refusal(text).params["where"] == "version[2].effective"


def test_version_as_plain_table_refused():
    text = EXAMPLE.replace("[[version]]", "[version]")
    assert refusal(text).params["where"] == "version"


# --- shipped files -------------------------------------------------------------------


def load(name: str) -> Policy:
    return parse_policy_toml((POLICIES / f"{name}.toml").read_text(encoding="utf-8"))


def test_wuhan_is_section_1():
    p = load("wuhan")
    assert (p.start, p.backpay, p.backpay_floor, p.death_stop, p.life_cert_months, p.period) == (
        "birth_month",
        "eligibility",
        Month(2018, 1),
        "next_month",
        3,
        "quarter",
    )
    assert len(p.versions) == 1
    assert p.versions[0].effective == Month(2018, 1)
    assert [(b.min_age, b.max_age, b.monthly) for b in p.versions[0].bands] == [
        (80, 89, 10000),
        (90, 99, 20000),
        (100, None, 50000),
    ]


def test_beijing():
    p = load("beijing")
    assert p.period == "month"
    assert p.versions[0].effective == Month(2019, 10)
    assert [(b.min_age, b.max_age, b.monthly) for b in p.versions[0].bands] == [
        (80, 89, 10000),
        (90, 99, 50000),
        (100, None, 80000),
    ]
    assert p.version_in(Month(2019, 9)) is None


def test_shanghai():
    p = load("shanghai")
    assert (p.period, p.start) == ("quarter", "birth_month")
    assert p.versions[0].effective == Month(2016, 5)
    assert [(b.label, b.monthly) for b in p.versions[0].bands] == [
        ("65–69", 7500),
        ("70–79", 15000),
        ("80–89", 18000),
        ("90–99", 35000),
        ("100+", 60000),
    ]
    assert p.min_age_in(Month(2020, 1)) == 65


# --- lookups -------------------------------------------------------------------------


def test_version_in():
    p = parse_policy_toml(TWO_VERSIONS)
    assert p.version_in(Month(2017, 12)) is None
    assert p.version_in(Month(2018, 1)).effective == Month(2018, 1)
    assert p.version_in(Month(2026, 7)).effective == Month(2018, 1)
    assert p.version_in(Month(2026, 8)).effective == Month(2026, 8)
    assert p.version_in(Month(2040, 1)).effective == Month(2026, 8)


def test_min_age_in():
    p = parse_policy_toml(
        EXAMPLE + '\n[[version]]\neffective = "2030-01"\n'
        'bands = [{ min_age = 75, monthly = "50" }]\n'
    )
    assert p.min_age_in(Month(2017, 12)) is None
    assert p.min_age_in(Month(2029, 12)) == 80
    assert p.min_age_in(Month(2030, 1)) == 75


@pytest.mark.parametrize("day", [1, 31])
def test_band_for_start_modes(day):
    birth = date(1946, 5, day)
    birth_month = load("wuhan")
    next_month = parse_policy_toml(EXAMPLE)
    assert birth_month.band_for(birth, Month(2026, 4)) is None
    assert birth_month.band_for(birth, Month(2026, 5)) == Band(80, 89, 10000)
    assert next_month.band_for(birth, Month(2026, 5)) is None
    assert next_month.band_for(birth, Month(2026, 6)) == Band(80, 89, 10000)


def test_band_for_uses_the_version_of_the_month_itself():
    p = parse_policy_toml(TWO_VERSIONS)  # next_month; 80-89 rises to 120 in 2026-08
    birth = date(1940, 3, 10)
    assert p.band_for(birth, Month(2026, 7)).monthly == 10000
    assert p.band_for(birth, Month(2026, 8)).monthly == 12000


def test_policy_needs_versions_with_bands():
    with pytest.raises(ValueError):
        dataclasses.replace(parse_policy_toml(EXAMPLE), versions=())
    with pytest.raises(ValueError):
        dataclasses.replace(
            parse_policy_toml(EXAMPLE), versions=(PolicyVersion(Month(2018, 1), ()),)
        )
    unsorted = PolicyVersion(Month(2018, 1), (Band(90, None, 2), Band(70, 89, 1)))
    assert unsorted.min_age == 70


def test_band_labels():
    assert Band(80, 89, 1).label == "80–89"
    assert Band(100, None, 1).label == "100+"


# --- round trips ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["wuhan", "beijing", "shanghai"])
def test_shipped_files_round_trip(name):
    p = load(name)
    assert parse_policy_toml(policy_to_toml(p)) == p


def test_json_shape():
    p = parse_policy_toml(TWO_VERSIONS)
    doc = policy_to_json(p)
    json.dumps(doc)  # plain JSON types only
    assert doc == {
        "start": "next_month",
        "backpay": "eligibility",
        "backpay_floor": "2018-01",
        "death_stop": "next_month",
        "life_cert_months": 3,
        "period": "quarter",
        "version": [
            {
                "effective": "2018-01",
                "bands": [
                    {"min_age": 80, "max_age": 89, "monthly": "100.00"},
                    {"min_age": 90, "max_age": 99, "monthly": "200.00"},
                    {"min_age": 100, "max_age": None, "monthly": "500.00"},
                ],
            },
            {
                "effective": "2026-08",
                "bands": [
                    {"min_age": 80, "max_age": 89, "monthly": "120.00"},
                    {"min_age": 90, "max_age": 99, "monthly": "250.50"},
                    {"min_age": 100, "max_age": None, "monthly": "600.00"},
                ],
            },
        ],
    }


@st.composite
def policies(draw):
    versions = []
    for eff in sorted(draw(st.sets(st.integers(2000 * 12, 2040 * 12), min_size=1, max_size=3))):
        ages = sorted(draw(st.sets(st.integers(50, 110), min_size=1, max_size=5)))
        bands = []
        for n, low in enumerate(ages):
            nxt = ages[n + 1] if n + 1 < len(ages) else None
            high = draw(st.none() if nxt is None else st.integers(low, nxt - 1))
            bands.append(Band(low, high, draw(st.integers(1, 100_000_00))))
        versions.append(PolicyVersion(Month.from_index(eff), tuple(bands)))
    return Policy(
        start=draw(st.sampled_from(["birth_month", "next_month"])),
        backpay=draw(st.sampled_from(["eligibility", "application_month", "after_application"])),
        backpay_floor=draw(st.none() | st.builds(Month.from_index, st.integers(24000, 24480))),
        death_stop=draw(st.sampled_from(["next_month", "same_month"])),
        life_cert_months=draw(st.integers(0, 24)),
        period=draw(st.sampled_from(["month", "quarter"])),
        versions=tuple(versions),
    )


@settings(max_examples=100)
@given(policies())
def test_any_policy_round_trips(policy):
    assert parse_policy_toml(policy_to_toml(policy)) == policy
    doc = policy_to_json(policy)
    assert [v["effective"] for v in doc["version"]] == [str(v.effective) for v in policy.versions]


# --- issue 11: odd policy files -------------------------------------------------------------
def test_a_file_saved_with_a_utf8_bom_loads():
    assert parse_policy_toml("\ufeff" + EXAMPLE) == parse_policy_toml(EXAMPLE)


@pytest.mark.parametrize("depth", [5000, 100_000])
def test_deep_nesting_is_refused_not_a_crash(depth):
    for text in ("a = " + "[" * depth + "]" * depth, "a = " + "{b = " * depth + "1" + "}" * depth):
        exc = refusal(text)
        assert exc.exit_status == 2 and "嵌套" in exc.message


def test_a_huge_file_is_refused():
    exc = refusal(EXAMPLE + "# " + "x" * 2_000_000 + "\n")
    assert exc.params["where"] == "文件大小"


@pytest.mark.parametrize("monthly", ['"999999999999.99"', '"100000.01"', "100001", "10000000000"])
def test_monthly_amount_is_bounded(monthly):
    exc = refusal(EXAMPLE.replace('monthly = "200"', f"monthly = {monthly}"))
    assert exc.params["where"] == "version[1].bands[2].monthly"
    assert "100000" in exc.message


def test_the_largest_monthly_amount_loads():
    p = parse_policy_toml(EXAMPLE.replace('monthly = "200"', 'monthly = "100000.00"'))
    assert p.versions[0].bands[1].monthly == 10_000_000


@pytest.mark.parametrize(("old", "new", "where"), [
    ("life_cert_months = 3", "life_cert_months = 1000000000000", "life_cert_months"),
    ("min_age = 100,", "min_age = 99999999999999999,", "version[1].bands[3].min_age"),
    ("max_age = 99,", "max_age = 1000,", "version[1].bands[2].max_age"),
    ('effective = "2018-01"', 'effective = "0001-01"', "version[1].effective"),
    ('effective = "2018-01"', 'effective = "9999-12"', "version[1].effective"),
    ('backpay_floor = "2018-01"', 'backpay_floor = "0001-01"', "backpay_floor"),
])
def test_numbers_and_months_are_bounded(old, new, where):
    assert refusal(EXAMPLE.replace(old, new)).params["where"] == where
