"""Test-only phase marks for the kill tests, loaded by `python -m elderdesk` via PYTHONPATH.

With ELDERDESK_TRACE=FILE, every write transaction appends `B|E|C <n> <caller> <monotonic>`
(begun, about to commit, committed) and every online backup `S|R 0 backup <monotonic>` (started,
renamed into place); a SIGKILL leaves the marks written so far, which tell where it landed.
"""

import os
import sys
import time

_PATH = os.environ.get("ELDERDESK_TRACE")
if _PATH:
    from contextlib import contextmanager
    from itertools import count

    from elderdesk.store import backup as _backup
    from elderdesk.store import db as _db

    _fd = os.open(_PATH, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    _numbers = count(1)

    def _mark(tag: str, n: int, name: str) -> None:
        os.write(_fd, f"{tag} {n} {name} {time.monotonic():.6f}\n".encode())

    _write = _db.Database.write

    @contextmanager
    def _traced_write(self, **options):  # type: ignore[no-untyped-def]
        caller = sys._getframe(2).f_code.co_name  # the function that opened the transaction
        n = next(_numbers)
        with _write(self, **options) as session:  # options: write(login=True)
            _mark("B", n, caller)
            yield session
            _mark("E", n, caller)
        _mark("C", n, caller)

    _online_backup = _backup.online_backup

    def _traced_backup(source, target, **options):  # type: ignore[no-untyped-def]
        _mark("S", 0, "backup")
        _online_backup(source, target, **options)
        _mark("R", 0, "backup")

    _db.Database.write = _traced_write
    _backup.online_backup = _traced_backup
