"""The EDX1 package file (multi-office.md §4, docs/exchange.md): line 1 the header (compact
JSON), line 2 the base64url Ed25519 signature of line 1's exact bytes including its newline,
then the body: one JSON object per line (a record). The header holds the SHA-256 of the body,
so one changed byte anywhere is detected."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_private_key, load_pem_public_key

from elderdesk.domain.errors import ElderError

FORMAT = "EDX1"
MAX_HEADER = 64 * 1024
HEADER_KEYS = ("format", "sender", "receiver", "first_seq", "seq", "received_seq",
               "received_head", "received_version", "created_at", "head", "body_sha256",
               "records")


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def body_bytes(records: list[dict[str, Any]]) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                    .encode("utf-8") + b"\n" for r in records)


def write(header: dict[str, Any], body: bytes, private_pem: str) -> bytes:
    """The file's bytes: header line, signature line, body."""
    header = {**header, "format": FORMAT, "body_sha256": hashlib.sha256(body).hexdigest()}
    line = json.dumps(header, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8") + b"\n"
    key = load_pem_private_key(private_pem.encode("ascii"), password=None)
    assert isinstance(key, Ed25519PrivateKey)
    return line + b64url(key.sign(line)).encode("ascii") + b"\n" + body


@dataclass(frozen=True)
class Package:
    header: dict[str, Any]
    header_line: bytes
    signature: bytes | None  # None: not base64url
    body: bytes

    @property
    def sender(self) -> str:
        return str(self.header["sender"])

    def check_signature(self, public_pem: str) -> None:
        key = load_pem_public_key(public_pem.encode("ascii"))
        assert isinstance(key, Ed25519PublicKey)
        try:
            if self.signature is None:
                raise InvalidSignature
            key.verify(self.signature, self.header_line)
        except InvalidSignature:
            raise ElderError("EXCHANGE_BAD_SIGNATURE", sender=self.sender) from None
        if hashlib.sha256(self.body).hexdigest() != self.header.get("body_sha256"):
            raise ElderError("EXCHANGE_BAD_BODY")

    def records(self) -> list[dict[str, Any]]:
        """The body's records (after the signature and hash were checked)."""
        out = []
        for n, line in enumerate(self.body.split(b"\n"), 1):
            if not line:
                continue
            try:
                rec = json.loads(line.decode("utf-8"))
            except (ValueError, UnicodeDecodeError):
                raise ElderError("EXCHANGE_BAD_PACKAGE", detail=f"第 {n} 行不是 JSON") from None
            if (not isinstance(rec, dict) or not all(isinstance(rec.get(k), str) for k in
                                                     ("kind", "owner", "key"))
                    or not isinstance(rec.get("version"), int)
                    or not isinstance(rec.get("data"), dict)):
                raise ElderError("EXCHANGE_BAD_PACKAGE", detail=f"第 {n} 行缺少 kind/owner/key/version/data")
            out.append(rec)
        return out


def _int(header: dict[str, Any], key: str) -> int:
    v = header.get(key)
    if not isinstance(v, int) or isinstance(v, bool) or v < 0:
        raise ValueError(key)
    return v


def read(data: bytes, path: str) -> Package:
    """Split a file into header, signature and body; not an EDX1 file: EXCHANGE_NOT_EDX1
    (exit 2). Nothing is trusted until check_signature."""
    first, nl, rest = data[:MAX_HEADER].partition(b"\n")
    try:
        header = json.loads(first.decode("utf-8")) if nl else None
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise ValueError("format")
        for k in ("sender", "receiver", "body_sha256"):
            if not isinstance(header.get(k), str):
                raise ValueError(k)
        for k in ("first_seq", "seq", "received_seq", "received_version"):
            _int(header, k)
        if not 1 <= header["first_seq"] <= header["seq"]:
            raise ValueError("seq")
    except (ValueError, UnicodeDecodeError):
        raise ElderError("EXCHANGE_NOT_EDX1", path=path) from None
    rest = data[len(first) + 1:]
    sig_line, nl2, body = rest.partition(b"\n")
    try:
        text = sig_line.decode("ascii")
        signature = unb64url(text) if nl2 else None
        if signature is not None and b64url(signature) != text:
            signature = None  # only the canonical text: no spare bits, no padding, no spaces
    except (ValueError, binascii.Error, UnicodeDecodeError):
        signature = None
    return Package(header, first + b"\n", signature, body if nl2 else b"")
