"""mkdocs hooks (``hooks:`` in mkdocs.yml): the theme's compiled templates kept between builds.

A thin adapter: everything happens in :mod:`coursekit.jinjacache`.
"""

from coursekit.jinjacache import on_env  # noqa: F401 - mkdocs calls it
