"""提交码 made by the real ck-code.js in Chromium, read back by collect/code.py; identity rules."""

from __future__ import annotations

import base64
import json
import zlib
from pathlib import Path

import pytest
from playwright.sync_api import Page

from conftest import ROOT  # tests/conftest.py
from coursekit.collect import code, identity
from coursekit.collect.read import Unreadable, read_file, read_with_notes

JS = ROOT / "docs" / "assets" / "javascripts"
FFLATE = ROOT / "docs" / "assets" / "vendor" / "fflate" / "fflate.min.js"
LONG = ("长答案：社群运营😀 emoji 与 English\n" * 4000)


def _sub(**answers: object) -> dict:
    return {"format": "coursekit-submission", "formatVersion": 1, "worksheet": "swot-talent",
            "title": "表 1-2 社群运营人才 SWOT 分析表", "version": "957b239bb5",
            "student": {"name": "张三", "class": "电商2301", "number": "011"},
            "assignment": {"class": "电商2301", "due": "2026-10-09"}, "answers": answers,
            "saved": "2026-10-08T12:00:00.000Z"}


SUBS = [_sub(use="会写文案\n会剪视频😀", swot={"s": "优势 𠀀 ﹏", "t": ""}),
        _sub(use=LONG, table=[["a", "表格"], ["", "😀"]], checks=["有群规"], rating={"x": 4}),
        _sub(), _sub(use="=SUM(A1:A9)\t\u00a0全角　空格")]


@pytest.fixture
def js_page(page: Page) -> Page:
    page.set_content("<!doctype html><html><body></body></html>")
    page.add_script_tag(content="window.CK = {load: function () { return Promise.resolve(); }};")
    page.add_script_tag(path=str(FFLATE))
    page.add_script_tag(path=str(JS / "ck-code.js"))
    page.evaluate("CK.code.ready()")
    return page


def _encode(page: Page, sub: dict) -> str:
    return str(page.evaluate("s => CK.code.encode(s)", sub))


def _code(data: bytes, crc: int | None = None) -> str:
    """A code made here (for crafted ones the JS would never write)."""
    d = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = base64.urlsafe_b64encode(d.compress(data) + d.flush()).decode().rstrip("=")
    return f"CK1.{body}.{(zlib.crc32(data) if crc is None else crc) & 0xFFFFFFFF:08x}"


@pytest.mark.browser
def test_codes_from_the_real_js_decode_exactly(js_page: Page, tmp_path: Path) -> None:
    codes = [_encode(js_page, s) for s in SUBS]
    for c, s in zip(codes, SUBS, strict=True):
        assert code.decode(c) == s
    # Chat apps wrap and indent: whitespace inside the body and before the checksum is ignored.
    wrapped = codes[0][:30] + "\n  " + codes[0][30:60] + " \r\n" + codes[0][60:-9] + ".\n" + codes[0][-8:]
    assert code.decode(wrapped) == SUBS[0]
    # A chat transcript with several codes, one of them cut short, saved in the encodings Windows uses.
    broken = codes[2][:-20] + codes[2][-9:]
    chat = (f"【作业提交】表 1-2｜电商2301 011 张三\n提交码：{codes[0]}\n请老师粘贴到作业汇总。\n"
            f"李四：提交码：{codes[1]}\n王五：{broken}\n{wrapped}\n")
    for enc in ("utf-8", "utf-8-sig", "utf-16", "gb18030"):
        path = tmp_path / f"chat-{enc}.txt"
        path.write_bytes(chat.encode(enc))
        subs, notes = read_with_notes(path)
        assert [s.answers for s in subs] == [SUBS[0]["answers"], SUBS[1]["answers"], SUBS[0]["answers"]]
        assert subs[1].student.number == "011" and subs[0].source == path
        assert len(notes) == 1 and "第 3 个提交码" in notes[0] and "不完整或被改动过" in notes[0]
    # The JS reads back what Python would accept, too (same CRC, same base64url).
    assert js_page.evaluate("c => CK.code.decode(c)", _code(json.dumps(SUBS[0]).encode())) == SUBS[0]


def test_bad_codes_each_have_a_reason(tmp_path: Path) -> None:
    good = json.dumps(_sub(use="好")).encode()
    cases = {
        _code(good, crc=zlib.crc32(good) ^ 1): "校验码不符",
        "CK1.!!!!.12345678": "不是提交码",
        "CK1.AAAA.12345678": "无法解压",
        _code(b"{" * 5000 + b"}" * 5000): "内容已损坏",
        _code(b'{"a":' * 100000 + b"1" + b"}" * 100000): "内容已损坏",
        _code(b"\xff\xfe not utf-8"): "内容已损坏",
        _code(b"[1, 2]"): "不是工作单答案",
        _code(json.dumps({"format": "other"}).encode()): "不是工作单答案",
        _code(b" " * (3 * 1024 * 1024)): "过大",
    }
    for c, reason in cases.items():
        with pytest.raises(Unreadable, match=reason):
            code.decode(c)
    # A payload that is a submission in name only is refused with the shape reason, not a traceback.
    path = tmp_path / "a.txt"
    path.write_text(_code(json.dumps({"format": "coursekit-submission", "student": 3}).encode()), encoding="utf-8")
    with pytest.raises(Unreadable, match="格式不对"):
        read_file(path)
    path.write_text("请按时交作业", encoding="utf-8")
    with pytest.raises(Unreadable, match="没有提交码"):
        read_file(path)


def test_a_zip_bomb_code_is_refused_without_inflating_it_all() -> None:
    bomb = _code(b"0" * (200 * 1024 * 1024))  # 200 MB of zeros, ~200 KB of code
    assert len(bomb) < 400_000
    with pytest.raises(Unreadable, match="过大"):
        code.decode(bomb)


@pytest.mark.browser
def test_identity_matches_ck_ident(js_page: Page) -> None:
    people = [("电商2301", "011", "张三"), ("电商 2301", "11", "张 三"), ("电商２３０１", "０１１", "张三"),
              ("DS2301", "a011", ""), ("ds2301", "A011", ""), ("电商2301", "", "李四"), ("电商2301", " ", "李 四"),
              ("电商2301", "000", ""), ("电商2301", "0", ""), ("Ｅ商\t2301", "S-01", "Ｌｉ")]
    for cls, number, name in people:
        js = js_page.evaluate("s => CK.ident.key(s)", {"class": cls, "number": number, "name": name})
        assert "\u0000".join(identity.key(cls, number, name)) == js
        assert identity.squash(cls) == js_page.evaluate("s => CK.ident.cls(s)", cls)
    assert identity.key("电商 2301", "011", "x") == identity.key("电商２３０１", "11", "y") == ("电商2301", "11")
    assert identity.key("电商2301", "", "李 四") == ("电商2301", "姓名:李四")
    assert identity.squash(None) == ""
