"""Which of a group of near-duplicate articles is the original does not depend on the order they
are stored in (store/writer.py: the copy of the lowest id is the original; a stored original that a
new copy of lower id nearly duplicates becomes a copy, with its own copies). The original alone
gives statements, topics and new people entries, so before this rule two orders gave two records.
On SQLite and PostgreSQL."""

from __future__ import annotations

import itertools

import pytest
import sqlalchemy as sa
from conftest import LEADS, fresh_url, make_article

from hoptac.store import Filters, Store

KHAI = ("Nguyễn Văn Khải", "Thủ tướng", None, "VN")
HANLEY = ("Robert Hanley", "Tổng thống Mỹ", None, "US")
OKAFOR = ("Daniel Okafor", "Bộ trưởng Thương mại Mỹ", None, "US")
PAIR = ["Nguyễn Văn Khải", "Robert Hanley"]
MEET = "Chiều 12/3, Thủ tướng Nguyễn Văn Khải hội đàm với Tổng thống Robert Hanley tại Washington."
SAID = "Tổng thống Robert Hanley khẳng định Mỹ sẽ mở thêm đường bay thẳng tới Hà Nội."
EXTRA = "Bộ trưởng Daniel Okafor cũng có mặt tại buổi hội đàm."


def _copies() -> list:
    """Three outlets' versions of one story: the second adds a minister the others do not name, the
    third drops a sentence and adds a credit line."""
    body = [MEET, *LEADS[:9], SAID]
    second = [MEET, EXTRA, *LEADS[:9], SAID]
    third = ["(Theo báo điện tử)", MEET, *LEADS[:4], *LEADS[5:9], SAID, "Nguồn: thông tấn xã"]
    out = []
    for src, sentences, people in (("mem://a", body, [KHAI, HANLEY]), ("mem://b", second, [KHAI, HANLEY, OKAFOR]),
                                   ("mem://c", third, [KHAI, HANLEY])):
        art = make_article(src, sentences, published="2031-03-13", people=people,
                           events=[("meeting", "2031-03-12", PAIR)],
                           statements=[("Robert Hanley", "commit", SAID, "US", [], [])])
        art.events[0].evidence = (art.text.index(MEET), art.text.index(MEET) + len(MEET))
        out.append(art)
    return out


def _state(store: Store) -> tuple:
    """The originals and their copies by source, the people entries by name, the statements by source,
    and the occasions as sets of sources."""
    with store.engine.connect() as c:
        src = dict(c.execute(sa.text("SELECT id, source FROM articles")).all())
        groups = {(src[a], src.get(d)) for a, d in c.execute(sa.text("SELECT id, duplicate_of FROM articles"))}
        people = set(c.execute(sa.text("SELECT name FROM people")).scalars())
        said = sorted(src[a] for a in c.execute(sa.text("SELECT article_id FROM statements")).scalars())
        counted = store.stats()["counts"]
    rows = {frozenset(src[s["article_id"]] for s in e["sources"])
            for e in store.events(Filters(limit=100, background=True))["items"]}
    return groups, people, said, rows, counted["articles"], counted["duplicates"]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request):
    return request.param


def test_the_original_of_near_duplicates_is_the_same_in_any_order(backend, tmp_path):
    arts = _copies()
    seen = []
    for n, order in enumerate(itertools.permutations(range(3))):
        folder = tmp_path / f"o{n}"
        folder.mkdir()
        with fresh_url(backend, folder) as url, Store.open(url) as st:
            for i in order:  # one article per write, as a long-running ingest would
                st.ingest([arts[i]])
            seen.append(_state(st))
    assert all(s == seen[0] for s in seen), seen
    groups, people, said, rows, n_articles, n_dups = seen[0]
    originals = [s for s, d in groups if d is None]
    assert len(originals) == 1 and all(d == originals[0] for s, d in groups if s != originals[0])
    assert said == originals  # the statement is counted once, from the original
    assert rows == {frozenset({"mem://a", "mem://b", "mem://c"})}  # one occasion, every source
    assert (n_articles, n_dups) == (1, 2)
    assert {"Nguyễn Văn Khải", "Robert Hanley"} <= people
    # the minister only one copy names is an entry exactly when that copy is the original
    assert ("Daniel Okafor" in people) == (originals[0] == "mem://b")

