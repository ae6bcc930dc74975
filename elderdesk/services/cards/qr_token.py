"""The signed QR text of a card: `EC1.<base64url(JSON)>.<base64url(Ed25519 signature)>`.

The payload is compact UTF-8 JSON with the keys of PAYLOAD_KEYS; the signature covers exactly
the payload bytes that were encoded, so a verifier checks the bytes and only then parses them.
Base64url without padding (RFC 4648 §5). Ed25519 through the `cryptography` package only.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PREFIX = "EC1"
# no: card number; id: ID number, first 6 and last 4 shown; name; type: blue | red;
# issued: issue date YYYY-MM-DD; office: the issuing office's region code.
PAYLOAD_KEYS = ("no", "id", "name", "type", "issued", "office")
_B64URL = re.compile(r"^[A-Za-z0-9_-]+$")


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text: str) -> bytes:
    if not _B64URL.match(text) or len(text) % 4 == 1:
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@lru_cache(maxsize=4)
def _private_key(pem: str) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(pem.encode("ascii"), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("not an Ed25519 private key")
    return key


@lru_cache(maxsize=4)
def _public_key(pem: str) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(pem.encode("ascii"))
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return key


def payload_bytes(payload: dict[str, Any]) -> bytes:
    """The canonical bytes signed: keys in PAYLOAD_KEYS order, no spaces, UTF-8."""
    ordered = {k: payload[k] for k in PAYLOAD_KEYS}
    return json.dumps(ordered, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sign(payload: dict[str, Any], private_pem: str) -> str:
    data = payload_bytes(payload)
    signature = _private_key(private_pem).sign(data)
    return f"{PREFIX}.{b64url(data)}.{b64url(signature)}"


def payload_of(token: str) -> dict[str, Any]:
    """The payload of a token this program made (no signature check: for our own records)."""
    return json.loads(unb64url(token.split(".")[1]).decode("utf-8"))


@dataclass(frozen=True)
class Checked:
    """The outcome of checking a token's signature: the payload only when it is good."""

    good: bool
    payload: dict[str, Any] | None
    reason: str | None  # why it is not good, in Chinese


def check(text: str, public_pem: str) -> Checked:
    """Check the signature of a token offline; never raises on bad input."""
    parts = str(text).strip().split(".")
    if len(parts) != 3 or parts[0] != PREFIX:
        return Checked(False, None, "不是本系统的老年证二维码（应为 EC1.数据.签名 格式）")
    try:
        data, signature = unb64url(parts[1]), unb64url(parts[2])
    except (ValueError, binascii.Error):
        return Checked(False, None, "二维码内容无法解码，可能被篡改或识读不完整")
    try:
        _public_key(public_pem).verify(signature, data)
    except InvalidSignature:
        return Checked(False, None, "签名不符：二维码内容被改动过，或不是本机构签发")
    try:
        payload = json.loads(data.decode("utf-8"))
        if not isinstance(payload, dict) or any(k not in payload for k in PAYLOAD_KEYS):
            raise ValueError("fields missing")
    except (ValueError, UnicodeDecodeError):
        return Checked(False, None, "签名正确但内容格式不对")
    return Checked(True, payload, None)


def best_mask(token: str) -> int:
    """The QR mask (error level M) segno picks by the standard's penalty rules: ~20 ms, so it is
    chosen once at issue and stored; printing with a given mask takes ~5 ms."""
    import segno

    return segno.make_qr(token, error="m", boost_error=False).mask
