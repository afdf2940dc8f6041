"""The ``coursekit`` mkdocs plugin (entry point ``coursekit``), modelled on mkdocs-material's plugins.

:mod:`.config` holds its typed options, :mod:`.plugin` the events (and their order, in one table),
:mod:`.steps` what some events do, as plain functions.
"""
