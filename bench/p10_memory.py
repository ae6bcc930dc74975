"""P10: GUI memory while browsing the 1,000,000-person register, ceiling 400 MB RSS.

A new GUI process (QT_QPA_PLATFORM=offscreen, gui_child.py browse) searches as a clerk would
("w", "王", "zj", "1234", "张秀", "l"), scrolls down through up to 30 pages of 100 results each,
and opens every 20th person on the way (record and payment history). The figure is the peak
resident set size (VmHWM from /proc) of that process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import common

CHILD = Path(__file__).with_name("gui_child.py")


def main() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, str(CHILD), "browse", str(common.city_db())], env=env,
                         capture_output=True, text=True, timeout=600)
    line = next((x for x in out.stdout.splitlines() if x.startswith("RSS ")), None)
    if line is None:
        raise RuntimeError(f"gui_child browse failed:\n{out.stdout}\n{out.stderr}")
    _, peak, now, _, rows = line.split()
    common.detail(f"peak {float(peak):.0f} MB, at the end {float(now):.0f} MB, "
                  f"{int(rows):,} rows loaded in the last search")
    common.report("P10", "GUI memory while browsing the register", float(peak), 400, unit="MB",
                  label="peak RSS")


if __name__ == "__main__":
    main()
