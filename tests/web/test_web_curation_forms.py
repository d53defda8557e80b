"""The editor's forms without a browser: shown only to a signed-in editor, CSRF-checked, bad input
refused with the reason, and the audit trail page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from hoptac.api import create_app
from hoptac.store import Store

ARTICLES = Path(__file__).resolve().parents[1] / "store" / "fixtures_curation"
TOKEN = "forms-token"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    with Store.open(f"sqlite:///{tmp_path_factory.mktemp('forms') / 'kb.db'}") as store:
        assert store.ingest_sources([str(ARTICLES)]).stored == 3
        yield create_app(store=store, token=TOKEN)


def _signed_in(app) -> tuple[TestClient, str]:
    c = TestClient(app, raise_server_exceptions=False)
    assert c.post("/login", data={"token": TOKEN, "next": "/"}, follow_redirects=False).status_code == 303
    event = c.get("/api/events").json()["items"][0]["id"]
    page = c.get(f"/events/{event}").text
    return c, re.search(r'name="csrf" value="([0-9a-f]{64})"', page).group(1)


def test_forms_only_for_a_signed_in_editor(app):
    anon = TestClient(app, raise_server_exceptions=False)
    person = anon.get("/api/people").json()["items"][0]["id"]
    article = anon.get("/api/articles").json()["items"][0]["id"]
    for path in (f"/people/{person}", f"/articles/{article}"):
        html = anon.get(path).text
        assert 'action="/curate"' not in html and 'name="csrf"' not in html
    assert anon.post("/curate", data={"kind": "reject_event", "why": "x"}).status_code == 401
    c, _ = _signed_in(app)
    assert 'action="/curate"' in c.get(f"/people/{person}").text
    assert 'action="/curate"' in c.get(f"/articles/{article}").text


def test_csrf_and_bad_input(app):
    c, csrf = _signed_in(app)
    event = c.get("/api/events").json()["items"][0]
    form = {"kind": "set_date", "event": event["id"], "date": "2019-03-11", "why": "ngày đúng", "next": "/"}
    assert c.post("/curate", data={**form, "csrf": "0" * 64}, follow_redirects=False).status_code == 403
    assert c.post("/curate", data=form, follow_redirects=False).status_code == 403
    bad = c.post("/curate", data={**form, "csrf": csrf, "date": "2019-02-30"}, follow_redirects=False)
    assert bad.status_code == 422 and "YYYY" in bad.text
    assert c.post("/curate", data={**form, "csrf": csrf, "why": ""}, follow_redirects=False).status_code == 422
    assert c.get("/api/corrections").json()["total"] == 0
    ok = c.post("/curate", data={**form, "csrf": csrf, "next": "//evil.example/"}, follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/"  # only local redirects
    assert c.get(f"/api/events/{event['id']}").json()["date"] == "2019-03-11"
    trail = c.get("/corrections").text
    assert "ngày đúng" in trail and 'data-status="applied"' in trail
    cid = c.get("/api/corrections").json()["items"][0]["id"]
    undo = c.post("/curate/undo", data={"csrf": csrf, "correction": cid, "next": "/corrections"}, follow_redirects=False)
    assert undo.status_code == 303
    assert c.get(f"/api/events/{event['id']}").json()["date"] == event["date"]
    assert c.get("/corrections?status=nope").status_code == 400


def test_a_rejected_event_is_marked_on_its_article(app):
    c, csrf = _signed_in(app)
    event = next(e for e in c.get("/api/events").json()["items"] if len(e["sources"]) == 1)
    aid = event["sources"][0]["article_id"]
    r = c.post("/curate", data={"csrf": csrf, "kind": "reject_event", "event": event["id"], "why": "không phải sự kiện",
                                "next": f"/articles/{aid}"})
    assert r.status_code == 200 and c.get(f"/api/events/{event['id']}").status_code == 404
    assert re.search(r'<li class="rejected" data-rejected="c_[0-9a-f]+"><a href="#ev-', r.text)
    assert "không phải sự kiện" in r.text


def test_org_forms_and_an_old_event_permalink(app):
    c, csrf = _signed_in(app)
    org = c.get("/api/organizations").json()["items"][0]
    html = c.get(f"/organizations/{org['id']}").text
    assert 'data-edit="merge_orgs"' in html and 'data-edit="split_org"' in html and 'name="csrf"' in html
    anon = TestClient(app, raise_server_exceptions=False)
    assert 'action="/curate"' not in anon.get(f"/organizations/{org['id']}").text
    # an event merged away: its permalink answers with the event kept, at the kept event's address
    events = {(e["type"], e["date"]): e["id"] for e in c.get("/api/events").json()["items"]}
    kept, gone = events[("meeting", "2019-04-20")], events[("visit", "2019-04")]
    form = {"kind": "merge_events", "events": f"{kept},{gone}", "why": "một dịp", "csrf": csrf, "next": "/"}
    assert c.post("/curate", data=form, follow_redirects=False).status_code == 303
    old = anon.get(f"/events/{gone}", follow_redirects=False)
    assert old.status_code == 301 and old.headers["location"] == f"/events/{kept}"
    assert anon.get(f"/api/events/{gone}").json()["id"] == kept
    assert anon.get("/events/e_000000000000").status_code == 404
