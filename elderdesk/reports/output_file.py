"""The one way a report (PDF, workbook) reaches the file the user chose: written to path.part,
flushed to the disk, then renamed over path. A failure (a full disk midway, a pulled-out USB
stick, a bug in a writer) leaves neither a truncated file under the real name nor the scratch
file; a file already at path stays as it was until the new one is complete."""

from __future__ import annotations

import contextlib
import errno
import io
import logging
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

from elderdesk.domain.errors import output_error

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

log = logging.getLogger(__name__)
PART = ".part"
# errors of a write that carry no file name (ENOSPC from write(), EIO from close())
_UNNAMED = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO)


def _about_output(exc: OSError, names: tuple[str, ...]) -> bool:
    """The output file's own error (not, say, a font file's), or a full disk anywhere."""
    return exc.filename in names or exc.errno in _UNNAMED and (
        exc.filename is None or exc.errno in (errno.ENOSPC, errno.EDQUOT))


class _Scratch(io.BufferedWriter):
    """The scratch file. Once abandoned (the write failed, the file is closed and removed) it
    only counts what whoever still holds it writes: a zip writer's finaliser would otherwise
    fail noisily on a closed file."""

    abandoned = False
    _pos = 0

    def write(self, data: ReadableBuffer) -> int:
        if not self.abandoned:
            return super().write(data)
        size = memoryview(data).nbytes
        self._pos += size
        return size

    def seek(self, pos: int, whence: int = 0) -> int:
        if not self.abandoned:
            return super().seek(pos, whence)
        self._pos = pos if whence == 0 else self._pos + pos
        return self._pos

    def tell(self) -> int:
        return self._pos if self.abandoned else super().tell()

    def truncate(self, pos: int | None = None) -> int:
        return self._pos if self.abandoned else super().truncate(pos)

    def flush(self) -> None:
        if not self.abandoned:
            super().flush()

    def abandon(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self._pos = super().tell()
        self.abandoned = True
        with contextlib.suppress(OSError):
            super().close()


def _scratch_name(final: str) -> str:
    """path.part; a shorter hidden name beside it when that would pass the file system's 255
    bytes a name (the user's name itself may be that long)."""
    folder, name = os.path.split(final)
    if len(os.fsencode(name + PART)) <= 255:
        return final + PART
    return os.path.join(folder, f".elderdesk-{os.getpid()}-{id(final):x}{PART}")


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file open on path.part for the writer (reportlab, xlsxwriter and openpyxl all
    take a file object); renamed over `path` once the block ends. OSErrors writing it become
    ElderError (DISK_FULL, FILE_UNWRITABLE with the cause in Chinese)."""
    final = os.fspath(path)
    partial = _scratch_name(final)
    try:
        f = _Scratch(io.FileIO(partial, "wb"))  # buffered: a short write() is retried
        try:
            yield f
            f.flush()
            os.fsync(f.fileno())
            f.close()
            os.replace(partial, final)
        except BaseException:
            f.abandon()
            with contextlib.suppress(OSError):
                os.remove(partial)
            raise
    except OSError as exc:
        if not _about_output(exc, (final, partial)):
            raise
        log.warning("writing %s failed", final, exc_info=True)
        raise output_error(exc, final) from exc
