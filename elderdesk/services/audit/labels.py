"""Audit records in words: Chinese names of actions, kinds and fields, and before/after diffs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from elderdesk.domain.cards import REASON_NAMES, TYPE_NAMES
from elderdesk.domain.entitlement import STOP_REASONS_ZH
from elderdesk.domain.idcard import mask_account, mask_id
from elderdesk.domain.person import HOUSEHOLD_NAMES, SEX_NAMES, STATUS_NAMES, TEXT_FIELDS
from elderdesk.domain.pii import mask_numbers
from elderdesk.services.allowance.service import STATE_NAMES
from elderdesk.services.auth import ROLE_NAMES
from elderdesk.services.settings import label_of

KINDS = {
    "people": "人员", "allowance": "高龄津贴", "lifecert": "生存认证", "roster": "花名册",
    "recoveries": "追回款", "card": "老年证", "policy": "政策", "import": "导入",
    "user": "用户", "settings": "设置", "backup": "备份", "audit": "审计", "demo": "演示数据",
    "init": "建库", "reader": "读卡器", "receipt": "收费收据", "office": "机构",
    "exchange": "交换",
}
ACTIONS = {
    "office.code": "设定街道编号", "office.add": "登记交换机构", "office.payment": "设定发放方式",
    "exchange.export": "导出交换包", "exchange.import": "导入交换包",
    "init": "建立数据库", "people.add": "登记人员", "people.edit": "修改人员信息",
    "people.account": "登记银行账号", "people.death": "登记死亡", "people.moved_out": "登记迁出",
    "people.correct_id": "更正身份证号",
    "allowance.apply": "受理津贴申请", "allowance.review": "审核津贴申请",
    "allowance.approve": "审批通过", "allowance.reject": "审批不予批准",
    "allowance.stop": "停发津贴", "allowance.end": "津贴随死亡或迁出终止",
    "lifecert.add": "登记生存认证", "roster.build": "生成花名册", "roster.freeze": "冻结花名册",
    "roster.export": "导出花名册", "recoveries.settle": "登记追回款已退回",
    "card.issue": "发放老年证", "card.reissue": "补换老年证", "card.revoke": "注销老年证",
    "card.pickup": "登记领证", "card.photo": "更换照片", "card.print": "打印老年证",
    "policy.load": "加载津贴政策", "import.people": "导入人员名册", "import.deaths": "导入死亡名单",
    "user.add": "新增用户", "user.passwd": "修改本人密码", "user.reset": "重置密码",
    "user.roles": "修改角色", "user.disable": "停用用户", "user.enable": "启用用户",
    "user.locked": "密码错误次数过多，账户锁定", "settings.change": "修改设置",
    "backup.create": "备份数据库", "backup.restore": "恢复数据库", "audit.export": "导出审计日志",
    "demo.fill": "生成演示数据", "reader.set": "设置读卡器", "reader.read": "读取身份证",
    "import.applications": "导入网上申请", "receipt.issue": "开具收费收据",
    "receipt.void": "作废收费收据", "receipt.print": "打印收费收据",
}
# In the order fields are shown (records store their keys sorted alphabetically).
FIELDS = {
    "id_number": "身份证号", "old_id_number": "原身份证号", "name": "姓名", "sex": "性别",
    "birth_date": "出生日期", "status": "状态",
    **{k: label for k, (label, _max) in TEXT_FIELDS.items() if k != "name"},
    "death_date": "死亡日期", "moved_out_on": "迁出日期",
    "household_type": "户籍类型", "residence_permit_expiry": "居住证有效期至",
    "checksum_override": "校验位强制登记原因", "reason": "原因",
    "applied_on": "申请日期", "applied_by": "受理人", "reviewed_on": "审核日期",
    "reviewed_by": "审核人", "approved_on": "审批日期", "approved_by": "审批人",
    "decision_reason": "审核审批意见", "ended_on": "终止日期", "end_reason": "终止原因",
    "end_note": "终止说明", "date": "日期", "card_no": "证号", "card_type": "卡种",
    "issued_on": "发证日期", "fee_fen": "工本费", "photo_id": "照片编号",
    "picked_up_on": "领取日期", "agent_name": "代领人", "agent_id_number": "代领人身份证号",
    "period": "期次", "lines": "行数", "people": "人数", "regular": "正常发放", "arrears": "补发",
    "recovery": "追回", "paid": "发放合计", "month": "月份", "settled_on": "结清日期",
    "amount": "金额", "file": "文件", "files": "文件", "sha256": "文件 SHA-256",
    "imported": "处理人数", "id_numbers": "涉及身份证号", "deaths": "死亡名单",
    "source": "政策文件", "roles": "角色", "active": "启用", "unlocked": "同时解除锁定",
    "value": "值", "office": "机构名称", "region": "行政区划代码", "admin": "管理员",
    "seed": "种子", "today": "生成日期", "cards": "证号", "mode": "打印方式", "printer": "打印机",
    "offset": "校准偏移", "previous_kept_as": "原数据库另存为", "format": "格式",
    "bytes": "字节数", "box": "裁剪框", "card": "老年证", "replaced": "被换下的旧证",
    "records": "记录数", "filters": "筛选条件", "person": "人员", "operator": "操作员",
    "from": "起始日期", "to": "截止日期", "kind": "类别", "masked": "隐藏部分号码",
    "applied_via": "受理渠道", "agent": "代办人", "agent_phone": "代办人电话", "row": "行号",
    "receipt_no": "收据编号", "payer": "交款人", "item": "收费项目", "amount_fen": "金额",
    "clerk": "收款人", "void_reason": "作废原因", "copy": "打印份次",
}
_ORDER = {k: i for i, k in enumerate(FIELDS)}
ENTITY_FIELDS = {("user", "name"): "用户名", ("import", "imported"): "处理人数"}
_ID_KEYS = {"id_number", "old_id_number", "agent_id_number", "id_numbers", "deaths"}
_NOT_PII = {"card_no", "cards", "sha256", "receipt_no"}  # long digit runs that identify no one
_LIST_SHOWN = 5  # items of a long list shown inline
ROSTER_STATES = {"draft": "草稿", "frozen": "已冻结"}
CARD_STATES = {"valid": "有效", "replaced": "已换发", "revoked": "已注销"}
RECEIPT_STATES = {"valid": "有效", "void": "作废"}
EMPTY = "（空）"


@dataclass(frozen=True)
class Change:
    """One field of a record: its Chinese label and the readable values before and after."""

    label: str
    before: str
    after: str


def action_name(action: str) -> str:
    return ACTIONS.get(action, action)


def kind_of(action: str) -> str:
    return action.split(".", 1)[0]


def _value(key: str, value: Any, entity: str, masked: bool) -> str:
    if value is None or value == "":
        return EMPTY
    if key == "status":
        if entity == "enrollment":
            return STATE_NAMES.get(value, value)
        names = {"card": CARD_STATES, "roster": ROSTER_STATES,
                 "receipt": RECEIPT_STATES}.get(entity, STATUS_NAMES)
        return names.get(value, str(value))
    names = {"sex": SEX_NAMES, "household_type": HOUSEHOLD_NAMES, "card_type": TYPE_NAMES,
             "end_reason": STOP_REASONS_ZH, "reason": REASON_NAMES,
             "applied_via": {"counter": "窗口", "online": "网上"}}.get(key)
    if names is not None and isinstance(value, str):
        return names.get(value, value)
    if key == "roles" and isinstance(value, list):
        return "、".join(ROLE_NAMES.get(str(r), str(r)) for r in value) or EMPTY
    if key in ("fee_fen", "amount_fen") and isinstance(value, int):
        return f"{value // 100}.{value % 100:02d} 元"
    if isinstance(value, bool):
        return "是" if value else "否"
    if key == "source" and isinstance(value, str):
        return f"（TOML，{value.count(chr(10)) + 1} 行）"
    if isinstance(value, list):
        shown = [_value(key, v, entity, masked) for v in value[:_LIST_SHOWN]]
        more = f" 等，共 {len(value)} 项" if len(value) > _LIST_SHOWN else ""
        return "、".join(shown) + more if value else EMPTY
    if isinstance(value, dict):
        text = "；".join(f"{FIELDS.get(k, k)}：{_value(k, v, entity, masked)}"
                        for k, v in value.items())
        return text or EMPTY
    text = str(value)
    if masked and key in _ID_KEYS and len(text) in (15, 18):
        return mask_id(text)
    if masked and key == "account":
        return mask_account(text)
    return mask_numbers(text) if masked and key not in _NOT_PII else text


def load_json(raw: str | None) -> dict[str, Any] | None:
    if raw is None:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return {"value": raw}
    return data if isinstance(data, dict) else {"value": data}


def changes(entity: str, entity_key: str | None, before: dict | None, after: dict | None,
            masked: bool = True) -> list[Change]:
    """The fields that differ (all fields of a creation), in the record's own order."""
    b, a = before or {}, after or {}
    keys = sorted(dict.fromkeys([*a.keys(), *b.keys()]), key=lambda k: _ORDER.get(k, len(_ORDER)))
    out = []
    for key in keys:
        old, new = b.get(key), a.get(key)
        if before is not None and after is not None and old == new:
            continue
        if (before is None or after is None) and old in (None, "", []) and new in (None, "", []):
            continue  # a creation or a removal lists only the fields that have a value
        label = ENTITY_FIELDS.get((entity, key)) or FIELDS.get(key, key)
        if entity == "setting" and key == "value" and entity_key:
            label = label_of(entity_key)
        out.append(Change(label, _value(key, old, entity, masked) if before is not None else "",
                          _value(key, new, entity, masked) if after is not None else ""))
    return out


def change_text(change: Change) -> str:
    """'姓名：张三 → 张三丰', or '姓名：张三' for a field only before or only after."""
    if change.before and change.after:
        return f"{change.label}：{change.before} → {change.after}"
    return f"{change.label}：{change.after or change.before}"


def key_text(entity: str, key: str | None, masked: bool = True) -> str:
    """The record's subject as shown: an ID number masked like the lists, other keys as they are."""
    if not key:
        return ""
    if entity == "setting":
        return label_of(key)
    if masked and entity in ("person", "enrollment", "card", "lifecert", "recovery"):
        return mask_id(key) if len(key) in (15, 18) else key
    return mask_numbers(key) if masked else key


def change_words(at: str, action: str, entity: str, key: str | None,
                 name: str | None = None) -> str:
    """One audit record as a phrase for staff: '2026-12-04 17:37 王秀英 登记生存认证' (the
    person's name when known, else the record's subject as the audit viewer shows it)."""
    when = at[:16].replace("T", " ")
    subject = name or key_text(entity, key)
    return " ".join(x for x in (when, subject, action_name(action)) if x)
