"""A corpus of malformed hand-ins, each beside valid ones, for the collector's robustness tests."""

from __future__ import annotations

import json
import os
import struct
import zipfile
from pathlib import Path

GBK_NAME = os.fsdecode("张三-gbk".encode("gbk") + b".json")  # a name from a Chinese Windows zip
ROOT_OPEN = '<ck:submission xmlns:ck="urn:coursekit:submission:1">'


def submission(**over: object) -> dict:
    data: dict = {"format": "coursekit-submission", "formatVersion": 1, "worksheet": "all-fields", "version": "x",
                  "student": {"name": "张三", "class": "一班", "number": "1"}, "answers": {"name": "小嘉农场"},
                  "old": [], "saved": "2025-03-01T02:00:00.000Z"}
    data.update(over)
    return data


def student(number: str, name: str, cls: str = "一班") -> dict:
    return {"name": name, "class": cls, "number": number}


def _json(folder: Path, name: str, data: object) -> None:
    (folder / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _docx_parts(path: Path, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document xmlns:w='x'/>")
        for name, data in parts.items():
            z.writestr(name, data)


def zip_bomb(path: Path, size: int = 300 * 1024 * 1024, claim: int | None = 1000) -> None:
    """A .docx whose custom XML part inflates to ``size`` bytes; its headers claim ``claim`` bytes."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("word/document.xml", "<w:document xmlns:w='x'/>")
        with z.open("customXml/item1.xml", "w", force_zip64=True) as f:
            f.write(ROOT_OPEN.encode())
            chunk = b" " * (1024 * 1024)
            for _ in range(size // len(chunk)):
                f.write(chunk)
    if claim is None:
        return
    raw = bytearray(path.read_bytes())
    name = b"customXml/item1.xml"
    at = raw.find(b"PK\x01\x02" + b"\x00" * 0)  # central directory entries
    while at != -1:
        n = struct.unpack_from("<H", raw, at + 28)[0]
        if raw[at + 46:at + 46 + n] == name:
            struct.pack_into("<I", raw, at + 24, claim)
        at = raw.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(raw))


def make_corpus(folder: Path) -> dict[str, str]:
    """Valid hand-ins of students 1, 2, 3 and ² plus malformed files; returns bad file → expected reason."""
    folder.mkdir(parents=True, exist_ok=True)
    _json(folder, "ok-1.json", submission())
    _json(folder, "ok-2.json", submission(student=student("2", "李四")))
    # Odd but valid: control characters in class and name, a lone surrogate, ² as the number.
    ctl = submission(student=student("3", "王\x01五\x1f", cls="一班"), answers={"name": "有\x00控制符\x0b"})
    _json(folder, "ok-3-control.json", ctl)
    (folder / "ok-4-surrogate.json").write_text(
        json.dumps(submission(student=student("4", "赵六"), answers={"name": "X"}), ensure_ascii=False)
        .replace('"X"', '"\\ud800 孤立代理项"').replace('"赵六"', '"赵\\udfff六"'), encoding="utf-8")
    _json(folder, "ok-5-sup.json", submission(student=student("12²", "钱七")))
    _json(folder, "ok-6-future.json", submission(student=student("6", "孙八"), saved="9999-12-31T23:59:59+14:00"))
    _json(folder, "ok-7-garbage-time.json", submission(student=student("7", "周九"), saved="去年某天"))
    _json(folder, "ok-8-min-time.json", submission(student=student("8", "吴十"), saved="0001-01-01T00:00:00-12:00"))
    _json(folder, "ok-9-big-table.json", submission(student=student("9", "郑十一"),
                                                    answers={"plan": [["步骤", "人"]] * 100_000}))
    _json(folder, GBK_NAME, submission(student=student("10", "冯十二")))
    wrong = submission(student={"name": ["x"], "class": {"a": 1}, "number": "11"}, version={}, old="不是列表",
                       saved=12345, answers={"name": 5, "idea": ["x"], "swot": "str", "plan": {"a": 1}, "roles": 7,
                                             "checks": {"x": 1}, "score": ["a", {"b": None}], None: 1})
    _json(folder, "ok-11-wrong-types.json", wrong)
    deep = submission(student=student("12", "陈十三"))
    bad = {
        "deep.json": "嵌套过深",
        "deep-40.json": "嵌套超过",
        "answers-list.json": "格式不对",
        "huge.json": "超过 50 MB",
        "bomb.docx": "已损坏",
        "bomb-true-size.docx": "不是本站“下载 Word”生成的文件",
        "many-parts.docx": "不是本站“下载 Word”生成的文件",
        "huge.docx": "超过 50 MB",
    }
    text = json.dumps(deep, ensure_ascii=False)
    (folder / "deep.json").write_text(text.replace('"小嘉农场"', "[" * 200_000 + "]" * 200_000), encoding="utf-8")
    (folder / "deep-40.json").write_text(text.replace('"小嘉农场"', "[" * 60 + "]" * 60), encoding="utf-8")
    _json(folder, "answers-list.json", submission(answers=["a"]))
    with (folder / "huge.json").open("wb") as f:
        f.truncate(60 * 1024 * 1024)
    with (folder / "huge.docx").open("wb") as f:
        f.truncate(60 * 1024 * 1024)
    zip_bomb(folder / "bomb.docx")
    zip_bomb(folder / "bomb-true-size.docx", size=100 * 1024 * 1024, claim=None)
    filler = ROOT_OPEN.replace("ck:submission", "x") .encode() + b" " * 5_000_000
    parts = {f"customXml/item{i}.xml": filler for i in range(1, 301)}
    _docx_parts(folder / "many-parts.docx", parts)
    return bad
