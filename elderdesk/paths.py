"""Where things are: shipped resources (source tree or PyInstaller bundle) and the default database."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import TypeGuard

APP_NAME = "ElderDesk"
_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def resources_dir() -> Path:
    """The `resources/` folder, from source or from the frozen bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    env = os.environ.get("ELDERDESK_DB")
    return Path(env) if env else data_dir() / "elderdesk.db"


def log_dir() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


def is_url(target: object) -> TypeGuard[str]:
    """A PostgreSQL URL (never a file name): `--db`, ELDERDESK_DB or the PC's server setting."""
    return isinstance(target, str) and target.strip().lower().startswith(_SCHEMES)


def masked(url: str) -> str:
    """The URL with any password replaced by ***, for messages and logs."""
    return re.sub(r"^([a-zA-Z+]+://[^:/@]*):[^@]*@", r"\1:***@", url.strip())
