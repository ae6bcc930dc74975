"""Issue 11 items 11 and 12 at the command line: odd input gives a clear coded error with its
exit status (never INTERNAL), options given twice, empty dates, --full-id needs unmasking."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PASSWORD, wuhan_policy
from tests.helpers import make_id

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL

ID = make_id("1940-03-12", 11)


def code(r) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    assert r.out == "" and r.err.count("\n") == 1, (r.out, r.err)
    return r.status, r.err.split(":", 1)[0]


@pytest.mark.parametrize(("argv", "expected"), [
    (["roster", "build", "--period", "0000Q1"], (2, "INVALID_PERIOD")),
    (["roster", "build", "--period", "0001Q1"], (2, "DATE_OUT_OF_RANGE")),
    (["roster", "show", "--period", "9999Q4"], (2, "DATE_OUT_OF_RANGE")),
    (["stats", "--date", "0001-01-01"], (2, "DATE_OUT_OF_RANGE")),
    (["stats", "--date", "9999-12-31"], (2, "DATE_OUT_OF_RANGE")),
    (["stats", "--from", "0001-01", "--to", "0001-12"], (2, "DATE_OUT_OF_RANGE")),
    (["form", "adjust", "--month", "0001-01", "--json"], (2, "DATE_OUT_OF_RANGE")),
    (["form", "pickup", "--from", "0001-01-01", "--to", "0001-01-02", "--json"],
     (2, "DATE_OUT_OF_RANGE")),
    (["audit", "list", "--from", "0001-01-01"], (2, "DATE_OUT_OF_RANGE")),
    (["lifecert", ID, "--date", "9999-12-31"], (2, "DATE_OUT_OF_RANGE")),
    (["lifecert", ID, "--date", "2199-12-31"], (2, "DATE_IN_FUTURE")),
    (["roster", "build", "--period", "2199Q4"], (4, "PERIOD_IN_FUTURE")),
])
@pytest.mark.sqlite_only("argument checks")
def test_odd_dates_and_periods(run, argv, expected) -> None:
    assert run("people", "add", "--id", ID, "--name", "张三丰").status == 0
    assert code(run(*argv)) == expected


def test_planning_dates_may_lie_ahead(run) -> None:
    assert run("stats", "--date", "2199-12-31", "--json").status == 0
    assert run("form", "adjust", "--month", "2199-12", "--json").status == 0


@pytest.mark.parametrize("today", ["0001-01-01", "9999-12-31", "2026-02-30"])
@pytest.mark.parametrize("argv", [["people", "search", "张"], ["stats"],
                                  ["roster", "build", "--period", "2026Q1"]])
@pytest.mark.sqlite_only("argument checks")
def test_today_outside_the_range(run, today, argv) -> None:
    assert code(run(*argv, today=today)) == (2, "TODAY_INVALID")


def _policy_file(tmp_path: Path, text: str, name: str = "p.toml", bom: bool = False) -> str:
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return str(path)


def test_policy_files(run, tmp_path) -> None:
    wuhan = wuhan_policy()
    assert wuhan
    deep = _policy_file(tmp_path, "a = " + "[" * 5000 + "]" * 5000, "deep.toml")
    assert code(run("policy", "load", deep)) == (2, "POLICY_INVALID")
    huge = _policy_file(tmp_path, wuhan.replace('monthly = "100"', 'monthly = "999999999999.99"'),
                        "huge.toml")
    r = run("policy", "load", huge)
    assert code(r) == (2, "POLICY_INVALID") and "100000" in r.err
    bom = _policy_file(tmp_path, wuhan.replace('monthly = "100"', 'monthly = "120"'), bom=True)
    assert run("policy", "load", bom).status == 0
    shown = run("policy", "show", "--json").json
    assert shown["version"][0]["bands"][0]["monthly"] == "120.00"
    assert run("roster", "build", "--period", "2026Q1", today="2026-05-20").status == 0


def test_huge_monthly_amount_loaded_before_the_limit_is_a_clear_error(run, tmp_path) -> None:
    """A database that took such a policy before this check: every use names the policy."""
    from datetime import datetime

    from tests.helpers import sql_rows

    wuhan = wuhan_policy() or ""
    sql_rows(run.db, "INSERT INTO policies (loaded_at, operator, source) VALUES (?, ?, ?)",
             (datetime.now().isoformat(" "), "admin",
              wuhan.replace('monthly = "100"', 'monthly = "999999999999.99"')))
    assert code(run("roster", "build", "--period", "2026Q1", today="2026-05-20")) == (
        2, "POLICY_INVALID")


# --- options given twice (cli.md conventions) ------------------------------------------------
def test_an_option_given_twice_with_different_values_is_a_usage_error(run) -> None:
    assert run("people", "add", "--id", ID, "--name", "张三丰").status == 0
    r = run("lifecert", ID, "--date", "2026-01-02", "--date", "2026-01-03", today="2026-05-20")
    assert code(r) == (2, "USAGE") and "--date" in r.err
    r = run("lifecert", ID, "--date=2026-01-02", "--date", "2026-01-03", today="2026-05-20")
    assert code(r) == (2, "USAGE")
    assert run("people", "show", ID, "--db", "/elsewhere.db") .status == 2  # --db twice
    assert code(run("people", "show", ID, "--user", "other")) == (2, "USAGE")
    # the same value twice is fine, for global and command options alike
    assert run("people", "show", ID, "--user", "admin", "--json", "--json").status == 0
    assert run("people", "show", ID, f"--db={run.db}").status == 0
    assert run("lifecert", ID, "--date", "2026-01-02", "--date", "2026-01-02",
               today="2026-05-20").status == 0
    # --role may repeat
    assert run("user", "add", "wang", "--role", "clerk", "--role", "reviewer",
               stdin=PASSWORD + "\n").status == 0


@pytest.mark.parametrize("argv", [
    ["stats", "--date", ""], ["stats", "--from", "", "--to", "2026-05"],
    ["form", "adjust", "--month", "", "--json"], ["form", "pickup", "--date", "", "--json",
                                                  "--month", "2026-05"],
    ["form", "pickup", "--from", "", "--to", "", "--json"],
])
@pytest.mark.sqlite_only("argument checks")
def test_an_empty_date_is_refused_not_today(run, argv) -> None:
    status, c = code(run(*argv))
    assert status == 2 and c in ("INVALID_DATE", "INVALID_MONTH", "USAGE")


# --- full IDs on printed lists need the unmask permission -------------------------------------
def test_full_id_needs_the_unmask_permission(run, tmp_path) -> None:
    assert run("user", "add", "rev", "--role", "reviewer", stdin=PASSWORD + "\n").status == 0
    assert run("user", "add", "clk", "--role", "clerk", stdin=PASSWORD + "\n").status == 0
    for kind, extra in (("pickup", ["--month", "2026-05"]), ("adjust", ["--month", "2026-05"])):
        pdf = tmp_path / f"{kind}.pdf"
        r = run("form", kind, *extra, "--pdf", str(pdf), "--full-id", user="rev",
                password=PASSWORD)
        assert code(r) == (3, "ROLE_DENIED") and not pdf.exists()
        assert run("form", kind, *extra, "--pdf", str(pdf), user="rev",
                   password=PASSWORD).status == 0  # masked is fine
        full = tmp_path / f"{kind}-full.pdf"
        assert run("form", kind, *extra, "--pdf", str(full), "--full-id", user="clk",
                   password=PASSWORD).status == 0
