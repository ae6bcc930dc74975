"""The vendor local web service driver against a tiny http.server on 127.0.0.1."""

from __future__ import annotations

import base64
import json
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from elderdesk.devices.card import read_card
from elderdesk.devices.webservice import ServiceReader
from tests.devices.cards import KNOWN_ID, bmp_bytes

TODAY = date(2026, 5, 20)
CARD = {"resultFlag": 0, "errorMsg": "", "data": {
    "partyName": "张三丰", "gender": "男", "nation": "01", "bornDay": "19400312",
    "certAddress": "湖北省武汉市江汉区民意街道1号", "certNumber": KNOWN_ID,
    "certOrg": "武汉市公安局江汉分局", "effDate": "20100101", "expDate": "长期",
    "picture": base64.b64encode(bmp_bytes()).decode()}}


class Service:
    """Answers (status, body, delay) per request; records the methods it saw."""

    def __init__(self) -> None:
        self.answers: list[tuple[int, bytes, float]] = []
        self.methods: list[str] = []
        service = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                service.methods.append(self.command)
                status, body, delay = service.answers.pop(0) if service.answers else (
                    200, json.dumps(CARD).encode(), 0.0)
                time.sleep(delay)
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer  # noqa: N815

            def log_message(self, *args) -> None:  # type: ignore[no-untyped-def]
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.handle_error = lambda *a: None  # the client gave up (the timeout test)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/readcard"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def service(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")  # must never be used
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    s = Service()
    yield s
    s.stop()


def test_a_card_from_the_service(service) -> None:
    reader = ServiceReader(service.url)
    assert reader.status() == "ready"
    out = read_card(reader, TODAY)
    assert out.status == "ready", out.warnings
    assert out.to_json()["card"] == {
        "id_number": KNOWN_ID, "name": "张三丰", "sex": "M", "nation": "汉",
        "birth_date": "1940-03-12", "address": "湖北省武汉市江汉区民意街道1号",
        "authority": "武汉市公安局江汉分局", "valid_from": "2010-01-01", "valid_to": None,
        "photo": True}
    assert out.card.photo_format == "bmp" and service.methods == ["GET"]


def test_flat_answer_with_validity_and_post_when_get_is_refused(service) -> None:
    flat = {"name": "王秀英", "sex": "2", "nation": "回族", "birthday": "1938-01-05",
            "address": "武汉", "IDNumber": "420103193801050426", "issuer": "武汉市公安局",
            "validity": "2018.01.05-2038.01.05"}
    service.answers = [(405, b"", 0.0), (200, json.dumps(flat).encode(), 0.0)]
    out = read_card(ServiceReader(service.url), TODAY)
    assert service.methods == ["GET", "POST"]
    assert out.status in ("ready", "error")  # the invented ID may fail its checksum...
    from tests.devices.cards import make_id

    flat["IDNumber"] = make_id("19380105", "042")
    service.answers = [(200, json.dumps(flat, ensure_ascii=False).encode("utf-8"), 0.0)]
    out = read_card(ServiceReader(service.url), TODAY)
    assert out.status == "ready" and (out.card.sex, out.card.nation) == ("F", "回")
    assert out.card.valid_to == date(2038, 1, 5)
    assert any("照片" in w for w in out.warnings)


def test_no_card_says_what_the_service_said(service) -> None:
    service.answers = [(200, json.dumps({"resultFlag": -1, "errorMsg": "请放卡"}).encode(), 0)]
    out = read_card(ServiceReader(service.url), TODAY)
    assert out.status == "no_card" and "请放卡" in out.warnings[0]


def test_bad_answers_are_errors_not_tracebacks(service) -> None:
    service.answers = [(200, b"<html>hello</html>", 0.0), (500, b"oops", 0.0),
                       (200, json.dumps({"data": {"certNumber": KNOWN_ID}}).encode(), 0.0),
                       (200, json.dumps([1, 2]).encode(), 0.0)]
    first = read_card(ServiceReader(service.url), TODAY)
    assert first.status == "error" and "不是 JSON" in first.warnings[0]
    assert read_card(ServiceReader(service.url), TODAY).status == "unavailable"
    third = read_card(ServiceReader(service.url), TODAY)
    assert third.error_code == "READER_CARD_INCOMPLETE" and "姓名" in third.warnings[0]
    assert read_card(ServiceReader(service.url), TODAY).status == "error"


def test_a_slow_or_absent_service_is_unavailable(service) -> None:
    service.answers = [(200, json.dumps(CARD).encode(), 2.0)]
    out = read_card(ServiceReader(service.url, timeout=0.5), TODAY)
    assert out.status == "unavailable" and "没有回答" in out.warnings[0]
    service.stop()
    gone = ServiceReader(service.url, timeout=0.5)
    assert gone.status() == "unavailable"
    out = read_card(gone, TODAY)
    assert out.status == "unavailable" and "无法连接" in out.warnings[0]


def test_only_this_machine(service) -> None:
    out = read_card(ServiceReader("http://192.0.2.1:38088/read"), TODAY)
    assert out.status == "unavailable" and "不是本机" in out.warnings[0]
