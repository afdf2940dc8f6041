"""mkdocs-macros adapter of this course: the one-line macros of :mod:`coursekit.macros`.

mkdocs.yml loads this folder (``plugins: macros: module_name: macros``); the macros themselves ship with
coursekit, so another course can list ``modules: [coursekit.macros]`` instead and carry no Python.
After editing Python code, restart ``mkdocs serve``.
"""

from coursekit.macros import define_env, on_post_page_macros, on_pre_page_macros

__all__ = ["define_env", "on_post_page_macros", "on_pre_page_macros"]
