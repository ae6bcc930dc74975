"""A vendor's local web service (HTTP JSON on this machine only).

The URL given is the read endpoint: the driver sends GET URL (POST `{}` when the service answers
405) with a timeout and no proxy, and reads one JSON object. The card's fields are taken from
that object, or from the object under data / result / card / info / IDCardInfo (a list: its first
element), by the key names in ALIASES (case and `_` ignored). No ID number in the answer means
no card; the service's own message then tells why. Photos come as base64 (BMP, JPEG or PNG)."""

from __future__ import annotations

import base64
import binascii
import json
import re
import socket
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from elderdesk.devices.base import READY, UNAVAILABLE, CardData, Reader
from elderdesk.devices.fields import (
    LONG_TERM,
    clean_field,
    invalid,
    nation_name,
    parse_validity,
    sex_code,
)
from elderdesk.domain.errors import ElderError, message_for
from elderdesk.domain.idcard import clean_id

TIMEOUT = 5.0  # seconds for one request
MAX_BODY = 4 * 1024 * 1024
NESTED = ("data", "result", "card", "info", "idcardinfo", "cardinfo", "body")
ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("name", "partyname", "peoplename", "cname", "xm"),
    "sex": ("sex", "gender", "sexcode", "xb"),
    "nation": ("nation", "nationcode", "folk", "nationality", "mz"),
    "birth": ("birth", "birthday", "birthdate", "born", "bornday", "csrq"),
    "address": ("address", "addr", "certaddress", "dz", "zz"),
    "id": ("idnumber", "idnum", "idno", "idcard", "idcardno", "certno", "certnumber", "cardno",
           "sfzh", "id"),
    "authority": ("authority", "issuer", "issueauthority", "issuedat", "issueorg", "certorg",
                  "department", "police", "signingorganization", "qfjg"),
    "valid_from": ("validfrom", "validstart", "startdate", "effdate", "userlifebegin", "yxqq"),
    "valid_to": ("validto", "validend", "enddate", "expdate", "userlifeend", "yxqz"),
    "validity": ("validity", "validperiod", "validdate", "yxqx"),
    "photo": ("photo", "photobase64", "base64photo", "picture", "image", "photodata", "zp"),
    "message": ("message", "msg", "errmsg", "errormsg", "error", "resultmsg"),
}
_MAGIC = ((b"BM", "bmp"), (b"\xff\xd8", "jpeg"), (b"\x89PNG", "png"))


def _key(name: str) -> str:
    return name.replace("_", "").lower()


def _payload(doc: Any) -> dict[str, Any]:
    """The object holding the card fields (the answer itself or one level down)."""
    if not isinstance(doc, dict):
        raise invalid("读卡服务的回答不是 JSON 对象")
    ids = set(ALIASES["id"])
    if any(_key(k) in ids for k in doc):
        return doc
    for k, v in doc.items():
        if _key(k) in NESTED:
            if isinstance(v, list) and v:
                v = v[0]
            if isinstance(v, dict):
                return v
    return doc


def _get(obj: dict[str, Any], field: str) -> Any:
    keys = {_key(k): v for k, v in obj.items()}
    for alias in ALIASES[field]:
        value = keys.get(alias)
        if value not in (None, ""):
            return value
    return None


def _text(value: Any) -> str:
    return clean_field(str(value)) if value is not None else ""


def _day(value: Any, label: str) -> date:
    text = re.sub(r"[-./年月日]", "", _text(value))
    from elderdesk.devices.fields import parse_day

    return parse_day(text, label)


def card_from_json(doc: Any) -> tuple[CardData | None, str | None]:
    """(the card, None) or (None, the service's reason) for an answer without an ID number."""
    obj = _payload(doc)
    number = _text(_get(obj, "id"))
    if not number:
        top = doc if isinstance(doc, dict) else {}
        why = _text(_get(obj, "message") or _get(top, "message"))[:80]
        return None, why or None
    missing = [label for field, label in (("name", "姓名"), ("sex", "性别"), ("birth", "出生日期"))
               if not _text(_get(obj, field))]
    if missing:
        raise ElderError("READER_CARD_INCOMPLETE", detail="读卡服务没有返回" + "、".join(missing))
    if _get(obj, "validity"):
        valid_from, valid_to = parse_validity(re.sub(r"[./]", "", _text(_get(obj, "validity"))))
    else:
        start, end = _get(obj, "valid_from"), _get(obj, "valid_to")
        valid_from = _day(start, "有效期限起始日期") if start else None
        valid_to = None if not end or _text(end) == LONG_TERM else _day(end, "有效期限截止日期")
    photo, kind, notes = _photo(_get(obj, "photo"))
    nation = _get(obj, "nation")
    return CardData(
        name=_text(_get(obj, "name"))[:40], sex=sex_code(_text(_get(obj, "sex"))),
        nation=nation_name(_text(nation)) if nation is not None else "",
        birth_date=_day(_get(obj, "birth"), "出生日期"),
        address=_text(_get(obj, "address"))[:120], id_number=clean_id(number)[:40],
        authority=_text(_get(obj, "authority"))[:60], valid_from=valid_from, valid_to=valid_to,
        photo=photo, photo_format=kind, notes=notes), None


def _photo(value: Any) -> tuple[bytes | None, str | None, tuple[str, ...]]:
    if not value or not isinstance(value, str):
        return None, None, (message_for("READER_NO_PHOTO", detail="读卡服务没有返回照片"),)
    text = value.split(",", 1)[1] if value.startswith("data:") else value
    try:
        data = base64.b64decode(re.sub(r"\s", "", text), validate=True)
    except (binascii.Error, ValueError):
        data = b""
    kind = next((k for magic, k in _MAGIC if data.startswith(magic)), None)
    if kind is None:
        return None, None, (message_for("READER_NO_PHOTO",
                                        detail="读卡服务返回的照片不是 BMP、JPEG 或 PNG"),)
    return data, kind, ()


class ServiceReader(Reader):
    driver = "service"

    def __init__(self, url: str, timeout: float = TIMEOUT) -> None:
        self.url = url
        self.timeout = timeout
        self.note: str | None = None

    def describe(self) -> str:
        return f"service {self.url}"

    def _unavailable(self, detail: str) -> ElderError:
        return ElderError("READER_UNAVAILABLE", driver="厂商本地服务", detail=detail)

    def open(self) -> None:
        parts = urlsplit(self.url)
        if parts.scheme != "http" or parts.hostname not in ("127.0.0.1", "localhost", "::1"):
            raise self._unavailable(f"网址 {self.url} 不是本机的 http 地址")

    def close(self) -> None:
        pass

    def status(self) -> str:
        """READY when the service accepts a connection (a GET could start a read)."""
        parts = urlsplit(self.url)
        try:
            with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 80),
                                          timeout=self.timeout):
                return READY
        except OSError:
            return UNAVAILABLE

    def _request(self, method: str) -> tuple[int, bytes]:
        import urllib.error
        import urllib.request

        class Stay(urllib.request.HTTPRedirectHandler):  # never follow a redirect elsewhere
            def redirect_request(self, *args: Any, **kwargs: Any) -> None:
                return None

        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), Stay())
        body = b"{}" if method == "POST" else None
        request = urllib.request.Request(self.url, data=body, method=method, headers={
            "Accept": "application/json", "Content-Type": "application/json"})
        try:
            with opener.open(request, timeout=self.timeout) as response:
                return response.status, response.read(MAX_BODY + 1)
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read(MAX_BODY + 1) if exc.fp else b""
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, socket.timeout | TimeoutError):
                raise self._unavailable(f"{self.url} 在 {self.timeout:g} 秒内没有回答") from None
            raise self._unavailable(f"无法连接 {self.url}（读卡服务是否已启动？）") from None

    def read(self) -> CardData | None:
        self.note = None
        self.open()
        status, body = self._request("GET")
        if status == 405:
            status, body = self._request("POST")
        if len(body) > MAX_BODY:
            raise invalid("读卡服务的回答太大")
        try:
            doc = json.loads(body.decode("utf-8-sig")) if body.strip() else None
        except (UnicodeDecodeError, ValueError):
            doc = None
        if doc is None:
            if status >= 300:
                raise self._unavailable(f"{self.url} 回答 HTTP {status}")
            raise invalid("读卡服务的回答不是 JSON")
        card, why = card_from_json(doc)
        if card is None:
            self.note = message_for("READER_NO_CARD", detail=f"读卡服务：{why}" if why else
                                    "读卡服务没有返回身份证号")
        return card
