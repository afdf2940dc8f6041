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
        goal = t["build_ratio"]
        out += ["## Build vs plain material", "", f"Medians of {x['runs']} interleaved runs.", "",
                "| our build | ours (CPU) | floor (CPU) | ratio CPU | ratio wall | target |", "|---|---|---|---|---|---|"]
        for name, what in (("warm", "content unchanged since the last build"),
                           ("edited", "one page changed since the last build"),
                           ("cold", "no cache: a fresh clone")):
            ratio = x[f"ratio_{name}_cpu"]
            out.append(f"| {what} | {x[f'{name}_cpu_s']:.2f} s | {x['floor_cpu_s']:.2f} s | {ratio:.2f} "
                       f"| {x[f'ratio_{name}_wall']:.2f} | ≤ {goal} {_ok(ratio <= goal)} |")
        if "new_cpu_s" in x:
            ratio, goal = x["ratio_new_cpu"], t.get("new_machine_ratio", 1.5)
            out.append(f"| first build on a new machine (empty temp folder, the floor's too) | {x['new_cpu_s']:.2f} s "
                       f"| {x['floor_new_cpu_s']:.2f} s | {ratio:.2f} | {x['ratio_new_wall']:.2f} "
                       f"| ≤ {goal} {_ok(ratio <= goal)} (once per machine) |")
        out += ["", "jieba's cuts are kept in .cache/coursekit between builds; only text not cut before is cut. "
                "Both sides keep what they keep per machine in the temp folder: jieba's dictionary cache, and for ours "
                "compiled templates (coursekit/jinjacache.py, Jinja's bytecode cache). A new machine has neither.", ""]
    if "scale" in r:
        out += _scale(r["scale"], t)
    if "browser" in r:
        b = r["browser"]
        out += ["## Page weight on first load (gzip -6, search index apart)", "",
                "| page | path | requests | bytes | other hosts |", "|---|---|---|---|---|"]
        for name, w in b["page_weight"].items():
            out.append(f"| {name} | `/{w['path']}` | {w['requests']} | {w['gzip_bytes_without_index'] / 1000:.0f} KB "
                       f"| {len(w['other_hosts'])} |")
        lessons = {k: v for k, v in b["page_weight"].items() if k.startswith("lesson")}
        if lessons:
            worst = max(v["gzip_bytes_without_index"] for v in lessons.values())
            out += ["", f"Heaviest lesson page: {worst / 1000:.0f} KB (target ≤ {t['lesson_gzip_bytes'] / 1000:.0f} KB: "
                        f"{_ok(worst <= t['lesson_gzip_bytes'])})."]
        out += ["", f"Whole search index: {b['index_gzip_bytes'] / 1000:.0f} KB gzip (stock material: "
                    f"{b['stock_index_gzip_bytes'] / 1000:.0f} KB). Only the offline bundle loads it (file://); "
                    "the site's search fetches the shards a query needs (the phone row below).", ""]
        if "first_search" in b:
            fs, one = b["first_search"], b["first_search"]["1x"]
            ratio = fs["10x"]["first_search_gzip_bytes"] / max(1, one["first_search_gzip_bytes"])
            out += [f"Phone, heaviest task page ({one['path']}): {one['first_visit_gzip_bytes'] / 1000:.0f} KB gzip before "
                    f"any touch (index {'loaded' if one['index_before_touch'] else 'not loaded'}; target ≤ "
                    f"{t['first_visit_gzip_bytes'] / 1000:.0f} KB: {_ok(one['first_visit_gzip_bytes'] <= t['first_visit_gzip_bytes'])}); "
                    f"the first search adds {one['first_search_gzip_bytes'] / 1000:.0f} KB (target ≤ "
                    f"{t['first_search_gzip_bytes'] / 1000:.0f} KB: {_ok(one['first_search_gzip_bytes'] <= t['first_search_gzip_bytes'])}); "
                    f"at 10× {fs['10x']['first_search_gzip_bytes'] / 1000:.0f} KB, {ratio:.1f}× (target ≤ "
                    f"{t['first_search_10x_ratio']}×: {_ok(ratio <= t['first_search_10x_ratio'])}).", ""]
        lat = b["latency"]
        out += ["## Search", "", f"Keyup → first result, {lat['queries']} queries after the index loaded: median "
                f"{lat['median_ms']:.0f} ms, 95th percentile {lat['p95_ms']:.0f} ms, max {lat['max_ms']:.0f} ms "
                f"(target ≤ {t['search_ms']} ms: {_ok(lat['p95_ms'] <= t['search_ms'])})"
                + (f"; at 10×: median {b['latency_10x']['median_ms']:.0f} ms, 95th percentile "
                   f"{b['latency_10x']['p95_ms']:.0f} ms" if "latency_10x" in b else "") + ".", ""]
        rel = b["relevance"]
        kinds = list(rel["ours"]["by_kind"])
        out += [f"Relevance suite ({rel['queries']} queries, expected page in the top {rel['top']} / first; "
                f"target ≥ 90 % / ≥ 75 %):", "",
                "| | all | " + " | ".join(kinds) + " |", "|---|---|" + "---|" * len(kinds)]
        for name in ("ours", "stock"):
            row = rel[name]
            top1 = row.get("by_kind_top1", {})
            cells = [f"{row['by_kind'][k]:.0%}" + (f" / {top1[k]:.0%}" if k in top1 else "") for k in kinds]
            out.append(f"| {name} | {row['hit_rate']:.0%}" + (f" / {row['top1_rate']:.0%}" if "top1_rate" in row else "")
                       + " | " + " | ".join(cells) + " |")
        out += ["", "Missed by ours: " + ("; ".join(f"{x['q']} (→ {x['expect']})" for x in rel["ours"]["missed"])
                                          or "none") + ".", ""]
    if "jieba" in r:
        j = r["jieba"]
        out += ["## jieba", "", f"Dictionary load (as the floor pays it): {j['cold_load_s']:.2f} s with no cache file, "
                f"{j['warm_load_s']:.2f} s from its cache."
                + (f" Our build reads the same cache file in {j['ours_load_s']:.2f} s (coursekit/search/jiebaload.py)."
                   if "ours_load_s" in j else "") + f" {len(j['build_s'])} builds in one process "
                "(as `mkdocs serve` rebuilds): " + ", ".join(f"{s:.2f} s" for s in j["build_s"])
                + f"; whole dictionary loaded {j['dictionary_loads']} time(s)."
                + (f" The next process (content unchanged, cuts cached): {j['next_process_build_s']:.2f} s, dictionary "
                   f"loaded {j['next_process_dictionary_loads']} time(s)." if "next_process_build_s" in j else ""), ""]
    return "\n".join(out)


def _scale(rows: dict[str, Any], t: dict[str, Any]) -> list[str]:
    """The scale table and the 10× verdicts."""
    base = rows.get("1x")

    def vs(s: dict[str, Any], key: str) -> float:
        return s[key] / base[key] - 1 if base else 0.0

    out = ["## Scale", "", "| course | pages | worksheets | SOPs | cases | wall | CPU / page | vs 1× | peak memory "
           "| output / page (all pages) | vs 1× | the real course's lesson pages: HTML / page | vs 1× "
           "| output / source byte | vs 1× |", "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, s in rows.items():
        out.append(f"| {name} | {s['pages']} | {s['worksheets']} | {s['sops']} | {s['cases']} | {s['wall_s']:.1f} s "
                   f"| {s['cpu_s_per_page'] * 1000:.0f} ms | {vs(s, 'cpu_s_per_page'):+.0%} | {s['peak_rss_mb']:.0f} MB "
                   f"| {s['bytes_per_page'] / 1000:.1f} KB | {vs(s, 'bytes_per_page'):+.0%} "
                   f"| {s.get('real_pages_html_per_page', 0) / 1000:.1f} KB | {vs(s, 'real_pages_html_per_page'):+.0%} "
                   f"| {s.get('output_per_source_byte', 0):.2f} | {vs(s, 'output_per_source_byte'):+.0%} |")
    if base and "10x" in rows:
        s, goal = rows["10x"], t["scale_bytes_per_page"]
        cpu = vs(s, "cpu_s_per_page")
        same, per_src, avg = vs(s, "real_pages_html_per_page"), vs(s, "output_per_source_byte"), vs(s, "bytes_per_page")
        out += ["", f"10× vs 1×: CPU per page {cpu:+.0%} (target at most +{t['scale_cpu_per_page']:.0%}: "
                    f"{_ok(cpu <= t['scale_cpu_per_page'])}; 1× carries a fixed start-up cost of imports and "
                    f"jieba's dictionary).",
                f"Output, like for like (target at most +{goal:.0%}): the same lesson pages {same:+.0%} "
                f"({_ok(same <= goal)}), output per source byte {per_src:+.0%} ({_ok(per_src <= goal)}). "
                f"Averaged over all pages {avg:+.0%}: the 1× course has proportionally more small pages "
                f"(home, library, glossary are not multiplied), so the average rises with the mix, not per page."]
        if "30x" in rows:
            x = rows["30x"]
            out.append(f"30× vs 10×: CPU per page {x['cpu_s_per_page'] / s['cpu_s_per_page'] - 1:+.0%}, the same page "
                       f"{x['real_pages_html_per_page'] / s['real_pages_html_per_page'] - 1:+.0%}, output per source "
                       f"byte {x['output_per_source_byte'] / s['output_per_source_byte'] - 1:+.0%}.")
    return out + [""]
