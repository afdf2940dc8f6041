"""Content-hash cache: a file is rendered again only when something it is made from changed.

Each job gets a key: the hash of its inputs (the record, the course outline and
sources it names, the templates, this code and the library versions). Rendered
files are kept in a store under that key, so a second run only copies them, and
switching between editions or output folders costs no rendering either.
"""

from __future__ import annotations

import hashlib
import json
import logging
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

LIBRARIES = ("weasyprint", "python-docx", "openpyxl", "Markdown", "pymdown-extensions", "Jinja2")
_PACKAGE = Path(__file__).resolve().parent.parent  # src/coursekit: its code shapes every output


def digest(*parts: Any) -> str:
    """A stable hash of JSON-serialisable parts; pydantic models anywhere inside are dumped."""
    def plain(value: Any) -> Any:
        """JSON fallback: pydantic models as data, anything else as text."""
        return value.model_dump(mode="json") if hasattr(value, "model_dump") else str(value)
    data = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=plain)
    return hashlib.sha256(data.encode()).hexdigest()


def _files_digest(paths: list[Path], base: Path) -> str:
    """Hash of files' relative names and contents."""
    h = hashlib.sha256()
    for path in sorted(paths):
        h.update(path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of coursekit's source and the versions of the libraries that write the files."""
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=none")
    return digest(_files_digest(list(_PACKAGE.rglob("*.py")), _PACKAGE), versions)


def templates_version(templates: Path) -> str:
    """Hash of every template and print stylesheet."""
    files = [p for p in templates.rglob("*") if p.is_file()]
    return _files_digest(files, templates)


class Store:
    """Rendered files by key: ``<dir>/<key[:2]>/<key><suffix>``."""

    def __init__(self, folder: Path):
        """A store in ``folder`` (created on first write)."""
        self.folder = folder

    def path(self, key: str, suffix: str) -> Path:
        """Where the file for ``key`` is (or will be) kept."""
        return self.folder / key[:2] / f"{key}{suffix}"

    def has(self, key: str, suffix: str) -> bool:
        """True when the file for ``key`` was rendered before."""
        return self.path(key, suffix).is_file()
