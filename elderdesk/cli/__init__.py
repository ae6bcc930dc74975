"""The `elderdesk` command line (reference: docs/cli.md); `main(argv) -> int`."""

from elderdesk.cli.main import main

__all__ = ["main"]
