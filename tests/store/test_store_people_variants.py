"""A first name's other form (``Greg`` / ``Gregory``) with the same surname is one person only where the
context says so: the organization one record holds as its own is named in the other's article. On SQLite
and PostgreSQL, on self-written articles, in both orders of ingest."""

from __future__ import annotations

import pytest
from conftest import make_article

from hoptac import open_store
from hoptac.store import Filters

CENTER = "Trung tâm Nghiên cứu Chiến lược Quốc tế"


def _short(orgs=True):
    s = "Ông Greg Halloran, chuyên gia tại Trung tâm Nghiên cứu Chiến lược Quốc tế, nhận định quan hệ hai nước tốt."
    return make_article("mem://short", [s], people=[("Greg Halloran", "Chuyên gia", CENTER if orgs else None, "US")],
                        orgs=[(CENTER, "other", "US")] if orgs else [])


def _full(orgs=True, given="Gregory"):
    s = f"Theo {given} Halloran, Giám đốc Sáng kiến Minh bạch hàng hải thuộc CSIS, các chuyến thăm sẽ giúp giảm lo ngại."
    art = make_article(f"mem://full-{given}", [s], people=[(f"{given} Halloran", "Giám đốc Sáng kiến", None, "OTHER")],
                       orgs=[("Trung tâm Nghiên cứu quốc tế và chiến lược", "other", "VN")] if orgs else [])
    for o in art.organizations:  # the center as one article writes it, words swapped, with its acronym
        o.aliases.append("CSIS")
    return art


def _entries(st) -> list[str]:
    return sorted(p["name"] for p in st.people(Filters(limit=100))["items"] if "Halloran" in p["name"])


@pytest.mark.parametrize("order", [0, 1])
def test_a_short_first_name_with_the_same_organization_is_one_person_in_either_order(db_url, order):
    arts = [_short(), _full()]
    st = open_store(db_url)
    try:
        for a in arts if order == 0 else arts[::-1]:
            assert st.ingest([a]).stored == 1
        assert len(_entries(st)) == 1, _entries(st)
    finally:
        st.close()


def test_a_short_first_name_without_a_shared_organization_stays_apart(store):
    assert store.ingest([_short(orgs=False), _full(orgs=False)]).stored == 2
    assert _entries(store) == ["Greg Halloran", "Gregory Halloran"]


def test_other_first_names_stay_apart_whatever_the_context(store):
    assert store.ingest([_short(), _full(given="Grace")]).stored == 2
    assert _entries(store) == ["Grace Halloran", "Greg Halloran"]
