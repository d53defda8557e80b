"""People do not depend on the order articles are ingested in (store/people_settle.py and the
merge of split entries in store/people_link.py): self-written articles ingested forward, backward
and shuffled, one per write or all in one, give the same people entries, the same statements'
people and the same event rows; the never-merge rules (father and son, spouses) hold in each order.
On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from conftest import fresh_url, make_article

from hoptac.store import Filters, Store

KHAI = ("Nguyễn Văn Khải", "Thủ tướng", None, "VN")
SON = ("Walter K. Harlan", "Tổng thống Mỹ", None, "US")
FATHER = ("Walter P. Harlan", "Cựu Tổng thống Mỹ", None, "US")
WIFE = ("Grace Harlan", None, None, "US")
BARE = ("Harlan", None, None, "US")
PLAIN = ("Walter Harlan", "Tổng thống Mỹ", None, "US")


def _articles() -> list:
    """A president and his father and wife of one surname, a bare surname that could be any of them
    (its meeting with the Prime Minister is the day the son met him), one ambassador told with a full
    name and a bare one, and an envoy written three ways (one a slip of the surname) where only the
    third spelling fits both others."""
    son = ["Chiều 12/3, Thủ tướng Nguyễn Văn Khải hội đàm với Tổng thống Walter K. Harlan.",
           "Tổng thống Walter K. Harlan khẳng định quan hệ hai nước phát triển tốt."]
    bare = ["Hôm 12/3, ông Harlan gặp Thủ tướng Nguyễn Văn Khải tại Nhà Trắng.",
            "Ông Harlan cho biết Mỹ sẽ mở thêm đường bay thẳng."]
    envoy = ["Đại sứ Mỹ Daniel Okafor dự lễ khai giảng tại Cần Thơ.", "Đại sứ Okafor trao học bổng cho sinh viên."]
    return [
        make_article("mem://son", son, published="2031-03-13", people=[KHAI, SON],
                     events=[("meeting", "2031-03-12", ["Nguyễn Văn Khải", "Walter K. Harlan"])],
                     statements=[("Walter K. Harlan", "inform", son[1], "US", [], [])]),
        make_article("mem://bare", bare, published="2031-03-13", people=[KHAI, BARE],
                     events=[("meeting", "2031-03-12", ["Harlan", "Nguyễn Văn Khải"])],
                     statements=[("Harlan", "commit", bare[1], "US", [], [])]),
        make_article("mem://father", ["Cựu Tổng thống Walter P. Harlan thăm Huế năm 2030.",
                                      "Bà Grace Harlan đi cùng ông."], published="2031-01-05", people=[FATHER, WIFE]),
        make_article("mem://envoy1", envoy, published="2031-02-01",
                     people=[("Daniel Okafor", "Đại sứ Mỹ", None, "US"), ("Okafor", "Đại sứ", None, "US")]),
        make_article("mem://envoy2", ["Ông Daniel J. Okfaor thăm Đà Nẵng."], published="2031-02-03",
                     people=[("Daniel J. Okfaor", None, None, "US")]),
        make_article("mem://envoy3", ["Đại sứ Daniel J. Okafor gặp sinh viên Cần Thơ."], published="2031-02-05",
                     people=[("Daniel J. Okafor", "Đại sứ", None, "US")]),
        make_article("mem://plain", ["Tổng thống Walter Harlan tiếp Thủ tướng Nguyễn Văn Khải tại Nhà Trắng."],
                     published="2031-04-01", people=[PLAIN, KHAI]),
    ]


def _state(store: Store) -> tuple:
    """People entries as sets of (source, name written), statements as (source, its person's entry),
    event rows as sets of sources."""
    with store.engine.connect() as c:
        src = dict(c.execute(sa.text("SELECT id, source FROM articles")).all())
        entries: dict[str, set] = {}
        for pid, aid, name in c.execute(sa.text("SELECT person_id, article_id, name FROM person_mentions")):
            entries.setdefault(pid, set()).add((src[aid], name))
        said = {(src[aid], frozenset(entries.get(pid, ()))) for aid, pid in
                c.execute(sa.text("SELECT article_id, person_id FROM statements"))}
    rows = {frozenset(src[s["article_id"]] for s in e["sources"])
            for e in store.events(Filters(limit=100, background=True))["items"]}
    return {frozenset(v) for v in entries.values()}, said, rows


def _ingest(backend: str, folder, articles: list, order: list[int], one_write: bool) -> tuple:
    folder.mkdir()
    with fresh_url(backend, folder) as url, Store.open(url) as st:
        if one_write:
            st.ingest([articles[i] for i in order])
        else:
            for i in order:
                st.ingest([articles[i]])
        return _state(st)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request):
    return request.param


ORDERS = [[0, 1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1, 0], [1, 3, 6, 0, 5, 2, 4], [2, 4, 1, 0, 3, 6, 5]]


def test_people_and_events_are_the_same_in_any_order(backend, tmp_path):
    arts = _articles()
    seen = [_ingest(backend, tmp_path / f"o{n}{w}", arts, order, w)
            for n, order in enumerate(ORDERS) for w in (False, True)]
    for s in seen[1:]:
        assert s[0] == seen[0][0]  # people entries
        assert s[1] == seen[0][1]  # whose statements
        assert s[2] == seen[0][2]  # event rows
    entries = seen[0][0]

    def entry(src: str, name: str) -> frozenset:
        return next(e for e in entries if (src, name) in e)

    # father, son and wife stay three; the bare surname (three people bear it) joins none of them
    three = {entry("mem://son", "Walter K. Harlan"), entry("mem://father", "Walter P. Harlan"),
             entry("mem://father", "Grace Harlan")}
    assert len(three) == 3 and entry("mem://bare", "Harlan") not in three
    # so does the full name written without the middle initial that tells the father from the son
    assert entry("mem://plain", "Walter Harlan") not in three
    # the ambassador is one entry, his misspelt name too: the third spelling fits both
    assert entry("mem://envoy1", "Daniel Okafor") == entry("mem://envoy2", "Daniel J. Okfaor") \
        == entry("mem://envoy3", "Daniel J. Okafor")


def test_a_bare_surname_leaves_the_person_it_joined_when_a_namesake_arrives(tmp_path):
    """Written when the son is the only Harlan stored, the bare surname joins him; the father's article
    then makes it ambiguous and it is moved out, its statement with it (as had the father come first)."""
    arts = _articles()
    early = _ingest("sqlite", tmp_path / "a", arts, [0, 1], False)
    assert len(early[0]) == 2 and len({e for _, e in early[1]}) == 1  # one Harlan holds both statements
    late = _ingest("sqlite", tmp_path / "b", arts, [0, 1, 2], False)
    assert len({e for _, e in late[1]}) == 2  # the statements are two people's now
    assert late == _ingest("sqlite", tmp_path / "c", arts, [2, 0, 1], False)


def test_a_name_without_middle_initial_joins_the_one_person_it_can_be_in_any_order(tmp_path):
    """``Walter Harlan`` joins the son while he is the only Walter Harlan stored, whichever came first;
    once the father is stored too it could be either and is an entry of its own, in every order."""
    arts = _articles()
    son, father, plain = 0, 2, 6

    def holder(state: tuple) -> frozenset:
        return next(e for e in state[0] if ("mem://plain", "Walter Harlan") in e)

    for n, order in enumerate(([son, plain], [plain, son])):
        state = _ingest("sqlite", tmp_path / f"s{n}", arts, order, False)
        assert ("mem://son", "Walter K. Harlan") in holder(state)
    apart = [_ingest("sqlite", tmp_path / f"f{n}", arts, order, False)
             for n, order in enumerate(([son, plain, father], [plain, father, son], [father, plain, son]))]
    assert all(s == apart[0] for s in apart)
    assert holder(apart[0]) == {("mem://plain", "Walter Harlan")}
