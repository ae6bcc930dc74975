"""'Today' for the whole program: ELDERDESK_TODAY (YYYY-MM-DD) replaces the system date."""

from __future__ import annotations

import os
from datetime import date, datetime

from elderdesk.domain.months import parse_date


def today() -> date:
    fixed = os.environ.get("ELDERDESK_TODAY")
    return parse_date(fixed) if fixed else date.today()


def now() -> datetime:
    """The current local time; its date follows ELDERDESK_TODAY when that is set."""
    real = datetime.now().replace(microsecond=0)
    fixed = os.environ.get("ELDERDESK_TODAY")
    if fixed:
        d = parse_date(fixed)
        return real.replace(year=d.year, month=d.month, day=d.day)
    return real
