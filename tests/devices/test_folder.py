"""The folder driver with test cards made here: encodings, photo, validity, expiry, checksum,
empty folder, half-written and stale files, the same file read twice."""

from __future__ import annotations

import os
import time
from datetime import date

import pytest

from elderdesk.devices.card import read_card
from elderdesk.devices.folder import FolderReader
from tests.devices.cards import (
    KNOWN_ID,
    LINES,
    bmp_bytes,
    card_lines,
    make_id,
    put_card,
    wz_bytes,
)

TODAY = date(2026, 5, 20)


def read(folder, today=TODAY):  # type: ignore[no-untyped-def]
    return read_card(FolderReader(folder), today)


def test_gbk_card_gives_its_fields(tmp_path) -> None:
    put_card(tmp_path / "cards", wz_bytes(LINES, "gbk"))
    out = read(tmp_path / "cards")
    assert out.status == "ready", out.warnings
    assert out.to_json()["card"] == {
        "id_number": KNOWN_ID, "name": "张三丰", "sex": "M", "nation": "汉",
        "birth_date": "1940-03-12", "address": "湖北省武汉市江汉区民意街道1号",
        "authority": "武汉市公安局江汉分局", "valid_from": "2010-01-01", "valid_to": None,
        "photo": False}
    assert any("zp.bmp" in w for w in out.warnings)  # no photo: said, not an error


def test_utf16_without_bom_is_recognised_by_its_zero_bytes(tmp_path) -> None:
    data = wz_bytes(LINES, "utf-16-le")
    assert b"\x00" in data and not data.startswith(b"\xff\xfe")
    put_card(tmp_path, data)
    out = read(tmp_path)
    assert out.status == "ready" and out.card.name == "张三丰" and out.card.address.endswith("1号")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16-be"])
def test_a_byte_order_mark_decides(tmp_path, encoding) -> None:
    put_card(tmp_path, wz_bytes(card_lines(name="欧阳娜娜", sex="2", id=make_id("19380105", "042")),
                                encoding, bom=True))
    out = read(tmp_path)
    assert out.status == "ready", out.warnings
    assert (out.card.name, out.card.sex) == ("欧阳娜娜", "F")


def test_gbk_with_unix_newlines_and_zero_padding(tmp_path) -> None:
    put_card(tmp_path, wz_bytes(LINES, "gbk", newline="\n") + b"\x00" * 64)
    assert read(tmp_path).card.name == "张三丰"


def test_chip_photo_from_zp_bmp(tmp_path) -> None:
    photo = bmp_bytes()
    put_card(tmp_path, wz_bytes(LINES), photo)
    out = read(tmp_path)
    assert out.card.photo == photo and out.card.photo_format == "bmp"
    assert out.to_json()["card"]["photo"] is True and out.warnings == []


def test_chip_photo_decodes_in_qt(tmp_path, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    put_card(tmp_path, wz_bytes(LINES), bmp_bytes())
    image = QImage.fromData(read(tmp_path).card.photo)
    assert (image.width(), image.height()) == (102, 126)


def test_a_leftover_photo_of_another_read_is_not_used(tmp_path) -> None:
    put_card(tmp_path, wz_bytes(LINES), bmp_bytes())
    old = time.time() - 40
    os.utime(tmp_path / "zp.bmp", (old, old))
    out = read(tmp_path)
    assert out.status == "ready" and out.card.photo is None
    assert any("不是这次读卡写入的" in w for w in out.warnings)


def test_a_broken_photo_is_not_used(tmp_path) -> None:
    put_card(tmp_path, wz_bytes(LINES), b"BM\x00\x01")
    out = read(tmp_path)
    assert out.status == "ready" and out.card.photo is None


def test_validity_with_end_date_and_long_term(tmp_path) -> None:
    put_card(tmp_path / "a", wz_bytes(card_lines(validity="20160101-20360101")))
    put_card(tmp_path / "b", wz_bytes(LINES))
    a, b = read(tmp_path / "a"), read(tmp_path / "b")
    assert (a.card.valid_from, a.card.valid_to) == (date(2016, 1, 1), date(2036, 1, 1))
    assert b.card.valid_to is None and b.to_json()["card"]["valid_to"] is None


def test_an_expired_card_is_read_with_a_warning(tmp_path) -> None:
    put_card(tmp_path, wz_bytes(card_lines(validity="20000101-20200101")))
    out = read(tmp_path)
    assert out.status == "ready" and out.card.valid_to == date(2020, 1, 1)
    assert any("已于 2020-01-01 过期" in w for w in out.warnings)


def test_a_failing_checksum_is_an_error_with_the_reason(tmp_path) -> None:
    bad = KNOWN_ID[:17] + ("0" if KNOWN_ID[17] != "0" else "1")
    put_card(tmp_path, wz_bytes(card_lines(id=bad)))
    out = read(tmp_path)
    assert out.status == "error" and out.card is None and out.error_code == "ID_CHECKSUM"
    assert "校验位错误" in out.warnings[0] and f"应为 {KNOWN_ID[17]}" in out.warnings[0]
    assert out.id_number == bad  # what the chip said, for the audit record


def test_sex_nation_codes_and_mismatch_warnings(tmp_path) -> None:
    put_card(tmp_path / "a", wz_bytes(card_lines(sex="1", nation="03")))
    put_card(tmp_path / "b", wz_bytes(card_lines(nation="蒙古族", sex="女", birth="19400313")))
    a, b = read(tmp_path / "a"), read(tmp_path / "b")
    assert (a.card.sex, a.card.nation) == ("M", "回") and a.warnings == [
        w for w in a.warnings if "zp.bmp" in w]
    assert b.status == "ready" and b.card.nation == "蒙古"
    assert any("性别" in w for w in b.warnings) and any("出生日期" in w for w in b.warnings)


@pytest.mark.parametrize(("field", "value", "words"), [
    ("nation", "77", "GB 3304"), ("sex", "X", "性别"), ("birth", "1940-3-12", "出生日期"),
    ("validity", "20100101/长期", "有效期限"), ("id", "4201031940", "格式不对")])
def test_bad_fields_say_which(tmp_path, field, value, words) -> None:
    put_card(tmp_path, wz_bytes(card_lines(**{field: value})))
    out = read(tmp_path)
    assert out.status == "error" and words in out.warnings[0]


def test_an_empty_folder_waits_for_a_card(tmp_path) -> None:
    out = read(tmp_path)
    assert out.status == "no_card" and out.card is None
    assert "没有 wz.txt" in out.warnings[0] and "请把身份证放在读卡器上" in out.warnings[0]


def test_a_missing_folder_is_unavailable(tmp_path) -> None:
    out = read(tmp_path / "usb-stick-gone")
    assert out.status == "unavailable" and "不存在" in out.warnings[0]


@pytest.mark.parametrize("data", [
    wz_bytes(LINES[:5]),  # too few lines
    wz_bytes(LINES)[:-12],  # cut inside the validity
    wz_bytes(LINES, "utf-16-le")[:-9],  # cut inside a UTF-16 character
    wz_bytes(LINES[:7] + ["20100101-长期"])[:-3],  # cut inside 期 (GBK)
    wz_bytes(LINES[:6] + ["", ""]),  # the last lines not written yet
    b"", b"\x00" * 100,  # created, nothing written
], ids=["few-lines", "cut-validity", "utf16-odd", "gbk-half-char", "empty-lines", "empty",
        "zeros"])
def test_a_half_written_file_says_so(tmp_path, data) -> None:
    put_card(tmp_path, data)
    out = read(tmp_path)
    assert out.status == "error" and out.error_code == "READER_CARD_INCOMPLETE", out.warnings
    assert out.warnings[0].startswith("读卡结果不完整") and "Traceback" not in out.warnings[0]
    # the finished file is read once the writer is done
    put_card(tmp_path, wz_bytes(LINES))
    assert read(tmp_path).status == "ready"


def test_garbage_is_unreadable_not_a_crash(tmp_path) -> None:
    put_card(tmp_path, bytes(range(128, 256)) * 3)
    out = read(tmp_path)
    assert out.status == "error" and out.error_code in ("READER_CARD_INVALID",
                                                        "READER_CARD_INCOMPLETE")
    put_card(tmp_path, b"A" * 100_000)
    assert read(tmp_path).error_code == "READER_CARD_INVALID"


def test_a_stale_file_older_than_60_seconds_is_no_card(tmp_path) -> None:
    put_card(tmp_path, wz_bytes(LINES), age=61)
    out = read(tmp_path)
    assert out.status == "no_card" and "60 秒" in out.warnings[0]
    put_card(tmp_path, wz_bytes(LINES), age=55)
    assert read(tmp_path).status == "ready"


def test_the_same_file_read_twice_is_no_card_the_second_time(tmp_path) -> None:
    put_card(tmp_path, wz_bytes(LINES))
    assert read(tmp_path).status == "ready"
    second = read(tmp_path)
    assert second.status == "no_card" and "已读取过" in second.warnings[0]
    assert FolderReader(tmp_path).status() == "no_card"
    # the same person's card placed again: the tool rewrites the file
    put_card(tmp_path, wz_bytes(card_lines(id=make_id("19451120", "022"), name="张小花",
                                           sex="女")), age=-1)
    assert FolderReader(tmp_path).status() == "ready"
    assert read(tmp_path).card.name == "张小花"


def test_last_read_mark_is_kept_per_machine_not_per_process(tmp_path, machine) -> None:
    put_card(tmp_path / "cards", wz_bytes(LINES))
    assert read(tmp_path / "cards").status == "ready"
    assert (machine / "settings.devices.json").is_file()
    assert read_card(FolderReader(tmp_path / "cards"), TODAY).status == "no_card"
