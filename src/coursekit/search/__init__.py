"""Chinese search that works the way readers type, on top of material's own search.

material's search stays: its index format, its lunr worker and its result list.
What this package adds, and why each piece sits where it does:

* **The query, in the browser** (:mod:`.query`, ``worker.js``). A small script is
  prepended to material's search worker and two exact patches route each query
  through it (see :mod:`.worker`). It maps Traditional characters to Simplified
  (a table generated at build time with OpenCC, limited to characters the index
  contains: a few KB), normalises full-width Latin (ＫＯＬ → KOL), drops question
  words (怎么, 如何 …) and adds the other names of every glossary term found in
  the query (私域 ↔ 私域流量, KOL ↔ 意见领袖; ``search_synonyms`` in
  ``data/course.yml`` add groups such as 拉新 ↔ 引流). It reads pinyin and its
  initials (siyu, sy → 私域) and corrects homophone typos of a pinyin input method
  (私欲 → 私域) with the course's words by pinyin (:mod:`.pinyin`), and says what it
  searched instead ("你要找的是不是：…", shown by a patch of material's result list);
  a word on most pages (社群) counts little beside a rarer one, and a question of
  definition (什么是…) puts the glossary's entry first.
* **Compact results** (``worker.js``, ``result``): each result is its title, its
  sections and one matching sentence, highlighted, cut from the index's already
  escaped text with only ``<mark>`` kept; no keyword tags.
  Why query-side rather than writing aliases and Traditional forms into the
  index: the index is the heaviest download of the site (its size is a target
  in ``bench/``), Traditional variants would nearly double it, and an alias
  written into every page that uses a term makes that page match queries it
  does not answer. A query-side rewrite costs nothing in the index, applies
  to every page at once, and is measured by the relevance suite
  (``tests/browser/test_search_relevance.py``).
* **Records as search entries** (:mod:`.index`). Worksheets, SOPs and cases are
  embedded in lessons under the lesson's headings, and the glossary is one long
  page, so material's index (one entry per heading) cannot point at them. Each
  record gets its own entry at its anchor (``#ws-…``, ``#sop-…``, ``#case-…``,
  ``#term-…``); listings that only repeat those titles are left out of the index.
* **A smaller index** (:mod:`.index`). Written as UTF-8 instead of ``\\uXXXX``
  escapes, without segment markers that a separator already provides, with a
  one-byte marker between two Chinese words (restored by the worker before
  indexing, so tokens and highlighting are unchanged), and without Mermaid
  source code (each diagram's caption describes it in words).

**On demand**: material starts its worker and fetches the whole index on every first page
view; two bundle patches (:data:`coursekit.patches.PATCHES`, ``ours``) create the worker at its
first message and set it up when search first opens, and fetch the index for page highlighting
(``?h=``) only on a page opened from a result.

**In pieces** (:mod:`.shards`, ``shards.js``). The whole index was what the first search cost
(about 340 KB gzip, ten times that for a course ten times larger). The build now computes the lunr
index material's worker would build (same tokenizer, separator, identity stemmer of ``lang: zh``,
BM25 with material's b = 0, weights rounded as lunr rounds them) and writes it under
``search/shards/``: terms grouped by the hash of their first character (the number of groups grows
with the index, so a group stays small), each term's postings in a first tier of its best 100 per
field and a tail; each page's titles; section texts, three sections a file. A bundle patch hands the
worker the manifest instead of the index; on a query, ``shards.js`` fetches the groups of the
query's characters (every word the query rewrite or material's segmenter can look up starts at one
of them), runs the query rewrite, builds a lunr index of just those terms (lunr scores a document by
the query terms' weights only, so scores are exact) and lets material's own ``Search`` rank it, then
fetches the titles of the ten result pages and the one section text each shows, and highlights them
with material's code on a small index of those documents. Why these choices:

* exact ranking rather than an approximation: the relevance suite was tuned on lunr's scores; the
  browser test asks a worker with the whole index and one with the shards every suite query and
  expects the same pages and sections in the same order (107 of 107, at 1× and 10×);
* a term's tail is fetched whenever the query has that term: a bound check (the left-out postings
  cannot change the top ten) held for the pages but not always for a page's sections or material's
  "terms matched" boost, which counts a term even at boost 0; tails are small (refs as gaps), and the
  tier keeps a character's group small for the many queries that do not ask for its common words;
* our own shards rather than pagefind: keeps jieba's segmentation, the query rewrite and material's
  UI unchanged, and needs no binary at build time;
* only the ten best pages are listed (their titles and one sentence each are what is fetched);
  the count says 10 when more pages match;
* ``file://`` (the offline bundle, where a worker cannot fetch files) keeps material's inlined
  whole index: ``search_index.json`` is still written, for it, for the zh-Hant conversion that
  rewrites it before the shards are cut, and for the tests that read it.

Shard files carry one content hash in their names (cached for a year); the manifest is always
revalidated (:mod:`coursekit.deploy.rules`, ``deploy/nginx/shequn.conf``).

The coursekit plugin's ``stock_search`` option (:mod:`coursekit.plugin`) turns all of this off
(and the segmenter fix and the ``ours`` patches in :mod:`coursekit.patches`) so the relevance suite and ``bench/``
can compare against stock material search. It is a test and benchmark switch only.
"""
