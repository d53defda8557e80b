"""Store fixtures: the same tests run on SQLite and PostgreSQL, each on a fresh database.

PostgreSQL comes from ``$HOPTAC_TEST_PG`` (default: the server ``scripts/services/postgres.sh``
starts). Each test gets its own schema, so tests run in parallel. Where the server is
unreachable the Postgres variants are skipped locally and fail in CI (``CI=true``).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from hoptac.model import Amount, Article, Event, Organization, Person, Statement
from hoptac.store import Store

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
PG_URL = os.environ.get("HOPTAC_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:54329/hoptac_test")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _pg_engine() -> sa.Engine:
    engine = sa.create_engine(PG_URL, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except Exception as exc:
        msg = f"PostgreSQL unreachable at {PG_URL}: {type(exc).__name__}"
        if IN_CI:
            pytest.fail(msg + " (CI must run the Postgres tests; run scripts/services/postgres.sh)")
        pytest.skip(msg)
    return engine


@contextmanager
def pg_schema() -> Iterator[str]:
    """The URL of a fresh PostgreSQL schema, dropped on exit."""
    admin = _pg_engine()
    schema = "t_" + uuid.uuid4().hex[:12]
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@contextmanager
def fresh_url(backend: str, folder: Path) -> Iterator[str]:
    """A fresh, empty store URL on ``sqlite`` (a file in ``folder``) or ``postgres``."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'kb.db'}"
    else:
        with pg_schema() as url:
            yield url


@pytest.fixture
def pg_url():
    """A fresh PostgreSQL schema for one test, dropped afterwards."""
    with pg_schema() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path):
    """A fresh, empty store URL on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kb.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(db_url):
    """An open, migrated, empty store."""
    with Store.open(db_url) as s:
        yield s


def check_consistent(store: Store) -> int:
    """Check the invariants a half-written article would break; returns the article count."""
    with store.engine.connect() as c:
        if c.dialect.name == "sqlite":
            assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert c.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        rows = c.execute(sa.text(
            "SELECT a.id, a.n_statements, a.n_events, a.duplicate_of,"
            " (SELECT count(*) FROM statements s WHERE s.article_id = a.id),"
            " (SELECT count(*) FROM event_sources e WHERE e.article_id = a.id),"
            " (SELECT count(*) FROM search_docs d WHERE d.article_id = a.id),"
            " (SELECT count(*) FROM article_sources x WHERE x.article_id = a.id) FROM articles a")).all()
        for aid, n_st, n_ev, dup, st, ev, docs, srcs in rows:
            assert srcs >= 1, aid
            if dup is None:
                assert (st, ev, docs) == (n_st, n_ev, 1 + n_st), aid
            else:
                assert (st, docs) == (0, 0), aid
        if c.dialect.name == "sqlite":  # raises when the FTS index disagrees with search_docs
            c.exec_driver_sql("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
        return len(rows)


LEADS = [  # self-written, distinct enough that no two are near-duplicates
    "Sáng nay tại Hà Nội, Bộ Công Thương tổ chức hội thảo về điện gió ngoài khơi ở Bình Thuận.",
    "Đoàn doanh nghiệp Mỹ thăm nhà máy lọc dầu Dung Quất và làm việc với lãnh đạo tỉnh Quảng Ngãi.",
    "Ủy ban nhân dân Thành phố Hồ Chí Minh tiếp đoàn công tác của bang California về giao thông xanh.",
    "Tại Cần Thơ, các chuyên gia bàn về xâm nhập mặn và sinh kế của nông dân đồng bằng sông Cửu Long.",
    "Hội nghị xúc tiến đầu tư vào Khu kinh tế Nghi Sơn thu hút hơn ba trăm nhà đầu tư trong và ngoài nước.",
    "Trường Đại học Bách khoa Đà Nẵng ký thỏa thuận đào tạo kỹ sư vi mạch với một tập đoàn Hoa Kỳ.",
    "Tập đoàn Điện lực Việt Nam công bố kế hoạch nâng cấp lưới truyền tải điện miền Trung năm tới.",
    "Các nhà khoa học Việt Nam và Hoa Kỳ công bố kết quả khảo sát rạn san hô quanh quần đảo Côn Đảo.",
    "Hiệp hội Chế biến và Xuất khẩu thủy sản kiến nghị tháo gỡ vướng mắc về thủ tục kiểm dịch.",
    "Ngân hàng Nhà nước họp báo về điều hành tỷ giá và lãi suất trong sáu tháng cuối năm.",
    "Lễ hội văn hóa Việt Nam tại Seattle giới thiệu ẩm thực, áo dài và nghệ thuật múa rối nước.",
    "Bộ Giáo dục và Đào tạo phối hợp với Quỹ Fulbright trao học bổng cho sinh viên ngành kỹ thuật.",
]


def corpus(*parts: str) -> Path:
    """A path in the shared corpus, skipping the test when the shared folder is absent."""
    p = SHARED.joinpath("corpus", *parts)
    if not p.exists():
        pytest.skip(f"{p} is absent")
    return p


def light_edit(text: str) -> str:
    """A syndicated copy: another outlet's line on top, one sentence dropped, a credit at the end."""
    body = [ln for ln in text.splitlines() if ln.strip()]
    drop = len(body) // 2
    return "\n".join(["(Theo báo điện tử)", *body[:drop], *body[drop + 1:], "Nguồn: thông tấn xã"])


def span(text: str, part: str) -> tuple[int, int]:
    """The span of ``part`` in ``text``."""
    i = text.index(part)
    return (i, i + len(part))


def make_article(source: str, sentences: list[str], *, published: str | None = None, title: str | None = None,
                 people: list[tuple[str, str | None, str | None, str | None]] = (),
                 events: list[tuple[str, str | None, list[str]]] = (),
                 statements: list[tuple[str, str, str, str | None, list[str], list[Amount]]] = (),
                 orgs: list[tuple[str, str, str]] = (), topics: list[str] = ()) -> Article:
    """An Article built in code from self-written sentences (statements quote one sentence each)."""
    text = " ".join(sentences)
    art = Article(source=source, raw=text, text=text, title=title or sentences[0][:60], published=published,
                  topics=list(topics))
    for name, title_, org, side in people:
        art.people.append(Person(name, title_, org, side, mentions=[span(text, name)] if name in text else []))
    for name, kind, side in orgs:
        art.organizations.append(Organization(name, kind, side))
    for i, (etype, date, participants) in enumerate(events):
        art.events.append(Event(etype, span(text, sentences[min(i, len(sentences) - 1)]), date,
                                participants=participants))
    for actor, act, sentence, side, threads, amounts in statements:
        art.statements.append(Statement(actor, act, sentence, span(text, sentence), side,
                                        "US" if side == "VN" else "VN", ["trade"], list(threads), list(amounts)))
    return art


def occasion_sources(store: Store) -> set[frozenset[str]]:
    """The store's occasions as the sets of article sources they hold (ids left aside)."""
    from hoptac.store import Filters

    arts = {a["id"]: a["source"] for a in store.articles(Filters(limit=100))["items"]}
    return {frozenset(arts[s["article_id"]] for s in e["sources"]) for e in store.events(Filters(limit=100))["items"]}


def sample_articles() -> list[Article]:
    """Three small articles: two report one meeting, a third follows up a year later."""
    s1 = ["Chiều 14/11, Bộ trưởng Công Thương Nguyễn Hồng Diên làm việc với Thứ trưởng Jose Fernandez tại Hà Nội.",
          "Bộ trưởng đề nghị Hoa Kỳ sớm công nhận quy chế kinh tế thị trường cho Việt Nam.",
          "Hai bên trao đổi về hợp tác bán dẫn và năng lượng sạch."]
    a1 = make_article("mem://a1", s1, published="2024-11-15",
                      people=[("Nguyễn Hồng Diên", "Bộ trưởng Bộ Công Thương", "Bộ Công Thương", "VN"),
                              ("Jose Fernandez", "Thứ trưởng Bộ Ngoại giao Hoa Kỳ", "Bộ Ngoại giao Hoa Kỳ", "US")],
                      orgs=[("Bộ Công Thương", "government", "VN")],
                      events=[("meeting", "2024-11-14", ["Nguyễn Hồng Diên", "Jose Fernandez"])],
                      statements=[("Nguyễn Hồng Diên", "request", s1[1], "VN", ["market_economy_status"], [])],
                      topics=["trade", "semiconductors"])
    s2 = ["Ngày 14/11, Thứ trưởng Ngoại giao Mỹ Fernandez đã có buổi tiếp Bộ trưởng Nguyễn Hồng Diên.",
          "Phía Mỹ cho biết sẽ xem xét đề nghị về quy chế kinh tế thị trường của Việt Nam.",
          "Mỹ sẽ hỗ trợ 2 triệu USD cho chương trình đào tạo kỹ sư."]
    a2 = make_article("mem://a2", s2, published="2024-11-15",
                      people=[("Fernandez", "Thứ trưởng Ngoại giao Mỹ", "Bộ Ngoại giao Mỹ", "US"),
                              ("Nguyễn Hồng Diên", "Bộ trưởng", None, "VN")],
                      events=[("reception", "2024-11-14", ["Fernandez", "Nguyễn Hồng Diên"])],
                      statements=[("Fernandez", "commit", s2[1], "US", ["market_economy_status"],
                                   [Amount("money", "USD", "2 triệu USD", span(" ".join(s2), "2 triệu USD"), 2e6)])],
                      topics=["trade"])
    s3 = ["Tháng 3/2026, Bộ trưởng Nguyễn Hồng Diên tiếp tục kiến nghị phía Hoa Kỳ công nhận Việt Nam có nền kinh tế thị trường.",
          "Ông Jose Fernandez, nay là Cố vấn cấp cao của Nhà Trắng, tham dự cuộc gặp."]
    a3 = make_article("mem://a3", s3, published="2026-03-10",
                      people=[("Nguyễn Hồng Diên", "Bộ trưởng Bộ Công Thương", "Bộ Công Thương", "VN"),
                              ("Jose Fernandez", "Cố vấn cấp cao của Nhà Trắng", "Nhà Trắng", "US")],
                      events=[("meeting", "2026-03-09", ["Nguyễn Hồng Diên", "Jose Fernandez"])],
                      statements=[("Nguyễn Hồng Diên", "propose", s3[0], "VN", ["market_economy_status"], [])],
                      topics=["trade"])
    return [a1, a2, a3]


@pytest.fixture
def cur(db_url):
    """A store holding the curation fixtures (``fixtures_curation/``: two reports of one reception,
    a province visit, a trade meeting), for the curation and kept-count tests."""
    with Store.open(db_url) as s:
        rep = s.ingest_sources([str(Path(__file__).resolve().parent / "fixtures_curation")])
        assert rep.stored == 3 and not rep.skipped
        yield s
