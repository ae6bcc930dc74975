"""Files and marks a backup or a restore leaves while it runs, whose they are, and the clean-up
of those an interrupted one left behind.

Every temporary file carries the id of the process writing it (`NAME.<pid>.partial`,
`<db name>.<pid>.restoring` and its SQLite sidecars), so a later start can tell a file still in
use (its process alive) from a leftover. Older names without a pid count as in use while they
are younger than STALE_SECONDS. The restore mark in the database (`db.restoring`: "<pid> <ISO
time>") follows the same rule.
"""

from __future__ import annotations

import os
import re
import sys
import time
from datetime import datetime
from pathlib import Path

from elderdesk.store.backup_names import parse_name

PARTIAL = ".partial"
RESTORING = ".restoring"
SIDECARS = ("-wal", "-shm", "-journal")
STALE_SECONDS = 3600  # a temporary file without a pid, this old, is a leftover
PID_MAX_AGE = 24 * 3600  # with a pid: a leftover this old whatever the pid (pids are reused)
_TAGGED = re.compile(r"^(?P<base>.+)\.(?P<pid>\d+)(?P<suffix>\.partial|\.restoring)$")


def tagged(path: Path, suffix: str) -> Path:
    """`path` + `.<pid>` + suffix: this process's temporary file beside `path`."""
    return path.with_name(f"{path.name}.{os.getpid()}{suffix}")


def staged_path(db_path: Path) -> Path:
    """Where a restore puts its checked copy of the backup: beside the database."""
    return tagged(db_path, RESTORING)


def pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would send CTRL_C_EVENT there
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        try:
            ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel32.CloseHandle(handle)
        return bool(ok) and code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: alive, another user's
        return True
    return True


# --- the restore mark in the database ---------------------------------------------------------
def restore_mark() -> str:
    return f"{os.getpid()} {datetime.now().isoformat(timespec='seconds')}"


def mark_stale(value: str) -> bool:
    """A restore mark left by a restore that no longer runs (its process ended, or too old)."""
    try:
        pid_text, at_text = value.split(" ", 1)
        pid, at = int(pid_text), datetime.fromisoformat(at_text)
    except ValueError:
        return True
    if abs((datetime.now() - at).total_seconds()) > PID_MAX_AGE:
        return True
    return not pid_alive(pid)


# --- temporary files ------------------------------------------------------------------------
def in_use(path: Path) -> bool:
    """A temporary file (or sidecar) whose writer may still run."""
    name = path.name
    for side in SIDECARS:
        if name.endswith(side):
            name = name[: -len(side)]
    try:
        age = time.time() - path.stat().st_mtime
    except OSError:
        return True  # gone meanwhile: leave it alone
    m = _TAGGED.match(name)
    if m is None:
        return age < STALE_SECONDS
    return age < PID_MAX_AGE and pid_alive(int(m["pid"]))


def _backup_stem(name: str) -> str | None:
    """The database stem of a backup folder temporary (`office-2026...-daily.db.<pid>.partial`,
    `….db.head.<pid>.partial`, `….dump.sha256.<pid>.partial`, an untagged `….db.partial`)."""
    m = _TAGGED.match(name)
    base = m["base"] if m else name[: -len(PARTIAL)] if name.endswith(PARTIAL) else None
    if base is None:
        return None
    for side in (".head", ".sha256"):  # beside a backup: its head, a dump's checksum
        if base.endswith(side):
            base = base[: -len(side)]
    parsed = parse_name(base)
    return parsed.stem if parsed else None


def backup_folder_leftovers(folder: Path, stem: str) -> list[Path]:
    """Temporary files of this database's backups in `folder` that nobody writes any more."""
    found = []
    try:
        candidates = list(folder.glob("*" + PARTIAL)) if folder.is_dir() else []
    except OSError:
        return []
    for path in candidates:
        if _backup_stem(path.name) == stem and not in_use(path):
            found.append(path)
    return found


def database_folder_leftovers(db_path: Path) -> list[Path]:
    """Temporary files beside the database: a restore's staged copy (with its sidecars) and an
    unfinished copy of the database kept before a restore, or of its head file."""
    found = []
    folder = db_path.parent
    try:
        names = [p.name for p in folder.iterdir()] if folder.is_dir() else []
    except OSError:
        return []
    restoring = re.compile(re.escape(db_path.name) + r"(\.\d+)?\.restoring(-wal|-shm|-journal)?")
    kept = re.compile(re.escape(db_path.stem)  # the copy and its head file (audit anchors)
                      + r"\.before-restore-[0-9-]+\.db(\.head)?(\.\d+)?\.partial")
    for name in names:
        if restoring.fullmatch(name) or kept.fullmatch(name):
            path = folder / name
            if not in_use(path):
                found.append(path)
    return found


def clean(db_path: Path, backup_folder: Path | None) -> list[Path]:
    """Delete what interrupted backups and restores of this database left behind (files still
    in use are kept); returns what was deleted. Never fails: a file that cannot be deleted is
    tried again at the next start."""
    removed = []
    found = database_folder_leftovers(db_path)
    if backup_folder is not None:
        found += backup_folder_leftovers(backup_folder, db_path.stem)
    for path in found:
        try:
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed
