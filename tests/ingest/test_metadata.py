"""Metadata the user gives (``--meta FILE``) and crawler JSON Lines: dates with their provenance."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import hoptac
from hoptac.cli import main
from hoptac.ingest.metafile import MetaError, load_metadata, lookup, normalize_date
from hoptac.settings import DEFAULT

ARTICLE = ("Hai nước thúc đẩy hợp tác giáo dục\n"
           "Chiều 4/3, Bộ trưởng Nguyễn Văn An tiếp Đại sứ Mỹ John Smith tại Hà Nội.\n"
           "Bộ trưởng Nguyễn Văn An đề nghị phía Mỹ tăng học bổng cho sinh viên Việt Nam.\n")


@pytest.mark.parametrize("value,iso", [
    ("2017-05-31", "2017-05-31"), ("2017-5", "2017-05"), ("2017", "2017"),
    ("2017-05-31T08:00:00+07:00", "2017-05-31"), ("31/5/2017", "2017-05-31"), ("31-05-2017 10:20", "2017-05-31"),
    ("", None),
])
def test_normalize_date(value: str, iso: str | None) -> None:
    assert normalize_date(value) == iso


@pytest.mark.parametrize("value", ["2017-02-30", "next week", "2017-13"])
def test_unreadable_dates_are_errors(value: str) -> None:
    with pytest.raises(ValueError):
        normalize_date(value)


@pytest.mark.parametrize("name,body", [
    ("meta.tsv", "file\tpublished\toutlet\nbai.txt\t2021-03-05\tBáo Mẫu\n"),
    ("meta.csv", "file,published,outlet\nbai.txt,05/03/2021,Báo Mẫu\n"),
    ("meta.jsonl", json.dumps({"file": "bai.txt", "published": "2021-03-05", "outlet": "Báo Mẫu"}) + "\n"),
])
def test_metadata_files_in_three_formats(tmp_path: Path, name: str, body: str) -> None:
    meta = tmp_path / name
    meta.write_text(body, encoding="utf-8")
    got = lookup(meta, str(tmp_path / "dir" / "bai.txt"))
    assert got == {"published": "2021-03-05", "outlet": "Báo Mẫu"}
    assert lookup(meta, "khac.txt") is None


def test_a_bad_row_names_its_line(tmp_path: Path) -> None:
    meta = tmp_path / "bad.tsv"
    meta.write_text("file\tpublished\na.txt\t2021-01-01\nb.txt\t31/2/2021\n", encoding="utf-8")
    with pytest.raises(MetaError, match=r"bad.tsv:3"):
        load_metadata(meta)
    runner = CliRunner()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    res = runner.invoke(main, ["extract", str(tmp_path / "a.txt"), "--meta", str(meta)])
    assert res.exit_code != 0 and "bad.tsv:3" in res.output and "Traceback" not in res.output


def test_meta_dates_an_article_and_its_statements(tmp_path: Path) -> None:
    (tmp_path / "bai.txt").write_text(ARTICLE, encoding="utf-8")
    meta = tmp_path / "meta.tsv"
    meta.write_text("file\tpublished\turl\nbai.txt\t2021-03-05\thttps://bao.example/bai\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(tmp_path / "bai.txt"), "--meta", str(meta)])
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert (d["published"], d["published_provenance"], d["published_precision"]) == ("2021-03-05", "metadata", "day")
    assert d["url"] == "https://bao.example/bai"
    [ev] = d["events"]
    assert (ev["date"], ev["date_provenance"], ev["background"]) == ("2021-03-04", "relative", False)
    # said after the meeting's sentence: dated by the article, with the article's provenance
    assert d["statements"] and all((s["date"], s["date_provenance"]) == ("2021-03-05", "metadata")
                                   for s in d["statements"])


def test_without_metadata_the_article_says_it_is_undated(tmp_path: Path) -> None:
    (tmp_path / "bai.txt").write_text(ARTICLE, encoding="utf-8")
    [r] = list(hoptac.analyze_many([str(tmp_path / "bai.txt")]))
    assert r.article is not None and r.article.published is None
    assert any(w.startswith("no publication date") for w in r.article.warnings)
    assert all(s.date is None for s in r.article.statements)
    assert r.article.events[0].date_provenance == "partial"


def test_crawler_json_lines(tmp_path: Path) -> None:
    rows = [
        {"url": "https://bao.example/1", "title": "Hai nước thúc đẩy hợp tác", "date": "2024-03-05T09:00:00+07:00",
         "text": ARTICLE.split("\n", 1)[1], "site": "Báo Mẫu"},
        "không phải đối tượng",
        {"url": "https://bao.example/3"},
        {"url": "https://bao.example/4", "html": f"<html><body><article><h1>Tin</h1><p>{ARTICLE}</p></article></body></html>"},
    ]
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\nnot json\n", encoding="utf-8")
    results = list(hoptac.analyze_many([str(path)], DEFAULT))
    assert [r.source for r in results] == [f"{path}#{n}" for n in (1, 2, 3, 4, 5)]
    first = results[0].article
    assert first is not None
    assert (first.title, first.published, first.published_provenance, first.published_basis, first.outlet, first.url) == (
        "Hai nước thúc đẩy hợp tác", "2024-03-05", "metadata", "crawler record", "Báo Mẫu", "https://bao.example/1")
    assert [bool(r.error) for r in results] == [False, True, True, False, True]
    assert all("\n" not in (r.error or "") for r in results)


def test_the_text_year_is_inferred_with_a_warning(tmp_path: Path) -> None:
    text = ("Đường bay thẳng\nChiều 20-1, Bộ trưởng Trần Văn Bình tiếp Đại sứ Mỹ John Smith.\n"
            "Cuộc kiểm tra đã được thực hiện vào cuối năm 2022.\n"
            "Tháng 6/2010, Bộ trưởng Lê Văn Hải đã hội đàm với Đại sứ Mỹ Tom Brown tại Hà Nội.\n")
    a = hoptac.analyze(text)
    assert (a.published, a.published_provenance, a.published_precision if hasattr(a, "published_precision") else "year") \
        == ("2023", "inferred", "year")
    assert any(w.startswith("publication date inferred") for w in a.warnings)
    d = a.to_dict()
    assert d["published_window"] == ["2023-01-01", "2023-12-31"] and d["published_precision"] == "year"
    dated = {e["date"]: e for e in d["events"]}
    lead = dated["2023-01-20"]
    assert (lead["date_provenance"], lead["status"], lead["background"]) == ("inferred", "happened", False)
    old = [e for e in d["events"] if (e["date"] or "").startswith("2010")]
    assert old and all(e["background"] for e in old)


def test_a_json_lines_fifo_is_refused_not_read(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "crawl.jsonl"
    os.mkfifo(fifo)
    [r] = list(hoptac.analyze_many([str(fifo)]))
    assert r.article is None and "not a regular file" in (r.error or "")


@pytest.mark.parametrize("saved,iso", [
    ("Chủ nhật, 10/9/2023, 16:40 (GMT+7)", "2023-09-10"),   # the page's own dateline
    ("Tue, 24 Aug 2021 23:00:00 GMT", "2021-08-25"),         # an RSS date, on Vietnam's calendar
    (1629892800, "2021-08-25"), (1629892800000, "2021-08-25"),  # Unix seconds, milliseconds
    ("2021-08-24T23:30:00Z", "2021-08-25"), ("2021-08-24T09:30:00+07:00", "2021-08-24"),
    ("2025/04/03 08:15", "2025-04-03"),
])
def test_crawler_dates_in_the_forms_crawlers_save(tmp_path: Path, saved: object, iso: str) -> None:
    row = {"url": "https://bao.example/5", "title": "Hai nước thúc đẩy hợp tác", "date": saved,
           "text": ARTICLE.split("\n", 1)[1]}
    path = tmp_path / "crawl.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    article = next(iter(hoptac.analyze_many([str(path)], DEFAULT))).article
    assert article is not None
    assert (article.published, article.published_basis) == (iso, "crawler record")


def test_an_unreadable_crawler_date_leaves_the_article_undated(tmp_path: Path) -> None:
    row = {"title": "Hai nước thúc đẩy hợp tác", "date": "hôm qua", "text": ARTICLE.split("\n", 1)[1]}
    path = tmp_path / "crawl.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    article = next(iter(hoptac.analyze_many([str(path)], DEFAULT))).article
    assert article is not None and article.published is None


@pytest.mark.parametrize("row", [
    {"maintext": ARTICLE.split("\n", 1)[1], "date_publish": "2024-03-05 09:00:00", "source_domain": "bao.example",
     "url": "https://bao.example/6", "title": "Hai nước thúc đẩy hợp tác"},                        # news-please
    {"raw_text": ARTICLE.split("\n", 1)[1], "date": "2024-03-05", "source": "https://bao.example/6",
     "hostname": "bao.example", "title": "Hai nước thúc đẩy hợp tác"},                             # trafilatura
    {"content": ARTICLE.split("\n", 1)[1], "publishedAt": "2024-03-05T02:00:00Z", "url": "https://bao.example/6",
     "source": {"id": None, "name": "bao.example"}, "title": "Hai nước thúc đẩy hợp tác"},          # NewsAPI
])
def test_the_fields_of_common_crawlers_outputs(tmp_path: Path, row: dict) -> None:
    path = tmp_path / "crawl.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    article = next(iter(hoptac.analyze_many([str(path)], DEFAULT))).article
    assert article is not None
    assert (article.published, article.outlet, article.url) == ("2024-03-05", "bao.example", "https://bao.example/6")
    assert "tăng học bổng" in article.text


def test_a_crawler_s_named_site_beats_a_host_name_guessed_from_the_url(tmp_path: Path) -> None:
    page = f"<html><body><article><h1>Tin</h1><p>{ARTICLE}</p></article></body></html>"
    rows = [{"url": "https://bao.example/7", "html": page, "site": "Báo Mẫu"},  # a name beats the host
            {"url": "https://bao.example/8", "html": page}]                       # no name: the host stays
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    outlets = [r.article.outlet for r in hoptac.analyze_many([str(path)], DEFAULT) if r.article]
    assert outlets == ["Báo Mẫu", "bao.example"]
