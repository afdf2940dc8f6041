"""提交码: find and decode the codes students paste into chat (format: collect/README.md, ck-code.js).

A code is ``CK1.`` + base64url(raw deflate(UTF-8 JSON)) + ``.`` + CRC-32 of the JSON as 8 hex digits.
Whitespace inside a code is ignored (chat apps wrap long tokens). Every failure is :class:`Unreadable`
with a reason in Chinese; nothing here raises anything else for bad input.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .submission import Submission, Unreadable, submission_from

MAX_JSON = 2 * 1024 * 1024      # a decoded code larger than this is not a worksheet's answers
MAX_TEXT = 20 * 1024 * 1024     # a pasted-text file larger than this is not chat text
# Same as FIND in ck-code.js: body may contain whitespace, the checksum must not run on into more hex.
FIND = re.compile(r"CK1\.([A-Za-z0-9_\-\s]+)\.\s*([0-9A-Fa-f]{8})(?![0-9A-Fa-f])")
_SPACE = re.compile(r"\s+")


@dataclass
class Found:
    """One code in a text: the code (whitespace removed) and its submission or the reason it is unusable."""

    code: str
    data: dict[str, Any] | None = None
    error: str = ""


def _unb64(body: str) -> bytes:
    """base64url, padding optional; raises :class:`Unreadable` on other characters."""
    text = _SPACE.sub("", body)
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise Unreadable("提交码不完整或被改动过（无法解压）") from None


def _inflate(raw: bytes) -> bytes:
    """Raw DEFLATE with a ceiling on the output, so a crafted code cannot fill the memory."""
    d = zlib.decompressobj(-15)
    try:
        out = d.decompress(raw, MAX_JSON + 1)
        if len(out) > MAX_JSON:
            raise Unreadable("提交码解开后过大，不是工作单答案")
        out += d.flush()
    except zlib.error:
        raise Unreadable("提交码不完整或被改动过（无法解压）") from None
    if len(out) > MAX_JSON:
        raise Unreadable("提交码解开后过大，不是工作单答案")
    if not d.eof:
        raise Unreadable("提交码不完整或被改动过（无法解压）")
    return out


def decode_parts(body: str, checksum: str) -> dict[str, Any]:
    """The submission object of one code given its body and checksum; raises :class:`Unreadable`."""
    data = _inflate(_unb64(body))
    if f"{zlib.crc32(data) & 0xFFFFFFFF:08x}" != checksum.lower():
        raise Unreadable("提交码不完整或被改动过（校验码不符）：请学生重新复制完整的提交码")
    try:
        obj = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        raise Unreadable("提交码内容已损坏") from None
    if not isinstance(obj, dict) or obj.get("format") != "coursekit-submission":
        raise Unreadable("提交码里不是工作单答案")
    return obj


def decode(code: str) -> dict[str, Any]:
    """One code (whitespace allowed inside) to its submission object; raises :class:`Unreadable`."""
    m = FIND.search(str(code))
    if not m:
        raise Unreadable("不是提交码（应以 CK1. 开头）")
    return decode_parts(m.group(1), m.group(2))


def find(text: str) -> list[Found]:
    """Every code in a pasted text, in order of appearance, each decoded or with its error."""
    out = []
    for m in FIND.finditer(text):
        item = Found(_SPACE.sub("", m.group(0)))
        try:
            item.data = decode_parts(m.group(1), m.group(2))
        except Unreadable as exc:
            item.error = str(exc)
        out.append(item)
    return out


def _text(path: Path) -> str:
    """A text file's content: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030."""
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_TEXT + 1)
    except OSError as exc:
        raise Unreadable(f"无法读取文件（{type(exc).__name__}）") from None
    if len(raw) > MAX_TEXT:
        raise Unreadable(f"文本文件超过 {MAX_TEXT // 1024 // 1024} MB，不是粘贴的聊天记录")
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")


def read_file(path: Path) -> tuple[list[Submission], list[str]]:
    """Submissions in a .txt of pasted chat text, and the reason for each bad code in it.

    Raises :class:`Unreadable` when the file holds no code at all (or none that is usable and some bad).
    """
    found = find(_text(path))
    if not found:
        raise Unreadable("文本文件里没有提交码（以 CK1. 开头）：请把学生发来的提交码原样粘贴进 .txt 文件")
    subs: list[Submission] = []
    errors: list[str] = []
    for n, item in enumerate(found, 1):
        label = f"第 {n} 个提交码（{item.code[:16]}…）"
        if item.data is None:
            errors.append(f"{label}：{item.error}")
            continue
        try:
            subs.append(submission_from(item.data, path))
        except Unreadable as exc:
            errors.append(f"{label}：{exc}")
    if not subs:
        raise Unreadable("；".join(errors))
    return subs, errors
