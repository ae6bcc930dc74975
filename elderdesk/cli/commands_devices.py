"""Commands: reader set / reader test (the ID card reader of this PC, devices.md)."""

from __future__ import annotations

from typing import Any

from elderdesk.cli.output import emit

STATUS_WORDS = {"ready": "已读取", "no_card": "等待放卡", "unavailable": "读卡器未连接",
                "error": "读卡出错"}


def register(sub: Any) -> None:
    r = sub.add_parser("reader", help="身份证读卡器（本机设置）").add_subparsers(
        dest="sub", metavar="子命令")
    p = r.add_parser("set", help="设置本机读卡器：folder 文件夹 | termb [端口] | sdtapi [端口] | "
                                 "service 网址 | none")
    p.add_argument("driver", metavar="DRIVER")
    p.add_argument("arg", nargs="?", metavar="ARG")
    p.add_argument("--library", metavar="PATH", help="termb/sdtapi：厂商驱动库文件")
    p.add_argument("--helper", metavar="PYTHON32", help="termb/sdtapi：经 32 位 Python 辅助程序加载 32 位驱动库")
    p.add_argument("--wlt", metavar="PATH", help="sdtapi：厂商的照片解码库（WltRS）")
    p.set_defaults(handler=cmd_reader_set)
    p = r.add_parser("test", help="读一次卡，显示驱动、状态和读到的信息")
    p.add_argument("--full", action="store_true", help="显示完整身份证号")
    p.set_defaults(handler=cmd_reader_test)


def cmd_reader_set(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    chosen = ctx.services.reader.configure(op, args.driver, args.arg, library=args.library,
                                           helper=args.helper, wlt=args.wlt)
    doc = {"ok": True, "driver": chosen.driver, "arg": chosen.arg}
    emit(doc, ctx.json, f"本机读卡器已设为 {chosen.describe()}")
    return 0


def cmd_reader_test(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    outcome = ctx.services.reader.read(op)
    emit(outcome.to_json(), ctx.json, None if ctx.json else _text(ctx, outcome, args.full))
    return 0 if outcome.status in ("ready", "no_card") else 1


def _text(ctx: Any, outcome: Any, full: bool) -> str:
    from elderdesk.domain.idcard import SEX_LABELS, mask_id

    choice = ctx.services.reader.choice()
    lines = [f"读卡器：{choice.config.describe()}"
             + ("（环境变量 ELDERDESK_READER）" if choice.overridden else ""),
             f"状态：{STATUS_WORDS.get(outcome.status, outcome.status)}"]
    card = outcome.card
    if card is not None:
        until = card.valid_to.isoformat() if card.valid_to else "长期"
        since = card.valid_from.isoformat() if card.valid_from else "?"
        lines += [f"姓名：{card.name}",
                  f"性别：{SEX_LABELS.get(card.sex, card.sex)}    民族：{card.nation}",
                  f"出生日期：{card.birth_date.isoformat()}",
                  f"住址：{card.address}",
                  f"公民身份号码：{card.id_number if full else mask_id(card.id_number)}",
                  f"签发机关：{card.authority}",
                  f"有效期限：{since} 至 {until}",
                  f"照片：{'有' if card.photo else '无'}"]
    shown = outcome.id_number
    lines += [w.replace(shown, mask_id(shown)) if shown and not full else w
              for w in outcome.warnings]
    return "\n".join(lines)
