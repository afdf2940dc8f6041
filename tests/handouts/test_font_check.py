"""No PDF without its CJK fonts: a machine without fonts-noto-cjk gets a clear error, not boxes for glyphs.

The machine without the fonts is simulated with a fontconfig configuration that
knows only DejaVu (``FONTCONFIG_FILE``), which WeasyPrint and fc-list both read.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coursekit.handouts import fontcheck
from coursekit.handouts import jobs as jobs_mod
from coursekit.handouts.book import plan_book
from coursekit.handouts.jobs import Selection
from coursekit.registry import load
from coursekit.templatedir import of_course

from conftest import ENV, FIXTURE, run

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def dejavu_only(tmp: Path) -> dict[str, str]:
    """An environment whose fontconfig sees DejaVu and nothing else."""
    conf = tmp / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><dir>{DEJAVU}</dir><cachedir>{tmp / "fc-cache"}</cachedir></fontconfig>
""", encoding="utf-8")
    return {**ENV, "FONTCONFIG_FILE": str(conf)}


def pdfs(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.pdf")) if folder.exists() else []


@pytest.mark.skipif(not DEJAVU.is_dir(), reason="needs fonts-dejavu-core (the fallback this simulates)")
@pytest.mark.parametrize(("command", "lang", "faces"), [
    (["handouts"], "zh-Hans", ("Noto Sans CJK SC", "Noto Serif CJK SC")),
    (["handouts", "--format", "zip"], "zh-Hant", ("Noto Sans CJK TC", "Noto Serif CJK TC")),
    (["print", "--edition", "student"], "zh-Hans", ("Noto Sans CJK SC", "Noto Serif CJK SC")),
])
def test_without_the_fonts_no_pdf_is_drawn_or_served(tmp_path: Path, command: list[str], lang: str,
                                                     faces: tuple[str, ...]) -> None:
    cache = tmp_path / "cache"
    args = [*command, "--root", FIXTURE, "--cache", cache, "--lang", lang, "--quiet"]
    warm = run("coursekit", *args, "--out", tmp_path / "warm")  # fonts installed: the cache fills
    assert warm.returncode == 0, warm.stderr
    assert pdfs(cache) and (tmp_path / "warm").is_dir()  # a zip's PDFs are in the cache only
    cached = pdfs(cache)
    result = run("coursekit", *args, "--out", tmp_path / "out", env=dejavu_only(tmp_path))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "fonts-noto-cjk" in result.stderr and "make system-deps" in result.stderr
    assert all(f"{name} is not installed" in result.stderr for name in faces), result.stderr
    other = "SC" if lang == "zh-Hant" else "TC"
    assert f"CJK {other} is not installed" not in result.stderr  # only the faces this run needs
    assert not (tmp_path / "out").exists()  # nothing copied from the warm cache
    assert pdfs(cache) == cached  # nor drawn into it


@pytest.mark.skipif(not DEJAVU.is_dir(), reason="needs fonts-dejavu-core")
def test_office_files_alone_need_no_pdf_fonts(tmp_path: Path) -> None:
    result = run("coursekit", "handouts", "--root", FIXTURE, "--format", "xlsx", "--cache", tmp_path / "c",
                 "--out", tmp_path / "out", "--quiet", env=dejavu_only(tmp_path))
    assert result.returncode == 0, result.stderr
    assert list((tmp_path / "out").rglob("*.xlsx")) and not pdfs(tmp_path / "out")


def test_missing_face_stops_planning_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FONTCONFIG_FILE", dejavu_only(tmp_path)["FONTCONFIG_FILE"])
    reg = load(FIXTURE)
    with pytest.raises(fontcheck.FontsMissing, match="Noto Serif CJK SC is not installed"):
        jobs_mod.plan(reg, of_course(FIXTURE), Selection())
    with pytest.raises(fontcheck.FontsMissing, match="fonts-noto-cjk"):
        plan_book(reg, of_course(FIXTURE), ["student"], "zh-Hant")


def test_font_files_are_part_of_the_pdf_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reg = load(FIXTURE)
    before = {j.rel: j.key for j in jobs_mod.plan(reg, of_course(FIXTURE), Selection())}
    book = plan_book(reg, of_course(FIXTURE), ["student"])[0].key
    font = tmp_path / "NotoSansCJK-Regular.ttc"  # another file (an updated font) for the same faces
    font.write_bytes(b"font")
    monkeypatch.setattr(fontcheck, "_files", lambda family, config: (str(font),))
    after = {j.rel: j.key for j in jobs_mod.plan(reg, of_course(FIXTURE), Selection())}
    assert plan_book(reg, of_course(FIXTURE), ["student"])[0].key != book
    changed = {rel for rel in before if before[rel] != after[rel]}
    assert changed == {rel for rel in before if rel.endswith((".pdf", ".zip"))}  # Word and Excel files kept
    os.utime(font, ns=(1, 1))  # same path, other mtime: redrawn again
    again = {j.rel: j.key for j in jobs_mod.plan(reg, of_course(FIXTURE), Selection())}
    assert again["schedule.pdf"] != after["schedule.pdf"] and again["schedule.xlsx"] == after["schedule.xlsx"]
