"""What an import holds of the sender's records, read once per package (issue 15, P14: one
query per kind instead of one lookup per record), and the records it writes, stored in bulk at
the end (exchange_records: one executemany)."""

from __future__ import annotations

import json
from typing import Any

from elderdesk.store import exchange_repo
from elderdesk.store.db import Session
from elderdesk.store.exchange_repo import HeldRecord

# data fields naming another record of the same owner: (kind of the record, field, its kind)
_REFERENCES = {"lifecert": "person", "application": "person", "paid_ledger": "person"}


class Held:
    def __init__(self, s: Session, owner: str, code: str, recs: list[dict[str, Any]]) -> None:
        self.s, self.owner = s, owner
        wanted: dict[str, set[str]] = {}
        for rec in recs:
            wanted.setdefault(rec["kind"], set()).add(str(rec["key"]))
            ref = _REFERENCES.get(rec["kind"])
            data = rec.get("data")
            if ref and isinstance(data, dict) and data.get("person") is not None:
                wanted.setdefault(ref, set()).add(str(data["person"]))
            if rec["kind"] == "recovery" and isinstance(data, dict):  # its roster's key
                wanted.setdefault("roster", set()).add(f"{code}-{data.get('period')}")
        self._held: dict[tuple[str, str], HeldRecord] = {}
        for kind, keys in wanted.items():
            for key, found in exchange_repo.held_records(s, kind, owner, keys).items():
                self._held[(kind, key)] = found
        self._loaded = {(kind, key) for kind, keys in wanted.items() for key in keys}
        self._existing = {(kind, owner, key) for kind, key in self._held}
        self._rows: dict[tuple[str, str], dict[str, Any]] = {}

    def get(self, kind: str, key: str) -> HeldRecord | None:
        """The owner's record held here (or written by this import)."""
        k = (kind, str(key))
        if k not in self._loaded:  # a reference not foreseen: looked up on its own
            row = exchange_repo.record(self.s, kind, self.owner, str(key))
            self._loaded.add(k)
            if row is not None:
                self._held[k] = HeldRecord(row.local_id, row.version)
                self._existing.add((kind, self.owner, str(key)))
        return self._held.get(k)

    def local(self, kind: str, key: Any) -> str | None:
        found = self.get(kind, str(key))
        return found.local_id if found else None

    def local_int(self, kind: str, key: Any) -> int | None:
        local = self.local(kind, key)
        return int(local) if local is not None and local.isdigit() else None

    def newer(self, rec: dict[str, Any]) -> bool:
        """Whether a record is newer than the version held (older never overwrites newer)."""
        found = self.get(rec["kind"], str(rec["key"]))
        return found is None or found.version < rec["version"]

    def put(self, rec: dict[str, Any], local: str, digest: str) -> None:
        kind, key = rec["kind"], str(rec["key"])
        self._held[(kind, key)] = HeldRecord(local, rec["version"])
        self._loaded.add((kind, key))
        self._rows[(kind, key)] = {
            "kind": kind, "owner": self.owner, "key": key, "local_id": local,
            "version": rec["version"], "digest": digest,
            "body": json.dumps(rec["data"], ensure_ascii=False, sort_keys=True)}

    def write(self) -> None:
        """The records written by this import into exchange_records (in bulk)."""
        exchange_repo.write_records(self.s, list(self._rows.values()), self._existing)
        self._existing |= {(k, self.owner, key) for k, key in self._rows}
        self._rows = {}
