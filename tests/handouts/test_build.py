"""The build: content-hash cache, atomic writes, selection by edition/format/id, 教学包 zips."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from coursekit.handouts import jobs as jobs_mod
from coursekit.handouts import write as write_mod
from coursekit.handouts.build import build_handouts
from coursekit.handouts.jobs import Selection
from coursekit.registry import load
from coursekit.templatedir import of_course

from conftest import FIXTURE

EXPECTED = {
    "01-alpha/worksheets/all-fields.pdf", "01-alpha/worksheets/all-fields.docx",
    "01-alpha/worksheets/all-fields.teacher.pdf", "01-alpha/sops/daily.xlsx", "01-alpha/sops/daily.pdf",
    "01-alpha/cases/made-up.pdf", "01-alpha/cases/made-up.teacher.pdf", "01-alpha.zip", "01-alpha.teacher.zip",
    "02-beta.zip", "02-beta.teacher.zip", "schedule.xlsx", "schedule.pdf", "01-alpha/lessonplans/01-1-教案.docx",
    "01-alpha/项目实训自评互评表.docx", "02-beta/项目实训自评互评表.docx",
}


def files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_full_pack_has_every_file(fixture_pack) -> None:
    out, report = fixture_pack
    assert files(out) == EXPECTED
    assert report.planned == len(EXPECTED) and not report.failed


def test_second_run_renders_nothing_and_rewrites_nothing(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = build_handouts(FIXTURE, tmp_path / "out", Selection(), cache=cache, progress=False)
    assert len(first.rendered) == len(EXPECTED)
    second = build_handouts(FIXTURE, tmp_path / "out", Selection(), cache=cache, progress=False)
    assert second.rendered == {} and second.written == [] and second.reused == len(EXPECTED)
    third = build_handouts(FIXTURE, tmp_path / "elsewhere", Selection(), cache=cache, progress=False)
    assert third.rendered == {} and len(third.written) == len(EXPECTED)  # other folder: copied, not rendered


def test_editing_a_record_renders_only_what_depends_on_it(course: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build_handouts(course, tmp_path / "out", Selection(), cache=cache, progress=False)
    sop = course / "data/sops/daily.yml"
    sop.write_text(sop.read_text(encoding="utf-8").replace("不刷屏", "不刷屏，不发广告"), encoding="utf-8")
    again = build_handouts(course, tmp_path / "out", Selection(), cache=cache, progress=False)
    # the 教案 of the task that uses the SOP names it among its resources
    assert set(again.rendered) == {"01-alpha/sops/daily.xlsx", "01-alpha/sops/daily.pdf", "01-alpha.zip",
                                   "01-alpha.teacher.zip", "schedule.xlsx", "schedule.pdf",
                                   "01-alpha/lessonplans/01-1-教案.docx"}


def test_a_failing_render_leaves_no_file_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = write_mod.render

    def half_written(job, reg, templates, dest):
        if job.rel.endswith("made-up.pdf"):
            dest.write_bytes(b"%PDF-1.7 half")
            raise RuntimeError("disk full")
        return real(job, reg, templates, dest)

    monkeypatch.setattr("coursekit.handouts.build.render", half_written)
    report = build_handouts(FIXTURE, tmp_path / "out", Selection(), cache=tmp_path / "cache", workers=1,
                            progress=False)
    assert report.failed["01-alpha/cases/made-up.pdf"] == "RuntimeError: disk full"
    assert "01-alpha.zip" in report.failed       # a zip missing a member is not written either
    written = files(tmp_path / "out")
    assert "01-alpha/cases/made-up.pdf" not in written and "01-alpha.zip" not in written
    assert "01-alpha/cases/made-up.teacher.pdf" in written  # the rest is still made
    leftovers = [p for p in tmp_path.rglob("*")
                 if p.is_file() and (".tmp" in p.name or p.read_bytes() == b"%PDF-1.7 half")]
    assert leftovers == []


@pytest.mark.parametrize("edition,expected", [
    ("student", {r for r in EXPECTED if ".teacher." not in r and "教案" not in r}),
    ("teacher", {r for r in EXPECTED if ".teacher." in r or "教案" in r}),  # a 教案 is a teacher file
])
def test_edition_selection(tmp_path: Path, edition: str, expected: set[str]) -> None:
    build_handouts(FIXTURE, tmp_path / "out", Selection(edition=edition), cache=tmp_path / "c", progress=False)
    assert files(tmp_path / "out") == expected


def test_format_and_id_selection(tmp_path: Path) -> None:
    sel = Selection(ids=frozenset({"all-fields", "daily"}), formats=frozenset({"docx", "xlsx"}))
    build_handouts(FIXTURE, tmp_path / "out", sel, cache=tmp_path / "c", progress=False)
    assert files(tmp_path / "out") == {"01-alpha/worksheets/all-fields.docx", "01-alpha/sops/daily.xlsx"}


def test_project_zips(fixture_pack) -> None:
    out, _ = fixture_pack
    with zipfile.ZipFile(out / "01-alpha.zip") as zf:
        names = set(zf.namelist())
        listing = zf.read("项目1-第一个项目-教学包/目录.txt").decode("utf-8-sig")
        assert zf.read("项目1-第一个项目-教学包/worksheets/all-fields.pdf") == \
            (out / "01-alpha/worksheets/all-fields.pdf").read_bytes()
    assert names == {"项目1-第一个项目-教学包/" + n for n in (
        "目录.txt", "项目实训自评互评表.docx", "worksheets/all-fields.pdf", "worksheets/all-fields.docx",
        "sops/daily.xlsx", "sops/daily.pdf", "cases/made-up.pdf")}
    label = load(FIXTURE).get("worksheets", "all-fields").label
    assert f"{label} 全字段工作单：all-fields.pdf、all-fields.docx" in listing
    with zipfile.ZipFile(out / "01-alpha.teacher.zip") as zf:
        teacher = {n.split("/", 1)[1] for n in zf.namelist()}
    assert {"worksheets/all-fields.teacher.pdf", "cases/made-up.teacher.pdf", "worksheets/all-fields.pdf",
            "lessonplans/01-1-教案.docx"} <= teacher
    with zipfile.ZipFile(out / "02-beta.zip") as zf:   # a case taught in two projects is in both packs
        assert [n.split("/", 1)[1] for n in zf.namelist()] == ["目录.txt", "项目实训自评互评表.docx", "cases/made-up.pdf"]


def test_zips_are_reproducible(fixture_pack, tmp_path: Path) -> None:
    out, _ = fixture_pack
    build_handouts(FIXTURE, tmp_path / "out", Selection(formats=frozenset({"zip"}), edition="student"),
                   cache=tmp_path / "c", progress=False)
    with zipfile.ZipFile(out / "01-alpha.zip") as a, zipfile.ZipFile(tmp_path / "out/01-alpha.zip") as b:
        assert [i.date_time for i in a.infolist()] == [i.date_time for i in b.infolist()]
        assert a.namelist() == b.namelist()


def test_parallel_workers_make_the_same_files(tmp_path: Path) -> None:
    report = build_handouts(FIXTURE, tmp_path / "out", Selection(formats=frozenset({"pdf"})), cache=tmp_path / "c",
                            workers=2, progress=False)
    assert not report.failed and len(report.rendered) == 6


def test_traditional_files_have_keys_of_their_own() -> None:
    """Same store, other keys: a zh-Hant file (TC fonts, zh-TW) never reuses a Simplified one, nor the reverse."""
    reg = load(FIXTURE)
    hans = {j.rel: j.key for j in jobs_mod.plan(reg, of_course(FIXTURE), Selection())}
    hant = {j.rel: j.key for j in jobs_mod.plan(reg, of_course(FIXTURE), Selection(lang="zh-Hant"))}
    assert hans.keys() == hant.keys()
    assert not set(hans.values()) & set(hant.values())
