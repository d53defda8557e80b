"""Read queries: articles, people, organizations, events, statements, timeline.

Every function takes an open connection and returns plain JSON-able dicts shaped like the
``hoptac.article/1`` export, with stable string ids. Listings are ``{"items", "total"}``.
Near-duplicate articles are listed under their original (``duplicates``), never counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..link.names import name_key
from . import schema as t
from .kept_pages import kept_total, month_skip
from .summary import cached, query_key

SIDES = ("VN", "US", "OTHER")
#: An ISO date, month or year with real months and days (the API and the dashboard validate with it too).
ISO_DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
#: A topic or thread id as the taxonomy writes them (API and dashboard paths and filters).
VOCAB_ID = r"^[A-Za-z0-9_]{1,64}$"
_DATE = re.compile(ISO_DATE)


@dataclass(frozen=True, kw_only=True)
class Filters:
    """What to list: dates (ISO, inclusive), side, topic, thread, person (id or name), page."""

    since: str | None = None
    until: str | None = None
    side: str | None = None
    topic: str | None = None
    thread: str | None = None
    person: str | None = None
    #: events: include the past occasions articles mention in passing (left out by default)
    background: bool = False
    limit: int = 50
    offset: int = 0

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            v = getattr(self, name)
            if v is not None and not _DATE.match(v):
                raise ValueError(f"--{name} wants an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), not {v!r}")
        if self.side is not None and self.side not in SIDES:
            raise ValueError(f"side must be one of {', '.join(SIDES)}, not {self.side!r}")
        if self.limit < 0 or self.offset < 0:
            raise ValueError("limit and offset must not be negative")


def date_problem(since: str | None, until: str | None) -> str | None:
    """Why a date range cannot be (a day that does not exist, ``since`` after ``until``), else None."""
    from datetime import date

    for name, v in (("since", since), ("until", until)):
        if v and len(v) == 10:
            try:
                date.fromisoformat(v)
            except ValueError:
                return f"{name}: {v} is not a day of the calendar"
    if since and until and since > until and not since.startswith(until):
        return f"since ({since}) is after until ({until})"
    return None


ALL = Filters(limit=1_000_000)
CANON = t.articles.c.duplicate_of.is_(None)


def _dates(col: sa.ColumnElement[Any], f: Filters) -> list[sa.ColumnElement[bool]]:
    out = []
    if f.since:
        out.append(col >= f.since)
    if f.until:
        out.append(col <= f.until + "\uffff")
    return out


def period_first(conn: Connection, col: sa.ColumnElement[Any], f: Filters) -> list[sa.ColumnElement[bool]]:
    """:func:`_dates`, on SQLite marked selective (``likelihood``), so that the period of a table with an
    index led by its date is read through that index, not found by a walk of another whole index in the
    order of a GROUP BY (SQLite's planner, knowing no distribution of dates, takes a period for a large
    share of the table: at 1,000,000 articles, meetings since 2019 walked all 1,080,000 pair rows for
    their 83,000 and took twice the CPU). For a table read by a period and nothing narrower."""
    conds = _dates(col, f)
    if conn.dialect.name != "sqlite":
        return conds
    return [sa.func.likelihood(c, sa.literal_column("0.05")) for c in conds]


def resolve_person(conn: Connection, ident: str) -> str | None:
    """The person id for an id, an exact name or alias, or a unique name suffix."""
    if conn.execute(sa.select(t.people.c.id).where(t.people.c.id == ident)).scalar():
        return ident
    key = name_key(ident)
    rows = conn.execute(sa.select(t.person_aliases.c.person_id, sa.func.count())
                        .where(t.person_aliases.c.key == key).group_by(t.person_aliases.c.person_id)).all()
    if not rows:
        rows = conn.execute(sa.select(t.person_aliases.c.person_id, sa.func.count())
                            .where(t.person_aliases.c.key.like("% " + key))
                            .group_by(t.person_aliases.c.person_id)).all()
    if not rows:
        rows = _unmarked(conn, key)
    if not rows:
        return None
    counts = {pid: _mentions(conn, pid) for pid, _ in rows}
    return max(sorted(counts), key=lambda p: counts[p])


def _unmarked(conn: Connection, key: str) -> list[tuple[str, int]]:
    """People whose name or alias matches ``key`` once Vietnamese marks are set aside on both
    sides ("Nguyen Xuan Phuc" finds Nguyễn Xuân Phúc): a fallback, reading the alias keys."""
    from ..link.text import fold

    want = fold(key)
    found: dict[str, int] = {}
    for pid, alias in conn.execute(sa.select(t.person_aliases.c.person_id, t.person_aliases.c.key)):
        plain = fold(alias)
        if plain == want or plain.endswith(" " + want):
            found[pid] = found.get(pid, 0) + 1
    return list(found.items())


def _mentions(conn: Connection, pid: str) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(t.person_mentions)
                        .where(t.person_mentions.c.person_id == pid)).scalar() or 0


def _page(conn: Connection, q: sa.Select[Any], f: Filters) -> tuple[list[Any], int]:
    """A page of ``q`` and the total it pages through, kept per store generation (store/summary.py)."""
    def compute(c: Connection) -> tuple[list[Any], int]:
        return list(c.execute(q.limit(f.limit).offset(f.offset)).all()), count(c, q)  # one total for every page

    return cached(conn, query_key("page", q, f.limit, f.offset), compute)


def _count(conn: Connection, q: sa.Select[Any]) -> int:
    """How many rows ``q`` gives (its total, whatever the page)."""
    return conn.execute(sa.select(sa.func.count()).select_from(q.order_by(None).subquery())).scalar() or 0


def count(conn: Connection, q: sa.Select[Any]) -> int:
    """:func:`_count`, kept per store generation."""
    return cached(conn, query_key("count", q), lambda c: _count(c, q))


def _article_ids_for(conn: Connection, f: Filters) -> list[sa.ColumnElement[bool]]:
    """Conditions on ``articles.c.id`` for the topic, thread, side and person filters."""
    cond: list[sa.ColumnElement[bool]] = []
    a = t.articles.c.id
    if f.topic:
        cond.append(a.in_(sa.select(t.article_topics.c.article_id).where(t.article_topics.c.topic == f.topic)))
    if f.thread:
        cond.append(a.in_(sa.select(t.statements.c.article_id).join(
            t.statement_threads, t.statement_threads.c.statement_id == t.statements.c.id)
            .where(t.statement_threads.c.thread == f.thread)))
    if f.side:
        cond.append(a.in_(sa.select(t.statements.c.article_id).where(t.statements.c.side == f.side)))
    if f.person:
        pid = resolve_person(conn, f.person) or "\x00"
        cond.append(a.in_(sa.select(t.person_mentions.c.article_id).where(t.person_mentions.c.person_id == pid)))
    return cond


# articles --------------------------------------------------------------------------------

def article_summary(row: Any, n_dups: int = 0) -> dict[str, Any]:
    """The listing form of an article row."""
    return {"id": row.id, "title": row.title, "published": row.published,
            "published_provenance": row.published_provenance, "outlet": row.outlet,
            "source": row.source, "url": row.url, "topics": list(row.topics or []), "people": row.n_people,
            "events": row.n_events, "statements": row.n_statements, "duplicates": n_dups}


#: The columns a listing shows (not the text, the export or the signature: a page reads little).
LISTED = [c for c in t.articles.c if c.name not in ("text", "data", "minhash")]


def list_articles(conn: Connection, f: Filters) -> dict[str, Any]:
    """Canonical articles, newest first (undated last; the same day by id, last first), filtered.

    The page is read in the order of ``ix_articles_listing`` — the dated articles, then the
    undated — so a page at any offset reads the index, not the table; page and totals are kept
    per store generation.
    """
    a = t.articles.c
    cond = [CANON, *_dates(a.date_sort, f), *_article_ids_for(conn, f)]
    ids_q = sa.select(a.id).where(*cond)
    # the page walks ix_articles_listing newest first and tests each article's topic in article_topics'
    # key, stopping at the page; as ``IN`` (the count's form) SQLite read every article of the topic and sorted them
    page_cond = [CANON, *_dates(a.date_sort, f), *_article_ids_for(conn, replace(f, topic=None))]
    if f.topic:
        at = t.article_topics.c
        page_cond.append(sa.exists().where(at.article_id == a.id, at.topic == f.topic))
    dated_q = sa.select(a.id).where(*page_cond, a.date_sort.is_not(None))
    plain = len(cond) == 1  # every canonical article: totals and deep pages from the kept counts
    others = (f.since, f.until, f.thread, f.side, f.person)
    if plain:
        total = kept_total(conn, "articles")
    elif f.topic and not any(others):  # one topic: its kept count (only canonical articles have topic rows)
        total = kept_total(conn, "topics", f.topic)
    else:
        total = count(conn, ids_q)

    def page_ids(c: Connection) -> list[str]:
        start = month_skip(c, f.offset) if plain and f.offset > f.limit else None
        page_q, skip = (dated_q, f.offset) if start is None else (dated_q.where(a.date_sort <= start[0]), start[1])
        ids = list(c.execute(page_q.order_by(a.date_sort.desc(), a.id.desc()).limit(f.limit).offset(skip)).scalars())
        if len(ids) < f.limit:
            n_dated = total - kept_total(c, "undated_articles") if plain else count(c, dated_q)
            skip = max(0, f.offset - n_dated)
            ids += c.execute(ids_q.where(a.date_sort.is_(None)).order_by(a.id.desc())
                             .limit(f.limit - len(ids)).offset(skip)).scalars()
        return ids

    ids = cached(conn, query_key("articles", ids_q, f.limit, f.offset), page_ids)
    by_id = {r.id: r for r in conn.execute(sa.select(*LISTED).where(a.id.in_(ids)))} if ids else {}
    rows = [by_id[i] for i in ids if i in by_id]
    dups = _dup_counts(conn, [r.id for r in rows])
    return {"items": [article_summary(r, dups.get(r.id, 0)) for r in rows], "total": total}


def _dup_counts(conn: Connection, ids: list[str]) -> dict[str, int]:
    if not ids:
        return {}
    return dict(conn.execute(sa.select(t.articles.c.duplicate_of, sa.func.count())
                             .where(t.articles.c.duplicate_of.in_(ids))
                             .group_by(t.articles.c.duplicate_of)).all())


def _duplicate_ids(aid: str) -> sa.Select[Any]:
    """The ids of an article's near-duplicates, from ``ix_articles_listing`` (on SQLite, asked for
    them in id order directly, the planner walks every article in its primary key instead)."""
    return sa.select(t.articles.c.id).where(t.articles.c.duplicate_of == aid)


def get_article(conn: Connection, aid: str) -> dict[str, Any] | None:
    """The full export of one article, with id, sources, duplicates and linked ids."""
    row = conn.execute(sa.select(t.articles).where(t.articles.c.id == aid)).first()
    if row is None:
        return None
    out = dict(row.data)
    out["id"] = row.id
    out["duplicate_of"] = row.duplicate_of
    out["similarity"] = row.similarity
    out["sources"] = sorted(conn.execute(sa.select(t.article_sources.c.source)
                                         .where(t.article_sources.c.article_id == aid)).scalars())
    out["duplicates"] = [{"id": d.id, "source": d.source, "title": d.title, "similarity": d.similarity}
                         for d in conn.execute(sa.select(t.articles.c.id, t.articles.c.source, t.articles.c.title,
                                                         t.articles.c.similarity)
                                               .where(t.articles.c.id.in_(_duplicate_ids(aid)))
                                               .order_by(t.articles.c.id))]
    out["ingested_at"] = row.ingested_at.isoformat() if row.ingested_at else None
    pm = conn.execute(sa.select(t.person_mentions.c.name, t.person_mentions.c.person_id)
                      .where(t.person_mentions.c.article_id == aid)).all()
    ids = {n: p for n, p in pm}
    for p in out.get("people", []):
        p["id"] = ids.get(p["name"])
    sids = [f"{aid}.s{i}" for i in range(len(out.get("statements", [])))]
    for s, sid in zip(out.get("statements", []), sids, strict=True):
        s["id"] = sid if row.duplicate_of is None else None
    ev = conn.execute(sa.select(t.event_sources.c.idx, t.event_sources.c.event_id)
                      .where(t.event_sources.c.article_id == aid)).all()
    evmap = dict(ev)
    for i, e in enumerate(out.get("events", [])):
        e["id"] = evmap.get(i)
    return out


# statements ------------------------------------------------------------------------------

def statement_dict(row: Any) -> dict[str, Any]:
    """One statement row as export-shaped data, with its article."""
    return {"id": row.id, "article_id": row.article_id, "article_title": row.title,
            # the article's, to cite it (queries that select them: the statements listing and export)
            "published": getattr(row, "published", None), "outlet": getattr(row, "outlet", None),
            "url": getattr(row, "url", None), "date": row.date_sort,
            "date_provenance": row.date_provenance,
            "actor": row.actor, "person_id": row.person_id, "side": row.side, "act": row.act,
            "addressee_side": row.addressee_side, "text": row.text,
            "evidence": [row.evidence_start, row.evidence_end], "topics": list(row.topics or []),
            "threads": list(row.threads or []), "amounts": list(row.amounts or [])}


def statement_conds(conn: Connection, f: Filters) -> list[sa.ColumnElement[bool]]:
    """Conditions on ``statements`` for the filters (dates, side, topic, thread, person)."""
    s = t.statements.c
    cond = _dates(s.date_sort, f)
    if f.side:
        cond.append(s.side == f.side)
    if f.topic:
        cond.append(s.id.in_(sa.select(t.statement_topics.c.statement_id)
                             .where(t.statement_topics.c.topic == f.topic)))
    if f.thread:
        cond.append(s.id.in_(sa.select(t.statement_threads.c.statement_id)
                             .where(t.statement_threads.c.thread == f.thread)))
    if f.person:
        cond.append(s.person_id == (resolve_person(conn, f.person) or "\x00"))
    return cond


#: A statement row as listings show it: the statement and its article's title, date, outlet and URL.
STATEMENT_ROW = (t.statements, t.articles.c.title, t.articles.c.published, t.articles.c.outlet, t.articles.c.url)


def statement_query(conn: Connection, f: Filters) -> sa.Select[Any]:
    """Statements (with their article title) matching the filters, in date order."""
    s = t.statements.c
    q = (sa.select(*STATEMENT_ROW).join(t.articles, t.articles.c.id == s.article_id)
         .where(*statement_conds(conn, f)))
    return q.order_by(s.date_sort.asc().nulls_last(), s.article_id, s.idx)


def statement_page(conn: Connection, cond: list[sa.ColumnElement[bool]], f: Filters, *, desc: bool = False,
                   join_articles: bool = False) -> tuple[list[Any], int]:
    """A page of the statements meeting ``cond`` by date (``desc``: newest first; ties by article and
    position; undated last) and their number.

    The page is chosen as ids in ``ix_statements_order`` — the dated statements in their order,
    then the undated — so it reads the page, not every statement it could be; only the page's rows
    are joined to their articles. Page ids and total are kept per store generation.
    """
    s = t.statements.c
    ids_q = sa.select(s.id)
    if join_articles:  # a condition on the article (its outlet)
        ids_q = ids_q.join(t.articles, t.articles.c.id == s.article_id)
    ids_q = ids_q.where(*cond)
    total = _kept_statements(conn, cond, f)
    if total is None:
        total = count(conn, ids_q)

    def page_ids(c: Connection) -> list[str]:
        dated = _walk_order(c, ids_q, cond, f).where(s.date_sort.is_not(None))
        first = s.date_sort.desc() if desc else s.date_sort.asc()
        ids = list(c.execute(dated.order_by(first, s.article_id, s.idx).limit(f.limit).offset(f.offset)).scalars())
        if len(ids) < f.limit:
            skip = max(0, f.offset - count(c, dated))
            ids += c.execute(ids_q.where(s.date_sort.is_(None)).order_by(s.article_id, s.idx)
                             .limit(f.limit - len(ids)).offset(skip)).scalars()
        return ids

    ids = cached(conn, query_key("statement-page", ids_q, f.limit, f.offset, desc), page_ids)
    by_id = {r.id: r for r in conn.execute(sa.select(*STATEMENT_ROW).join(t.articles, t.articles.c.id == s.article_id)
                                           .where(s.id.in_(ids)))} if ids else {}
    return [by_id[i] for i in ids if i in by_id], total


def _kept_statements(conn: Connection, cond: list[sa.ColumnElement[bool]], f: Filters) -> int | None:
    """The kept count of every statement, or of one side's (``stat_counts``), when ``cond`` asks for no more."""
    if not cond:
        return kept_total(conn, "statements")
    if len(cond) == 1 and f.side and cond[0].compare(t.statements.c.side == f.side):
        return kept_total(conn, "statements_side", f.side)
    return None


def _walk_order(conn: Connection, ids_q: sa.Select[Any], cond: list[sa.ColumnElement[bool]],
                f: Filters) -> sa.Select[Any]:
    """``ids_q`` with its side condition hidden from SQLite's planner, so a page filtered by side walks
    ``ix_statements_order`` and stops at the page: a side holds a large share of every statement, but
    sampled planner statistics (``ANALYZE`` under ``analysis_limit``) can rate ``ix_statements_side``
    as a handful of rows, and the planner then reads every statement of the side and sorts them
    (3.6 s at a million articles). The total still counts them in ``ix_statements_side``."""
    side = t.statements.c.side == f.side if f.side else None
    if side is None or conn.dialect.name != "sqlite" or not any(c.compare(side) for c in cond):
        return ids_q
    kept = [c for c in cond if not c.compare(side)]
    unindexed = sa.literal_column("+statements.side") == f.side  # SQLite's no-op unary plus: no index on it
    return sa.select(t.statements.c.id).select_from(*ids_q.get_final_froms()).where(*kept, unindexed)


def list_statements(conn: Connection, f: Filters) -> dict[str, Any]:
    """Statements matching the filters, in date order (undated last)."""
    rows, total = statement_page(conn, statement_conds(conn, f), f)
    return {"items": [statement_dict(r) for r in rows], "total": total}


# organizations ----------------------------------------------------------------------------

def list_organizations(conn: Connection, f: Filters) -> dict[str, Any]:
    """Organizations by number of articles naming them."""
    o = t.organizations.c
    n = sa.func.count(t.org_mentions.c.article_id).label("articles")
    cond = [*_dates(t.articles.c.date_sort, f), *_article_ids_for(conn, Filters(topic=f.topic, thread=f.thread,
                                                                                 person=f.person))]
    q = sa.select(t.organizations, n).join(t.org_mentions, t.org_mentions.c.org_id == o.id)
    if cond:  # without conditions on the article, its row (and its text's pages) is not read
        q = q.join(t.articles, t.articles.c.id == t.org_mentions.c.article_id)
    q = q.where(*cond).group_by(*t.organizations.c).order_by(n.desc(), o.name)
    if f.side:
        q = q.where(o.side == f.side)
    if not cond:  # every article: the kept tallies (store/tallies.py), a page of their index
        ot = t.org_tallies.c
        q = (sa.select(t.organizations, ot.articles).join(t.org_tallies, ot.org_id == o.id)
             .where(ot.articles > 0, *([ot.side == f.side] if f.side else []))
             .order_by(ot.articles.desc(), ot.name, ot.org_id))
    rows, total = _page(conn, q, f)
    return {"items": [{"id": r.id, "name": r.name, "kind": r.kind, "side": r.side, "articles": r.articles}
                      for r in rows], "total": total}
