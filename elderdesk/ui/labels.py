"""Translated labels for the domain's code → Chinese tables (lupdate needs literal tr calls)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # literal contexts for lupdate


def field_label(field: str) -> str:
    return {"name": translate("Labels", "姓名"), "ethnicity": translate("Labels", "民族"), "household_address": translate("Labels", "户籍地址"),
            "current_address": translate("Labels", "现住址"), "street": translate("Labels", "街道"), "community": translate("Labels", "社区"),
            "phone": translate("Labels", "联系电话"), "bank": translate("Labels", "开户银行"), "account": translate("Labels", "银行账号"),
            "notes": translate("Labels", "备注")}.get(field, field)


def household_label(key: str) -> str:
    return {"local": translate("Labels", "本地户籍"), "nonlocal": translate("Labels", "非本地户籍")}.get(key, key)


def stop_reason_label(code: str) -> str:
    return {"death": translate("Labels", "死亡"), "moved_out": translate("Labels", "迁出"), "voluntary": translate("Labels", "本人申请"),
            "duplicate": translate("Labels", "重复享受"), "disqualified": translate("Labels", "不符合条件"),
            "lost_contact": translate("Labels", "失去联系"), "policy": translate("Labels", "政策调整"), "other": translate("Labels", "其他")
            }.get(code, code)


def form_label(kind: str) -> str:
    return {"application": translate("Labels", "高龄津贴申请审批表"), "stop": translate("Labels", "高龄津贴停发备案表"),
            "adjust": translate("Labels", "高龄津贴调整备案表"), "recovery": translate("Labels", "高龄津贴追回通知书"),
            "pickup": translate("Labels", "老年证领取登记表")}.get(kind, kind)


def role_label(role: str) -> str:
    return {"clerk": translate("Labels", "经办"), "reviewer": translate("Labels", "审核"), "approver": translate("Labels", "审批"),
            "admin": translate("Labels", "管理员")}.get(role, role)


def role_note(role: str) -> str:
    return {"clerk": translate("Labels", "登记人员、发证、受理申请、导入、打印"), "reviewer": translate("Labels", "街道审核津贴申请"),
            "approver": translate("Labels", "区级审批、冻结花名册"),
            "admin": translate("Labels", "用户、机构设置、政策、备份、审计日志")}.get(role, role)


def stats_tab_label(title: str) -> str:
    return {"年龄段": translate("Labels", "年龄段"), "社区": translate("Labels", "社区"), "人员状态": translate("Labels", "人员状态"),
            "津贴发放": translate("Labels", "津贴发放"), "老年证": translate("Labels", "老年证"), "生存认证": translate("Labels", "生存认证")
            }.get(title, title)


def reissue_reason_label(key: str) -> str:
    return {"lost": translate("Labels", "遗失"), "damaged": translate("Labels", "损坏"),
            "upgrade": translate("Labels", "年满换证"),
            "correction": translate("Labels", "信息更正")}.get(key, key)
