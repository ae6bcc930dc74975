"""Long work (imports, roster builds, the demo generator) reports progress and can be
cancelled: the one definition of both, shared by the services, the store's bulk loads and
the GUI's background tasks (ui/ops.Task)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

# progress(done, total): called now and then from the worker thread
Progress = Callable[[int, int], None]


class Cancel(Protocol):
    """Anything with is_set(): a threading.Event (ui/ops.Task.cancel) or a test's stand-in."""

    def is_set(self) -> bool: ...


class Cancelled(Exception):
    """The clerk cancelled; the transaction was rolled back."""
