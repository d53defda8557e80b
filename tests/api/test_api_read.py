"""Every read endpoint of the JSON API, over a real SQLite store of self-written articles."""

from __future__ import annotations

import pytest

ANNOTATED_2023 = "Hai bên thảo luận về quy chế kinh tế thị trường tại Washington"
ANNOTATED_2025 = "Phó Thủ tướng Phạm Quốc Anh điện đàm với Bộ trưởng Linda Parker"


def by_title(client, title):
    items = client.get("/api/articles", params={"limit": 500}).json()["items"]
    return next(a for a in items if a["title"] == title)


def test_openapi_is_published_and_lists_every_endpoint(client):
    r = client.get("/openapi.json")
    assert r.status_code == 200
    paths = r.json()["paths"]
    for p in ("/api/articles", "/api/articles/{article_id}", "/api/people", "/api/people/{person}",
              "/api/organizations", "/api/events", "/api/timeline", "/api/statements", "/api/threads",
              "/api/threads/{thread_id}", "/api/search", "/api/stats"):
        assert p in paths, p
    assert "post" in paths["/api/articles"]
    # the dashboard pages are not API endpoints
    assert "/" not in paths and "/timeline" not in paths


def test_no_cdn_docs_page(client):
    assert client.get("/docs").status_code == 404


def test_articles_listing_and_pagination(client):
    r = client.get("/api/articles")
    assert r.status_code == 200
    data = r.json()
    assert data["total"] == 5 and len(data["items"]) == 5
    assert data["limit"] == 50 and data["offset"] == 0
    titles = {a["title"] for a in data["items"]}
    assert "Việt Nam và Hoa Kỳ bàn cách đào tạo kỹ sư bán dẫn" in titles
    assert ANNOTATED_2023 in titles
    page1 = client.get("/api/articles", params={"limit": 2}).json()
    page3 = client.get("/api/articles", params={"limit": 2, "offset": 4}).json()
    assert len(page1["items"]) == 2 and len(page3["items"]) == 1
    seen = [a["id"] for a in page1["items"]]
    seen += [a["id"] for a in client.get("/api/articles", params={"limit": 2, "offset": 2}).json()["items"]]
    seen += [a["id"] for a in page3["items"]]
    assert len(set(seen)) == 5  # pages do not overlap


def test_article_ids_are_stable_and_full_export(client):
    a = by_title(client, ANNOTATED_2023)
    again = by_title(client, ANNOTATED_2023)
    assert a["id"] == again["id"]
    full = client.get(f"/api/articles/{a['id']}").json()
    assert full["schema"] == "hoptac.article/1"
    assert full["id"] == a["id"]
    text = full["text"]
    for p in full["people"]:
        for s, e in p["mentions"]:
            assert text[s:e] == p["name"]
    assert {e["type"] for e in full["events"]} == {"meeting", "signing"}
    assert [s["act"] for s in full["statements"]] == ["request", "commit"]


def test_article_filters_by_date_topic_side_thread_person(client):
    since = client.get("/api/articles", params={"since": "2025-03-01", "until": "2025-03-06"}).json()
    assert [a["title"] for a in since["items"]] == [ANNOTATED_2025]
    until = client.get("/api/articles", params={"until": "2023-12-31"}).json()
    assert [a["title"] for a in until["items"]] == [ANNOTATED_2023]
    topic = client.get("/api/articles", params={"topic": "supply_chain"}).json()
    assert ANNOTATED_2023 in {a["title"] for a in topic["items"]}
    thread = client.get("/api/articles", params={"thread": "market_economy_status", "person": "Phạm Quốc Anh"}).json()
    assert thread["total"] == 2
    assert client.get("/api/articles", params={"thread": "jetp", "person": "Phạm Quốc Anh"}).json()["total"] == 0
    person = client.get("/api/articles", params={"person": "Linda Parker"}).json()
    assert person["total"] == 2
    side = client.get("/api/articles", params={"side": "US", "until": "2023-12-31"}).json()
    assert [a["title"] for a in side["items"]] == [ANNOTATED_2023]  # it holds a US statement


@pytest.mark.parametrize("params", [{"since": "yesterday"}, {"side": "FR"}, {"limit": 0}, {"limit": 10_000},
                                    {"offset": -1}, {"topic": "a b"}, {"until": "2025-13-011"},
                                    {"since": "2025-13"}, {"until": "2025-02-32"}])
def test_bad_filters_are_422_json(client, params):
    r = client.get("/api/articles", params=params)
    assert r.status_code == 422
    err = r.json()["error"]
    assert err["status"] == 422 and err["code"] == "unprocessable" and err["message"]
    assert "Traceback" not in r.text


def test_unknown_records_are_404_json(client):
    for path in ("/api/articles/a_nope", "/api/people/Không Có Ai", "/api/threads/no_such_thread", "/api/nothing"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert r.json()["error"]["code"] == "not_found"


def test_people_and_person(client):
    people = client.get("/api/people", params={"side": "US"}).json()
    names = {p["name"] for p in people["items"]}
    assert "Linda Parker" in names
    assert all(p["side"] == "US" for p in people["items"])
    found = client.get("/api/people", params={"person": "pham quoc"}).json()  # diacritics folded
    assert [p["name"] for p in found["items"]] == ["Phạm Quốc Anh"]
    pid = found["items"][0]["id"]
    by_id = client.get(f"/api/people/{pid}").json()
    by_name = client.get("/api/people/Phạm Quốc Anh").json()
    assert by_id["id"] == by_name["id"] == pid
    titles = {t["title"]: t for t in by_id["titles"]}
    assert titles["Bộ trưởng Bộ Công Thương"]["first_seen"].startswith("2023")
    assert titles["Phó Thủ tướng"]["first_seen"].startswith("2025")
    assert [e["type"] for e in by_id["events"]][-1] == "call"
    assert [s["act"] for s in by_id["statements"]] == ["request", "request"]


def test_organizations(client):
    data = client.get("/api/organizations", params={"side": "US"}).json()
    assert "Bộ Thương mại Hoa Kỳ" in {o["name"] for o in data["items"]}
    assert all(o["side"] == "US" for o in data["items"])


def test_events_and_timeline(client):
    ev = client.get("/api/events", params={"person": "Linda Parker"}).json()
    types = [e["type"] for e in ev["items"]]
    assert "call" in types and ("meeting" in types or "signing" in types)
    dates = [e["date"] for e in ev["items"] if e["date"]]
    assert dates == sorted(dates)
    for e in ev["items"]:
        assert e["sources"] and all(s["article_id"] for s in e["sources"])
    tl = client.get("/api/timeline", params={"since": "2025-01-01", "person": "Linda Parker"}).json()
    assert [d["date"] for d in tl["items"]] == ["2025-03-05"]
    assert tl["items"][0]["events"][0]["type"] == "call"


def test_statements_filters(client):
    st = client.get("/api/statements", params={"thread": "market_economy_status", "side": "VN",
                                               "person": "Phạm Quốc Anh"}).json()
    assert st["total"] == 2
    assert all(s["act"] == "request" and s["side"] == "VN" for s in st["items"])
    assert [s["date"][:4] for s in st["items"]] == ["2023", "2025"]


def test_threads_and_thread_lifecycle(client):
    threads = client.get("/api/threads").json()
    ids = {t["id"] for t in threads["items"]}
    assert {"market_economy_status", "jetp", "south_china_sea"} <= ids
    th = client.get("/api/threads/market_economy_status").json()
    assert th["label_vi"] and th["label_en"]
    mine = [e for e in th["entries"] if e["article_title"] in (ANNOTATED_2023, ANNOTATED_2025)]
    assert [(e["date"], e["act"]) for e in mine] == [("2023-09-11", "request"), ("2023-09-11", "commit"),
                                                     ("2025-03-05", "request")]
    # raised, then pledged, then raised again more than a year later: stalled
    statuses = [h["status"] for h in th["status_history"] if (h["date"] or "") >= "2023"]
    assert statuses[-1] == "stalled"
    assert th["money"]["US"]["pledged"]["USD"] >= 3_000_000  # pledged by the United States (the payer named)
    item = next(m for m in th["money_items"] if m["value"] == 3_000_000)
    assert (item["side"], item["kind"]) == ("US", "pledged") and "3 triệu USD" in item["quote"]


def test_search_folds_diacritics_and_marks_hits(client):
    folded = client.get("/api/search", params={"q": "ban dan"}).json()
    assert folded["total"] >= 1
    assert any("<mark>" in h["snippet"] for h in folded["items"])
    exact = client.get("/api/search", params={"q": "ban dan", "fold": "false"}).json()
    assert exact["total"] == 0
    assert client.get("/api/search").status_code == 422
    assert client.get("/api/search", params={"q": "x" * 501}).status_code == 422


def test_stats(client):
    st = client.get("/api/stats").json()
    assert st["counts"]["articles"] == 5
    assert st["per_month"]["articles"].get("2023-09") == 1
    assert st["per_month"]["events"].get("2023-09") == 2
    assert "Linda Parker" in {p["name"] for p in st["top_people"]["US"]}


def test_security_headers_on_json(client):
    r = client.get("/api/stats")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_thread_and_person_are_paged_with_totals(client):
    """A thread or a person answers one page of its lists; status, money and totals cover them all."""
    whole = client.get("/api/threads/market_economy_status", params={"limit": 500}).json()
    n = whole["entries_total"]
    assert n == len(whole["entries"]) >= 3 and whole["limit"] == 500 and whole["offset"] == 0
    pages = [client.get("/api/threads/market_economy_status", params={"limit": 2, "offset": o}).json()
             for o in range(0, n, 2)]
    assert [e["id"] for p in pages for e in p["entries"]] == [e["id"] for e in whole["entries"]]
    assert all(p["status"] == whole["status"] and p["money"] == whole["money"] for p in pages)
    assert client.get("/api/threads/market_economy_status", params={"limit": 0}).status_code == 422
    person = client.get("/api/people/Phạm Quốc Anh", params={"limit": 1}).json()
    assert person["totals"]["statements"] == 2 and len(person["statements"]) == 1
    second = client.get("/api/people/Phạm Quốc Anh", params={"limit": 1, "offset": 1}).json()
    assert [s["act"] for s in person["statements"] + second["statements"]] == ["request", "request"]
    assert person["statements"][0]["id"] != second["statements"][0]["id"]
    assert len(person["articles"]) == 1 and person["totals"]["articles"] >= 2
    assert person["titles"] == second["titles"]  # titles over time always cover every article


def test_search_says_whether_the_total_is_exact(client):
    res = client.get("/api/search", params={"q": "kinh te thi truong"}).json()
    assert res["total"] >= 1 and res["total_exact"] is True


def test_dashboard_thread_and_person_pages_are_paged(client, monkeypatch):
    """A long thread or a busy person is shown a page at a time, with links to the next page."""
    from hoptac.web import pages

    total = client.get("/api/threads/market_economy_status").json()["entries_total"]
    assert total >= 3
    monkeypatch.setattr(pages, "DETAIL_PAGE", 2)
    first = client.get("/threads/market_economy_status").text
    assert first.count('class="entry ') == 2 and 'rel="next"' in first and f">{total} " in first
    rest = client.get("/threads/market_economy_status", params={"offset": 2}).text
    assert rest.count('class="entry ') == min(2, total - 2) and 'rel="prev"' in rest
    person = client.get("/people/Linda Parker").text
    assert 'id="person-statements"' in person
