"""Tests of coursekit.slides (a package, so its conftest does not shadow tests/conftest.py)."""
