"""sdtapi.dll (SDT style: 精伦 and others) through ctypes.

SDT_OpenPort(port) = 0x90; SDT_StartFindIDCard(port, buf, 0) = 0x9F when a card is found;
SDT_SelectIDCard(port, buf, 0) = 0x90; SDT_ReadBaseMsg(port, text, &len, photo, &len, 0) = 0x90
with 256 bytes of UTF-16LE text at fixed offsets and 1,024 bytes of WLT photo. The WLT format
is the vendor's: it becomes a BMP only through the vendor's decoder (WltRS: GetBmp(path, 2)
turns PATH.wlt into PATH.bmp); without it the card is read with no photo."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from elderdesk.devices import config
from elderdesk.devices.base import NO_CARD, READY, UNAVAILABLE, CardData, Reader
from elderdesk.devices.fields import card_from_fields, incomplete, is_bmp
from elderdesk.devices.native import Poller, load
from elderdesk.domain.errors import ElderError, message_for

FUNCTIONS = ("SDT_OpenPort", "SDT_ClosePort", "SDT_StartFindIDCard", "SDT_SelectIDCard",
             "SDT_ReadBaseMsg")
OK, FOUND = 0x90, 0x9F
TEXT_SIZE, PHOTO_SIZE = 256, 1024
# (field, bytes) in SDT_ReadBaseMsg's text, in order; validity is two 16-byte dates
LAYOUT = (("name", 30), ("sex", 2), ("nation", 4), ("birth", 16), ("address", 70),
          ("id", 36), ("authority", 30), ("valid_from", 16), ("valid_to", 16))
USB_INTERFACE = 2  # GetBmp's second argument


def decode_base_msg(text: bytes) -> list[str]:
    """The 256-byte UTF-16LE block → the eight wz.txt-order fields (validity joined by '-')."""
    if len(text) < sum(size for _n, size in LAYOUT):
        raise incomplete(f"读卡器只返回了 {len(text)} 字节的文字信息（应为 {TEXT_SIZE} 字节）")
    values: dict[str, str] = {}
    at = 0
    for name, size in LAYOUT:
        chunk = text[at:at + size]
        at += size
        values[name] = chunk.decode("utf-16-le", errors="replace").replace("\x00", "").strip()
    return [values["name"], values["sex"], values["nation"], values["birth"], values["address"],
            values["id"], values["authority"], f"{values['valid_from']}-{values['valid_to']}"]


class SdtapiReader(Reader):
    driver = "sdtapi"

    def __init__(self, port: int | None = None, *, library: str | None = None,
                 wlt: str | None = None) -> None:
        self.port = port
        self.library = library or config.default_library("sdtapi")
        self.wlt = wlt or ("WltRS.dll" if sys.platform == "win32" else None)
        self._lib: Any = None
        self._decoder: Any = None
        self._open_port: int | None = None
        self._dir: Path | None = None
        self._poll = Poller()

    def describe(self) -> str:
        return f"sdtapi {self._open_port or self.port or 'auto'}"

    def open(self) -> None:
        if self._lib is not None:
            return
        import ctypes

        lib = load(self.library, "sdtapi", FUNCTIONS)
        buf = ctypes.POINTER(ctypes.c_ubyte)
        for name in ("SDT_OpenPort", "SDT_ClosePort"):
            getattr(lib, name).argtypes = [ctypes.c_int]
            getattr(lib, name).restype = ctypes.c_int
        for name in ("SDT_StartFindIDCard", "SDT_SelectIDCard"):
            getattr(lib, name).argtypes = [ctypes.c_int, buf, ctypes.c_int]
            getattr(lib, name).restype = ctypes.c_int
        lib.SDT_ReadBaseMsg.argtypes = [ctypes.c_int, buf, ctypes.POINTER(ctypes.c_uint), buf,
                                        ctypes.POINTER(ctypes.c_uint), ctypes.c_int]
        lib.SDT_ReadBaseMsg.restype = ctypes.c_int
        for port in config.ports(self.port):
            if lib.SDT_OpenPort(port) == OK:
                self._lib, self._open_port = lib, port
                break
        else:
            where = f"端口 {self.port}" if self.port else "USB 1001–1016 和串口 1–16"
            raise ElderError("READER_UNAVAILABLE", driver="sdtapi",
                             detail=f"在{where}上没有找到读卡器，请检查连接线和电源")
        self._decoder = self._load_decoder()

    def _load_decoder(self) -> Any:
        """The vendor's WLT decoder when there is one (else None: cards read without photo)."""
        if not self.wlt:
            return None
        import ctypes

        try:
            if sys.platform == "win32":  # ctypes has WinDLL there only
                loader = ctypes.WinDLL
            else:
                loader = ctypes.CDLL
            dec = loader(self.wlt)
            dec.GetBmp.argtypes = [ctypes.c_char_p, ctypes.c_int]
            dec.GetBmp.restype = ctypes.c_int
        except (OSError, AttributeError):
            return None
        self._dir = Path(tempfile.mkdtemp(prefix="elderdesk-sdtapi-"))
        return dec

    def close(self) -> None:
        if self._lib is not None:
            try:
                self._lib.SDT_ClosePort(self._open_port)
            finally:
                self._lib, self._open_port, self._decoder = None, None, None
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def _card_found(self) -> bool:
        import ctypes

        self._poll.wait()
        manage = (ctypes.c_ubyte * 8)()
        return self._lib.SDT_StartFindIDCard(self._open_port, manage, 0) == FOUND

    def status(self) -> str:
        try:
            self.open()
        except ElderError:
            return UNAVAILABLE
        return READY if self._card_found() else NO_CARD

    def read(self) -> CardData | None:
        import ctypes

        self.open()
        if not self._card_found():
            return None
        manage = (ctypes.c_ubyte * 8)()
        rc = self._lib.SDT_SelectIDCard(self._open_port, manage, 0)
        if rc != OK:
            raise incomplete(f"读卡器选卡失败（返回值 {rc:#x}），身份证可能被移开了")
        text = (ctypes.c_ubyte * TEXT_SIZE)()
        photo = (ctypes.c_ubyte * PHOTO_SIZE)()
        text_len, photo_len = ctypes.c_uint(0), ctypes.c_uint(0)
        rc = self._lib.SDT_ReadBaseMsg(self._open_port, text, ctypes.byref(text_len), photo,
                                       ctypes.byref(photo_len), 0)
        if rc != OK:
            raise incomplete(f"读卡器没有读完这张卡（返回值 {rc:#x}）")
        fields = decode_base_msg(bytes(text)[:min(text_len.value, TEXT_SIZE)])
        wlt = bytes(photo)[:min(photo_len.value, PHOTO_SIZE)]
        image, note = self._decode_photo(wlt)
        return card_from_fields(fields, image, "bmp" if image else None,
                                (note,) if note else ())

    def _decode_photo(self, wlt: bytes) -> tuple[bytes | None, str | None]:
        if not wlt:
            return None, message_for("READER_NO_PHOTO", detail="读卡器没有返回照片")
        if self._decoder is None or self._dir is None:
            return None, message_for("READER_NO_PHOTO",
                                     detail="照片需要读卡器厂商的 WltRS 解码库，本机没有安装")
        source, target = self._dir / "zp.wlt", self._dir / "zp.bmp"
        target.unlink(missing_ok=True)
        source.write_bytes(wlt)
        rc = self._decoder.GetBmp(str(source).encode(sys.getfilesystemencoding()),
                                  USB_INTERFACE)
        try:
            image = target.read_bytes()
        except FileNotFoundError:
            image = None
        if rc != 1 or not is_bmp(image):
            return None, message_for("READER_NO_PHOTO", detail=f"照片解码失败（返回值 {rc}）")
        return image, None
