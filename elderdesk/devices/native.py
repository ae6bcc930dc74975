"""Loading a vendor library with ctypes (only ever called from a driver's `open`)."""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import Any

from elderdesk.domain.errors import ElderError

# CVR_Read_Content writes into the current folder: reads that change it are serialised.
CWD_LOCK = threading.Lock()
POLL_INTERVAL = 0.3  # seconds: vendors ask not to look for a card more often


def load(path: str, driver: str, needed: tuple[str, ...]) -> Any:
    """The library (stdcall WinDLL on Windows, CDLL elsewhere) with every function in `needed`,
    or READER_UNAVAILABLE saying why in Chinese."""
    import ctypes

    if sys.platform == "win32":  # ctypes has WinDLL there only (a type checker knows it)
        loader = ctypes.WinDLL
    else:
        loader = ctypes.CDLL
    try:
        lib = loader(path)
    except OSError as exc:
        if getattr(exc, "winerror", None) == 193:  # a 32-bit DLL in a 64-bit process
            detail = (f"{path} 是 32 位驱动库，64 位程序不能直接加载：请由管理员设置 32 位辅助程序"
                      f"（elderdesk reader set {driver} --helper 32位python.exe）或改用厂商本地服务")
        else:
            detail = f"找不到或无法加载驱动库 {path}（请安装读卡器厂商的驱动程序）"
        raise ElderError("READER_UNAVAILABLE", driver=driver, detail=detail) from None
    missing = [name for name in needed if not hasattr(lib, name)]
    if missing:
        more = f" 等 {len(missing)} 个函数" if len(missing) > 1 else ""
        raise ElderError("READER_UNAVAILABLE", driver=driver, detail=(
            f"{os.path.basename(path)} 不是 {driver} 驱动库（缺少 {missing[0]}{more}）"))
    return lib


class Poller:
    """Keeps card searches at least POLL_INTERVAL apart."""

    def __init__(self) -> None:
        self._last = 0.0

    def wait(self) -> None:
        delay = self._last + POLL_INTERVAL - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        self._last = time.monotonic()
