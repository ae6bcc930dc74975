"""PyInstaller runtime hook: the windowed program (elderdesk-gui.exe) has no console, so Python
sets sys.stdout and sys.stderr to None; give them a sink so prints and error lines cannot fail."""

import os
import sys

for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
