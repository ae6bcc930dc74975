"""`people add --permit-expiry`: a non-local elder's residence permit decides the senior card."""

from tests.helpers import make_id

BOTH_ENGINES = True  # tests/conftest.py: SQLite and PostgreSQL

ID = make_id("1950-03-08", 21)


def test_permit_expiry_is_stored_and_decides_the_card(run):
    run("user", "add", "clerk", "--role", "clerk", stdin="clerk-pass\n")
    r = run("people", "add", "--id", ID, "--name", "林淑芬", "--household", "nonlocal",
            "--permit-expiry", "2026-06-30", "--json")
    assert r.status == 0, r.err
    assert (r.json["household_type"], r.json["residence_permit_expiry"]) == \
        ("nonlocal", "2026-06-30")
    assert run("people", "show", ID, "--json").json["residence_permit_expiry"] == "2026-06-30"

    late = run("card", "issue", ID, "--date", "2026-07-01", user="clerk", password="clerk-pass")
    assert late.status == 4 and late.err.startswith("CARD_NOT_LOCAL: ")
    assert "居住证已于 2026-06-30 到期" in late.err
    ok = run("card", "issue", ID, "--date", "2026-06-30", user="clerk", password="clerk-pass")
    assert ok.status == 0, ok.err


def test_permit_expiry_must_be_a_date(run):
    r = run("people", "add", "--id", ID, "--name", "林淑芬", "--permit-expiry", "2026/06/30")
    assert r.status == 2 and r.err.startswith("INVALID_DATE: ")
    assert run("people", "show", ID).status != 0  # nothing registered
