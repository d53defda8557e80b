"""Curation in a real browser: a signed-in editor merges two people, rejects a statement and sets
an event's date; ``hoptac ingest --refresh`` then rebuilds the store and all three hold on the pages.
A reader who is not signed in sees the corrections but no forms."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from conftest import TOKEN, LiveServer, watched_page
from playwright.sync_api import expect

from hoptac.api import create_app
from hoptac.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

ARTICLES = Path(__file__).resolve().parents[1] / "store" / "fixtures_curation"


@pytest.fixture
def editable(tmp_path, browser):
    """A server over a fresh store of the curation articles (files, so they can be re-read), and a page."""
    src = tmp_path / "articles"
    shutil.copytree(ARTICLES, src)
    db = tmp_path / "kb.db"
    with Store.open(f"sqlite:///{db}") as store:
        assert store.ingest_sources([str(src)]).stored == 3
        with LiveServer(create_app(store=store, token=TOKEN)) as server, watched_page(browser) as pg:
            yield server, pg, src, db
            assert not pg.problems, pg.problems


def _api(server, path: str) -> dict:
    return httpx.get(server.url + path, timeout=30).json()


def _submit(pg, section: str, kind: str, why: str, fill: dict[str, str] | None = None, nth: int = 0) -> None:
    box = pg.locator(f"{section} details[data-edit='{kind}']").nth(nth)
    box.locator("summary").click()
    for name, value in (fill or {}).items():
        field = box.locator(f"[name='{name}']").last
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    box.locator("input[name='why']").fill(why)
    box.locator("input[name='who']").fill("Biên tập viên Lan")
    box.locator("button[type='submit']").click()
    pg.wait_for_load_state()


def test_editor_corrections_survive_refresh(editable):
    server, pg, src, db = editable
    people = {p["name"]: p["id"] for p in _api(server, "/api/people")["items"]}
    david = people["David Brenner"]
    # not signed in: no forms
    pg.goto(f"{server.url}/people/{david}")
    expect(pg.locator("#edit-person")).to_have_count(0)
    # sign in
    pg.goto(f"{server.url}/login?next=/people/{david}")
    pg.locator("input[name='token']").fill(TOKEN)
    pg.locator("form[action='/login'] button").click()
    expect(pg.locator("#edit-person")).to_be_visible()
    # 1. merge two people
    _submit(pg, "#edit-person", "merge_people", "cùng một đại sứ, hai cách viết tên", {"people": "David Brenar"})
    expect(pg.locator(".corrections .correction[data-kind='merge_people']")).to_contain_text("Biên tập viên Lan")
    pg.goto(server.url + "/people")
    expect(pg.locator("#people-table")).not_to_contain_text("David Brenar")
    # 2. reject a statement (the third statement of the reception article)
    arts = {a["title"]: a["id"] for a in _api(server, "/api/articles")["items"]}
    aid = next(i for t, i in arts.items() if t.startswith("Bộ trưởng"))
    pg.goto(f"{server.url}/articles/{aid}")
    _submit(pg, "#edit-article", "", "không phải một phát biểu", {"kind": "reject_statement"}, nth=2)
    rejected = pg.locator("#rec-statements li.rejected")
    expect(rejected).to_have_count(1)
    expect(rejected).to_contain_text("không phải một phát biểu")
    # 3. set an event's date
    ev = next(e for e in _api(server, "/api/events")["items"] if e["type"] == "reception")
    pg.goto(f"{server.url}/events/{ev['id']}")
    _submit(pg, "#edit-event", "set_date", "buổi tiếp diễn ra chiều 11/3", {"date": "2019-03-11"})
    expect(pg.locator("h1 time")).to_have_text("2019-03-11")
    expect(pg.locator("#date-corrected")).to_be_visible()
    # the store is rebuilt from the articles
    run = subprocess.run([sys.executable, "-m", "hoptac", "ingest", str(src), "--refresh", "--db", str(db)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "refreshed 3" in run.stdout and "orphaned" not in run.stderr
    # all three hold, shown with who, when and why
    pg.goto(server.url + "/people")
    expect(pg.locator("#people-table")).not_to_contain_text("David Brenar")
    pg.goto(f"{server.url}/people/{david}")
    expect(pg.locator(".correction[data-kind='merge_people']")).to_contain_text("hai cách viết tên")
    pg.goto(f"{server.url}/articles/{aid}")
    expect(pg.locator("#rec-statements li.rejected")).to_have_count(1)
    ev2 = next(e for e in _api(server, "/api/events")["items"] if e["type"] == "reception")
    pg.goto(f"{server.url}/events/{ev2['id']}")
    expect(pg.locator("h1 time")).to_have_text("2019-03-11")
    expect(pg.locator(".correction[data-kind='set_date']")).to_contain_text("chiều 11/3")
    # the audit trail lists all three, applied
    pg.goto(server.url + "/corrections")
    expect(pg.locator("#corrections tbody tr[data-status='applied']")).to_have_count(3)
    # a reader without a session sees the corrections, not the forms, and cannot post
    anon = httpx.post(server.url + "/curate", data={"kind": "reject_event", "event": ev2["id"], "why": "x"})
    assert anon.status_code == 401
    other = pg.context.browser.new_context()
    p2 = other.new_page()
    p2.goto(f"{server.url}/events/{ev2['id']}")
    expect(p2.locator(".correction[data-kind='set_date']")).to_be_visible()
    expect(p2.locator("#edit-event")).to_have_count(0)
    other.close()


def test_editor_merges_organizations_and_it_survives_refresh(editable):
    server, pg, src, db = editable
    orgs = {o["name"]: o["id"] for o in _api(server, "/api/organizations")["items"]}
    embassy, other = orgs["Đại sứ quán Mỹ tại Hà Nội"], "Đại sứ quán Mỹ về thương mại"  # a name overrun by the extractor
    pg.goto(f"{server.url}/organizations/{embassy}")
    expect(pg.locator("#edit-org")).to_have_count(0)  # a reader: no forms
    pg.goto(f"{server.url}/login?next=/organizations/{embassy}")
    pg.locator("input[name='token']").fill(TOKEN)
    pg.locator("form[action='/login'] button").click()
    expect(pg.locator("#edit-org")).to_be_visible()
    expect(pg.locator("#edit-org details[data-edit='split_org']")).to_have_count(1)
    # the other spelling named as it is written: the form finds the organization
    _submit(pg, "#edit-org", "merge_orgs", "cùng một đại sứ quán", {"orgs": other})
    expect(pg.locator(".corrections .correction[data-kind='merge_orgs']")).to_contain_text("Biên tập viên Lan")
    names = [o["name"] for o in _api(server, "/api/organizations")["items"]]
    assert other not in names and names.count("Đại sứ quán Mỹ tại Hà Nội") == 1
    # a form without its CSRF token is refused even with the session
    forged = pg.request.post(server.url + "/curate", form={"kind": "split_org", "org": embassy,
                                                            "names": other, "why": "x"})
    assert forged.status == 403
    run = subprocess.run([sys.executable, "-m", "hoptac", "ingest", str(src), "--refresh", "--db", str(db)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    names = [o["name"] for o in _api(server, "/api/organizations")["items"]]
    assert other not in names
    pg.goto(f"{server.url}/organizations/{embassy}")
    expect(pg.locator("#org-name")).to_contain_text("Đại sứ quán Mỹ tại Hà Nội")
    expect(pg.locator(".correction[data-kind='merge_orgs']")).to_contain_text("cùng một đại sứ quán")
    expect(pg.locator("#org-aliases")).to_contain_text(other)
