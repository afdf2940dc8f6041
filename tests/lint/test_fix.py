"""``coursekit check --fix``: typography is corrected without touching what names or runs things."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from coursekit.cli import main
from coursekit.lint import fix_course, load_config
from coursekit.lint.style import fix_page, fix_yaml
from coursekit.lint.typography import configure

configure(("halfwidth-word", "space-dash"))

PAGE = """---
project: 01-alpha
title: 社群3.0
tags: [社群3.0, 私域, SWOT]
sources: [slides]
---

# 任务一　社群3.0 { #task }

{{ term("community-3") }}是社群3.0阶段的核心,见[链接](https://example.com/a中文b)。

```python
print("社群3.0")
```

行内代码 `社群3.0` 不改，图 3-1　内容产出路径保留全角空格。

{{ term("community-3", "社群3.0") }}与<span title="社群3.0">社群3.0</span>，{% raw %}{{ 社群3.0 }}{% endraw %}

!!! tip "提示"
\t用了制表符。
"""


def test_page_fix_changes_text_only() -> None:
    fixed = fix_page(PAGE)
    assert "title: 社群 3.0\n" in fixed
    assert "tags: [社群 3.0, 私域, SWOT]" in fixed  # flow list kept: only the value changed
    assert "project: 01-alpha\n" in fixed and "sources: [slides]" in fixed
    assert "# 任务一　社群 3.0 { #task }" in fixed
    assert '{{ term("community-3") }}是社群 3.0 阶段的核心，见[链接](https://example.com/a中文b)。' in fixed
    assert 'print("社群3.0")' in fixed
    assert "`社群3.0`" in fixed
    assert "图 3-1　内容产出路径" in fixed
    assert ('{{ term("community-3", "社群3.0") }}与<span title="社群3.0">社群 3.0</span>，'
            "{% raw %}{{ 社群3.0 }}{% endraw %}") in fixed
    assert "\n    用了制表符。" in fixed
    assert fix_page(fixed) == fixed


def test_yaml_fix_keeps_keys_ids_and_structure() -> None:
    text = ("id: swot-talent\ntitle: 社群SWOT分析\nlabel: 表1-2\nfile: 003_社群3.0.txt\naliases: [社群3.0]\n"
            "actions: [建群, 发3条内容]\nscript: \"20:15 “阳光小区-阿杰”\"\nbackground: |\n  第一行3.0版本\n"
            "  第二行不变\n")
    fixed = fix_yaml(text)
    assert fixed == ("id: swot-talent\ntitle: 社群 SWOT 分析\nlabel: 表 1-2\nfile: 003_社群3.0.txt\n"
                     "aliases: [社群3.0]\nactions: [建群, 发 3 条内容]\nscript: \"20:15“阳光小区-阿杰”\"\n"
                     "background: |\n  第一行 3.0 版本\n  第二行不变\n")


def test_yaml_fix_refuses_a_change_that_would_alter_structure() -> None:
    text = "title: 社群#1说明\n"  # 'title: 社群 #1…' would turn '#1说明' into a comment
    assert fix_yaml(text) in (text, "title: 社群#1 说明\n")


def test_fix_course_reports_files_and_then_passes(course: Path) -> None:
    (course / "docs" / "appendix.md").write_text("# 附录 { #appendix }\n\n社群3.0的特点?\n", encoding="utf-8")
    assert fix_course(course, load_config(course)) == ["docs/appendix.md"]
    assert (course / "docs" / "appendix.md").read_text(encoding="utf-8").endswith("社群 3.0 的特点？\n")
    result = CliRunner().invoke(main, ["check", "--strict", "--root", str(course)])
    assert result.exit_code == 0, result.stderr


def test_check_fix_option(course: Path) -> None:
    (course / "docs" / "appendix.md").write_text("# 附录 { #appendix }\n\n社群3.0\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--fix", "--strict", "--root", str(course)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Fixed typography in 1 file(s): docs/appendix.md\nOK:")
