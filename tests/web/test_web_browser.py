"""The dashboard in a real browser: every page, the links between them, filters, search,
language switch, and untrusted markup that must stay inert text."""

from __future__ import annotations

import re
import time
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

FIXTURES = Path(__file__).resolve().parent / "fixtures"
T2023 = "Hai bên thảo luận về quy chế kinh tế thị trường tại Washington"
T2025 = "Phó Thủ tướng Phạm Quốc Anh điện đàm với Bộ trưởng Linda Parker"


def test_overview_shows_counts_charts_people_and_threads(page, live):
    resp = page.goto(live.url + "/")
    assert resp.status == 200
    assert "script-src 'self'" in resp.headers["content-security-policy"]
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator("h1")).to_have_text("Tổng quan")
    expect(page.locator('[data-count="articles"] .num')).to_have_text("5")
    # the per-month chart has bars with tooltips naming the months of the annotated articles
    bars = page.locator("#chart-over-time svg rect.bar title")
    assert bars.count() >= 2
    tips = " ".join(bars.all_text_contents())
    assert "2023" in tips and "2025" in tips
    assert page.locator("#chart-topics svg rect title").count() > 0
    expect(page.locator('ol.rank[data-side="US"][data-kind="people"]')).to_contain_text("Linda Parker")
    expect(page.locator('ol.rank[data-side="VN"][data-kind="people"]')).to_contain_text("Phạm Quốc Anh")
    row = page.locator("#threads-table tr", has_text="Quy chế kinh tế thị trường")
    expect(row.locator(".status")).to_have_text("Đình trệ")


def test_overview_to_thread_to_article(page, live):
    page.goto(live.url + "/")
    page.locator("#threads-table a", has_text="Quy chế kinh tế thị trường").click()
    expect(page).to_have_url(re.compile(r"/threads/market_economy_status$"))
    expect(page.locator("h1")).to_contain_text("Quy chế kinh tế thị trường")
    expect(page.locator("#lifecycle li").last).to_contain_text("Đình trệ")
    rows = page.locator("#entries tr.entry")
    assert rows.count() >= 3
    first = page.locator("#entries tr.entry", has_text=T2023).first
    expect(first.locator("q")).to_contain_text("sớm công nhận quy chế kinh tế thị trường")
    first.locator("a.article-link").click()
    expect(page).to_have_url(re.compile(r"/articles/[^/#]+#st-0$"))
    expect(page.locator("h1#article-title")).to_have_text(T2023)
    assert page.locator("#st-0").count() == 1


def test_article_highlights_every_kind_and_lists_records(page, live):
    page.goto(live.url + "/articles")
    page.locator("a.article-link", has_text=T2023).click()
    text = page.locator("#article-text")
    expect(text.locator(".hl-person").first).to_have_text("Phạm Quốc Anh")
    expect(text.locator(".hl-amount")).to_have_text("3 triệu USD")
    assert "Bộ Công Thương" in text.locator(".hl-organization").all_text_contents()
    req = "".join(text.locator(".hl-act.hl-act-request").all_text_contents())
    assert "đề nghị Bộ Thương mại Hoa Kỳ sớm công nhận" in req
    # the whole text is there, in order, whatever is highlighted
    assert text.inner_text().startswith(T2023)
    expect(page.locator("#rec-statements")).to_contain_text("Linda Parker")
    expect(page.locator("#rec-events li")).to_have_count(2)
    expect(page.locator("#rec-amounts")).to_contain_text("3 triệu USD")
    # the legend toggles a kind of highlight off and on (the packaged script, no inline JS)
    person = text.locator(".hl-person").first
    before = person.evaluate("e => getComputedStyle(e).backgroundColor")
    page.locator('#legend input[data-kind="person"]').uncheck()
    assert person.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)" != before
    page.locator('#legend input[data-kind="person"]').check()
    assert person.evaluate("e => getComputedStyle(e).backgroundColor") == before
    # a person in the records links to the person page
    page.locator("#rec-people a", has_text="Linda Parker").click()
    expect(page.locator("h1")).to_contain_text("Linda Parker")


def test_person_page_titles_meetings_statements(page, live):
    page.goto(live.url + "/people")
    page.locator("#people-table a", has_text="Phạm Quốc Anh").click()
    expect(page.locator("h1")).to_contain_text("Phạm Quốc Anh")
    titles = page.locator("#titles tbody tr")
    expect(titles).to_have_count(2)
    expect(titles.nth(0)).to_contain_text("Bộ trưởng Bộ Công Thương")
    expect(titles.nth(1)).to_contain_text("Phó Thủ tướng")
    events = page.locator("#person-events")
    expect(events).to_contain_text("Điện đàm")
    expect(events).to_contain_text("2023-09-10")
    expect(page.locator("#person-statements tbody tr")).to_have_count(2)


def test_timeline_filters(page, live):
    page.goto(live.url + "/timeline")
    expect(page.locator('.day[data-date="2023-09-10"]')).to_have_count(1)
    expect(page.locator('.day[data-date="2025-03-05"]')).to_have_count(1)
    page.fill('input[name="person"]', "Linda Parker")
    page.fill('input[name="since"]', "2025-01-01")
    page.locator("form.filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"person=Linda\+Parker"))
    days = page.locator(".day")
    expect(days).to_have_count(1)
    expect(days.first).to_have_attribute("data-date", "2025-03-05")
    expect(days.first.locator(".event")).to_contain_text("Điện đàm")
    page.locator("a.reset").click()
    page.select_option('select[name="topic"]', "supply_chain")
    page.locator("form.filters button[type=submit]").click()
    expect(page.locator('select[name="topic"]')).to_have_value("supply_chain")
    expect(page.locator('.day[data-date="2023-09-10"]')).to_have_count(1)
    expect(page.locator('.day[data-date="2025-03-05"]')).to_have_count(0)
    page.select_option('select[name="thread"]', "market_economy_status")
    page.locator("form.filters button[type=submit]").click()
    expect(page.locator('.day[data-date="2023-09-10"] .event')).to_have_count(2)
    # the event links to its article
    page.locator('.day[data-date="2023-09-10"] a.article-link').first.click()
    expect(page.locator("h1#article-title")).to_have_text(T2023)


def test_the_date_fields_refuse_what_the_server_refuses(page, live):
    page.goto(live.url + "/timeline")
    field = page.locator('input[name="since"]')
    for value, ok in (("2025", True), ("2025-12", True), ("2025-02-28", True), ("2025-13", False),
                      ("2025-00-10", False), ("2025-1-5", False), ("2025-12-32", False)):
        field.fill(value)
        assert field.evaluate("el => el.checkValidity()") is ok, value
        status = page.request.get(live.url + "/timeline", params={"since": value}).status
        assert (status == 200) is ok, (value, status)


def test_bad_filter_is_a_400_page(page, live):
    resp = page.goto(live.url + "/timeline?since=hôm-qua")
    assert resp.status == 400
    expect(page.locator("#error-message")).to_contain_text("Từ ngày")  # the field, named as the form names it
    page.problems.clear()  # chromium logs the 400 of the page itself as a console error


def test_search_ignores_tone_marks_and_marks_hits(page, live):
    page.goto(live.url + "/")
    page.locator('nav a[data-nav="search"]').click()
    page.fill('input[name="q"]', "kinh te thi truong")
    page.keyboard.press("Enter")
    expect(page.locator("#result-count")).not_to_have_text(re.compile(r"^0 "))
    marks = page.locator(".snippet mark")
    assert marks.count() >= 1
    assert all(m.lower() == "kinh tế thị trường" for m in marks.all_text_contents())
    page.locator("li.hit a.article-link").first.click()
    expect(page.locator("h1#article-title")).to_be_visible()
    page.goto(live.url + "/search?q=kinh+te+thi+truong&exact=1")
    expect(page.locator("#result-count")).to_have_text(re.compile(r"^0 "))


def test_language_switch_is_remembered(page, live):
    page.goto(live.url + "/")
    page.locator("#lang-switch").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Overview")
    expect(page.locator('nav a[data-nav="timeline"]')).to_have_text("Timeline")
    expect(page.locator("#threads-table tr", has_text="Market economy status").locator(".status")).to_have_text("Stalled")
    page.locator('nav a[data-nav="threads"]').click()  # no ?lang=: the cookie keeps English
    expect(page.locator("h1")).to_have_text("Threads")
    page.locator("#lang-switch").click()
    expect(page.locator("h1")).to_have_text("Vấn đề theo dõi")


def test_not_found_page(page, live):
    resp = page.goto(live.url + "/articles/khong-co")
    assert resp.status == 404
    expect(page.locator("h1")).to_contain_text("404")
    expect(page.locator("#error-message")).to_contain_text("khong-co")
    page.problems.clear()  # chromium logs the 404 of the page itself as a console error


def test_untrusted_markup_is_shown_as_text_and_never_runs(page, live):
    text = (FIXTURES / "xss.txt").read_text(encoding="utf-8")
    r = httpx.post(live.url + "/api/articles", json={"text": text, "source": "test:xss"},
                   headers={"Authorization": f"Bearer {live.token}"}, timeout=60)
    assert r.status_code == 202, r.text  # queued: a worker analyzes it, the server stores it
    job = r.json()
    for _ in range(3000):  # polled until done (the bound only guards against a hang)
        if job["status"] in ("stored", "failed"):
            break
        time.sleep(0.1)
        job = httpx.get(live.url + job["location"], timeout=60).json()
    assert job["status"] == "stored", job
    aid = job["id"]
    resp = page.goto(f"{live.url}/articles/{aid}")
    assert "default-src 'none'" in resp.headers["content-security-policy"]
    body = page.locator("#article-text")
    shown = body.inner_text()
    assert "<script>window.__pwned" in shown and "<b>đậm</b>" in shown and "onerror=" in shown
    expect(page.locator("h1#article-title")).to_contain_text("<i>nghiêng</i>")
    for tag in ("script", "img", "iframe", "svg", "b", "i", "a", "style"):
        assert body.locator(tag).count() == 0, tag
        assert page.locator(f"h1 {tag}").count() == 0, tag
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title() != "pwned"
    # the overview, the listing and the search snippet show it as text too
    for path in ("/", "/articles", "/search?q=kiemthuxss"):
        page.goto(live.url + path)
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("main script, main img, main iframe, main i").count() == 0, path
    marks = page.locator(".snippet mark").all_text_contents()
    assert marks and set(marks) == {"kiemthuxss"}
    assert "<b>đậm</b>" in " ".join(page.locator(".snippet").all_inner_texts())
