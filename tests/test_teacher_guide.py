"""The teacher guide's 布置与收作业 loop: its screenshots exist, are small PNGs, show on the built pages, and the
loop itself asks for no command line before the closing note for IT staff."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "teacher-guide.md"
LOOP = "## 布置与收作业 { #homework }"
IT_NOTE = "### 给信息技术人员的说明 { #homework-it }"
MAX_BYTES, MAX_TOTAL = 80_000, 600_000
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
# what a teacher would have to type: shell commands, code, the tool's name
COMMANDISH = re.compile(r"`|coursekit|\bpip\b|\bpython|\bbash\b|\bcd\s|\$\s|终端|命令行|命令")


def guide_images() -> list[tuple[str, str]]:
    """(alt text, path relative to docs/) of every image in the guide."""
    return IMAGE.findall(GUIDE.read_text(encoding="utf-8"))


def loop_section() -> tuple[str, str]:
    """The loop section split at its IT note: (text before the note, the note to the next ## heading)."""
    text = GUIDE.read_text(encoding="utf-8")
    assert LOOP in text and IT_NOTE in text, "教师指南缺少布置与收作业一节或给信息技术人员的说明"
    start, note = text.index(LOOP), text.index(IT_NOTE)
    nxt = text.find("\n## ", note)
    return text[start:note], text[note:nxt if nxt >= 0 else len(text)]


def test_guide_images_exist_are_small_pngs_with_chinese_alt() -> None:
    images = guide_images()
    assert images, "教师指南没有引用任何截图"
    total = 0
    for alt, src in images:
        assert src.startswith("assets/images/guide/") and src.endswith(".png"), src
        path = ROOT / "docs" / src
        assert path.is_file(), f"{src} 不存在：运行 make guide-screenshots"
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{src} 不是 PNG"
        with Image.open(path) as img:
            img.verify()
        assert len(data) < MAX_BYTES, f"{src}：{len(data)} 字节，超过 {MAX_BYTES}"
        total += len(data)
        assert re.search(r"[\u4e00-\u9fff]{4,}", alt), f"{src} 的替代文本应是说明这一步的中文：{alt!r}"
    assert total < MAX_TOTAL, f"截图共 {total} 字节，超过 {MAX_TOTAL}"
    assert len({src for _, src in images}) == len(images), "同一张截图引用了两次"


def test_every_screenshot_in_the_folder_is_used() -> None:
    used = {src.rsplit("/", 1)[-1] for _, src in guide_images()}
    on_disk = {p.name for p in (ROOT / "docs" / "assets" / "images" / "guide").glob("*.png")}
    assert on_disk <= used, f"没有被教师指南引用的截图：{sorted(on_disk - used)}"


def test_loop_needs_no_command_line_before_the_it_note() -> None:
    loop, note = loop_section()
    for n, line in enumerate(loop.splitlines(), 1):
        assert not COMMANDISH.search(line), f"布置与收作业第 {n} 行提到命令或代码：{line}"
    steps = ["{ #homework-assign }", "{ #homework-fill }", "{ #homework-submit }", "{ #homework-grade }",
             "{ #homework-problems }"]
    positions = [loop.find(s) for s in steps]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), "循环的步骤缺失或顺序不对"
    assert "coursekit collect" in note and "```" in note, "给信息技术人员的说明应给出合并成绩表的命令"
    assert "\n### " not in note[len(IT_NOTE):], "给信息技术人员的说明必须是本节最后一段"


@pytest.mark.build
def test_both_editions_build_the_guide_with_its_screenshots(student_site: Path, teacher_site: Path) -> None:
    for site in (student_site, teacher_site):
        html = (site / "teacher-guide" / "index.html").read_text(encoding="utf-8")
        for alt, src in guide_images():
            name = src.rsplit("/", 1)[-1]
            assert re.search(rf'<img[^>]+src="[^"]*assets/images/guide/{re.escape(name)}"', html), (site, src)
            assert f'alt="{alt}"' in html, (site, alt)
            assert (site / src).read_bytes() == (ROOT / "docs" / src).read_bytes()


@pytest.mark.build
@pytest.mark.browser
def test_teacher_page_shows_the_screenshots(page: Page, served_teacher_site: str) -> None:
    page.goto(f"{served_teacher_site}/teacher-guide/#homework")
    shots = page.locator('img[src*="assets/images/guide/"]')
    assert shots.count() == len(guide_images())
    for i in range(shots.count()):
        img = shots.nth(i)
        img.scroll_into_view_if_needed()
        size = img.evaluate("async i => { await i.decode(); return [i.naturalWidth, i.clientWidth]; }")
        assert size[0] > 0 and size[1] > 0, img.get_attribute("src")
        assert size[1] <= 1000, "截图不应比正文栏更宽"
