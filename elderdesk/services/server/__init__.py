"""Moving an office onto its PostgreSQL server (`server copy`, multi-office.md §1)."""
