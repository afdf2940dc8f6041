"""作业汇总 (teacher edition) in Chromium: ten hand-ins of three kinds, a class list, grading, reload, export."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Browser, Page, expect

from worksheet_browser import axe_violations, fill_student, homework_url, new_context, worksheet

pytestmark = [pytest.mark.browser, pytest.mark.build]

WS = "swot-talent"
WORD = [("赵一", "01"), ("钱二", "02"), ("孙三", "03")]
JSON_SUBS = [("周五", "05"), ("吴六", "06"), ("郑七", "07")]
CODES = [("王八", "08"), ("冯九", "09"), ("陈十", "10")]
BACKUP = ("李四", "04")
MISSING = [("褚十一", "11"), ("卫十二", "12")]


def _submission(name: str, number: str, cls: str = "电商2301", **extra: object) -> dict:
    return {"format": "coursekit-submission", "formatVersion": 1, "worksheet": WS, "title": "x", "version": "",
            "student": {"name": name, "class": cls, "number": number},
            "answers": {"use": f"{name}的对策<script>alert(1)</script>", "swot": {"s": f"{name}的优势"}},
            "old": [], "saved": "2026-10-08T12:00:00.000Z", **extra}


def _word_handins(browser: Browser, base: str, dest: Path) -> list[Path]:
    """Three .docx made by the real 下载 Word, each a different student."""
    ctx = new_context(browser, "desktop")
    page = ctx.new_page()
    page.goto(homework_url(base, (WS,)))
    ws = worksheet(page, WS)
    out = []
    for name, number in WORD:
        fill_student(ws, name, "电商2301", number)
        ws.get_by_label("U——用（发挥优势，Use）").fill(f"{name}：发挥文案优势")
        with page.expect_download() as info:
            ws.get_by_role("button", name="下载 Word").click()
        path = dest / f"{number}-{info.value.suggested_filename}"
        info.value.save_as(path)
        out.append(path)
    ctx.close()
    return out


def _open_grade(page: Page, base: str) -> None:
    page.goto(f"{base}/grade/")
    expect(page.locator("[data-ck-grade][data-ck-ready]")).to_be_attached()


def test_collect_grade_reload_export(browser: Browser, served_site: str, served_teacher_site: str, teacher_site: Path,
                                    tmp_path: Path) -> None:
    base = served_teacher_site
    files = _word_handins(browser, served_site, tmp_path)  # students fill in the student edition
    for i, (name, number) in enumerate(JSON_SUBS):
        extra = {"assignment": {"class": "电商2301", "due": "2026-10-09"}} if i == 0 else {}
        cls = "别的班" if i == 0 else "电商 2301"  # the homework link's class wins; spaces do not matter
        p = tmp_path / f"{number}.json"
        p.write_text(json.dumps(_submission(name, number, cls, **extra), ensure_ascii=False), encoding="utf-8")
        files.append(p)
    backup = {"format": "coursekit-answers", "formatVersion": 1, "exported": "2026-10-08T10:00:00.000Z",
              "student": {"name": BACKUP[0], "class": "电商2301", "number": "004"},  # 004 = 04
              "worksheets": {WS: {"answers": {"use": "李四的备份答案"}, "updated": "2026-10-08T09:00:00.000Z"}}}
    (tmp_path / "backup.json").write_text(json.dumps(backup, ensure_ascii=False), encoding="utf-8")
    files.append(tmp_path / "backup.json")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "other.json").write_text('{"hello": 1}', encoding="utf-8")
    files += [tmp_path / "broken.docx", tmp_path / "other.json"]

    ctx = new_context(browser, "desktop")
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: d.accept())
    _open_grade(page, base)
    page.set_input_files("#ck-grade-files", [str(f) for f in files])
    expect(page.locator(".ck-grade-status").first).to_contain_text("读取了 7 份作业")

    codes = page.evaluate("""subs => CK.code.ready().then(() => subs.map(s => CK.code.encode(s)))""",
                          [_submission(n, num) for n, num in CODES])
    bad = codes[0][:20] + ("A" if codes[0][20] != "A" else "B") + codes[0][21:]
    chat = "\n".join(f"【作业提交】表 1-2｜电商2301 {num} {n}\n提交码：{c}\n" for (n, num), c in zip(CODES, codes))
    page.get_by_label("或粘贴含提交码的聊天记录（可一次粘贴多条）").fill(chat + "\n改过的：" + bad)
    page.get_by_role("button", name="读取提交码").click()
    expect(page.locator(".ck-grade-status").first).to_contain_text("读取了 3 份作业")

    problems = page.locator(".ck-grade-problems")
    expect(problems).to_contain_text("broken.docx")
    expect(problems).to_contain_text("Word 文件已损坏")
    expect(problems).to_contain_text("other.json")
    expect(problems).to_contain_text("不是本站导出的答案文件")
    expect(problems).to_contain_text("提交码不完整或被改动过")

    roster = "学号\t姓名\n" + "\n".join(f"{num}\t{n}" for n, num in WORD + [BACKUP] + JSON_SUBS + CODES + MISSING)
    page.get_by_label("从 Excel 复制姓名和学号两列（可带表头和班级列）粘贴到这里").fill(roster)
    page.get_by_label("名单所属班级（名单里没有班级列时填写）").fill("电商2301")
    page.get_by_role("button", name="读取名单").click()
    page.get_by_label("工作单", exact=True).select_option(WS)
    expect(page.locator(".ck-grade-list > li")).to_have_count(10)
    expect(page.locator(".ck-grade-missing > li")).to_have_text(["电商2301 11 褚十一", "电商2301 12 卫十二"])
    expect(page.locator(".ck-grade-list")).to_contain_text("电商2301 05 周五")  # assignment.class won

    page.get_by_role("button", name="电商2301 05 周五").click()
    detail = page.locator(".ck-grade-detail")
    expect(detail).to_contain_text("周五的对策<script>alert(1)</script>")  # shown as text
    expect(detail.locator(".ck-grade-reference")).not_to_be_empty()
    expect(detail.get_by_text("四个象限各有 3 条以上")).to_be_visible()
    detail.get_by_label("分析完整具体 得分（0–30）").fill("25")
    bad_score = detail.get_by_label("内外因素区分正确 得分（0–20）")
    bad_score.fill("99")
    expect(bad_score).to_have_attribute("aria-invalid", "true")
    expect(detail).to_contain_text("请输入 0 到 20 的整数，未保存")
    detail.get_by_label("评语").fill("对策具体<b>好</b>")
    expect(detail.locator(".ck-grade-total")).to_have_text("总分：25 / 100")
    expect(page.get_by_role("button", name="电商2301 05 周五")).to_contain_text("25 / 100 分")  # list mark, live

    page.get_by_role("button", name="电商2301 01 赵一").click()
    expect(detail).to_contain_text("赵一：发挥文案优势")
    detail.get_by_label("结论明确 得分（0–10）").fill("8")

    page.reload()
    expect(page.locator("[data-ck-grade][data-ck-ready]")).to_be_attached()
    page.get_by_label("工作单", exact=True).select_option(WS)
    expect(page.locator(".ck-grade-missing > li")).to_have_count(2)
    page.get_by_role("button", name="电商2301 05 周五").click()
    expect(detail.get_by_label("分析完整具体 得分（0–30）")).to_have_value("25")
    expect(detail.get_by_label("内外因素区分正确 得分（0–20）")).to_have_value("")
    expect(detail.get_by_label("评语")).to_have_value("对策具体<b>好</b>")
    expect(page.locator(".ck-grade-problems li")).to_have_count(3)
    assert not errors

    stored = page.evaluate("JSON.parse(localStorage.getItem('ck:grade:v1'))")
    assert stored["format"] == "coursekit-grading" and len(stored["submissions"]) == 10
    assert {tuple(g["scores"].items()) for g in stored["grades"].values()} >= {(("0", 25),), (("4", 8),)}

    with page.expect_download() as info:
        page.get_by_role("button", name="导出 Excel").click()
    xlsx = tmp_path / "gradebook.xlsx"
    info.value.save_as(xlsx)
    ctx.close()
    book = openpyxl.load_workbook(xlsx)
    sheet = next(book[n] for n in book.sheetnames if n.startswith("表 1-2"))
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    text = "\n".join(str(v) for r in rows for v in r if v is not None)
    for name, _ in WORD + [BACKUP] + JSON_SUBS + CODES:
        assert name in text
    assert "周五的对策<script>alert(1)</script>" in text and "赵一：发挥文案优势" in text and "李四的备份答案" in text
    zhou = next(r for r in rows if "周五" in r)
    assert 25 in zhou and "对策具体<b>好</b>" in zhou


def test_duplicates_records_clear_and_storage_full(browser: Browser, served_teacher_site: str, tmp_path: Path) -> None:
    """The later hand-in counts (real instants; unknown times lose); records export, merge by `at`, clear."""
    early = _submission("吴六", "06", saved="2026-10-08T20:00:00+08:00", answers={"use": "较早的答案"})  # 12:00Z
    late = _submission("吴六", "6", saved="2026-10-08T13:00:00Z", answers={"use": "较晚的答案"})
    unknown = _submission("吴六", "006", saved="不是时间", answers={"use": "时间未知的答案"})
    for n, sub in (("a-late", late), ("b-early", early), ("c-unknown", unknown)):
        (tmp_path / f"{n}.json").write_text(json.dumps(sub, ensure_ascii=False), encoding="utf-8")
    ctx = new_context(browser, "desktop")
    page = ctx.new_page()
    page.on("dialog", lambda d: d.accept())
    _open_grade(page, served_teacher_site)
    page.set_input_files("#ck-grade-files", [str(tmp_path / f"{n}.json") for n in ("b-early", "a-late", "c-unknown")])
    page.get_by_label("工作单", exact=True).select_option(WS)
    expect(page.locator(".ck-grade-list > li")).to_have_count(1)
    page.get_by_role("button", name="电商2301 6 吴六").click()
    detail = page.locator(".ck-grade-detail")
    expect(detail).to_contain_text("较晚的答案")  # 13:00Z is later than 20:00+08:00 although the digits say less
    score = detail.get_by_label("分析完整具体 得分（0–30）")
    score.fill("10")
    score.press("Tab")
    expect(detail.get_by_label("内外因素区分正确 得分（0–20）")).to_be_focused()  # keyboard order
    violations = axe_violations(page, ".ck-grade")
    assert not violations, [v["id"] for v in violations]

    with page.expect_download() as info:
        page.get_by_role("button", name="导出评分记录").click()
    record = tmp_path / "record.json"
    info.value.save_as(record)
    data = json.loads(record.read_text(encoding="utf-8"))
    assert data["format"] == "coursekit-grading" and len(data["submissions"]) == 1
    (key, grade), = data["grades"].items()
    assert grade["scores"] == {"0": 10}

    page.get_by_role("button", name="清空全部").click()
    expect(page.locator(".ck-grade-list > li")).to_have_count(0)
    page.set_input_files("#ck-grade-import", str(record))
    expect(page.locator(".ck-grade-list > li")).to_have_count(1)
    page.get_by_role("button", name="电商2301 6 吴六").click()
    expect(score).to_have_value("10")
    score.fill("12")  # now newer than the file's grade: importing the file again keeps 12
    page.set_input_files("#ck-grade-import", str(record))
    page.get_by_role("button", name="电商2301 6 吴六").click()
    expect(score).to_have_value("12")
    data["grades"][key] = {"scores": {"0": 3}, "comment": "导入的评语", "at": grade["at"] + 10**9}
    record.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    page.set_input_files("#ck-grade-import", str(record))
    page.get_by_role("button", name="电商2301 6 吴六").click()
    expect(score).to_have_value("3")
    expect(detail.get_by_label("评语")).to_have_value("导入的评语")
    (tmp_path / "junk.json").write_text('{"format": "coursekit-answers"}', encoding="utf-8")
    page.set_input_files("#ck-grade-import", str(tmp_path / "junk.json"))
    expect(page.locator(".ck-grade-status").first).to_contain_text("不是本页导出的评分记录")

    page.evaluate("() => { Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }; }")
    detail.get_by_label("评语").fill("存不下")
    expect(page.locator(".ck-grade .ck-storage-warning")).to_contain_text("浏览器存储已满")
    ctx.close()


def test_word_files_are_checked_before_inflating(browser: Browser, served_teacher_site: str, tmp_path: Path) -> None:
    """A zip with too many entries, a part over 20 MB and a plain Word file are refused with their reasons."""
    import zipfile

    with zipfile.ZipFile(tmp_path / "many.docx", "w") as z:
        for i in range(401):
            z.writestr(f"word/p{i}.xml", "x")
    with zipfile.ZipFile(tmp_path / "huge.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("customXml/item1.xml", b"\0" * (21 * 1024 * 1024))  # inflates to 21 MB: never inflated
    with zipfile.ZipFile(tmp_path / "plain.docx", "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    (tmp_path / "notes.txt").write_text("没有提交码的文字", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    good = tmp_path / "good.json"
    good.write_text(json.dumps(_submission("蒋十三", "13"), ensure_ascii=False), encoding="utf-8")
    ctx = new_context(browser, "desktop")
    page = ctx.new_page()
    _open_grade(page, served_teacher_site)
    names = ("many.docx", "huge.docx", "plain.docx", "notes.txt", "photo.png", "good.json")
    page.set_input_files("#ck-grade-files", [str(tmp_path / n) for n in names])
    expect(page.locator(".ck-grade-status").first).to_contain_text("读取了 1 份作业")
    problems = page.locator(".ck-grade-problems li")
    expect(problems).to_have_count(5)
    for name, reason in (("many.docx", "条目过多"), ("huge.docx", "超过 20 MB"), ("plain.docx", "没有本站的答案数据"),
                         ("notes.txt", "没有找到提交码"), ("photo.png", "不支持的文件类型")):
        expect(problems.filter(has_text=name)).to_contain_text(reason)
    expect(page.locator(".ck-grade-list")).to_contain_text("蒋十三")
    ctx.close()
