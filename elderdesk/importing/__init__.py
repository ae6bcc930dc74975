"""Workbook → checked rows and findings (import-rules.md); never touches the database."""

from elderdesk.importing.deaths import DeathRow, DeathsResult, read_deaths
from elderdesk.importing.findings import Finding, ImportResult, RegisterRow
from elderdesk.importing.register import read_register

__all__ = [
    "DeathRow",
    "DeathsResult",
    "Finding",
    "ImportResult",
    "RegisterRow",
    "read_deaths",
    "read_register",
]
