"""The language switch: every page links to the same page in the other edition.

Deployment layout (README): the Simplified edition at the site root and the
Traditional edition in the folder :data:`SUBDIR` under it, for the student and
the teacher site alike. Links are relative, so the pair works under any
prefix, from a web server or a folder. The switch is shown when the build sets
the coursekit plugin's ``languages`` option (set from the environment by mkdocs.yml), and only ``make zh-hant``
sets it: it builds the pair, the Simplified sites again with the switch
(``make build teacher LANGUAGE_SWITCH=true``; they clean their folders), then
the Traditional ones inside them. Every other build (``make build``, ``make
teacher``, ``make serve``, the offline bundle) is one edition without the
switch, so no page links into a ``zh-hant/`` that is not there, and material's
script, which reads each ``<link rel="alternate">``, requests no missing
``zh-hant/sitemap.xml``. The 404 page has no switch either: it is the same
page under every URL, and its links are root-relative (no ``site_url``), so
``../`` would not lead to the other edition there.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from .convert import is_hant_language

log = logging.getLogger(__name__)

SUBDIR = "zh-hant"
"""Folder of the Traditional edition under the Simplified one."""
SIMPLIFIED = {"name": "简体中文", "lang": "zh-CN"}
TRADITIONAL = {"name": "繁體中文", "lang": "zh-TW"}
_HEAD_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
"""material's ``<link rel="alternate">`` per entry (base.html); its script fetches each one's sitemap.xml."""


def is_hant(config: Any) -> bool:
    """True when ``config`` builds the Traditional edition (its theme language)."""
    theme = config.get("theme")
    language = theme.get("language") if theme is not None else None
    return is_hant_language(language)


def alternates(hant: bool) -> list[dict[str, str]]:
    """``extra.alternate`` entries: each edition's root, relative to this edition's root."""
    here, there = ("./", "../") if hant else ("./", f"{SUBDIR}/")
    return [{**SIMPLIFIED, "link": there if hant else here},
            {**TRADITIONAL, "link": here if hant else there}]


def configure(config: Any, enabled: bool, hant: bool) -> None:
    """Set material's ``extra.alternate`` for this edition (``hant``: the Traditional one), or leave it
    unset when the switch is off (``enabled`` false).

    ``overrides/partials/alternate.html`` appends the current page's URL to each link.
    """
    extra = config.get("extra")
    if extra is None:
        return
    if enabled:
        extra["alternate"] = alternates(hant)
    else:
        extra.pop("alternate", None)


def without_alternates(html: str) -> str:
    """A page rendered without a page (the 404 page) with material's alternate links taken out of its head.

    ``overrides/partials/alternate.html`` already leaves the switch out of such a page.
    """
    return _HEAD_LINK.sub("", html)
