"""Thread queries on both backends: pages of entries, the cached summary kept current, the migration.

The summary (status, history, money, counts) is cached per thread in ``thread_states`` and
recomputed when a write bumped the thread's version; these tests check that a read never
sees a stale summary and that a page of entries is a slice of the whole lifecycle order.
"""

from __future__ import annotations

import copy

import sqlalchemy as sa
from conftest import LEADS, make_article, sample_articles

from hoptac.model import Amount
from hoptac.store import Store
from hoptac.store import schema as t

ASK = "Phía Việt Nam đề nghị Hoa Kỳ hỗ trợ chuyển đổi năng lượng công bằng (JETP) trong năm {y}."
PLEDGE = "Phía Hoa Kỳ cam kết xem xét khoản hỗ trợ {n} triệu USD cho JETP."


def _jetp(i: int, published: str | None, act: str = "request", money: float | None = None):
    """One article with one statement on the ``jetp`` thread."""
    if act == "request":
        sentence = ASK.format(y=(published or "nay")[:4])
        side, amounts = "VN", []
    else:
        sentence = PLEDGE.format(n=int((money or 0) / 1e6))
        side = "US"
        text = f"{int((money or 0) / 1e6)} triệu USD"
        start = sentence.index(text)
        amounts = [Amount("money", "USD", text, (start, start + len(text)), money)]
    art = make_article(f"mem://jetp{i}", [LEADS[i % len(LEADS)], sentence], published=published,
                       statements=[("Trần Văn Minh" if side == "VN" else "John Doe", act, sentence, side,
                                    ["jetp"], amounts)])
    if amounts:  # spans into the article text, not the sentence
        off = art.text.index(sentence)
        a = art.statements[0].amounts[0]
        a.evidence = (a.evidence[0] + off, a.evidence[1] + off)
    return art


def _articles():
    return [_jetp(0, "2021-03-01"), _jetp(1, "2021-03-01", "commit", 5e6), _jetp(2, "2023-06-10"),
            _jetp(3, None), _jetp(4, "2022"), _jetp(5, "2022-01-05", "commit", 7e6), _jetp(6, "2024-02")]


def _state(store: Store, tid: str):
    with store.engine.connect() as c:
        return c.execute(sa.text("SELECT version, computed FROM thread_states WHERE thread = :t"), {"t": tid}).one()


def test_pages_of_a_thread_are_slices_of_the_whole_lifecycle(store):
    store.ingest(_articles())
    whole = store.thread("jetp")
    assert whole["entries_total"] == len(whole["entries"]) == 7
    dates = [e["date"] for e in whole["entries"]]
    # date order, a year before its first day, the ask before its answer on one day, undated last
    assert dates == ["2021-03-01", "2021-03-01", "2022", "2022-01-05", "2023-06-10", "2024-02", None]
    assert [e["act"] for e in whole["entries"][:2]] == ["request", "commit"]
    pages = [store.thread("jetp", limit=3, offset=o)["entries"] for o in (0, 3, 6, 9)]
    assert [len(p) for p in pages] == [3, 3, 1, 0]
    assert [e["id"] for p in pages for e in p] == [e["id"] for e in whole["entries"]]
    page = store.thread("jetp", limit=3, offset=3)
    for key in ("status", "status_history", "money", "articles", "acts_by_side", "entries_total"):
        assert page[key] == whole[key], key  # the summary covers every entry, whatever the page
    assert whole["money"] == {"US": {"pledged": {"USD": 12e6}}}
    assert whole["acts_by_side"] == {"VN": {"request": 5}, "US": {"commit": 2}}
    pledges = [e for e in whole["entries"] if e["act"] == "commit"]
    assert all(a["money"] == "pledged" for e in pledges for a in e["amounts"])


def test_the_cached_summary_follows_every_write(store):
    arts = _articles()
    store.ingest(arts[:2])
    assert store.thread("jetp")["status"] == "pledged"
    v, computed = _state(store, "jetp")
    assert computed == v  # cached by the read
    assert store.thread("jetp")["status"] == "pledged"  # served from the cache
    store.ingest([_jetp(7, "2023-06-10")])  # asked again more than a year after the pledge
    v2, computed2 = _state(store, "jetp")
    assert v2 == v + 1 and computed2 == v  # the write made the cache stale ...
    th = store.thread("jetp")
    assert th["status"] == "stalled"  # ... and the read recomputed it
    assert th["status_history"][-1]["reason"].startswith("raised again")
    assert _state(store, "jetp")[1] == v2
    listed = {t["id"]: t for t in store.threads()}
    assert listed["jetp"]["status"] == "stalled" and listed["jetp"]["entries"] == 3
    assert listed["jetp"]["first_date"] == "2021-03-01" and listed["jetp"]["last_date"] == "2023-06-10"


def test_an_entry_dated_earlier_than_the_others_changes_the_history(store):
    """Entries arrive in any order; the lifecycle is always computed in date order."""
    store.ingest([_jetp(0, "2024-05-01"), _jetp(1, "2024-06-01", "commit", 1e6)])
    assert [h["status"] for h in store.thread("jetp")["status_history"]] == ["raised", "pledged"]
    store.ingest([_jetp(2, "2020-01-01", "commit", 2e6)])  # an old pledge, stored last
    th = store.thread("jetp")
    assert [h["status"] for h in th["status_history"]] == ["pledged", "stalled", "pledged"]
    assert th["entries"][0]["date"] == "2020-01-01"


def test_refresh_removing_an_entry_makes_the_summary_stale(store):
    arts = sample_articles()
    store.ingest(arts)
    before = store.thread("market_economy_status")
    a2 = copy.deepcopy(arts[1])
    a2.statements = []
    store.ingest([a2], refresh=True)
    after = store.thread("market_economy_status")
    assert after["entries_total"] == before["entries_total"] - 1
    assert "pledged" not in after["money"].get("US", {})


def test_migration_fills_in_the_order_of_stored_entries(db_url):
    from alembic import command

    from hoptac.store.db import alembic_config, migrate

    with Store.open(db_url) as s:
        s.ingest(_articles() + sample_articles())
        want = {tid: s.thread(tid) for tid in ("jetp", "market_economy_status")}
        cfg = alembic_config(s.engine)
        with s.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0002")
        migrate(s.engine)
        st, sm = t.statement_threads.c, t.statements.c
        with s.engine.connect() as c:
            rows = c.execute(sa.select(st.side, st.act, st.has_money, sm.side, sm.act, sm.amounts)
                             .join(t.statements, sm.id == st.statement_id)).all()
        assert rows and all(r[:2] == r[3:5] for r in rows)  # 0010 copied the fold's inputs
        assert sum(r.has_money for r in rows) >= 2  # the two pledges of 5 and 7 million at least
        assert all(r.has_money == any(a["kind"] == "money" for a in r.amounts) for r in rows)
        for tid, th in want.items():
            assert _state(s, tid)[1] is None  # every thread starts out stale
            assert s.thread(tid) == th


def test_order_key_sorts_entries_as_the_lifecycle_orders_them():
    from hoptac.link.threads import order, order_key

    dates = ["2023-01-01", "2023", "2022-12-31", "2023-01", None, "2023-02-30", "2023-01-01", "2021-07", None]
    sigs = ["pledged", "raised", "noted", "raised", "pledged", "raised", "raised", "fulfilled", "raised"]
    entries = [{"id": f"a{i % 3}.s{i}", "date": d, "signal": g, "aid": f"a{i % 3}", "idx": i}
               for i, (d, g) in enumerate(zip(dates, sigs, strict=True))]
    by_key = sorted(entries, key=lambda e: order_key(e["date"], e["signal"], e["aid"], e["idx"]))
    by_input = sorted(entries, key=lambda e: (e["aid"], e["idx"]))  # order() keeps input order on ties
    assert [e["id"] for e in by_key] == [e["id"] for e in order(by_input)]


def test_order_day_is_shared_by_the_entries_of_one_date_only():
    from hoptac.link.threads import order_day, order_key

    day = order_day(order_key("2023-01-01", "raised", "a_1", 0))
    assert day == order_day(order_key("2023-01-01", "fulfilled", "a_9", 4))
    assert day != order_day(order_key("2023-01-02", "raised", "a_1", 0))
    assert day != order_day(order_key("2023-01", "raised", "a_1", 0))
    assert order_day(order_key(None, "raised", "a_1", 0)) != day


def test_order_fields_give_back_the_date_and_article_of_a_key():
    from hoptac.link.threads import order_fields, order_key

    for date in ("2023-01-01", "2023-01", "2023", None, "--09-14"):
        for sig in ("raised", "dropped"):
            assert order_fields(order_key(date, sig, "a1b2c3d4e5", 12)) == (date, "a1b2c3d4e5")


def _cached(store: Store, tid: str):
    ts = t.thread_states.c
    with store.engine.connect() as c:
        return c.execute(sa.select(ts.dirty_from, ts.summary).where(ts.thread == tid)).one()


def test_new_entries_after_the_last_are_folded_into_the_cached_summary(store):
    """Later news only extends the summary; the result equals a summary computed from scratch."""
    from hoptac.store.threads import summarize

    arts = sorted(_articles(), key=lambda a: a.published or "9999")
    arts += [_jetp(7, "2025-09-01"), _jetp(8, "2025-09-01", "commit", 5e6), _jetp(9, "2027-01-02")]
    for i, art in enumerate(arts[:-1]):
        store.ingest([art])
        th = store.thread("jetp")
        dirty, cached = _cached(store, "jetp")
        assert dirty is None and cached["entries"] == i + 1
    store.ingest([arts[-1]])  # dated after every stored entry ...
    dirty, cached = _cached(store, "jetp")
    assert dirty > cached["fold"]["last_key"]  # ... so the next read only folds it in (and the undated one)
    th = store.thread("jetp")
    with store.engine.connect() as c:
        scratch = summarize(c, "jetp")
    for key in ("status", "status_history", "money", "articles", "acts_by_side"):
        assert th[key] == scratch[key], key
    assert th["entries_total"] == scratch["entries"] == len(arts)
    assert th["entries"][-1]["date"] is None  # the undated entry stays last
    assert th["status"] == "stalled" and th["money"] == {"US": {"pledged": {"USD": 12e6}}}  # 5e6 counted once


def test_an_entry_before_the_last_makes_the_summary_start_over(store):
    store.ingest([_jetp(0, "2024-05-01"), _jetp(1, "2024-06-01", "commit", 1e6)])
    store.thread("jetp")
    store.ingest([_jetp(2, "2020-01-01", "commit", 2e6)])
    dirty, cached = _cached(store, "jetp")
    assert dirty < cached["fold"]["last_key"]
    assert store.thread("jetp")["money"] == {"US": {"pledged": {"USD": 3e6}}}


def _checkpoints(store: Store, tid: str) -> list[str]:
    tc = t.thread_checkpoints.c
    with store.engine.connect() as c:
        return list(c.execute(sa.select(tc.entry_order).where(tc.thread == tid).order_by(tc.entry_order)).scalars())


def test_old_news_resumes_from_the_last_checkpoint_before_it(store, monkeypatch):
    """A write in the middle keeps the checkpoints before it; the resumed summary equals one from scratch."""
    from hoptac.store import threads
    from hoptac.store.threads import summarize

    monkeypatch.setattr(threads, "CHECKPOINT_EVERY", 2)
    acts = ["request", "commit", "request", "agree", "commit", "request", "request", "commit", "request"]
    arts = [_jetp(i, f"20{15 + i}-03-0{1 + i % 3}", act, (i + 1) * 1e6 if act == "commit" else None)
            for i, act in enumerate(acts)]
    store.ingest(arts)
    store.thread("jetp")
    before = _checkpoints(store, "jetp")
    assert len(before) >= 3  # one every two dated entries (at a change of date)
    store.ingest([_jetp(20, "2019-06-15", "commit", 4e7)])  # old news, between stored entries
    dirty, _ = _cached(store, "jetp")
    after = _checkpoints(store, "jetp")
    assert after == [k for k in before if k < dirty] and after and len(after) < len(before)
    th = store.thread("jetp")
    with store.engine.connect() as c:
        scratch = summarize(c, "jetp")
    for key in ("status", "status_history", "money", "articles", "acts_by_side"):
        assert th[key] == scratch[key], key
    assert th["entries_total"] == scratch["entries"] == len(arts) + 1
    assert th["money"]["US"]["pledged"] == {"USD": 4e7 + 2e6 + 5e6 + 8e6}
    assert _checkpoints(store, "jetp")[: len(after)] == after  # the read saved checkpoints again past the change
    assert len(_checkpoints(store, "jetp")) >= len(before)


def test_a_refresh_clears_the_checkpoints_it_invalidates(store, monkeypatch):
    from hoptac.store import threads

    monkeypatch.setattr(threads, "CHECKPOINT_EVERY", 1)
    arts = [_jetp(i, f"202{i}-01-01") for i in range(5)]
    store.ingest(arts)
    store.thread("jetp")
    assert _checkpoints(store, "jetp")
    changed = copy.deepcopy(arts[1])
    changed.statements = []
    store.ingest([changed], refresh=True)  # its entry is removed: every checkpoint from there on goes
    assert all(k < _cached(store, "jetp")[0] for k in _checkpoints(store, "jetp"))
    assert store.thread("jetp")["entries_total"] == 4
