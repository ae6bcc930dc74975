"""The forms filled from the record and printed: what the services put in them (from the
entitlement engine and the roster items) and what poppler reads back from the PDFs."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest

from elderdesk.domain.errors import ElderError
from elderdesk.domain.forms import months_text
from elderdesk.domain.idcard import mask_id
from elderdesk.domain.months import Month
from elderdesk.domain.person import PersonInput
from elderdesk.reports.forms_pdf import write_form_pdf
from tests.helpers import make_id
from tests.system_tools import needs

poppler = needs("pdftotext")
MAY = make_id("1946-05-20", 11)  # 80 in 2026-05: the worked example of allowance-rules.md
NINETY = make_id("1936-09-03", 22)  # 90 in 2026-09
LATE = make_id("1940-01-15", 33)  # died 2026-07-15, recorded after 2026Q3 was paid
AGENT = make_id("1970-02-02", 13)


def pdf_text(path) -> str:
    """The PDF's text with all white space removed (wrapped paragraphs read as one line)."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return "".join(out.split())


def today(monkeypatch, day: str) -> None:
    monkeypatch.setenv("ELDERDESK_TODAY", day)


@pytest.fixture
def story(services, clerk, reviewer, approver, monkeypatch):
    """Three elders applying in August 2026; 2026Q3 and 2026Q4 frozen; one death recorded late."""
    today(monkeypatch, "2026-08-10")
    for number, name in ((MAY, "赵德明"), (NINETY, "钱秀兰"), (LATE, "孙大海")):
        services.people.add(clerk, PersonInput(
            id_number=number, name=name, community="民意社区", street="民意街道",
            phone="13800001111", bank="中国工商银行", account="6222020200001234567",
            household_address="湖北省武汉市江汉区新华路123号"))
        services.allowance.apply(clerk, number, date(2026, 8, 10))
    services.allowance.lifecert(clerk, LATE, date(2026, 7, 1))
    pending = services.forms.application(clerk, MAY)  # before review: as it would be paid
    today(monkeypatch, "2026-08-26")  # no event is recorded before it happens
    for number in (MAY, NINETY, LATE):
        services.allowance.review(reviewer, number, True, None, date(2026, 8, 15))
        services.allowance.approve(approver, number, date(2026, 8, 20))
        services.cards.issue(clerk, number, date(2026, 8, 20))
    services.cards.pickup(clerk, MAY, date(2026, 8, 25))
    services.cards.pickup(clerk, NINETY, date(2026, 8, 26), agent_name="钱小明", agent_id=AGENT)
    today(monkeypatch, "2026-09-30")
    services.roster.build(approver, "2026Q3")
    services.roster.freeze(approver, "2026Q3")
    today(monkeypatch, "2026-10-10")
    services.people.record_death(clerk, LATE, date(2026, 7, 15))
    today(monkeypatch, "2026-12-31")
    services.roster.build(approver, "2026Q4")
    services.roster.freeze(approver, "2026Q4")
    return pending


def recorded_day(services, action: str) -> str:
    """The day of the latest audit record of action, as forms print it (the rows keep no
    rejection or recording day: the audit record's own time, the system clock)."""
    from sqlalchemy import select

    from elderdesk.domain.months import date_zh
    from elderdesk.store.orm import AuditRow

    with services.db.read() as s:
        at = s.scalars(select(AuditRow.at).where(AuditRow.action == action)
                       .order_by(AuditRow.id.desc())).first()
    return date_zh(date.fromisoformat(at[:10]))


def test_months_text_spells_out_ranges_and_counts():
    assert months_text(["2026-05", "2026-06"]) == "2026年5月至2026年6月，共2个月"
    assert months_text(["2026-09", "2026-05", "2026-06"]) == \
        "2026年5月至2026年6月、2026年9月，共3个月"
    assert months_text([]) == "无"


@poppler
def test_application_form_back_pay_from_the_engine_and_the_roster(story, services, clerk,
                                                                  tmp_path):
    pending = story
    form = services.forms.application(clerk, MAY)
    for f in (pending, form):  # projected before approval, read from 2026Q3 after it
        assert (f.start_month, f.monthly_fen, f.category) == ("2026-05", 10000,
                                                              "80–89周岁（每月100.00元）")
        assert (f.backpay_months, f.backpay_fen) == (("2026-05", "2026-06"), 20000)
        assert f.backpay_text == "2026年5月至2026年6月，共2个月"
    assert pending.state == "已受理待审核" and pending.approved == ""
    assert form.state == "已批准" and "approver1" in form.approved and "reviewer1" in form.reviewed
    path = tmp_path / "申请审批表.pdf"
    services.forms.write_pdf(clerk, form, path)
    text = pdf_text(path)
    for expected in ("高龄津贴申请审批表", "赵德明", MAY, "2026年5月至2026年6月，共2个月",
                     "200.00元", "贰佰元整", "100.00元", "80–89周岁", "2026年5月年满80周岁",
                     "2026年第3季度", "区民政局", "签字（盖章）", "6222020200001234567"):
        assert expected in text, expected


@poppler
def test_printed_money_is_grouped_like_the_screens(story, services, clerk, tmp_path):
    form = services.forms.application(clerk, NINETY)
    path = tmp_path / "a.pdf"
    services.forms.write_pdf(clerk, form, path)
    assert "10,200.00元" in pdf_text(path) and "10200.00" not in pdf_text(path)


def test_back_pay_of_an_old_elder_starts_at_the_floor(story, services, clerk):
    form = services.forms.application(clerk, NINETY)
    assert form.start_month == "2018-01" and form.category.startswith("80–89")
    months = [Month.parse(m) for m in form.backpay_months]
    assert (months[0], months[-1], len(months)) == (Month(2018, 1), Month(2026, 6), 102)
    assert form.backpay_fen == 102 * 10000  # 89 until 2026-08: all at 100 a month
    assert form.backpay_reason.startswith("按政策自2018年1月起计发")


def test_a_second_enrollment_starts_at_its_own_application(story, services, clerk, reviewer,
                                                           approver, monkeypatch):
    today(monkeypatch, "2027-03-10")
    services.allowance.stop(approver, MAY, date(2027, 1, 5), "voluntary")
    services.allowance.apply(clerk, MAY, date(2027, 3, 10))
    form = services.forms.application(clerk, MAY)
    assert (form.start_month, form.backpay_months, form.backpay_fen) == ("2027-03", (), 0)


@poppler
def test_stop_form_and_notice(story, services, clerk, tmp_path):
    form = services.forms.stop(clerk, LATE)
    assert (form.reason, form.ended_on) == ("死亡", date(2026, 7, 15))
    assert (form.due_stop, form.actual_stop) == (date(2026, 8, 1), date(2026, 10, 1))
    assert (form.recover, form.recovery_months, form.recovery_fen) == (
        True, ("2026-08", "2026-09"), 20000)
    path = tmp_path / "停发.pdf"
    services.forms.write_pdf(clerk, form, path)
    text = pdf_text(path)
    for expected in ("高龄津贴停发备案表", "孙大海", LATE, "应停发日期", "2026年8月1日",
                     "实际停发日期", "2026年10月1日", "是否追缴", "2026年8月至2026年9月，共2个月",
                     "200.00元", "高龄津贴停发通知书", "自2026年8月起停止发放"):
        assert expected in text, expected
    with pytest.raises(ElderError) as exc:
        services.forms.stop(clerk, MAY)
    assert (exc.value.code, exc.value.exit_status) == ("FORM_NOT_STOPPED", 4)


@poppler
def test_adjustment_list_of_a_month(story, services, clerk, tmp_path):
    adjust = services.forms.adjustments(clerk, Month(2026, 9))
    assert [(ln.name, ln.reason, ln.change) for ln in adjust.lines] == [
        ("钱秀兰", "年龄89→90周岁", "由100元/月调整至200元/月")]
    assert services.forms.adjustments(clerk, Month(2026, 10)).lines == ()
    masked, full = tmp_path / "m.pdf", tmp_path / "f.pdf"
    services.forms.write_pdf(clerk, adjust, masked)
    services.forms.write_pdf(clerk, adjust, full, mask=False)
    text = pdf_text(masked)
    assert "高龄津贴调整备案表（2026年9月）" in text and "由100元/月调整至200元/月" in text
    assert mask_id(NINETY) in text and NINETY not in text
    assert NINETY in pdf_text(full)


@poppler
def test_recovery_notice_with_deadline(story, services, clerk, approver, tmp_path):
    notices = services.forms.recovery(clerk)
    assert [(n.person.name, n.months, n.amount_fen, n.deadline) for n in notices] == [
        ("孙大海", ("2026-08", "2026-09"), 20000, date(2027, 3, 31))]
    assert notices[0].reasons == ("已于 2026-07-15 死亡，停发",)
    path = tmp_path / "追回.pdf"
    services.forms.write_pdf(clerk, notices, path)
    text = pdf_text(path)
    for expected in ("高龄津贴追回通知书", "孙大海", LATE, "2026年8月至2026年9月，共2个月",
                     "200.00元", "贰佰元整", "请于2027年3月31日前", "回执"):
        assert expected in text, expected
    services.roster.settle(approver, LATE, "2026-08")
    services.roster.settle(approver, LATE, "2026-09")
    for kwargs, code in (({"id_number": LATE}, "FORM_NO_RECOVERY"), ({}, "FORM_NOTHING_OPEN")):
        with pytest.raises(ElderError) as exc:
            services.forms.recovery(clerk, **kwargs)
        assert exc.value.code == code
    assert services.forms.stop(clerk, LATE).settled_fen == 20000


@poppler
def test_card_pickup_register(story, services, clerk, tmp_path):
    register = services.forms.fill(clerk, "pickup", month=Month(2026, 8))
    assert [(ln.name, ln.picked_up_on, ln.agent_name, ln.status) for ln in register.lines] == [
        ("赵德明", date(2026, 8, 25), None, "有效"), ("钱秀兰", date(2026, 8, 26), "钱小明", "有效"),
        ("孙大海", None, None, "已注销")]
    path = tmp_path / "领证.pdf"
    write_form_pdf(path, register, printed_by="clerk1")
    text = pdf_text(path)
    for expected in ("老年证领取登记表", "2026-08-01至2026-08-31", "钱小明", mask_id(AGENT),
                     "已领取2张", "（已注销）", "制表人：clerk1"):
        assert expected in text, expected
    with pytest.raises(ElderError) as exc:
        services.forms.pickups(clerk, date(2026, 9, 1), date(2026, 8, 1))
    assert exc.value.code == "FORM_DATE_RANGE"


def test_fill_refuses_unknown_kinds_and_missing_arguments(services, clerk):
    for kind, kwargs, code in (("bogus", {}, "FORM_KIND_UNKNOWN"),
                               ("application", {}, "FORM_NEEDS_ID"),
                               ("adjust", {}, "FORM_NEEDS_MONTH"),
                               ("pickup", {}, "FORM_NEEDS_MONTH")):
        with pytest.raises(ElderError) as exc:
            services.forms.fill(clerk, kind, **kwargs)
        assert (exc.value.code, exc.value.exit_status) == (code, 2)


def test_a_new_policy_version_adjusts_everyone_enrolled(story, services, admin, clerk):
    from tests.conftest import wuhan_policy

    raised = wuhan_policy() + '''
[[version]]
effective = "2026-11"
bands = [
  { min_age = 80, max_age = 89, monthly = "120" },
  { min_age = 90, max_age = 99, monthly = "200" },
  { min_age = 100, monthly = "500" },
]
'''
    services.allowance.load_policy(admin, raised)
    lines = services.forms.adjustments(clerk, Month(2026, 11)).lines
    assert [(ln.name, ln.reason, ln.change) for ln in lines] == [
        ("赵德明", "政策标准调整", "由100元/月调整至120元/月")]  # 钱秀兰 is 90: unchanged


@poppler
@pytest.mark.parametrize(("n", "pages"), [(0, 1), (17, 2), (33, 3)])
def test_list_signatures_never_stand_alone(tmp_path, n, pages):
    from elderdesk.domain.forms import AdjustmentLine, AdjustmentList

    lines = tuple(AdjustmentLine(make_id("1936-09-03", i), f"人{i}", "女", date(1936, 9, 3),
                                 "民意社区", "年龄89→90周岁", 10000, 20000) for i in range(n))
    path = tmp_path / "list.pdf"
    write_form_pdf(path, AdjustmentList("民意街道", date(2026, 9, 30), "2026-09", lines))
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    last = out.split("\f")[pages - 1]
    assert len(out.rstrip("\f").split("\f")) == pages
    assert f"合计：调整 {n} 人" in last and "制表人" in last
    assert (f"人{n - 1}" in last) == (n > 0)  # the last row goes with the signatures


@poppler
def test_application_form_carries_the_entered_review_opinion(services, clerk, reviewer,
                                                              approver, monkeypatch, tmp_path):
    today(monkeypatch, "2026-08-10")
    services.people.add(clerk, PersonInput(id_number=MAY, name="赵德明", community="民意社区"))
    services.allowance.apply(clerk, MAY, date(2026, 8, 10))
    today(monkeypatch, "2026-08-15")
    services.allowance.review(reviewer, MAY, True, "材料齐全", date(2026, 8, 15))
    reviewed = services.forms.application(clerk, MAY)
    today(monkeypatch, "2026-08-20")
    services.allowance.approve(approver, MAY, date(2026, 8, 20))
    form = services.forms.application(clerk, MAY)  # the approval keeps the review's opinion
    for f in (reviewed, form):
        assert "材料齐全" in f.reviewed and "reviewer1" in f.reviewed
        assert "2026年8月15日" in f.reviewed and "情况属实" not in f.reviewed
    assert "approver1" in form.approved and "2026年8月20日" in form.approved
    path = tmp_path / "a.pdf"
    services.forms.write_pdf(clerk, form, path)
    text = pdf_text(path)
    assert "材料齐全" in text and "情况属实" not in text


def test_application_form_without_an_opinion_states_only_the_decision(
        services, clerk, reviewer, approver, monkeypatch):
    today(monkeypatch, "2026-08-10")
    services.people.add(clerk, PersonInput(id_number=MAY, name="赵德明"))
    services.allowance.apply(clerk, MAY, date(2026, 8, 10))
    today(monkeypatch, "2026-08-15")
    services.allowance.review(reviewer, MAY, True, None, date(2026, 8, 15))
    form = services.forms.application(clerk, MAY)
    assert "情况属实" not in form.reviewed and "同意上报" in form.reviewed


def test_rejected_application_form_carries_reason_reviewer_and_approver(
        services, clerk, reviewer, approver, monkeypatch):
    today(monkeypatch, "2026-08-10")
    services.people.add(clerk, PersonInput(id_number=MAY, name="赵德明"))
    services.allowance.apply(clerk, MAY, date(2026, 8, 10))
    today(monkeypatch, "2026-08-15")
    services.allowance.review(reviewer, MAY, True, "户籍证明已核", date(2026, 8, 15))
    today(monkeypatch, "2026-08-20")
    services.allowance.reject(approver, MAY, "户籍不在本区", date(2026, 8, 20))
    form = services.forms.application(clerk, MAY)
    assert "户籍证明已核" in form.reviewed and "reviewer1" in form.reviewed
    assert "不予批准" in form.approved and "户籍不在本区" in form.approved
    assert f"approver1，{recorded_day(services, 'allowance.reject')}" in form.approved


@poppler
def test_stop_form_names_who_recorded_the_stop(story, services, clerk, tmp_path):
    form = services.forms.stop(clerk, LATE)
    assert f"clerk1，{recorded_day(services, 'allowance.end')}" in form.recorded
    path = tmp_path / "停发.pdf"
    services.forms.write_pdf(clerk, form, path)
    assert "clerk1" in pdf_text(path)


@poppler
def test_a_long_review_opinion_stays_above_the_signature_line(services, clerk, reviewer,
                                                              approver, monkeypatch, tmp_path):
    import re

    today(monkeypatch, "2026-08-20")
    services.people.add(clerk, PersonInput(id_number=MAY, name="赵德明"))
    services.allowance.apply(clerk, MAY, date(2026, 8, 10))
    services.allowance.review(reviewer, MAY, True, "材料齐全" + "，户籍证明已核" * 28,
                              date(2026, 8, 15))
    path = tmp_path / "a.pdf"
    services.forms.write_pdf(clerk, services.forms.application(clerk, MAY), path)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    words = [(float(y0), float(y1), w) for y0, y1, w in re.findall(
        r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', html)]
    signs = sorted(y0 for y0, _y1, w in words if w.startswith("签字"))
    last = max(y1 for _y0, y1, w in words if "reviewer1" in w)  # the opinion's last line
    assert last <= signs[1] + 1  # the street's signature line comes after its opinion


def test_an_opinion_ending_in_a_comma_reads_as_one_sentence():
    from types import SimpleNamespace

    from elderdesk.domain.forms import street_opinion

    row = SimpleNamespace(status="reviewed", reviewed_on=date(2026, 8, 15),
                          reviewed_by="reviewer1", decision_reason=None)
    assert street_opinion(row, "材料齐全，") == "材料齐全。同意上报。（reviewer1，2026年8月15日）"
