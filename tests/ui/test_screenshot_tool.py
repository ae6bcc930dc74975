"""tools/screenshot.py still runs: demo office, main window and dialogs saved as PNGs (one scene;
`make screenshots` runs them all)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from PySide6.QtGui import QImage

TOOL = Path(__file__).resolve().parents[2] / "tools" / "screenshot.py"


def test_screenshot_tool_writes_pngs(qtbot, tmp_path, monkeypatch):
    monkeypatch.delenv("ELDERDESK_PASSWORD", raising=False)
    monkeypatch.delenv("ELDERDESK_TODAY", raising=False)
    spec = importlib.util.spec_from_file_location("screenshot_tool", TOOL)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    out = tmp_path / "shots"
    assert tool.main([str(out), "--only", "register"]) == 0
    for name in ("setup_dialog.png", "login_dialog.png", "register_page.png",
                 "person_dialog_edit.png", "person_dialog_bad_id.png"):
        image = QImage(str(out / name))
        assert image.width() > 300 and image.height() > 120, name
    assert "ELDERDESK_TODAY" not in os.environ  # the fixed date does not leak into other tests
    from elderdesk.services import clock
    from elderdesk.services.roster import service as roster

    assert roster.now is clock.now
