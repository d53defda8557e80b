"""The browsing API over the fixture store: the statements browser (filters, sort, pages, 422 on
unknown values), its export, statement permalinks with citations, organizations, the network
and briefs."""

from __future__ import annotations

import csv
import io


def test_statements_browser_filters_sort_and_cite(client):
    st = client.get("/api/statements", params={"side": "US", "act": "commit"}).json()
    assert st["total"] >= 1 and all(s["side"] == "US" and s["act"] == "commit" for s in st["items"])
    assert st["view"] == {"side": "US", "act": "commit"}
    parker = client.get("/api/statements", params={"actor": "linda parker"}).json()  # case and marks optional
    assert parker["total"] >= 2 and all(s["actor"] == "Linda Parker" for s in parker["items"])
    old_first = client.get("/api/statements", params={"actor": "Parker"}).json()["items"]
    new_first = client.get("/api/statements", params={"actor": "Parker", "sort": "-date"}).json()["items"]
    assert [s["id"] for s in new_first] == [s["id"] for s in old_first][::-1]
    item = next(s for s in old_first if s["article_title"].startswith("Hai bên thảo luận"))
    assert item["outlet"] == "Báo Thử Nghiệm" and item["published"] == "2023-09-11"
    assert item["citation"].startswith("Báo Thử Nghiệm, “Hai bên thảo luận")
    assert item["text"].split()[0] in item["citation"]
    outlet = client.get("/api/statements", params={"outlet": "bao thu nghiem"}).json()
    assert outlet["total"] >= 4 and all(s["outlet"] == "Báo Thử Nghiệm" for s in outlet["items"])
    page2 = client.get("/api/statements", params={"limit": 1, "offset": 1}).json()
    page1 = client.get("/api/statements", params={"limit": 1, "offset": 0}).json()
    assert page1["items"][0]["id"] != page2["items"][0]["id"] and page1["total"] == page2["total"]


def test_statements_browser_refuses_unknown_values(client):
    for params in ({"topic": "nope"}, {"thread": "nope"}, {"act": "shout"}, {"sort": "size"},
                   {"since": "2025", "until": "2023"}):
        r = client.get("/api/statements", params=params)
        assert r.status_code == 422, params
        assert r.json()["error"]["code"] == "unprocessable"


def test_statements_export_is_the_whole_view(client):
    r = client.get("/api/statements/export", params={"format": "csv", "side": "VN", "limit": 1})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.content.startswith(b"\xef\xbb\xbf")  # a byte-order mark for Excel
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    total = client.get("/api/statements", params={"side": "VN"}).json()["total"]
    assert len(rows) == total > 1  # every page, not the one the limit asks
    assert {"published", "outlet", "url", "citation"} <= set(rows[0])
    assert all(r["side"] == "VN" for r in rows)
    data = client.get("/api/statements/export", params={"format": "json", "side": "VN"}).json()
    assert len(data) == total and all("citation" in s for s in data)


def test_statement_permalink(client):
    sid = client.get("/api/statements", params={"limit": 1}).json()["items"][0]["id"]
    s = client.get(f"/api/statements/{sid}").json()
    assert s["id"] == sid and s["citation"]
    missing = client.get("/api/statements/a_nope.s9")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_organization_by_any_spelling(client):
    by_name = client.get("/api/organizations/Bộ Thương mại Mỹ").json()  # stored as "… Hoa Kỳ"
    assert by_name["name"] == "Bộ Thương mại Hoa Kỳ" and by_name["side"] == "US"
    assert client.get(f"/api/organizations/{by_name['id']}").json()["id"] == by_name["id"]
    assert client.get("/api/organizations/Không Có Tổ Chức Này").status_code == 404


def test_network_and_brief(client):
    net = client.get("/api/network").json()
    names = {n["id"]: n["name"] for n in net["nodes"]}
    pairs = [{names[e["source"]], names[e["target"]]} for e in net["edges"]]
    assert {"Phạm Quốc Anh", "Linda Parker"} in pairs
    assert all(e["occasions"] >= 1 for e in net["edges"])
    assert client.get("/api/network", params={"topic": "nope"}).status_code == 422
    b = client.get("/api/briefs/thread", params={"id": "market_economy_status", "lang": "en"}).json()
    dates = [x["date"] for x in b["lines"] if x["date"] and not x["date"].startswith("-")]
    assert dates == sorted(dates) and len(b["lines"]) >= 3
    assert all(x["citation"] for x in b["lines"])
    assert b["title"].startswith("Brief")  # English words, Vietnamese quotes
    assert any("quy chế kinh tế thị trường" in x["quote"] for x in b["lines"])
    md = client.get("/api/briefs/person", params={"id": "Pham Quoc Anh", "format": "markdown"})
    assert md.headers["content-type"].startswith("text/markdown")
    assert md.text.startswith("# ") and "[1]" in md.text
    assert client.get("/api/briefs/person").status_code == 422
    assert client.get("/api/briefs/thread", params={"id": "nope"}).status_code == 404


def test_lookups_ignore_tone_marks_and_suggest(client):
    assert client.get("/api/people/Pham Quoc Anh").json()["name"] == "Phạm Quốc Anh"
    r = client.get("/api/people/Pham Quoc Ang")
    assert r.status_code == 404 and "did you mean Phạm Quốc Anh" in r.json()["error"]["message"]
    r = client.get("/api/threads/market_economy")
    assert r.status_code == 404 and "did you mean market_economy_status" in r.json()["error"]["message"]
    r = client.get("/api/threads/zzzz")
    assert "one of" in r.json()["error"]["message"] and "jetp" in r.json()["error"]["message"]


def test_bad_filters_are_refused_everywhere(client):
    for url in ("/api/events", "/api/people", "/api/timeline", "/api/meetings", "/api/articles"):
        for params in ({"since": "2017-02-30"}, {"since": "2025", "until": "2023"}, {"topic": "nope"},
                       {"thread": "nope"}):
            r = client.get(url, params=params)
            assert r.status_code == 422, (url, params)
            assert r.json()["error"]["code"] == "unprocessable"
        assert client.get(url, params={"since": "2023-05-03", "until": "2023-05"}).status_code == 200
    assert client.get("/api/search", params={"q": " "}).status_code == 422


def test_health_stays_open_when_reads_are_protected(store):
    from fastapi.testclient import TestClient

    from hoptac.api import create_app

    with TestClient(create_app(store=store, token="t0k", protect_reads=True)) as c:
        assert c.get("/api/health").status_code == 200
        assert c.get("/api/people").status_code == 401
