"""Helpers for driving fill-in worksheets in Chromium: viewports, filling, snapshots, downloads."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from coursekit.localserver import serve

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "tests" / "vendor" / "axe.min.js"
VIEWPORTS: dict[str, dict[str, Any]] = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True,
              "device_scale_factor": 2},
}
# Three worksheets that together use every field kind: matrix + textarea; text, textarea, blank-row table,
# checklist and rating; table with fixed row labels.
HOMEWORK = ("swot-talent", "lead-magnet-design", "persona-compare")
SNAPSHOT_JS = """id => Array.from(document.querySelectorAll(
  '.ck-worksheet[data-worksheet="' + id + '"] .ck-ctl')).map(e =>
  [e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || e.id,
   (e.type === 'checkbox' || e.type === 'radio') ? e.checked : e.value])"""


def new_context(browser: Browser, viewport: str) -> BrowserContext:
    """A fresh browser profile (empty storage) with a desktop or phone viewport."""
    return browser.new_context(accept_downloads=True, locale="zh-CN", **VIEWPORTS[viewport])


def worksheet(page: Page, ws_id: str) -> Locator:
    """The worksheet element, once the script has made it fillable."""
    loc = page.locator(f'.ck-worksheet[data-worksheet="{ws_id}"]')
    expect(loc).to_have_class(lambda_has("ck-enhanced"))
    return loc


def lambda_has(cls: str) -> Any:
    """A regex matching a class attribute that contains ``cls``."""
    import re
    return re.compile(rf"(^|\s){re.escape(cls)}(\s|$)")


def homework_url(base: str, ids: tuple[str, ...] = HOMEWORK) -> str:
    """The homework page assigning ``ids``."""
    return f"{base}/homework/?w={','.join(ids)}"


def snapshot(page: Page, ws_id: str) -> list[list[Any]]:
    """Every control of a worksheet as [accessible label, value or checked], in page order."""
    return page.evaluate(SNAPSHOT_JS, ws_id)


def fill_student(ws: Locator, name: str, cls: str, number: str) -> None:
    """Type name, class and student number into a worksheet's student bar."""
    ws.get_by_label("姓名", exact=True).fill(name)
    ws.get_by_label("班级", exact=True).fill(cls)
    ws.get_by_label("学号", exact=True).fill(number)


def fill_everything(ws: Locator, tag: str) -> None:
    """Fill every control of a worksheet: add a table row, type into every box, tick and rate."""
    for add in ws.locator('[data-act="row-add"]').all():
        add.click()
    boxes = ws.locator("textarea.ck-ctl, input.ck-ctl[type=text]")
    for i in range(boxes.count()):
        boxes.nth(i).fill(f"{tag} 第{i}格\n第二行 😀" if i % 3 == 0 else f"{tag}-{i}")
    checks = ws.locator("input.ck-ctl[type=checkbox]")
    for i in range(0, checks.count(), 2):
        checks.nth(i).check()
    for group in ws.locator('[role="radiogroup"]').all():
        radios = group.locator("input[type=radio]")
        radios.nth(radios.count() - 1).check()


def wait_saved(ws: Locator) -> None:
    """Wait for the autosave to have written."""
    expect(ws.locator(".ck-ws-status")).to_contain_text("已自动保存")


def download(page: Page, ws: Locator, button: str, dest: Path) -> Path:
    """Click a download button of a worksheet and save the file under its suggested name in ``dest``."""
    if button.startswith("备份"):
        ws.locator(".ck-more > summary").click()
    with page.expect_download() as info:
        ws.get_by_role("button", name=button).click()
    dl = info.value
    path = dest / dl.suggested_filename
    dl.save_as(path)
    return path


def axe_violations(page: Page, selector: str) -> list[dict[str, Any]]:
    """Serious or critical axe-core violations inside ``selector``."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async sel => (await axe.run(sel)).violations", selector)
    return [v for v in found if v["impact"] in ("serious", "critical")]


def assignment_url(base: str, ids: tuple[str, ...] = HOMEWORK, cls: str = "", due: str = "") -> str:
    """The homework page assigning ``ids`` to class ``cls`` with due date ``due`` (query ``c`` and ``d``)."""
    from urllib.parse import urlencode
    query = {"w": ",".join(ids)}
    if cls:
        query["c"] = cls
    if due:
        query["d"] = due
    return f"{base}/homework/?{urlencode(query, safe=',')}"


def submit_message(ws: Locator) -> str:
    """Click 提交 on a worksheet and return the message its dialog shows (the text the student copies)."""
    ws.get_by_role("button", name="提交", exact=True).click()
    box = ws.locator(".ck-submit-box textarea")
    expect(box).to_have_value(lambda_has_text("提交码：CK1."))
    return box.input_value()


def lambda_has_text(text: str) -> Any:
    """A regex matching a value that contains ``text``."""
    import re
    return re.compile(re.escape(text))


def stored(page: Page, ws_id: str) -> dict[str, Any]:
    """A worksheet's answers as this browser stored them."""
    return page.evaluate("id => (CK.store.load(id) || {}).answers || {}", ws_id)


@contextlib.contextmanager
def serve_scripts(root: Path, assets: Path, scripts: list[str], body: str = "") -> Iterator[str]:
    """A bare page at ``/index.html`` loading ``scripts`` (paths under ``assets``) and holding ``body``, on 127.0.0.1."""
    for s in scripts:
        (root / s).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(assets / s, root / s)
    tags = "".join(f'<script src="/{s}"></script>' for s in scripts)
    (root / "index.html").write_text(f'<!doctype html><meta charset="utf-8"><title>t</title>{tags}{body}',
                                     encoding="utf-8")
    with serve(root) as url:
        yield url


@contextlib.contextmanager
def error_free_page(browser: Browser, url: str) -> Iterator[Page]:
    """A desktop page at ``url``; fails the test if a script on it threw."""
    ctx = new_context(browser, "desktop")
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    yield page
    ctx.close()
    assert not errors
