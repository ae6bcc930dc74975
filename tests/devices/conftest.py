"""Each test has its own per-machine settings file (the reader choice, the last-read marks)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def machine(tmp_path, monkeypatch):
    monkeypatch.setenv("ELDERDESK_SETTINGS", str(tmp_path / "pc" / "settings.ini"))
    monkeypatch.delenv("ELDERDESK_READER", raising=False)
    return tmp_path / "pc"
