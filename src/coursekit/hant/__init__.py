"""The 繁體中文 edition: Simplified text converted to Traditional (Taiwan phrasing) at build time.

One converter (:mod:`.convert`) serves every output: OpenCC's ``s2twp``
configuration (Traditional characters, Taiwan variants and Taiwan phrasing,
e.g. 信息 → 資訊) plus a reviewed term table, ``data/hant-terms.yml``, for
the words whose Taiwan phrasing is wrong for this subject (社区 must not
become 社群, 标准作业程序 must not become 標準作業程式, 项目 stays 項目 …).

Where the conversion happens, and why there:

* **Pages** (:mod:`.html`): the whole rendered page in ``on_post_page`` —
  text nodes and the few attributes a reader sees (title, alt, aria-label,
  placeholder, content), never ``href``, ``src``, ``id`` or scripts. One place
  covers page content, data rendered by macros, templates, navigation, the
  table of contents and the site name.
* **Search** (:mod:`.search`): material indexes each page before
  ``on_post_page``, so jieba segments the Simplified text it knows well; the
  finished index is then converted one segment at a time, and the query
  rewrite gets the Traditional forms of the glossary aliases plus the words
  whose Taiwan phrasing differs from a plain character conversion
  (資訊 ↔ 信息-typed-in-Traditional 信息), so a reader finds a page typing either.
* **Own scripts and stylesheets**: the worksheet tools' messages.
* **Files** (:mod:`.office`): handouts and slides, text nodes of DOCX, XLSX
  and PPTX parts; PDFs are converted as HTML before WeasyPrint.

The language switch (:mod:`.switch`) links each page to the same page in the
other edition; the editions are deployed side by side (``/`` and ``/zh-hant/``).
"""

from __future__ import annotations

import logging

from .convert import HANT, Converter, converter, is_hant_language

log = logging.getLogger(__name__)

__all__ = ["HANT", "Converter", "converter", "is_hant_language"]
