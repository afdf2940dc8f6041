"""The bad-input corpus: each file in tests/fixtures/bad-input/ breaks the fixture course one way.

For each case ``coursekit check`` must print exactly the expected lines (file,
line, rule, message), exit with the expected code, and never a traceback.
Cases already covered by test_bad_input.py, test_registry.py and
test_schemas.py are not repeated here.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from coursekit.cli import main

from conftest import ROOT

CORPUS = ROOT / "tests" / "fixtures" / "bad-input"
LESSON2 = "docs/modules/01-alpha/2-second.md"
APPENDIX = "docs/appendix.md"


@dataclass
class Case:
    """Where the corpus file goes in the course, the exit code and the exact problem lines."""

    target: str
    code: int
    lines: list[str]
    args: tuple[str, ...] = ()
    content: bytes | None = None  # generated instead of read from the corpus


def huge_yaml() -> bytes:
    return ("id: huge\nterm: 巨大\nproject: 01-alpha\ndefinition: " + "很长的定义。" * 60000 + "\n").encode()


def huge_page() -> bytes:
    return ("# 巨大 { #huge }\n\n" + ("很长的段落，" * 50 + "\n\n") * 1200).encode()


CASES: dict[str, Case] = {}  # filled below from the frozen expectations


def corpus_file(name: str) -> Path:
    """The corpus file of a case (its extension is whatever the case needs)."""
    found = [p for p in CORPUS.iterdir() if p.stem == name]
    assert len(found) == 1, f"corpus file for {name} missing or ambiguous"
    return found[0]


def run_case(course: Path, case: Case, name: str) -> tuple[int, list[str], str]:
    """Install the case in ``course``, run the check; return exit code, problem lines and all output."""
    target = course / case.target
    target.parent.mkdir(parents=True, exist_ok=True)
    if case.content is not None:
        target.write_bytes(case.content)
    else:
        shutil.copy(corpus_file(name), target)
    if (course / "sources").exists() or name == "bibliography-file-not-found":
        (course / "sources").mkdir(exist_ok=True)
        (course / "sources" / "003_test.txt").write_text("课件", encoding="utf-8")
        (course / "coursekit.toml").write_text('[check]\nsources = "sources"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--root", str(course), *case.args])
    lines = [line for line in result.stderr.splitlines() if not line.endswith("problem(s) found.")]
    return result.exit_code, lines, result.output + result.stderr + repr(result.exception)


def _case(name: str, target: str, code: int, *lines: str, args: tuple[str, ...] = (),
          content: bytes | None = None) -> None:
    CASES[name] = Case(target, code, list(lines), args, content)


G, W, S, C = "data/glossary/", "data/worksheets/", "data/sops/", "data/cases/"
_case('yaml-tab', G + 'tabbed.yml', 1,
      'data/glossary/tabbed.yml:3 [yaml-syntax] YAML syntax error: found a tab character that violates indentation; indent with spaces, never tabs')
_case('yaml-bom', G + 'with-bom.yml', 1,
      'data/glossary/with-bom.yml:1 [schema] project: required field is missing; add it',
      "data/glossary/with-bom.yml:4 [schema] projet: unknown field 'projet'; did you mean 'project'? allowed: id, term, aliases, avoid, english, definition, related, project")
_case('yaml-two-documents', G + 'twice.yml', 1,
      'data/glossary/twice.yml:3 [yaml-syntax] YAML syntax error: but found another document; check indentation and quoting')
_case('yaml-utf16', G + 'utf16.yml', 1,
      'data/glossary/utf16.yml [encoding] the file is not UTF-8 (byte 0); save it as UTF-8')
_case('worksheet-kind-typo', W + 'kind-typo.yml', 1,
      "data/worksheets/kind-typo.yml:11 [schema] sections[0].fields[1].kind: 'texarea' is not one of 'text', 'textarea', 'table', 'matrix', 'checklist', 'rating'")
_case('worksheet-duplicate-field', W + 'dup-field.yml', 1,
      "data/worksheets/dup-field.yml:1 [schema] (top level): field id 'idea' is used twice; answers are keyed by it, make it unique")
_case('worksheet-table-rows-and-labels', W + 'table-both.yml', 1,
      "data/worksheets/table-both.yml:10 [schema] sections[0].fields[0]: give either 'rows' (number of blank rows) or 'row_labels', not both or neither")
_case('worksheet-matrix-three-cells', W + 'matrix-three.yml', 1,
      'data/worksheets/matrix-three.yml:15 [schema] sections[0].fields[0].quadrants: list should have at least 4 items after validation, not 3')
_case('worksheet-rating-scale', W + 'rating-scale.yml', 1,
      "data/worksheets/rating-scale.yml:10 [schema] sections[0].fields[0]: 'scale' must be [low, high] with 0 <= low < high <= 10")
_case('case-fictional-not-bool', C + 'maybe-real.yml', 1,
      "data/cases/maybe-real.yml:4 [schema] fictional: input should be a valid boolean, unable to interpret input, got 'maybe'")
_case('case-missing-guidance', C + 'no-guidance.yml', 1,
      'data/cases/no-guidance.yml:1 [schema] guidance: required field is missing; add it')
_case('sop-no-steps', S + 'no-steps.yml', 1,
      'data/sops/no-steps.yml:6 [schema] steps: list should have at least 1 item after validation, not 0')
_case('sop-step-unknown-field', S + 'step-typo.yml', 1,
      'data/sops/step-typo.yml:7 [schema] steps[0].action: required field is missing; add it',
      "data/sops/step-typo.yml:9 [schema] steps[0].acton: unknown field 'acton'; did you mean 'action'? allowed: when, role, action, script, tool, output")
_case('bibliography-missing-file', 'data/bibliography/handbook.yml', 1,
      'data/bibliography/handbook.yml:1 [schema] file: required field is missing; add it')
_case('bibliography-file-not-found', 'data/bibliography/handbook.yml', 1,
      "data/bibliography/handbook.yml:6 [source-file] source file '999_missing.txt' is not in sources/; check the file name (sources folder: [check] sources in coursekit.toml)")
_case('course-number-not-int', 'data/course.yml', 1,
      "data/course.yml:3 [schema] projects[0].number: input should be a valid integer, unable to parse string as an integer, got 'one'")
_case('glossary-yaml-extension', G + 'wrong-ext.yaml', 1,
      'data/glossary/wrong-ext.yaml [file-name] use the extension .yml')
_case('huge-data-file', G + 'huge.yml', 1,
      'data/glossary/huge.yml [file-size] the file is 1.1 MB, over the 1 MB limit; split it (one record per file, one task per page)',
      content=huge_yaml())
_case('huge-page', APPENDIX, 1,
      'docs/appendix.md [file-size] the file is 1.1 MB, over the 1 MB limit; split it (one record per file, one task per page)', content=huge_page())
_case('lesson-front-matter-syntax', LESSON2, 1,
      "docs/modules/01-alpha/2-second.md:12 [yaml-syntax] YAML syntax error: did not find expected ',' or ']'; check indentation and quoting")
_case('lesson-front-matter-unclosed', LESSON2, 1,
      "docs/modules/01-alpha/2-second.md:1 [front-matter] the front matter is not closed; end it with a line '---'")
_case('lesson-minutes-missing', LESSON2, 1,
      'docs/modules/01-alpha/2-second.md:5 [schema] minutes.practice: required field is missing; add it')
_case('lesson-empty', LESSON2, 1,
      "docs/modules/01-alpha/2-second.md:1 [front-matter] the page has no front matter; start it with the fields between '---' lines (CONTRIBUTING.md, or `coursekit new lesson`)",
      "docs/modules/01-alpha/2-second.md:1 [heading-h1] the page has no H1 heading; start it with '# Title { #id }'")
_case('lesson-title-mismatch', LESSON2, 1,
      "docs/modules/01-alpha/2-second.md:14 [title-h1] the H1 must be '任务二\u3000第二课' (number and title from the front matter or data/course.yml, joined by an ideographic space U+3000)")
_case('admonition-not-indented', APPENDIX, 1,
      "docs/appendix.md:3 [admonition-empty] the 'practice' box has no body; indent its text by 4 spaces on the lines below it")
_case('admonition-type-typo', APPENDIX, 1,
      "docs/appendix.md:3 [admonition-type] unknown box type 'scenaro'; did you mean 'scenario'? course boxes: scenario, peer, trick, practice, industry, teacher, answer; also allowed: note, abstract, info, tip, success, question, warning, failure, danger, bug, example, quote")
_case('config-core-off', 'coursekit.toml', 1,
      "coursekit.toml:2 [config] 'schema' is a core rule and always an error: the site cannot be built with such a problem; remove the line")
_case('config-unknown-rule', 'coursekit.toml', 1,
      "coursekit.toml:2 [config] unknown rule 'heading-ids'; did you mean 'heading-id'?")
_case('heading-duplicate-id', APPENDIX, 1,
      "docs/appendix.md:5 [duplicate-anchor] id 'part' is used 2 times on this page; ids must be unique (rename one, or embed each record only once)")
_case('heading-id-format', APPENDIX, 1,
      "docs/appendix.md:3 [id-format] id '用户画像' must be lowercase letters, digits and hyphens, e.g. 'user-persona'",
      "docs/appendix.md:5 [id-format] id 'Rivals' must be lowercase letters, digits and hyphens, e.g. 'user-persona'")
_case('heading-id-no-space', APPENDIX, 1,
      "docs/appendix.md:3 [jinja-syntax] Missing end of comment tag; '{#' starts a Jinja comment: write a heading id with a space, '{ #id }'")
_case('heading-jump', APPENDIX, 1,
      "docs/appendix.md:5 [heading-jump] H4 '跳级的标题' follows H2 (line 3); use ### or add the missing level")
_case('heading-no-id', APPENDIX, 1,
      "docs/appendix.md:3 [heading-id] H2 '没有 id 的标题' has no id; write '## 没有 id 的标题 { #english-id }' (links to it must not break when the title changes)")
_case('heading-two-h1', APPENDIX, 1,
      "docs/appendix.md:5 [heading-h1] second H1 '另一个标题' (the first is on line 1); use '##' for sections")
_case('image-external', APPENDIX, 1,
      "docs/appendix.md:3 [image-missing] image 'https://example.com/flow.png' is not in the site; pages load nothing from other hosts: save it under docs/assets/images/ and link to it")
_case('image-missing-no-alt', APPENDIX, 1,
      "docs/appendix.md:3 [image-alt] image 'assets/flow.png' has no alt text; describe what it shows: ![图 3-1 内容产出路径](…)",
      "docs/appendix.md:3 [image-missing] image 'assets/flow.png' does not exist (looked for docs/assets/flow.png)")
_case('jinja-missing-argument', APPENDIX, 1,
      'docs/appendix.md:3 [render] wrong arguments in a macro call (missing 1 required positional argument: \'id\'); see the macro table in CONTRIBUTING.md, e.g. {{ worksheet("id") }}')
_case('jinja-raw-unclosed', APPENDIX, 1,
      "docs/appendix.md:3 [jinja-syntax] Missing end of raw directive; to show a literal '{{' or '{%' in a page, wrap it in {% raw %}…{% endraw %}")
_case('jinja-unclosed-call', APPENDIX, 1,
      "docs/appendix.md:3 [jinja-syntax] unexpected '}'; to show a literal '{{' or '{%' in a page, wrap it in {% raw %}…{% endraw %}")
_case('link-absolute', APPENDIX, 1,
      "docs/appendix.md:3 [link-absolute] '/library/cases.md' starts with '/'; write a path relative to this page, e.g. '../library/cases.md'")
_case('link-missing-anchor', APPENDIX, 1,
      "docs/appendix.md:3 [link-anchor] '#exercise' is not an id on docs/modules/01-alpha/1-first.md; link to a heading's explicit id { #id }")
_case('link-missing-page', APPENDIX, 1,
      "docs/appendix.md:3 [link-target] 'modules/01-alpha/3-third.md' does not exist (looked for docs/modules/01-alpha/3-third.md); check the relative path")
_case('link-teacher-anchor', APPENDIX, 1,
      "docs/appendix.md:6 [link-anchor] '#tips' is not an id on this page in the student edition (it is inside a teacher box); link to a heading's explicit id { #id }")
_case('macro-on-wrong-page', APPENDIX, 1,
      'docs/appendix.md:3 [not-a-lesson] lesson_header() works only on task pages in docs/modules/<project>/')
_case('markdown-tab', APPENDIX, 0,
      'docs/appendix.md:4 [tab] warning: tab in the indentation; indent with spaces (4 per level); run `coursekit check --fix`')
_case('page-empty', APPENDIX, 1,
      "docs/appendix.md:1 [heading-h1] the page has no H1 heading; start it with '# Title { #id }'")
_case('page-gbk', APPENDIX, 1,
      'docs/appendix.md [encoding] the file is not UTF-8 (byte 2); save it as UTF-8')
_case('page-meta-typo', APPENDIX, 0,
      "docs/appendix.md:2 [page-meta] warning: unknown front matter key 'titel'; did you mean 'title'? allowed: title, description, hide, render_macros, search, status, template, icon, subtitle")
_case('typography', APPENDIX, 0,
      "docs/appendix.md:3 [typography] warning: '社群3.0的特点是什么?' → '社群 3.0 的特点是什么？'; run `coursekit check --fix`")


ALIAS = "[yaml-alias] anchors (&) and aliases (*) are not allowed in data files; write the value out in full"
_case('yaml-billion-laughs', G + 'laughs.yml', 1, *(f'data/glossary/laughs.yml:{n} {ALIAS}' for n in range(4, 13)))
_case('yaml-recursive-alias', G + 'loop.yml', 1, f'data/glossary/loop.yml:4 {ALIAS}')
_case('yaml-control-char', G + 'bell.yml', 1,
      "data/glossary/bell.yml:4 [control-char] delete the invisible character U+0007 in field 'definition'; "
      "retype the text around it if unsure where it is")
_case('yaml-control-escape', G + 'bell.yml', 1,
      "data/glossary/bell.yml:4 [control-char] delete the invisible character U+0007 in field 'definition' "
      "(written as an escape such as \\a or \\x07 in quotes); retype the text around it if unsure where it is")
_case('yaml-empty-file', G + 'empty.yml', 1,
      'data/glossary/empty.yml:1 [yaml-empty] the file is empty; write the record or delete the file')
_case('yaml-deep-nesting', G + 'deep.yml', 1,
      'data/glossary/deep.yml:4 [yaml-syntax] YAML syntax error: nested more than 40 levels deep; '
      'check indentation and brackets')
_case('data-subfolder', G + 'old/old-term.yml', 1,
      'data/glossary/old/old-term.yml [data-subfolder] records must sit directly in data/glossary/; move it up')
_case('data-unknown-folder', 'data/glosary/lost-term.yml', 1,
      'data/glosary/lost-term.yml [data-subfolder] data/glosary/ is not a data folder, so this file is ignored; '
      'did you mean data/glossary/? records go in data/<kind>/ (bibliography, worksheets, sops, cases, glossary, questions, lessonplans)')
_case('data-unknown-extension', G + 'notes.txt', 1,
      'data/glossary/notes.txt [file-name] only records (<id>.yml) belong in data/glossary/, so this file is '
      'ignored; rename or move it')
_case('macro-in-data', G + 'group-rules.yml', 1,
      'data/glossary/group-rules.yml:4 [macro-in-data] definition: macros only work in pages; '
      'in data fields write the plain term')
DATA_CASES = [n for n in CASES if n.startswith(("yaml-", "data-", "macro-in-data", "huge-data"))]


def test_the_corpus_has_at_least_30_cases_and_every_file_is_used() -> None:
    assert len(CASES) >= 30
    used = {corpus_file(name).name for name, case in CASES.items() if case.content is None}
    assert used == {p.name for p in CORPUS.iterdir()}


@pytest.mark.parametrize("name", CASES)
def test_bad_input(course: Path, name: str) -> None:
    case = CASES[name]
    code, lines, everything = run_case(course, case, name)
    assert lines == case.lines
    assert code == case.code
    assert "Traceback" not in everything


@pytest.mark.parametrize("name", DATA_CASES)
def test_bad_data_is_refused_within_seconds(course: Path, name: str) -> None:
    """A billion laughs once took 4.9 GB and minutes; no data file may take check longer than a few seconds."""
    start = time.monotonic()
    code, _, everything = run_case(course, CASES[name], name)
    assert time.monotonic() - start < 5
    assert code == 1
    assert "Traceback" not in everything and "coursekit itself failed" not in everything


def test_warnings_fail_with_strict(course: Path) -> None:
    case = Case(APPENDIX, 1, [], ("--strict",))
    code, lines, _ = run_case(course, case, "typography")
    assert code == 1
    assert lines == ["docs/appendix.md:3 [typography] '社群3.0的特点是什么?' → '社群 3.0 的特点是什么？'; "
                     "run `coursekit check --fix`"]


def test_ci_annotations_for_errors_and_warnings(course: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    (course / APPENDIX).write_text("# 附录 { #appendix }\n\n## 没有 id\n\n社群3.0\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--root", str(course)])
    assert result.exit_code == 1
    assert "::error file=docs/appendix.md,line=3::[heading-id] H2 '没有 id' has no id;" in result.stderr
    assert "::warning file=docs/appendix.md,line=5::[typography] '社群3.0' → '社群 3.0';" in result.stderr
_case('front-matter-jinja', APPENDIX, 1,
      "docs/appendix.md:2 [front-matter] title: front matter must not contain '{{', '{%' or '{#'; "
      "write the text without them")
