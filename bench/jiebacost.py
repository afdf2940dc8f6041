"""What loading jieba's dictionary costs (with and without jieba's cache file in the temp folder, and as our
build reads that file: coursekit/search/jiebaload.py), how often a process loads it (mkdocs serve rebuilds),
and what a later process pays with unchanged content (jieba's cuts kept in .cache/coursekit).

Run as a script by bench/site.py, each part in a fresh process.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LOAD = """
import time, jieba, logging
jieba.setLogLevel(logging.WARNING)
t = time.perf_counter(); jieba.initialize(); print(time.perf_counter() - t)
"""

OURS = """
import time, jieba
from coursekit.search import jiebaload
t = time.perf_counter(); assert jiebaload.load(); print(time.perf_counter() - t)
"""

REBUILDS = """
import json, os, sys, time, logging
import jieba
from coursekit.search import jiebaload
loads = []
original, ours = jieba.Tokenizer.initialize, jiebaload.load
def counted(self, dictionary=None):
    if not self.initialized:
        loads.append(1)
    return original(self, dictionary)
def counted_ours(tokenizer=None):
    loaded = ours(tokenizer)
    loads.extend([1] if loaded else [])
    return loaded
jieba.Tokenizer.initialize, jiebaload.load = counted, counted_ours
jieba.setLogLevel(logging.WARNING)
from mkdocs.commands.build import build
from mkdocs.config import load_config
times = []
for i in range(int(sys.argv[1])):
    t = time.perf_counter()
    build(load_config("mkdocs.yml", site_dir=sys.argv[2]))
    times.append(time.perf_counter() - t)
print(json.dumps({"build_s": times, "dictionary_loads": len(loads)}))
"""


def _python(code: str, *args: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}, check=True)
    return result.stdout.strip().splitlines()[-1]


def measure(builds: int = 3) -> dict:
    """Dictionary load cold (no cache) and warm, and repeated builds in one process."""
    with tempfile.TemporaryDirectory() as empty:
        cold = float(_python(LOAD, env={"TMPDIR": empty}))  # jieba caches under the temp folder
    warm = float(_python(LOAD))  # and jieba's cache file is now there for ours
    ours = float(_python(OURS))
    shutil.rmtree(ROOT / ".cache" / "coursekit", ignore_errors=True)  # our cut cache: start without it
    with tempfile.TemporaryDirectory() as out:
        rebuilds = json.loads(_python(REBUILDS, str(builds), out))
        again = json.loads(_python(REBUILDS, "1", out))  # a new process, the cut cache now filled
    return {"cold_load_s": cold, "warm_load_s": warm, "ours_load_s": ours, **rebuilds,
            "next_process_build_s": again["build_s"][0], "next_process_dictionary_loads": again["dictionary_loads"]}


if __name__ == "__main__":
    started = time.perf_counter()
    print(json.dumps(measure(), indent=2), f"({time.perf_counter() - started:.0f} s)")
