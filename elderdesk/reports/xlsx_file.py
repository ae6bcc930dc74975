"""One way to write a workbook: through output_file.atomic_output (path.part, renamed over path
only once it is complete), so a failed export never leaves a plausible-looking file behind."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any

from elderdesk.reports.output_file import atomic_output


@contextlib.contextmanager
def xlsx_book(path: str | os.PathLike[str], *, constant_memory: bool = False) -> Iterator[Any]:
    """An xlsxwriter Workbook that writes path.part; on success it replaces `path`."""
    import xlsxwriter  # lazily: only exports need it
    from xlsxwriter.exceptions import FileCreateError

    with atomic_output(path) as f:
        book = xlsxwriter.Workbook(f, {"constant_memory": constant_memory,
                                       "strings_to_numbers": False,
                                       "strings_to_formulas": False,
                                       "strings_to_urls": False})
        try:
            yield book
        except BaseException:
            with contextlib.suppress(Exception):
                book.close()
            raise
        try:
            book.close()
        except FileCreateError as exc:  # xlsxwriter's wrapping of the OSError writing the file
            cause = exc.args[0] if exc.args else None
            if isinstance(cause, OSError):
                raise cause from None
            raise
