"""Office settings stored in the database (audited, backed up with the data)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from elderdesk.domain.cards import CARD_SETTINGS
from elderdesk.services import audit
from elderdesk.services.auth import Operator, require
from elderdesk.store.db import Database
from elderdesk.store.orm import SettingRow

# key -> (Chinese label, default)
SETTINGS: dict[str, tuple[str, str | None]] = {
    "office.name": ("办理机构名称", None),
    "office.region": ("行政区划代码", None),
    "office.public_key": ("机构公钥", None),
    "office.private_key": ("机构私钥", None),
    **CARD_SETTINGS,  # card rules and print calibration, with their defaults
}
SECRET = {"office.private_key"}


def get(session: Session, key: str) -> str | None:
    row = session.get(SettingRow, key)
    return row.value if row else SETTINGS.get(key, ("", None))[1]


def put(session: Session, op: Operator, key: str, value: str) -> None:
    row = session.get(SettingRow, key)
    before = row.value if row else None
    if before == value:
        return
    if row is None:
        session.add(SettingRow(key=key, value=value))
    else:
        row.value = value
    shown = (lambda v: None if v is None else "***") if key in SECRET else (lambda v: v)
    audit.record(session, op, "settings.change", "setting", key,
                 {"value": shown(before)}, {"value": shown(value)})


class SettingsService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def office(self) -> dict[str, str | None]:
        with self.db.read() as s:
            rows = {r.key: r.value for r in s.execute(select(SettingRow)).scalars()}
        return {"name": rows.get("office.name"), "region": rows.get("office.region")}

    def set(self, op: Operator, key: str, value: str) -> None:
        require(op, "settings.change")
        with self.db.write() as s:
            put(s, op, key, value)
