"""The district roster (issue 15, multi-office.md §3 `payment` and §5): two streets and their
district. The payment setting takes effect when a street's package acknowledges the package
that carried it; the district pays from the period after the street's last own frozen roster
(no period paid twice); lines carry their street; `--office` filters; the printed roster has
subtotals per street and community; the bank sheet one row per person; a street whose district
pays builds drafts only for the next period and refuses freeze, the bank file, settling and
policy loads."""

from __future__ import annotations

import json
import subprocess
from collections import defaultdict
from datetime import date

import pytest
from openpyxl import load_workbook

from elderdesk.domain.errors import ElderError
from elderdesk.domain.person import PersonInput
from tests.cli.conftest import Runner
from tests.conftest import wuhan_policy
from tests.exchange.conftest import REGION, A, B
from tests.helpers import make_id
from tests.system_tools import needs

DAY = date(2026, 3, 2)
ACCOUNT = "6222020200001234567"


def register(office, n: int, seq0: int, community: str) -> list[str]:
    """n people of 86 registered, applied for, reviewed and proved alive at a street."""
    svc, ids = office.services, []
    for i in range(n):
        number = make_id(date(1940, 1, 1 + i), seq=seq0 + i)
        svc.people.add(office.clerk, PersonInput(number, f"老人{seq0 + i}", community=community,
                                                 bank="工商银行", account=ACCOUNT))
        svc.allowance.apply(office.clerk, number, DAY)
        svc.allowance.review(office.reviewer, number, True, "符合条件", DAY)
        svc.allowance.lifecert(office.clerk, number, DAY)
        ids.append(number)
    return ids


def prove_alive(office, ids: list[str], on: date) -> None:  # type: ignore[no-untyped-def]
    for number in ids:
        office.services.allowance.lifecert(office.clerk, number, on)


def send(sender, receiver, folder, name: str, to: str | None = None):
    out = folder / name
    sender.services.exchange.export(sender.admin, out, to)
    return receiver.services.exchange.import_file(receiver.admin, out)


def approved_at_district(d, a, b, folder) -> tuple[list[str], list[str]]:
    """Three people of street A (two communities) and two of street B registered, sent to the
    district d and approved there on 2026-03-05: their ID numbers, A's and B's."""
    ids_a = register(a, 2, 10, "民意社区") + register(a, 1, 20, "新华社区")
    ids_b = register(b, 2, 50, "唐家墩社区")
    send(a, d, folder, "a1.edx")
    send(b, d, folder, "b1.edx")
    for number in ids_a + ids_b:
        d.services.allowance.approve(d.approver, number, date(2026, 3, 5))
    return ids_a, ids_b


def paid_months(office, number: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """'YYYY-MM' -> fen of the office's ledger of a person (its payment history)."""
    return {str(h.status.month): h.paid_fen
            for h in office.services.allowance.history(office.admin, number) if h.paid_fen}


def months_paid(view) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    out: dict[str, list[str]] = defaultdict(list)
    for ln in view.lines:
        out[ln.id_number] += [i.month for i in ln.payments]
    return out


@pytest.fixture
def world(offices, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """Both streets paid 2026Q1 themselves; the district then set both to `district`. Street
    A received the setting at once, street B only after freezing 2026Q2 itself."""
    d, a, b = offices["district"], offices["a"], offices["b"]
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-03-10")
    ids_a, ids_b = approved_at_district(d, a, b, tmp_path)
    send(d, a, tmp_path, "d-a1.edx", to=A)
    send(d, b, tmp_path, "d-b1.edx", to=B)
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-04-10")
    prove_alive(a, ids_a, date(2026, 4, 10))
    prove_alive(b, ids_b, date(2026, 4, 10))
    for street in (a, b):
        street.services.roster.build(street.clerk, "2026Q1")
        street.services.roster.freeze(street.approver, "2026Q1")
    up_a = send(a, d, tmp_path, "a2.edx")
    assert up_a.counts["roster"] == 1 and up_a.counts["ledger"] == 3  # what A's Q1 paid
    send(b, d, tmp_path, "b2.edx")
    for street in (A, B):
        d.services.office.payment(d.admin, street, "district")
    send(d, a, tmp_path, "d-a2.edx", to=A)  # carries A's setting
    d.services.exchange.export(d.admin, tmp_path / "d-b2.edx", B)  # B's, imported later
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-07-10")
    prove_alive(a, ids_a, date(2026, 7, 10))  # each proof of life covers three months
    prove_alive(b, ids_b, date(2026, 7, 10))
    b.services.roster.build(b.clerk, "2026Q2")  # B has not received the setting yet
    b.services.roster.freeze(b.approver, "2026Q2")
    return {"d": d, "a": a, "b": b, "ids_a": ids_a, "ids_b": ids_b, "tmp": tmp_path}


def test_payment_takes_effect_on_acknowledgement_and_no_period_is_paid_twice(world,
                                                                            monkeypatch):
    d, a, b, tmp = world["d"], world["a"], world["b"], world["tmp"]
    ids_a, ids_b = world["ids_a"], world["ids_b"]
    # Set, sent, but not yet acknowledged by any street: the district pays nobody.
    assert d.services.roster.build(d.clerk, "2026Q2").lines == ()
    # A's package acknowledges the setting: the district pays A from 2026Q2 (after A's Q1).
    send(a, d, tmp, "a3.edx")
    view = d.services.roster.build(d.clerk, "2026Q2")
    assert sorted(ln.id_number for ln in view.lines) == sorted(ids_a)
    assert {ln.office for ln in view.lines} == {A}
    for months in months_paid(view).values():  # Q1 was A's: no arrears, Q2 only
        assert months == ["2026-04", "2026-05", "2026-06"]
    # B imports the setting after freezing Q2 itself; its next package acknowledges it with Q2
    # in it: the district pays B from 2026Q3, its Q2 roster leaves B out.
    b.services.exchange.import_file(b.admin, tmp / "d-b2.edx")
    up_b = send(b, d, tmp, "b3.edx")
    assert up_b.counts["roster"] == 1 and up_b.counts["ledger"] == 2  # B's Q2
    view = d.services.roster.build(d.clerk, "2026Q2")
    assert sorted(ln.id_number for ln in view.lines) == sorted(ids_a)
    d.services.roster.freeze(d.approver, "2026Q2")
    assert d.services.office.payment(d.admin) == {A: "district", B: "district"}
    # 2026Q3: both streets, each person paid the three months of Q3 and nothing before.
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-10-10")
    view = d.services.roster.build(d.clerk, "2026Q3")
    assert sorted(ln.id_number for ln in view.lines) == sorted(ids_a + ids_b)
    assert {ln.id_number: ln.office for ln in view.lines} == {
        **dict.fromkeys(ids_a, A), **dict.fromkeys(ids_b, B)}
    for months in months_paid(view).values():
        assert months == ["2026-07", "2026-08", "2026-09"]
    assert not any(ln.recoveries for ln in view.lines)
    # The street's own ledger and the district's never pay one month twice.
    d.services.roster.freeze(d.approver, "2026Q3")
    q3 = {"2026-07": 10000, "2026-08": 10000, "2026-09": 10000}
    for number in ids_b:  # B's ledger (through Q2) and the district's own Q3, each month once
        street = paid_months(b, number)
        assert {"2026-04", "2026-05", "2026-06"} <= set(street) and "2026-07" not in street
        assert paid_months(d, number) == {**street, **q3}


def test_lines_carry_their_office_and_office_filters(world, monkeypatch):
    d, a, tmp = world["d"], world["a"], world["tmp"]
    send(a, d, tmp, "a3.edx")
    d.services.roster.build(d.clerk, "2026Q2")
    run = Runner(d.path, monkeypatch)
    shown = run("roster", "show", "--period", "2026Q2", "--json", today="2026-07-10")
    assert shown.status == 0, shown.err
    doc = json.loads(shown.out)
    assert {ln["office"] for ln in doc["lines"]} == {A} and len(doc["lines"]) == 3
    only_a = json.loads(run("roster", "show", "--period", "2026Q2", "--office", A, "--json",
                            today="2026-07-10").out)
    assert only_a["lines"] == doc["lines"] and only_a["totals"] == doc["totals"]
    only_b = json.loads(run("roster", "show", "--period", "2026Q2", "--office", B, "--json",
                            today="2026-07-10").out)
    assert only_b["lines"] == [] and only_b["totals"]["people"] == 0
    unknown = run("roster", "show", "--period", "2026Q2", "--office", "420103009",
                  today="2026-07-10")
    assert unknown.status == 4 and "420103009" in unknown.err
    # At a street --office is a usage error, and its lines carry no office.
    street = Runner(a.path, monkeypatch)
    a.services.roster.build(a.clerk, "2026Q2")
    refused = street("roster", "show", "--period", "2026Q2", "--office", A, today="2026-07-10")
    assert refused.status == 2
    mine = json.loads(street("roster", "show", "--period", "2026Q2", "--json",
                             today="2026-07-10").out)
    assert mine["lines"] and all("office" not in ln for ln in mine["lines"])


def test_street_while_the_district_pays(world, monkeypatch, tmp_path):
    a, b = world["a"], world["b"]
    run = Runner(a.path, monkeypatch)
    # Drafts only for the period after its last frozen roster (2026Q1): 2026Q2, printable.
    assert run("roster", "build", "--period", "2026Q2", today="2026-07-10").status == 0
    pdf = tmp_path / "a-q2.pdf"
    printed = run("roster", "export", "--period", "2026Q2", "--pdf", str(pdf),
                  today="2026-07-10")
    assert printed.status == 0 and pdf.stat().st_size > 0
    later = run("roster", "build", "--period", "2026Q3", today="2026-10-10")
    assert later.status == 4 and "2026Q2" in later.err and "区里" in later.err
    for argv in (("roster", "freeze", "--period", "2026Q2"),
                 ("roster", "export", "--period", "2026Q1", "--xlsx", str(tmp_path / "x.xlsx")),
                 ("recoveries", "settle", world["ids_a"][0], "--month", "2026-01"),
                 ("policy", "load", str(tmp_path / "p.toml"))):
        (tmp_path / "p.toml").write_text(wuhan_policy() or "", encoding="utf-8")
        refused = run(*argv, today="2026-07-10")
        assert refused.status == 4, (argv, refused.err)
        assert "由区里" in refused.err and "统一发放" in refused.err, refused.err
    assert not (tmp_path / "x.xlsx").exists()
    with pytest.raises(ElderError) as caught:
        a.services.roster.freeze(a.approver, "2026Q2")
    assert caught.value.code == "DISTRICT_PAYS"
    # Street B still pays until it imports the setting: it froze Q2 (the fixture) and its bank
    # file is written.
    out = tmp_path / "b.xlsx"
    b.services.roster.export(b.approver, "2026Q2", xlsx=out)
    assert out.exists()


def test_printed_roster_subtotals_and_bank_sheet(world, monkeypatch, tmp_path):
    d, a, b, tmp = world["d"], world["a"], world["b"], world["tmp"]
    send(a, d, tmp, "a3.edx")
    b.services.exchange.import_file(b.admin, tmp / "d-b2.edx")
    send(b, d, tmp, "b3.edx")
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-10-10")
    d.services.roster.build(d.clerk, "2026Q2")
    d.services.roster.freeze(d.approver, "2026Q2")
    d.services.roster.build(d.clerk, "2026Q3")
    view = d.services.roster.freeze(d.approver, "2026Q3")
    pdf = tmp_path / "district-q3.pdf"
    d.services.roster.export(d.approver, "2026Q3", pdf=pdf)
    needs("pdftotext")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "分街道、社区小计" in text
    for street, community, people, fen in ((A, "民意社区", 2, 60000), (A, "新华社区", 1, 30000),
                                           (B, "唐家墩社区", 2, 60000)):
        row = next(ln for ln in text.splitlines() if street in ln and community in ln)
        assert f" {people} " in row and f"{fen // 100:,}.00" in row, row
    a_total = next(ln for ln in text.splitlines() if f"{A} 街道001 小计" in ln)
    assert "900.00" in a_total
    assert view.totals_fen()["paid"] == 150000
    # Only street B's part, printed alone: its subtotal and no line of A.
    pdf_b = tmp_path / "district-q3-b.pdf"
    d.services.roster.export(d.approver, "2026Q3", pdf=pdf_b, office=B)
    text_b = subprocess.run(["pdftotext", "-layout", str(pdf_b), "-"], capture_output=True,
                            text=True, check=True).stdout
    assert f"{B} 街道002 小计" in text_b and A not in text_b
    # The bank sheet: exactly the columns of cli.md, one row per person (and 合计).
    xlsx = tmp_path / "bank.xlsx"
    d.services.roster.export(d.approver, "2026Q3", xlsx=xlsx)
    sheet = load_workbook(xlsx).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == ["序号", "姓名", "身份证号", "开户银行", "银行账号", "实发金额"]
    body = [r for r in rows[1:] if r[0] != "合计"]
    ids = [r[2] for r in body]
    assert sorted(ids) == sorted(world["ids_a"] + world["ids_b"]) and len(set(ids)) == len(ids)
    assert all(r[5] == 300 for r in body)
    xlsx_b = tmp_path / "bank-b.xlsx"
    d.services.roster.export(d.approver, "2026Q3", xlsx=xlsx_b, office=B)
    rows_b = list(load_workbook(xlsx_b).worksheets[0].iter_rows(values_only=True))
    assert sorted(r[2] for r in rows_b[1:] if r[0] != "合计") == sorted(world["ids_b"])


def test_street_payment_setting_before_any_street_roster(offices, tmp_path, monkeypatch):
    """A street that never froze a roster: once the setting is acknowledged the district pays
    everything owed, back pay included (nothing was paid before)."""
    d, a = offices["district"], offices["a"]
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-03-10")
    ids = register(a, 1, 30, "民意社区")
    send(a, d, tmp_path, "a1.edx")
    d.services.allowance.approve(d.approver, ids[0], date(2026, 3, 5))
    d.services.office.payment(d.admin, A, "district")
    send(d, a, tmp_path, "d-a1.edx", to=A)
    send(a, d, tmp_path, "a2.edx")
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-04-10")
    view = d.services.roster.build(d.clerk, "2026Q1")
    assert [ln.id_number for ln in view.lines] == ids and view.lines[0].office == A
    assert view.lines[0].arrears_fen > 0  # back pay to eligibility, paid by the district
    assert d.code == REGION


def test_a_person_who_moved_between_streets_is_one_line_paid_once(offices, tmp_path,
                                                                  monkeypatch):
    """Registered at A (A paid 2026Q1), moved out of A in May, registered and applying again at
    B: the district, paying both from 2026Q2, gives the ID one line (B's registration), no
    second back pay to eligibility, and no month A paid."""
    d, a, b = offices["district"], offices["a"], offices["b"]
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-03-10")
    number = register(a, 1, 70, "民意社区")[0]
    send(a, d, tmp_path, "a1.edx")
    d.services.allowance.approve(d.approver, number, date(2026, 3, 5))
    send(d, a, tmp_path, "d-a1.edx", to=A)
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-04-10")
    prove_alive(a, [number], date(2026, 4, 10))
    a.services.roster.build(a.clerk, "2026Q1")
    a_q1 = a.services.roster.freeze(a.approver, "2026Q1")
    assert a_q1.lines[0].arrears_fen > 0  # A's back pay to eligibility
    send(a, d, tmp_path, "a2.edx")
    for street in (A, B):
        d.services.office.payment(d.admin, street, "district")
    send(d, a, tmp_path, "d-a2.edx", to=A)
    send(d, b, tmp_path, "d-b1.edx", to=B)
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-05-20")
    a.services.people.record_moved_out(a.clerk, number, date(2026, 5, 15))
    b.services.people.add(b.clerk, PersonInput(number, "老人70", community="唐家墩社区",
                                               bank="工商银行", account=ACCOUNT))
    b.services.allowance.apply(b.clerk, number, date(2026, 5, 20))
    b.services.allowance.review(b.reviewer, number, True, "迁入", date(2026, 5, 20))
    send(a, d, tmp_path, "a3.edx")
    send(b, d, tmp_path, "b1.edx")
    d.services.allowance.approve(d.approver, f"{number}@{B}", date(2026, 5, 20))
    monkeypatch.setenv("ELDERDESK_TODAY", "2026-07-10")
    view = d.services.roster.build(d.clerk, "2026Q2")
    mine = [ln for ln in view.lines if ln.id_number == number]
    assert len(mine) == 1 and mine[0].office == B
    months = [i.month for i in mine[0].payments]
    assert len(months) == len(set(months))
    assert months and all("2026-04" <= m <= "2026-06" for m in months), months
    frozen = d.services.roster.freeze(d.approver, "2026Q2")
    assert frozen.totals_fen()["paid"] == mine[0].paid_fen
