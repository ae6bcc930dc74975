"""One way to write a workbook: to path.part, renamed over path only once it is complete, so a
failed export never leaves a plausible-looking file behind."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any


@contextlib.contextmanager
def xlsx_book(path: str | os.PathLike[str], *, constant_memory: bool = False) -> Iterator[Any]:
    """An xlsxwriter Workbook that writes path.part; on success it replaces `path`."""
    import xlsxwriter  # lazily: only exports need it

    final = os.fspath(path)
    partial = final + ".part"
    book = xlsxwriter.Workbook(partial, {"constant_memory": constant_memory,
                                         "strings_to_numbers": False,
                                         "strings_to_formulas": False,
                                         "strings_to_urls": False})
    try:
        yield book
        book.close()
    except BaseException:
        with contextlib.suppress(Exception):
            book.close()
        with contextlib.suppress(OSError):
            os.remove(partial)
        raise
    os.replace(partial, final)
