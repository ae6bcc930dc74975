"""A 32-bit helper process for a 32-bit vendor DLL (a 64-bit program cannot load one).

The helper is this same driver code run by a 32-bit Python:
    PYTHON32 -m elderdesk.devices.helper '{"driver": "termb", "arg": "1001", "library": ...}'
with the folder holding the `elderdesk` package on PYTHONPATH (only the standard library and
elderdesk.devices/domain are imported there). Its working folder is a scratch folder, so
termb's wz.txt/zp.bmp land there.

Protocol: UTF-8 JSON, one object a line. The helper first says
    {"ok": true, "hello": "elderdesk-reader", "version": 1, "bits": 32}
then answers each request {"op": "open" | "status" | "read" | "close" | "quit"} with
    {"ok": true, "result": ...}   status: a status word; read: null or a card object whose
                                  "photo" is base64 and dates are YYYY-MM-DD
    {"ok": false, "code": "READER_...", "params": {...}}   an ElderError, rebuilt by the parent
Anything the vendor library prints goes to stderr: the helper moves its protocol off fd 1 first.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import IO, Any

from elderdesk.devices.base import UNAVAILABLE, CardData, Reader
from elderdesk.devices.config import ReaderConfig, make_library_reader
from elderdesk.domain.errors import ElderError

VERSION = 1
HELLO = "elderdesk-reader"
TIMEOUTS = {"open": 60.0, "status": 10.0, "read": 20.0, "close": 10.0, "quit": 5.0}


def card_to_wire(card: CardData | None) -> dict[str, Any] | None:
    if card is None:
        return None
    out = asdict(card)
    for key in ("birth_date", "valid_from", "valid_to"):
        out[key] = out[key].isoformat() if out[key] else None
    out["photo"] = base64.b64encode(card.photo).decode("ascii") if card.photo else None
    out["notes"] = list(card.notes)
    return out


def card_from_wire(data: dict[str, Any] | None) -> CardData | None:
    if data is None:
        return None
    values = dict(data)
    for key in ("birth_date", "valid_from", "valid_to"):
        values[key] = date.fromisoformat(values[key]) if values.get(key) else None
    values["photo"] = base64.b64decode(values["photo"]) if values.get("photo") else None
    values["notes"] = tuple(values.get("notes") or ())
    return CardData(**{k: values.get(k) for k in CardData.__dataclass_fields__})


# --- the helper side -----------------------------------------------------------------------
def serve(config: ReaderConfig, requests: IO[str], replies: IO[str]) -> int:
    """Answer requests until quit or end of input (the same code runs in tests)."""
    reader = make_library_reader(config)

    def say(doc: dict[str, Any]) -> None:
        replies.write(json.dumps(doc, ensure_ascii=False) + "\n")
        replies.flush()

    say({"ok": True, "hello": HELLO, "version": VERSION, "bits": 8 * _pointer_size()})
    for line in requests:
        try:
            op = json.loads(line).get("op")
        except (ValueError, AttributeError):
            say({"ok": False, "code": "READER_UNAVAILABLE",
                 "params": {"driver": config.driver, "detail": "辅助程序收到无法识别的请求"}})
            continue
        try:
            if op == "quit":
                reader.close()
                say({"ok": True, "result": None})
                return 0
            if op == "open":
                reader.open()
                result: Any = None
            elif op == "status":
                result = reader.status()
            elif op == "read":
                result = card_to_wire(reader.read())
            elif op == "close":
                reader.close()
                result = None
            else:
                raise ElderError("READER_UNAVAILABLE", driver=config.driver,
                                 detail=f"辅助程序不认识请求“{str(op)[:20]}”")
            say({"ok": True, "result": result})
        except ElderError as exc:
            say({"ok": False, "code": exc.code, "params": {k: str(v) for k, v in
                                                             exc.params.items()}})
        except Exception as exc:  # a driver fault: reported, the helper keeps serving
            say({"ok": False, "code": "READER_UNAVAILABLE",
                 "params": {"driver": config.driver, "detail": type(exc).__name__}})
    reader.close()
    return 0


def _pointer_size() -> int:
    import struct

    return struct.calcsize("P")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    raw = json.loads(args[0]) if args else {}
    config = ReaderConfig(**{k: raw.get(k) for k in ReaderConfig.__dataclass_fields__
                             if raw.get(k) is not None})
    # The protocol keeps the real stdout; fd 1 (C printf of a vendor library) goes to stderr.
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8", newline="\n")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    requests = open(sys.stdin.fileno(), encoding="utf-8", closefd=False)  # noqa: SIM115
    return serve(config, requests, protocol)


# --- the parent side -----------------------------------------------------------------------
class HelperReader(Reader):
    """termb/sdtapi in a helper process run by `python` (a 32-bit interpreter on Windows)."""

    def __init__(self, python: str, config: ReaderConfig) -> None:
        self.python = python
        self.config = ReaderConfig(config.driver, config.arg, config.library, None, config.wlt)
        self.driver = config.driver
        self._proc: subprocess.Popen[str] | None = None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._dir: str | None = None
        self.bits: int | None = None

    def describe(self) -> str:
        return f"{self.driver} via {self.python}"

    def _unavailable(self, detail: str) -> ElderError:
        return ElderError("READER_UNAVAILABLE", driver=self.driver, detail=detail)

    def _start(self) -> None:
        package_root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH"))
                                            if p)
        env["PYTHONIOENCODING"] = "utf-8"
        self._dir = tempfile.mkdtemp(prefix="elderdesk-helper-")
        wire = {k: v for k, v in asdict(self.config).items() if v is not None}
        try:
            self._proc = subprocess.Popen(
                [self.python, "-m", "elderdesk.devices.helper", json.dumps(wire)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                cwd=self._dir, env=env, text=True, encoding="utf-8", bufsize=1,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        except OSError:
            raise self._unavailable(f"无法启动 32 位辅助程序 {self.python}") from None
        stream = self._proc.stdout
        assert stream is not None
        self._lines = lines = queue.Queue()  # this process's lines only

        def pump() -> None:
            try:
                for line in stream:
                    lines.put(line)
            except (OSError, ValueError):  # closed by _kill
                pass
            lines.put(None)

        threading.Thread(target=pump, name="reader-helper", daemon=True).start()
        hello = self._reply("open")
        if hello.get("hello") != HELLO or hello.get("version") != VERSION:
            self._kill()
            raise self._unavailable(f"{self.python} 不是 ElderDesk 读卡辅助程序")
        self.bits = hello.get("bits")

    def _reply(self, op: str) -> dict[str, Any]:
        while True:
            try:
                line = self._lines.get(timeout=TIMEOUTS.get(op, 20.0))
            except queue.Empty:
                self._kill()
                raise self._unavailable("32 位辅助程序没有回答") from None
            if line is None:
                self._kill()
                raise self._unavailable("32 位辅助程序意外退出（Python 或驱动库是否完整？）")
            try:
                doc = json.loads(line)
            except ValueError:
                continue  # not ours
            if isinstance(doc, dict):
                return doc

    def _call(self, op: str) -> Any:
        if self._proc is None or self._proc.poll() is not None:
            self._start()
        assert self._proc is not None and self._proc.stdin is not None
        try:
            self._proc.stdin.write(json.dumps({"op": op}) + "\n")
            self._proc.stdin.flush()
        except OSError:
            self._kill()
            raise self._unavailable("32 位辅助程序意外退出") from None
        doc = self._reply(op)
        if not doc.get("ok"):
            params = doc.get("params") if isinstance(doc.get("params"), dict) else {}
            raise ElderError(str(doc.get("code") or "READER_UNAVAILABLE"), **params)
        return doc.get("result")

    def open(self) -> None:
        self._call("open")

    def status(self) -> str:
        try:
            return str(self._call("status"))
        except ElderError:
            return UNAVAILABLE

    def read(self) -> CardData | None:
        return card_from_wire(self._call("read"))

    def close(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            with contextlib.suppress(ElderError):
                self._call("quit")
        self._kill()

    def _kill(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            if proc.poll() is None:
                proc.kill()
            proc.wait(timeout=10)
            for stream in (proc.stdin, proc.stdout):
                if stream is not None:
                    with contextlib.suppress(OSError):
                        stream.close()
        if self._dir is not None:
            import shutil

            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None


if __name__ == "__main__":
    sys.exit(main())
