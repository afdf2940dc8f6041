"""bench/results/site.md from bench/results/site.json: the figures next to their targets."""

from __future__ import annotations

from typing import Any


def _ok(good: bool) -> str:
    return "met" if good else "**not met**"


def write_report(r: dict[str, Any]) -> str:
    """A short Markdown report of whatever parts were run."""
    t = r["targets"]
    m = r["machine"]
    out = ["# Site benchmark", "",
           f"{m['date']}, {m['cpus']} cores, Python {m['python']}, load average {m['load_avg_at_start']:.1f} at start"
           f" and {m.get('load_avg_at_end', 0):.1f} at end. Reproduce: `make bench-site`.", ""]
    if "ratio" in r:
        x = r["ratio"]
        out += ["## Build vs plain material", "",
                "| | ours | floor | ratio | target |", "|---|---|---|---|---|",
                f"| wall, median of {x['runs']} | {x['ours_wall_s']:.2f} s | {x['floor_wall_s']:.2f} s "
                f"| {x['ratio_wall']:.2f} | ≤ {t['build_ratio']} {_ok(x['ratio_wall'] <= t['build_ratio'])} |",
                f"| CPU, median | {x['ours_cpu_s']:.2f} s | {x['floor_cpu_s']:.2f} s | {x['ratio_cpu']:.2f} "
                f"| ≤ {t['build_ratio']} {_ok(x['ratio_cpu'] <= t['build_ratio'])} |", ""]
    if "scale" in r:
        rows = r["scale"]
        base = rows.get("1x")
        out += ["## Scale", "", "| course | pages | worksheets | SOPs | cases | wall | CPU / page | vs 1× "
                "| peak memory | output / page | vs 1× |", "|---|---|---|---|---|---|---|---|---|---|---|"]
        for name, s in rows.items():
            cpu = s["cpu_s_per_page"] / base["cpu_s_per_page"] - 1 if base else 0
            size = s["bytes_per_page"] / base["bytes_per_page"] - 1 if base else 0
            out.append(f"| {name} | {s['pages']} | {s['worksheets']} | {s['sops']} | {s['cases']} | {s['wall_s']:.1f} s "
                       f"| {s['cpu_s_per_page'] * 1000:.0f} ms | {cpu:+.0%} | {s['peak_rss_mb']:.0f} MB "
                       f"| {s['bytes_per_page'] / 1000:.1f} KB | {size:+.0%} |")
        if base and "10x" in rows:
            s = rows["10x"]
            cpu = s["cpu_s_per_page"] / base["cpu_s_per_page"] - 1
            size = s["bytes_per_page"] / base["bytes_per_page"] - 1
            out += ["", f"10× vs 1×: CPU per page {cpu:+.0%} (target at most +{t['scale_cpu_per_page']:.0%}: "
                        f"{_ok(cpu <= t['scale_cpu_per_page'])}; 1× carries a fixed start-up cost of imports and "
                        f"jieba's dictionary), output per page {size:+.0%} (target at most "
                        f"+{t['scale_bytes_per_page']:.0%}: {_ok(size <= t['scale_bytes_per_page'])})."]
            if "30x" in rows:
                marginal = rows["30x"]["cpu_s_per_page"] / s["cpu_s_per_page"] - 1
                out.append(f"30× vs 10×: CPU per page {marginal:+.0%}, output per page "
                           f"{rows['30x']['bytes_per_page'] / s['bytes_per_page'] - 1:+.0%}.")
        out.append("")
    if "browser" in r:
        b = r["browser"]
        out += ["## Page weight on first load (gzip -6, search index apart)", "",
                "| page | path | requests | bytes | other hosts |", "|---|---|---|---|---|"]
        for name, w in b["page_weight"].items():
            out.append(f"| {name} | `/{w['path']}` | {w['requests']} | {w['gzip_bytes_without_index'] / 1000:.0f} KB "
                       f"| {len(w['other_hosts'])} |")
        lessons = {k: v for k, v in b["page_weight"].items() if k.startswith("lesson")}
        plain = [v for k, v in lessons.items() if "no diagram" in k]
        if plain:
            out += ["", f"Lesson without a diagram: {plain[0]['gzip_bytes_without_index'] / 1000:.0f} KB "
                        f"(target ≤ {t['lesson_gzip_bytes'] / 1000:.0f} KB: "
                        f"{_ok(plain[0]['gzip_bytes_without_index'] <= t['lesson_gzip_bytes'])})."]
        out += ["", f"Search index: {b['index_gzip_bytes'] / 1000:.0f} KB gzip (stock material: "
                    f"{b['stock_index_gzip_bytes'] / 1000:.0f} KB; target ≤ {t['index_gzip_bytes'] / 1000:.0f} KB: "
                    f"{_ok(b['index_gzip_bytes'] <= t['index_gzip_bytes'])}).", ""]
        lat = b["latency"]
        out += ["## Search", "", f"Keyup → first result, {lat['queries']} queries after the index loaded: median "
                f"{lat['median_ms']:.0f} ms, 95th percentile {lat['p95_ms']:.0f} ms, max {lat['max_ms']:.0f} ms "
                f"(target ≤ {t['search_ms']} ms: {_ok(lat['p95_ms'] <= t['search_ms'])}).", ""]
        rel = b["relevance"]
        kinds = list(rel["ours"]["by_kind"])
        out += [f"Relevance suite ({rel['queries']} queries, expected page in the top {rel['top']}):", "",
                "| | all | " + " | ".join(kinds) + " |", "|---|---|" + "---|" * len(kinds)]
        for name in ("ours", "stock"):
            row = rel[name]
            out.append(f"| {name} | {row['hit_rate']:.0%} | " + " | ".join(f"{row['by_kind'][k]:.0%}" for k in kinds) + " |")
        out += ["", "Missed by ours: " + ("; ".join(f"{x['q']} (→ {x['expect']})" for x in rel["ours"]["missed"])
                                          or "none") + ".", ""]
    if "jieba" in r:
        j = r["jieba"]
        out += ["## jieba", "", f"Dictionary load: {j['cold_load_s']:.2f} s with no cache file, {j['warm_load_s']:.2f} s "
                f"from its cache. {len(j['build_s'])} builds in one process (as `mkdocs serve` rebuilds): "
                + ", ".join(f"{s:.2f} s" for s in j["build_s"]) + f"; dictionary loaded {j['dictionary_loads']} time(s).", ""]
    return "\n".join(out)
