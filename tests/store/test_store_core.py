"""The store on both backends: ingest is idempotent and transactional, reads are linked."""

from __future__ import annotations

import json

import sqlalchemy as sa
from conftest import make_article, sample_articles, span

from hoptac.model import Article, Event
from hoptac.pipeline import Result
from hoptac.store import Filters, Store


def test_ingest_is_idempotent(store):
    arts = sample_articles()
    first = store.ingest(arts, batch_size=2)
    assert (first.stored, first.duplicates, first.unchanged, first.skipped) == (3, 0, 0, [])
    again = store.ingest(sample_articles())
    assert (again.stored, again.unchanged) == (0, 3)
    assert store.articles()["total"] == 3
    assert store.statements()["total"] == 3
    assert store.events()["total"] == 2


def test_same_text_from_another_source_is_recorded_not_duplicated(store):
    a = sample_articles()[0]
    aid = store.add_article(a)
    b = Article.from_dict(a.to_dict())
    b.source = "mem://mirror"
    assert store.add_article(b) == aid
    assert store.article(aid)["sources"] == ["mem://a1", "mem://mirror"]
    assert store.articles()["total"] == 1


def test_results_with_errors_are_skipped_with_reason(store):
    good = sample_articles()[0]
    rep = store.ingest([Result("bad.html", error="cannot decode"), Result(good.source, article=good)])
    assert rep.stored == 1
    assert rep.skipped == [("bad.html", "cannot decode")]


def test_a_bad_article_loses_nothing_else_in_its_batch(store):
    good = sample_articles()
    empty = Article(source="mem://empty", text="   ")
    broken = make_article("mem://broken", ["Bộ trưởng Lê Văn Thử gặp đối tác Hoa Kỳ tại Hà Nội hôm nay."],
                          people=[("Lê Văn Thử", "Bộ trưởng", None, "VN")])
    # fails after the article row and its people were written: the savepoint must undo them
    broken.events.append(Event("meeting", (0, 5), "2024-01-01", participants=[None]))  # type: ignore[list-item]
    rep = store.ingest([good[0], empty, broken, good[1]], batch_size=10)
    assert rep.stored == 2
    assert [s for s, _ in rep.skipped] == ["mem://empty", "mem://broken"]
    assert all(r.startswith("not stored:") and "\n" not in r for _, r in rep.skipped)
    assert store.articles()["total"] == 2
    with store.engine.connect() as c:
        assert c.execute(sa.text("SELECT count(*) FROM statements")).scalar() == 2
        assert c.execute(sa.text("SELECT count(*) FROM person_mentions WHERE name = 'Lê Văn Thử'")).scalar() == 0
        assert c.execute(sa.text("SELECT count(*) FROM people WHERE name = 'Lê Văn Thử'")).scalar() == 0


def test_article_export_round_trips_with_ids(store):
    a1 = sample_articles()[0]
    aid = store.add_article(a1)
    got = store.article(aid)
    assert got["id"] == aid and aid.startswith("a_")
    assert got["schema"] == "hoptac.article/1"
    assert got["text"] == a1.text
    assert got["statements"][0]["id"] == f"{aid}.s0"
    assert got["people"][0]["id"].startswith("p_")
    assert got["events"][0]["id"].startswith("e_")
    assert got["duplicates"] == [] and got["duplicate_of"] is None
    json.dumps(got)  # plain JSON-able
    assert Article.from_dict(got).statements[0].text == a1.statements[0].text
    assert store.article("a_missing") is None


def test_people_are_linked_across_articles_with_title_history(store):
    store.ingest(sample_articles())
    ppl = store.people()
    names = sorted(p["name"] for p in ppl["items"])
    assert names == ["Jose Fernandez", "Nguyễn Hồng Diên"]
    jf = store.person("Fernandez")
    assert jf is not None and jf["name"] == "Jose Fernandez"
    assert jf["side"] == "US"
    assert "Fernandez" in jf["aliases"]
    assert len(jf["articles"]) == 3
    titles = [t["title"] for t in jf["titles"]]
    assert set(titles[:2]) == {"Thứ trưởng Bộ Ngoại giao Hoa Kỳ", "Thứ trưởng Ngoại giao Mỹ"}
    assert titles[-1] == "Cố vấn cấp cao của Nhà Trắng"
    listed = {p["name"]: p["title"] for p in ppl["items"]}
    assert listed["Jose Fernandez"] == titles[-1]  # the list shows the latest title
    assert jf["titles"][-1]["first_seen"] == "2026-03-10"
    assert [s["act"] for s in jf["statements"]] == ["commit"]
    assert store.person(jf["id"])["id"] == jf["id"]
    assert store.person("Không Có Ai") is None


def test_one_meeting_reported_twice_is_one_event_with_two_sources(store):
    store.ingest(sample_articles())
    evs = store.events()["items"]
    assert len(evs) == 2
    nov = next(e for e in evs if e["date"] == "2024-11-14")
    assert len(nov["sources"]) == 2
    assert {s["type"] for s in nov["sources"]} == {"meeting", "reception"}
    assert {p["name"] for p in nov["participants"]} == {"Nguyễn Hồng Diên", "Jose Fernandez"}
    tl = store.timeline()
    assert [d["date"] for d in tl["items"]] == ["2024-11-14", "2026-03-09"]


def test_filters(store):
    store.ingest(sample_articles())
    assert store.articles(Filters(since="2025-01-01"))["total"] == 1
    assert store.articles(Filters(until="2024-12-31"))["total"] == 2
    assert store.articles(Filters(topic="semiconductors"))["total"] == 1
    assert store.articles(Filters(thread="market_economy_status"))["total"] == 3
    assert store.articles(Filters(person="Jose Fernandez"))["total"] == 3
    assert store.statements(Filters(side="US"))["total"] == 1
    assert store.statements(Filters(side="VN", since="2026"))["total"] == 1
    assert store.people(Filters(side="VN"))["total"] == 1
    assert store.people(Filters(person="nguyen hong"))["items"][0]["name"] == "Nguyễn Hồng Diên"
    assert store.events(Filters(person="Fernandez"))["total"] == 2
    assert store.events(Filters(since="2025-01-01"))["total"] == 1
    page = store.articles(Filters(limit=1, offset=1))
    assert page["total"] == 3 and len(page["items"]) == 1
    orgs = store.organizations()
    assert orgs["items"][0]["name"] == "Bộ Công Thương"


def test_thread_entries_status_and_money(store):
    store.ingest(sample_articles())
    th = store.thread("market_economy_status")
    assert th["label_en"]
    assert [e["act"] for e in th["entries"]] == ["request", "commit", "propose"]
    assert [e["date"] for e in th["entries"]] == ["2024-11-15", "2024-11-15", "2026-03-09"]  # said at the meeting of 9 March
    assert all(e["quote"] and e["article_id"] and e["actor"] for e in th["entries"])
    hist = [(h["status"], h["entry"]) for h in th["status_history"]]
    ids = [e["id"] for e in th["entries"]]
    assert hist == [("raised", ids[0]), ("pledged", ids[1]), ("stalled", ids[2])]
    assert th["status"] == "stalled"
    assert th["money"] == {"US": {"pledged": {"USD": 2000000}}}
    listed = {t["id"]: t for t in store.threads()}
    assert listed["market_economy_status"]["entries"] == 3
    assert listed["market_economy_status"]["status"] == "stalled"
    assert listed["market_economy_status"]["last_date"] == "2026-03-09"
    assert listed["jetp"]["entries"] == 0
    assert store.thread("no_such_thread") is None


def test_stats(store):
    store.ingest(sample_articles())
    st = store.stats()
    assert st["counts"]["articles"] == 3 and st["counts"]["events"] == 2 and st["counts"]["statements"] == 3
    assert st["per_month"]["articles"] == {"2024-11": 2, "2026-03": 1}
    assert st["topics_per_month"]["2024-11"]["trade"] == 2
    assert st["top_people"]["US"][0]["name"] == "Jose Fernandez"
    assert st["thread_statuses"] == {"stalled": 1}
    json.dumps(st)


def test_reopen_keeps_data_and_schema_is_current(db_url):
    with Store.open(db_url) as s:
        s.ingest(sample_articles())
    with Store.open(db_url) as s:
        assert s.articles()["total"] == 3


def test_migrations_match_the_models(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from hoptac.store.schema import metadata

    with Store.open(db_url) as s, s.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": _skip_search})
        diff = compare_metadata(ctx, metadata)
    assert diff == []


def _skip_search(obj, name, type_, reflected, compare_to):
    return not (name or "").startswith(("search_fts", "tsv_", "ix_search_docs_tsv", "alembic"))


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    with Store.open(str(tmp_path / "w.db")) as s, s.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_open_without_create_refuses_a_missing_file(tmp_path):
    import pytest

    with pytest.raises(FileNotFoundError):
        Store.open(str(tmp_path / "none.db"), create=False)


def test_filters_refuse_bad_values():
    import pytest

    for bad in ({"since": "14/11/2024"}, {"until": "2024-1"}, {"side": "vn"}, {"limit": -1}):
        with pytest.raises(ValueError):
            Filters(**bad)


def test_readers_see_committed_data_while_a_write_is_open(tmp_path):
    """WAL: the dashboard reads while an ingest holds an open write transaction."""
    from hoptac.store.writer import write_batch

    url = str(tmp_path / "wal.db")
    arts = sample_articles()
    with Store.open(url) as writer, Store.open(url) as reader:
        writer.ingest(arts[:1])
        with writer.engine.begin() as conn:
            write_batch(conn, arts[1:])  # written, not committed yet
            assert reader.articles()["total"] == 1
        assert reader.articles()["total"] == 3


def test_relatives_are_not_merged_and_a_bare_surname_goes_to_the_famous_one(store):
    sents = ["Tổng thống Barack Obama thăm Hà Nội.", "Bà Michelle Obama gặp học sinh.", "Ông Obama phát biểu."]
    arts = [make_article(f"mem://o{i}", [s, f"Bài số {i} về chuyến thăm năm 2016 của phái đoàn Hoa Kỳ."],
                         people=[(n, None, None, "US")]) for i, (s, n) in enumerate(
        [(sents[0], "Barack Obama"), (sents[0] + " Lần hai.", "Barack Obama"), (sents[1], "Michelle Obama"),
         (sents[2], "Obama")])]
    store.ingest(arts)
    names = {p["name"]: p["articles"] for p in store.people()["items"]}
    # "Ông Obama" alone: the leaders table names the head of state Barack Obama
    assert names == {"Barack Obama": 3, "Michelle Obama": 1}


def test_an_event_without_year_joins_the_dated_report_of_it(store):
    s1 = ["Sáng 14/11, Bộ trưởng Nguyễn Hồng Diên tiếp Đại sứ Marc Knapper tại trụ sở Bộ."]
    s2 = ["Ngày 14/11/2024, Đại sứ Marc Knapper đã có buổi làm việc với Bộ trưởng Nguyễn Hồng Diên."]
    ppl = [("Nguyễn Hồng Diên", "Bộ trưởng", None, "VN"), ("Marc Knapper", "Đại sứ", None, "US")]
    a = make_article("mem://y1", s1, people=ppl, events=[("reception", "--11-14", ["Nguyễn Hồng Diên", "Marc Knapper"])])
    b = make_article("mem://y2", s2, people=ppl, events=[("meeting", "2024-11-14", ["Marc Knapper", "Nguyễn Hồng Diên"])])
    store.ingest([a, b])
    evs = store.events()["items"]
    assert len(evs) == 1 and len(evs[0]["sources"]) == 2
    assert evs[0]["date"] == "2024-11-14"  # the more precise date wins


def test_participants_keep_their_events_date_so_a_later_report_finds_it(store):
    """The date copied beside each participant follows the event's when a report makes it more
    precise, and linking looks events up by it: a third report a day later joins the same event."""
    ppl = [("Nguyễn Hồng Diên", "Bộ trưởng", None, "VN"), ("Marc Knapper", "Đại sứ", None, "US")]
    reports = [("mem://d1", "Sáng 14/11, Bộ trưởng Nguyễn Hồng Diên tiếp Đại sứ Marc Knapper.", "--11-14"),
               ("mem://d2", "Ngày 14/11/2024, Đại sứ Marc Knapper làm việc với Bộ trưởng Nguyễn Hồng Diên.",
                "2024-11-14"),
               ("mem://d3", "Tối 15/11/2024, Đại sứ Marc Knapper và Bộ trưởng Nguyễn Hồng Diên dự tiệc chiêu đãi.",
                "2024-11-15")]
    for src, sentence, date in reports:
        store.ingest([make_article(src, [sentence], people=ppl,
                                   events=[("meeting", date, ["Nguyễn Hồng Diên", "Marc Knapper"])])])
        with store.engine.connect() as c:
            rows = c.execute(sa.text("SELECT p.date, p.date_sort, e.date, e.date_sort FROM event_participants p "
                                     "JOIN events e ON e.id = p.event_id")).all()
        assert rows and all(r[0] == r[2] and r[1] == r[3] for r in rows)
    evs = store.events()["items"]
    assert len(evs) == 1 and len(evs[0]["sources"]) == 3 and evs[0]["date"] == "2024-11-14"


def test_concurrent_opens_of_a_fresh_store_migrate_once(db_url):
    from concurrent.futures import ThreadPoolExecutor

    def open_and_count(_):
        with Store.open(db_url) as s:
            return s.articles()["total"]

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(open_and_count, range(4))) == [0, 0, 0, 0]


def test_concurrent_writers_take_turns(db_url):
    """Several writers (threads here, processes or Dask workers in practice) into one store."""
    from concurrent.futures import ThreadPoolExecutor

    arts = sample_articles()
    extra = [make_article(f"mem://w{i}", [f"Bài {i}: Thứ trưởng Jose Fernandez gặp Bộ trưởng Nguyễn Hồng Diên lần {i}."],
                          people=[("Jose Fernandez", "Thứ trưởng", None, "US"),
                                  ("Nguyễn Hồng Diên", "Bộ trưởng", None, "VN")],
                          orgs=[("Bộ Công Thương", "government", "VN")]) for i in range(6)]
    batches = [[arts[0], extra[0]], [arts[1], extra[1], extra[2]], [arts[2], extra[3]], [extra[4], extra[5]]]
    with Store.open(db_url) as s, ThreadPoolExecutor(4) as pool:
        reports = list(pool.map(s.write, batches))
        assert [r.skipped for r in reports] == [[], [], [], []]
        assert sum(r.stored for r in reports) == 9
        assert sorted(p["name"] for p in s.people()["items"]) == ["Jose Fernandez", "Nguyễn Hồng Diên"]
        assert s.organizations()["total"] == 1


def test_migrations_downgrade_and_upgrade_again(db_url):
    from alembic import command

    from hoptac.store.db import alembic_config, current_revision, migrate

    with Store.open(db_url) as s:
        cfg = alembic_config(s.engine)
        with s.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
        assert current_revision(s.engine) is None
        migrate(s.engine)
        assert current_revision(s.engine) == "0024"
        s.ingest(sample_articles())
        assert s.search("ban dan")["total"] >= 1


def test_an_undated_article_dates_its_statements_by_the_event_they_report(store):
    """No published date: a statement takes the date of its event; a year-less date stays unknown."""
    s = ["Sáng 5/3/2018, Thứ trưởng Lê Văn A tiếp Đại sứ John Doe tại Hà Nội.",
         "Thứ trưởng đề nghị phía Mỹ sớm công nhận quy chế kinh tế thị trường cho Việt Nam.",
         "Trước đó, ngày 2/3, hai bên đã gặp tại Đà Nẵng."]
    art = make_article("mem://undated", s, events=[("reception", "2018-03-05", ["Lê Văn A", "John Doe"])],
                       statements=[("Lê Văn A", "request", s[1], "VN", ["market_economy_status"], [])])
    art.events[0].evidence = span(art.text, s[0])
    t = ["Chiều 14/9, Phó Thủ tướng Trần Văn B điện đàm với Bộ trưởng Jane Roe về thương mại.",
         "Phó Thủ tướng đề nghị Hoa Kỳ xem xét công nhận quy chế kinh tế thị trường."]
    undated = make_article("mem://undated-2", t, events=[("call", "--09-14", ["Trần Văn B", "Jane Roe"])],
                           statements=[("Trần Văn B", "request", t[1], "VN", ["market_economy_status"], [])])
    store.ingest([art, undated])
    dates = sorted((e["date"] or "") for e in store.thread("market_economy_status")["entries"])
    assert dates == ["", "2018-03-05"]


def test_a_person_is_read_a_page_at_a_time(store):
    """With limit, articles, events and statements are pages in date order; totals count them all."""
    store.ingest(sample_articles())
    whole = store.person("Nguyễn Hồng Diên")
    assert whole["totals"] == {"articles": len(whole["articles"]), "events": len(whole["events"]),
                               "statements": len(whole["statements"])}
    for key in ("articles", "events", "statements"):
        pages = [store.person("Nguyễn Hồng Diên", limit=1, offset=o)[key] for o in range(whole["totals"][key] + 1)]
        assert [x["id"] for p in pages for x in p] == [x["id"] for x in whole[key]], key
        assert pages[-1] == []
    assert store.person("Nguyễn Hồng Diên", limit=1)["titles"] == whole["titles"]
