"""termb and sdtapi through ctypes against fake libraries built here (the same code path as the
vendor DLLs: the driver takes the library path), and the 32-bit helper's line protocol run with
this interpreter."""

from __future__ import annotations

import ctypes
import io
import json
import os
import sys
from datetime import date

import pytest

from elderdesk.devices.card import read_card
from elderdesk.devices.config import ReaderConfig
from tests.devices import fakelib
from tests.devices.cards import KNOWN_ID, LINES, bmp_bytes, card_lines, make_id, wz_bytes

TODAY = date(2026, 5, 20)
SDT_ID = make_id("19380105", "042")


@pytest.fixture(scope="session")
def libs(tmp_path_factory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("fakelibs")
    return {"termb": fakelib.build(fakelib.TERMB, folder, "termb"),
            "sdtapi": fakelib.build(fakelib.SDTAPI, folder, "sdtapi"),
            "wltrs": fakelib.build(fakelib.wltrs_source(), folder, "wltrs")}


@pytest.fixture
def fake(libs, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """A card on the fake reader at USB 1001; the counters reset."""
    wz, zp = tmp_path / "card-wz.txt", tmp_path / "card-zp.bmp"
    wz.write_bytes(wz_bytes(LINES, "gbk"))
    zp.write_bytes(bmp_bytes())
    for key, value in {"FAKE_READER_PORT": "1001", "FAKE_READER_CARD": "1", "FAKE_WZ": str(wz),
                       "FAKE_ZP": str(zp), "FAKE_SDT_ID": SDT_ID}.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("FAKE_SDT_SHORT", raising=False)
    for name in ("termb", "sdtapi"):
        ctypes.CDLL(str(libs[name])).fake_reset()
    return {"wz": wz, "zp": zp, **libs}


def counters(lib_path):  # type: ignore[no-untyped-def]
    lib = ctypes.CDLL(str(lib_path))  # the same handle the driver holds
    return lib.fake_init_calls(), lib.fake_open_port()


# --- termb --------------------------------------------------------------------------------
def test_termb_reads_the_card_the_library_writes(fake) -> None:
    from elderdesk.devices.termb import TermbReader

    reader = TermbReader(library=str(fake["termb"]))
    cwd = os.getcwd()
    out = read_card(reader, TODAY)
    assert out.status == "ready", out.warnings
    assert out.card.name == "张三丰" and out.card.id_number == KNOWN_ID
    assert out.card.photo == bmp_bytes() and out.warnings == []
    assert os.getcwd() == cwd and not (cwd and os.path.exists(os.path.join(cwd, "wz.txt")))
    assert counters(fake["termb"]) == (1, 1001)
    reader.close()
    assert counters(fake["termb"])[1] == 0  # CVR_CloseComm called


def test_termb_without_port_tries_usb_then_serial(fake, monkeypatch) -> None:
    from elderdesk.devices.termb import TermbReader

    monkeypatch.setenv("FAKE_READER_PORT", "5")
    reader = TermbReader(library=str(fake["termb"]))
    reader.open()
    assert counters(fake["termb"]) == (16 + 5, 5)
    assert reader.status() == "ready"
    reader.close()


def test_termb_given_port_only_that_port(fake, monkeypatch) -> None:
    from elderdesk.devices.termb import TermbReader

    out = read_card(TermbReader(1003, library=str(fake["termb"])), TODAY)
    assert out.status == "unavailable" and "端口 1003" in out.warnings[0]
    assert counters(fake["termb"])[0] == 1


def test_termb_no_card_and_failures(fake, monkeypatch, tmp_path) -> None:
    from elderdesk.devices.termb import TermbReader

    reader = TermbReader(library=str(fake["termb"]))
    monkeypatch.setenv("FAKE_READER_CARD", "0")
    assert read_card(reader, TODAY).status == "no_card"
    assert reader.status() == "no_card"
    monkeypatch.setenv("FAKE_READER_CARD", "1")
    monkeypatch.setenv("FAKE_WZ", str(tmp_path / "missing"))  # CVR_Read_Content fails
    out = read_card(reader, TODAY)
    assert out.status == "error" and "没有读完" in out.warnings[0]
    fake["wz"].write_bytes(wz_bytes(LINES, "utf-16-le")[:-20])  # a torn file
    monkeypatch.setenv("FAKE_WZ", str(fake["wz"]))
    assert read_card(reader, TODAY).error_code == "READER_CARD_INCOMPLETE"
    fake["wz"].write_bytes(wz_bytes(card_lines(validity="20000101-20100101"), "gbk"))
    fake["zp"].write_bytes(b"not a bitmap")
    out = read_card(reader, TODAY)
    assert out.status == "ready" and out.card.photo is None
    assert any("过期" in w for w in out.warnings) and any("zp.bmp" in w for w in out.warnings)
    reader.close()


def test_missing_or_wrong_library_is_unavailable(fake, tmp_path) -> None:
    from elderdesk.devices.sdtapi import SdtapiReader
    from elderdesk.devices.termb import TermbReader

    out = read_card(TermbReader(library=str(tmp_path / "nope.so")), TODAY)
    assert out.status == "unavailable" and "无法加载驱动库" in out.warnings[0]
    out = read_card(SdtapiReader(library=str(fake["termb"])), TODAY)  # not an sdtapi library
    assert out.status == "unavailable" and "SDT_OpenPort" in out.warnings[0]


def test_no_compiler_fails_under_ci_and_skips_elsewhere(monkeypatch) -> None:
    monkeypatch.setattr(fakelib.shutil, "which", lambda _name: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no C compiler"):
        fakelib.compiler()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        fakelib.compiler()


@pytest.mark.skipif(not os.path.exists("/proc/self/maps"), reason="needs /proc")
def test_nothing_is_loaded_before_open(fake) -> None:
    import subprocess

    code = ("import sys; from elderdesk.devices.config import ReaderConfig, make_reader; "
            f"r = make_reader(ReaderConfig('termb', '1001', library={str(fake['termb'])!r})); "
            "print('ctypes' in sys.modules, any(m.endswith('libtermb.so') for m in "
            "open('/proc/self/maps').read().split()))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))),
                         timeout=60)
    assert out.stdout.split() == ["False", "False"], out.stderr


# --- sdtapi -------------------------------------------------------------------------------
def test_sdtapi_decodes_the_utf16_block(fake) -> None:
    from elderdesk.devices.sdtapi import SdtapiReader

    reader = SdtapiReader(library=str(fake["sdtapi"]))
    out = read_card(reader, TODAY)
    assert out.status == "ready", out.warnings
    assert out.to_json()["card"] == {
        "id_number": SDT_ID, "name": "王秀英", "sex": "F", "nation": "回",
        "birth_date": "1938-01-05", "address": "湖北省武汉市江汉区民意街道民意社区8栋2单元301号",
        "authority": "武汉市公安局江汉分局", "valid_from": "2018-01-05", "valid_to": None,
        "photo": False}
    assert any("WltRS" in w for w in out.warnings)  # the WLT photo is the vendor's to decode
    reader.close()


def test_sdtapi_photo_through_a_wlt_decoder(fake) -> None:
    from elderdesk.devices.sdtapi import SdtapiReader

    reader = SdtapiReader(library=str(fake["sdtapi"]), wlt=str(fake["wltrs"]))
    out = read_card(reader, TODAY)
    assert out.card.photo == bmp_bytes(4, 4) and out.warnings == []
    reader.close()


def test_sdtapi_ports_no_card_short_read_bad_checksum(fake, monkeypatch) -> None:
    from elderdesk.devices.sdtapi import SdtapiReader

    monkeypatch.setenv("FAKE_READER_PORT", "1016")
    reader = SdtapiReader(library=str(fake["sdtapi"]))
    monkeypatch.setenv("FAKE_READER_CARD", "0")
    assert read_card(reader, TODAY).status == "no_card"
    assert counters(fake["sdtapi"]) == (16, 1016)
    monkeypatch.setenv("FAKE_READER_CARD", "1")
    monkeypatch.setenv("FAKE_SDT_SHORT", "1")
    out = read_card(reader, TODAY)
    assert out.status == "error" and "100 字节" in out.warnings[0]
    monkeypatch.delenv("FAKE_SDT_SHORT")
    monkeypatch.setenv("FAKE_SDT_ID", SDT_ID[:17] + ("1" if SDT_ID[17] != "1" else "2"))
    out = read_card(reader, TODAY)
    assert out.status == "error" and out.error_code == "ID_CHECKSUM"
    reader.close()
    assert counters(fake["sdtapi"])[1] == 0


# --- the 32-bit helper ---------------------------------------------------------------------
def test_helper_process_protocol_with_this_interpreter(fake) -> None:
    from elderdesk.devices.helper import HelperReader

    reader = HelperReader(sys.executable, ReaderConfig("termb", None, str(fake["termb"])))
    try:
        assert reader.status() == "ready"
        out = read_card(reader, TODAY)
        assert out.status == "ready", out.warnings
        assert out.card.name == "张三丰" and out.card.photo == bmp_bytes()
        assert reader.bits == 8 * ctypes.sizeof(ctypes.c_void_p)
    finally:
        reader.close()
    assert reader._proc is None


def test_helper_reports_errors_in_chinese(fake, monkeypatch, tmp_path) -> None:
    from elderdesk.devices.helper import HelperReader

    monkeypatch.setenv("FAKE_READER_PORT", "1009")
    reader = HelperReader(sys.executable, ReaderConfig("sdtapi", "1002", str(fake["sdtapi"])))
    out = read_card(reader, TODAY)
    assert out.status == "unavailable" and "端口 1002" in out.warnings[0]
    reader.close()
    broken = HelperReader(str(tmp_path / "no-python"), ReaderConfig("termb"))
    assert read_card(broken, TODAY).status == "unavailable"
    quits = HelperReader("/bin/true", ReaderConfig("termb"))
    out = read_card(quits, TODAY)
    assert out.status == "unavailable" and "辅助程序" in out.warnings[0]


def test_helper_serve_answers_line_by_line(fake) -> None:
    from elderdesk.devices.helper import card_from_wire, serve

    requests = io.StringIO("\n".join(json.dumps(r) for r in (
        {"op": "status"}, {"op": "read"}, {"op": "bogus"}, {"x": 1})) + "\nnot json\n"
        + json.dumps({"op": "quit"}) + "\n")
    replies = io.StringIO()
    serve(ReaderConfig("termb", "1001", str(fake["termb"])), requests, replies)
    docs = [json.loads(line) for line in replies.getvalue().splitlines()]
    assert docs[0]["hello"] == "elderdesk-reader" and docs[0]["version"] == 1
    assert docs[1] == {"ok": True, "result": "ready"}
    card = card_from_wire(docs[2]["result"])
    assert card.id_number == KNOWN_ID and card.birth_date == date(1940, 3, 12)
    assert [d["ok"] for d in docs[3:]] == [False, False, False, True]
    assert docs[3]["code"] == "READER_UNAVAILABLE" and "bogus" in docs[3]["params"]["detail"]
