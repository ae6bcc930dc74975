"""The settings table: one text value per key (office, card rules, roster side data)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from elderdesk.store.orm import SettingRow


def value(session: Session, key: str) -> str | None:
    """The stored value; None when the key has none."""
    row = session.get(SettingRow, key)
    return row.value if row else None


def store(session: Session, key: str, text: str) -> None:
    """Insert or replace the key's value."""
    row = session.get(SettingRow, key)
    if row is None:
        session.add(SettingRow(key=key, value=text))
    else:
        row.value = text


def every(session: Session) -> dict[str, str]:
    """Every stored key and value."""
    return {r.key: r.value for r in session.execute(select(SettingRow)).scalars()}
