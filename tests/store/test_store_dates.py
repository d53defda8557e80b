"""Dates across articles in the store: provenance kept, statements dated by what they were said
at, background occasions out of "what happened" unless asked for, undated articles counted."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from hoptac import analyze
from hoptac.cli import main
from hoptac.store import Filters

# self-written: a meeting of 2022 in an article whose year is stated; a 2009 visit in passing
DATED = ("Hai nước bàn về hợp tác y tế\n"
         "Chiều 14/3, Bộ trưởng Y tế Đỗ Văn Minh tiếp Đại sứ Mỹ Alan Reed tại Hà Nội.\n"
         "Bộ trưởng Đỗ Văn Minh đề nghị phía Mỹ tiếp tục hỗ trợ chương trình phòng chống dịch bệnh.\n"
         "Tháng 6/2009, Bộ trưởng Đỗ Văn Minh đã hội đàm với Đại sứ Mỹ Alan Reed tại Washington.\n"
         "Năm nay (2022), hai bên sẽ triển khai thêm ba dự án.\n")
UNDATED = ("Hợp tác giáo dục Việt - Mỹ\n"
           "Chiều 12/4, Thứ trưởng Lê Văn Hải tiếp Đại sứ Mỹ Alan Reed tại Hà Nội.\n"
           "Thứ trưởng Lê Văn Hải đề nghị phía Mỹ tăng học bổng cho sinh viên Việt Nam.\n")


def test_dates_keep_their_provenance_and_background_stays_out(store):
    store.ingest([analyze(DATED), analyze(UNDATED)])
    arts = {a["title"]: a for a in store.articles(Filters(limit=10))["items"]}
    dated, undated = arts["Hai nước bàn về hợp tác y tế"], arts["Hợp tác giáo dục Việt - Mỹ"]
    assert (dated["published"], dated["published_provenance"]) == ("2022", "inferred")
    assert (undated["published"], undated["published_provenance"]) == (None, None)
    assert store.stats()["counts"]["undated_articles"] == 1
    # the statement of the dated article is dated by the meeting it follows; the undated one is not dated
    sts = {s["actor"]: s for s in store.statements(Filters(limit=10))["items"]}
    assert (sts["Đỗ Văn Minh"]["date"], sts["Đỗ Văn Minh"]["date_provenance"]) == ("2022-03-14", "inferred")
    assert sts["Lê Văn Hải"]["date"] is None
    # the 2009 talks are background: out of the events and the timeline unless asked for
    news = store.events(Filters(limit=20))["items"]
    assert all(not (e["date"] or "").startswith("2009") for e in news)
    every = store.events(Filters(limit=20, background=True))["items"]
    old = [e for e in every if (e["date"] or "").startswith("2009")]
    assert old and all(e["background"] and e["date_provenance"] == "stated" for e in old)
    assert len(every) == len(news) + len(old)
    days = [d["date"] for d in store.timeline(Filters(limit=20))["items"]]
    assert not any(d.startswith("2009") for d in days if d != "undated")


def test_ingest_meta_dates_what_the_text_does_not(db_url, tmp_path: Path):
    (tmp_path / "bai.txt").write_text(UNDATED, encoding="utf-8")
    meta = tmp_path / "meta.tsv"
    meta.write_text("file\tpublished\toutlet\nbai.txt\t2023-04-13\tBáo Mẫu\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["ingest", str(tmp_path / "bai.txt"), "--meta", str(meta), "--db", db_url,
                                    "--workers", "1"])
    assert res.exit_code == 0, res.output
    from hoptac.store import Store

    with Store.open(db_url) as store:
        [a] = store.articles(Filters(limit=5))["items"]
        assert (a["published"], a["published_provenance"], a["outlet"]) == ("2023-04-13", "metadata", "Báo Mẫu")
        [e] = store.events(Filters(limit=5))["items"]
        assert (e["date"], e["date_provenance"]) == ("2023-04-12", "relative")
        [s] = store.statements(Filters(limit=5))["items"]
        assert (s["date"], s["date_provenance"]) == ("2023-04-13", "metadata")
