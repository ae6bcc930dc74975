"""tools/screenshot.py still runs: demo database, main window and dialogs saved as PNGs."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtGui import QImage

TOOL = Path(__file__).resolve().parents[2] / "tools" / "screenshot.py"


def test_screenshot_tool_writes_pngs(qtbot, tmp_path, monkeypatch):
    monkeypatch.delenv("ELDERDESK_PASSWORD", raising=False)
    spec = importlib.util.spec_from_file_location("screenshot_tool", TOOL)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    out = tmp_path / "shots"
    assert tool.main(["--db", str(tmp_path / "demo.db"), "--out", str(out), "--demo"]) == 0
    for name in ("main_window.png", "person_dialog_edit.png", "import_dialog.png"):
        image = QImage(str(out / name))
        assert image.width() > 300 and image.height() > 150, name
