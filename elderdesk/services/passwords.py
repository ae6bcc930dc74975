"""Password hashing with argon2id (slow on purpose; tests lower the cost)."""

from __future__ import annotations

import os
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 6


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    if os.environ.get("ELDERDESK_FAST_HASH") == "1":  # test suites only
        return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    return PasswordHasher()  # argon2id, RFC 9106 low-memory profile


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(stored: str, password: str) -> bool:
    try:
        return _hasher().verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False
