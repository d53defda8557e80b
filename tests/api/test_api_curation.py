"""The curation API: corrections need the write token, bad input is a 422, corrections show on records."""

from __future__ import annotations

import pytest


def _statement(client) -> dict:
    items = client.get("/api/statements", params={"limit": 500}).json()["items"]
    return next(s for s in items if s["person_id"])


def test_writes_need_the_token(client):
    s = _statement(client)
    body = {"kind": "reject_statement", "statement": s["id"], "why": "không phải phát biểu"}
    assert client.post("/api/corrections", json=body).status_code == 401
    assert client.post("/api/corrections", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.post("/api/corrections/import", content="").status_code == 401
    assert client.post("/api/corrections/c_x/undo", json={}).status_code == 401
    assert client.get("/api/statements", params={"limit": 500}).json()["total"] >= 1  # nothing was rejected


@pytest.mark.parametrize("body", [
    {"kind": "merge_people", "people": ["p_nope", "p_nada"], "why": "x"},
    {"kind": "merge_people", "people": ["p_only"], "why": "x"},
    {"kind": "set_date", "event": "e_nope", "date": "2019-01-01", "why": "x"},
    {"kind": "reject_statement", "statement": "a_nope.s0", "why": "x"},
    {"kind": "nonsense", "why": "x"},
    {"kind": "reject_statement", "why": ""},
    {"kind": "correct_statement", "statement": "x", "act": "shout", "why": "x"},
    {"kind": "add_thread", "statement": "x", "thread": "not a thread!", "why": "x"},
    {"kind": "reject_statement", "statement": "x", "why": "x", "extra": 1},
])
def test_bad_input_is_422(client, auth, body):
    r = client.post("/api/corrections", json=body, headers=auth)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "unprocessable"


def test_bad_values_on_real_records_are_422(client, auth):
    s = _statement(client)
    for extra in ({"kind": "set_date", "date": "2019-02-30"}, {"kind": "set_date"},
                  {"kind": "add_thread", "thread": "no_such_thread"},
                  {"kind": "correct_statement"}):
        r = client.post("/api/corrections", json={"statement": s["id"], "why": "x", **extra}, headers=auth)
        assert r.status_code == 422, (extra, r.text)
    assert client.get("/api/corrections").json()["total"] == 0


def test_correct_show_undo(client, auth):
    s = _statement(client)
    r = client.post("/api/corrections", json={"kind": "correct_statement", "statement": s["id"], "act": "propose",
                                              "side": "OTHER", "why": "đọc sai", "who": "biên tập viên"}, headers=auth)
    assert r.status_code == 201, r.text
    c = r.json()
    assert (c["status"], c["who"], c["after"]) == ("applied", "biên tập viên", {"act": "propose", "side": "OTHER"})
    assert c["before"] == {"act": s["act"], "side": s["side"]}
    art = client.get(f"/api/articles/{s['article_id']}").json()
    shown = next(x for x in art["statements"] if x["id"] == s["id"])
    assert (shown["act"], shown["side"]) == ("propose", "OTHER")
    assert [x["id"] for x in shown["corrections"]] == [c["id"]]
    assert client.get(f"/api/corrections/{c['id']}").json()["why"] == "đọc sai"
    assert client.get("/api/corrections", params={"ref": s["id"]}).json()["total"] == 1
    exported = client.get("/api/corrections/export").text.splitlines()
    assert len(exported) == 1 and c["id"] in exported[0]
    u = client.post(f"/api/corrections/{c['id']}/undo", json={"why": "nhầm"}, headers=auth)
    assert u.status_code == 201, u.text
    art = client.get(f"/api/articles/{s['article_id']}").json()
    shown = next(x for x in art["statements"] if x["id"] == s["id"])
    assert (shown["act"], shown["side"]) == (s["act"], s["side"])
    assert client.get(f"/api/corrections/{c['id']}").json()["undone"] is True
    assert client.post(f"/api/corrections/{c['id']}/undo", json={}, headers=auth).status_code == 422
    assert client.post("/api/corrections/c_nope/undo", json={}, headers=auth).status_code == 404
    again = client.post("/api/corrections/import", content="\n".join(exported), headers=auth).json()
    assert (again["added"], again["skipped"]) == (0, 1)
    bad = client.post("/api/corrections/import", content="{not json\n", headers=auth).json()
    assert bad["added"] == 0 and len(bad["errors"]) == 1
