"""Put the query rewrite (``worker.js``) into material's built search worker.

The prelude is prepended to the worker file with its data filled in, and two
exact patches call it: on setup (restore the index's word markers) and on each
query. Like :mod:`coursekit.patches`, a patch must match exactly once, so a new
material version fails the build loudly instead of silently searching without it.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from ..patches import SEARCH_HOOKS, PatchError

log = logging.getLogger(__name__)

PRELUDE = Path(__file__).with_name("worker.js")
SHARDS = Path(__file__).with_name("shards.js")  # the sharded index's reader, after the query rewrite it calls
START = "/* coursekit-search prelude"
END = "/* end of coursekit-search prelude */\n"
DATA = '/*DATA*/{"t2s": "", "groups": [], "stop": [], "longest": 8}'

HOOKS: tuple[tuple[str, str], ...] = tuple((h.old, h.new) for h in SEARCH_HOOKS)  # reasons: coursekit.patches


def worker_file(site_dir: Path) -> Path:
    """material's search worker in a built site."""
    found = sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if len(found) != 1:
        raise PatchError(f"expected one search worker in {site_dir}/assets/javascripts/workers, found {len(found)}; "
                         "update coursekit/search/worker.py for this material version")
    return found[0]


def prelude(data: dict[str, Any]) -> str:
    """``worker.js`` with its data, then ``shards.js``."""
    code = PRELUDE.read_text(encoding="utf-8")
    if code.count(DATA) != 1:
        raise PatchError(f"{PRELUDE.name} must contain the data placeholder {DATA!r} exactly once")
    if not code.endswith(END):
        raise PatchError(f"{PRELUDE.name} must end with {END!r}")
    code = code[:-len(END)] + SHARDS.read_text(encoding="utf-8") + END
    return code.replace(DATA, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def install(site_dir: Path, data: dict[str, Any]) -> Path:
    """Prepend the prelude (replacing an earlier one) and hook it in; return the worker's path."""
    path = worker_file(site_dir)
    code = path.read_text(encoding="utf-8")
    if code.startswith(START):
        code = code[code.index(END) + len(END):]
    for old, new in HOOKS:
        if code.count(old) == 1:
            code = code.replace(old, new)
        elif code.count(new) != 1:
            raise PatchError(f"{path.name}: material's search worker changed, the hook for {old!r} no longer "
                             "applies; update SEARCH_HOOKS in coursekit/patches.py")
    path.write_text(prelude(data) + code, encoding="utf-8")
    return path
