"""Full-text search on both backends: folded or exact, phrase first, ranked, marked snippets."""

from __future__ import annotations

import unicodedata

from conftest import LEADS, make_article, sample_articles

from hoptac.store.search import snippet


def _seed(store):
    store.ingest(sample_articles())
    extra = make_article("mem://x", ["Đoàn doanh nghiệp bàn về dẫn đầu thị trường bán lẻ tại Đà Nẵng.",
                                     "Các bên bán hàng và dẫn khách tham quan."], published="2025-01-02")
    return store.add_article(extra)


def test_folded_search_finds_marked_words(store):
    apart = _seed(store)
    res = store.search("ban dan")
    assert res["mode"] == "phrase"
    assert res["total"] >= 1
    hit = res["items"][0]
    assert "<mark>bán dẫn</mark>" in hit["snippet"]
    assert {h["kind"] for h in res["items"]} <= {"article", "statement"}
    assert all(h["article_id"].startswith("a_") for h in res["items"])
    # the phrase wins: the article that only has "bán" and "dẫn" apart is not a hit
    assert apart not in {h["article_id"] for h in res["items"]}
    assert apart in {h["article_id"] for h in store.search("ban le")["items"]}


def test_exact_search_needs_the_tone_marks(store):
    _seed(store)
    assert store.search("ban dan", fold=False)["total"] == 0
    exact = store.search("bán dẫn", fold=False)
    assert exact["total"] == store.search("ban dan")["total"]


def test_words_mode_when_no_phrase_matches(store):
    _seed(store)
    res = store.search("Fernandez thị trường")
    assert res["mode"] == "words"
    assert res["total"] >= 1
    s = res["items"][0]["snippet"]
    assert "<mark>Fernandez</mark>" in s or "<mark>thị</mark>" in s


def test_statements_are_searchable_and_ranked(store):
    _seed(store)
    res = store.search("kinh tế thị trường", limit=50)
    kinds = [h["kind"] for h in res["items"]]
    assert "statement" in kinds and "article" in kinds
    scores = [h["score"] for h in res["items"]]
    assert scores == sorted(scores, reverse=True)
    page2 = store.search("kinh tế thị trường", limit=1, offset=1)
    assert page2["items"][0]["id"] == res["items"][1]["id"]


def test_decomposed_query_matches(store):
    _seed(store)
    nfd = unicodedata.normalize("NFD", "Đà Nẵng")
    assert store.search(nfd, fold=False)["total"] == 1
    assert store.search("da nang")["total"] == 1


def test_empty_query_returns_nothing(store):
    _seed(store)
    assert store.search("  ... ")["total"] == 0


def test_snippet_marks_only_and_keeps_original_text():
    body = "Mở đầu. " + "x " * 100 + "Hợp tác Bán Dẫn <b>mạnh</b> và bán dẫn. " + "y " * 100
    s = snippet(body, ["ban", "dan"], True, phrase=True)
    assert s.count("<mark>") == 2 and s.count("</mark>") == 2
    assert "<mark>Bán Dẫn</mark>" in s and "<b>mạnh</b>" in s
    assert s.startswith("…") and s.endswith("…")


def test_exact_search_ignores_where_the_tone_mark_sits(store):
    aid = store.add_article(make_article("mem://t", ["Hai nước cùng giữ gìn hoà bình và ổn định ở khu vực."]))
    res = store.search("hòa bình", fold=False)
    assert [h["article_id"] for h in res["items"]] == [aid]
    assert "<mark>hoà bình</mark>" in res["items"][0]["snippet"]
    assert store.search("hoa binh", fold=False)["total"] == 0


def _search(store, query, **kw):
    from hoptac.store.search import search

    with store.engine.connect() as conn:
        return search(conn, query, **kw)


def _reports(store, n):
    """``n`` articles on semiconductors, the ``i``-th naming ``bán dẫn`` i + 1 times."""
    ids = []
    for i in range(n):
        body = [LEADS[i], " ".join(["Hợp tác bán dẫn."] * (i + 1))]
        ids.append(store.add_article(make_article(f"mem://bd{i}", body, published=f"2024-0{1 + i % 9}-01")))
    return ids


def test_ranking_is_within_the_newest_matches_then_older_ones_follow(store):
    """Only the newest ``window`` matches are ranked; pages past them list older matches, newest first."""
    ids = _reports(store, 6)
    ranked = _search(store, "ban dan", limit=10)
    assert [h["article_id"] for h in ranked["items"]] == ids[::-1]  # more hits rank higher
    windowed = _search(store, "ban dan", limit=10, window=3)
    assert [h["article_id"] for h in windowed["items"]] == ids[::-1]  # the newest 3 are also the best here
    assert windowed["total"] == 6 and windowed["total_exact"] is True
    seen = [h["article_id"] for o in range(0, 6, 2) for h in _search(store, "ban dan", limit=2, offset=o,
                                                                     window=3)["items"]]
    assert seen == [h["article_id"] for h in windowed["items"]]  # pages straddle the window seamlessly


def test_a_common_word_ranks_the_newest_matches_and_caps_the_count(store):
    ids = _reports(store, 5)
    older_but_best = store.add_article(make_article("mem://old", [LEADS[10], " ".join(["Hợp tác bán dẫn."] * 12)]))
    newest = _reports_after(store)
    res = _search(store, "ban dan", limit=3, window=2, count_cap=4)
    assert res["total"] == 4 and res["total_exact"] is False
    top = [h["article_id"] for h in res["items"]]
    assert top[:2] == [older_but_best, newest]  # ranked within the newest two: most hits first
    assert top[2] == ids[-1]  # then the older matches, newest first
    assert all("<mark>bán dẫn</mark>" in h["snippet"] for h in res["items"])


def _reports_after(store):
    return store.add_article(make_article("mem://new", [LEADS[11], "Nhà máy bán dẫn mới khởi công."]))
