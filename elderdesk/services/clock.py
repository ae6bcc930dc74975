"""'Today' for the whole program: ELDERDESK_TODAY (YYYY-MM-DD) replaces the system date; stored
times (`now`) always come from the system clock."""

from __future__ import annotations

import os
from datetime import date, datetime

from elderdesk.domain.errors import ElderError
from elderdesk.domain.months import FIRST_DAY, LAST_DAY, check_in_range, parse_date


def _fixed() -> date | None:
    """ELDERDESK_TODAY as a date (None when unset); outside FIRST_DAY..LAST_DAY or malformed:
    TODAY_INVALID, naming the variable (exit 2)."""
    text = os.environ.get("ELDERDESK_TODAY")
    if not text:
        return None
    try:
        return parse_date(text)
    except ElderError:
        raise ElderError("TODAY_INVALID", value=text, first=FIRST_DAY, last=LAST_DAY) from None


def today() -> date:
    fixed = _fixed()
    return fixed if fixed is not None else date.today()


def now() -> datetime:
    """The system clock (local time, whole seconds): every stored time (audit records, build and
    freeze times, lockouts, backups). Never ELDERDESK_TODAY (cli.md "Today")."""
    return datetime.now().replace(microsecond=0)


def fixed_today() -> date | None:
    """ELDERDESK_TODAY's date when it is set (an audit record written under it records it)."""
    return _fixed()


def event_date(on: date | None) -> date:
    """The date of an event (death, proof of life, application step, card, settlement): the
    one given, or today; a date after today is DATE_IN_FUTURE (exit 2)."""
    current = today()
    if on is None:
        return current
    if on > current:
        raise ElderError("DATE_IN_FUTURE", date=on, today=current)
    return check_in_range(on)  # and not before 1900
