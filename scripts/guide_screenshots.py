"""Screenshots for the teacher guide's 布置与收作业 loop → docs/assets/images/guide/*.png.

Builds the student and the teacher edition into a temporary folder (the teacher edition with
STUDENT_SITE_URL pointing at the served student site, as a school would publish them), serves both on
127.0.0.1 and walks through the loop in Chromium: 作业布置 (teacher, ~1000 px), the homework page and a
worksheet in WeChat (phone, 390 px, WeChat's user agent), the 提交码 box, and 作业汇总 with hand-ins,
the missing list and a scored student (teacher). Each shot waits for its element; a shot whose element
is not on the page (a feature not built yet) is skipped with a message, and its old PNG is left alone.

PNGs are palette-quantized with Pillow to stay small (aim: < 80 KB each, < 600 KB together).

Run: .venv/bin/python scripts/guide_screenshots.py   (or `make guide-screenshots`)
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image
from playwright.sync_api import Browser, Locator, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from coursekit.chromium import ARGS, CHROMIUM
from coursekit.localserver import serve

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "assets" / "images" / "guide"
BIN = Path(sys.executable).parent
WAIT_MS = 15_000
MAX_BYTES = 80_000

WECHAT_UA = ("Mozilla/5.0 (Linux; Android 12; PGBM10 Build/SP1A.210812.016; wv) AppleWebKit/537.36 "
             "(KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5235 "
             "MMWEBSDK/20230805 MMWEBID/1234 MicroMessenger/8.0.42.2460(0x28002A35) WeChat/arm64 Weixin "
             "NetType/WIFI Language/zh_CN ABI/arm64")
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 760}, "is_mobile": True, "has_touch": True,
                         "device_scale_factor": 1, "user_agent": WECHAT_UA}
DESKTOP: dict[str, Any] = {"viewport": {"width": 1000, "height": 760}, "device_scale_factor": 1}

CLASS = "电商2301"
ASSIGN = ("swot-talent", "compliance-check")  # project 1, in the form's order; the SWOT sheet is filled in
# answers for the SWOT worksheet's boxes, in page order (S, W, O, T, then the four strategies and the conclusion)
ANSWERS = ["做过两年班级群管理员，会写活动文案", "数据分析经验少，不熟悉表格函数", "本地农产品商家都在建社群，岗位多",
           "同学中会做短视频的人多，竞争大", "用文案优势，先负责群公告和活动通知", "每周学一次表格函数，做一份数据周报",
           "报名学校的社群运营实训项目", "补上短视频剪辑，避免只会写文案", "适合：喜欢和人打交道，也愿意补数据短板"]
STUDENTS = [("张三", "011"), ("李四", "012")]
ROSTER = "班级\t学号\t姓名\n" + "".join(f"{CLASS}\t{n}\t{s}\n" for s, n in [*STUDENTS, ("王五", "013")])

written: list[Path] = []
skipped: list[str] = []


def build(config: str, out: Path, env: dict[str, str]) -> None:
    """``mkdocs build --strict`` of one edition; stop with its error output when it fails."""
    result = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-q", "-f", config, "-d", str(out)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"mkdocs build -f {config} 失败：\n{result.stderr}")


def save(name: str, png: bytes) -> None:
    """Write a palette-quantized PNG (fewer colours until it fits, down to 16)."""
    img = Image.open(io.BytesIO(png)).convert("RGB")
    for colors in (128, 64, 32, 16):
        buf = io.BytesIO()
        img.quantize(colors=colors, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
            buf, format="PNG", optimize=True)
        if buf.tell() <= MAX_BYTES:
            break
    path = OUT / f"{name}.png"
    path.write_bytes(buf.getvalue())
    written.append(path)
    print(f"  {path.relative_to(ROOT)}：{img.width}×{img.height}，{buf.tell() // 1024} KB，{colors} 色")


def clip_png(page: Page, target: Locator, max_height: int, below: bool = False,
             until: Locator | None = None) -> bytes:
    """PNG of ``target`` (cut to ``max_height`` px from its top, a little margin around it); ``below``:
    ``max_height`` px whatever follows the element; ``until``: down to the bottom of that element."""
    # the sticky header would otherwise be drawn over the element in a full-page capture
    page.add_style_tag(content=".md-header { position: static !important; } "
                               ".md-header, .md-tabs { box-shadow: none !important; }")
    target.wait_for(state="visible", timeout=WAIT_MS)
    box = target.bounding_box()
    end = until.bounding_box() if until is not None else None
    if box is None:
        raise AssertionError("the element is not visible")
    scroll = page.evaluate("() => [window.scrollX, window.scrollY]")
    x, y = box["x"] + scroll[0], box["y"] + scroll[1]
    width = page.viewport_size["width"] if page.viewport_size else 1000
    left = max(0.0, x - 8)
    height = box["height"] if end is None else end["y"] + end["height"] - box["y"]
    clip = {"x": left, "y": max(0.0, y - 8), "width": min(box["width"] + 16, width - left),
            "height": max_height if below else min(height + 16, max_height)}
    page_height = page.evaluate("() => document.documentElement.scrollHeight")
    clip["height"] = min(clip["height"], page_height - clip["y"])
    return page.screenshot(clip=clip, full_page=True)


def shot(page: Page, name: str, target: Locator, max_height: int = 900, below: bool = False) -> None:
    """Screenshot one element into ``name``.png."""
    save(name, clip_png(page, target, max_height, below))


def stack(parts: list[bytes]) -> bytes:
    """Several captures one under the other, with a dashed gap saying something was left out between them."""
    imgs = [Image.open(io.BytesIO(p)).convert("RGB") for p in parts]
    gap = 24
    out = Image.new("RGB", (max(i.width for i in imgs), sum(i.height for i in imgs) + gap * (len(imgs) - 1)),
                    "white")
    y = 0
    for n, img in enumerate(imgs):
        out.paste(img, (0, y))
        y += img.height
        if n < len(imgs) - 1:
            for x in range(0, out.width, 12):
                for dy in (gap // 2 - 1, gap // 2):
                    for dx in range(6):
                        if x + dx < out.width:
                            out.putpixel((x + dx, y + dy), (170, 170, 170))
            y += gap
    buf = io.BytesIO()
    out.save(buf, format="PNG")
    return buf.getvalue()


def step(name: str, what: str, run: Callable[[], None]) -> bool:
    """Run one shot; a missing element skips it with a message instead of stopping the script."""
    print(f"{name}：{what}")
    try:
        run()
        return True
    except (PlaywrightTimeout, AssertionError) as err:
        first = " ".join(str(err).strip().splitlines()[:3]) if str(err).strip() else type(err).__name__
        print(f"  跳过（页面上还没有这一步需要的元素：{first}）")
        skipped.append(name)
        return False


def first_present(page: Page, selectors: list[str], timeout: int = WAIT_MS) -> Locator:
    """The first of ``selectors`` that becomes visible (features may still be landing under other names)."""
    loc = page.locator(", ".join(selectors)).first
    loc.wait_for(state="visible", timeout=timeout)
    return loc


def run_loop(browser: Browser, student_url: str, teacher_url: str, tmp: Path) -> None:
    """The whole loop, one shot per step."""
    state: dict[str, Any] = {"homework": None, "chat": [], "tmp": tmp}
    teacher = browser.new_context(locale="zh-CN", accept_downloads=True, **DESKTOP)
    tpage = teacher.new_page()

    def assign() -> None:
        tpage.goto(f"{teacher_url}/assign/")
        form = tpage.locator("form.ck-assign")
        form.wait_for(timeout=WAIT_MS)
        project = form.locator("#ck-assign-project option").nth(1).get_attribute("value") or ""
        form.locator("#ck-assign-project").select_option(project)
        for ws_id in ASSIGN:
            form.locator(f'input[name="w"][value="{ws_id}"]').check()
        form.locator("#ck-assign-class").fill(CLASS)
        form.locator("#ck-assign-due").fill("2026-10-09")
        form.locator("#ck-assign-note").fill("周五课前填完，点“提交”，把提交码发到班级群。")
        form.locator('button[type="submit"]').click()
        form.locator(".ck-assign-out img.ck-assign-qr").wait_for(timeout=WAIT_MS)
        state["homework"] = form.locator(".ck-assign-link").input_value()
        tpage.evaluate("() => document.activeElement && document.activeElement.blur()")
        save("assign", clip_png(tpage, form, 1400, until=form.locator(".ck-assign-out")))

    if not step("assign", "作业布置：勾选工作单，生成链接和二维码", assign):
        return
    if not str(state["homework"]).startswith(student_url):
        print(f"  注意：作业链接 {state['homework']} 不在学生版 {student_url} 上")

    phone = browser.new_context(locale="zh-CN", accept_downloads=True, **PHONE)
    spage = phone.new_page()

    def homework() -> None:
        spage.goto(str(state["homework"]))
        spage.locator(".ck-homework .ck-worksheet.ck-enhanced").first.wait_for(timeout=WAIT_MS)
        notice = first_present(spage, [".ck-hw-wechat", ".ck-wechat", '[data-hw="wechat"]', ".ck-wechat-notice"],
                               timeout=3000)
        save("homework", clip_png(spage, spage.locator(".ck-hw-head"), 1000, until=notice))

    step("homework", "作业页（微信里）：说明和微信提示", homework)

    def filled() -> None:
        ws = spage.locator(".ck-homework .ck-worksheet.ck-enhanced").first
        ws.wait_for(timeout=WAIT_MS)
        fill_in(ws, *STUDENTS[0])
        shot(spage, "filled", ws.locator(".ck-student"), max_height=900, below=True)

    step("filled", "填好的工作单", filled)

    def code() -> None:
        ws = spage.locator(".ck-homework .ck-worksheet.ck-enhanced").first
        state["chat"] = [submit(spage, ws)]
        box = first_present(spage, [".ck-submit-box", ".ck-code-box", ".ck-submit", "[data-ck-code]"], timeout=3000)
        shot(spage, "code", box, max_height=700)

    step("code", "提交码", code)

    def word(name: str, number: str) -> None:
        """One student hands in a Word file, filled in on a computer."""
        ctx = browser.new_context(locale="zh-CN", accept_downloads=True, **DESKTOP)
        page = ctx.new_page()
        page.goto(str(state["homework"]))
        ws = page.locator(".ck-homework .ck-worksheet.ck-enhanced").first
        ws.wait_for(timeout=WAIT_MS)
        fill_in(ws, name, number)
        with page.expect_download(timeout=WAIT_MS) as dl:
            ws.get_by_role("button", name="下载 Word", exact=True).click()
        path = Path(state["tmp"]) / dl.value.suggested_filename
        dl.value.save_as(path)
        state["files"].append(path)
        ctx.close()

    state["files"] = []
    for name, number in STUDENTS[0 if not state["chat"] else 1:]:
        step(f"word {name}", f"{name} 交 Word 文件（不截图）", lambda n=name, m=number: word(n, m))

    def grade() -> None:
        if not state["chat"] and not state["files"]:
            raise AssertionError("no hand-ins from the student steps")
        tpage.goto(f"{teacher_url}/grade/")
        root = tpage.locator(".ck-grade[data-ck-ready]")
        root.wait_for(timeout=WAIT_MS)
        if state["files"]:
            tpage.locator("#ck-grade-files").set_input_files([str(f) for f in state["files"]])
        if state["chat"]:
            chat = "\n".join(f"{STUDENTS[0][0]} 10:2{i}\n{c}" for i, c in enumerate(state["chat"]))
            tpage.locator("#ck-grade-paste").fill(chat)
            tpage.get_by_role("button", name="读取提交码", exact=True).click()
        tpage.locator("#ck-grade-roster").fill(ROSTER)
        tpage.get_by_role("button", name="读取名单", exact=True).click()
        tpage.locator(".ck-grade-status").filter(has_text="名单").first.wait_for(timeout=WAIT_MS)
        pick = tpage.locator("#ck-grade-pick")
        if pick.locator(f'option[value="{ASSIGN[0]}"]').count():
            pick.select_option(ASSIGN[0])
        tpage.locator(".ck-grade-missing li").first.wait_for(timeout=WAIT_MS)
        tpage.locator(".ck-grade-student").filter(has_text=STUDENTS[0][0]).first.click()
        scores = tpage.locator("input.ck-grade-score")
        scores.first.wait_for(timeout=WAIT_MS)
        for i in range(scores.count()):
            # about 80 % of each criterion's full marks, read from its label "…得分（0–30）"
            top = scores.nth(i).evaluate("e => +((e.labels[0] || {}).textContent || '').replace(/.*–(\\d+).*/, '$1') || 5")
            scores.nth(i).fill(str(round(top * (0.8 if i % 2 else 0.7))))
        tpage.locator("textarea.ck-grade-comment").fill("优势和劣势写得具体，策略和结论对应得上；机会一栏可以再结合本地岗位。")
        tpage.locator("textarea.ck-grade-comment").blur()
        # draw the list again from the saved grades, so its mark shows the total whatever the live update does
        others = pick.locator("option").evaluate_all(f"os => os.map(o => o.value).filter(v => v && v !== '{ASSIGN[0]}')")
        if others:
            pick.select_option(others[0])
            pick.select_option(ASSIGN[0])
            tpage.locator(".ck-grade-student").filter(has_text=STUDENTS[0][0]).first.click()
            tpage.locator("input.ck-grade-score").first.wait_for(timeout=WAIT_MS)
        section = tpage.locator(".ck-grade section").filter(has=tpage.locator("#ck-grade-pick"))
        head = clip_png(tpage, section, 700, until=tpage.locator(".ck-grade-detail > *").first)
        form = tpage.locator(".ck-grade-form")
        first = clip_png(tpage, form.locator(".ck-grade-criterion").first, 400)
        ends = [tpage.locator(".ck-grade-total"), form.locator("p").filter(has=tpage.locator("textarea.ck-grade-comment"))]
        ends.sort(key=lambda loc: (loc.bounding_box() or {"y": 0.0})["y"])
        last = clip_png(tpage, ends[0], 400, until=ends[1])
        if os.environ.get("GUIDE_DEBUG"):
            tpage.screenshot(path=str(Path(state["tmp"]).parent / "grade-debug.png"), full_page=True)
        save("grade", stack([head, first, last]))

    step("grade", "作业汇总：放入提交码、班级名单、未交名单、评分", grade)
    phone.close()
    teacher.close()


def fill_in(ws: Locator, name: str, number: str) -> None:
    """Student bar and every text box of a worksheet, with plausible short answers."""
    # 班级 is fixed by the homework link where that has landed; typed in (as students did before) otherwise
    for label, value in (("姓名", name), ("班级", CLASS), ("学号", number)):
        box = ws.get_by_label(label, exact=True)
        if box.count() and box.first.is_editable():
            box.first.fill(value)
    boxes = ws.locator(".ck-field textarea, .ck-field input[type=text]")
    for i in range(boxes.count()):
        if boxes.nth(i).is_editable():
            boxes.nth(i).fill(ANSWERS[i % len(ANSWERS)])
    ws.locator(".ck-ws-status").filter(has_text="已自动保存").wait_for(timeout=WAIT_MS)


def submit(page: Page, ws: Locator) -> str:
    """Click 提交 and return the message with the 提交码 that the student would paste into the chat."""
    btn = ws.locator('button[data-act="submit"]')
    if not btn.count():
        btn = ws.get_by_role("button", name="提交", exact=True)
    btn.first.click(timeout=3000)
    page.wait_for_function("""() => Array.from(document.querySelectorAll('textarea, pre, output, p, div'))
        .some(e => /CK1\\.[A-Za-z0-9_-]+\\.[0-9a-f]{8}/.test(e.value || e.textContent || ''))""", timeout=WAIT_MS)
    text: str = page.evaluate("""() => { for (const e of document.querySelectorAll('textarea, pre, output')) {
        const v = e.value || e.textContent || ''; if (/CK1\\./.test(v)) return v; }
        const m = document.body.innerText.match(/CK1\\.[A-Za-z0-9_\\-\\s]+\\.[0-9a-f]{8}/); return m ? m[0] : ''; }""")
    if "CK1." not in text:
        raise AssertionError("no 提交码 on the page after 提交")
    return text


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory(prefix="guide-shots-") as tmp:
        student, teacher = Path(tmp) / "site", Path(tmp) / "site-teacher"
        print("构建学生版……")
        build("mkdocs.yml", student, env)
        with serve(student) as student_url:
            print("构建教师版（STUDENT_SITE_URL 指向学生版）……")
            build("mkdocs.teacher.yml", teacher, {**env, "STUDENT_SITE_URL": f"{student_url}/"})
            with serve(teacher) as teacher_url, sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                try:
                    run_loop(browser, student_url, teacher_url, Path(tmp))
                finally:
                    browser.close()
    total = sum(p.stat().st_size for p in OUT.glob("*.png"))
    print(f"写入 {len(written)} 张，跳过 {len(skipped)} 张（{'、'.join(skipped) or '无'}）；"
          f"{OUT.relative_to(ROOT)} 共 {total // 1024} KB。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
