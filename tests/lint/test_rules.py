"""Lint rules on the fixture course: what each reports, and what it must accept."""

from __future__ import annotations

from pathlib import Path

from coursekit.lint import check_course

LESSON = "docs/modules/01-alpha/1-first.md"


def lint(course: Path, strict: bool = False) -> list[str]:
    return [str(p) for p in check_course(course, strict)]


def write(course: Path, rel: str, text: str) -> None:
    (course / rel).parent.mkdir(parents=True, exist_ok=True)
    (course / rel).write_text(text, encoding="utf-8")


def append(course: Path, rel: str, text: str) -> None:
    path = course / rel
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_fixture_course_is_clean_even_strict(course: Path) -> None:
    assert lint(course, strict=True) == []


def test_valid_links_anchors_boxes_and_code_are_accepted(course: Path) -> None:
    write(course, "docs/appendix.md", """# 附录 { #appendix }

见[工作单](modules/01-alpha/1-first.md#ws-all-fields)、[练习](modules/01-alpha/1-first.md#exercises)、
[小节](#fourth-level)、[案例库](library/cases.md#case-made-up-entry)和<a href="library/sops.md#sop-daily-entry">SOP</a>。
[引用][ref]

[ref]: library/glossary.md

## 第二级 { #second }

### 第三级 { #third }

#### Fourth level

???+ note "可折叠"
    内容。

!!! example
    示例。

```markdown
[坏链接](nowhere.md#nothing) ![](missing.png)
## 代码里的标题
```

行内 `[坏链接](nowhere.md)` 不算。
""")
    assert lint(course, strict=True) == []


def test_same_record_embedded_twice_gives_duplicate_ids(course: Path) -> None:
    append(course, LESSON, '\n{{ sop("daily") }}\n')
    assert lint(course) == [
        f"{LESSON}:42 [duplicate-anchor] id 'sop-daily' is used 2 times on this page; ids must be unique "
        "(rename one, or embed each record only once)"]


def test_hand_written_glossary_link_and_unused_term(course: Path) -> None:
    write(course, "data/glossary/fission.yml", "id: fission\nterm: 裂变\ndefinition: 老带新。\nproject: 01-alpha\n")
    append(course, LESSON, "\n见[社群](../../library/glossary.md#term-community)。\n")
    assert lint(course) == [
        "data/glossary/fission.yml:1 [term-unused] warning: no page links term 'fission'; write "
        "{{ term(\"fission\") }} where it is first taught, or list it in another term's related",
        f"{LESSON}:42 [term-link] warning: write {{{{ term(\"community\") }}}} instead of a hand-written "
        "glossary link",
    ]



def test_term_variants_are_flagged_where_written(course: Path) -> None:
    """A variant listed under a term's avoid: is reported at file:line on pages and in records, not in code."""
    append(course, "data/glossary/community.yml", "avoid: [社区群, 圈子]\n")
    append(course, LESSON, "\n社区群和圈子是一回事。\n\n```text\n社区群\n```\n")
    path = course / "data/sops/daily.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("cadence: 每日", "cadence: 每日\n# 圈子"),
                    encoding="utf-8")
    lines = len((course / LESSON).read_text(encoding="utf-8").split("\n"))
    sop = path.read_text(encoding="utf-8").split("\n").index("# 圈子") + 1
    assert lint(course) == [
        f"data/sops/daily.yml:{sop} [term-variant] warning: write '社群' (glossary term 'community'), not '圈子'",
        f"{LESSON}:{lines - 5} [term-variant] warning: write '社群' (glossary term 'community'), not '圈子'",
        f"{LESSON}:{lines - 5} [term-variant] warning: write '社群' (glossary term 'community'), not '社区群'",
    ]
    assert any(p.rule == "term-variant" and p.severity == "error" for p in check_course(course, strict=True))


def test_term_variants_in_front_matter_are_flagged(course: Path) -> None:
    """A project page's practice: (shown on the page, the 自评互评表 and the 课程标准) is checked like its body."""
    append(course, "data/glossary/community.yml", "avoid: [圈子]\n")
    page = course / "docs/modules/01-alpha/index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("goals: [能建群并写出群规]", "goals: [能建圈子并写出群规]"),
                    encoding="utf-8")
    line = page.read_text(encoding="utf-8").split("\n").index("  goals: [能建圈子并写出群规]") + 1
    assert lint(course) == [f"docs/modules/01-alpha/index.md:{line} [term-variant] warning: write '社群' "
                            "(glossary term 'community'), not '圈子'"]

def test_link_to_a_folder_and_a_bad_scheme(course: Path) -> None:
    write(course, "docs/appendix.md", "# 附录 { #appendix }\n\n[库](library/)和[脚本](javascript:alert)\n")
    assert lint(course) == [
        "docs/appendix.md:3 [link-target] 'javascript:alert': only http(s), mailto and relative links are allowed",
        "docs/appendix.md:3 [link-target] 'library/' is a folder; link to its page file, e.g. 'library/index.md'",
    ]


def test_config_changes_severities(course: Path) -> None:
    write(course, "docs/appendix.md", "# 附录 { #appendix }\n\n## 无 id\n\n社群3.0\n")
    write(course, "coursekit.toml", '[check.rules]\nheading-id = "warning"\ntypography = "off"\n')
    assert lint(course) == ["docs/appendix.md:3 [heading-id] warning: H2 '无 id' has no id; write "
                            "'## 无 id { #english-id }' (links to it must not break when the title changes)"]


def test_lint_still_runs_when_data_has_errors(course: Path) -> None:
    path = course / "data/sops/daily.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("cadence: 每日", "cadence: 每天"), encoding="utf-8")
    write(course, "docs/appendix.md", "# 附录 { #appendix }\n\n!!! scenaro\n    x\n")
    found = lint(course)
    assert [f.split(" ")[:2] for f in found] == [
        ["data/sops/daily.yml:5", "[schema]"], ["docs/appendix.md:3", "[admonition-type]"]]


def test_bad_config_toml(course: Path) -> None:
    write(course, "coursekit.toml", "[check.rules\n")
    assert lint(course)[0].startswith("coursekit.toml:1 [config] TOML syntax error:")
    write(course, "coursekit.toml", '[check.rules]\ntab = "fatal"\n[typography]\nautocorrect-off = ["nope"]\n')
    assert lint(course) == [
        "coursekit.toml:2 [config] tab = 'fatal': use one of error, warning, off",
        "coursekit.toml:4 [config] unknown autocorrect rule(s) nope; known: space-word, space-punctuation, "
        "space-bracket, space-backticks, space-dash, space-dollar, fullwidth, no-space-fullwidth, halfwidth-word, "
        "halfwidth-punctuation, spellcheck",
    ]
