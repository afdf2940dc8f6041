"""What a deploy changes: the site's files against the bucket's objects, compared by content hash.

An object is unchanged when its ETag is the MD5 of the file (what S3, OSS and COS return for a single-part
upload, which is the only kind ``coursekit deploy`` makes); otherwise (a multipart upload, server-side
encryption with KMS, another tool) the sha256 that every upload stores in the object's metadata decides,
read with one HEAD request for that object only. So a second run with nothing changed uploads nothing.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .rules import ALWAYS_FRESH

SHA_KEY = "sha256"  # x-amz-meta-sha256
TARGET = re.compile(r"^s3://(?P<bucket>[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9])(?:/(?P<prefix>.*))?$")


@dataclass(frozen=True)
class Target:
    """A bucket and a key prefix (empty, or ending in ``/``)."""

    bucket: str
    prefix: str

    def __str__(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}"


def parse_target(url: str) -> Target:
    """``s3://BUCKET/PREFIX`` → Target; ValueError with the expected form otherwise."""
    match = TARGET.match(url)
    if not match:
        raise ValueError(f"{url!r} is not s3://BUCKET/PREFIX (bucket: 3–63 lowercase letters, digits, - or .)")
    prefix = (match["prefix"] or "").strip("/")
    if prefix and any(part in ("", ".", "..") for part in prefix.split("/")):
        raise ValueError(f"{url!r}: the prefix has an empty, . or .. part")
    return Target(match["bucket"], f"{prefix}/" if prefix else "")


@dataclass(frozen=True)
class LocalFile:
    """One file of the site: its path below the site folder, its size and hashes."""

    rel: str
    path: Path
    size: int
    md5: str
    sha256: str


@dataclass(frozen=True)
class RemoteObject:
    """One object under the prefix, as a listing shows it."""

    key: str
    etag: str
    size: int


@dataclass
class Plan:
    """Uploads (new or changed; pages last), deletions, and how many files are already there."""

    uploads: list[tuple[LocalFile, str]] = field(default_factory=list)  # (file, "新增" | "更新")
    deletes: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def upload_bytes(self) -> int:
        return sum(f.size for f, _ in self.uploads)

    def is_empty(self) -> bool:
        return not self.uploads and not self.deletes


def hash_file(path: Path) -> tuple[str, str]:
    """MD5 and sha256 of a file, hex."""
    md5, sha = hashlib.md5(usedforsecurity=False), hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            md5.update(chunk)
            sha.update(chunk)
    return md5.hexdigest(), sha.hexdigest()


def scan(site: Path) -> list[LocalFile]:
    """Every file below ``site``, except hidden ones (.git, .DS_Store, …), sorted by path."""
    files = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and not any(part.startswith(".") for part in rel.split("/")):
            files.append(LocalFile(rel, path, path.stat().st_size, *hash_file(path)))
    return files


def compare(files: Iterable[LocalFile], remote: dict[str, RemoteObject], prefix: str, *, delete: bool,
            force: bool = False, remote_sha: Callable[[str], str | None] = lambda key: None) -> Plan:
    """The plan that makes the objects under ``prefix`` match ``files``.

    ``remote_sha(key)`` reads the stored sha256 of an object whose ETag is not the file's MD5; ``force``
    uploads every file again (after the rules in :mod:`.rules` changed, say).
    """
    plan = Plan()
    seen = set()
    for f in files:
        key = prefix + f.rel
        seen.add(key)
        obj = remote.get(key)
        if obj is None:
            plan.uploads.append((f, "新增"))
        elif force or not _same(f, obj, remote_sha):
            plan.uploads.append((f, "更新"))
        else:
            plan.unchanged += 1
    # Assets before the pages that use them, so that no page is served before its scripts are there.
    plan.uploads.sort(key=lambda item: (bool(ALWAYS_FRESH.search(item[0].rel)), item[0].rel))
    if delete:
        plan.deletes = sorted(k for k in remote if k not in seen)
    return plan


def _same(f: LocalFile, obj: RemoteObject, remote_sha: Callable[[str], str | None]) -> bool:
    if obj.size != f.size:
        return False
    if obj.etag.strip('"').lower() == f.md5:
        return True
    return remote_sha(obj.key) == f.sha256
