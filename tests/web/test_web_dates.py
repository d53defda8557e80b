"""The dashboard says where a date came from: "inferred" beside a year the text implies, and
"date unknown" (not a blank, not a guess) for an article nothing dates."""

from __future__ import annotations

import pytest
from conftest import LiveServer
from playwright.sync_api import expect

from hoptac import analyze
from hoptac.api import create_app
from hoptac.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

INFERRED = ("Đại sứ gửi thư chúc Tết tới cộng đồng\n"
            "Đại sứ Mỹ John Smith gửi lời chúc mừng năm mới Giáp Thìn tới người dân Việt Nam.\n"
            "Ông cho biết Hoa Kỳ sẽ tiếp tục hỗ trợ Việt Nam trong lĩnh vực y tế.\n")
UNDATED = ("Hai bên bàn về hợp tác giáo dục\n"
           "Chiều 12/4, Bộ trưởng Lê Văn Hải tiếp Đại sứ Mỹ John Smith tại Hà Nội.\n"
           "Bộ trưởng Lê Văn Hải đề nghị phía Mỹ tăng học bổng cho sinh viên Việt Nam.\n")


@pytest.fixture(scope="module")
def dated_live(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('dates') / 'kb.db'}"
    with Store.open(url) as store:
        store.ingest([analyze(INFERRED), analyze(UNDATED)])
        with LiveServer(create_app(store=store)) as server:
            yield server


def test_inferred_and_unknown_dates_are_said(browser, dated_live):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(dated_live.url + "/articles?lang=en")
        inferred = page.locator("tr", has_text="chúc Tết")
        expect(inferred.locator("time")).to_have_text("2024")
        expect(inferred.locator(".badge.prov")).to_have_text("inferred")
        undated = page.locator("tr", has_text="hợp tác giáo dục")
        expect(undated).to_contain_text("Date unknown")
        assert undated.locator(".badge.prov").count() == 0
        # the article page shows why the year was inferred, and the meeting's day without a year
        inferred.locator("a.article-link").click()
        expect(page.locator("time").first).to_have_attribute("title", "the lunar new year named: 'năm mới giáp thìn'")
        page.goto(dated_live.url + "/articles?lang=en")
        page.locator("tr", has_text="hợp tác giáo dục").locator("a.article-link").click()
        expect(page.locator("#rec-events")).to_contain_text("12/4")
        expect(page.locator("#rec-events")).to_contain_text("year unknown")
    finally:
        context.close()
