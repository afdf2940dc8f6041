"""The coursekit mkdocs plugin: typed options, one table of event priorities, jieba left as found."""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from material.plugins.offline.plugin import OfflinePlugin
from material.plugins.search.plugin import SearchPlugin
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from coursekit import templatedir
from coursekit.plugin import plugin as ck
from coursekit.plugin.config import CoursekitConfig

from conftest import ROOT, build


def edit(course: Path, old: str, new: str) -> None:
    path = course / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_options_are_typed_and_checked() -> None:
    for options, expected in [
            ({"edition": "techer"}, ("edition", "Expected one of: ('student', 'teacher') but received: 'techer'")),
            ({"diagrams": "drawn"}, ("diagrams", "Expected one of: ('prerendered', 'live') but received: 'drawn'")),
            ({"offline": [1]}, ("offline", "Expected yes or no (true/false), got [1]")),
            ({"edtion": "teacher"}, ("edtion", "Unrecognised configuration name: edtion"))]:
        errors, warnings = ck.CoursekitPlugin().load_config(options)
        assert [(name, str(e)) for name, e in errors + warnings] == [expected]
    plugin = ck.CoursekitPlugin()
    assert plugin.load_config({"downloads": "true", "languages": "0", "stock_search": 1}) == ([], [])
    assert plugin.config.downloads is True and plugin.config.languages is False and plugin.config.stock_search is True
    assert plugin.config.edition == "student" and plugin.config.hant == "auto" and plugin.config.student_site == ""


@pytest.mark.build
def test_a_wrong_edition_stops_the_build_with_the_option_named(course: Path, tmp_path: Path) -> None:
    edit(course, "  coursekit: {}\n", "  coursekit:\n    edition: techer\n")
    result = build("mkdocs.yml", tmp_path / "site", cwd=course)
    assert result.returncode != 0
    assert ("Config value 'plugins': Plugin 'coursekit' option 'edition': Expected one of: ('student', 'teacher') "
            "but received: 'techer'") in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.build
def test_an_edition_still_set_under_extra_is_refused_not_overwritten(course: Path, tmp_path: Path) -> None:
    (course / "mkdocs.teacher.yml").write_text("INHERIT: mkdocs.yml\nextra:\n  edition: teacher\n", encoding="utf-8")
    result = build("mkdocs.teacher.yml", tmp_path / "site", cwd=course)
    assert result.returncode != 0
    assert ("mkdocs.yml: extra.edition moved to the coursekit plugin; write\nplugins:\n  coursekit:\n"
            "    edition: 'teacher'\nand remove them from extra:") in result.stderr
    assert "Traceback" not in result.stderr


def test_every_event_has_its_priority_from_the_one_table() -> None:
    handled = {name for name, _ in inspect.getmembers(ck.CoursekitPlugin, inspect.isfunction) if name.startswith("on_")}
    assert handled == set(ck.EVENTS)
    for event, (priority, why) in ck.EVENTS.items():
        assert getattr(getattr(ck.CoursekitPlugin, event), "mkdocs_priority", 0) == priority, event
        assert why
    # the index is rewritten after material's search writes it and before the offline plugin copies it
    assert getattr(SearchPlugin.on_post_build, "mkdocs_priority", 0) > ck.EVENTS["on_post_build"][0] \
        > OfflinePlugin.on_post_build.mkdocs_priority  # type: ignore[attr-defined]


def test_the_plugins_must_be_listed_search_coursekit_macros() -> None:
    ck.check_order({"plugins": {"material/search": 1, "coursekit": 2, "macros": 3, "material/offline": 4}})
    with pytest.raises(PluginError, match=re.escape("coursekit: plugins are listed coursekit, search, macros; list "
                                                    "them search, coursekit, macros in mkdocs.yml")):
        ck.check_order({"plugins": {"coursekit": 1, "material/search": 2, "macros": 3}})
    with pytest.raises(PluginError, match=re.escape("plugins are listed search, macros, coursekit;")):
        ck.check_order({"plugins": {"material/search": 1, "macros": 2, "coursekit": 3}})
    with pytest.raises(PluginError, match=re.escape("the coursekit plugin is missing: list `coursekit` under "
                                                    "plugins in mkdocs.yml, after `search` and before `macros`")):
        ck.of({"plugins": {"material/search": 1, "macros": 2}})


@pytest.mark.build
@pytest.mark.parametrize("breakage", ["missing", "order"])
def test_a_missing_or_misplaced_plugin_stops_the_build_with_a_message(course: Path, tmp_path: Path,
                                                                     breakage: str) -> None:
    if breakage == "missing":
        edit(course, "  coursekit: {}\n", "")
    else:
        edit(course, "  search:\n    lang: zh\n  coursekit: {}\n", "  coursekit: {}\n  search:\n    lang: zh\n")
    result = build("mkdocs.yml", tmp_path / "site", cwd=course)
    assert result.returncode != 0
    assert {"missing": "the coursekit plugin is missing: list `coursekit` under plugins",
            "order": "coursekit: plugins are listed coursekit, search, macros"}[breakage] in result.stderr
    assert "Traceback" not in result.stderr


def test_the_jieba_cache_is_keyed_on_searchs_settings() -> None:
    search = SimpleNamespace(config={"lang": ["zh"], "separator": r"[\s]+", "jieba_dict": None,
                                     "jieba_dict_user": None, "pipeline": []})
    assert ck.search_setup({"plugins": {"material/search": search}}) == {
        "lang": ["zh"], "separator": r"[\s]+", "jieba_dict": None, "jieba_dict_user": None}


def _build_in_process(course: Path, out: Path) -> None:
    config = load_config(config_file=str(course / "mkdocs.yml"), site_dir=str(out))
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()


@pytest.mark.build
def test_jieba_cut_is_restored_after_a_build_and_after_a_failed_one(course: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch,
                                                                     caplog: pytest.LogCaptureFixture) -> None:
    import jieba

    monkeypatch.chdir(course)
    own = jieba.cut
    _build_in_process(course, tmp_path / "one")
    assert (tmp_path / "one" / "search" / "search_index.json").is_file()
    assert jieba.cut is own

    page = course / "docs" / "modules" / "01-alpha" / "1-first.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n{{ worksheet("no-such-sheet") }}\n', encoding="utf-8")
    with pytest.raises((Abort, PluginError)) as failed:
        _build_in_process(course, tmp_path / "two")
    assert "BuildError" in str(failed.value) and "no-such-sheet" in caplog.text  # failed after the cache went in
    assert jieba.cut is own


def test_no_hooks_folder_and_at_most_one_environment_variable_in_the_code() -> None:
    assert not (ROOT / "hooks").exists() and not (ROOT / "tests" / "fixtures" / "course" / "hooks").exists()
    for name in ("mkdocs.yml", "tests/fixtures/course/mkdocs.yml"):
        assert "hooks:" not in (ROOT / name).read_text(encoding="utf-8")
    mentions = [f"{path.relative_to(ROOT)}: {line.strip()}" for path in (ROOT / "src").rglob("*")
                if path.is_file() and path.suffix in (".py", ".js", ".json", ".html")
                for line in path.read_text(encoding="utf-8").splitlines() if "COURSEKIT_" in line]
    assert len(mentions) <= 1, mentions


OPTIONS = [name for name, _ in CoursekitConfig._schema]  # type: ignore[attr-defined]


def test_the_config_class_documents_every_option() -> None:
    source = inspect.getsource(CoursekitConfig)
    for name in OPTIONS:
        assert re.search(rf"^    {name} = .*\n    \"\"\"", source, re.M), name
    yml = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for name in OPTIONS:
        assert re.search(rf"^    {name}: ", yml, re.M), f"mkdocs.yml does not set coursekit's {name}"


def test_the_templates_come_from_the_option_the_course_or_coursekit(tmp_path: Path) -> None:
    assert templatedir.of_course(ROOT) == ROOT / "templates"
    assert templatedir.of_course(ROOT / "tests" / "fixtures" / "course") == ROOT / "templates"  # by the option
    assert templatedir.of_course(ROOT / "tests" / "fixtures" / "minicourse") == templatedir.BUNDLED  # none of its own
    assert templatedir.BUNDLED == ROOT / "templates"
    (tmp_path / "templates").mkdir()
    assert templatedir.folder(tmp_path) == tmp_path / "templates"
    assert templatedir.folder(tmp_path, "../elsewhere") == tmp_path.parent / "elsewhere"


@pytest.mark.build
def test_a_templates_folder_that_does_not_exist_stops_the_build(course: Path, tmp_path: Path) -> None:
    edit(course, "  coursekit: {}\n", "  coursekit:\n    templates: ../nowhere\n")
    result = build("mkdocs.yml", tmp_path / "site", cwd=course)
    assert result.returncode != 0
    assert (f"coursekit: plugins: coursekit: templates: ../nowhere in mkdocs.yml: the folder {tmp_path / 'nowhere'} "
            "does not exist; correct the path (it is relative to the folder of mkdocs.yml), or remove the option "
            "to use coursekit's templates\n") in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.build
def test_a_templates_folder_without_a_kinds_template_stops_the_build(course: Path, tmp_path: Path) -> None:
    (course / "templates" / "worksheet.html").unlink()
    (course / "templates" / "glossary.html").unlink()
    result = build("mkdocs.yml", tmp_path / "site", cwd=course)
    assert result.returncode != 0
    assert (f"coursekit: plugins: coursekit: templates (not set) in mkdocs.yml: the folder {course / 'templates'} "
            "has no worksheet.html (kind worksheets), glossary.html (kind glossary); add them (coursekit's are in "
            f"{ROOT / 'templates'})\n") in result.stderr
    assert "Traceback" not in result.stderr
