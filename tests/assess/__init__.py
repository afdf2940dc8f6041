"""Tests of coursekit.assess and coursekit.blueprint (a package, so its modules do not shadow others)."""
