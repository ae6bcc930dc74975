"""The statistics as titled tables with charts: what the page shows, the PDF prints and the
workbook holds, built once so the three always agree."""

from __future__ import annotations

from collections import defaultdict

from elderdesk.domain.person import STATUS_NAMES
from elderdesk.reports.tables import Chart, StatTable, Yuan
from elderdesk.services.allowance.service import STATE_NAMES
from elderdesk.services.stats.figures import Statistics

NO_COMMUNITY = "（未填社区）"


def _span(st: Statistics) -> str:
    return st.first.zh() + (f"至{st.last.zh()}" if st.last != st.first else "")


def _pct(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "—"


def age_table(st: Statistics) -> StatTable:
    rows = tuple((b.band, b.male, b.female, b.total) for b in st.by_band)
    total = ("合计", sum(b.male for b in st.by_band), sum(b.female for b in st.by_band),
             sum(b.total for b in st.by_band))
    return StatTable("age", "在册人员按年龄段", ("年龄段", "男", "女", "合计"), rows, total,
                     f"年龄按身份证出生日期计算至 {st.on.isoformat()}（周岁）",
                     Chart("stacked", 0, (1, 2), title="在册人员按年龄段"))


def community_table(st: Statistics) -> StatTable:
    rows = tuple((c.community or NO_COMMUNITY, c.active, c.active_80, c.deceased, c.moved_out,
                  c.total, c.enrolled) for c in st.by_community)
    by = st.by_community
    total = ("合计", sum(c.active for c in by), sum(c.active_80 for c in by),
             sum(c.deceased for c in by), sum(c.moved_out for c in by),
             sum(c.total for c in by), sum(c.enrolled for c in by))
    return StatTable("community", "人员按社区",
                     ("社区", "在册", "80岁以上", "已故", "迁出", "合计", "享受津贴"),
                     rows, total, "80岁以上：在册且年满80周岁；享受津贴：最近一次申请为“已批准”",
                     Chart("hbar", 0, (1,), title="各社区在册人数（前20个）"))


def status_table(st: Statistics) -> StatTable:
    rows = tuple((STATUS_NAMES[k], n) for k, n in st.by_status)
    return StatTable("status", "人员按状态", ("状态", "人数"), rows,
                     ("合计", sum(n for _, n in rows)), chart=Chart("pie", 0, (1,),
                                                                 title="人员状态"))


def application_table(st: Statistics) -> StatTable:
    rows = tuple((STATE_NAMES.get(k, k), n) for k, n in st.by_application)
    return StatTable("application", "高龄津贴申请状态（每人最近一次申请）", ("状态", "人数"), rows,
                     ("合计", sum(n for _, n in rows)))


def _money_totals(st: Statistics) -> tuple[Yuan, Yuan, Yuan, Yuan]:
    """Regular, arrears, recovery and net of every month and band."""
    return (Yuan(sum(r.regular_fen for r in st.money)), Yuan(sum(r.arrears_fen for r in st.money)),
            Yuan(sum(r.recovery_fen for r in st.money)), Yuan(sum(r.net_fen for r in st.money)))


def money_month_table(st: Statistics) -> StatTable:
    by: dict[str, list[int]] = defaultdict(lambda: [0] * 6)
    for r in st.money:
        for k, v in enumerate((r.enrolled, r.paid_people, r.regular_fen, r.arrears_fen,
                               r.recovery_fen, r.net_fen)):
            by[r.month][k] += v
    rows = tuple((m, v[0], v[1], Yuan(v[2]), Yuan(v[3]), Yuan(v[4]), Yuan(v[5]))
                 for m, v in by.items())
    total = ("合计", None, None, *_money_totals(st))
    return StatTable("money", "高龄津贴按月份", ("月份", "在享人数", "已发人数", "正常发放",
                                            "补发", "追回", "实发净额"), rows, total,
                     "在享：当月处于批准享受状态；发放金额按所属月份计，来自已冻结花名册",
                     Chart("bar", 0, (1, 2), title=f"在享与已发人数（{_span(st)}）"))


def money_band_table(st: Statistics) -> StatTable:
    rows = tuple((r.month, r.band, Yuan(r.monthly_fen) if r.monthly_fen is not None else "",
                  r.enrolled, r.paid_people, Yuan(r.regular_fen), Yuan(r.arrears_fen),
                  Yuan(r.recovery_fen), Yuan(r.net_fen)) for r in st.money)
    total = ("合计", None, None, None, None, *_money_totals(st))
    return StatTable("money_band", "高龄津贴按月份和档次",
                     ("月份", "档次", "月标准", "在享人数", "已发人数", "正常发放", "补发", "追回",
                      "实发净额"), rows, total, "",
                     Chart("stacked", 0, (8,), split=1,
                           title=f"各档次实发净额（元，{_span(st)}）"))


def card_table(st: Statistics) -> StatTable:
    rows = tuple((c.month, c.blue, c.red, c.total, c.new, c.reissued, Yuan(c.fee_fen),
                  c.picked_up) for c in st.cards)
    cards = st.cards
    total = ("合计", sum(c.blue for c in cards), sum(c.red for c in cards),
             sum(c.total for c in cards), sum(c.new for c in cards),
             sum(c.reissued for c in cards), Yuan(sum(c.fee_fen for c in cards)),
             sum(c.picked_up for c in cards))
    return StatTable("cards", "老年证发放按月份",
                     ("月份", "蓝卡", "红卡", "发证合计", "首次发证", "补换证", "工本费", "领取"),
                     rows, total, "按发证日期统计；领取按领取日期统计",
                     Chart("stacked", 0, (1, 2), title=f"老年证发放（张，{_span(st)}）",
                                           colors=("#3b6fb6", "#c0392b")))


def coverage_table(st: Statistics) -> StatTable:
    rows = tuple((c.community or NO_COMMUNITY, c.total, c.covered, c.uncovered,
                  _pct(c.covered, c.total)) for c in st.coverage)
    n_all, n_cov = sum(c.total for c in st.coverage), sum(c.covered for c in st.coverage)
    total = ("合计", n_all, n_cov, n_all - n_cov, _pct(n_cov, n_all))
    month = f"{st.on.year}年{st.on.month}月"
    if st.life_cert_months:
        note = f"生存认证有效期 {st.life_cert_months} 个月；统计月份 {month}"
    else:
        note = "现行政策不要求生存认证" if st.life_cert_months == 0 else "尚未加载高龄津贴政策"
    return StatTable("coverage", f"生存认证覆盖（{month}）",
                     ("社区", "在享人数", "认证有效", "未认证或已过期", "覆盖率"), rows, total,
                     note, Chart("pie", 0, (2, 3), from_total=True, title="生存认证覆盖",
                                 colors=("#4a9a5b", "#b94a48")))


def all_tables(st: Statistics) -> list[StatTable]:
    return [age_table(st), community_table(st), status_table(st), application_table(st),
            money_month_table(st), money_band_table(st), card_table(st), coverage_table(st)]
