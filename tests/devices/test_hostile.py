"""What a hostile or broken environment does to the reader: control characters on the card,
pipes and folders named wz.txt, a corrupt settings file, a service that redirects."""

from __future__ import annotations

import json
import os
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from elderdesk.devices import config
from elderdesk.devices.card import read_card
from elderdesk.devices.folder import FolderReader
from elderdesk.devices.webservice import ServiceReader
from tests.devices.cards import LINES, card_lines, put_card, wz_bytes

TODAY = date(2026, 5, 20)


@pytest.mark.parametrize("name", ["\x1b[2J张三", "张\u202e三", "张\x85三", "张\t三"])
def test_control_characters_are_refused(tmp_path, name) -> None:
    put_card(tmp_path, wz_bytes(card_lines(name=name), "utf-16-le", bom=True))
    out = read_card(FolderReader(tmp_path), TODAY)
    assert out.status == "error" and "姓名含有控制字符" in out.warnings[0]
    assert "\x1b" not in out.warnings[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_pipe_or_folder_named_wz_txt_is_never_opened(tmp_path) -> None:
    os.mkfifo(tmp_path / "wz.txt")  # reading it would block for ever
    out = read_card(FolderReader(tmp_path), TODAY)
    assert out.status == "error" and "不是普通文件" in out.warnings[0]
    os.unlink(tmp_path / "wz.txt")
    (tmp_path / "wz.txt").mkdir()
    assert read_card(FolderReader(tmp_path), TODAY).status == "error"


def test_a_pipe_named_zp_bmp_is_skipped(tmp_path) -> None:
    os.mkfifo(tmp_path / "zp.bmp")
    put_card(tmp_path, wz_bytes(LINES))
    out = read_card(FolderReader(tmp_path), TODAY)
    assert out.status == "ready" and out.card.photo is None


def test_a_corrupt_settings_file_means_no_reader(machine, tmp_path) -> None:
    path = config.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    for junk in (b"{not json", b"[1, 2]", b"\xff\xfe\x00",
                 json.dumps({"reader": {"driver": "termb", "arg": "77"}}).encode(),
                 json.dumps({"reader": {"driver": "folder", "arg": 5}}).encode(),
                 json.dumps({"reader": "folder", "folder_reads": [1]}).encode()):
        path.write_bytes(junk)
        assert config.stored() == config.ReaderConfig()
        assert read_card(config.make_reader(config.current()), TODAY).status == "unavailable"
    put_card(tmp_path / "c", wz_bytes(LINES))
    config.store(config.check("folder", str(tmp_path / "c")))  # and the file is repaired
    assert read_card(config.make_reader(config.current()), TODAY).status == "ready"


def test_a_redirect_is_not_followed(tmp_path) -> None:
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            seen.append(self.path)
            self.send_response(302)
            self.send_header("Location", "/elsewhere")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args) -> None:  # type: ignore[no-untyped-def]
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/read"
        out = read_card(ServiceReader(url, timeout=2), TODAY)
    finally:
        server.shutdown()
        server.server_close()
    assert out.status == "unavailable" and "302" in out.warnings[0] and seen == ["/read"]


def test_env_override_split_at_the_first_colon(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("ELDERDESK_READER", "service:http://127.0.0.1:38088/read")
    assert config.current() == config.ReaderConfig("service", "http://127.0.0.1:38088/read")
    monkeypatch.setenv("ELDERDESK_READER", "FOLDER:C:\\cards")
    assert config.current() == config.ReaderConfig("folder", "C:\\cards")
    for bad in ("folder:", "termb:abc", "service:http://example.org/", "x"):
        monkeypatch.setenv("ELDERDESK_READER", bad)
        with pytest.raises(Exception) as info:
            config.current()
        assert getattr(info.value, "code", None) == "READER_ARG_INVALID"
