"""Who is the same student (collect/README.md, Identity; ``CK.ident`` in ck-code.js implements the same rules).

Values are compared after Unicode NFKC with all whitespace removed; class and number case-insensitively; a
number that is all digits without its leading zeros. The key is (class, number), or (class, ``姓名:`` + name)
when the number is empty.
"""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"[0-9]+", re.ASCII)


def squash(value: object) -> str:
    """A value as shown: NFKC, whitespace removed (``电商 2301`` and ``电商２３０１`` become ``电商2301``)."""
    text = "" if value is None else str(value)
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def number_key(number: object) -> str:
    """A student number as compared: squashed, lower case, leading zeros dropped when all digits."""
    num = squash(number).lower()
    if _DIGITS.fullmatch(num):
        num = num.lstrip("0") or "0"
    return num


def key(cls: object, number: object, name: object) -> tuple[str, str]:
    """The identity of one student: (class, number) or (class, ``姓名:`` + name) when the number is empty."""
    num = number_key(number)
    return (squash(cls).lower(), num or f"姓名:{squash(name)}")
