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
(``?h=``) only on a page opened from a result. The index itself is still one file (bench/: what
the first search adds).

The coursekit plugin's ``stock_search`` option (:mod:`coursekit.plugin`) turns all of this off
(and the segmenter fix and the ``ours`` patches in :mod:`coursekit.patches`) so the relevance suite and ``bench/``
can compare against stock material search. It is a test and benchmark switch only.
"""
