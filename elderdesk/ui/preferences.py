"""Per-PC preferences in QSettings: language, font size, window geometry (not in the database)."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

LANGUAGE_KEY = "ui/language"
FONT_KEY = "ui/font_size"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
LAST_USER_KEY = "login/last_user"
# (code, name shown in its own language); applied at the next start
LANGUAGES = (("zh_CN", "中文"), ("en", "English"))
# (key, point size) for tired eyes; the labels come from font_label()
FONT_SIZES = (("small", 10), ("medium", 12), ("large", 14), ("xlarge", 17))
DEFAULT_FONT = "medium"


def font_label(key: str) -> str:
    """The translated label of a font size (lupdate sees the literal calls)."""
    labels = {"small": QCoreApplication.translate("Preferences", "小"),
              "medium": QCoreApplication.translate("Preferences", "中"),
              "large": QCoreApplication.translate("Preferences", "大"),
              "xlarge": QCoreApplication.translate("Preferences", "特大")}
    return labels[key]


def settings() -> QSettings:
    """ELDERDESK_SETTINGS (an .ini path; tests) or the user's ElderDesk settings."""
    path = os.environ.get("ELDERDESK_SETTINGS")
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "ElderDesk", "ElderDesk")


def last_user() -> str:
    """The user name of the last login on this PC (prefilled at the next login)."""
    return str(settings().value(LAST_USER_KEY, "") or "")


def set_last_user(name: str) -> None:
    settings().setValue(LAST_USER_KEY, name)


def language() -> str:
    value = str(settings().value(LANGUAGE_KEY, "zh_CN"))
    return value if value in dict(LANGUAGES) else "zh_CN"


def set_language(code: str) -> None:
    settings().setValue(LANGUAGE_KEY, code)


def font_size() -> str:
    value = str(settings().value(FONT_KEY, DEFAULT_FONT))
    return value if value in dict(FONT_SIZES) else DEFAULT_FONT


def apply_font_size(key: str, save: bool = True) -> None:
    """Set the whole application's font size at once (and remember it)."""
    points = dict(FONT_SIZES).get(key)
    app = QApplication.instance()
    if points is None or not isinstance(app, QApplication):  # none yet, or a console one
        return
    font = app.font()
    font.setPointSize(points)
    app.setFont(font)
    if save:
        settings().setValue(FONT_KEY, key)
