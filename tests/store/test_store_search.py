"""Full-text search on both backends: folded or exact, phrase first, ranked, marked snippets."""

from __future__ import annotations

import unicodedata

from conftest import make_article, sample_articles

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
