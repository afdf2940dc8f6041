"""Tests of coursekit.hant (a package, so its conftest does not shadow tests/conftest.py)."""
