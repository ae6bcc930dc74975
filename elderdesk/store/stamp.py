"""Timestamps stored compactly (migration 0008): a local time to the second as the integer
YYYYMMDDHHMMSS (6 bytes in SQLite instead of 26 for 'YYYY-MM-DD HH:MM:SS.ffffff'), still
readable and ordered in SQL. Older rows written as ISO text read the same."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator

# The same conversion in SQL, for migrations: ISO text -> YYYYMMDDHHMMSS.
SQL_FROM_TEXT = ("CAST(replace(replace(replace(substr({c}, 1, 19), '-', ''), ' ', ''), ':', '')"
                 " AS INTEGER)")


def to_stamp(value: datetime | str | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return (value.year * 10**10 + value.month * 10**8 + value.day * 10**6 + value.hour * 10**4
            + value.minute * 100 + value.second)


def from_stamp(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) and not value.isdigit():
        return datetime.fromisoformat(value)  # a row written before 0008
    v = int(value)
    return datetime(v // 10**10, v // 10**8 % 100, v // 10**6 % 100, v // 10**4 % 100,
                    v // 100 % 100, v % 100)


class Stamp(TypeDecorator):
    """A DateTime column holding YYYYMMDDHHMMSS integers (declared DATETIME, so the columns of
    older tables need no rebuild); microseconds are not kept."""

    impl = DateTime
    cache_ok = True

    def load_dialect_impl(self, dialect: Any) -> Any:
        # PostgreSQL keeps to its declared types: a BIGINT column there (migration 0008).
        if dialect.name == "postgresql":
            from sqlalchemy import BigInteger

            return dialect.type_descriptor(BigInteger())
        return dialect.type_descriptor(DateTime())

    def bind_processor(self, dialect: Any) -> Any:
        return to_stamp

    def result_processor(self, dialect: Any, coltype: Any) -> Any:
        return from_stamp
