"""Read submitted files: .docx from 下载 Word, .json from 备份全部答案 (or a single submission).

Every failure becomes :class:`Unreadable` with a reason a teacher can act on; nothing here raises
anything else for bad input.
"""

from __future__ import annotations

import json
import logging
import os
import zipfile
import zlib
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from . import code
from .submission import Submission, Unreadable, submission_from

log = logging.getLogger(__name__)

NAMESPACE = "urn:coursekit:submission:1"
ROOT_TAG = f"{{{NAMESPACE}}}submission"
MAX_PART = 20 * 1024 * 1024  # a custom XML part larger than this is not ours
MAX_PARTS = 10               # custom XML parts looked at per file (ours is item1.xml)
MAX_READ = 2 * MAX_PART      # bytes inflated per .docx in all, whatever its headers claim
MAX_FILE = 50 * 1024 * 1024  # a .docx or .json larger than this is not a hand-in
SUFFIXES = (".docx", ".json", ".txt")


def read_file(path: Path) -> list[Submission]:
    """Every submission in one file; raises :class:`Unreadable` with the reason."""
    return read_with_notes(path)[0]


def read_with_notes(path: Path) -> tuple[list[Submission], list[str]]:
    """Every submission in one file and what was wrong with parts of it (bad codes among good ones)."""
    suffix = path.suffix.lower()
    if path.name.startswith("~$"):
        raise Unreadable("Word 打开文件时留下的临时文件，不是作业")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise Unreadable(f"无法读取文件（{type(exc).__name__}）") from None
    if suffix in (".docx", ".json") and size > MAX_FILE:
        raise Unreadable(f"文件有 {size // 1024 // 1024} MB，超过 {MAX_FILE // 1024 // 1024} MB，不是网站生成的作业文件")
    if suffix == ".docx":
        payload, body = _docx_payload(path)
        sub = submission_from(payload, path)
        sub.word = body
        return [sub], []
    if suffix == ".json":
        return _json_submissions(path), []
    if suffix == ".txt":
        return code.read_file(path)
    raise Unreadable(f"不支持的文件类型“{path.suffix or '无扩展名'}”：只读取网站生成的 .docx、.json 和粘贴提交码的 .txt")


def _docx_payload(path: Path) -> tuple[dict[str, Any], bytes | None]:
    """The JSON payload of the custom XML part the site writes into every .docx, and its document.xml."""
    try:
        with zipfile.ZipFile(path) as z:
            names = sorted((n for n in z.namelist() if n.startswith("customXml/item") and n.endswith(".xml")
                            and "itemProps" not in n), key=lambda n: (len(n), n))[:MAX_PARTS]
            if "word/document.xml" not in z.namelist():
                raise Unreadable("不是 Word 文档（压缩包里没有 word/document.xml）")
            budget = MAX_READ
            for name in names:
                # Sizes in the zip headers are the sender's claim: read with a limit instead.
                with z.open(name) as part:
                    data = part.read(min(MAX_PART, budget) + 1)
                budget -= len(data)
                if len(data) > MAX_PART or budget < 0:
                    break
                try:
                    root = ElementTree.fromstring(data)
                except ElementTree.ParseError:
                    continue
                if root.tag == ROOT_TAG:
                    with z.open("word/document.xml") as doc:
                        body = doc.read(MAX_PART + 1)
                    return _json(root.text or "", "Word 文件里的答案数据"), body if len(body) <= MAX_PART else None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, KeyError, RuntimeError, NotImplementedError,
            ValueError, zipfile.LargeZipFile) as exc:
        raise Unreadable(f"文件已损坏，无法作为 Word 文件打开（{type(exc).__name__}）；请学生重新下载后再交") from None
    raise Unreadable("不是本站“下载 Word”生成的文件（没有答案数据，可能是别的文档或用其他软件另存过）；"
                     "请学生在网站上重新下载 Word 后再交")


def _json(text: str, what: str) -> dict[str, Any]:
    """Parse JSON text that must be an object."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise Unreadable(f"{what}嵌套过深，不是网站生成的答案") from None
    except ValueError as exc:
        raise Unreadable(f"{what}已损坏（JSON 第 {getattr(exc, 'lineno', '?')} 行出错）") from None
    if not isinstance(data, dict):
        raise Unreadable(f"{what}格式不对（应为一个 JSON 对象）")
    return data


def shown_path(path: str) -> str:
    """A file name as text: names that are not UTF-8 (GBK from a Chinese Windows zip) decoded as GB18030."""
    raw = os.fsencode(path)
    for enc in ("utf-8", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")


def _json_submissions(path: Path) -> list[Submission]:
    """Submissions in a JSON backup (all worksheets of one student) or a single-submission JSON."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise Unreadable(f"无法读取文件（{type(exc).__name__}）") from None
    data = _json(text, "JSON 文件")
    if data.get("format") == "coursekit-submission":
        return [submission_from(data, path)]
    if data.get("format") != "coursekit-answers" or not isinstance(data.get("worksheets"), dict):
        raise Unreadable("不是本站导出的答案文件（缺少 format: coursekit-answers）")
    student = data.get("student")
    subs = []
    for ws_id, record in sorted(data["worksheets"].items()):
        if not isinstance(record, dict) or not record.get("answers"):
            continue
        subs.append(submission_from({"worksheet": ws_id, "version": record.get("version", ""), "student": student,
                                 "answers": record.get("answers"), "old": record.get("old") or [],
                                 "columns": record.get("columns"),
                                 "saved": record.get("updated") or data.get("exported") or ""}, path))
    if not subs:
        raise Unreadable("备份文件里没有任何答案")
    return subs


def find_files(folder: Path) -> list[Path]:
    """Every file under ``folder`` (recursively), in a stable order, hidden files left out."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not any(
        part.startswith(".") for part in p.relative_to(folder).parts))
