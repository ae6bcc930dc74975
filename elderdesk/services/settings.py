"""Office settings stored in the database (audited, backed up with the data)."""

from __future__ import annotations

import re
from typing import NamedTuple

from elderdesk.domain.cards import CARD_SETTINGS
from elderdesk.domain.errors import ElderError
from elderdesk.domain.text import CONTROL, clean_text
from elderdesk.services import audit
from elderdesk.services.auth import Operator, require
from elderdesk.store import office_repo, settings_repo
from elderdesk.store.db import Database, Session


class Setting(NamedTuple):
    """A setting's Chinese label and the value it has while none is stored."""

    label: str
    default: str | None


SETTINGS: dict[str, Setting] = {key: Setting(label, default) for key, (label, default) in {
    "office.name": ("办理机构名称", None),
    "office.region": ("行政区划代码", None),
    "office.public_key": ("机构公钥", None),
    "office.private_key": ("机构私钥", None),
    "security.idle_minutes": ("无操作自动锁定（分钟）", "10"),
    **CARD_SETTINGS,  # card rules and print calibration, with their defaults
}.items()}
SECRET = {"office.private_key"}
# What SettingsService.set may change (card rules go through CardService.set_rule).
EDITABLE = ("office.name", "office.region", "security.idle_minutes")
IDLE_RANGE = (1, 240)  # minutes


def get(session: Session, key: str) -> str | None:
    stored = settings_repo.value(session, key)
    if stored is not None:
        return stored
    known = SETTINGS.get(key)
    return known.default if known is not None else None


def label_of(key: str) -> str:
    """The setting's Chinese label (the key itself for one not in SETTINGS)."""
    known = SETTINGS.get(key)
    return known.label if known is not None else key


def put(session: Session, op: Operator, key: str, value: str) -> None:
    before = settings_repo.value(session, key)
    if before == value:
        return
    settings_repo.store(session, key, value)
    shown = (lambda v: None if v is None else "***") if key in SECRET else (lambda v: v)
    audit.record(session, op, "settings.change", "setting", key,
                 {"value": shown(before)}, {"value": shown(value)})


class SettingsService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def office(self) -> dict[str, str | None]:
        with self.db.read() as s:
            rows = settings_repo.every(s)
        return {"name": rows.get("office.name"), "region": rows.get("office.region")}

    def idle_minutes(self) -> int:
        """Minutes without input before the GUI locks (security.idle_minutes)."""
        with self.db.read() as s:
            value = get(s, "security.idle_minutes")
        try:
            return int(check_value("security.idle_minutes", value or ""))
        except ElderError:  # a value written outside the program: the default
            return int(SETTINGS["security.idle_minutes"].default or 10)

    def set(self, op: Operator, key: str, value: str) -> None:
        require(op, "settings.change")
        stored = check_value(key, value)
        with self.db.write() as s:
            if (key == "office.region" and stored != get(s, key)
                    and office_repo.exchange_code(s) is not None):
                raise ElderError("SETTING_INVALID", label=SETTINGS[key].label, value=stored,
                                 detail="机构代码设定后不能修改（卡号、收据号和交换包都带着它）")
            put(s, op, key, stored)


def check_value(key: str, value: object) -> str:
    """The cleaned text to store for an editable setting, or SETTING_UNKNOWN/SETTING_INVALID."""
    if key not in EDITABLE:
        raise ElderError("SETTING_UNKNOWN", key=str(key)[:40], keys="、".join(EDITABLE))
    label = SETTINGS[key].label
    text = clean_text(value) if isinstance(value, str | int) else ""
    shown = text[:40]
    if key == "office.name":
        if not text or len(text) > 60 or CONTROL.search(text):
            raise ElderError("SETTING_INVALID", label=label, value=shown,
                             detail="不能为空，最多 60 字，不能含控制字符")
    elif key == "office.region":
        if not re.fullmatch(r"[0-9]{6}", text):
            raise ElderError("SETTING_INVALID", label=label, value=shown, detail="应为 6 位数字")
    elif key == "security.idle_minutes":
        low, high = IDLE_RANGE
        if not re.fullmatch(r"[0-9]{1,4}", text) or not low <= int(text) <= high:
            raise ElderError("SETTING_INVALID", label=label, value=shown,
                             detail=f"应为 {low} 到 {high} 之间的整数")
        text = str(int(text))
    return text
