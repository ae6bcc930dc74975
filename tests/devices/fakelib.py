"""Fake vendor libraries for the termb and sdtapi drivers: C sources written here, compiled
with the system C compiler into shared objects exporting the vendor functions with canned
answers. Environment variables steer them at call time (one build serves every test):
FAKE_READER_PORT (the port that answers, default 1001), FAKE_READER_CARD ("1": a card is on
the reader), FAKE_WZ / FAKE_ZP (files termb's CVR_Read_Content copies into the current folder
as wz.txt / zp.bmp), FAKE_SDT_ID (the ID sdtapi returns), FAKE_SDT_SHORT ("1": a short read)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.devices.cards import bmp_bytes

COMMON = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int open_port = 0, init_calls = 0;
int fake_init_calls(void) { return init_calls; }
int fake_open_port(void) { return open_port; }
void fake_reset(void) { open_port = 0; init_calls = 0; }
static int wanted_port(void) { const char *p = getenv("FAKE_READER_PORT"); return p ? atoi(p) : 1001; }
static int card_on(void) { const char *c = getenv("FAKE_READER_CARD"); return c && c[0] == '1'; }
static int copy_file(const char *from, const char *to) {
    FILE *in, *out; char buf[4096]; size_t n;
    if (!from || !(in = fopen(from, "rb"))) return 0;
    if (!(out = fopen(to, "wb"))) { fclose(in); return 0; }
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, n, out);
    fclose(in); fclose(out); return 1;
}
"""

TERMB = COMMON + r"""
int CVR_InitComm(int port) {
    init_calls++;
    if (port == wanted_port()) { open_port = port; return 1; }
    return 0;
}
int CVR_Authenticate(void) { return open_port && card_on() ? 1 : 0; }
int CVR_Read_Content(int active) {
    if (!open_port || active != 4) return 0;
    /* like the real library: into the current folder */
    if (!copy_file(getenv("FAKE_WZ"), "wz.txt")) return -1;
    copy_file(getenv("FAKE_ZP"), "zp.bmp");
    return 1;
}
int CVR_CloseComm(void) { open_port = 0; return 1; }
"""

SDTAPI = COMMON + r"""
#include <uchar.h>
static void put(unsigned char *buf, int off, int size, const char16_t *s) {
    int i;
    for (i = 0; i < size / 2; i++) { buf[off + 2 * i] = 0x20; buf[off + 2 * i + 1] = 0; }
    for (i = 0; s[i] && 2 * i < size; i++) {
        buf[off + 2 * i] = s[i] & 0xff; buf[off + 2 * i + 1] = s[i] >> 8;
    }
}
int SDT_OpenPort(int port) {
    init_calls++;
    if (port == wanted_port()) { open_port = port; return 0x90; }
    return 0x01;
}
int SDT_ClosePort(int port) { if (port == open_port) open_port = 0; return 0x90; }
int SDT_StartFindIDCard(int port, unsigned char *mana, int ifopen) {
    return port == open_port && card_on() ? 0x9F : 0x80;
}
int SDT_SelectIDCard(int port, unsigned char *mana, int ifopen) {
    return port == open_port && card_on() ? 0x90 : 0x81;
}
int SDT_ReadBaseMsg(int port, unsigned char *text, unsigned int *text_len,
                    unsigned char *photo, unsigned int *photo_len, int ifopen) {
    char16_t id[19]; const char *given = getenv("FAKE_SDT_ID"); int i;
    if (port != open_port || !card_on()) return 0x41;
    memset(text, 0, 256);
    /* fixed offsets of the SDT layout, counted by hand */
    put(text, 0, 30, u"王秀英");
    put(text, 30, 2, u"2");
    put(text, 32, 4, u"03");
    put(text, 36, 16, u"19380105");
    put(text, 52, 70, u"湖北省武汉市江汉区民意街道民意社区8栋2单元301号");
    for (i = 0; given && given[i] && i < 18; i++) id[i] = (char16_t)given[i];
    id[i] = 0;
    put(text, 122, 36, id);
    put(text, 158, 30, u"武汉市公安局江汉分局");
    put(text, 188, 16, u"20180105");
    put(text, 204, 16, u"长期");
    for (i = 0; i < 1024; i++) photo[i] = (unsigned char)(i * 7);
    photo[0] = 'W'; photo[1] = 'L';
    *text_len = getenv("FAKE_SDT_SHORT") ? 100 : 256;
    *photo_len = 1024;
    return 0x90;
}
"""


def _c_bytes(data: bytes) -> str:
    return "".join(f"\\{b:03o}" for b in data)


def wltrs_source() -> str:
    bmp = bmp_bytes(4, 4)
    return r"""
#include <stdio.h>
#include <string.h>
static const unsigned char BMP[] = "@BMP@";
int GetBmp(const char *wlt, int intf) {
    char out[4096]; size_t n = strlen(wlt); FILE *in, *f; unsigned char head[2];
    if (intf != 2 || n < 4 || n >= sizeof out) return -1;
    if (!(in = fopen(wlt, "rb")) || fread(head, 1, 2, in) != 2) return -2;
    fclose(in);
    if (head[0] != 'W' || head[1] != 'L') return -3;
    memcpy(out, wlt, n - 3); strcpy(out + n - 3, "bmp");
    if (!(f = fopen(out, "wb"))) return -4;
    fwrite(BMP, 1, @SIZE@, f); fclose(f);
    return 1;
}
""".replace("@BMP@", _c_bytes(bmp)).replace("@SIZE@", str(len(bmp)))


def compiler() -> str:
    """The system C compiler; none: a failure under CI (it must have one), a skip elsewhere."""
    found = shutil.which(os.environ.get("CC", "cc")) or shutil.which("gcc")
    if found is None:
        message = ("no C compiler (cc/gcc): the fake reader libraries cannot be built; "
                   "install gcc (the Makefile's APT_PACKAGES has it)")
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


def build(source: str, folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    src, lib = folder / f"{name}.c", folder / f"lib{name}.so"
    src.write_text(source, encoding="utf-8")
    done = subprocess.run([compiler(), "-shared", "-fPIC", "-std=c11", "-o", str(lib), str(src)],
                          capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        pytest.fail(f"compiling the fake {name} failed:\n{done.stderr}")
    return lib
