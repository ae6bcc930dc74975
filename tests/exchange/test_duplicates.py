"""Duplicates across streets (multi-office.md §5, 应退尽退; docs/exchange.md).

Street A registers X (reviewed), Y (reviewed) and Z; street B registers X too (reviewed) and
Y, who then moves out of B. At the district: B's package is DUP_OFFICE for X only (Y is live
at A alone); both registrations of X are kept; a command naming X needs --office; an --office
not holding the ID is refused; at a street --office is a usage error; a second approval of X
is refused in the allowance service; the 疑似重复 list (service, CLI, workbook) names X with
both streets."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import PersonInput
from tests.cli.conftest import Runner
from tests.conftest import PASSWORD
from tests.exchange.conftest import REGION, A, B, make_office
from tests.exchange.test_exchange_flow import register

TODAY = "2026-03-10"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dups")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ELDERDESK_TODAY", TODAY)
        d = make_office(tmp, "district", None, district=True)
        a, b = make_office(tmp, "street_a", "001"), make_office(tmp, "street_b", "002")
        for street in (a, b):
            d.services.office.add_partner(d.admin, street.code, f"街道{street.code[-3:]}",
                                          street.services.cards.public_key().encode())
            street.services.office.add_partner(street.admin, REGION, "江汉区民政局",
                                               d.services.cards.public_key().encode())
        x, = register(a, 1, 10)
        y, = register(a, 1, 20)
        z, = register(a, 1, 30)
        assert register(b, 1, 10) == [x]
        b.services.people.add(b.clerk, PersonInput(y, "老人20", community="民意社区"))
        b.services.people.record_moved_out(b.clerk, y, date(2026, 3, 1))
        for street, name in ((a, "a1.edx"), (b, "b1.edx")):
            street.services.exchange.export(street.admin, tmp / name)
        first = d.services.exchange.import_file(d.admin, tmp / "a1.edx")
        yield {"d": d, "a": a, "b": b, "x": x, "y": y, "z": z, "tmp": tmp, "first": first}
    for o in (d, a, b):
        o.services.close()


@pytest.fixture(scope="module")
def second(world):
    """B's package imported at the district through the CLI (once for the module)."""
    with pytest.MonkeyPatch.context() as mp:
        r = Runner(world["d"].path, mp)("exchange", "import", str(world["tmp"] / "b1.edx"),
                                         "--json", today=TODAY)
    return r


@pytest.fixture
def district(world, second, monkeypatch):
    return Runner(world["d"].path, monkeypatch)


def test_an_id_live_at_two_streets_is_dup_office_naming_both(world, second):
    assert world["first"].findings == []
    assert second.status == 1, second.err
    found = [(f["code"], f["id_number"], f["offices"]) for f in second.json["findings"]]
    assert found == [("DUP_OFFICE", world["x"], [A, B])]  # Y moved out of B: not live there
    assert "街道 420103001" in second.json["findings"][0]["message"]
    assert second.json["counts"]["person"] == 2


def test_both_registrations_are_kept_and_a_command_needs_office(world, district):
    x, y = world["x"], world["y"]
    r = district("people", "show", x, "--json", today=TODAY)
    assert r.status == 4 and r.err.startswith("OFFICE_REQUIRED")
    assert A in r.err and B in r.err
    for office in (A, B):
        r = district("people", "show", x, "--office", office, "--json", today=TODAY)
        assert r.status == 0, r.err
        assert (r.json["office"], r.json["enrollment"]["status"]) == (office, "reviewed")
    r = district("people", "show", x, "--office", "420103009", today=TODAY)
    assert r.status == 4 and r.err.startswith("OFFICE_NOT_HOLDER") and "420103009" in r.err
    # Y is active at A only (moved out of B): no --office needed, A's registration is shown.
    r = district("people", "show", y, "--json", today=TODAY)
    assert (r.status, r.json["office"], r.json["status"]) == (0, A, "active")
    r = district("people", "show", y, "--office", B, "--json", today=TODAY)
    assert (r.status, r.json["status"]) == (0, "moved_out")
    r = district("card", "show", x, "--office", B, "--json", today=TODAY)
    assert (r.status, r.json["id_number"]) == (0, x)
    d = world["d"]
    queue = d.services.allowance.queue(d.admin, "reviewed")
    assert sorted((q.id_number, q.office) for q in queue) == \
        [(x, A), (x, B), (y, A), (world["z"], A)]
    assert d.services.allowance.application_of(d.admin, f"{x}@{B}").office == B
    r = district("people", "search", x, "--json", today=TODAY)
    assert r.status == 0 and [g["office"] for g in r.json["results"]] == [A, B]


def test_office_at_a_street_is_a_usage_error(world, monkeypatch):
    run = Runner(world["a"].path, monkeypatch)
    r = run("people", "show", world["z"], "--office", A, today=TODAY)
    assert r.status == 2 and r.err.startswith("USAGE")
    assert run("people", "show", world["z"], today=TODAY).status == 0


def test_the_duplicates_list_and_its_workbook(world, district):
    x = world["x"]
    listed = world["d"].services.duplicates.list(world["d"].admin)
    assert [(d.id_number, d.offices) for d in listed] == [(x, [A, B])]
    assert [r.application for r in listed[0].registrations] == ["reviewed", "reviewed"]
    r = district("exchange", "duplicates", "--json", today=TODAY)
    assert r.status == 0, r.err
    doc = r.json["duplicates"]
    assert [(d["id_number"], [g["office"] for g in d["registrations"]]) for d in doc] == \
        [(x, [A, B])]
    assert doc[0]["registrations"][1]["office_name"] == "街道002"
    out = world["tmp"] / "dups.xlsx"
    r = district("exchange", "duplicates", "--xlsx", str(out), today=TODAY)
    assert r.status == 0 and x in r.out
    book = openpyxl.load_workbook(out)
    sheet = book["疑似重复"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3, max_row=4)]
    assert [(row[1], row[3], row[7]) for row in rows] == [(x, A, "已审核待审批"),
                                                          (x, B, "已审核待审批")]
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert district("exchange", "duplicates", "--xlsx", str(out), today=TODAY).status == 4
    street = Runner(world["a"].path, district.mp)("exchange", "duplicates", "--json",
                                                  today=TODAY)
    assert (street.status, street.json) == (0, {"duplicates": []})


def test_a_second_approval_is_refused_in_the_service(world, district):
    d, x = world["d"], world["x"]
    r = district("allowance", "approve", x, "--office", A, "--json", user="approver",
                 password=PASSWORD, today=TODAY)
    assert (r.status, r.json["office"], r.json["enrollment"]["status"]) == (0, A, "approved")
    with pytest.raises(ElderError) as refused:
        d.services.allowance.approve(d.approver, f"{x}@{B}")
    assert refused.value.code == "DUP_APPROVED" and refused.value.exit_status == 4
    assert A in refused.value.message
    r = district("allowance", "approve", x, "--office", B, user="approver", password=PASSWORD,
                 today=TODAY)
    assert r.status == 4 and r.err.startswith("DUP_APPROVED") and A in r.err
    r = district("people", "show", x, "--office", B, "--json", today=TODAY)
    assert r.json["enrollment"]["status"] == "reviewed"  # nothing written
    # The district may still decide B's application otherwise (reject it as a duplicate).
    r = district("allowance", "reject", x, "--office", B, "--reason", "重复申请", "--json",
                 user="approver", password=PASSWORD, today=TODAY)
    assert (r.status, r.json["enrollment"]["status"]) == (0, "rejected")
    listed = d.services.duplicates.list(d.admin)
    assert [r.application for r in listed[0].registrations] == ["approved", "rejected"]
