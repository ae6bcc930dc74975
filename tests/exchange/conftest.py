"""Three offices in one test: a district (420103) and two of its streets (001, 002), each a
SQLite file with its admin, a clerk, a reviewer and (district) an approver, keys registered
both ways."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ADMIN_PASSWORD, PASSWORD, wuhan_policy

REGION = "420103"
A, B = "420103001", "420103002"


@dataclass
class Office:
    code: str
    path: Path
    services: object
    admin: object
    clerk: object
    reviewer: object
    approver: object

    def reopen(self) -> None:
        from elderdesk.services.container import Services

        self.services.close()
        self.services = Services.open(self.path)


def make_office(folder: Path, name: str, street: str | None, district: bool = False) -> Office:
    from elderdesk.services.container import Services
    from elderdesk.services.users.service import initialise

    path = folder / f"{name}.db"
    initialise(path, REGION, name, "admin", ADMIN_PASSWORD, policy_source=wuhan_policy(),
               street=street, level="district" if district else "street").close()
    svc = Services.open(path)
    admin = svc.users.authenticate("admin", ADMIN_PASSWORD)
    ops = []
    for user, role in (("clerk", "clerk"), ("reviewer", "reviewer"), ("approver", "approver")):
        svc.users.add(admin, user, [role], PASSWORD)
        ops.append(svc.users.authenticate(user, PASSWORD))
    code = REGION + street if street else REGION
    return Office(code, path, svc, admin, *ops)


def make_offices(folder: Path, street_name: str = "街道") -> dict[str, Office]:
    """A district and its streets 001 and 002, each registered with the other."""
    district = make_office(folder, "district", None, district=True)
    a = make_office(folder, "street_a", "001")
    b = make_office(folder, "street_b", "002")
    for street in (a, b):
        district.services.office.add_partner(
            district.admin, street.code, f"{street_name}{street.code[-3:]}",
            street.services.cards.public_key().encode())
        street.services.office.add_partner(street.admin, REGION, "江汉区民政局",
                                           district.services.cards.public_key().encode())
    return {"district": district, "a": a, "b": b}


def close_offices(found: dict[str, Office]) -> None:
    for o in found.values():
        o.services.close()


@pytest.fixture
def offices(tmp_path: Path):
    found = make_offices(tmp_path)
    yield found
    close_offices(found)
