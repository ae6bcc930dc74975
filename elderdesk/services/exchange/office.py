"""The office's identity and its partner offices (multi-office.md §2): `office code`, `office
add`, `office list`, `office payment`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from elderdesk.domain.errors import ElderError
from elderdesk.domain.text import clean_text
from elderdesk.services import audit, settings
from elderdesk.services.auth import Operator, require
from elderdesk.services.clock import now
from elderdesk.store import exchange_repo, office_repo
from elderdesk.store.db import Database, Session

PAYMENTS = ("street", "district")
_STREET_NO = re.compile(r"[0-9]{3}")


@dataclass(frozen=True)
class Partner:
    code: str
    name: str
    level: str  # street | district (by the length of the code)
    added_at: datetime
    payment: str | None

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "level": self.level,
                "added_at": self.added_at.isoformat(timespec="seconds"),
                "payment": self.payment}


@dataclass(frozen=True)
class Identity:
    name: str
    region: str
    code: str  # the code identifiers carry
    level: str
    former: str | None
    joined: bool  # a street whose district is registered

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "region": self.region, "code": self.code,
                "level": self.level, "former_code": self.former, "joined": self.joined}


def check_street_no(text: str) -> str:
    text = clean_text(text) if isinstance(text, str) else ""
    if not _STREET_NO.fullmatch(text) or text == "000":
        raise ElderError("OFFICE_CODE_INVALID", value=text[:20], detail="街道编号应为 001 到 999 的 3 位数字")
    return text


def district_code(session: Session) -> str | None:
    """At a street: the registered district (the partner with a 6-digit code), if any."""
    for p in exchange_repo.partners(session):
        if len(p.code) == 6:
            return p.code
    return None


def joined(session: Session) -> bool:
    return office_repo.level(session) == office_repo.STREET and district_code(session) is not None


def _public_pem(data: bytes, path: str) -> str:
    try:
        key = load_pem_public_key(data)
    except (ValueError, TypeError):
        raise ElderError("OFFICE_KEY_INVALID", path=path) from None
    if not isinstance(key, Ed25519PublicKey):
        raise ElderError("OFFICE_KEY_INVALID", path=path)
    return data.decode("ascii").strip() + "\n"


class OfficeService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def identity(self, op: Operator) -> Identity:
        require(op, "people.read")
        with self.db.read() as s:
            return Identity(settings.get(s, "office.name") or "",
                            settings.get(s, office_repo.REGION) or "",
                            office_repo.office_code(s), office_repo.level(s),
                            settings.get(s, office_repo.FORMER), joined(s))

    def set_code(self, op: Operator, street_no: str) -> str:
        """Give this street office its 3-digit number once; the region code it used so far stays
        its former code (cards and backups carrying it remain its own)."""
        require(op, "settings.change")
        street_no = check_street_no(street_no)
        with self.db.write() as s:
            region = settings.get(s, office_repo.REGION) or ""
            if office_repo.level(s) == office_repo.DISTRICT:
                raise ElderError("OFFICE_IS_DISTRICT", region=region)
            current = settings.get(s, office_repo.CODE)
            if current:
                raise ElderError("OFFICE_CODE_SET", current=current)
            code = region + street_no
            settings.put(s, op, office_repo.FORMER, region)
            settings.put(s, op, office_repo.CODE, code)
            audit.record(s, op, "office.code", "office", code, {"code": region},
                         {"code": code, "former_code": region})
            return code

    def add_partner(self, op: Operator, code: str, name: str, pem: bytes, path: str = "") -> Partner:
        """Register a partner's key: a district registers its streets (9 digits, its own region
        first), a street its district (its own region)."""
        require(op, "settings.change")
        code = clean_text(code) if isinstance(code, str) else ""
        name = clean_text(name) if isinstance(name, str) else ""
        if not name or len(name) > 60:
            raise ElderError("INVALID_VALUE", field="机构名称", value=name[:60], detail="不能为空，最多 60 字")
        public = _public_pem(pem, path)
        with self.db.write() as s:
            region = settings.get(s, office_repo.REGION) or ""
            if office_repo.level(s) == office_repo.DISTRICT:
                if not (re.fullmatch(r"[0-9]{9}", code) and code.startswith(region)
                        and code[6:] != "000"):
                    raise ElderError("OFFICE_CODE_INVALID", value=code[:20],
                                     detail=f"区级机构登记的街道代码应为 {region} 加 3 位街道编号")
            elif code != region:
                raise ElderError("OFFICE_CODE_INVALID", value=code[:20],
                                 detail=f"街道只登记本区（{region}）的区级机构")
            found = exchange_repo.partner(s, code)
            if found is not None:
                raise ElderError("OFFICE_EXISTS", office=code, name=found.name)
            row = exchange_repo.add_partner(s, code, name, public, now())
            audit.record(s, op, "office.add", "office", code, None, {"code": code, "name": name})
            return _partner(row)

    def partners(self, op: Operator) -> list[Partner]:
        require(op, "people.read")
        with self.db.read() as s:
            return [_partner(r) for r in exchange_repo.partners(s)]

    def payment(self, op: Operator, code: str | None = None, value: str | None = None
                ) -> dict[str, str]:
        """Who pays: at a district, per street (set with code and value, audited; it travels in
        the next package); at a street, the setting its district sent (read only)."""
        if value is not None:
            require(op, "settings.change")
            if value not in PAYMENTS:
                raise ElderError("USAGE", detail="发放方式应为 street 或 district")
            with self.db.write() as s:
                if office_repo.level(s) != office_repo.DISTRICT:
                    raise ElderError("OFFICE_NOT_STREET",
                                     payment=settings.get(s, "office.payment") or "street")
                row = exchange_repo.partner(s, clean_text(code or ""))
                if row is None or len(row.code) != 9:
                    raise ElderError("OFFICE_UNKNOWN", office=str(code)[:20])
                before = row.payment or "street"
                if value != row.payment:  # takes effect once a package carried it
                    row.payment, row.payment_seq = value, None
                audit.record(s, op, "office.payment", "office", row.code, {"payment": before},
                             {"payment": value})
                return {row.code: value}
        require(op, "people.read")
        with self.db.read() as s:
            if office_repo.level(s) == office_repo.DISTRICT:
                rows = [r for r in exchange_repo.partners(s) if len(r.code) == 9]
                if code is not None:
                    rows = [r for r in rows if r.code == code]
                    if not rows:
                        raise ElderError("OFFICE_UNKNOWN", office=str(code)[:20])
                return {r.code: r.payment or "street" for r in rows}
            return {office_repo.office_code(s): settings.get(s, "office.payment") or "street"}


def _partner(row: Any) -> Partner:
    return Partner(row.code, row.name, "district" if len(row.code) == 6 else "street",
                   row.added_at, row.payment if len(row.code) == 9 else None)
