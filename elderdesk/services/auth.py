"""Operators, roles and the permission table every service checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from elderdesk.domain.errors import ElderError

ROLES = ("clerk", "reviewer", "approver", "admin")
ROLE_NAMES = {"clerk": "经办", "reviewer": "审核", "approver": "审批", "admin": "管理员"}


class Permission(NamedTuple):
    """Who may take an action besides admin, and the action's Chinese name."""

    roles: frozenset[str]
    label: str


# action -> (roles allowed besides admin, Chinese name of the action)
_TABLE: dict[str, tuple[frozenset[str], str]] = {
    "user.add": (frozenset(), "新增用户"),
    "user.manage": (frozenset(), "管理用户"),
    "policy.load": (frozenset(), "修改津贴政策"),
    "settings.change": (frozenset(), "修改系统设置"),
    "people.read": (frozenset(ROLES), "查询人员"),
    "people.add": (frozenset({"clerk"}), "登记人员"),
    "people.edit": (frozenset({"clerk"}), "修改人员信息"),
    "people.override_checksum": (frozenset(), "强制登记校验位错误的身份证号"),
    "people.death": (frozenset({"clerk"}), "登记死亡"),
    "people.moved_out": (frozenset({"clerk"}), "登记迁出"),
    "people.correct_id": (frozenset({"approver"}), "更正身份证号"),
    "import.people": (frozenset({"clerk"}), "导入人员名册"),
    "import.deaths": (frozenset({"clerk"}), "导入死亡名单"),
    "lifecert.add": (frozenset({"clerk"}), "登记生存认证"),
    "allowance.apply": (frozenset({"clerk"}), "受理津贴申请"),
    "allowance.review": (frozenset({"reviewer"}), "审核津贴申请"),
    "allowance.approve": (frozenset({"approver"}), "审批津贴申请"),
    "allowance.stop": (frozenset({"approver"}), "停发津贴"),
    "roster.build": (frozenset({"clerk", "approver"}), "生成花名册"),
    "roster.read": (frozenset(ROLES), "查看花名册"),
    "roster.freeze": (frozenset({"approver"}), "冻结花名册"),
    "roster.export": (frozenset({"clerk", "approver"}), "导出花名册"),
    "recoveries.read": (frozenset(ROLES), "查看追回款"),
    "recoveries.settle": (frozenset({"approver"}), "登记追回款已退回"),
    "card.issue": (frozenset({"clerk"}), "发放老年证"),
    "card.print": (frozenset({"clerk"}), "打印老年证"),
    "card.pickup": (frozenset({"clerk"}), "登记老年证领取"),
    "card.calibrate": (frozenset({"clerk"}), "设置老年证打印校准"),
    "backup.create": (frozenset(), "备份数据库"),
    "backup.restore": (frozenset(), "恢复数据库"),
    # issue 5 part A: the check and the day's first backup when any user starts the GUI
    "backup.auto": (frozenset(ROLES), "启动检查与每日自动备份"),
    "audit.verify": (frozenset(), "校验审计日志"),
    "audit.read": (frozenset(), "查看审计日志"),
    "demo": (frozenset(), "生成演示数据"),
    # issue 7: statistics and printed forms are for every role
    "stats.read": (frozenset(ROLES), "查看统计"),
    "forms.print": (frozenset(ROLES), "打印表格文书"),
    # issue 5 part B: every role changes its own password; full ID/account numbers on screen
    # only for those who work with them (registering at the counter, preparing payments).
    "user.passwd": (frozenset(ROLES), "修改本人密码"),
    "people.unmask": (frozenset({"clerk", "approver"}), "查看完整身份证号和银行账号"),
    # issue 16: the ID card reader of this PC
    "reader.set": (frozenset(), "设置读卡器"),
    "reader.read": (frozenset(ROLES), "读取身份证"),
    # issue 16: fee receipts (the clerk's cash-up; voids by an approver), online applications
    "receipt.read": (frozenset({"clerk", "approver"}), "查看收费收据和日结"),
    "receipt.print": (frozenset({"clerk"}), "打印收费收据"),
    "receipt.void": (frozenset({"approver"}), "作废收费收据"),
    "import.applications": (frozenset({"clerk"}), "导入网上申请"),
    # issue 15: exchange packages (a street's clerks, a district's approvers)
    "exchange.street": (frozenset({"clerk"}), "街道导出导入交换包"),
    "exchange.district": (frozenset({"approver"}), "区级导出导入交换包"),
    # issue 14: moving an office's SQLite file onto its PostgreSQL server
    "server.copy": (frozenset(), "迁移到单位数据库服务器"),
}
PERMISSIONS: dict[str, Permission] = {action: Permission(*p) for action, p in _TABLE.items()}


@dataclass(frozen=True)
class Operator:
    """Who is acting: a logged-in user, or the system itself (init)."""

    name: str
    roles: frozenset[str]

    def has(self, role: str) -> bool:
        return role in self.roles or "admin" in self.roles

    def can(self, action: str) -> bool:
        return "admin" in self.roles or bool(self.roles & PERMISSIONS[action].roles)


SYSTEM = Operator("system", frozenset({"admin"}))


def require(op: Operator, action: str) -> None:
    """Refuse (exit 3) unless the operator's roles allow the action."""
    if not op.can(action):
        allowed = PERMISSIONS[action].roles | {"admin"}
        names = "、".join(ROLE_NAMES[r] for r in ROLES if r in allowed)
        raise ElderError("ROLE_DENIED", user=op.name, action=PERMISSIONS[action].label,
                         roles=names)
