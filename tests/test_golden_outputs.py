"""Golden files for what the outputs compute before a third-party library draws them.

- ``tests/golden/print/<course>/<lang>/``: the HTML each handout PDF, the 授课计划 PDF and the print
  edition are made from, exactly as handed to WeasyPrint (captured at ``weasyprint.HTML``).
- ``tests/golden/slides/<course>/<lang>/``: each deck's slide specs as JSON lines, exactly as handed to the
  PPTX writer (python-pptx never runs; diagrams are not drawn).

They go through the public entry points (``build_handouts``, ``build_book``, ``build_slides``) so a
refactor behind them is checked against the output of before. After an intended change, regenerate with
``pytest tests/test_golden_outputs.py --update-golden`` and review the diff (tests/golden/README.md).
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

import coursekit.slides.build as slides_build
from coursekit.handouts.build import build_book, build_handouts
from coursekit.handouts.jobs import Selection

from conftest import FIXTURE, ROOT

GOLDEN = ROOT / "tests" / "golden"
COURSES = {"course": ROOT, "fixture": FIXTURE}
LANGS = ("zh-Hans", "zh-Hant")


class _Html:
    """Stands in for ``weasyprint.HTML``: the "PDF" it writes is the HTML it was given."""

    def __init__(self, string: str, **_: Any) -> None:
        self.string = string

    def render(self, **_: Any) -> _Html:
        return self

    pages: list[Any] = []

    def write_pdf(self, dest: Any) -> None:
        Path(dest).write_text(self.string, encoding="utf-8")


class _Writer:
    """Stands in for the PPTX writer: the "deck" it saves is the slide specs as JSON."""

    def __init__(self, lang: str = "zh-Hans", footer: str = "") -> None:
        self.lines = [json.dumps({"lang": lang, "footer": footer}, ensure_ascii=False)]

    def add(self, spec: Any, image: Path | None = None) -> None:
        self.lines.append(json.dumps(dataclasses.asdict(spec), ensure_ascii=False))

    def save(self, path: Path) -> None:
        """JSON lines: the deck's settings, then one slide per line (a diff names the slide)."""
        Path(path).write_text("\n".join(self.lines) + "\n", encoding="utf-8")


def normalise(text: str, root: Path) -> str:
    """Volatile parts out: absolute paths of the checkout and temporary folders."""
    text = text.replace(str(root.resolve()), "<root>").replace(str(ROOT), "<repo>")
    return re.sub(r"/tmp/[^\s\"'<>)]*", "<tmp>", text)


def outputs(out: Path, root: Path) -> dict[str, str]:
    """Every file under ``out`` (relative path → normalised text); ``.pdf`` named ``.html``, ``.pptx`` ``.jsonl``."""
    found = {}
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        rel = path.relative_to(out).as_posix()
        rel = re.sub(r"\.pdf$", ".html", re.sub(r"\.pptx$", ".jsonl", rel))
        found[rel] = normalise(path.read_text(encoding="utf-8"), root)
    return found


def compare(found: dict[str, str], golden: Path, update: bool) -> None:
    """Check ``found`` against the golden folder, or rewrite that folder with ``update``."""
    if update:
        shutil.rmtree(golden, ignore_errors=True)
        for rel, text in found.items():
            (golden / rel).parent.mkdir(parents=True, exist_ok=True)
            (golden / rel).write_text(text, encoding="utf-8")
        return
    assert golden.is_dir(), f"{golden} missing: run pytest {__file__} --update-golden"
    expected = {p.relative_to(golden).as_posix(): p.read_text(encoding="utf-8")
                for p in sorted(golden.rglob("*")) if p.is_file()}
    assert sorted(found) == sorted(expected), "files differ from the golden folder " + str(golden)
    changed = [rel for rel in found if found[rel] != expected[rel]]
    if changed:
        first = changed[0]
        diff = "".join(list(difflib.unified_diff(expected[first].splitlines(True), found[first].splitlines(True),
                                                 f"golden/{first}", f"now/{first}"))[:60])
        pytest.fail(f"{len(changed)} golden file(s) differ in {golden.relative_to(ROOT)}: {changed[:10]}\n{diff}\n"
                    "intended? run with --update-golden and review the diff")


@pytest.fixture
def no_weasyprint(monkeypatch: pytest.MonkeyPatch) -> None:
    import weasyprint
    monkeypatch.setattr(weasyprint, "HTML", _Html)


# The real course in 简体 only: the 繁體 conversion is the same code for every course, and the fixture
# covers it; 繁體 copies of the real course's print books would double the goldens (about 5 MB).
PRINT_CASES = [("course", "zh-Hans"), ("fixture", "zh-Hans"), ("fixture", "zh-Hant")]


@pytest.mark.usefixtures("no_weasyprint")
@pytest.mark.parametrize(("name", "lang"), PRINT_CASES)
def test_print_html(name: str, lang: str, tmp_path: Path, update_golden: bool) -> None:
    """Handouts (student and teacher), 授课计划 and both print editions, as HTML before WeasyPrint."""
    root, out = COURSES[name], tmp_path / "out"
    report = build_handouts(root, out / "handouts", Selection(formats=frozenset({"pdf"}), lang=lang),
                            cache=tmp_path / "cache", workers=1, progress=False)
    assert not report.failed, report.failed
    report = build_book(root, out / "print", ["student", "teacher"], cache=tmp_path / "cache", workers=1,
                        progress=False, lang=lang)
    assert not report.failed, report.failed
    compare(outputs(out, root), GOLDEN / "print" / name / lang, update_golden)


@pytest.mark.parametrize("lang", LANGS)
def test_slide_specs(lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
    """The real course's decks as slide specs (the fixture course has a project without a page: no deck)."""
    monkeypatch.setattr(slides_build, "Writer", _Writer)
    monkeypatch.setattr(slides_build, "render_all", lambda codes, *a, **k: {})
    written = slides_build.build_slides(ROOT, tmp_path, lang=lang, cache=tmp_path / "cache")
    assert written
    compare(outputs(tmp_path, ROOT), GOLDEN / "slides" / "course" / lang, update_golden)
