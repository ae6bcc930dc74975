"""Users: create the database with its admin, add users, log in (with lockout),
change and reset passwords, roles, disable; the last active admin always stays."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from elderdesk.domain.errors import ElderError
from elderdesk.services import audit, settings
from elderdesk.services.auth import ROLES, SYSTEM, Operator, require
from elderdesk.services.clock import now
from elderdesk.services.exchange.office import check_street_no
from elderdesk.services.users.keys import new_key_pair
from elderdesk.services.users.passwords import (
    MAX_LENGTH,
    MIN_LENGTH,
    hash_password,
    verify_password,
)
from elderdesk.store import office_repo, schema, users_repo
from elderdesk.store.db import Database, Session
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
    locked_until: datetime | None = None
    created_at: datetime | None = None


def _roles(row: UserRow) -> tuple[str, ...]:
    """The roles stored as 'clerk,reviewer' (no empty names)."""
    return tuple(r for r in row.roles.split(",") if r)


def _user(row: UserRow) -> User:
    return User(row.name, _roles(row), row.active, row.locked_until, row.created_at)


def _storable(text: str) -> bool:
    """False for text with lone surrogates (undecodable bytes): SQLite cannot take it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_password(password: str | None) -> str:
    if not password:
        raise ElderError("PASSWORD_REQUIRED")
    if len(password) < MIN_LENGTH:
        raise ElderError("PASSWORD_TOO_SHORT", min=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        raise ElderError("PASSWORD_TOO_LONG", max=MAX_LENGTH)
    return password


def _check_name(name: str | None) -> str:
    name = (name if isinstance(name, str) else "").strip()
    if not _USER_RE.match(name):
        raise ElderError("INVALID_VALUE", field="用户名", value=name[:40],
                         detail="只能包含汉字、字母、数字、点、下划线和减号，最多 32 个字符")
    return name


def _check_roles(roles: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    if not roles or isinstance(roles, str):
        raise ElderError("USAGE", detail="至少指定一个角色 --role")
    for r in roles:
        if r not in ROLES:
            raise ElderError("ROLE_UNKNOWN", role=r)
    return tuple(r for r in ROLES if r in roles)


def initialise(path: Path | str, region: str, office: str, admin: str, password: str | None,
               policy_source: str | None = None, street: str | None = None,
               level: str = "street") -> Database:
    """Create the database: schema, admin user, office settings and key pair, default policy.
    `street` (3 digits) gives a street office its 9-digit code; level "district" makes a
    district (its code is the region code; it has no street number)."""
    if not isinstance(path, str) and path.exists():  # a str is a PostgreSQL URL (store/pg.py)
        raise ElderError("DB_EXISTS", path=str(path))
    region = (region or "").strip()
    if not _REGION_RE.match(region):
        raise ElderError("INVALID_VALUE", field="行政区划代码", value=region, detail="应为 6 位数字")
    office = (office or "").strip()
    if not office or len(office) > 60:
        raise ElderError("INVALID_VALUE", field="机构名称", value=office[:60], detail="不能为空，最多 60 字")
    if level not in ("street", "district"):
        raise ElderError("USAGE", detail="--level 只能是 district")
    if street is not None:
        if level == "district":
            raise ElderError("USAGE", detail="--street 与 --level district 不能同时使用")
        street = check_street_no(street)
    admin = _check_name(admin)
    password = _check_password(password)
    private_pem, public_pem = new_key_pair()
    db = schema.create(path)
    try:
        with db.write() as s:
            stamp = now()
            users_repo.add(s, UserRow(name=admin, password_hash=hash_password(password), roles="admin",
                          active=True, failed_logins=0, created_at=stamp))
            code = region + street if street else region
            audit.record(s, SYSTEM, "init", "office", code, None,
                         {"office": office, "region": region, "admin": admin,
                          **({"code": code} if street else {}),
                          **({"level": level} if level == "district" else {})})
            settings.put(s, SYSTEM, "office.name", office)
            settings.put(s, SYSTEM, "office.region", region)
            if street:
                settings.put(s, SYSTEM, office_repo.CODE, code)
            if level == "district":
                settings.put(s, SYSTEM, office_repo.LEVEL, level)
            settings.put(s, SYSTEM, "office.private_key", private_pem)
            settings.put(s, SYSTEM, "office.public_key", public_pem)
            if policy_source:
                s.add(PolicyRow(loaded_at=stamp, operator=SYSTEM.name, source=policy_source))
                audit.record(s, SYSTEM, "policy.load", "policy", None, None,
                             {"source": policy_source})
    except BaseException:
        if db.is_pg:
            schema.drop_all_pg(db)
        db.close()
        for p in ([] if db.is_pg else [path, Path(f"{path}-wal"), Path(f"{path}-shm")]):
            p.unlink(missing_ok=True)
        raise
    return db


class UserService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def authenticate(self, name: str | None, password: str | None) -> Operator:
        """Check a password (GUI and CLI alike, cli.md "Operator"): MAX_FAILED consecutive
        failures lock the account for LOCK_MINUTES by the system clock; failures while locked
        neither count nor extend it; only an admin's reset lifts it early. The password is
        checked first, so a disabled, locked or unknown account tells a wrong password only
        AUTH_FAILED."""
        if not name:
            raise ElderError("AUTH_REQUIRED")
        if password is None:
            raise ElderError("AUTH_REQUIRED")
        if not _storable(name) or len(name) > 64:
            verify_password(hash_password("x" * 8), password)
            raise ElderError("AUTH_FAILED")
        with self.db.write(login=True) as s:  # also on a file moved to a server (reading)
            row = users_repo.by_name(s, name)
            if row is None:
                verify_password(hash_password("x" * 8), password)  # same time as a real check
                raise ElderError("AUTH_FAILED")
            correct = verify_password(row.password_hash, password)
            stamp = now()  # the system clock, never ELDERDESK_TODAY
            locked = row.locked_until is not None and row.locked_until > stamp
            if correct and not row.active:
                raise ElderError("AUTH_DISABLED", user=name)
            if correct and locked:
                raise ElderError("AUTH_LOCKED", until=row.locked_until.strftime("%H:%M"))
            if correct:
                if row.failed_logins or row.locked_until:
                    row.failed_logins, row.locked_until = 0, None
                return Operator(row.name, frozenset(_roles(row)))
            if row.active and not locked:
                if row.locked_until is not None:  # a lock that ran out: a fresh count
                    row.locked_until, row.failed_logins = None, 0
                row.failed_logins += 1
                if row.failed_logins >= MAX_FAILED:
                    row.locked_until = stamp + timedelta(minutes=LOCK_MINUTES)
                    row.failed_logins = 0
                    audit.record(s, Operator(name, frozenset()), "user.locked", "user", name)
        raise ElderError("AUTH_FAILED")

    def add(self, op: Operator, name: str, roles: list[str], password: str | None) -> User:
        require(op, "user.add")
        name = _check_name(name)
        clean_roles = _check_roles(roles)
        password = _check_password(password)
        with self.db.write() as s:
            if users_repo.exists(s, name):
                raise ElderError("USER_EXISTS", user=name)
            users_repo.add(s, UserRow(name=name, password_hash=hash_password(password),
                          roles=",".join(clean_roles), active=True, failed_logins=0,
                          created_at=now()))
            audit.record(s, op, "user.add", "user", name, None,
                         {"name": name, "roles": list(clean_roles)})
        return User(name, clean_roles, True, None, None)

    def list(self, op: Operator) -> list[User]:
        require(op, "user.manage")
        with self.db.read() as s:
            return [_user(r) for r in users_repo.all_by_name(s)]

    def change_password(self, op: Operator, old: str | None, new: str | None) -> None:
        """The operator's own password; the old one must be given again."""
        require(op, "user.passwd")
        new = _check_password(new)
        with self.db.write() as s:
            row = self._row(s, op.name)
            if not isinstance(old, str) or not verify_password(row.password_hash, old):
                raise ElderError("AUTH_FAILED")
            if old == new:
                raise ElderError("PASSWORD_SAME")
            row.password_hash = hash_password(new)
            row.failed_logins, row.locked_until = 0, None
            audit.record(s, op, "user.passwd", "user", row.name, None, {"name": row.name})

    def reset_password(self, op: Operator, name: str, new: str | None) -> User:
        """An admin sets a new password for someone (and lifts a lockout); audited without it."""
        require(op, "user.manage")
        new = _check_password(new)
        with self.db.write() as s:
            row = self._row(s, name)
            was_locked = row.locked_until is not None and row.locked_until > now()
            row.password_hash = hash_password(new)
            row.failed_logins, row.locked_until = 0, None
            audit.record(s, op, "user.reset", "user", row.name, None,
                         {"name": row.name, "unlocked": was_locked})
            return _user(row)

    def set_active(self, op: Operator, name: str, active: bool) -> User:
        """Disable (or enable again) a user; nobody disables themselves or the last admin."""
        require(op, "user.manage")
        with self.db.write() as s:
            row = self._row(s, name)
            if row.active == bool(active):
                return _user(row)
            if not active:
                if row.name == op.name:
                    raise ElderError("USER_SELF", action="停用")
                if "admin" in _roles(row):
                    self._keep_an_admin(s, row)
            row.active = bool(active)
            audit.record(s, op, "user.enable" if active else "user.disable", "user", row.name,
                         {"active": not row.active}, {"active": row.active})
            return _user(row)

    def disable(self, op: Operator, name: str) -> User:
        return self.set_active(op, name, False)

    def set_roles(self, op: Operator, name: str, roles: list[str]) -> User:
        """Replace a user's roles; the last active admin keeps the admin role."""
        require(op, "user.manage")
        clean_roles = _check_roles(roles)
        with self.db.write() as s:
            row = self._row(s, name)
            before = _roles(row)
            if before == clean_roles:
                return _user(row)
            if "admin" in before and "admin" not in clean_roles and row.active:
                self._keep_an_admin(s, row)
            row.roles = ",".join(clean_roles)
            audit.record(s, op, "user.roles", "user", row.name, {"roles": list(before)},
                         {"roles": list(clean_roles)})
            return _user(row)

    @staticmethod
    def _row(s: Session, name: str | None) -> UserRow:
        key = name.strip() if isinstance(name, str) and _storable(name) else ""
        row = users_repo.by_name(s, key) if key else None
        if row is None:
            raise ElderError("USER_NOT_FOUND", user=key[:40])
        return row

    @staticmethod
    def _keep_an_admin(s: Session, row: UserRow) -> None:
        others = [r for r in users_repo.other_active(s, row.id) if "admin" in _roles(r)]
        if not others:
            raise ElderError("USER_LAST_ADMIN", user=row.name)
