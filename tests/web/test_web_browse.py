"""The browsing pages in a real browser: the statements browser (filters kept in the URL, export,
copy citation), a statement permalink, an organization page, the network view, a brief, and
every page at 390 px without sideways scrolling."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_statements_browser_filters_saved_in_the_url(page, live):
    page.goto(live.url + "/statements")
    expect(page.locator("h1")).to_have_text("Phát biểu")
    total = int(page.locator("#result-count").get_attribute("data-total"))
    assert total >= 4
    page.locator('select[name="side"]').select_option("US")
    page.locator('select[name="act"]').select_option("commit")
    page.locator('select[name="sort"]').select_option("-date")
    page.locator("#statement-filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"side=US.*act=commit.*sort=-date"))
    items = page.locator("#statement-list li.stmt")
    assert 1 <= items.count() < total
    for i in range(items.count()):
        assert items.nth(i).get_attribute("data-side") == "US"
        assert items.nth(i).get_attribute("data-act") == "commit"
    # the URL is the saved view: opened afresh it shows the same statements
    url = page.url
    ids = [items.nth(i).get_attribute("data-id") for i in range(items.count())]
    page.goto(url)
    again = page.locator("#statement-list li.stmt")
    assert [again.nth(i).get_attribute("data-id") for i in range(again.count())] == ids
    expect(page.locator('select[name="act"]')).to_have_value("commit")
    # the export link carries the view
    href = page.locator('#export-links a[data-format="csv"]').get_attribute("href")
    body = httpx.get(live.url + href).content.decode("utf-8-sig")
    assert body.splitlines()[0].startswith("id,") and len(body.splitlines()) == len(ids) + 1


def test_copy_citation_and_permalink(page, live):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(live.url + "/statements?actor=Linda+Parker")
    first = page.locator("#statement-list li.stmt").first
    button = first.locator("button.copy-cite")
    citation = button.get_attribute("data-citation")
    assert "Báo Thử Nghiệm" in citation and "“" in citation
    button.click()
    expect(button).to_have_class(re.compile("done"))
    assert page.evaluate("navigator.clipboard.readText()") == citation
    first.locator("a.permalink").click()
    expect(page).to_have_url(re.compile(r"/statements/[^/]+\.s\d+$"))
    expect(page.locator("#citation")).to_have_text(citation)
    expect(page.locator("h1")).to_contain_text("Linda Parker")


def test_organization_page(page, live):
    page.goto(live.url + "/organizations?name=thuong mai")
    page.locator("a.org-link", has_text="Bộ Thương mại Hoa Kỳ").click()
    expect(page.locator("h1#org-name")).to_contain_text("Bộ Thương mại Hoa Kỳ")
    expect(page.locator("h1 .side")).to_have_text("Hoa Kỳ")
    expect(page.locator("#org-people")).to_be_visible()
    expect(page.locator("#org-statements")).to_be_visible()
    # another spelling reaches the same page
    page.goto(live.url + "/organizations/" + "Bộ Thương mại Mỹ")
    expect(page.locator("h1#org-name")).to_contain_text("Bộ Thương mại Hoa Kỳ")


def test_network_view(page, live):
    page.goto(live.url + "/network")
    svg = page.locator("#network-figure svg.network")
    expect(svg).to_be_visible()
    assert svg.locator("line.edge").count() >= 1
    names = svg.locator("a.node text").all_text_contents()
    assert "Phạm Quốc Anh" in names and "Linda Parker" in names
    assert "Linda Parker" in " ".join(svg.locator("line.edge title").all_text_contents())
    row = page.locator("#network-edges tr.edge-row", has_text="Linda Parker").first
    assert int(row.get_attribute("data-occasions")) >= 1
    # a period without meetings draws nothing
    page.goto(live.url + "/network?since=1990&until=1991")
    assert page.locator("svg.network line.edge").count() == 0
    # a node leads to its person
    page.goto(live.url + "/network")
    page.locator("svg.network a.node", has_text="Linda Parker").first.click()
    expect(page.locator("h1")).to_contain_text("Linda Parker")


def test_brief_of_a_thread_in_english(page, live):
    page.goto(live.url + "/briefs?lang=en")
    page.locator("#brief-thread select[name=id]").select_option("market_economy_status")
    page.locator("#brief-thread button").click()
    expect(page.locator("#brief h1")).to_contain_text("Market economy status")
    lines = page.locator("#brief-lines li.brief-line")
    assert lines.count() >= 3
    dates = [d for d in (lines.nth(i).get_attribute("data-date") for i in range(lines.count())) if d]
    assert dates == sorted(dates)
    expect(lines.first.locator("q")).to_contain_text("quy chế kinh tế thị trường")  # quotes stay Vietnamese
    expect(page.locator("#brief-sources li")).to_have_count(lines.count())
    md = httpx.get(live.url + page.locator("#brief-md").get_attribute("href"))
    assert md.text.startswith("# Brief on the thread: Market economy status")


PAGES = ["/", "/timeline", "/meetings", "/threads", "/threads/market_economy_status", "/people", "/articles",
         "/search?q=kinh+t%E1%BA%BF", "/statements", "/organizations", "/network", "/briefs",
         "/briefs/thread?id=market_economy_status", "/briefs/period?since=2023&until=2025", "/login"]


def test_no_sideways_scroll_at_390px(browser, live):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    pg = context.new_page()
    try:
        urls = list(PAGES)
        for sample in ("/people", "/articles", "/statements", "/organizations"):
            pg.goto(live.url + sample)
            link = pg.locator("main a[href^='/people/'], main a.article-link, main a.permalink, main a.org-link").first
            if link.count():
                urls.append(link.get_attribute("href"))
        wide = []
        for u in dict.fromkeys(urls):
            resp = pg.goto(live.url + u)
            assert resp.status == 200, u
            width = pg.evaluate("document.documentElement.scrollWidth")
            if width > 390:
                wide.append((u, width))
        assert not wide, wide
    finally:
        context.close()
