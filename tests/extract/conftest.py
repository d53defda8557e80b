"""Fixtures shared by the extraction tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture
def rules_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Names found by the rules alone (``HOPTAC_NAMES=rules``), not the shipped tagger, so a test
    of a name rule sees that rule's effect; the tagger's cache is cleared before and after."""
    monkeypatch.setenv("HOPTAC_NAMES", "rules")
    from hoptac.learn import name_tagger
    name_tagger._shipped.cache_clear()
    yield
    name_tagger._shipped.cache_clear()
