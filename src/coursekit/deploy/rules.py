"""Content-Type and Cache-Control of each file of a built site, by its path.

Cache rules (deploy/nginx/shequn.conf sends the same):

- fingerprinted assets, material's ``assets/**/<name>.<8+ hex>.min.js|css`` and their ``.map``, and the
  search shards ``search/shards/<name>.<hash>.json``: the name changes whenever the content does, so a
  year and ``immutable``;
- pages, the search index and its shards' manifest (which names the current shards), the sitemap: ``no-cache`` (kept, but revalidated on every use): a corrected page or
  a new homework must reach students at once, and a revalidation is a cheap 304;
- everything else keeps its name across versions (the course's own ck-*.js and course.css, vendored
  scripts, images, downloads): five minutes, so a lesson's repeated page loads make no requests, while a
  page and the unfingerprinted script it needs are out of step for five minutes at most.
"""

from __future__ import annotations

import mimetypes
import re

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
SHORT = "public, max-age=300"

FINGERPRINTED = re.compile(r"\.[0-9a-f]{8,}\.min\.(?:js|css)(?:\.map)?$|(?:^|/)search/shards/[a-z0-9-]+\.[0-9a-f]{8,}\.json$")
ALWAYS_FRESH = re.compile(r"(?:\.html|(?:^|/)search/search_index\.json|(?:^|/)search/shards/manifest\.json"
                          r"|(?:^|/)sitemap\.xml(?:\.gz)?)$")

# Explicit, so that the result does not depend on the machine's /etc/mime.types.
TYPES: dict[str, str] = {
    ".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".mjs": "text/javascript",
    ".json": "application/json", ".map": "application/json", ".webmanifest": "application/manifest+json",
    ".xml": "application/xml", ".svg": "image/svg+xml", ".txt": "text/plain", ".md": "text/markdown",
    ".csv": "text/csv", ".yml": "text/yaml", ".yaml": "text/yaml",
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".webp": "image/webp", ".ico": "image/x-icon", ".avif": "image/avif",
    ".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf", ".otf": "font/otf",
    ".pdf": "application/pdf", ".zip": "application/zip", ".gz": "application/gzip",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".mp4": "video/mp4", ".webm": "video/webm", ".mp3": "audio/mpeg",
}
# Text types get an explicit charset: without one, some browsers guess GBK for Chinese text.
TEXT_TYPES = {"application/json", "application/manifest+json", "application/xml", "image/svg+xml",
              "text/javascript"}


def content_type(path: str) -> str:
    """The Content-Type for ``path`` (a site-relative POSIX path), with ``charset=utf-8`` for text."""
    dot = path.rfind(".")
    ext = path[dot:].lower() if dot > path.rfind("/") else ""
    kind = TYPES.get(ext) or mimetypes.guess_type(path, strict=True)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind in TEXT_TYPES:
        return f"{kind}; charset=utf-8"
    return kind


def cache_control(path: str) -> str:
    """The Cache-Control for ``path`` (a site-relative POSIX path): see the module docstring."""
    if FINGERPRINTED.search(path):
        return IMMUTABLE
    if ALWAYS_FRESH.search(path):
        return REVALIDATE
    return SHORT
