"""Rosters: build (in full or for the changed people), show, compare, export and freeze the
period's roster; recoveries (RosterService)."""
