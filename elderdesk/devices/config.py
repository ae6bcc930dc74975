"""The reader chosen for this PC: per-machine settings (a small JSON file, not the shared
database), the ELDERDESK_READER override, checks of a driver's argument, and `make_reader`.

The file is `devices.json` in the user's local (non-roaming) configuration folder, so a
roaming profile never carries one counter's reader to another PC; with ELDERDESK_SETTINGS
(tests) it lies beside that file. It also keeps the folder driver's last-read marks."""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
import threading
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from elderdesk.devices.base import Reader
from elderdesk.domain.errors import ElderError

log = logging.getLogger("elderdesk.devices")
DRIVERS = ("folder", "termb", "sdtapi", "service", "none")
DRIVER_NAMES = {"folder": "文件夹", "termb": "华视 termb", "sdtapi": "SDT sdtapi",
                "service": "厂商本地服务", "none": "未设置"}
USB_PORTS = tuple(range(1001, 1017))
SERIAL_PORTS = tuple(range(1, 17))
LOOPBACK = ("127.0.0.1", "localhost", "::1")
_lock = threading.Lock()


@dataclass(frozen=True)
class ReaderConfig:
    driver: str = "none"
    arg: str | None = None  # folder path, port, or URL
    library: str | None = None  # termb/sdtapi: the vendor library (default names on Windows)
    helper: str | None = None  # termb/sdtapi: a 32-bit Python to load a 32-bit DLL through
    wlt: str | None = None  # sdtapi: the vendor's WLT photo decoder (WltRS)

    def describe(self) -> str:
        name = DRIVER_NAMES.get(self.driver, self.driver)
        return f"{name}（{self.arg}）" if self.arg else name

    def port(self) -> int | None:
        return int(self.arg) if self.arg else None


def settings_path() -> Path:
    base = os.environ.get("ELDERDESK_SETTINGS")
    if base:
        path = Path(base)
        return path.with_name(path.stem + ".devices.json")
    from platformdirs import user_config_dir

    return Path(user_config_dir("ElderDesk", appauthor=False, roaming=False)) / "devices.json"


def load_machine() -> dict[str, Any]:
    path = settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        log.warning("unreadable %s: treated as empty", path, exc_info=True)
        return {}
    return data if isinstance(data, dict) else {}


def save_machine(data: dict[str, Any]) -> None:
    """Write atomically (a temporary file renamed over the old one)."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".devices-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def update_machine(key: str, value: Any) -> None:
    with _lock:
        data = load_machine()
        data[key] = value
        save_machine(data)


# --- the choice -------------------------------------------------------------------------------
def _bad(detail: str) -> ElderError:
    return ElderError("READER_ARG_INVALID", detail=detail)


def check(driver: str, arg: str | None, *, must_exist: bool = True) -> ReaderConfig:
    """A driver and its argument as `reader set` and ELDERDESK_READER take them, checked."""
    driver = (driver or "").strip().lower()
    arg = arg.strip() if isinstance(arg, str) else None
    arg = arg or None
    if driver not in DRIVERS:
        raise _bad(f"没有名为“{driver[:20]}”的读卡器驱动，可选：" + "、".join(DRIVERS))
    if driver == "none":
        if arg:
            raise _bad("none 不带参数")
        return ReaderConfig("none")
    if driver == "folder":
        if not arg:
            raise _bad("folder 需要文件夹路径，如 elderdesk reader set folder D:\\读卡")
        if "\x00" in arg:
            raise _bad("文件夹路径无效")
        path = Path(arg).expanduser()
        if must_exist and not path.is_dir():
            raise _bad(f"文件夹“{arg}”不存在或不是文件夹")
        return ReaderConfig("folder", str(path.resolve() if must_exist else path))
    if driver == "service":
        if not arg:
            raise _bad("service 需要本机服务的网址，如 http://127.0.0.1:38088/readcard")
        try:
            parts = urlsplit(arg)
            host, _port = parts.hostname, parts.port
        except ValueError:
            raise _bad(f"网址“{arg}”无效") from None
        if parts.scheme != "http" or not host:
            raise _bad(f"网址“{arg}”应以 http:// 开头，如 http://127.0.0.1:38088/readcard")
        if host not in LOOPBACK:
            raise _bad(f"网址“{arg}”不是本机地址：身份证信息只发往本机的读卡服务"
                       "（127.0.0.1、localhost 或 [::1]）")
        return ReaderConfig("service", arg)
    if arg is None:  # termb / sdtapi without a port: USB 1001–1016 then serial 1–16
        return ReaderConfig(driver)
    if not (arg.isascii() and arg.isdigit()) or int(arg) not in USB_PORTS + SERIAL_PORTS:
        raise _bad(f"端口“{arg[:20]}”无效：USB 口为 1001–1016，串口为 1–16；不写端口则自动查找")
    return ReaderConfig(driver, str(int(arg)))


def stored() -> ReaderConfig:
    """This PC's choice (none when never set or unreadable)."""
    raw = load_machine().get("reader")
    if not isinstance(raw, dict):
        return ReaderConfig()
    fields = {k: v if isinstance(v, str) else None for k, v in raw.items()
              if k in ReaderConfig.__dataclass_fields__}
    try:
        base = check(fields.get("driver") or "none", fields.get("arg"), must_exist=False)
    except ElderError:
        log.warning("stored reader setting %r refused", raw)
        return ReaderConfig()
    return replace(base, library=fields.get("library"), helper=fields.get("helper"),
                   wlt=fields.get("wlt"))


def store(config: ReaderConfig) -> None:
    update_machine("reader", asdict(config))


def env_override() -> ReaderConfig | None:
    """ELDERDESK_READER=DRIVER[:ARG] (split at the first colon), or None when unset.
    The stored library, helper and decoder of the same driver still apply."""
    text = os.environ.get("ELDERDESK_READER")
    if not text:
        return None
    driver, _sep, arg = text.partition(":")
    config = check(driver, arg or None, must_exist=False)
    base = stored()
    if base.driver == config.driver:
        config = replace(config, library=base.library, helper=base.helper, wlt=base.wlt)
    return config


def current() -> ReaderConfig:
    """The reader this process uses: ELDERDESK_READER, else this PC's setting.
    A malformed ELDERDESK_READER raises READER_ARG_INVALID."""
    return env_override() or stored()


def make_reader(config: ReaderConfig) -> Reader | None:
    """The driver for a choice (None for "none"); its module is imported only here, its
    library loaded only in `open`."""
    if config.driver == "folder":
        from elderdesk.devices.folder import FolderReader

        return FolderReader(Path(config.arg or "."))
    if config.driver == "service":
        from elderdesk.devices.webservice import ServiceReader

        return ServiceReader(config.arg or "")
    if config.driver in ("termb", "sdtapi"):
        if config.helper:
            from elderdesk.devices.helper import HelperReader

            return HelperReader(config.helper, config)
        return make_library_reader(config)
    return None


def make_library_reader(config: ReaderConfig) -> Reader:
    """termb or sdtapi loaded in this process (also what the helper process runs)."""
    if config.driver == "termb":
        from elderdesk.devices.termb import TermbReader

        return TermbReader(config.port(), library=config.library)
    from elderdesk.devices.sdtapi import SdtapiReader

    return SdtapiReader(config.port(), library=config.library, wlt=config.wlt)


def default_library(driver: str) -> str:
    """The vendor's library name when none is set: termb.dll / sdtapi.dll on Windows
    (found beside the program or on PATH), libtermb.so / libsdtapi.so elsewhere."""
    if sys.platform == "win32":
        return f"{driver}.dll"
    return f"lib{driver}.so"


def ports(port: int | None) -> tuple[int, ...]:
    """The port given, else USB 1001–1016 then serial 1–16 (devices.md)."""
    return (port,) if port else USB_PORTS + SERIAL_PORTS
