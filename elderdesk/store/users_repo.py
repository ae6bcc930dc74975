"""The users table: lookups by name, the active admins."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from elderdesk.store.db import Database
from elderdesk.store.orm import UserRow


def by_name(session: Session, name: str) -> UserRow | None:
    return session.execute(select(UserRow).where(UserRow.name == name)).scalar_one_or_none()


def exists(session: Session, name: str) -> bool:
    return session.execute(select(UserRow.id).where(UserRow.name == name)).first() is not None


def all_by_name(session: Session) -> list[UserRow]:
    return list(session.execute(select(UserRow).order_by(UserRow.name)).scalars())


def other_active(session: Session, user_id: int) -> list[UserRow]:
    """The active users other than one."""
    return list(session.execute(select(UserRow).where(
        UserRow.active.is_(True), UserRow.id != user_id)).scalars())


def add(session: Session, row: UserRow) -> None:
    session.add(row)


def locked_until(db: Database, name: str) -> datetime | None:
    """When a user's lockout ends (tests look)."""
    with db.read() as s:
        return s.execute(select(UserRow.locked_until).where(UserRow.name == name)).scalar()
