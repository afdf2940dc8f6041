"""Every change we make to mkdocs-material's built JavaScript, each with its reason.

material ships minified bundles; we edit them by exact string after the build. Each patch must match
exactly once: when material's code changes, the build fails loudly (naming the installed material
version) instead of silently shipping the bug or the CDN request. mkdocs-material is pinned exactly in
pyproject.toml for this reason; README "升级 mkdocs / material" says what to re-check on an upgrade, and
tests/test_patches.py checks each patch against the installed material (still applies, still needed).

:data:`PATCHES` fix material; :data:`SEARCH_HOOKS` call our query rewrite (coursekit/search/worker.js),
which :mod:`coursekit.search.worker` prepends to the search worker.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

log = logging.getLogger(__name__)

CHECKED = "9.8.1"
"""The mkdocs-material version these patches were checked against (the pin in pyproject.toml)."""

SOURCE = f"https://github.com/squidfunk/mkdocs-material/blob/{CHECKED}/src/templates/assets/javascripts/"
WORKER = "workers/search.*.min.js"
BUNDLE = "bundle.*.min.js"


@dataclass(frozen=True)
class Patch:
    """Replace ``old`` by ``new`` in the one built file matching ``file`` (under assets/javascripts/)."""

    file: str
    old: str
    new: str
    reason: str    # what breaks without it
    upstream: str  # material's source of the code patched
    ours: bool = False  # part of coursekit's search, not a fix of material: left out with stock_search


def _local(path: str) -> str:
    """A JavaScript expression for a file under the site root, from any page."""
    return ('new URL(JSON.parse(document.querySelector("#__config").textContent).base'
            f'+"/{path}",location.href).href')


_SEGMENT = SOURCE + "integrations/search/query/segment/index.ts"

PATCHES: tuple[Patch, ...] = (
    Patch(WORKER,
          "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)",
          "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)",
          "segment() splits a run of Chinese characters into words of the index, but never tries a word "
          "that ends the run (j < query.length): the last word of 社群裂变, or all of 社群 when 社 is indexed, "
          "is lost (社* is searched instead)", _SEGMENT),
    Patch(WORKER,
          "n[a]&&a<t.length-1&&(i[s++]=a)",
          "n[a]&&a<t.length&&(i[s++]=a)",
          "the same function never continues at the run's last character (q < query.length - 1): a "
          "one-character word ending the run (营销课 → 营销, 课) is dropped", _SEGMENT),
    Patch(BUNDLE,
          '"https://unpkg.com/mermaid@11/dist/mermaid.min.js"',
          _local("assets/vendor/mermaid/mermaid.min.js"),
          "a diagram without a pre-rendered picture (make serve, coursekit's diagrams: live) loads mermaid from "
          "unpkg.com: pages must not contact other hosts (China, WeChat, the offline bundle)",
          SOURCE + "components/content/mermaid/index.ts"),
    Patch(BUNDLE,
          '"https://unpkg.com/resize-observer-polyfill"',
          _local("assets/vendor/resize-observer-polyfill/ResizeObserver.js"),
          "a browser without ResizeObserver (older in-app browsers) loads the polyfill from unpkg.com: "
          "pages must not contact other hosts",
          SOURCE + "browser/element/size/_/index.ts"),
    Patch(BUNDLE,
          'n=L(t.pipe(Re(zt)),h(e,"keyup"),o)',
          'n=L(t.pipe(Re(zt)),h(e,"keyup"),h(e,"input"),o)',
          "the search box is read again only on keyup (and when the worker is ready, or on focus): text that "
          "arrives without a key, pasted from a chat, picked from the phone keyboard's suggestions or committed by "
          "a Chinese input method that sends no keyup, is not searched until the reader types once more",
          SOURCE + "components/search/query/index.ts"),
)

_RESULT_META = ('.subscribe(([{items:l},{value:f}])=>{switch(l.length){case 0:s.textContent=f.length?'
                'Me("search.result.none"):Me("search.result.placeholder");break;case 1:s.textContent='
                'Me("search.result.one");break;default:let u=br(l.length);s.textContent=Me("search.result.other",u)}})')

PATCHES += (
    Patch(BUNDLE, _RESULT_META,
          _RESULT_META.replace("{items:l}", "{items:l,ckSay:ck,ckTotal:ct,ckShown:cs}")
          .replace("br(l.length)", "br(ct||l.length)")[:-2]
          + 'if(cs)s.append(cs);if(ck){let g=document.createElement("span");g.className="ck-search-suggest";'
            'g.textContent=ck;s.append(" ",g)}})',
          "the query rewrite corrects pinyin and homophone typos (siyu → 私域, 私欲 → 私域): the reader must see "
          "what was searched instead, after the result count (as text: the correction is the reader's input); "
          "with shards only the best pages are listed, so the count is of all pages found, and says how many "
          "are listed (the words come from the worker's data, in the edition's script)",
          SOURCE + "components/search/result/index.ts", ours=True),
    # Search on demand (issue 18): a reader who never searches downloads neither the worker nor the index.
    Patch(BUNDLE,
          'function Ei(e,t){let r=Mn(e);return L($(location.protocol!=="file:"),Je("search"))',
          'function Ei(e,t){let r=Mn(e,((u,w,l)=>({addEventListener(...a){l.push(a);w&&w.addEventListener(...a)},'
          'removeEventListener(...a){l=l.filter(x=>x[1]!==a[1]);w&&w.removeEventListener(...a)},'
          'postMessage(m){if(!w){w=new Worker(u);l.forEach(a=>w.addEventListener(...a))}w.postMessage(m)}}))'
          '(e,null,[]));return L($(!1),Je("search"))',
          "material starts the search worker and fetches the whole index on every first page view (file:// "
          "excepted), whether or not the reader searches: 336 KB gzip of a 489 KB first visit. The worker is "
          "now created at its first message and set up when search first opens, as material already does for file://",
          SOURCE + "integrations/search/worker/_/index.ts", ours=True),
    Patch(BUNDLE,
          'ze(new URL("search/search_index.json",Or.base))',
          'ze(new URL("search/shards/manifest.json",Or.base))',
          "the first search downloads the whole index (336 KB gzip, ten times that for a course ten times "
          "larger): the worker gets the shards' manifest instead and fetches only the pieces a query needs "
          "(coursekit/search/shards.py); file:// (the offline bundle) keeps material's inlined whole index",
          SOURCE + "integrations/search/_/index.ts", ours=True),
    Patch(BUNDLE,
          'function Ai(e,{index$:t,location$:r}){return z([t,r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")))])',
          'function Ai(e,{index$:t,location$:r}){return z([r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")),Re(),'
          'b(()=>t)),r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")))])',
          "highlighting a search term on the page (?h=…) asks for the index on every page view, with or "
          "without ?h=: it now asks only when the page was opened from a search result",
          SOURCE + "components/search/highlight/index.ts", ours=True),
)

_SEARCH = SOURCE + "integrations/search/worker/main/index.ts"

SEARCH_HOOKS: tuple[Patch, ...] = (
    Patch(WORKER, "de=new U(t.data)", "de=new U(__ckShards.setup(t.data))",
          "the index joins Chinese words with a space to save bytes; setup() restores material's U+200B "
          "before the index is built, and takes the shards' manifest instead of the index (search/shards.js)",
          _SEARCH),
    Patch(WORKER, "data:de.search(e)", "data:yield __ckShards.run(e,de)",
          "query() rewrites each query (繁→简, aliases, words of the index) before material searches, "
          "result() hides words the reader never typed; with shards, run() first fetches the pieces of the "
          "index the query needs (the handler is an async generator: yield awaits)", _SEARCH),
)


class PatchError(RuntimeError):
    """material's JavaScript no longer matches a patch."""


def material_version() -> str:
    """The installed mkdocs-material version."""
    return version("mkdocs-material")


def find(site_dir: Path, pattern: str) -> Path:
    """The one built file matching ``pattern``; PatchError if there is not exactly one."""
    found = sorted((site_dir / "assets" / "javascripts").glob(pattern))
    if len(found) != 1:
        raise PatchError(f"expected one file matching assets/javascripts/{pattern} in {site_dir}, found "
                         f"{len(found)} (mkdocs-material {material_version()}, patches checked against {CHECKED}); "
                         "update coursekit/patches.py for this material version")
    return found[0]


def apply(code: str, patches: tuple[Patch, ...], name: str) -> str:
    """``code`` with ``patches`` applied (an applied patch is left alone); PatchError if one matches neither way."""
    for patch in patches:
        if code.count(patch.old) == 1:
            code = code.replace(patch.old, patch.new)
        elif code.count(patch.new) != 1:  # neither patched nor patchable
            raise PatchError(f"{name}: material's code changed (mkdocs-material {material_version()}, patches "
                             f"checked against {CHECKED}), the patch for {patch.old[:40]!r}… no longer applies; "
                             f"see {patch.upstream} for the upstream code and update coursekit/patches.py")
    return code


def patch_site(site_dir: Path, stock_search: bool = False) -> list[Path]:
    """Apply :data:`PATCHES` to the built site; return the files changed.

    ``stock_search`` leaves the search worker as material ships it (for comparisons, see coursekit.search).
    """
    changed: list[Path] = []
    wanted = tuple(p for p in PATCHES if not (stock_search and (p.ours or p.file == WORKER)))
    for pattern in sorted({p.file for p in wanted}):
        path = find(site_dir, pattern)
        original = path.read_text(encoding="utf-8")
        code = apply(original, tuple(p for p in wanted if p.file == pattern), path.name)
        if code != original:
            path.write_text(code, encoding="utf-8")
            changed.append(path)
    return changed
