"""Editor schemas: generated from the models, committed, mapped in VS Code, and usable."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from coursekit import kinds
from coursekit.schemas import GLOBS, all_schemas, stale, vscode_mapping

from conftest import ROOT, run

SCHEMAS = ROOT / "schemas"


def test_committed_schemas_match_the_models() -> None:
    assert stale(ROOT) == [], "run `coursekit schemas` and commit schemas/"


def test_schemas_check_command_detects_drift(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    for name, text in all_schemas().items():
        (tmp_path / "schemas" / name).write_text(text, encoding="utf-8")
    (tmp_path / "schemas" / "sops.schema.json").write_text("{}\n", encoding="utf-8")
    result = run("coursekit", "schemas", "--check", "--root", tmp_path)
    assert result.returncode == 1
    assert "schemas/ is out of date (sops.schema.json)" in result.stderr
    assert run("coursekit", "schemas", "--root", tmp_path).returncode == 0
    assert stale(tmp_path) == []


def test_vscode_maps_every_data_kind() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == vscode_mapping()
    assert set(GLOBS) == {*(k.name for k in kinds.ALL), "course"}
    for schema in settings["yaml.schemas"]:
        assert (ROOT / schema).is_file()


@pytest.mark.parametrize("path", sorted((ROOT / "data").glob("*/*.yml")), ids=lambda p: p.stem)
def test_every_record_is_valid_under_its_schema(path: Path) -> None:
    schema = json.loads((SCHEMAS / f"{path.parent.name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)


def test_course_outline_is_valid_under_its_schema() -> None:
    schema = json.loads((SCHEMAS / "course.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load((ROOT / "data/course.yml").read_text(encoding="utf-8")), schema)


def test_schema_flags_what_the_editor_should_flag() -> None:
    schema = json.loads((SCHEMAS / "worksheets.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load((ROOT / "data/worksheets/swot-talent.yml").read_text(encoding="utf-8"))
    data["sections"][0]["fields"][0]["kind"] = "texarea"
    data["minuts"] = 5
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert any("minuts" in e.message for e in errors)
    assert errors
