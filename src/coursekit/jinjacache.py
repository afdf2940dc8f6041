"""Compiled Jinja templates kept between builds: Jinja's own bytecode cache, in the temp folder.

Every build compiles the theme's templates (material's and ``overrides/``, about
40) and ours (``templates/``): about 0.15 s of Python compiling the same files
again. Jinja can keep the compiled code per user in the temp folder and checks
each file's source before using it, so an edited template is compiled afresh.
Compiled code also depends on the environment's settings, so each environment
kind keeps its own files (``kind`` in the file name).

The coursekit plugin's ``on_env`` gives the theme's environment :func:`cache` ("theme");
:mod:`coursekit.render` uses :func:`cache` for ``templates/``.
"""

from __future__ import annotations

import logging

import jinja2

log = logging.getLogger(__name__)

_caches: dict[str, jinja2.BytecodeCache | None] = {}


def cache(kind: str) -> jinja2.BytecodeCache | None:
    """The bytecode cache for environments of ``kind`` ("theme", "render"); None where Jinja finds no safe folder."""
    if kind not in _caches:
        try:
            _caches[kind] = jinja2.FileSystemBytecodeCache(pattern=f"coursekit-{kind}-%s.cache")
        except (OSError, RuntimeError) as exc:  # no private temp folder: compile every time, as Jinja does by default
            log.info("compiled templates not kept (%s)", exc)
            _caches[kind] = None
    return _caches[kind]

