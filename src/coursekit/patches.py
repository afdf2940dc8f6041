"""Small, exact patches to material's built JavaScript.

1. The search worker splits an unspaced Chinese query (社群裂变) into words
   known to the index, but its loops stop one character short, so the last
   word never matches. Two loop bounds are corrected.
2. The main bundle loads mermaid and a ResizeObserver polyfill from
   unpkg.com. Pages must not contact other hosts, so both are pointed at the
   copies in ``docs/assets/vendor/`` (see its README.txt).

Each patch must match exactly once: if material's files change, the build
fails loudly instead of silently shipping the bug or the CDN request.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)


def _local(path: str) -> str:
    """A JavaScript expression for a file under the site root, from any page."""
    return ('new URL(JSON.parse(document.querySelector("#__config").textContent).base'
            f'+"/{path}",location.href).href')


PATCHES: tuple[tuple[str, str, str], ...] = (
    ("workers/search.*.min.js",
     "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)",
     "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"),
    ("workers/search.*.min.js",
     "n[a]&&a<t.length-1&&(i[s++]=a)",
     "n[a]&&a<t.length&&(i[s++]=a)"),
    ("bundle.*.min.js",
     '"https://unpkg.com/mermaid@11/dist/mermaid.min.js"',
     _local("assets/vendor/mermaid/mermaid.min.js")),
    ("bundle.*.min.js",
     '"https://unpkg.com/resize-observer-polyfill"',
     _local("assets/vendor/resize-observer-polyfill/ResizeObserver.js")),
)


class PatchError(RuntimeError):
    """material's JavaScript no longer matches a patch."""


def patch_site(site_dir: Path, stock_search: bool = False) -> list[Path]:
    """Apply every patch to the built site; return the files changed.

    ``stock_search`` leaves the search worker as material ships it (for comparisons, see coursekit.search).
    """
    changed: list[Path] = []
    patterns = {p[0] for p in PATCHES if not (stock_search and p[0].startswith("workers/"))}
    for pattern in sorted(patterns):
        found = sorted((site_dir / "assets" / "javascripts").glob(pattern))
        if len(found) != 1:
            raise PatchError(f"expected one file matching assets/javascripts/{pattern} in {site_dir}, "
                             f"found {len(found)}; update coursekit/patches.py for this material version")
        path = found[0]
        code = original = path.read_text(encoding="utf-8")
        for _, old, new in (p for p in PATCHES if p[0] == pattern):
            if code.count(old) == 1:
                code = code.replace(old, new)
            elif code.count(new) != 1:  # neither patched nor patchable
                raise PatchError(f"{path.name}: material's code changed, the patch for {old[:40]!r}… no longer "
                                 f"applies; check the upstream fix and update coursekit/patches.py")
        if code != original:
            path.write_text(code, encoding="utf-8")
            changed.append(path)
    return changed
