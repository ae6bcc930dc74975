"""Logging to a rotating file in the user's log folder; never to the console (no tracebacks for
users). Messages carry codes and counts, never passwords, ID numbers or account numbers."""

from __future__ import annotations

import logging
import logging.handlers

_configured = False


class PiiFilter(logging.Filter):
    """Masks ID numbers and any run of 12+ digits (accounts) in every record the handler writes:
    the message with its arguments, the traceback and the stack."""

    def filter(self, record: logging.LogRecord) -> bool:
        from elderdesk.domain.pii import mask_numbers

        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep what there is
            message = f"{record.msg} {record.args}"
        record.msg, record.args = mask_numbers(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_numbers(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_numbers(record.stack_info)
        return True


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
    handler.addFilter(PiiFilter())  # on the handler: it sees the records of every child logger
    logger.addHandler(handler)
    # SQLAlchemy's own warnings (a pooled connection whose rollback failed because the server
    # went away) go to the same file, never as a traceback on the console (Python's fallback)
    engine_log = logging.getLogger("sqlalchemy")
    engine_log.propagate = False
    engine_log.addHandler(handler)
