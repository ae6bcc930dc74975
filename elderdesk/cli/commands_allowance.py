"""Commands: policy, lifecert, allowance, people correct-id, roster, recoveries."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from elderdesk.cli.common import date_arg, existing_file, new_file
from elderdesk.cli.output import emit, warn
from elderdesk.cli.person_office import office_ref
from elderdesk.domain.errors import ElderError
from elderdesk.domain.money import fen_to_str

STOP_REASONS = ["voluntary", "duplicate", "disqualified", "lost_contact", "policy", "other"]


def register(sub: Any) -> None:
    pol = sub.add_parser("policy", help="高龄津贴政策").add_subparsers(dest="sub", metavar="子命令")
    p = pol.add_parser("load", help="加载政策文件（TOML），替换全部政策")
    p.add_argument("file")
    p.set_defaults(handler=cmd_policy_load)
    pol.add_parser("show", help="显示现行政策").set_defaults(handler=cmd_policy_show)

    p = sub.add_parser("lifecert", help="登记生存认证")
    p.add_argument("id_number")
    p.add_argument("--date")
    p.set_defaults(handler=cmd_lifecert)

    al = sub.add_parser("allowance", help="高龄津贴申请").add_subparsers(dest="sub", metavar="子命令")
    p = al.add_parser("apply", help="受理申请")
    p.add_argument("id_number")
    p.add_argument("--date")
    p.set_defaults(handler=cmd_apply)
    p = al.add_parser("review", help="街道审核")
    p.add_argument("id_number")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--approve", action="store_true")
    g.add_argument("--reject", action="store_true")
    p.add_argument("--reason")
    p.add_argument("--date")
    p.set_defaults(handler=cmd_review)
    p = al.add_parser("approve", help="区级审批通过")
    p.add_argument("id_number")
    p.add_argument("--date")
    p.set_defaults(handler=cmd_approve)
    p = al.add_parser("reject", help="区级审批不通过")
    p.add_argument("id_number")
    p.add_argument("--reason", required=True)
    p.add_argument("--date")
    p.set_defaults(handler=cmd_reject)
    p = al.add_parser("stop", help="停发（死亡、迁出以外的原因）")
    p.add_argument("id_number")
    p.add_argument("--date", required=True)
    p.add_argument("--reason", required=True, choices=STOP_REASONS)
    p.add_argument("--note")
    p.set_defaults(handler=cmd_stop)

    people = sub.choices["people"]._subparsers._group_actions[0]
    p = people.add_parser("correct-id", help="更正身份证号（保留津贴与发放记录）")
    p.add_argument("old")
    p.add_argument("new")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_correct_id)

    ro = sub.add_parser("roster", help="发放花名册").add_subparsers(dest="sub", metavar="子命令")
    for name, label, handler in (("build", "生成草稿", cmd_build), ("show", "查看", cmd_show),
                                 ("freeze", "冻结", cmd_freeze)):
        p = ro.add_parser(name, help=label)
        p.add_argument("--period", required=True)
        if name == "show":
            p.add_argument("--office", dest="roster_office", metavar="CODE", help=OFFICE_HELP)
        p.set_defaults(handler=handler)
    p = ro.add_parser("export", help="导出银行文件（xlsx）或打印版（PDF）")
    p.add_argument("--period", required=True)
    p.add_argument("--xlsx")
    p.add_argument("--pdf")
    p.add_argument("--office", dest="roster_office", metavar="CODE", help=OFFICE_HELP)
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("recoveries", help="追回款")
    p.add_argument("--open", action="store_true")
    rsub = p.add_subparsers(dest="sub", metavar="子命令")
    p.set_defaults(handler=cmd_recoveries)
    s = rsub.add_parser("settle", help="登记追回款已退回")
    s.add_argument("id_number")
    s.add_argument("--month", required=True)
    s.add_argument("--date")
    s.set_defaults(handler=cmd_settle)


OFFICE_HELP = "区级机构：只看（导出）这个街道的花名册行（街道代码）"


def _show_person(ctx: Any, op: Any, id_number: str) -> int:
    from elderdesk.cli.commands_register import show_person

    return show_person(ctx, ctx.services.profile(op, id_number))


def cmd_policy_load(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    path = existing_file(args.file)
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ElderError("FILE_UNREADABLE", path=args.file, detail=str(exc)) from None
    ctx.services.allowance.load_policy(op, source)
    emit({"ok": True}, ctx.json, "政策已加载")
    return 0


def cmd_policy_show(ctx: Any, args: Any) -> int:
    from elderdesk.domain.policy import policy_to_json, policy_to_toml

    op = ctx.operator()
    policy, _source = ctx.services.allowance.policy(op)
    if ctx.json:
        emit(policy_to_json(policy), True)
    else:
        sys.stdout.write(policy_to_toml(policy))
    return 0


def cmd_lifecert(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    number = ctx.services.allowance.lifecert(op, args.id_number, date_arg(args.date))
    return _show_person(ctx, op, office_ref(args, number))


def cmd_apply(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    number = ctx.services.allowance.apply(op, args.id_number, date_arg(args.date))
    return _show_person(ctx, op, office_ref(args, number))


def cmd_review(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    number = ctx.services.allowance.review(op, args.id_number, args.approve, args.reason,
                                           date_arg(args.date))
    return _show_person(ctx, op, office_ref(args, number))


def cmd_approve(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    number = ctx.services.allowance.approve(op, args.id_number, date_arg(args.date))
    return _show_person(ctx, op, office_ref(args, number))


def cmd_reject(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    number = ctx.services.allowance.reject(op, args.id_number, args.reason, date_arg(args.date))
    return _show_person(ctx, op, office_ref(args, number))


def cmd_stop(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    number = ctx.services.allowance.stop(op, args.id_number, date_arg(args.date), args.reason,
                                         args.note)
    return _show_person(ctx, op, office_ref(args, number))


def cmd_correct_id(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    person = ctx.services.people.correct_id(op, args.old, args.new, args.reason)
    return _show_person(ctx, op, person.id_number)


def roster_text(view: Any) -> str:
    t = view.totals_fen()
    state = "草稿" if view.status == "draft" else "已冻结"
    lines = [f"{view.period} 花名册（{state}）：{t['people']} 人，本期应发 {fen_to_str(t['regular'])}"
             f" 元，补发 {fen_to_str(t['arrears'])} 元，实发 {fen_to_str(t['paid'])} 元，"
             f"追回 {fen_to_str(t['recovery'])} 元"]
    for ln in view.lines:
        parts = [f"{i.month} {'本期' if i.kind == 'regular' else '补发' if i.kind == 'arrears' else '追回'}"
                 f" {fen_to_str(i.amount_fen)}" for i in ln.items]
        lines.append(f"{ln.id_number} {ln.name}：" + "，".join(parts))
    for w in view.withheld:
        why = "账号待补录" if w.reason == "no_account" else "待生存认证"
        lines.append(f"{w.id_number} {w.name}：暂停发放（{why}）{w.months[0]}至{w.months[-1]}"
                     f"共 {len(w.months)} 个月 {fen_to_str(w.amount_fen)} 元")
    return "\n".join(lines)


def _emit_roster(ctx: Any, view: Any, warn_missing: bool = False) -> int:
    emit(view.to_json(), ctx.json, roster_text(view))
    if warn_missing and view.missing_accounts:
        warn("ACCOUNTS_MISSING", n=len(view.missing_accounts), where="")
    return 0


def cmd_build(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    return _emit_roster(ctx, ctx.services.roster.build(op, args.period), warn_missing=True)


def cmd_show(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    return _emit_roster(ctx, ctx.services.roster.show(op, args.period,
                                                      office=args.roster_office))


def cmd_freeze(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    return _emit_roster(ctx, ctx.services.roster.freeze(op, args.period), warn_missing=True)


def cmd_export(ctx: Any, args: Any) -> int:
    if not args.xlsx and not args.pdf:
        raise ElderError("EXPORT_NOTHING")
    xlsx, pdf = new_file(args.xlsx), new_file(args.pdf)
    op = ctx.operator()
    written = ctx.services.roster.export(op, args.period, xlsx=xlsx, pdf=pdf,
                                         office=args.roster_office)
    missing = getattr(written, "missing_accounts", 0)
    emit({"ok": True, "missing_accounts": missing} if missing else {"ok": True}, ctx.json,
         "\n".join(f"已导出 {Path(p)}" for p in written))
    if missing:  # written, but these people are not in it: exit 1 (cli.md)
        warn("ACCOUNTS_MISSING", n=missing, where="，名单见工作表“待补录账号”")
        return 1
    return 0


def cmd_recoveries(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    items = ctx.services.roster.recoveries(op, open_only=args.open)
    total = sum(r.amount_fen for r in items)
    text = "\n".join(f"{r.id_number} {r.name} {r.period} {r.month} {fen_to_str(r.amount_fen)} 元 "
                     f"{'已于 ' + r.settled_on.isoformat() + ' 结清' if r.settled_on else '未结清'}"
                     for r in items) or "没有追回款"
    emit({"recoveries": [r.to_json() for r in items], "total": fen_to_str(total)}, ctx.json,
         text + f"\n合计 {fen_to_str(total)} 元")
    return 0


def cmd_settle(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    ctx.services.roster.settle(op, args.id_number, args.month, date_arg(args.date))
    emit({"ok": True}, ctx.json, "已登记追回款结清")
    return 0


