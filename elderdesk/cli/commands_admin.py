"""Commands: init, user add, demo."""

from __future__ import annotations

import os
from typing import Any

from elderdesk.cli.common import stdin_first_line
from elderdesk.cli.output import emit
from elderdesk.domain.errors import ElderError


def register(sub: Any) -> None:
    p = sub.add_parser("init", help="新建数据库（机构、管理员、密钥、默认武汉政策）")
    p.add_argument("--region", required=True, help="6 位行政区划代码，如 420103")
    p.add_argument("--office", required=True, help="机构名称")
    p.add_argument("--admin", required=True, help="管理员用户名（密码取自 ELDERDESK_PASSWORD）")
    p.add_argument("--street", metavar="NNN", help="3 位街道编号（机构代码 = 区划代码 + 街道编号）")
    p.add_argument("--level", choices=["district"], help="district：区级机构（区民政）")
    p.set_defaults(handler=cmd_init)

    user = sub.add_parser("user", help="用户管理").add_subparsers(dest="sub", metavar="子命令")
    p = user.add_parser("add", help="新增用户（密码取自标准输入第一行）")
    p.add_argument("name")
    p.add_argument("--role", action="append", required=True,
                   choices=["clerk", "reviewer", "approver", "admin"])
    p.set_defaults(handler=cmd_user_add)

    p = sub.add_parser("demo", help="在空登记册中生成演示数据")
    p.add_argument("--people", type=int, required=True)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--enrolled", type=int, default=0)
    p.add_argument("--quarters", type=int, default=0)
    p.set_defaults(handler=cmd_demo)


def cmd_init(ctx: Any, args: Any) -> int:
    from elderdesk.paths import resource
    from elderdesk.services.users.service import initialise

    password = os.environ.get("ELDERDESK_PASSWORD")
    if not password:
        raise ElderError("PASSWORD_REQUIRED")
    policy_file = resource("policies", "wuhan.toml")
    policy = policy_file.read_text(encoding="utf-8") if policy_file.exists() else None
    db = initialise(ctx.db_path, args.region, args.office, args.admin, password,
                    policy_source=policy, street=args.street, level=args.level or "street")
    db.close()
    emit({"ok": True}, ctx.json, f"已创建数据库 {ctx.db_shown}（{args.office}，管理员 {args.admin}）")
    return 0


def cmd_user_add(ctx: Any, args: Any) -> int:
    op = ctx.operator()
    password = stdin_first_line()
    user = ctx.services.users.add(op, args.name, args.role, password)
    emit({"ok": True}, ctx.json, f"已新增用户 {user.name}（{'、'.join(user.roles)}）")
    return 0


def cmd_demo(ctx: Any, args: Any) -> int:
    from elderdesk.demo.generator import DemoService

    op = ctx.operator()
    if args.people < 0 or args.enrolled < 0 or args.quarters < 0:
        raise ElderError("USAGE", detail="人数、参保人数和季度数不能为负数")
    service = DemoService(ctx.services.db)
    kwargs: dict[str, Any] = {"people": args.people, "seed": args.seed}
    if args.enrolled or args.quarters:
        kwargs.update(enrolled=args.enrolled, quarters=args.quarters)
    outcome = service.fill(op, **kwargs)
    emit({"ok": True}, ctx.json, f"已生成 {outcome.people} 名演示人员，用时 {outcome.seconds:.1f} 秒")
    return 0
