"""The real course passes every check, and the rules are documented where contributors look."""

from __future__ import annotations

import re
import tomllib

import yaml

from coursekit.lint import RULES

from conftest import BIN, ROOT, run


def test_the_whole_course_passes_strict() -> None:
    result = run("coursekit", "check", "--strict")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("OK: ")


def test_contributing_documents_every_rule() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| `([a-z0-9-]+)` \|", text, re.M)
    assert sorted(documented) == sorted(RULES)
    for rule in RULES.values():
        if not rule.core:
            level = {"error": "错误", "warning": "警告", "off": "关闭"}[rule.severity]
            assert f"| `{rule.id}` | {level} |" in text, rule.id


def test_config_file_lists_every_lint_rule_with_its_default() -> None:
    config = tomllib.loads((ROOT / "coursekit.toml").read_text(encoding="utf-8"))
    assert config["check"]["rules"] == {r.id: r.severity for r in RULES.values() if not r.core}


def test_pre_commit_hooks_use_commands_that_exist() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h["entry"] for repo in config["repos"] for h in repo["hooks"]}
    assert set(hooks) == {"ruff", "typography", "coursekit-check"}
    for entry in hooks.values():
        program, *args = entry.split()
        assert (ROOT / program).exists() and program.startswith(".venv/bin/")
    assert run("coursekit", "fix", "--help").returncode == 0
    assert (BIN / "ruff").exists()
