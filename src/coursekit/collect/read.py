"""Read submitted files: .docx from 下载 Word, .json from 备份全部答案 (or a single submission).

Every failure becomes :class:`Unreadable` with a reason a teacher can act on; nothing here raises
anything else for bad input.
"""

from __future__ import annotations

import json
import logging
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from . import identity

log = logging.getLogger(__name__)

NAMESPACE = "urn:coursekit:submission:1"
ROOT_TAG = f"{{{NAMESPACE}}}submission"
MAX_PART = 20 * 1024 * 1024  # a custom XML part larger than this is not ours
SUFFIXES = (".docx", ".json", ".txt")


class Unreadable(Exception):
    """A file that holds no usable submission; ``str(exc)`` says why, in Chinese, for the teacher."""


@dataclass(frozen=True)
class Student:
    """Who handed a worksheet in."""

    name: str
    cls: str
    number: str

    @property
    def key(self) -> tuple[str, str]:
        """Identity within a class: the student number, else the name."""
        return identity.key(self.cls, self.number, self.name)


@dataclass
class Submission:
    """One student's answers to one worksheet, as found in one file."""

    worksheet: str
    version: str
    student: Student
    answers: dict[str, Any]
    old: list[dict[str, Any]] = field(default_factory=list)
    saved: str = ""      # ISO time the student saved or exported it
    source: Path = Path()


def read_file(path: Path) -> list[Submission]:
    """Every submission in one file; raises :class:`Unreadable` with the reason."""
    return read_with_notes(path)[0]


def read_with_notes(path: Path) -> tuple[list[Submission], list[str]]:
    """Every submission in one file and what was wrong with parts of it (bad codes among good ones)."""
    suffix = path.suffix.lower()
    if path.name.startswith("~$"):
        raise Unreadable("Word 打开文件时留下的临时文件，不是作业")
    if suffix == ".docx":
        return [submission_from(_docx_payload(path), path)], []
    if suffix == ".json":
        return _json_submissions(path), []
    if suffix == ".txt":
        from . import code  # code.py builds on this module

        return code.read_file(path)
    raise Unreadable(f"不支持的文件类型“{path.suffix or '无扩展名'}”：只读取网站生成的 .docx、.json 和粘贴提交码的 .txt")


def _docx_payload(path: Path) -> dict[str, Any]:
    """The JSON payload of the custom XML part the site writes into every .docx."""
    try:
        with zipfile.ZipFile(path) as z:
            names = [n for n in z.namelist() if n.startswith("customXml/item") and n.endswith(".xml")
                     and "itemProps" not in n]
            if "word/document.xml" not in z.namelist():
                raise Unreadable("不是 Word 文档（压缩包里没有 word/document.xml）")
            for name in names:
                if z.getinfo(name).file_size > MAX_PART:
                    continue
                try:
                    root = ElementTree.fromstring(z.read(name))
                except ElementTree.ParseError:
                    continue
                if root.tag == ROOT_TAG:
                    return _json(root.text or "", "Word 文件里的答案数据")
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, KeyError, RuntimeError, NotImplementedError) as exc:
        raise Unreadable(f"文件已损坏，无法作为 Word 文件打开（{type(exc).__name__}）；请学生重新下载后再交") from None
    raise Unreadable("不是本站“下载 Word”生成的文件（没有答案数据，可能是别的文档或用其他软件另存过）；"
                     "请学生在网站上重新下载 Word 后再交")


def _json(text: str, what: str) -> dict[str, Any]:
    """Parse JSON text that must be an object."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise Unreadable(f"{what}已损坏（JSON 第 {getattr(exc, 'lineno', '?')} 行出错）") from None
    if not isinstance(data, dict):
        raise Unreadable(f"{what}格式不对（应为一个 JSON 对象）")
    return data


def _json_submissions(path: Path) -> list[Submission]:
    """Submissions in a JSON backup (all worksheets of one student) or a single-submission JSON."""
    try:
        text = path.read_text(encoding="utf-8-sig")
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


def submission_from(data: dict[str, Any], path: Path) -> Submission:
    """Check a payload's shape and make a :class:`Submission`."""
    student, answers = data.get("student"), data.get("answers")
    if not isinstance(student, dict) or not isinstance(answers, dict) or not isinstance(data.get("worksheet"), str):
        raise Unreadable("答案数据格式不对（缺少 worksheet、student 或 answers）")
    old: list[Any] = data["old"] if isinstance(data.get("old"), list) else []
    text = {k: str(student.get(k) or "").strip() for k in ("name", "class", "number")}
    return Submission(worksheet=data["worksheet"], version=str(data.get("version") or ""),
                      student=Student(text["name"], text["class"], text["number"]),
                      answers=keyed_by_header(answers, data.get("columns")),
                      old=[o for o in old if isinstance(o, dict)], saved=str(data.get("saved") or ""), source=path)


def keyed_by_header(answers: dict[str, Any], heads: Any) -> dict[str, Any]:
    """Positional table rows turned into {column header: cell} with the header list stored beside them.

    Rows are matched to the worksheet's columns by header later, so a column removed in a newer version of
    the worksheet cannot shift cells under the wrong header. Rows without a usable header list stay as
    they are (columns.py maps them by position only when the width matches).
    """
    if not isinstance(heads, dict):
        return answers
    out = dict(answers)
    for fid, names in heads.items():
        rows = out.get(fid)
        if not isinstance(names, list) or not isinstance(rows, list):
            continue
        out[fid] = [dict(zip(map(str, names), row)) if isinstance(row, list) and len(row) == len(names) else row
                    for row in rows]
    return out


def find_files(folder: Path) -> list[Path]:
    """Every file under ``folder`` (recursively), in a stable order, hidden files left out."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not any(
        part.startswith(".") for part in p.relative_to(folder).parts))
