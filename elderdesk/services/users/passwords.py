"""Password hashing with argon2id (slow on purpose; tests lower the cost)."""

from __future__ import annotations

import os
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 6
MAX_LENGTH = 128  # argon2 takes any length; a bound keeps hostile input cheap


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    if os.environ.get("ELDERDESK_FAST_HASH") == "1":  # test suites only
        return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    return PasswordHasher()  # argon2id, RFC 9106 low-memory profile


def _bytes(password: str) -> bytes:
    """UTF-8; a lone surrogate (undecodable bytes in an environment variable) is kept as is."""
    return password.encode("utf-8", "surrogatepass")


def hash_password(password: str) -> str:
    return _hasher().hash(_bytes(password))


def verify_password(stored: str, password: str) -> bool:
    try:
        return _hasher().verify(stored, _bytes(password))
    except (VerificationError, InvalidHashError):
        return False
