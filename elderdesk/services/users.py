"""Users: create the database with its admin, add users, log in (with lockout for the GUI)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from elderdesk.domain.errors import ElderError
from elderdesk.services import audit, settings
from elderdesk.services.auth import ROLES, SYSTEM, Operator, require
from elderdesk.services.clock import now
from elderdesk.services.passwords import MIN_LENGTH, hash_password, verify_password
from elderdesk.store import schema
from elderdesk.store.db import Database
from elderdesk.store.orm import PolicyRow, UserRow

MAX_FAILED = 5
LOCK_MINUTES = 15
_USER_RE = re.compile(r"^[\w.\-\u4e00-\u9fff]{1,32}$")
_REGION_RE = re.compile(r"^\d{6}$")


@dataclass(frozen=True)
class User:
    name: str
    roles: tuple[str, ...]
    active: bool


def _check_password(password: str | None) -> str:
    if not password:
        raise ElderError("PASSWORD_REQUIRED")
    if len(password) < MIN_LENGTH:
        raise ElderError("PASSWORD_TOO_SHORT", min=MIN_LENGTH)
    return password


def _check_name(name: str) -> str:
    name = (name or "").strip()
    if not _USER_RE.match(name):
        raise ElderError("INVALID_VALUE", field="用户名", value=name[:40],
                         detail="只能包含汉字、字母、数字、点、下划线和减号，最多 32 个字符")
    return name


def _check_roles(roles: list[str]) -> tuple[str, ...]:
    if not roles:
        raise ElderError("USAGE", detail="至少指定一个角色 --role")
    for r in roles:
        if r not in ROLES:
            raise ElderError("ROLE_UNKNOWN", role=r)
    return tuple(r for r in ROLES if r in roles)


def initialise(path: Path, region: str, office: str, admin: str, password: str | None,
               policy_source: str | None = None) -> Database:
    """Create the database: schema, admin user, office settings and key pair, default policy."""
    if path.exists():
        raise ElderError("DB_EXISTS", path=str(path))
    region = (region or "").strip()
    if not _REGION_RE.match(region):
        raise ElderError("INVALID_VALUE", field="行政区划代码", value=region, detail="应为 6 位数字")
    office = (office or "").strip()
    if not office or len(office) > 60:
        raise ElderError("INVALID_VALUE", field="机构名称", value=office[:60], detail="不能为空，最多 60 字")
    admin = _check_name(admin)
    password = _check_password(password)
    from elderdesk.services.keys import new_key_pair

    private_pem, public_pem = new_key_pair()
    db = schema.create(path)
    try:
        with db.write() as s:
            stamp = now()
            s.add(UserRow(name=admin, password_hash=hash_password(password), roles="admin",
                          active=True, failed_logins=0, created_at=stamp))
            audit.record(s, SYSTEM, "init", "office", region, None,
                         {"office": office, "region": region, "admin": admin})
            settings.put(s, SYSTEM, "office.name", office)
            settings.put(s, SYSTEM, "office.region", region)
            settings.put(s, SYSTEM, "office.private_key", private_pem)
            settings.put(s, SYSTEM, "office.public_key", public_pem)
            if policy_source:
                s.add(PolicyRow(loaded_at=stamp, operator=SYSTEM.name, source=policy_source))
                audit.record(s, SYSTEM, "policy.load", "policy", None, None,
                             {"source": policy_source})
    except BaseException:
        db.close()
        for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            p.unlink(missing_ok=True)
        raise
    return db


class UserService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def authenticate(self, name: str | None, password: str | None, *,
                     lockout: bool = False) -> Operator:
        """Check a password; with lockout (the GUI) repeated failures lock the account."""
        if not name:
            raise ElderError("AUTH_REQUIRED")
        if password is None:
            raise ElderError("AUTH_REQUIRED")
        with self.db.write() as s:
            row = s.execute(select(UserRow).where(UserRow.name == name)).scalar_one_or_none()
            if row is None:
                verify_password(hash_password("x" * 8), password)  # same time as a real check
                raise ElderError("AUTH_FAILED")
            if not row.active:
                raise ElderError("AUTH_DISABLED", user=name)
            stamp = now()
            if lockout and row.locked_until and row.locked_until > stamp:
                raise ElderError("AUTH_LOCKED", until=row.locked_until.strftime("%H:%M"))
            if not verify_password(row.password_hash, password):
                if lockout:
                    row.failed_logins += 1
                    if row.failed_logins >= MAX_FAILED:
                        row.locked_until = stamp + timedelta(minutes=LOCK_MINUTES)
                        row.failed_logins = 0
                        audit.record(s, Operator(name, frozenset()), "user.locked", "user", name)
            else:
                if row.failed_logins or row.locked_until:
                    row.failed_logins, row.locked_until = 0, None
                return Operator(row.name, frozenset(row.roles.split(",")))
        raise ElderError("AUTH_FAILED")

    def add(self, op: Operator, name: str, roles: list[str], password: str | None) -> User:
        require(op, "user.add")
        name = _check_name(name)
        clean_roles = _check_roles(roles)
        password = _check_password(password)
        with self.db.write() as s:
            if s.execute(select(UserRow.id).where(UserRow.name == name)).first():
                raise ElderError("USER_EXISTS", user=name)
            s.add(UserRow(name=name, password_hash=hash_password(password),
                          roles=",".join(clean_roles), active=True, failed_logins=0,
                          created_at=now()))
            audit.record(s, op, "user.add", "user", name, None,
                         {"name": name, "roles": list(clean_roles)})
        return User(name, clean_roles, True)

    def list(self, op: Operator) -> list[User]:
        require(op, "user.manage")
        with self.db.read() as s:
            rows = s.execute(select(UserRow).order_by(UserRow.name)).scalars()
            return [User(r.name, tuple(r.roles.split(",")), r.active) for r in rows]


def locked_until(db: Database, name: str) -> datetime | None:
    with db.read() as s:
        return s.execute(select(UserRow.locked_until).where(UserRow.name == name)).scalar()
