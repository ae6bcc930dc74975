"""Logging to a rotating file in the user's log folder; never to the console (no tracebacks for
users). Messages carry codes and counts, never passwords, ID numbers or account numbers."""

from __future__ import annotations

import logging
import logging.handlers

_configured = False


def configure() -> None:
    global _configured
    if _configured:
        return
    _configured = True
    logger = logging.getLogger("elderdesk")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        from elderdesk.paths import log_dir

        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "elderdesk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    except OSError:
        handler = logging.NullHandler()
    logger.addHandler(handler)
