"""The nav of mkdocs.yml (and of any mkdocs.*.yml with a nav of its own) as ``mkdocs build --strict`` checks it.

mkdocs 1.6 logs a nav entry to a missing page (``validation.nav.not_found``,
a warning by default), an entry starting with ``/`` (``absolute_links``) and a
page in no entry (``omitted_files``, INFO by default, a warning in this
course's mkdocs.yml); a strict build fails on warnings, so these are reported
only at the levels that would fail it.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import yaml
from mkdocs.utils import markdown_extensions
from pathspec.gitignore import GitIgnoreSpec

from ..errors import Problem
from .mkconfig import MkConfig, configs

log = logging.getLogger(__name__)

_ALWAYS_EXCLUDED = [".*", "/templates/"]  # mkdocs' own exclude_docs (mkdocs/structure/files.py)

Entry = tuple[str | None, str, int]  # (title, target, line in the config)


def check_nav(root: Path) -> list[Problem]:
    """Every nav problem that would fail a strict build of any config, once per nav."""
    problems: set[Problem] = set()
    seen: set[tuple[str, str]] = set()
    for config in configs(root):
        node = config.nodes.get("nav")
        if node is None or (config.owner["nav"], config.docs_dir) in seen:
            continue  # an inherited nav is checked once, with the file that has it
        seen.add((config.owner["nav"], config.docs_dir))
        entries = _entries(node)
        problems |= set(_targets(root, config, entries)) | set(_omitted(root, config, entries))
    return sorted(problems)


def _entries(node: yaml.Node) -> list[Entry]:
    """Every page or link in a nav, as mkdocs reads it (a mapping's string value is an entry, else a section)."""
    if isinstance(node, yaml.SequenceNode):
        return [e for item in node.value for e in _entries(item)]
    if isinstance(node, yaml.ScalarNode):
        return [(None, str(node.value), node.start_mark.line + 1)]
    if isinstance(node, yaml.MappingNode):
        found: list[Entry] = []
        for k, v in node.value:
            if isinstance(v, yaml.ScalarNode):
                found.append((str(k.value), str(v.value), v.start_mark.line + 1))
            else:
                found += _entries(v)
        return found
    return []


def _targets(root: Path, config: MkConfig, entries: list[Entry]) -> list[Problem]:
    """Entries pointing to no file in the docs folder, or to an absolute path."""
    owner, docs = config.owner["nav"], config.docs_dir
    out = []
    for title, target, line in entries:
        url = urlsplit(target)
        if url.scheme or url.netloc:
            continue
        name = f"'{title or target}'"
        if target.startswith("/"):
            if config.validation("nav", "absolute_links") >= logging.WARNING:
                out.append(Problem(owner, line, "nav-missing-page",
                                   f"nav entry {name} points to {target}, an absolute path the build warns about; "
                                   f"write the page's path inside {docs}/ without the leading /"))
        elif not (root / docs / target).is_file() and config.validation("nav", "not_found") >= logging.WARNING:
            out.append(Problem(owner, line, "nav-missing-page",
                               f"nav entry {name} points to {docs}/{target}, which does not exist; "
                               f"create the page or remove the entry"))
    return out


def _omitted(root: Path, config: MkConfig, entries: list[Entry]) -> list[Problem]:
    """Pages no nav entry names, when the build warns about them (``validation.nav.omitted_files: warn``)."""
    if config.validation("nav", "omitted_files") < logging.WARNING:
        return []
    skip = GitIgnoreSpec.from_lines(_ALWAYS_EXCLUDED + [line for key in ("exclude_docs", "draft_docs", "not_in_nav")
                                                        for line in str(config.values.get(key) or "").splitlines()])
    listed = {PurePosixPath(os.path.normpath(t)).as_posix() for _, t, _ in entries}
    docs = root / config.docs_dir
    out = []
    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(docs).as_posix()
        if path.suffix in markdown_extensions and path.is_file() and rel not in listed \
                and not skip.match_file(rel):
            out.append(Problem(f"{config.docs_dir}/{rel}", 1, "nav-omitted-page",
                               f"the page is in no entry of {config.owner['nav']}'s nav, and the build warns about "
                               f"it (validation.nav.omitted_files); add it to nav, or to not_in_nav if only links "
                               f"lead to it"))
    return out
