"""The folder driver: `wz.txt` (+ `zp.bmp`) as vendor tools write them into a folder.

A file is read only when it changed since the last read on this PC (the mark is kept in the
per-machine settings) and is under 60 s old: a leftover file never brings back the previous
elder. `zp.bmp` is taken only when written within 10 s of that `wz.txt`."""

from __future__ import annotations

import hashlib
import stat
import time
from pathlib import Path

from elderdesk.devices import config
from elderdesk.devices.base import NO_CARD, READY, UNAVAILABLE, CardData, Reader
from elderdesk.devices.fields import incomplete, invalid, is_bmp, parse_wz
from elderdesk.domain.errors import ElderError, message_for

MAX_AGE = 60.0  # seconds: an older wz.txt is a leftover
PHOTO_SKEW = 10.0  # seconds between wz.txt and a zp.bmp of the same read
MAX_TEXT = 64 * 1024
MAX_PHOTO = 2 * 1024 * 1024


def fingerprint(data: bytes, mtime_ns: int) -> str:
    return f"{mtime_ns}:{len(data)}:{hashlib.sha256(data).hexdigest()}"


class FolderReader(Reader):
    driver = "folder"

    def __init__(self, folder: Path, *, remember: bool = True) -> None:
        self.folder = Path(folder)
        self.remember = remember  # False: the termb driver's own scratch folder
        self.note: str | None = None  # why the last read found no card

    def describe(self) -> str:
        return f"folder {self.folder}"

    def _unavailable(self, detail: str) -> ElderError:
        return ElderError("READER_UNAVAILABLE", driver="文件夹", detail=detail)

    def open(self) -> None:
        try:
            ok = self.folder.is_dir()
        except OSError:
            ok = False
        if not ok:
            raise self._unavailable(f"文件夹“{self.folder}”不存在或无法打开（U盘或网络盘是否已断开？）")

    def close(self) -> None:
        pass

    def status(self) -> str:
        try:
            self.open()
        except ElderError:
            return UNAVAILABLE
        return READY if self._fresh() is not None else NO_CARD

    def _key(self) -> str:
        return str(self.folder.resolve())

    def _fresh(self) -> tuple[bytes, int] | None:
        """wz.txt's bytes and mtime when it is new and young enough, else None (self.note)."""
        path = self.folder / "wz.txt"
        try:
            st = path.stat()
        except FileNotFoundError:
            self.note = message_for("READER_NO_CARD", detail=f"文件夹“{self.folder}”中没有 wz.txt")
            return None
        except OSError as exc:
            raise self._unavailable(f"无法读取 {path}：{exc.strerror}") from None
        age = time.time() - st.st_mtime
        if abs(age) > MAX_AGE:
            self.note = message_for("READER_NO_CARD", detail=(
                f"wz.txt 写于 {int(age)} 秒前，超过 {int(MAX_AGE)} 秒的不再读取" if age > 0 else
                "wz.txt 的修改时间晚于本机时间，请核对电脑时钟"))
            return None
        if not stat.S_ISREG(st.st_mode):  # a folder, a pipe, a device: never opened
            raise invalid("wz.txt 不是普通文件")
        if st.st_size > MAX_TEXT:
            raise invalid(f"wz.txt 有 {st.st_size} 字节，不是读卡器写的文件")
        try:
            data = path.read_bytes()
            after = path.stat()
        except FileNotFoundError:  # removed between stat and read: the tool is rewriting it
            self.note = message_for("READER_NO_CARD", detail="wz.txt 正在重写")
            return None
        except OSError as exc:
            raise self._unavailable(f"无法读取 {path}：{exc.strerror}") from None
        if after.st_mtime_ns != st.st_mtime_ns or after.st_size != len(data):
            raise incomplete("wz.txt 正在写入")
        if self.remember:
            marks = config.load_machine().get("folder_reads")
            if isinstance(marks, dict) and marks.get(self._key()) == fingerprint(
                    data, st.st_mtime_ns):
                self.note = message_for("READER_NO_CARD", detail="wz.txt 已读取过，等待下一张卡")
                return None
        return data, st.st_mtime_ns

    def read(self) -> CardData | None:
        self.note = None
        self.open()
        found = self._fresh()
        if found is None:
            return None
        data, mtime_ns = found
        photo, photo_note = self._photo(mtime_ns)
        card = parse_wz(data, photo)
        if photo_note:
            from dataclasses import replace

            card = replace(card, notes=(*card.notes, photo_note))
        if self.remember:
            self._mark(fingerprint(data, mtime_ns))
        return card

    def _mark(self, mark: str) -> None:
        with config._lock:
            machine = config.load_machine()
            marks = machine.get("folder_reads")
            marks = marks if isinstance(marks, dict) else {}
            marks[self._key()] = mark
            machine["folder_reads"] = marks
            config.save_machine(machine)

    def _photo(self, text_mtime_ns: int) -> tuple[bytes | None, str | None]:
        path = self.folder / "zp.bmp"
        try:
            st = path.stat()
            if not stat.S_ISREG(st.st_mode):
                return None, message_for("READER_NO_PHOTO", detail="zp.bmp 不是普通文件")
            if abs(st.st_mtime_ns - text_mtime_ns) > PHOTO_SKEW * 1e9:
                return None, message_for("READER_NO_PHOTO",
                                         detail="zp.bmp 不是这次读卡写入的，未使用")
            if st.st_size > MAX_PHOTO:
                return None, message_for("READER_NO_PHOTO", detail="zp.bmp 太大，不是读卡器写的照片")
            data = path.read_bytes()
        except FileNotFoundError:
            return None, message_for("READER_NO_PHOTO", detail="文件夹中没有 zp.bmp")
        except OSError as exc:
            return None, message_for("READER_NO_PHOTO", detail=f"zp.bmp 无法读取：{exc.strerror}")
        if not is_bmp(data):
            return None, message_for("READER_NO_PHOTO", detail="zp.bmp 不是完整的 BMP 图片")
        return data, None
