#!/usr/bin/env python3
"""Benchmark: handout pack and print edition, cold (empty cache) and warm (cache hit).

Each measurement runs in its own process (so peak memory is its own): wall time, files rendered,
seconds per file by kind and format, peak RSS of the main process and of the largest worker.
Scaling: the handout pack of the course with every worksheet, SOP and case copied 2× and 4×.
Writes bench/results/handouts.json and bench/results/handouts.md.

    .venv/bin/python bench/handouts.py [--root DIR] [--repeat 2] [--no-scaling | --scaling-only]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def measure(what: str, root: Path, out: Path, cache: Path) -> dict:
    """One run in this process (called in a child): timings, counts and peak memory as a dict."""
    from coursekit.handouts.build import build_book, build_handouts
    from coursekit.handouts.jobs import Selection
    start = time.perf_counter()
    if what == "handouts":
        report = build_handouts(root, out, Selection(), cache=cache, progress=False)
    else:
        report = build_book(root, out, ["student", "teacher"], cache=cache, progress=False)
    seconds = time.perf_counter() - start
    per = defaultdict(list)
    for rel, secs in report.rendered.items():
        kind = "book" if what == "print" else (rel.split("/")[1] if rel.count("/") == 2 else "project zip"
                                                if rel.endswith(".zip") else "schedule")
        per[f"{kind} {'teacher ' if '.teacher.' in rel else ''}{Path(rel).suffix[1:]}"].append(secs)
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime
    return {"seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3), "files": report.planned,
            "rendered": len(report.rendered),
            "failed": len(report.failed),
            "per_file": {k: {"n": len(v), "mean_s": round(statistics.mean(v), 3)} for k, v in sorted(per.items())},
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "peak_worker_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)}


def run_child(what: str, root: Path, out: Path, cache: Path) -> dict:
    """``measure`` in a fresh interpreter; also the wall time of the whole process (startup included)."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, __file__, "--child", what, str(root), str(out), str(cache)],
                          capture_output=True, text=True, check=True)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["process_seconds"] = round(time.perf_counter() - start, 3)
    return result


def cold_warm(what: str, root: Path, repeat: int) -> dict:
    """Best of ``repeat`` cold runs (new cache each), then warm runs on the last cache."""
    colds, warms = [], []
    for _ in range(repeat):
        work = Path(tempfile.mkdtemp(prefix="bench-"))
        colds.append(run_child(what, root, work / "out", work / "cache"))
        for _ in range(repeat):
            warms.append(run_child(what, root, work / "out", work / "cache"))
        shutil.rmtree(work, ignore_errors=True)
    cold = min(colds, key=lambda r: r["seconds"])
    warm = min(warms, key=lambda r: r["seconds"])
    return {"cold": cold, "warm": warm, "cold_runs_s": [r["seconds"] for r in colds],
            "warm_runs_s": [r["seconds"] for r in warms],
            "warm_over_cold": round(warm["seconds"] / cold["seconds"], 4),
            "warm_over_cold_process": round(warm["process_seconds"] / cold["process_seconds"], 4)}


def scaled_copy(root: Path, factor: int, dest: Path) -> Path:
    """A copy of the course with each worksheet, SOP and case duplicated ``factor`` times in all."""
    for name in ("data", "docs", "templates", "macros"):
        if (root / name).exists():
            shutil.copytree(root / name, dest / name, symlinks=False)
    shutil.copy(root / "mkdocs.yml", dest / "mkdocs.yml")
    for kind in ("worksheets", "sops", "cases"):
        for path in sorted((dest / "data" / kind).glob("*.yml")):
            text = path.read_text(encoding="utf-8")
            for n in range(2, factor + 1):
                copy_id = f"{path.stem}-copy{n}"
                (path.parent / f"{copy_id}.yml").write_text(text.replace(f"id: {path.stem}\n", f"id: {copy_id}\n", 1),
                                                            encoding="utf-8")
    return dest


def scaling(root: Path, factors: list[int], repeat: int) -> list[dict]:
    """Cold handout runs on 1×, 2×, 4× copies (best of ``repeat``): seconds per file should stay flat."""
    rows = []
    for factor in factors:
        work = Path(tempfile.mkdtemp(prefix=f"bench-x{factor}-"))
        course = scaled_copy(root, factor, work / "course")
        runs = []
        for i in range(repeat):  # a new cache each time: every run is cold
            runs.append(run_child("handouts", course, work / f"out{i}", work / f"cache{i}"))
        r = min(runs, key=lambda run: run["seconds"])
        rows.append({"factor": factor, "files": r["files"], "seconds": r["seconds"], "cpu_seconds": r["cpu_seconds"],
                     "s_per_file": round(r["seconds"] / r["rendered"], 4),
                     "cpu_s_per_file": round(r["cpu_seconds"] / r["rendered"], 4),
                     "peak_worker_rss_mb": r["peak_worker_rss_mb"]})
        shutil.rmtree(work, ignore_errors=True)
    base = rows[0]
    for row in rows:
        row["time_ratio"] = round(row["seconds"] / base["seconds"], 2)
        row["cpu_ratio"] = round(row["cpu_seconds"] / base["cpu_seconds"], 2)
        row["files_ratio"] = round(row["files"] / base["files"], 2)
    return rows


def report_md(data: dict) -> str:
    """A short markdown report of ``data``."""
    lines = [f"# Handouts benchmark ({data['date']})", "",
             f"Machine: {data['machine']['cpus']} CPUs, Python {data['machine']['python']}, "
             f"load average at start {data['machine']['load_at_start']}.", "",
             "| run | files | rendered | seconds (in process) | seconds (process, startup incl.) "
             "| peak RSS main / worker (MB) |",
             "|---|---|---|---|---|---|"]
    for what in ("handouts", "print"):
        for phase in ("cold", "warm"):
            r = data[what][phase]
            lines.append(f"| {what} {phase} | {r['files']} | {r['rendered']} | {r['seconds']} | {r['process_seconds']} "
                         f"| {r['peak_rss_mb']} / {r['peak_worker_rss_mb']} |")
    lines += ["", "Warm / cold: " + ", ".join(
        f"{w} {data[w]['warm_over_cold']:.1%} in process, {data[w]['warm_over_cold_process']:.1%} with startup"
        for w in ("handouts", "print")), "", "Cost per rendered file (cold, mean of one worker's time):", "",
        "| file | n | seconds each |", "|---|---|---|"]
    for what in ("handouts", "print"):
        for key, v in data[what]["cold"]["per_file"].items():
            lines.append(f"| {key} | {v['n']} | {v['mean_s']} |")
    if data.get("scaling"):
        lines += ["", "Scaling (cold handout pack, records copied; CPU = main process + workers):", "",
                  "| factor | files | wall s | CPU s | CPU s per file | wall ratio | CPU ratio | files ratio |",
                  "|---|---|---|---|---|---|---|---|"]
        lines += [f"| {r['factor']}× | {r['files']} | {r['seconds']} | {r.get('cpu_seconds', '')} | "
                  f"{r.get('cpu_s_per_file', '')} | {r['time_ratio']} | {r.get('cpu_ratio', '')} | {r['files_ratio']} |"
                  for r in data["scaling"]]
    return "\n".join(lines) + "\n"


def main() -> int:
    """Run everything and write the results."""
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(measure(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]), Path(sys.argv[5]))))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=ROOT)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--no-scaling", action="store_true")
    ap.add_argument("--scaling-only", action="store_true", help="rerun only the scaling check, keep the rest")
    args = ap.parse_args()
    previous = RESULTS / "handouts.json"
    keep = (args.scaling_only or args.no_scaling) and previous.exists()   # refresh one part, keep the other
    data = json.loads(previous.read_text(encoding="utf-8")) if keep else {}
    data.update({"date": time.strftime("%Y-%m-%d %H:%M")})
    data.setdefault("machine", {}).update({"cpus": os.cpu_count(), "python": platform.python_version(),
                                           "load_at_start": round(os.getloadavg()[0], 2)})
    for what in () if args.scaling_only else ("handouts", "print"):
        data[what] = cold_warm(what, args.root.resolve(), args.repeat)
        print(f"{what}: cold {data[what]['cold']['seconds']} s, warm {data[what]['warm']['seconds']} s", flush=True)
    if not args.no_scaling:
        data["scaling"] = scaling(args.root.resolve(), [1, 2, 4], args.repeat)
    data["machine"]["load_at_end"] = round(os.getloadavg()[0], 2)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "handouts.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "handouts.md").write_text(report_md(data), encoding="utf-8")
    print(report_md(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
