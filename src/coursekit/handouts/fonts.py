"""Fonts and language tag of each handout language, for PDF, DOCX and XLSX alike.

Traditional text drawn with the SC fonts gets mainland glyph shapes, and a
file tagged zh-CN makes Word and fontconfig pick them too, so every writer asks
:func:`face` for both. The print stylesheets name the Simplified fonts;
:func:`localize_css` swaps in another language's.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT = "zh-Hans"


@dataclass(frozen=True)
class Face:
    """The fonts a language's handouts are set in and the tag written into the files."""

    sans: str
    serif: str
    tag: str  # HTML lang, DOCX w:lang and core properties


FACES = {
    "zh-Hans": Face("Noto Sans CJK SC", "Noto Serif CJK SC", "zh-CN"),
    "zh-Hant": Face("Noto Sans CJK TC", "Noto Serif CJK TC", "zh-TW"),
}


def face(lang: str = DEFAULT) -> Face:
    """Fonts and tag of ``lang`` (``zh-Hans`` or ``zh-Hant``); KeyError for any other."""
    return FACES[lang]


def localize_css(css: str, lang: str) -> str:
    """A print stylesheet (written for Simplified) with ``lang``'s fonts, margin boxes included."""
    base, want = FACES[DEFAULT], face(lang)
    return css.replace(base.sans, want.sans).replace(base.serif, want.serif)
