"""The occasions do not depend on the order articles are ingested in (store/relink.py): the same
self-written reports ingested in every order, one article per write, give the same grouping, and the
never-merge rules hold in each order. On SQLite and PostgreSQL."""

from __future__ import annotations

import itertools

import pytest
import sqlalchemy as sa
from conftest import LEADS, fresh_url, make_article

from hoptac.store import Filters, Store

KHAI = ("Nguyễn Văn Khải", "Thủ tướng", None, "VN")
HANLEY = ("Robert Hanley", "Tổng thống Mỹ", None, "US")
OKAFOR = ("Daniel Okafor", "Bộ trưởng Thương mại Mỹ", None, "US")
LAN = ("Trần Thị Lan", "Bộ trưởng Công Thương", None, "VN")
PAIR = ["Nguyễn Văn Khải", "Robert Hanley"]


def _report(src: str, sentence: str, date: str | None, who: list[str], people=(KHAI, HANLEY), etype="meeting"):
    return make_article(src, [sentence], people=list(people), events=[(etype, date, who)])


def _grouping(store: Store) -> set[frozenset[tuple[str, str | None]]]:
    """The occasions as sets of (source, the report's own date)."""
    with store.engine.connect() as c:  # near-duplicates too (the articles page lists originals)
        arts = dict(c.execute(sa.text("SELECT id, source FROM articles")).all())
    return {frozenset((arts[s["article_id"]], s["date"]) for s in e["sources"])
            for e in store.events(Filters(limit=100, background=True))["items"]}


def _every_order(backend: str, tmp_path, reports, orders=None) -> list[set[frozenset[tuple[str, str | None]]]]:
    """The grouping after ingesting ``reports`` in each of ``orders`` (default: every permutation)."""
    seen = []
    for n, order in enumerate(orders or itertools.permutations(range(len(reports)))):
        folder = tmp_path / f"o{n}"
        folder.mkdir()
        with fresh_url(backend, folder) as url, Store.open(url) as st:
            for i in order:  # one article per write, as a long-running ingest would
                st.ingest([reports[i]])
            seen.append(_grouping(st))
    return seen


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request):
    return request.param


def test_a_month_report_beside_a_day_whose_people_grow_in_any_order(backend, tmp_path):
    """A month's report of two people and the day's meeting of them that another report completes with
    a minister: a month matches only the same people, so it stays apart, whichever report comes first
    (it used to join the day when it came before the minister's report and stay apart when after)."""
    reports = [
        _report("mem://d", "Chiều 12/3, Thủ tướng Nguyễn Văn Khải hội đàm với Tổng thống Robert Hanley.", "2031-03-12", PAIR),
        _report("mem://d3", "Hôm 12/3, Thủ tướng Nguyễn Văn Khải gặp Tổng thống Robert Hanley và Bộ trưởng Daniel Okafor.",
                "2031-03-12", [*PAIR, "Daniel Okafor"], people=(KHAI, HANLEY, OKAFOR)),
        _report("mem://m", "Tháng 3, Thủ tướng Nguyễn Văn Khải và Tổng thống Robert Hanley đã gặp nhau.", "2031-03", PAIR),
    ]
    seen = _every_order(backend, tmp_path, reports)
    assert all(g == seen[0] for g in seen), seen
    assert {frozenset(s for s, _ in g) for g in seen[0]} == {frozenset({"mem://d", "mem://d3"}), frozenset({"mem://m"})}


def test_never_merged_in_any_order(backend, tmp_path):
    """Two days of the same people, a month's report between them (two days fit it: it stays apart),
    another pair on the first day, and an undated report: five occasions in every order."""
    reports = [
        _report("mem://d12", "Chiều 12/3, Thủ tướng Nguyễn Văn Khải hội đàm với Tổng thống Robert Hanley.", "2031-03-12", PAIR),
        _report("mem://d20", "Ngày 20/3, Thủ tướng Nguyễn Văn Khải lại gặp Tổng thống Robert Hanley ở New York.",
                "2031-03-20", PAIR),
        _report("mem://m", "Tháng 3, Thủ tướng Nguyễn Văn Khải và Tổng thống Robert Hanley đã gặp nhau.", "2031-03", PAIR),
        _report("mem://x", "Chiều 12/3, Bộ trưởng Trần Thị Lan làm việc với Bộ trưởng Daniel Okafor.", "2031-03-12",
                ["Trần Thị Lan", "Daniel Okafor"], people=(LAN, OKAFOR)),
        _report("mem://u", "Thủ tướng Nguyễn Văn Khải từng gặp Tổng thống Robert Hanley nhiều lần.", None, PAIR),
    ]
    seen = _every_order(backend, tmp_path, reports[:4])
    assert all(g == seen[0] for g in seen), seen
    assert {frozenset(s for s, _ in g) for g in seen[0]} == {
        frozenset({"mem://d12"}), frozenset({"mem://d20"}), frozenset({"mem://m"}), frozenset({"mem://x"})}
    forward, backward = _every_order(backend, tmp_path / "all", reports, [range(5), range(4, -1, -1)]) \
        if (tmp_path / "all").mkdir() is None else ([], [])
    assert forward == backward and frozenset({("mem://u", None)}) in forward


def test_a_later_report_completes_an_occasion_in_any_order(backend, tmp_path):
    """A, B, C and C, B, A: the meeting of the 12th told by three outlets (one writing the day without
    its year) is one occasion, the reception of the 13th another."""
    reports = [
        _report("mem://a", "Chiều 12/3, Thủ tướng Nguyễn Văn Khải hội đàm với Tổng thống Robert Hanley.", "2031-03-12", PAIR),
        _report("mem://b", "Hôm 12/3, Tổng thống Robert Hanley và Thủ tướng Nguyễn Văn Khải hội đàm tại Nhà Trắng.",
                "--03-12", PAIR),
        _report("mem://c", "Ngày 13/3, Bộ trưởng Daniel Okafor tiếp Thủ tướng Nguyễn Văn Khải; trước đó ngày 12/3 "
                "ông hội đàm với Tổng thống Robert Hanley.", "2031-03-13", ["Daniel Okafor", "Nguyễn Văn Khải"],
                people=(KHAI, HANLEY, OKAFOR), etype="reception"),
    ]
    seen = _every_order(backend, tmp_path, reports)
    assert all(g == seen[0] for g in seen), seen
    assert {frozenset(s for s, _ in g) for g in seen[0]} == {frozenset({"mem://a", "mem://b"}), frozenset({"mem://c"})}


def test_a_near_duplicate_keeps_its_reports_in_any_order(backend, tmp_path):
    """A syndicated copy's reports join only its original's occasions: placed again after the
    original's (they were lost when the copy came first in id order), in every order."""
    meet = "Chiều 12/3, Thủ tướng Nguyễn Văn Khải hội đàm với Tổng thống Robert Hanley tại Washington."
    body = [meet, *LEADS[:10]]
    original = make_article("mem://o", body, people=[KHAI, HANLEY], events=[("meeting", "2031-03-12", PAIR)])
    copy = make_article("mem://c", ["(Theo báo điện tử)", *body[:6], *body[7:], "Nguồn: thông tấn xã"],
                        people=[KHAI, HANLEY], events=[("meeting", "2031-03-12", PAIR)])
    copy.events[0].evidence = (copy.text.index(meet), copy.text.index(meet) + len(meet))
    other = _report("mem://y", "Hôm 12/3, Tổng thống Robert Hanley và Thủ tướng Nguyễn Văn Khải hội đàm tại Nhà Trắng.",
                    "2031-03-12", PAIR)
    seen = _every_order(backend, tmp_path, [original, copy, other])
    assert all(g == seen[0] for g in seen), seen
    assert {frozenset(s for s, _ in g) for g in seen[0]} == {frozenset({"mem://o", "mem://c", "mem://y"})}


def _three() -> list:
    return [
        _report("mem://d", "Chiều 12/3, Thủ tướng Nguyễn Văn Khải hội đàm với Tổng thống Robert Hanley.", "2031-03-12", PAIR),
        _report("mem://d3", "Hôm 12/3, Thủ tướng Nguyễn Văn Khải gặp Tổng thống Robert Hanley và Bộ trưởng Daniel Okafor.",
                "2031-03-12", [*PAIR, "Daniel Okafor"], people=(KHAI, HANLEY, OKAFOR)),
        _report("mem://m", "Tháng 3, Thủ tướng Nguyễn Văn Khải và Tổng thống Robert Hanley đã gặp nhau.", "2031-03", PAIR),
    ]


def test_batches_of_any_split_and_order_group_alike(backend, tmp_path):
    """Reports are placed again once per batch (the batch itself written in id order): the three
    reports in every order, split into two batches at every point, group as one article per write."""
    reports = _three()
    seen = []
    for n, order in enumerate(itertools.permutations(range(3))):
        for cut in (1, 2):
            folder = tmp_path / f"b{n}{cut}"
            folder.mkdir()
            with fresh_url(backend, folder) as url, Store.open(url) as st:
                st.ingest([reports[i] for i in order[:cut]])
                st.ingest([reports[i] for i in order[cut:]])
                seen.append(_grouping(st))
    alone = _every_order(backend, tmp_path / "alone", reports, [range(3)]) if (tmp_path / "alone").mkdir() is None else []
    assert all(g == alone[0] for g in seen), (alone, seen)


def test_the_caps_bound_the_reports_placed_again(tmp_path, monkeypatch):
    """Each write places again at most MAX_PER_WRITE reports, and none of an occasion holding more than
    MAX_PER_OCCASION later reports; ingested latest id first, every write meets later reports."""
    from hoptac.link import dedupe
    from hoptac.store import relink, writer

    reports = sorted(_three(), key=lambda a: dedupe.content_hash(a.text or a.raw), reverse=True)  # the ids' order
    placed: list[int] = []

    def spy(*args, **kwargs):
        placed.append(relink.relink_batch(*args, **kwargs))
        return placed[-1]

    monkeypatch.setattr(writer, "relink_batch", spy)

    def run(name: str) -> list[int]:
        placed.clear()
        (tmp_path / name).mkdir()
        with fresh_url("sqlite", tmp_path / name) as url, Store.open(url) as st:
            for r in reports:
                st.ingest([r])
        return list(placed)

    assert sum(run("free")) > 0  # without the caps, reports are placed again
    monkeypatch.setattr(relink, "MAX_PER_WRITE", 2)
    assert max(run("write")) <= 2
    monkeypatch.setattr(relink, "MAX_PER_WRITE", 120)
    monkeypatch.setattr(relink, "MAX_PER_OCCASION", 0)
    assert run("occasion") == [0, 0, 0]
