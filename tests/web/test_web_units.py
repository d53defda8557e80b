"""The dashboard's building blocks without a browser: escaping, highlighting, labels, charts."""

from __future__ import annotations

import html
import re

import pytest

from hoptac.extract.topics import load_taxonomy
from hoptac.web.charts import bar_chart, heatmap, periods
from hoptac.web.highlight import Span, highlight, snippet_html
from hoptac.web.i18n import Translator, load_labels, pick_lang

TAGS = re.compile(r"<[^>]+>")


def visible(markup: str) -> str:
    return html.unescape(TAGS.sub("", markup))


def test_highlight_keeps_the_text_and_escapes_every_piece():
    text = "Ông <b>Lê Văn Thành</b> cam kết 2 triệu USD & hơn."
    name = text.index("Lê Văn Thành")
    amount = text.index("2 triệu USD")
    spans = [Span(name, name + len("Lê Văn Thành"), "person", "Người: Lê Văn Thành"),
             Span(0, len(text) - 1, "act", 'Cam kết: "x" <y>', css="hl-act-commit", anchor="st-0"),
             Span(amount, amount + len("2 triệu USD"), "amount", "Tiền"),
             Span(5, 500, "person", "out of range"), Span(7, 7, "person", "empty")]
    out = str(highlight(text, spans))
    assert visible(out) == text  # nothing lost, nothing added
    assert "<b>" not in out and "&lt;b&gt;" in out and "&amp; hơn" in out
    assert '<span class="anchor" id="st-0"></span>' in out
    person = re.search(r'<span class="([^"]*hl-person[^"]*)"[^>]*>Lê Văn Thành</span>', out)
    assert person and "hl-act" in person.group(1) and "hl-act-commit" in person.group(1)
    assert re.search(r'class="hl hl-act hl-act-commit hl-amount"[^>]*>2 triệu USD<', out)
    assert 'title="Cam kết: &#34;x&#34; &lt;y&gt;' in out  # labels are escaped inside attributes too
    assert "out of range" not in out and "empty" not in out


def test_highlight_works_on_decomposed_unicode_offsets():
    import unicodedata

    text = unicodedata.normalize("NFD", "Bộ trưởng Phạm Quốc Anh")
    start = text.index(unicodedata.normalize("NFD", "Phạm"))
    out = str(highlight(text, [Span(start, len(text), "person", "p")]))
    assert visible(out) == text


def test_snippet_keeps_only_balanced_mark_tags():
    raw = 'a <script>x()</script> <mark>bán dẫn</mark> <img onerror=y> <mark>chip'
    out = str(snippet_html(raw))
    assert out.count("<mark>") == 2 and out.count("</mark>") == 2
    assert "<script>" not in out and "&lt;script&gt;" in out and "&lt;img onerror=y&gt;" in out
    assert str(snippet_html("</mark>x")) == "x"
    assert str(snippet_html(None)) == ""


def test_language_choice():
    assert pick_lang(None, None) == "vi"
    assert pick_lang("en", "vi") == "en"
    assert pick_lang(None, "en") == "en"
    assert pick_lang("fr", "xx") == "vi"


ONTOLOGY = {
    "sides": ["VN", "US", "OTHER"],
    "acts": ["request", "propose", "commit", "agree", "welcome", "inform"],
    "event_types": ["meeting", "reception", "call", "dialogue", "visit", "signing"],
    "event_statuses": ["happened", "planned"],
    "org_kinds": ["government", "company", "party", "embassy", "association", "media", "other"],
    "amount_kinds": ["money", "percent", "count", "year", "duration"],
    "thread_statuses": ["raised", "pledged", "in_progress", "fulfilled", "stalled", "dropped"],
}


@pytest.mark.parametrize("section", sorted(ONTOLOGY))
def test_every_ontology_id_has_both_labels(section):
    table = load_labels()[section]
    for key in ONTOLOGY[section]:
        assert table[key]["vi"] and table[key]["en"], (section, key)
        assert Translator("vi").label(section, key) != Translator("en").label(section, key) or key == "OTHER"


def test_every_topic_and_thread_of_the_taxonomy_has_labels():
    tax = load_taxonomy()
    for section, ids in (("topics", tax.topics), ("threads", tax.threads)):
        for key in ids:
            vi, en = Translator("vi").label(section, key), Translator("en").label(section, key)
            assert vi != key and en != key, (section, key)


def test_interface_words_exist_in_both_languages():
    vi, en = Translator("vi"), Translator("en")
    assert vi.t("overview") == "Tổng quan" and en.t("overview") == "Overview"
    assert en.t("page_of", start=1, end=2, total=3) == "Showing 1–2 of 3"


def test_long_spans_are_counted_by_year():
    per, unit = periods(["2016-03", "2025-11"])
    assert unit == "year" and per[0] == "2016" and per[-1] == "2025" and len(per) == 10
    per, unit = periods(["2025-11", "2025-01"])
    assert unit == "month" and len(per) == 11


def test_charts_escape_labels_and_show_counts():
    svg = str(bar_chart({"a": {"2025-01": 3, "2025-03": 1}}, {"a": "<b>Bài</b>"}, title="t", empty="none"))
    assert svg.startswith("<svg") and "<b>" not in svg and "&lt;b&gt;Bài" in svg
    assert "2025-01 · &lt;b&gt;Bài&lt;/b&gt;: 3" in svg
    assert svg.count('class="bar"') == 2
    grid = str(heatmap({"2024-05": {"energy": 2}}, [("energy", "Năng lượng & <x>")], title="t", empty="none"))
    assert "Năng lượng &amp; &lt;x&gt;" in grid and "<x>" not in grid
    assert "none" in str(bar_chart({}, {}, title="t", empty="none"))


def test_every_thread_status_reason_is_translated():
    from hoptac.link.threads import lifecycle

    def e(i, date, act, quote):
        return {"id": f"a.s{i}", "article_id": "a", "date": date, "act": act, "quote": quote, "amounts": []}

    entries = [e(0, "2020-01-01", "request", "đề nghị"), e(1, "2020-02-01", "commit", "sẽ xem xét"),
               e(2, "2022-01-01", "request", "đề nghị lại"), e(3, "2022-02-01", "inform", "đang triển khai"),
               e(4, "2022-03-01", "inform", "đã hoàn thành"), e(5, "2022-04-01", "request", "đề nghị"),
               e(6, "2022-05-01", "inform", "từ bỏ")]
    reasons = [h["reason"] for h in lifecycle(entries)["status_history"]]
    assert len(set(reasons)) >= 6, reasons
    vi, en = Translator("vi"), Translator("en")
    for r in reasons:
        assert vi.reason(r) != r, r
        assert en.reason(r) == r or "days" in r
    assert "ngày" in vi.reason("raised again 541 days after the last movement")


def test_bar_chart_scales_each_series_and_skips_empty_years():
    svg = str(bar_chart({"a": {"1975-05": 1, "2019-01": 2}, "s": {"2019-01": 257}}, {"a": "Bài", "s": "Phát biểu"},
                        title="t", empty="none", links={"a": "/articles?since={since}&until={until}"}))
    bars = re.findall(r'height="([\d.]+)" fill="[^"]+"><title>([^<]+)</title>', svg)
    by = {title: float(h) for h, title in bars}
    assert by["2019 · Bài: 2"] == by["2019 · Phát biểu: 257"]  # each series on its own scale
    ticks = re.findall(r'class="tick">(\d{4})</text>', svg)
    assert ticks == ["1975", "2019"]  # the years between, without data, are not drawn
    assert 'href="/articles?since=2019&amp;until=2019"' in svg
