"""Tests for calendar months, periods and allowance ages (elderdesk.domain.months)."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elderdesk.domain.errors import ElderError
from elderdesk.domain.months import Month, Period, age_in, age_on, month_range, parse_date


class TestMonth:
    def test_parse_and_str(self):
        assert Month.parse("2026-05") == Month(2026, 5)
        assert Month.parse(" 2026-12 ") == Month(2026, 12)
        assert str(Month(2026, 5)) == "2026-05"
        assert str(Month(987, 1)) == "0987-01"
        assert Month(2026, 5).zh() == "2026年5月"

    @pytest.mark.parametrize(
        "bad", ["2026-13", "2026-00", "2026-5", "26-05", "2026/05", "", "0000-01"]
    )
    def test_parse_refuses(self, bad):
        with pytest.raises(ElderError) as exc:
            Month.parse(bad)
        assert exc.value.code == "INVALID_MONTH"
        assert exc.value.exit_status == 2

    @pytest.mark.parametrize("args", [(2026, 0), (2026, 13), (0, 1), (10000, 1)])
    def test_constructor_refuses(self, args):
        with pytest.raises(ValueError):
            Month(*args)

    def test_of_ignores_day(self):
        assert Month.of(date(2026, 5, 1)) == Month.of(date(2026, 5, 31)) == Month(2026, 5)

    def test_arithmetic_across_years(self):
        assert Month(2026, 12) + 1 == Month(2027, 1)
        assert Month(2026, 1) - 1 == Month(2025, 12)
        assert Month(2026, 5) + 24 == Month(2028, 5)
        assert Month(2027, 2) - Month(2026, 11) == 3
        assert Month(2026, 11) - Month(2027, 2) == -3

    def test_ordering(self):
        assert Month(2025, 12) < Month(2026, 1) < Month(2026, 2)
        assert max(Month(2026, 1), Month(2025, 12)) == Month(2026, 1)

    def test_first_and_last_day(self):
        assert Month(2024, 2).last_day() == date(2024, 2, 29)
        assert Month(2025, 2).last_day() == date(2025, 2, 28)
        assert Month(2026, 12).last_day() == date(2026, 12, 31)
        assert Month(2026, 4).last_day() == date(2026, 4, 30)
        assert Month(2026, 4).first_day() == date(2026, 4, 1)

    @given(st.integers(min_value=12, max_value=9998 * 12 + 11))
    def test_index_round_trip(self, index):
        m = Month.from_index(index)
        assert m.index == index
        assert (m + 1).index == index + 1
        assert (m + 1) - 1 == m
        assert m.last_day() + timedelta(days=1) == (m + 1).first_day()


def test_month_range():
    assert month_range(Month(2026, 11), Month(2027, 2)) == [
        Month(2026, 11),
        Month(2026, 12),
        Month(2027, 1),
        Month(2027, 2),
    ]
    assert month_range(Month(2026, 5), Month(2026, 5)) == [Month(2026, 5)]
    assert month_range(Month(2026, 5), Month(2026, 4)) == []


class TestPeriod:
    def test_parse_quarter(self):
        p = Period.parse("2026Q3")
        assert p == Period(Month(2026, 7), "quarter")
        assert p.last == Month(2026, 9)
        assert p.size == 3
        assert p.months() == [Month(2026, 7), Month(2026, 8), Month(2026, 9)]
        assert str(p) == "2026Q3"

    def test_parse_month(self):
        p = Period.parse("2026-07")
        assert p.kind == "month" and p.first == p.last == Month(2026, 7)
        assert str(p) == "2026-07"

    @pytest.mark.parametrize("bad", ["2026Q5", "2026Q0", "2026q3", "2026-13", "Q3", ""])
    def test_parse_refuses(self, bad):
        with pytest.raises(ElderError) as exc:
            Period.parse(bad)
        assert exc.value.code == "INVALID_PERIOD"

    @pytest.mark.parametrize(
        ("month", "first"), [(1, 1), (3, 1), (4, 4), (6, 4), (7, 7), (9, 7), (10, 10), (12, 10)]
    )
    def test_containing_quarter(self, month, first):
        assert Period.containing(Month(2026, month), "quarter").first == Month(2026, first)

    def test_containing_month(self):
        assert Period.containing(Month(2026, 8), "month") == Period(Month(2026, 8), "month")

    def test_next_previous_across_years(self):
        q4 = Period.parse("2026Q4")
        assert str(q4.next()) == "2027Q1"
        assert str(Period.parse("2027Q1").previous()) == "2026Q4"
        assert str(Period.parse("2026-12").next()) == "2027-01"
        assert str(Period.parse("2027-01").previous()) == "2026-12"

    def test_contains(self):
        q = Period.parse("2026Q3")
        assert Month(2026, 7) in q and Month(2026, 9) in q
        assert Month(2026, 6) not in q and Month(2026, 10) not in q
        assert "2026-07" not in q


class TestAge:
    @pytest.mark.parametrize("day", [1, 15, 31])
    def test_age_in_counts_the_birthday_month_whatever_the_day(self, day):
        birth = date(1946, 5, day)
        assert age_in(birth, Month(2026, 4)) == 79
        assert age_in(birth, Month(2026, 5)) == 80
        assert age_in(birth, Month(2026, 12)) == 80
        assert age_in(birth, Month(2027, 4)) == 80
        assert age_in(birth, Month(2027, 5)) == 81

    def test_age_in_january_and_december_births(self):
        assert age_in(date(1946, 1, 31), Month(2026, 1)) == 80
        assert age_in(date(1946, 1, 31), Month(2025, 12)) == 79
        assert age_in(date(1946, 12, 1), Month(2026, 11)) == 79
        assert age_in(date(1946, 12, 1), Month(2026, 12)) == 80

    def test_age_in_feb_29(self):
        birth = date(1944, 2, 29)
        assert age_in(birth, Month(2024, 1)) == 79
        assert age_in(birth, Month(2024, 2)) == 80
        assert age_in(birth, Month(2025, 2)) == 81  # no Feb 29 in 2025: the month still counts

    def test_age_on(self):
        birth = date(1946, 5, 20)
        assert age_on(birth, date(2026, 5, 19)) == 79
        assert age_on(birth, date(2026, 5, 20)) == 80
        leap = date(1944, 2, 29)
        assert age_on(leap, date(2025, 2, 28)) == 80
        assert age_on(leap, date(2025, 3, 1)) == 81
        assert age_on(leap, date(2024, 2, 29)) == 80

    @settings(max_examples=200)
    @given(
        st.dates(min_value=date(1900, 1, 1), max_value=date(2000, 12, 31)),
        st.integers(min_value=0, max_value=1500),
    )
    def test_age_in_matches_age_on_at_month_end(self, birth, months_later):
        m = Month.of(birth) + months_later
        if birth.day <= 28:  # the last day of the month is past the birthday
            assert age_in(birth, m) == age_on(birth, m.last_day())
        assert age_in(birth, m) == age_on(birth, date(m.year, m.month, 1)) + (
            1 if m.month == birth.month and birth.day > 1 else 0
        )


class TestParseDate:
    def test_valid(self):
        assert parse_date("2026-05-20") == date(2026, 5, 20)
        assert parse_date(" 2024-02-29 ") == date(2024, 2, 29)

    @pytest.mark.parametrize("bad", ["2025-02-29", "2026-5-20", "2026/05/20", "20260520", "", "x"])
    def test_refuses(self, bad):
        with pytest.raises(ElderError) as exc:
            parse_date(bad)
        assert exc.value.code == "INVALID_DATE"
        assert bad in exc.value.message or bad == ""


class TestOutOfRange:
    """Issue 11: year 1 and year 9999 inputs are refused with a coded error (exit 2), and month
    arithmetic that would leave years 1..9999 is a coded error too, never a ValueError."""

    @pytest.mark.parametrize("text", ["0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31"])
    def test_dates(self, text):
        with pytest.raises(ElderError) as exc:
            parse_date(text)
        assert (exc.value.code, exc.value.exit_status) == ("DATE_OUT_OF_RANGE", 2)
        assert text in exc.value.message and "1900-01-01" in exc.value.message

    def test_edges_accepted(self):
        assert parse_date("1900-01-01") == date(1900, 1, 1)
        assert parse_date("2199-12-31") == date(2199, 12, 31)
        assert Month.parse("2199-12") == Month(2199, 12)
        assert str(Period.parse("1900Q1")) == "1900Q1"

    @pytest.mark.parametrize("text", ["0001-01", "1899-12", "2200-01", "9999-12"])
    def test_months(self, text):
        with pytest.raises(ElderError) as exc:
            Month.parse(text)
        assert (exc.value.code, exc.value.exit_status) == ("DATE_OUT_OF_RANGE", 2)

    @pytest.mark.parametrize("text", ["0001Q1", "9999Q4", "0001-01", "9999-12", "2200Q1"])
    def test_periods(self, text):
        with pytest.raises(ElderError) as exc:
            Period.parse(text)
        assert (exc.value.code, exc.value.exit_status) == ("DATE_OUT_OF_RANGE", 2)

    @pytest.mark.parametrize("text", ["0000Q1", "0000-01"])
    def test_year_zero_is_malformed(self, text):
        with pytest.raises(ElderError) as exc:
            Period.parse(text)
        assert exc.value.code == "INVALID_PERIOD"

    def test_arithmetic_past_the_calendar(self):
        for compute in (lambda: Month(1, 1) - 1, lambda: Month(9999, 12) + 1,
                        lambda: Period.parse("1900Q1").first - 10**6):
            with pytest.raises(ElderError) as exc:
                compute()
            assert exc.value.code == "DATE_OUT_OF_RANGE"
