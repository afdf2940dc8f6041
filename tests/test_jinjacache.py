"""Compiled templates kept between builds, and never used once their template has changed."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from coursekit import jinjacache, render

from conftest import ENV, build


@pytest.fixture
def temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temp folder of our own, and no cache or environment made before."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(jinjacache, "_caches", {})
    render.environment.cache_clear()
    yield tmp_path
    render.environment.cache_clear()


def _cached(temp: Path, kind: str) -> list[Path]:
    return sorted(temp.glob(f"_jinja2-cache-{os.getuid()}/coursekit-{kind}-*.cache"))


def test_a_changed_template_is_compiled_afresh(temp: Path) -> None:
    templates = temp / "templates"
    templates.mkdir()
    (templates / "note.html").write_text("<p>{{ text }}</p>\n", encoding="utf-8")
    assert str(render.render(templates, "note", text="社群")) == "<p>社群</p>"
    assert len(_cached(temp, "render")) == 1

    render.environment.cache_clear()  # the next build: a new environment, the compiled template read back
    assert str(render.render(templates, "note", text="社群")) == "<p>社群</p>"
    (templates / "note.html").write_text("<div>{{ text }}</div>\n", encoding="utf-8")
    render.environment.cache_clear()
    assert str(render.render(templates, "note", text="社群")) == "<div>社群</div>"


def test_no_safe_temp_folder_only_costs_time(temp: Path, caplog: pytest.LogCaptureFixture) -> None:
    (temp / f"_jinja2-cache-{os.getuid()}").write_text("a file where Jinja wants its folder", encoding="utf-8")
    (temp / "note.html").write_text("<p>{{ text }}</p>\n", encoding="utf-8")
    with caplog.at_level("INFO", logger="coursekit.jinjacache"):
        assert str(render.render(temp, "note", text="社群")) == "<p>社群</p>"
    assert "compiled templates not kept" in caplog.text and jinjacache.cache("render") is None


@pytest.mark.build
def test_the_site_keeps_the_themes_compiled_templates(course: Path, tmp_path: Path) -> None:
    env = {**ENV, "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    first = build("mkdocs.yml", tmp_path / "one", cwd=course, env=env)
    assert first.returncode == 0, first.stderr
    assert len(_cached(tmp_path / "tmp", "theme")) > 20  # material's templates
    second = build("mkdocs.yml", tmp_path / "two", cwd=course, env=env)
    assert second.returncode == 0, second.stderr
    page = "modules/01-alpha/index.html"
    assert (tmp_path / "one" / page).read_bytes() == (tmp_path / "two" / page).read_bytes()
