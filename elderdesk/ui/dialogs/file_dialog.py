"""Choosing a file to open or save, behind classmethods that tests can replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

_FOLDER_KEY = "files/last_folder"


class FileDialog:
    @classmethod
    def ask_open(cls, parent: QWidget | None, title: str, file_filter: str) -> Path | None:
        """An existing file the clerk chose, or None."""
        path, _ = QFileDialog.getOpenFileName(parent, title, cls._folder(), file_filter)
        return cls._remember(path)

    @classmethod
    def ask_save(cls, parent: QWidget | None, title: str, file_name: str,
                 file_filter: str) -> Path | None:
        """Where to write a new file (the system dialog asks before replacing one), or None."""
        start = str(Path(cls._folder()) / file_name)
        path, _ = QFileDialog.getSaveFileName(parent, title, start, file_filter)
        return cls._remember(path)

    @staticmethod
    def _folder() -> str:
        return str(QSettings().value(_FOLDER_KEY, str(Path.home())))

    @staticmethod
    def _remember(path: str) -> Path | None:
        if not path:
            return None
        QSettings().setValue(_FOLDER_KEY, str(Path(path).parent))
        return Path(path)
