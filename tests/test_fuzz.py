"""Bad input everywhere (hypothesis): hostile values for every form field's service and every CLI
option. Each call succeeds or refuses with a coded error (exit 2/3/4, one stderr line
`CODE: message`), never INTERNAL or a traceback, and a refusal stores nothing (SQLite's
data_version of another connection is unchanged, no output file appears).

Examples are derandomized (the same cases every run); ELDERDESK_FUZZ_RANDOM=1 explores anew.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import re
import sqlite3
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elderdesk.cli import main
from elderdesk.cli.parser import split_globals
from elderdesk.domain.errors import MESSAGES, ElderError
from elderdesk.domain.person import PersonInput
from elderdesk.services.audit.view import AuditQuery
from tests.conftest import ADMIN_PASSWORD, PASSWORD, wuhan_policy
from tests.helpers import make_id

RANDOM = os.environ.get("ELDERDESK_FUZZ_RANDOM") == "1"
CASES: Counter[str] = Counter()  # calls made per group, reported when the module ends


def fuzz(n: int):  # type: ignore[no-untyped-def]
    """Hypothesis settings for n examples; the test is marked so `_ran_its_cases` can check
    that its examples really ran (a fuzz test that silently calls nothing proves nothing)."""
    apply = settings(max_examples=n, deadline=None, database=None, derandomize=not RANDOM,
                     suppress_health_check=[HealthCheck.function_scoped_fixture,
                                            HealthCheck.too_slow, HealthCheck.data_too_large])

    def mark(test):  # type: ignore[no-untyped-def]
        test = apply(test)
        test.fuzz_examples = n
        return test

    return mark


@pytest.fixture(autouse=True)
def _ran_its_cases(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Each fuzz test made at least one checked call per example it asked for."""
    expected = getattr(request.node.function, "fuzz_examples", 0)
    before = sum(CASES.values())
    yield
    ran = sum(CASES.values()) - before
    assert ran >= expected, f"{request.node.name}: {ran} checked calls for {expected} examples"


@pytest.fixture(autouse=True, scope="module")
def _report(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """How many calls each group made, on the terminal once the module's tests are done."""
    yield
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if capture is not None and CASES:
        with capture.global_and_fixture_disabled():
            print(f"\nfuzz cases: {sum(CASES.values())} " + json.dumps(
                dict(sorted(CASES.items())), ensure_ascii=False))


VALID_ID = make_id("1940-03-12", 11)
HOSTILE = [
    "", " ", "\u3000", "\t\n", "x" * 10_000, "张" * 300, "\x00", "a\x00b", "\x1b[31m红\x1b[0m",
    "line1\nline2", "\r", "\u202e反转", "\ufeffBOM", "\u200b", "\udcff", "名\udce4",
    "'; DROP TABLE people; --", "\" OR 1=1 --", "1' OR '1'='1", "%s%s%n", "{name}{0}", "${HOME}",
    "../../etc/passwd", "/dev/null", ".", "NUL", "CON", "😀👵🏻", "𠀀𠀁", "䶮", "龘", "ﾟ", "Ｘ",
    "2026-02-30", "2026-13-01", "0000-00-00", "9999-12-31", "2026Q5", "2026Q0", "-1", "0",
    "-0", "+1", "1e9", "1E999", "NaN", "inf", "-inf", "99999999999999999999999999", "0x10",
    "１２３", "٣", "100.555", "-100.00", "１００.５", VALID_ID, VALID_ID[:17], VALID_ID + "1",
    VALID_ID.lower(), "42010319400312011X", "420103400312011", "男", "女", "M", "F", "admin",
    "clerk", "people.edit", "card.min_age", "security.idle_minutes", "--help", "-h", "--json",
    "--db", "--user",
    # issue 11: dates and periods at and past the ends of the calendar, Feb 29, after today
    "0001-01-01", "1899-12-31", "1900-01-01", "2199-12-31", "2200-01-01", "2024-02-29",
    "2025-02-29", "2026-05-21", "0000Q1", "0001Q1", "9999Q4", "2199Q4", "2026Q3", "0001-01",
    "9999-12", "2199-12",
    # names with control, bidi-override and zero-width characters
    "\u202e\u202d张三", "张\u2066三\u2069", "\u200b\u200c\u200d", "张\u200b三", "\u2028",
    "\u0007铃", "\u061c", "\u180e", "\u3164", "\ufeff\u200b", "李\u0301",
]
texts = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40),
                  st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=8),
                  st.integers().map(str))
opt_texts = st.one_of(st.none(), texts)
date_texts = st.one_of(texts, st.dates().map(str), st.sampled_from(
    ["2026-02-29", "2024-02-29", "2026-2-3", "20260203", "2026/02/03", "２０２６-０２-０３",
     "2026-02-03T00:00", " 2026-02-03 "]))
TODAY = date(2026, 5, 20)  # ELDERDESK_TODAY of every test here
SPECIAL_DATES = [date(1, 1, 1), date(9999, 12, 31), date(1899, 12, 31), date(1900, 1, 1),
                 date(2199, 12, 31), date(2200, 1, 1), date(2024, 2, 29), date(2000, 2, 29),
                 date(1940, 3, 12), date(1940, 3, 11), TODAY, date(2026, 5, 21), date(2100, 2, 28)]
dates = st.one_of(st.sampled_from(SPECIAL_DATES),
                  st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
ints = st.one_of(st.integers(), st.sampled_from([0, -1, 1, 2**31, 2**63, -(2**63), 10**30]))
floats = st.floats(allow_nan=True, allow_infinity=True)


# --- checking one call --------------------------------------------------------------------------
class Watch:
    """A second connection to the database: its data_version moves only when someone commits."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path)

    def version(self) -> int:
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        self.conn.close()


def attempt(watch: Watch, group: str, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    """Call a service: success, or an ElderError with a known code and nothing committed."""
    CASES[group] += 1
    before = watch.version()
    try:
        return fn(*args, **kwargs)
    except ElderError as exc:
        assert exc.code in MESSAGES and exc.code != "INTERNAL", exc.code
        assert exc.exit_status in (2, 3, 4), exc.code
        assert "\n" not in exc.message and len(exc.message) < 600, exc.message[:300]
        counted = exc.code == "AUTH_FAILED" and fn.__name__ == "authenticate"  # the lockout count
        assert counted or watch.version() == before, f"{exc.code}: something was stored"
        return exc


@pytest.fixture
def fx(services, admin, clerk, reviewer, approver, monkeypatch):  # type: ignore[no-untyped-def]
    """A register with one person under application and one without, and a watch on the file."""
    other = make_id("1945-06-02", 21)
    monkeypatch.setenv("ELDERDESK_TODAY", TODAY.isoformat())
    for number, name in ((VALID_ID, "张三丰"), (other, "李四")):
        services.people.add(clerk, PersonInput(id_number=number, name=name))
    services.allowance.apply(clerk, VALID_ID)
    watch = Watch(services.db.path)
    yield services, {"admin": admin, "clerk": clerk, "reviewer": reviewer,
                     "approver": approver}, watch
    watch.close()


# --- services -------------------------------------------------------------------------------------
person_inputs = st.builds(
    PersonInput, id_number=st.one_of(texts, st.just(VALID_ID)), name=texts, sex=opt_texts,
    ethnicity=opt_texts, household_address=opt_texts, current_address=opt_texts,
    street=opt_texts, community=opt_texts, phone=opt_texts, bank=opt_texts, account=opt_texts,
    household_type=st.one_of(st.none(), st.sampled_from(["local", "nonlocal"]), texts),
    residence_permit_expiry=st.one_of(st.none(), dates), notes=opt_texts)


@fuzz(250)
@given(data=person_inputs, override=opt_texts, on=st.one_of(st.none(), dates))
def test_people_add(fx, data, override, on) -> None:  # type: ignore[no-untyped-def]
    services, ops, watch = fx
    attempt(watch, "people.add", services.people.add, ops["clerk"], data, on=on)
    attempt(watch, "people.add", services.people.add, ops["admin"], data,
            checksum_override=override)


@fuzz(200)
@given(data=person_inputs, number=texts)
def test_people_update(fx, data, number) -> None:  # type: ignore[no-untyped-def]
    services, ops, watch = fx
    attempt(watch, "people.update", services.people.update, ops["clerk"], VALID_ID, data)
    attempt(watch, "people.update", services.people.update, ops["clerk"], number, data)


@fuzz(200)
@given(query=texts, limit=ints, number=texts, on=dates, reason=texts)
def test_people_search_and_status(fx, query, limit, number, on, reason) -> None:  # type: ignore[no-untyped-def]
    services, ops, watch = fx
    attempt(watch, "people.search", services.people.search, ops["clerk"], query, limit)
    attempt(watch, "people.get", services.profile, ops["clerk"], number)
    attempt(watch, "people.status", services.people.record_moved_out, ops["clerk"], number, on)
    attempt(watch, "people.correct_id", services.people.correct_id, ops["approver"], VALID_ID,
            number, reason)


@fuzz(200)
@given(number=texts, on=st.one_of(st.none(), dates), reason=opt_texts, stop=texts,
       note=opt_texts)
def test_allowance(fx, number, on, reason, stop, note) -> None:  # type: ignore[no-untyped-def]
    services, ops, watch = fx
    a = services.allowance
    attempt(watch, "allowance", a.apply, ops["clerk"], number, on)
    attempt(watch, "allowance", a.review, ops["reviewer"], VALID_ID, False, reason, on)
    attempt(watch, "allowance", a.reject, ops["approver"], number, reason or "", on)
    attempt(watch, "allowance", a.stop, ops["approver"], VALID_ID, on or date(2026, 1, 1), stop,
            note)
    attempt(watch, "allowance", a.lifecert, ops["clerk"], number, on)
    attempt(watch, "allowance", a.history, ops["clerk"], number)


EVENTS = ("death", "moved_out", "lifecert", "apply", "review", "approve", "reject", "stop",
          "issue", "reissue", "pickup", "settle")
FUTURE_CODES = ("DATE_IN_FUTURE", "DATE_OUT_OF_RANGE")


@fuzz(150)
@given(on=dates, event=st.sampled_from(EVENTS), first=dates, last=dates)
def test_event_and_planning_dates(fx, on, event, first, last) -> None:  # type: ignore[no-untyped-def]
    """An event dated after today is refused, and nothing else is looked at first; planning
    dates (statistics, forms) may lie ahead: any date is a result or a coded refusal."""
    from elderdesk.domain.months import Month

    services, ops, watch = fx
    p, a, c, r = services.people, services.allowance, services.cards, services.roster
    calls = {
        "death": (p.record_death, ops["clerk"], VALID_ID, on),
        "moved_out": (p.record_moved_out, ops["clerk"], VALID_ID, on),
        "lifecert": (a.lifecert, ops["clerk"], VALID_ID, on),
        "apply": (a.apply, ops["clerk"], VALID_ID, on),
        "review": (a.review, ops["reviewer"], VALID_ID, True, None, on),
        "approve": (a.approve, ops["approver"], VALID_ID, on),
        "reject": (a.reject, ops["approver"], VALID_ID, "不符合条件", on),
        "stop": (a.stop, ops["approver"], VALID_ID, on, "voluntary"),
        "issue": (c.issue, ops["clerk"], VALID_ID, on),
        "reissue": (c.reissue, ops["clerk"], VALID_ID, "lost", on),
        "pickup": (c.pickup, ops["clerk"], VALID_ID, on),
        "settle": (r.settle, ops["approver"], VALID_ID, "2026-01", on)}
    fn, *args = calls[event]
    result = attempt(watch, "dates", fn, *args)
    if on > TODAY:
        assert isinstance(result, ElderError) and result.code in FUTURE_CODES, (event, on, result)
    attempt(watch, "dates", services.stats.compute, ops["clerk"], on)
    attempt(watch, "dates", services.stats.compute, ops["clerk"], None, Month.of(min(first, last)),
            Month.of(max(first, last)))
    attempt(watch, "dates", services.forms.fill, ops["clerk"], "adjust", month=Month.of(on))
    attempt(watch, "dates", services.forms.fill, ops["clerk"], "pickup", first=min(first, last),
            last=max(first, last))
    attempt(watch, "dates", services.forms.fill, ops["clerk"], "application",
            id_number=VALID_ID, on=on)


NAMES = ["\u202e\u202d张三", "张\u2066三\u2069", "\u202a王五", "\u200b\u200c\u200d", "\ufeff",
         "\u3164", "\u2800", "\u0007铃", "张\x1b[0m", "李\n四", "\u2028", "\u180e", "\u0301"]


@fuzz(60)
@given(name=st.one_of(st.sampled_from(NAMES), st.text(alphabet=st.characters(
    categories=["Cc", "Cf", "Zs", "Mn"]), min_size=1, max_size=6)), n=st.integers(0, 10_000))
def test_names_with_control_bidi_and_invisible_characters(fx, name, n) -> None:  # type: ignore[no-untyped-def]
    """Through `people add`: control and bidi-override characters and names that show nothing
    are refused (exit 2), never stored."""
    from elderdesk.domain.person import REFUSED_CHARS, is_invisible

    services, ops, watch = fx
    number = make_id(date(1950, 1, 1) + timedelta(days=n), 300 + n % 600)
    result = attempt(watch, "names", services.people.add, ops["clerk"],
                     PersonInput(id_number=number, name=name))
    if REFUSED_CHARS.search(name) or is_invisible(name.strip()):
        assert isinstance(result, ElderError) and result.exit_status == 2, (name, result)


WUHAN_LINES = (wuhan_policy() or "").splitlines()
toml_values = st.one_of(
    st.integers().map(str), floats.map(lambda f: repr(f).replace("inf", "inf")),
    texts.map(lambda t: json.dumps(t, ensure_ascii=False)), st.sampled_from(
        ['"2026-02"', '"2026-13"', '"2026-02-30"', "2026-02-30", "[]", "{}", "true", '"-100"',
         '"1e9"', '"0.001"', '"99999999999999999999"', '"next_month"', '"quarter"', "1.5",
         '[{ min_age = 80, monthly = "100" }, { min_age = 80, monthly = "200" }]',
         '[{ min_age = -5, max_age = 999999999999999999999, monthly = "100" }]']))


WUHAN = "\n".join(WUHAN_LINES)
ODD_POLICIES = [  # issue 11: deep nesting, a BOM, huge or float amounts, a huge file
    "a = " + "[" * 5000 + "]" * 5000, "a = " + "{b = " * 5000 + "1" + "}" * 5000,
    "\ufeff" + WUHAN, "\ufeff\ufeff" + WUHAN, WUHAN.replace('"100"', '"999999999999.99"'),
    WUHAN.replace('"100"', '"100000.01"'), WUHAN.replace('"100"', '"100000"'),
    WUHAN.replace('"100"', "100.5"), WUHAN.replace('"100"', "1e309"),
    WUHAN.replace("= 3", "= 99999999999999999999"), WUHAN.replace("2018-01", "0001-01"),
    WUHAN.replace("2018-01", "9999-12"), WUHAN.replace("min_age = 100", "min_age = 10000"),
    WUHAN.replace('"quarter"', '"month"'), WUHAN + "#" + "x" * 1_100_000]
periods = st.one_of(texts, st.sampled_from(
    ["2026Q2", "2026-05", "2026Q3", "2026-06", "0000Q1", "0001Q1", "9999Q4", "2199Q4", "1900Q1",
     "0001-01", "9999-12", "2026Q1", "2025Q4", "2026-04"]))


@fuzz(200)
@given(line=st.integers(0, max(len(WUHAN_LINES) - 1, 0)), value=toml_values,
       junk=st.one_of(st.none(), texts, st.sampled_from(ODD_POLICIES)), period=periods)
def test_policy_load(fx, line, value, junk, period) -> None:  # type: ignore[no-untyped-def]
    """Whatever policy a load accepts, a roster of a period in its form builds (a huge amount
    was accepted once and every later build crashed)."""
    services, ops, watch = fx
    lines = list(WUHAN_LINES)
    if "=" in lines[line]:
        key = lines[line].split("=", 1)[0].rstrip()
        lines[line] = f"{key} = {value}" if not key.lstrip().startswith("{") else value
    source = junk if junk is not None else "\n".join(lines)
    loaded = attempt(watch, "policy.load", services.allowance.load_policy, ops["admin"], source)
    if not isinstance(loaded, ElderError):
        month_form = loaded.period == "month"
        attempt(watch, "policy.load", services.roster.build, ops["approver"],
                "2026-05" if month_form else "2026Q2")
    attempt(watch, "policy.load", services.roster.build, ops["approver"], period)


@fuzz(200)
@given(period=texts, month=texts, number=texts, on=st.one_of(st.none(), dates))
def test_rosters_periods_months(fx, period, month, number, on) -> None:  # type: ignore[no-untyped-def]
    from elderdesk.domain.money import parse_yuan
    from elderdesk.domain.months import Month, Period, parse_date

    services, ops, watch = fx
    for fn in (Period.parse, Month.parse, parse_date, parse_yuan):
        CASES["parsing"] += 1
        try:
            fn(period)
        except ElderError as exc:
            assert exc.exit_status == 2 and "\n" not in exc.message
    attempt(watch, "roster", services.roster.show, ops["clerk"], period)
    attempt(watch, "roster", services.roster.build, ops["approver"], period)
    attempt(watch, "roster", services.roster.settle, ops["approver"], number, month, on)


@fuzz(200)
@given(number=texts, on=st.one_of(st.none(), dates), reason=texts, agent=opt_texts,
       agent_id=opt_texts, key=st.one_of(st.sampled_from(["card.min_age", "card.types",
       "card.number_prefix", "card.fee.new", "card.fee.lost", "card.advance_months"]), texts),
       value=texts, x=floats, y=floats, printer=opt_texts)
def test_cards(fx, number, on, reason, agent, agent_id, key, value, x, y, printer) -> None:  # type: ignore[no-untyped-def]
    services, ops, watch = fx
    c = services.cards
    attempt(watch, "cards", c.issue, ops["clerk"], number, on)
    attempt(watch, "cards", c.reissue, ops["clerk"], VALID_ID, reason, on)
    attempt(watch, "cards", c.pickup, ops["clerk"], VALID_ID, on, agent, agent_id)
    attempt(watch, "cards", c.set_rule, ops["admin"], key, value)
    attempt(watch, "cards", c.printer.set_calibration, ops["clerk"], printer, x, y)
    CASES["cards"] += 1
    assert c.verify(value).status in ("tampered", "revoked", "unknown", "valid")


@fuzz(200)
@given(name=texts, roles=st.lists(st.one_of(st.sampled_from(["clerk", "admin"]), texts),
                                  max_size=3), password=opt_texts, new=opt_texts)
def test_users(fx, name, roles, password, new) -> None:  # type: ignore[no-untyped-def]
    services, ops, watch = fx
    u = services.users
    attempt(watch, "users", u.add, ops["admin"], name, roles, password)
    attempt(watch, "users", u.authenticate, name, password)
    attempt(watch, "users", u.change_password, ops["clerk"], password, new)
    attempt(watch, "users", u.reset_password, ops["admin"], name, new)
    attempt(watch, "users", u.set_roles, ops["admin"], name, roles)
    attempt(watch, "users", u.set_active, ops["admin"], name, False)


@fuzz(200)
@given(key=st.one_of(st.sampled_from(["office.name", "office.region", "security.idle_minutes",
                                      "office.private_key"]), texts), value=texts,
       person=opt_texts, operator=opt_texts, kind=opt_texts, limit=ints,
       before=st.one_of(st.none(), ints), d1=st.one_of(st.none(), dates),
       d2=st.one_of(st.none(), dates))
def test_settings_and_audit_queries(fx, key, value, person, operator, kind, limit, before, d1,
                                    d2) -> None:  # type: ignore[no-untyped-def]
    services, ops, watch = fx
    attempt(watch, "settings", services.settings.set, ops["admin"], key, value)
    q = AuditQuery(person=person, operator=operator, kind=kind, limit=limit, before=before,
                   date_from=d1, date_to=d2)
    attempt(watch, "audit", services.audit.list, ops["admin"], q)


# --- the command line -----------------------------------------------------------------------------
_CODE_LINE = re.compile(r"^[A-Z][A-Z0-9_]+: \S.*\n$")
V = "{v}"
ID = VALID_ID
CLI_GROUPS = {
    "cli.people": [
        ["people", "add", "--id", V, "--name", "张三"], ["people", "add", "--id", ID, "--name", V],
        *[["people", "add", "--id", make_id("1950-01-01", 31), "--name", "王五", opt, V]
          for opt in ("--sex", "--community", "--street", "--phone", "--ethnicity", "--address",
                      "--bank", "--account", "--household", "--permit-expiry",
                      "--checksum-override")],
        ["people", "show", V], ["people", "search", V], ["people", "search", "张", "--limit", V],
        ["people", "death", V, "--date", "2026-01-05"], ["people", "death", ID, "--date", V],
        ["people", "moved-out", V, "--date", "2026-01-05"],
        ["people", "moved-out", ID, "--date", V], ["people", "correct-id", V, ID, "--reason", "r"],
        ["people", "correct-id", ID, V, "--reason", "r"],
        ["people", "correct-id", ID, make_id("1940-03-12", 13), "--reason", V],
    ],
    "cli.allowance": [
        ["lifecert", V], ["lifecert", ID, "--date", V], ["allowance", "apply", V],
        ["allowance", "apply", ID, "--date", V], ["allowance", "review", V, "--approve"],
        ["allowance", "review", ID, "--reject", "--reason", V],
        ["allowance", "review", ID, "--approve", "--date", V], ["allowance", "approve", V],
        ["allowance", "approve", ID, "--date", V], ["allowance", "reject", ID, "--reason", V],
        ["allowance", "stop", ID, "--date", V, "--reason", "other"],
        ["allowance", "stop", ID, "--date", "2026-01-01", "--reason", V],
        ["allowance", "stop", ID, "--date", "2026-01-01", "--reason", "other", "--note", V],
        ["policy", "load", V], ["policy", V],
    ],
    "cli.rosters": [
        ["roster", "build", "--period", V], ["roster", "show", "--period", V],
        ["roster", "freeze", "--period", V], ["roster", "export", "--period", V, "--pdf", "@r.pdf"],
        ["roster", "export", "--period", "2026Q1", "--pdf", V],
        ["roster", "export", "--period", "2026Q1", "--xlsx", V], ["recoveries", V],
        ["recoveries", "settle", V, "--month", "2026-01"],
        ["recoveries", "settle", ID, "--month", V], ["recoveries", "settle", ID, "--month",
                                                     "2026-01", "--date", V],
    ],
    "cli.cards": [
        ["card", "issue", V], ["card", "issue", ID, "--date", V], ["card", "issue", ID, "--photo", V],
        ["card", "issue", ID, "--photo", "@none.jpg", "--crop", V],
        ["card", "reissue", ID, "--reason", V], ["card", "reissue", V, "--reason", "lost"],
        ["card", "pickup", V], ["card", "pickup", ID, "--agent-name", V, "--agent-id", ID],
        ["card", "pickup", ID, "--agent-name", "李四", "--agent-id", V],
        ["card", "pickup", ID, "--date", V], ["card", "show", V], ["card", "print", V, "--pdf",
                                                                   "@c.pdf"],
        ["card", "print", ID, "--pdf", V], ["card", "print", ID, "--pdf", "@c.pdf", "--mode", V],
        ["card", "print", ID, "--pdf", "@c.pdf", "--printer", V],
        ["card", "print", ID, "--pdf", "@c.pdf", "--mode", "overlay", "--template", V],
        ["card", "verify", V], ["card", "rules", "--set", V], ["card", "offset", "--printer", V],
        ["card", "offset", "--x", V, "--y", "1"], ["card", "calibrate", "--pdf", V],
    ],
    "cli.admin": [
        ["user", "add", V, "--role", "clerk"], ["user", "add", "wang", "--role", V],
        ["user", "reset", V], ["user", "disable", V], ["user", "enable", V],
        ["user", "roles", V, "--role", "clerk"], ["user", "passwd"], ["user", V],
        ["audit", "list", "--person", V], ["audit", "list", "--operator", V],
        ["audit", "list", "--from", V], ["audit", "list", "--to", V],
        ["audit", "list", "--kind", V], ["audit", "list", "--limit", V],
        ["audit", "list", "--before", V], ["audit", V], ["backup", "create", V],
        ["backup", "restore", V], ["demo", "--people", V], ["demo", "--people", "1", "--seed", V],
        ["import", "people", V], ["import", "people", "@none.xlsx", "--sheet", V],
        ["import", "deaths", V], ["import", "people", "@none.xlsx", "--report", V],
        [V], [V, V], ["people", V], ["--user", V, "people", "search", "张"],
        ["--db", V, "people", "search", "张"],
    ],
    "cli.dates": [  # issue 11: dates, periods, options given twice, --full-id
        ["stats", "--date", V], ["stats", "--from", V, "--to", "2026-05"],
        ["stats", "--from", "2026-01", "--to", V], ["form", "adjust", "--month", V, "--json"],
        ["form", "pickup", "--from", V, "--to", "2026-05-20", "--json"],
        ["form", "pickup", "--month", V, "--pdf", "@p.pdf", "--full-id"],
        ["form", "application", ID, "--date", V, "--json"], ["card", "issue", ID, "--date", V],
        ["lifecert", ID, "--date", V, "--date", "2026-01-02"], ["lifecert", ID, "--date", V],
        ["people", "death", ID, "--date", V], ["allowance", "approve", ID, "--date", V],
        ["roster", "build", "--period", V], ["roster", "freeze", "--period", V],
        ["people", "show", ID, "--user", V], ["people", "show", ID, "--json", "--db", V],
        ["people", "add", "--id", make_id("1951-02-03", 41), "--name", V],
        ["people", "add", "--id", make_id("1951-02-03", 51), "--name", "赵六",
         "--permit-expiry", V, "--household", "nonlocal"],
    ],
}
TODAY_TEMPLATES = [["people", "search", "张"], ["stats"], ["lifecert", ID],
                   ["roster", "build", "--period", "2026Q1"], ["card", "verify", "x"]]


def _starts_gui(argv: list[str]) -> bool:
    try:
        return not split_globals([*argv, "--db", "x", "--user", "admin"])[1]
    except ElderError:
        return False


class Cli:
    def __init__(self, db: Path, out_dir: Path, mp: pytest.MonkeyPatch, services, admin) -> None:  # type: ignore[no-untyped-def]
        self.db, self.out_dir, self.mp = db, out_dir, mp
        self.services, self.admin = services, admin
        self.watch = Watch(db)

    def run(self, group: str, argv: list[str], stdin: str, today: str | None = None) -> None:
        if _starts_gui(argv):
            return  # no command left: that starts the GUI (cli.md), not a case for this test
        CASES[group] += 1
        if today is not None:
            self.mp.setenv("ELDERDESK_TODAY", today)
        try:
            self._run(argv, stdin)
        finally:
            self.mp.setenv("ELDERDESK_TODAY", TODAY.isoformat())
            if {"passwd", "reset"} & set(argv):  # keep the admin's password: later cases
                self.services.users.reset_password(self.admin, "admin", ADMIN_PASSWORD)

    def _run(self, argv: list[str], stdin: str) -> None:
        before, files = self.watch.version(), set(self.out_dir.iterdir())
        out_b, err_b = io.BytesIO(), io.BytesIO()
        out = io.TextIOWrapper(out_b, encoding="utf-8", errors="strict")  # like a real stdout
        err = io.TextIOWrapper(err_b, encoding="utf-8", errors="backslashreplace")
        self.mp.setattr(sys, "stdout", out)
        self.mp.setattr(sys, "stderr", err)
        self.mp.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            status = main([*argv, "--db", str(self.db), "--user", "admin"])
        finally:
            out.flush()
            err.flush()
            self.mp.setattr(sys, "stdout", sys.__stdout__)
            self.mp.setattr(sys, "stderr", sys.__stderr__)
        stdout, stderr = out_b.getvalue().decode("utf-8"), err_b.getvalue().decode("utf-8")
        assert status in (0, 1, 2, 3, 4), (argv, status, stderr)
        if status in (2, 3, 4):
            assert stdout == "", (argv, stdout)
            assert _CODE_LINE.match(stderr), (argv, stderr)
            code = stderr.split(":", 1)[0]
            assert code != "INTERNAL" and code in MESSAGES, (argv, stderr)
            assert MESSAGES[code][0] == status, (argv, stderr)
            assert self.watch.version() == before, (argv, stderr, "stored on error")
            assert set(self.out_dir.iterdir()) == files, (argv, stderr, "file left on error")
        else:
            assert "Traceback" not in stderr and "INTERNAL" not in stderr, (argv, stderr)


@pytest.fixture
def cli(fx, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    services, ops, watch = fx
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    monkeypatch.setenv("ELDERDESK_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("ELDERDESK_TODAY", TODAY.isoformat())
    monkeypatch.chdir(out_dir)  # relative output paths land where they are watched
    c = Cli(services.db.path, out_dir, monkeypatch, services, ops["admin"])
    yield c
    c.watch.close()


def _argv(template: list[str], value: str, out_dir: Path) -> list[str]:
    return [value if a == V else str(out_dir / a[1:]) if a.startswith("@") else a
            for a in template]


def _cli_test(group: str, n: int):  # type: ignore[no-untyped-def]
    templates = CLI_GROUPS[group]

    @fuzz(n)
    @given(template=st.sampled_from(templates), value=texts, stdin=texts)
    def test(cli, template, value, stdin) -> None:  # type: ignore[no-untyped-def]
        cli.run(group, _argv(template, value, cli.out_dir), stdin + "\n")

    return test


test_cli_people = _cli_test("cli.people", 200)
test_cli_allowance = _cli_test("cli.allowance", 150)
test_cli_rosters = _cli_test("cli.rosters", 120)
test_cli_cards = _cli_test("cli.cards", 200)
test_cli_admin = _cli_test("cli.admin", 200)
test_cli_dates = _cli_test("cli.dates", 150)


@fuzz(60)
@given(template=st.sampled_from(TODAY_TEMPLATES), today=st.one_of(
    st.sampled_from(["0001-01-01", "9999-12-31", "2024-02-29", "2025-02-29", "1900-01-01",
                     "2199-12-31", "", " ", "2026-5-20"]), texts, dates.map(str)))
def test_cli_elderdesk_today(cli, template, today) -> None:  # type: ignore[no-untyped-def]
    """Any ELDERDESK_TODAY: the command runs, or stops with TODAY_INVALID (or another code)."""
    today = today.replace("\x00", "").encode("utf-8", "ignore").decode()  # what an env holds
    cli.run("cli.today", template, PASSWORD + "\n", today=today)


def test_cli_every_option_with_every_fixed_value(cli) -> None:
    """A sweep besides the random groups: each template once with each of a few values."""
    fixed = ["", "x" * 5000, "a\nb", "\udcff", "'; DROP TABLE people; --", "2026-02-30",
             "-1", "99999999999999999999", "😀", "䶮𠀀", "\x00"]
    for group, templates in CLI_GROUPS.items():
        for template, value in itertools.product(templates, fixed):
            cli.run(group + ".sweep", _argv(template, value, cli.out_dir), PASSWORD + "\n")
