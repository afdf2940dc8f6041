"""The search index in pieces (``search/shards/``): the browser fetches only what a query needs.

material's worker builds a lunr index from every document of ``search_index.json`` in the browser, so
the first search downloads all of it. Here the same lunr index is computed at build time, the way
lunr.js 2.3.9 and material 9.8.1 build it (material's HTML-aware tokenizer and separator, lower case,
``lang: zh``'s identity stemmer, BM25 with k1 1.2 and b 0 as material sets it, weights rounded to three
decimals), and cut into files:

* ``manifest.json``: material's config with ``shards`` added (the number of documents and shards, one
  hash for the file names), and no documents;
* ``t<N>.<hash>.json``: the terms whose first character hashes to bucket N, each with its document
  frequency and, per field, its best :data:`TIER` postings ``[ref, weight]`` (lunr's field-vector weight:
  a document's score is Σ query weight × this weight / |query vector|, so postings of the query's terms
  alone give lunr's exact score);
* ``x<N>.<hash>.json``: the remaining postings of those terms (``c`` in the first tier says which fields
  have more, and the highest weight left out), fetched when the query has such a term: the shard of a
  character stays small for every query that does not ask for its most common words (a shard whose
  terms all fit in the first tier has no such file);
* ``d<P>.<hash>.json``: page P's documents as ``[ref, location, title, …]``, for the results shown;
* ``b<P>-<K>.<hash>.json``: the texts of page P's sections K × :data:`PART` … (ref → text), fetched for
  the one section of each shown result whose sentence is shown.

A ref is ``page × mult + section`` (section 0 is the page itself), so the browser knows each result's
page without the document list. ``shards.js`` is the browser side.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import math
import re
import shutil
import tempfile
import zlib
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from ..atomicfile import cache_write, keep_newest

TIER = 100            # postings per term and field in the first tier
SHARD_BYTES = 10_000  # first-tier bytes per shard, about (before gzip): the count grows with the index
PART = 3              # sections per text file: a result's sentence needs one section's text
SCALE = 1000          # weights have three decimals (lunr rounds them): stored exactly as integers
K1, B = 1.2, 0.0      # lunr's k1; material sets b to 0
FIELDS = ("title", "text", "tags")
ANGLES = re.compile("([<>])")
JS_SPACE = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
IDENTITY_LANGS = {"zh"}  # lunr-languages stemmers that return the word unchanged


def separator(config: dict[str, Any]) -> re.Pattern[str]:
    """material's separator as JavaScript reads it (JavaScript's ``\\s`` differs from Python's)."""
    return re.compile(config["separator"].replace("\\s", JS_SPACE))


def text_sections(value: str) -> list[str]:
    """The text between tags, exactly as material's ``extract`` finds it (a stray ``>`` ends a section).

    material walks the string character by character: ``<`` ends a non-empty section and starts the
    next one at itself, ``>`` drops the section it ends. The same walk over the pieces between them.
    """
    pieces = ANGLES.split(value)
    out, cur = [], pieces[0]
    for i in range(1, len(pieces), 2):
        if pieces[i] == "<":
            if cur:
                out.append(cur)
            cur = "<" + pieces[i + 1]
        else:
            cur = pieces[i + 1]
    if cur:
        out.append(cur)
    return out


def tokens(value: Any, sep: re.Pattern[str]) -> list[str]:
    """material's tokenizer, without positions: lower-cased pieces of each text section."""
    inputs = value if isinstance(value, list) else [value]
    return [p.lower() for v in inputs if isinstance(v, str) for s in text_sections(v) for p in sep.split(s) if p]


def check_config(config: dict[str, Any]) -> None:
    """Only configurations whose lunr pipeline is known here can be sharded; fail loudly otherwise."""
    if not set(config["lang"]) <= IDENTITY_LANGS or set(config.get("pipeline", [])) - {"stemmer"}:
        raise ValueError(f"search shards support lang {sorted(IDENTITY_LANGS)} with pipeline [stemmer], not "
                         f"lang {config['lang']} pipeline {config.get('pipeline')}; update coursekit/search/shards.py")


def refs(docs: list[dict[str, Any]]) -> tuple[list[int], int]:
    """Each document's ref (page × mult + section) and mult; material orders a page before its sections."""
    pages: dict[str, int] = {}
    sections: dict[str, int] = defaultdict(int)
    pairs = []
    for doc in docs:
        page = doc["location"].split("#")[0]
        if page not in pages:
            pages[page] = len(pages)
            pairs.append((pages[page], 0))
        else:
            sections[page] += 1
            pairs.append((pages[page], sections[page]))
    mult = 10 ** len(str(max([s for _, s in pairs] + [0]) + 1))
    return [p * mult + s for p, s in pairs], mult


def postings(index: dict[str, Any]) -> tuple[dict[str, dict[str, list[tuple[int, float]]]], dict[str, int], list[int], int]:
    """term → field → [(ref, weight)] as lunr would score them, each term's document count, refs, mult."""
    config, docs = index["config"], index["docs"]
    check_config(config)
    sep = separator(config)
    boosts = {f: float(config["fields"].get(f, {}).get("boost", 1) or 1) for f in FIELDS if f in config["fields"]}
    ref_of, mult = refs(docs)
    tf: list[dict[str, Counter[str]]] = []  # per doc, per field: term → count
    lengths: dict[str, list[int]] = {f: [] for f in boosts}
    per_field_docs: dict[str, int] = defaultdict(int)  # lunr's idf counts a document once per field
    df: dict[str, int] = defaultdict(int)  # documents, each once
    last: dict[str, int] = {}
    for i, doc in enumerate(docs):
        fields: dict[str, Counter[str]] = {}
        for f in boosts:
            toks = tokens(doc.get(f), sep) if doc.get(f) is not None else []
            counts = Counter(toks)
            lengths[f].append(len(toks))
            for t in counts:
                per_field_docs[t] += 1
                if last.get(t) != i:
                    last[t] = i
                    df[t] += 1
            fields[f] = counts
        tf.append(fields)
    n = len(docs)
    idf = {t: math.log(1 + abs((n - c + 0.5) / (c + 0.5))) for t, c in per_field_docs.items()}
    avg = {f: (sum(v) / len(v) if v else 0.0) for f, v in lengths.items()}
    out: dict[str, dict[str, list[tuple[int, float]]]] = defaultdict(dict)
    floor, k1p = math.floor, K1 + 1
    for i, fields in enumerate(tf):
        boost, ref = float(docs[i].get("boost") or 1), ref_of[i]
        for f, counts in fields.items():
            norm = 1 - B + B * (lengths[f][i] / avg[f]) if avg[f] else 1.0
            k, fb = K1 * norm, boosts[f]
            for t, c in counts.items():
                score = idf[t] * (k1p * c) / (k + c) * fb * boost  # lunr's order of operations
                out[t].setdefault(f, []).append((ref, floor(score * 1000 + 0.5) / 1000))  # Math.round(x*1000)/1000
    return out, df, ref_of, mult


def bucket(term: str, count: int) -> int:
    """The shard of a term: its first character, hashed (the browser computes the same, see shards.js)."""
    return zlib.crc32(term[0].encode("utf-8")) % count


def build(index: dict[str, Any], tier: int = TIER) -> dict[str, bytes]:
    """The shard files, by name relative to ``search/shards/``, the manifest last."""
    terms, df, ref_of, mult = postings(index)
    first: dict[str, dict[str, Any]] = {}
    rest: dict[str, dict[str, list[int]]] = {}
    for term in sorted(terms):
        head: dict[str, Any] = {"d": df[term]}
        tail: dict[str, list[int]] = {}
        cuts: dict[str, int] = {}
        for f, plist in terms[term].items():
            if len(plist) <= tier:
                head[f] = _flat(sorted(plist))  # already in ref order, as a rule: linear
                continue
            plist.sort(key=lambda p: (-p[1], p[0]))
            head[f] = _flat(sorted(plist[:tier]))
            tail[f] = _flat(sorted(plist[tier:]))
            cuts[f] = round(plist[tier][1] * SCALE)  # no tail weight is above it
        if cuts:
            head["c"] = cuts
            rest[term] = tail
        first[term] = head
    count = max(1, math.ceil(len(_dumps(first)) / SHARD_BYTES))
    heads: list[dict[str, Any]] = [{} for _ in range(count)]
    tails: list[dict[str, Any]] = [{} for _ in range(count)]
    for term, head in first.items():
        heads[bucket(term, count)][term] = head
        if term in rest:
            tails[bucket(term, count)][term] = rest[term]
    titles: dict[str, list[Any]] = defaultdict(list)
    texts: dict[str, dict[str, str]] = defaultdict(dict)
    for ref, doc in sorted(zip(ref_of, index["docs"]), key=lambda p: p[0]):
        page, section = divmod(ref, mult)
        titles[f"d{page}"] += [ref, doc["location"], doc.get("title", "")]
        if isinstance(doc.get("text"), str):
            texts[f"b{page}-{section // PART}"][str(ref)] = doc["text"]
    # a shard with no tails has no x file (the browser asks for one only for a term marked "c")
    bodies = {**{f"t{i}": _dumps(h) for i, h in enumerate(heads)}, **{f"x{i}": _dumps(t) for i, t in enumerate(tails) if t},
              **{k: _dumps(v) for k, v in titles.items()}, **{k: _dumps(v) for k, v in texts.items()}}
    digest = hashlib.sha256(b"".join(bodies[k] for k in sorted(bodies))).hexdigest()[:10]
    files = {f"{k}.{digest}.json": v for k, v in bodies.items()}
    glossary = sorted({ref // mult for ref, doc in zip(ref_of, index["docs"]) if "#term-" in doc["location"]})
    info = {"count": count, "hash": digest, "docs": len(index["docs"]), "mult": mult, "scale": SCALE,
            "tier": tier, "part": PART, "terms": glossary}  # terms: pages with glossary entries (什么是…)
    # material's bundle passes only config and docs on to the worker: the shards ride in config
    manifest = {"config": {**index["config"], "shards": info}, "docs": []}
    files["manifest.json"] = _dumps(manifest)
    return files


def _flat(plist: list[tuple[int, float]]) -> list[int]:
    """Postings (in ref order) as ``[ref gap, weight × SCALE, …]``: small integers compress well."""
    out, last = [], 0
    for ref, weight in plist:
        out += [ref - last, round(weight * SCALE)]
        last = ref
    return out


def _dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write(site_dir: Path, tier: int = TIER, machine: Path | None = None) -> int:
    """Write ``search/shards/`` from the built site's ``search_index.json``; return the number of files.

    The files depend only on the index, this module and ``tier``: they are kept in the temp folder
    (``machine``; the newest :data:`MACHINE_FILES`), so a build whose index did not change (content
    unchanged, or a fresh clone of a course built here before) writes them without cutting again.
    """
    raw = (site_dir / "search" / "search_index.json").read_bytes()
    key = hashlib.sha256(b"\0".join([Path(__file__).read_bytes(), str(tier).encode(), raw])).hexdigest()[:24]
    kept = (machine if machine is not None else Path(tempfile.gettempdir())) / f"coursekit-shards-{key}.marshal"
    files = _cached(kept)
    if files is None:
        files = build(json.loads(raw.decode("utf-8")), tier)
        _keep(kept, files)
    folder = site_dir / "search" / "shards"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, body in files.items():
        (folder / name).write_bytes(body)
    return len(files)


MACHINE_FILES = 6  # sets of shard files kept in the temp folder (a few editions and courses)


def _cached(path: Path) -> dict[str, bytes] | None:
    try:
        files = marshal.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a damaged cache is only a slower build
        return None
    ok = isinstance(files, dict) and all(isinstance(k, str) and isinstance(v, bytes) for k, v in files.items())
    return files if ok and "manifest.json" in files else None


def _keep(path: Path, files: dict[str, bytes]) -> None:
    if cache_write(path, marshal.dumps(files), "search shards"):
        keep_newest(path.parent, "coursekit-shards-*.marshal", MACHINE_FILES)
