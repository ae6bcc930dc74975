"""termb.dll (华视 CVR-100 and readers sharing its API) through ctypes.

CVR_InitComm(port) = 1 when the reader answers on that port; CVR_Authenticate() = 1 when a
card is found; CVR_Read_Content(4) writes wz.txt and zp.bmp into the current folder (= 1 ok);
CVR_CloseComm(). The driver reads in a scratch folder of its own (the current folder is
switched there for the call under a lock) and parses the files like the folder driver."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from elderdesk.devices import config
from elderdesk.devices.base import NO_CARD, READY, UNAVAILABLE, CardData, Reader
from elderdesk.devices.fields import incomplete, is_bmp, parse_wz
from elderdesk.devices.native import CWD_LOCK, Poller, load
from elderdesk.domain.errors import ElderError, message_for

FUNCTIONS = ("CVR_InitComm", "CVR_Authenticate", "CVR_Read_Content", "CVR_CloseComm")
READ_ALL = 4  # CVR_Read_Content's argument: text and photo


class TermbReader(Reader):
    driver = "termb"

    def __init__(self, port: int | None = None, *, library: str | None = None) -> None:
        self.port = port
        self.library = library or config.default_library("termb")
        self._lib: Any = None
        self._open_port: int | None = None
        self._dir: Path | None = None
        self._poll = Poller()

    def describe(self) -> str:
        return f"termb {self._open_port or self.port or 'auto'}"

    def open(self) -> None:
        if self._lib is not None:
            return
        import ctypes

        lib = load(self.library, "termb", FUNCTIONS)
        lib.CVR_InitComm.argtypes = [ctypes.c_int]
        lib.CVR_InitComm.restype = ctypes.c_int
        lib.CVR_Authenticate.argtypes = []
        lib.CVR_Authenticate.restype = ctypes.c_int
        lib.CVR_Read_Content.argtypes = [ctypes.c_int]
        lib.CVR_Read_Content.restype = ctypes.c_int
        lib.CVR_CloseComm.argtypes = []
        lib.CVR_CloseComm.restype = ctypes.c_int
        tried = config.ports(self.port)
        for port in tried:
            if lib.CVR_InitComm(port) == 1:
                self._lib, self._open_port = lib, port
                self._dir = Path(tempfile.mkdtemp(prefix="elderdesk-termb-"))
                return
        where = f"端口 {self.port}" if self.port else "USB 1001–1016 和串口 1–16"
        raise ElderError("READER_UNAVAILABLE", driver="termb",
                         detail=f"在{where}上没有找到读卡器，请检查连接线和电源")

    def close(self) -> None:
        if self._lib is not None:
            try:
                self._lib.CVR_CloseComm()
            finally:
                self._lib, self._open_port = None, None
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def _card_found(self) -> bool:
        self._poll.wait()
        return self._lib.CVR_Authenticate() == 1

    def status(self) -> str:
        try:
            self.open()
        except ElderError:
            return UNAVAILABLE
        return READY if self._card_found() else NO_CARD

    def read(self) -> CardData | None:
        self.open()
        if not self._card_found():
            return None
        assert self._dir is not None
        text, photo = self._dir / "wz.txt", self._dir / "zp.bmp"
        for leftover in (text, photo):
            leftover.unlink(missing_ok=True)
        with CWD_LOCK:
            back = os.getcwd()
            os.chdir(self._dir)
            try:
                rc = self._lib.CVR_Read_Content(READ_ALL)
            finally:
                os.chdir(back)
        if rc != 1:
            raise incomplete(f"读卡器没有读完这张卡（返回值 {rc}）")
        try:
            data = text.read_bytes()
        except FileNotFoundError:
            raise incomplete("读卡器没有写出 wz.txt") from None
        try:
            image: bytes | None = photo.read_bytes()
        except FileNotFoundError:
            image = None
        notes: tuple[str, ...] = ()
        if not is_bmp(image):
            image = None
            notes = (message_for("READER_NO_PHOTO", detail="读卡器没有写出完整的 zp.bmp"),)
        card = parse_wz(data, image)
        if notes:
            from dataclasses import replace

            card = replace(card, notes=notes)
        return card
