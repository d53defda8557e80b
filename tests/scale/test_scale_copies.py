"""Copies of extracted articles for benchmark stores (hoptac.scale.copies): distinct, consistent
with their own text, deterministic, and stored by the real write path as distinct articles.

The pool here is hoptac's own synthetic articles (hoptac.scale.synth), not corpus text.
"""

from __future__ import annotations

from hoptac.scale.copies import copies, copy_article, person_name, pool_of
from hoptac.scale.synth import synth_article
from hoptac.store import Store


def _pool() -> list[dict]:
    return pool_of(synth_article(i, seed=11)[1].to_dict() for i in range(40))


def test_copies_are_consistent_with_their_text():
    pool = _pool()
    old_names = {p["name"] for d in pool for p in d["people"]}
    arts = list(copies(pool, 0, 150))
    assert len({a.source for a in arts}) == len({a.text for a in arts}) == 150
    renamed = 0
    for a in arts:
        n = len(a.text)
        spans = [m for x in [*a.people, *a.organizations, *a.places] for m in x.mentions]
        spans += [e.evidence for e in a.events] + [s.evidence for s in a.statements] + [x.evidence for x in a.amounts]
        assert all(0 <= s < e <= n for s, e in spans)
        assert all(s.text == a.text[s.evidence[0]:s.evidence[1]] for s in a.statements)
        for p in a.people:
            under = {a.text[s:e] for s, e in p.mentions}
            assert all(u.split()[-1] == p.name.split()[-1] for u in under), (p.name, under)
            renamed += p.name not in old_names
        names = {p.name for p in a.people}
        assert all(set(e.participants) <= names | old_names for e in a.events)
        assert a.published and a.published[:4].isdigit()
    assert renamed > 50  # most people carry names of the growing pool


def test_copies_are_deterministic_and_names_distinct():
    pool = _pool()
    assert copy_article(pool, 7).to_dict() == copy_article(pool, 7).to_dict()
    assert copy_article(pool, 7).to_dict() != copy_article(pool, 8).to_dict()
    for side in ("VN", "US"):
        names = [person_name(k, side) for k in range(5000)]
        assert len(set(names)) == len(names)


def test_the_write_path_stores_them_as_distinct_articles(tmp_path):
    pool = _pool()
    with Store.open(str(tmp_path / "c.db")) as s:
        rep = s.ingest(list(copies(pool, 0, 120)), batch_size=40)
        assert not rep.skipped
        assert rep.stored >= 110, (rep.stored, rep.duplicates)  # few near-duplicates of each other
        counts = s.stats()["counts"]
        assert counts["people"] > 60 and counts["events"] > 100
