"""Checking a card's QR text offline: the office's signature, then this database's record."""

from __future__ import annotations

import binascii
from dataclasses import dataclass
from typing import Any

from elderdesk.domain.cards import REISSUE_REASONS, TYPE_NAMES, CardStatus
from elderdesk.domain.errors import ElderError
from elderdesk.services import settings
from elderdesk.services.cards import qr_token
from elderdesk.store import cards_repo as repo
from elderdesk.store import exchange_repo, office_repo
from elderdesk.store.db import Database


@dataclass(frozen=True)
class Verification:
    valid: bool
    status: str  # valid | tampered | revoked | unknown
    card_no: str | None  # from a well-signed payload only
    name: str | None
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"valid": self.valid, "status": self.status, "card_no": self.card_no,
                "name": self.name, "reason": self.reason}


def public_key(db: Database) -> str:
    """The office's public key (PEM, SubjectPublicKeyInfo)."""
    with db.read() as s:
        pem = settings.get(s, "office.public_key")
    if not pem:
        raise ElderError("CARD_NO_KEY")
    return pem


def verify(db: Database, text: str) -> Verification:
    """tampered = unreadable or bad signature; revoked = good signature, card revoked or
    replaced here; unknown = good signature, card not in this database; else valid."""
    own = public_key(db)
    with db.read() as s:
        keys = exchange_repo.partner_keys(s)  # offices registered with `office add`
        mine = office_repo.own_codes(s)
    # The key of the office the payload names (its own codes, former one included, or a
    # registered partner); a card naming an unknown office is checked with the own key.
    try:
        named = str(qr_token.payload_of(str(text).strip()).get("office", ""))
    except (ValueError, IndexError, AttributeError, UnicodeDecodeError, binascii.Error):
        named = ""
    key = keys[named] if named in keys and named not in mine else own
    checked = qr_token.check(text, key)
    if not checked.good or checked.payload is None:
        return Verification(False, "tampered", None, None, checked.reason or "")
    no, name = str(checked.payload["no"]), str(checked.payload["name"])
    if key != own:  # a registered partner's card: no local record here
        return Verification(False, "unknown", no, name,
                            f"签名正确，是机构 {named} 签发的老年证，本库没有这张证的记录，"
                            "请向发证机构核实")
    with db.read() as s:
        row = repo.by_card_no(s, no)
        if row is None or row.qr != str(text).strip():
            return Verification(False, "unknown", no, name,
                                f"签名正确，但本库没有编号为 {no} 的这张老年证，请向发证机构核实")
        if row.status == CardStatus.VALID:
            return Verification(True, "valid", no, name,
                                f"{TYPE_NAMES[row.card_type]}，{row.issued_on} 发证，本库记录有效")
        if row.status == CardStatus.REVOKED:
            why = f"持证人已于 {row.ended_on} 登记死亡，该证已注销"
        else:
            cause = REISSUE_REASONS.get(row.end_reason or "", "换证")
            why = f"该证已于 {row.ended_on} 因{cause}换发新证，原证作废"
        return Verification(False, "revoked", no, name, why)
