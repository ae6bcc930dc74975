"""Commands: user passwd/reset/list/disable/enable/roles, audit list (extensions of cli.md)."""

from __future__ import annotations

import argparse
import os
from typing import Any

from elderdesk.cli.common import stdin_first_line
from elderdesk.cli.output import emit
from elderdesk.domain.errors import ElderError
from elderdesk.domain.months import parse_date
from elderdesk.services.auth import ROLE_NAMES, ROLES


def _group(sub: Any, name: str, help_text: str) -> Any:
    """The sub-command group `name` (created by another module, or here if none did)."""
    parser = sub.choices.get(name)
    if parser is None:
        return sub.add_parser(name, help=help_text).add_subparsers(dest="sub", metavar="子命令")
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(dest="sub", metavar="子命令")


def register(sub: Any) -> None:
    user = _group(sub, "user", "用户管理")
    p = user.add_parser("passwd", help="修改本人密码（原密码取自 ELDERDESK_PASSWORD，新密码取自标准输入第一行）")
    p.set_defaults(handler=cmd_passwd)
    p = user.add_parser("reset", help="管理员重置他人密码并解除锁定（新密码取自标准输入第一行）")
    p.add_argument("name")
    p.set_defaults(handler=cmd_reset)
    user.add_parser("list", help="列出全部用户").set_defaults(handler=cmd_list)
    for name, label, active in (("disable", "停用用户", False), ("enable", "重新启用用户", True)):
        p = user.add_parser(name, help=label)
        p.add_argument("name")
        p.set_defaults(handler=cmd_set_active, active=active)
    p = user.add_parser("roles", help="修改用户的角色（替换原有角色）")
    p.add_argument("name")
    p.add_argument("--role", action="append", required=True, choices=list(ROLES))
    p.set_defaults(handler=cmd_roles)

    a = _group(sub, "audit", "审计日志")
    p = a.add_parser("list", help="按人员、操作员、日期、类别查看审计记录（新的在前）")
    p.add_argument("--person", metavar="ID", help="身份证号")
    p.add_argument("--operator", metavar="U", help="操作员用户名")
    p.add_argument("--from", dest="date_from", metavar="D", help="起始日期 YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="D", help="截止日期 YYYY-MM-DD（含当天）")
    p.add_argument("--kind", metavar="K", help="类别（people、card、user…）或具体操作（people.edit）")
    p.add_argument("--limit", type=int, default=50, help="最多条数（默认 50，最多 1000）")
    p.add_argument("--before", type=int, metavar="N", help="只看记录号小于 N 的（翻页）")
    p.set_defaults(handler=cmd_audit_list)


def _user_json(u: Any) -> dict[str, Any]:
    locked = u.locked_until.isoformat(timespec="seconds") if u.locked_until else None
    return {"name": u.name, "roles": list(u.roles), "active": u.active, "locked_until": locked}


def _user_text(u: Any) -> str:
    roles = "、".join(ROLE_NAMES.get(r, r) for r in u.roles)
    state = "启用" if u.active else "已停用"
    return f"{u.name}  {roles}  {state}"


def cmd_passwd(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    new = stdin_first_line()
    ctx.services.users.change_password(op, os.environ.get("ELDERDESK_PASSWORD"), new)
    emit({"ok": True}, ctx.json, f"已修改用户 {op.name} 的密码")
    return 0


def cmd_reset(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    user = ctx.services.users.reset_password(op, args.name, stdin_first_line())
    emit({"ok": True}, ctx.json, f"已重置用户 {user.name} 的密码")
    return 0


def cmd_list(ctx: Any, args: Any) -> int:
    users = ctx.services.users.list(ctx.operator())
    emit({"users": [_user_json(u) for u in users]}, ctx.json,
         "\n".join(_user_text(u) for u in users))
    return 0


def cmd_set_active(ctx: Any, args: Any) -> int:
    user = ctx.services.users.set_active(ctx.operator(), args.name, args.active)
    emit({"ok": True}, ctx.json, f"已{'启用' if args.active else '停用'}用户 {user.name}")
    return 0


def cmd_roles(ctx: Any, args: Any) -> int:
    user = ctx.services.users.set_roles(ctx.operator(), args.name, args.role)
    emit({"ok": True}, ctx.json, _user_text(user))
    return 0


def cmd_audit_list(ctx: Any, args: Any) -> int:
    from elderdesk.services.audit.labels import change_text
    from elderdesk.services.audit.view import AuditQuery

    query = AuditQuery(
        person=args.person, operator=args.operator,
        date_from=parse_date(args.date_from) if args.date_from is not None else None,
        date_to=parse_date(args.date_to) if args.date_to is not None else None,
        kind=args.kind, limit=args.limit, before=args.before)
    if args.person is not None and not args.person.strip():
        raise ElderError("ID_MISSING")
    op = ctx.operator()
    page = ctx.services.audit.list(op, query)
    lines = []
    for e in page.entries:
        lines.append(f"#{e.id} {e.at.replace('T', ' ')} {e.operator} {e.action_name}"
                     + (f" {e.key}" if e.key else ""))
        lines.extend(f"    {change_text(c)}" for c in e.changes(masked=False))
    if page.next_before:
        lines.append(f"（还有更早的记录：加 --before {page.next_before} 继续查看）")
    emit({"records": [e.to_json() for e in page.entries], "next_before": page.next_before},
         ctx.json, "\n".join(lines) if lines else "没有符合条件的审计记录")
    return 0
