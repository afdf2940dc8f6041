"""Tests of coursekit.handouts (a package, so its conftest does not shadow tests/conftest.py)."""
