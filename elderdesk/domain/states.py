"""The states, sources and reasons the register and the allowance record, as the values stored
in the database and printed in JSON (StrEnum: a member equals its text, so stored values and
JSON shapes are unchanged). Card states and types are in domain/cards.py."""

from __future__ import annotations

from enum import StrEnum


class PersonStatus(StrEnum):
    ACTIVE = "active"
    DECEASED = "deceased"
    MOVED_OUT = "moved_out"


class EnrollmentStatus(StrEnum):
    """An application's way: applied → reviewed (or returned) → approved (or rejected);
    an approved one is stopped, an open one cancelled (death, move out)."""

    APPLIED = "applied"
    RETURNED = "returned"
    REVIEWED = "reviewed"
    APPROVED = "approved"
    REJECTED = "rejected"
    CANCELLED = "cancelled"
    STOPPED = "stopped"


OPEN_STATES = (EnrollmentStatus.APPLIED, EnrollmentStatus.REVIEWED)
ACTIVE_STATES = (*OPEN_STATES, EnrollmentStatus.APPROVED)


class EnrollmentSource(StrEnum):
    """Where an application was accepted."""

    COUNTER = "counter"
    ONLINE = "online"  # imported from the city platform's export


class StopReason(StrEnum):
    """Why an approved allowance is stopped by hand (allowance stop --reason)."""

    VOLUNTARY = "voluntary"
    DUPLICATE = "duplicate"
    DISQUALIFIED = "disqualified"
    LOST_CONTACT = "lost_contact"
    POLICY = "policy"
    OTHER = "other"


class EndReason(StrEnum):
    """Why an application or allowance ended by itself (a death or move out recorded)."""

    DEATH = "death"
    MOVED_OUT = "moved_out"


class RosterStatus(StrEnum):
    DRAFT = "draft"
    FROZEN = "frozen"
