"""Tests for the entitlement engine (allowance-rules.md sections 2-4) and the application window."""

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elderdesk.domain.entitlement import (
    NOT_ENTITLED,
    PAYABLE,
    WITHHELD,
    EnrollmentFacts,
    Entitlement,
    PersonFacts,
    application_allowed,
    earliest_application_date,
    month_statuses,
)
from elderdesk.domain.months import Month
from elderdesk.domain.policy import Band, Policy, PolicyVersion, parse_policy_toml

POLICIES = Path(__file__).resolve().parents[2] / "resources" / "policies"
WUHAN = parse_policy_toml((POLICIES / "wuhan.toml").read_text(encoding="utf-8"))
BEIJING = parse_policy_toml((POLICIES / "beijing.toml").read_text(encoding="utf-8"))
SHANGHAI = parse_policy_toml((POLICIES / "shanghai.toml").read_text(encoding="utf-8"))


def M(text: str) -> Month:
    return Month.parse(text)


def D(text: str) -> date:
    return date.fromisoformat(text)


def policy(**changes) -> Policy:
    return dataclasses.replace(WUHAN, **changes)


def ent(
    pol=WUHAN,
    birth="1946-05-20",
    applied="2026-08-10",
    death=None,
    moved=None,
    ended=None,
    reason=None,
    certs=(),
    more=(),
) -> Entitlement:
    person = PersonFacts(D(birth), D(death) if death else None, D(moved) if moved else None)
    first = EnrollmentFacts(D(applied), True, D(ended) if ended else None, reason)
    return Entitlement(pol, person, [first, *more], [D(c) for c in certs])


def amounts(e: Entitlement, first: str, last: str) -> dict[str, int]:
    """Entitled amount in yuan of every entitled month first..last."""
    return {str(s.month): s.amount_fen // 100 for s in e.statuses(M(first), M(last)) if s.entitled}


def states(e: Entitlement, first: str, last: str) -> list[str]:
    return [s.state for s in e.statuses(M(first), M(last))]


# --- section 2: age and bands ---------------------------------------------------------


@pytest.mark.parametrize("birth", ["1946-05-01", "1946-05-31"])
def test_birth_month_start_whatever_the_day(birth):
    e = ent(birth=birth, applied="2026-04-01", certs=["2026-12-01"])
    s = e.status(M("2026-04"))
    assert (s.state, s.reason, s.note) == (NOT_ENTITLED, "no_band", "79")
    assert amounts(e, "2026-04", "2026-06") == {"2026-05": 100, "2026-06": 100}


@pytest.mark.parametrize("birth", ["1946-05-01", "1946-05-31"])
def test_next_month_start_whatever_the_day(birth):
    e = ent(policy(start="next_month"), birth=birth, applied="2026-04-01", certs=["2026-12-01"])
    assert amounts(e, "2026-04", "2026-07") == {"2026-06": 100, "2026-07": 100}


@pytest.mark.parametrize(
    ("start", "birth", "first_new", "old", "new"),
    [
        ("birth_month", "1936-07-15", "2026-07", 100, 200),  # 89 -> 90
        ("next_month", "1936-07-15", "2026-08", 100, 200),
        ("birth_month", "1926-07-31", "2026-07", 200, 500),  # 99 -> 100
        ("next_month", "1926-07-31", "2026-08", 200, 500),
        ("birth_month", "1936-12-01", "2026-12", 100, 200),  # upgrade in the last month of a year
        ("next_month", "1936-12-01", "2027-01", 100, 200),  # ... takes effect in the next year
    ],
)
def test_band_upgrades(start, birth, first_new, old, new):
    e = ent(policy(start=start), birth=birth, applied="2020-01-10", certs=["2027-06-01"])
    got = amounts(e, "2026-01", "2027-03")
    before = M(first_new) - 1
    assert got[str(before)] == old
    assert got[first_new] == new
    assert e.status(M(first_new)).band == ("90–99" if new == 200 else "100+")


@pytest.mark.parametrize(
    ("start", "first"), [("birth_month", "2024-02"), ("next_month", "2024-03")]
)
def test_feb_29_birthday(start, first):
    e = ent(policy(start=start), birth="1944-02-29", applied="2024-01-05", certs=["2024-06-01"])
    got = amounts(e, "2023-12", "2024-04")
    assert min(got) == first
    # 1936-02-29 turns 90 in 2026-02, a month without a 29th.
    e = ent(policy(start=start), birth="1936-02-29", applied="2025-01-05", certs=["2026-06-01"])
    upgrade = amounts(e, "2026-01", "2026-04")
    assert upgrade["2026-01"] == 100
    assert upgrade["2026-02"] == (200 if start == "birth_month" else 100)
    assert upgrade["2026-03"] == 200


def test_gap_between_bands_not_entitled():
    gap = PolicyVersion(M("2018-01"), (Band(80, 89, 10000), Band(95, None, 30000)))
    e = ent(policy(versions=(gap,), life_cert_months=0), birth="1935-03-03", applied="2020-01-01")
    assert e.status(M("2025-02")).amount_fen == 10000
    assert e.status(M("2025-03")).reason == "no_band"
    assert e.status(M("2030-03")).amount_fen == 30000


def test_version_change_inside_a_quarter():
    raised = PolicyVersion(M("2026-08"), (Band(80, 89, 12000), Band(90, None, 25000)))
    e = ent(policy(versions=(*WUHAN.versions, raised)), applied="2026-05-10", certs=["2026-09-01"])
    assert amounts(e, "2026-07", "2026-09") == {"2026-07": 100, "2026-08": 120, "2026-09": 120}
    assert e.status(M("2026-08")).explanation == "2026-08: 80–89 档 120.00 元，应发"


def test_nothing_before_the_first_version():
    e = ent(BEIJING, birth="1935-01-10", applied="2019-11-01", certs=["2020-01-01"])
    assert e.status(M("2019-09")).reason == "no_policy"
    assert e.status(M("2019-09")).explanation == "2019-09: 高龄津贴政策尚未实施"
    assert amounts(e, "2019-08", "2019-12") == {"2019-10": 100, "2019-11": 100, "2019-12": 100}


def test_shanghai_bands():
    e = ent(SHANGHAI, birth="1955-08-08", applied="2020-08-01", certs=["2026-01-01"])
    assert amounts(e, "2020-07", "2020-08") == {"2020-08": 75}
    assert e.status(M("2025-08")).amount_fen == 15000


# --- section 3: back pay, floor, ends -------------------------------------------------


def test_backpay_eligibility_reaches_back_to_the_birthday_month():
    e = ent(applied="2026-08-10")
    got = amounts(e, "2026-01", "2026-10")
    assert list(got) == ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]


def test_backpay_application_month():
    e = ent(policy(backpay="application_month"), applied="2026-08-10")
    assert min(amounts(e, "2026-01", "2026-10")) == "2026-08"
    s = e.status(M("2026-07"))
    assert (s.reason, s.explanation) == (
        "before_start",
        "2026-07: 自 2026-08 起发放，此前月份不予补发",
    )


def test_backpay_after_application():
    e = ent(policy(backpay="after_application"), applied="2026-08-31")
    assert min(amounts(e, "2026-01", "2026-10")) == "2026-09"
    assert e.status(M("2026-08")).reason == "before_start"


def test_backpay_floor():
    early = PolicyVersion(M("2014-01"), WUHAN.versions[0].bands)
    born = "1930-03-15"  # 80 in 2010-03
    with_floor = ent(
        policy(versions=(early,), life_cert_months=0), birth=born, applied="2020-01-01"
    )
    assert min(amounts(with_floor, "2012-01", "2020-01")) == "2018-01"
    s = with_floor.status(M("2017-12"))
    assert (s.reason, s.explanation) == ("before_floor", "2017-12: 早于 2018-01，不予发放")
    no_floor = ent(
        policy(versions=(early,), life_cert_months=0, backpay_floor=None),
        birth=born,
        applied="2020-01-01",
    )
    assert min(amounts(no_floor, "2012-01", "2020-01")) == "2014-01"


@pytest.mark.parametrize(
    ("stop", "death", "last"),
    [
        ("next_month", "2026-09-01", "2026-09"),
        ("next_month", "2026-09-30", "2026-09"),
        ("same_month", "2026-09-01", "2026-08"),
        ("same_month", "2026-09-30", "2026-08"),
    ],
)
def test_death_stop(stop, death, last):
    person_only = ent(policy(death_stop=stop), death=death)
    on_enrollment = ent(policy(death_stop=stop), ended=death, reason="death")
    for e in (person_only, on_enrollment):
        assert max(amounts(e, "2026-05", "2026-12")) == last
        after = e.status(M(last) + 1)
        assert (after.state, after.reason) == (NOT_ENTITLED, "died")
        assert after.explanation == f"{M(last) + 1}: 已于 {death} 死亡，停发"


def test_moved_out_month_is_still_entitled_even_with_same_month_death_rule():
    e = ent(policy(death_stop="same_month"), moved="2026-09-15")
    assert max(amounts(e, "2026-05", "2026-12")) == "2026-09"
    assert e.status(M("2026-10")).explanation == "2026-10: 已于 2026-09-15 迁出，停发"


def test_stop_for_other_reason():
    e = ent(ended="2026-09-15", reason="voluntary")
    assert max(amounts(e, "2026-05", "2026-12")) == "2026-09"
    assert (
        e.status(M("2026-10")).explanation == "2026-10: 已于 2026-09-15（本人申请）停止享受，停发"
    )


def test_earliest_end_wins():
    e = ent(death="2026-11-02", ended="2026-09-15", reason="lost_contact")
    assert max(amounts(e, "2026-05", "2026-12")) == "2026-09"
    assert e.status(M("2026-12")).reason == "stopped"
    assert "（失去联系）" in e.status(M("2026-12")).explanation
    unexplained = ent(ended="2026-09-15")
    assert (
        unexplained.status(M("2026-10")).explanation
        == "2026-10: 已于 2026-09-15（其他）停止享受，停发"
    )


def test_unapproved_application_entitles_nothing():
    person = PersonFacts(D("1946-05-20"))
    e = Entitlement(WUHAN, person, [EnrollmentFacts(D("2026-08-10"), False)], [])
    assert set(states(e, "2026-05", "2026-12")) == {NOT_ENTITLED}
    assert e.status(M("2026-08")).explanation == "2026-08: 未获批准享受高龄津贴"
    assert e.first_month() is None
    assert Entitlement(WUHAN, person, [], []).status(M("2026-08")).reason == "not_enrolled"


def test_later_enrollment_gets_nothing_before_its_application_month():
    # First enrollment: back pay to eligibility (2026-05); stopped 2026-09; again from 2027-03.
    second = EnrollmentFacts(D("2027-03-10"), True)
    e = ent(ended="2026-09-15", reason="voluntary", more=[second], certs=["2027-06-01"])
    got = amounts(e, "2026-01", "2027-05")
    assert list(got) == [
        "2026-05",
        "2026-06",
        "2026-07",
        "2026-08",
        "2026-09",
        "2027-03",
        "2027-04",
        "2027-05",
    ]
    assert e.status(M("2027-01")).reason == "stopped"


def test_later_enrollment_with_after_application():
    second = EnrollmentFacts(D("2027-03-10"), True)
    e = ent(
        policy(backpay="after_application"),
        ended="2026-09-15",
        reason="voluntary",
        more=[second],
        certs=["2027-06-01"],
    )
    got = amounts(e, "2026-01", "2027-05")
    assert list(got) == ["2026-09", "2027-04", "2027-05"]


def test_rejected_first_application_keeps_back_pay_to_eligibility():
    # Interpretation: "first enrollment" = first approved one; a rejected application never
    # enrolled anyone.
    person = PersonFacts(D("1946-05-20"))
    rejected = EnrollmentFacts(D("2026-06-01"), False)
    approved = EnrollmentFacts(D("2026-08-10"), True)
    e = Entitlement(WUHAN, person, [approved, rejected], [])
    assert min(amounts(e, "2026-01", "2026-10")) == "2026-05"


# --- section 4: proof of life ---------------------------------------------------------


def test_application_date_counts_as_proof_of_life():
    e = ent(applied="2026-08-10")
    assert states(e, "2026-08", "2026-12") == [PAYABLE, PAYABLE, PAYABLE, WITHHELD, WITHHELD]
    s = e.status(M("2026-11"))
    assert s.amount_fen == 10000  # withheld months are entitled
    assert s.explanation == "2026-11: 未按期生存认证，暂停"
    assert e.status(M("2026-05")).explanation == "2026-05: 80–89 档 100.00 元，应发"


def test_later_proof_of_life_releases_withheld_months():
    e = ent(applied="2026-08-10", certs=["2027-02-02"])
    assert states(e, "2026-10", "2027-05") == [PAYABLE] * 7 + [WITHHELD]


def test_proof_of_life_before_the_application_does_not_shorten():
    e = ent(applied="2026-08-10", certs=["2026-01-05"])
    assert e.status(M("2026-10")).state == PAYABLE
    assert e.status(M("2026-11")).state == WITHHELD


@pytest.mark.parametrize(
    ("months", "last_payable"), [(1, "2026-08"), (3, "2026-10"), (12, "2027-07")]
)
def test_life_cert_months_values(months, last_payable):
    e = ent(policy(life_cert_months=months), applied="2026-08-10")
    payable = [str(s.month) for s in e.statuses(M("2026-05"), M("2028-01")) if s.payable]
    assert payable[0] == "2026-05" and payable[-1] == last_payable


def test_no_proof_of_life_required():
    e = ent(policy(life_cert_months=0), applied="2026-08-10")
    assert set(states(e, "2026-05", "2036-12")) == {PAYABLE}


def test_latest_application_counts_even_if_not_approved():
    # Enrolled 2026, stopped; a new application (still open) checked the ID at the counter.
    e = ent(ended="2026-12-31", reason="voluntary", more=[EnrollmentFacts(D("2027-02-01"), False)])
    assert states(e, "2026-10", "2026-12") == [PAYABLE] * 3


def test_death_before_a_proof_of_life_still_stops():
    e = ent(applied="2026-08-10", certs=["2027-02-02"], death="2027-01-15")
    assert max(amounts(e, "2026-05", "2027-06")) == "2027-01"


def test_first_month_and_convenience_function():
    e = ent(applied="2026-08-10")
    assert e.first_month() == M("2026-05")
    assert ent(policy(start="next_month")).first_month() == M("2026-06")
    assert ent(policy(backpay="after_application")).first_month() == M("2026-09")
    old = ent(birth="1920-01-01", applied="2026-08-10")
    assert old.first_month() == M("2018-01")  # the floor
    got = month_statuses(
        WUHAN,
        PersonFacts(D("1946-05-20")),
        [EnrollmentFacts(D("2026-08-10"), True)],
        [],
        M("2026-04"),
        M("2026-06"),
    )
    assert [s.state for s in got] == [NOT_ENTITLED, PAYABLE, PAYABLE]
    for e in (ent(), ent(policy(start="next_month", backpay="application_month"))):
        first = e.first_month()
        assert not e.status(first - 1).entitled and e.status(first).entitled


# --- application window ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("pol", "birth", "on", "earliest"),
    [
        (WUHAN, "1946-05-20", "2026-01-01", "2026-03-01"),  # the example of section 3
        (WUHAN, "1946-05-01", "2026-01-01", "2026-03-01"),
        (WUHAN, "1946-01-31", "2025-06-01", "2025-11-01"),
        (WUHAN, "1946-02-28", "2025-06-01", "2025-12-01"),
        (SHANGHAI, "1961-07-07", "2026-01-01", "2026-05-01"),  # lowest min_age 65
    ],
)
def test_earliest_application_date(pol, birth, on, earliest):
    assert earliest_application_date(D(birth), pol, D(on)) == D(earliest)


def test_earliest_application_uses_the_version_in_force_then():
    lower = PolicyVersion(M("2027-01"), (Band(75, None, 5000),))
    pol = policy(versions=(*WUHAN.versions, lower))
    birth = D("1951-06-01")  # 75 in 2026-06, 80 in 2031-06
    assert earliest_application_date(birth, pol, D("2026-12-31")) == D("2031-04-01")
    assert earliest_application_date(birth, pol, D("2027-01-01")) == D("2026-04-01")
    assert earliest_application_date(birth, BEIJING, D("2019-09-30")) is None


def test_application_allowed():
    birth = D("1946-05-20")
    assert application_allowed(birth, WUHAN, D("2026-03-01")) is None
    assert application_allowed(birth, WUHAN, D("2031-01-01")) is None
    err = application_allowed(birth, WUHAN, D("2026-02-28"))
    assert (err.code, err.exit_status) == ("APPLY_TOO_EARLY", 4)
    assert "2026-03-01" in err.message and "2026-05" in err.message and "80" in err.message


@pytest.mark.parametrize(
    ("kwargs", "code", "status"),
    [
        ({"death_date": D("2026-04-01")}, "PERSON_DECEASED", 4),
        ({"moved_out_on": D("2026-04-01")}, "PERSON_MOVED_OUT", 4),
        ({"active_application": True}, "APPLICATION_EXISTS", 4),
    ],
)
def test_application_refusals(kwargs, code, status):
    err = application_allowed(
        D("1946-05-20"),
        WUHAN,
        D("2026-04-02"),
        name="王秀英",
        id_number="420103194605200023",
        **kwargs,
    )
    assert (err.code, err.exit_status) == (code, status)
    assert "王秀英" in err.message and "420103194605200023" in err.message


def test_application_refused_without_policy_or_before_birth():
    err = application_allowed(D("1935-05-20"), BEIJING, D("2019-08-01"))
    assert (err.code, err.exit_status) == ("POLICY_NOT_IN_FORCE", 4)
    err = application_allowed(D("1946-05-20"), WUHAN, D("1946-05-19"))
    assert err.code == "DATE_BEFORE_BIRTH"


# --- runs(): the roster's fast path must say what statuses() says ----------------------


@st.composite
def people_and_facts(draw):
    bands = draw(
        st.sampled_from(
            [
                WUHAN.versions[0].bands,
                (Band(80, 89, 10000), Band(95, None, 30000)),  # a gap
                (Band(65, 69, 7500), Band(70, 79, 15000), Band(80, None, 18000)),
            ]
        )
    )
    versions = [PolicyVersion(M("2018-01"), WUHAN.versions[0].bands)]
    if draw(st.booleans()):
        versions.append(PolicyVersion(Month.from_index(draw(st.integers(24216, 24300))), bands))
    pol = policy(
        start=draw(st.sampled_from(["birth_month", "next_month"])),
        backpay=draw(st.sampled_from(["eligibility", "application_month", "after_application"])),
        backpay_floor=draw(st.sampled_from([None, M("2018-01"), M("2024-03")])),
        death_stop=draw(st.sampled_from(["next_month", "same_month"])),
        life_cert_months=draw(st.sampled_from([0, 1, 3, 6])),
        versions=tuple(versions),
    )
    day = st.dates(date(2019, 1, 1), date(2028, 12, 31))
    person = PersonFacts(
        draw(st.dates(date(1915, 1, 1), date(1950, 12, 31))),
        draw(st.none() | day),
        draw(st.none() | day),
    )
    enrollment = st.builds(
        EnrollmentFacts,
        day,
        st.booleans(),
        st.none() | day,
        st.sampled_from([None, "death", "moved_out", "voluntary", "lost_contact"]),
    )
    enrollments = draw(st.lists(enrollment, max_size=3))
    certs = draw(st.lists(day, max_size=3))
    return pol, person, enrollments, certs


@settings(max_examples=150, deadline=None)
@given(people_and_facts(), st.integers(24216, 24360))
def test_runs_agree_with_statuses(facts, last_index):
    e = Entitlement(*facts)
    last = Month.from_index(last_index)
    expected = {
        s.month.index: (s.amount_fen, s.payable)
        for s in e.statuses(M("2017-01"), last)
        if s.entitled
    }
    got = {}
    runs = e.runs(last)
    for lo, hi, fen, payable in runs:
        for i in range(lo, hi + 1):
            assert i not in got
            got[i] = (fen, payable)
    assert got == expected
    assert all(a[1] < b[0] for a, b in zip(runs, runs[1:], strict=False))  # ascending, disjoint
    if expected:
        assert e.first_month() is not None and e.first_month().index <= min(expected)
