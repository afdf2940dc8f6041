"""A Markdown extension: a line break inside Chinese text is not a space.

Contributors wrap long paragraphs (in pages and in YAML ``|`` blocks). Markdown
keeps such a soft break as a newline, and browsers, WeasyPrint and Word all
draw it as a space, so "群里的家庭，⏎但是" reads "家庭， 但是". Between two
Chinese characters or full-width punctuation marks the break is dropped; next
to Latin letters or digits it stays a space, as in English. Preformatted text
(code, SOP scripts shown with their own line breaks) is left alone.

Used by the site (``coursekit.cjkbreaks`` in mkdocs.yml) and by the converter
for data fields (:mod:`coursekit.markup`), so handouts get it too.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

log = logging.getLogger(__name__)

# Han characters, CJK and full-width punctuation, and the curly quotes and dashes Chinese text uses
WIDE = "\u2014\u2018\u2019\u201c\u201d\u2026\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
SOFT_BREAK = re.compile(rf"(?<=[{WIDE}])[ \t]*\n[ \t]*(?=[{WIDE}])")
KEEP = re.compile(r"<(pre|code|script|style|textarea)\b.*?</\1>|<span class=\"ck-script\">.*?</span>", re.S)


def join_breaks(html: str) -> str:
    """``html`` without soft line breaks between Chinese characters, outside preformatted parts."""
    out, last = [], 0
    for m in KEEP.finditer(html):
        out += [SOFT_BREAK.sub("", html[last:m.start()]), m.group(0)]
        last = m.end()
    out.append(SOFT_BREAK.sub("", html[last:]))
    return "".join(out)


class _JoinBreaks(Postprocessor):
    """Runs on the finished HTML, after raw HTML (macro output) has been put back."""

    def run(self, text: str) -> str:
        """The page's HTML with Chinese soft breaks joined."""
        return join_breaks(text)


class CjkBreaksExtension(Extension):
    """Register the postprocessor late, after ``raw_html`` (priority 30)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        """Add the postprocessor."""
        md.postprocessors.register(_JoinBreaks(md), "cjk_breaks", 5)


def makeExtension(**kwargs: Any) -> CjkBreaksExtension:  # noqa: N802 - Python-Markdown's entry point
    """Python-Markdown loads the extension by module name through this."""
    return CjkBreaksExtension(**kwargs)
