"""The real course's full pack, generated once: every file is there, no teacher text in student files."""

from __future__ import annotations

import zipfile

import docx
import openpyxl
import pytest

from coursekit import kinds
from coursekit import outputs as paths
from coursekit.registry import load

from conftest import ROOT, teacher_fragments

from .conftest import flat, pdf_text

pytestmark = pytest.mark.slow


def test_every_record_has_all_its_files(real_pack) -> None:
    out, report = real_pack
    reg = load(ROOT)
    expected = {o.rel for kind in (k.name for k in paths.handout_kinds()) for r in reg.records[kind].values()
                for o in paths.record_outputs(kind, r)}
    expected |= {o.rel for o in paths.schedule_outputs() + paths.calendar_outputs() + paths.standard_outputs()}
    expected |= {o.rel for slug in reg.projects for o in paths.pack_outputs(slug) + paths.project_outputs(slug)
                 if any(reg.in_project(k.name, slug) for k in paths.handout_kinds())}
    made = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert made == expected
    assert len(report.rendered) == len(expected) and report.reused == 0
    assert all(p.stat().st_size > 1000 for p in out.rglob("*") if p.is_file())


def test_student_files_hold_no_teacher_text(real_pack) -> None:
    out, _ = real_pack
    handed_out = [k for k in kinds.ALL if k.handouts]  # the pack holds these kinds' files only
    fragments = teacher_fragments(load(ROOT), pages=False, squash=flat, of=handed_out)
    assert len(fragments) > 50
    reg = load(ROOT)
    teacher_files = {o.rel for k in paths.handout_kinds() for r in reg.records[k.name].values()
                     for o in paths.record_outputs(k.name, r) if o.teacher}
    teacher_files |= {o.rel for o in paths.calendar_outputs() + paths.standard_outputs() if o.teacher}
    student, teacher = [], []
    for path in sorted(out.rglob("*")):
        side = teacher if path.relative_to(out).as_posix() in teacher_files else student  # as outputs.py declares
        if path.suffix == ".pdf":
            side.append(flat(pdf_text(path)))
        elif path.suffix == ".docx":
            d = docx.Document(str(path))
            side.append(flat("".join([p.text for p in d.paragraphs] +
                                     [c.text for t in d.tables for r in t.rows for c in r.cells])))
        elif path.suffix == ".xlsx":
            wb = openpyxl.load_workbook(path)
            side.append(flat("".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True)
                                     for v in row if v is not None)))
    everything = "\n".join(student)
    leaked = [f for f in fragments if f in everything]
    assert leaked == []
    shown = "\n".join(teacher)
    assert sum(f in shown for f in fragments) > len(fragments) * 0.8   # the check can see teacher text


def test_student_zips_hold_only_student_files(real_pack) -> None:
    out, _ = real_pack
    for path in out.glob("*.zip"):
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            assert zf.testzip() is None
        has_teacher = any(".teacher." in n for n in names)
        assert has_teacher == path.name.endswith(".teacher.zip"), path.name
