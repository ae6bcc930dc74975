"""Commands: card issue/reissue/pickup/show/print/verify/pubkey, rules, printer calibration."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from elderdesk.cli.common import date_arg, existing_file, new_file
from elderdesk.cli.output import emit
from elderdesk.domain.cards import REASON_NAMES, REISSUE_REASONS, STATUS_NAMES, TYPE_NAMES
from elderdesk.domain.errors import ElderError, message_for
from elderdesk.domain.money import fen_to_str


def register(sub: Any) -> None:
    card = sub.add_parser("card", help="老年证").add_subparsers(dest="sub", metavar="子命令")
    p = card.add_parser("issue", help="发放老年证")
    p.add_argument("id_number")
    p.add_argument("--date")
    p.add_argument("--photo", metavar="F", help="照片文件（JPEG/PNG），裁成一寸照")
    p.add_argument("--crop", metavar="X,Y,W,H", help="裁剪框（像素，宽高比 25:35；默认居中）")
    p.set_defaults(handler=cmd_issue)
    p = card.add_parser("reissue", help="补换老年证（旧证作废，新编号）")
    p.add_argument("id_number")
    p.add_argument("--reason", required=True, choices=list(REISSUE_REASONS))
    p.add_argument("--date")
    p.add_argument("--photo", metavar="F")
    p.add_argument("--crop", metavar="X,Y,W,H")
    p.set_defaults(handler=cmd_reissue)
    p = card.add_parser("pickup", help="登记领取（本人或代领人）")
    p.add_argument("id_number")
    p.add_argument("--agent-name", metavar="N")
    p.add_argument("--agent-id", metavar="ID")
    p.add_argument("--date")
    p.set_defaults(handler=cmd_pickup)
    p = card.add_parser("show", help="查看一人的全部老年证记录")
    p.add_argument("id_number")
    p.set_defaults(handler=cmd_show)
    p = card.add_parser("print", help="打印有效老年证（PDF）")
    p.add_argument("id_numbers", nargs="+", metavar="ID")
    p.add_argument("--pdf", required=True, metavar="F")
    p.add_argument("--mode", choices=["full", "overlay", "sheet"], default="full",
                   help="full 空白卡整卡设计；overlay 预印证本套打；sheet A4 整版带裁切线")
    p.add_argument("--printer", metavar="P", help="按此打印机的校准偏移套打")
    p.add_argument("--template", metavar="F", help="套打模板（TOML），默认四川式折页")
    p.set_defaults(handler=cmd_print)
    p = card.add_parser("verify", help="离线核验老年证二维码")
    p.add_argument("text")
    p.set_defaults(handler=cmd_verify)
    card.add_parser("pubkey", help="输出机构公钥（PEM）").set_defaults(handler=cmd_pubkey)
    p = card.add_parser("rules", help="查看或修改老年证规则（修改须管理员）")
    p.add_argument("--set", action="append", metavar="KEY=VALUE", default=[])
    p.set_defaults(handler=cmd_rules)
    p = card.add_parser("offset", help="查看或设置打印机套打校准偏移（毫米）")
    p.add_argument("--printer", metavar="P", default="")
    p.add_argument("--x", type=float)
    p.add_argument("--y", type=float)
    p.set_defaults(handler=cmd_offset)
    p = card.add_parser("calibrate", help="打印套打校准页（带毫米刻度）")
    p.add_argument("--pdf", required=True, metavar="F")
    p.add_argument("--printer", metavar="P", default="")
    p.add_argument("--template", metavar="F")
    p.set_defaults(handler=cmd_calibrate)


def _photo(args: Any) -> tuple[bytes | None, tuple[int, int, int, int] | None]:
    box: tuple[int, int, int, int] | None = None
    if args.crop:
        parts = args.crop.replace("，", ",").split(",")
        if len(parts) != 4 or not all(p.strip().isdigit() for p in parts):
            raise ElderError("USAGE", detail="--crop 应写作 X,Y,W,H（像素整数）")
        x, y, w, h = (int(p) for p in parts)
        box = (x, y, w, h)
    if not args.photo:
        if box is not None:
            raise ElderError("USAGE", detail="--crop 须与 --photo 一起使用")
        return None, None
    path = existing_file(args.photo)
    try:
        return path.read_bytes(), box
    except OSError as exc:
        raise ElderError("FILE_UNREADABLE", path=args.photo, detail=exc.strerror) from None


def _issued(ctx: Any, card: Any) -> int:
    text = (f"已发放{card.type_name} {card.card_no}（{card.name}，{card.issued_on} 发证，"
            f"{REASON_NAMES[card.reason]}），工本费 {fen_to_str(card.fee_fen)} 元")
    emit(card.to_json(), ctx.json, text)
    return 0


def cmd_issue(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    data, box = _photo(args)
    card = ctx.services.cards.issue(op, args.id_number, date_arg(args.date), data, box,
                                    args.photo or "照片")
    return _issued(ctx, card)


def cmd_reissue(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    data, box = _photo(args)
    card = ctx.services.cards.reissue(op, args.id_number, args.reason, date_arg(args.date),
                                      data, box, args.photo or "照片")
    return _issued(ctx, card)


def _iso(d: Any) -> str | None:
    return d.isoformat() if d else None


def cmd_pickup(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    card = ctx.services.cards.pickup(op, args.id_number, date_arg(args.date), args.agent_name,
                                     args.agent_id)
    who = f"代领人 {card.agent_name}（{card.agent_id_number}）" if card.agent_name else "本人"
    emit({"card_no": card.card_no, "picked_up_on": _iso(card.picked_up_on),
          "picked_up_by": "agent" if card.agent_name else "self",
          "agent_name": card.agent_name, "agent_id_number": card.agent_id_number}, ctx.json,
         f"已登记领取：老年证 {card.card_no}（{card.name}），{card.picked_up_on} 由{who}领取")
    return 0


def cmd_show(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    cards = ctx.services.cards.cards(op, args.id_number)
    person = ctx.services.people.get(op, args.id_number)
    docs = [{**c.profile_json(), "reason": c.reason, "fee": fen_to_str(c.fee_fen),
             "ended_on": _iso(c.ended_on), "end_reason": c.end_reason,
             "picked_up_on": _iso(c.picked_up_on), "agent_name": c.agent_name,
             "agent_id_number": c.agent_id_number} for c in cards]
    lines = [f"{c.card_no} {TYPE_NAMES[c.card_type]} {c.issued_on} {REASON_NAMES[c.reason]} "
             f"工本费 {fen_to_str(c.fee_fen)} 元 {STATUS_NAMES[c.status]}"
             + (f"（{c.ended_on}）" if c.ended_on else "")
             + (f" {c.picked_up_on} 已领取" if c.picked_up_on else " 未领取") for c in cards]
    emit({"id_number": person.id_number, "name": person.name, "cards": docs}, ctx.json,
         "\n".join(lines) or f"{person.name} 没有老年证记录")
    return 0


def cmd_print(ctx: Any, args: Any) -> int:
    pdf = new_file(args.pdf)
    template = existing_file(args.template) if args.template else None
    op = ctx.operator()
    outcome = ctx.services.cards.printer.print_cards(op, args.id_numbers, pdf, args.mode,
                                                     args.printer, template)
    emit({"ok": True}, ctx.json, f"已生成 {pdf}：{outcome.cards} 张老年证，{outcome.pages} 页")
    for code, params in outcome.warnings:
        sys.stderr.write(f"{code}: {message_for(code, **params)}\n")
    return 0


def cmd_verify(ctx: Any, args: Any) -> int:
    result = ctx.services.cards.verify(args.text)
    label = {"valid": "有效", "tampered": "无效（被篡改或无法识读）", "revoked": "已作废",
             "unknown": "无法确认"}[result.status]
    who = f"{result.card_no} {result.name}：" if result.card_no else ""
    emit(result.to_json(), ctx.json, f"{label}　{who}{result.reason}")
    return 0 if result.valid else 1


def cmd_pubkey(ctx: Any, args: Any) -> int:
    pem = ctx.services.cards.public_key()
    if ctx.json:
        emit({"public_key": pem}, True)
    else:
        sys.stdout.write(pem if pem.endswith("\n") else pem + "\n")
    return 0


def cmd_rules(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    rules = None
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep:
            raise ElderError("USAGE", detail="--set 应写作 KEY=VALUE，例如 card.fee.reissue=12")
        rules = ctx.services.cards.set_rule(op, key.strip(), value.strip())
    rules = rules or ctx.services.cards.rules(op)
    doc = {"min_age": rules.min_age, "advance_months": rules.advance_months,
           "types": [{"from_age": a, "type": t} for a, t in rules.types],
           "number_prefix": rules.number_prefix, "number_digits": rules.number_digits,
           "fees": {"new": fen_to_str(rules.fee_new),
                    "reissue_first": fen_to_str(rules.fee_reissue_first),
                    "reissue": fen_to_str(rules.fee_reissue),
                    "upgrade": fen_to_str(rules.fee_upgrade),
                    "correction": fen_to_str(rules.fee_correction)}}
    text = "\n".join(f"{k} = {v}" for k, v in rules.to_settings().items())
    emit(doc, ctx.json, text)
    return 0


def cmd_offset(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    printer = ctx.services.cards.printer
    if args.x is None and args.y is None:
        x, y = printer.calibration(op, args.printer)
    else:
        old_x, old_y = printer.calibration(op, args.printer)
        x, y = printer.set_calibration(op, args.printer, old_x if args.x is None else args.x,
                                       old_y if args.y is None else args.y)
    emit({"printer": args.printer or None, "x_mm": x, "y_mm": y}, ctx.json,
         f"{args.printer or '默认打印机'}：X {x:+.2f} 毫米，Y {y:+.2f} 毫米")
    return 0


def cmd_calibrate(ctx: Any, args: Any) -> int:
    pdf = new_file(args.pdf)
    template = existing_file(args.template) if args.template else None
    op = ctx.operator()
    x, y = ctx.services.cards.printer.calibration_page(op, Path(pdf), args.printer, template)
    emit({"ok": True}, ctx.json, f"已生成校准页 {pdf}（当前偏移 X {x:+.2f}，Y {y:+.2f} 毫米）")
    return 0
