"""Synthetic courses k× the size of the real one, for the scale benchmark.

``make_course(k, dest)`` copies the course and adds k−1 "volumes" (册): every
project with its task pages, worksheets, SOPs and cases, under new slugs and
ids (the glossary and the sources stay as they are: terms are defined once).
The nav groups projects by volume, as a site that large would be organised:
the tabs are 首页, 第1册 … 第k册 and the remaining top-level pages, so the
pruned navigation of a page holds its own volume's projects, not all of them.
Every scale, 1× included, uses that same shape, so figures compare like with like.
"""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("data", "docs", "templates", "macros", "overrides", "diagrams")
MACRO_ID = re.compile(r'\b(worksheet|sop|case)\(\s*"([a-z0-9-]+)"')


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, keeping its !ENV and !!python tags as opaque values."""


class _Tagged:
    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


def _construct(loader: yaml.Loader, suffix: str, node: yaml.Node) -> _Tagged:
    value = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else (
        loader.construct_mapping(node, deep=True) if isinstance(node, yaml.MappingNode) else loader.construct_scalar(node))
    return _Tagged(suffix, value)


_Loader.add_multi_constructor("", _construct)


class _Dumper(yaml.SafeDumper):
    """Writes the opaque tags back."""


def _represent(dumper: yaml.Dumper, data: _Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Dumper.add_representer(_Tagged, _represent)


def letters(n: int) -> str:
    """1 → a, 26 → z, 27 → aa (slugs may hold letters only after their number)."""
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def make_course(k: int, dest: Path, prune: bool = True) -> dict[str, int]:
    """Write a course k× the real size to ``dest``; return its counts."""
    if dest.exists():
        shutil.rmtree(dest)
    for name in COPIED:
        shutil.copytree(ROOT / name, dest / name)
    (dest / "src" / "coursekit").mkdir(parents=True)  # mkdocs.yml watches it
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    course = yaml.safe_load((dest / "data" / "course.yml").read_text(encoding="utf-8"))
    projects = list(course["projects"])
    renames = {}
    for v in range(2, k + 1):
        renames = {p["slug"]: f"{p['slug']}-v{letters(v)}" for p in projects}
        for p in projects:
            course["projects"].append({**p, "slug": renames[p["slug"]], "number": p["number"] + 6 * (v - 1),
                                       "title": f"{p['title']}（第{v}册）"})
            _copy_project(dest, p["slug"], renames[p["slug"]], f"-v{v:02d}")
        ideology = (course.get("standard") or {}).get("ideology") or []
        ideology += [{**copy.deepcopy(i), "project": renames[i["project"]]} for i in list(ideology) if i["project"] in renames]
        _copy_records(dest, renames, f"-v{v:02d}")
    (dest / "data" / "course.yml").write_text(yaml.safe_dump(course, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _write_nav(dest, k, [p["slug"] for p in projects], prune)
    return {"pages": len(list((dest / "docs").rglob("*.md"))),
            **{kind: len(list((dest / "data" / kind).glob("*.yml"))) for kind in ("worksheets", "sops", "cases")}}


def _copy_project(dest: Path, slug: str, new_slug: str, suffix: str) -> None:
    """A project's pages under a new slug, embedding the copies of its records."""
    src_dir, out_dir = dest / "docs" / "modules" / slug, dest / "docs" / "modules" / new_slug
    out_dir.mkdir(parents=True)
    for page in src_dir.glob("*.md"):
        text = page.read_text(encoding="utf-8")
        text = re.sub(rf"^project: {slug}$", f"project: {new_slug}", text, count=1, flags=re.M)
        text = MACRO_ID.sub(lambda m: f'{m.group(1)}("{m.group(2)}{suffix}"', text)
        text = re.sub(r'^\{\{ quiz\("[^"]*"\) \}\}$', "", text, flags=re.M)  # a bank's quiz is on its own page only
        text = re.sub(r"^(\s+worksheets: \[)([^\]]*)\]$", lambda m: m.group(1) + ", ".join(  # its 项目实训 hands in the copies
            f"{w.strip()}{suffix}" for w in m.group(2).split(",")) + "]", text, flags=re.M)
        (out_dir / page.name).write_text(text, encoding="utf-8")


def _copy_records(dest: Path, renames: dict[str, str], suffix: str) -> None:
    """Worksheets, SOPs and cases of the copied projects, with new ids."""
    for kind in ("worksheets", "sops", "cases"):
        for path in sorted((dest / "data" / kind).glob("*.yml")):
            if re.search(r"-v\d\d\.yml$", path.name):
                continue
            text = path.read_text(encoding="utf-8")
            text = re.sub(r"^id: ([a-z0-9-]+)$", lambda m: f"id: {m.group(1)}{suffix}", text, count=1, flags=re.M)
            for old, new in renames.items():
                text = re.sub(rf"(?<![a-z0-9-]){re.escape(old)}(?![a-z0-9-])", new, text)
            (path.parent / f"{path.stem}{suffix}.yml").write_text(text, encoding="utf-8")


def _write_nav(dest: Path, k: int, slugs: list[str], prune: bool) -> None:
    """The nav grouped by volume (see the module docstring); optionally without navigation.prune."""
    config = yaml.load((dest / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    nav = config["nav"]
    first = f"modules/{slugs[0]}/index.md"
    start = next(i for i, item in enumerate(nav) if _first_page(item) == first)
    end = start + len(slugs)
    sections = nav[start:end]
    volumes = [{"第1册": sections}]
    for v in range(2, k + 1):
        copies = []
        for section, slug in zip(sections, slugs):
            (title, items), = section.items()
            new = f"{slug}-v{letters(v)}"
            pages = [_rename(i, slug, new) for i in items if slug in str(i)]
            copies.append({f"{title}（第{v}册）": pages})
        volumes.append({f"第{v}册": copies})
    config["nav"] = nav[:start] + volumes + nav[end:]
    if not prune:
        config["theme"]["features"] = [f for f in config["theme"]["features"] if f != "navigation.prune"]
    (dest / "mkdocs.yml").write_text(yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _first_page(item: Any) -> str:
    if isinstance(item, dict):
        (_, value), = item.items()
        return _first_page(value[0]) if isinstance(value, list) else str(value)
    return str(item)


def _rename(item: Any, slug: str, new: str) -> Any:
    if isinstance(item, dict):
        return {key: str(value).replace(f"modules/{slug}/", f"modules/{new}/") for key, value in item.items()}
    return str(item).replace(f"modules/{slug}/", f"modules/{new}/")
