"""People queries: the linked person across articles, with titles over time."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..link.text import fold
from ..link.titles import title_key
from . import schema as t
from .queries import Filters, _article_ids_for, _dates, resolve_person, statement_dict
from .summary import cached, query_key


def list_people(conn: Connection, f: Filters) -> dict[str, Any]:
    """People by number of articles naming them; ``person`` filters by name (diacritics folded)."""
    m = t.person_mentions.c
    n_art = sa.func.count(sa.distinct(m.article_id)).label("articles")
    n_st = (sa.select(sa.func.count()).select_from(t.statements).where(t.statements.c.person_id == t.people.c.id)
            .scalar_subquery().label("statements"))
    cond = _article_ids_for(conn, Filters(topic=f.topic, thread=f.thread))
    q = sa.select(t.people, n_art, n_st).join(t.person_mentions, m.person_id == t.people.c.id)
    if cond:  # the article filters name articles.id; without them the articles' rows are not read
        q = q.join(t.articles, t.articles.c.id == m.article_id)
    q = q.where(*_dates(m.date_sort, f), *cond).group_by(*t.people.c).order_by(n_art.desc(), t.people.c.name)
    if f.side:
        q = q.where(t.people.c.side == f.side)
    if f.person:
        key = fold(f.person.strip())
        ids = [pid for pid, alias in conn.execute(sa.select(t.person_aliases.c.person_id, t.person_aliases.c.alias))
               if key in fold(alias)]
        q = q.where(t.people.c.id.in_(ids))
    if f.topic or f.thread or f.since or f.until or f.person:
        rows, total = _ranked_page(conn, q, f)
    else:  # everyone, or one side: the kept tallies (store/tallies.py), a page of their index
        rows, total = _tally_page(conn, f)
    titles = _latest_titles(conn, [r.id for r in rows])
    return {"items": [{"id": r.id, "name": r.name, "side": r.side, "office": r.office,
                       "title": titles.get(r.id), "articles": r.articles,
                       "statements": r.statements} for r in rows], "total": total}


def _ranked_page(conn: Connection, q: sa.Select[Any], f: Filters) -> tuple[list[Any], int]:
    """A page of the people ranking ``q`` and its total: the ranking (ids and counts, one row per
    person) is computed once per filter and store generation, and every page of it is a slice, so
    paging through people costs one aggregation of their mentions, not one per page."""
    ranking = cached(conn, query_key("people-ranking", q),
                     lambda c: [(r.id, r.articles, r.statements) for r in c.execute(q)])
    page = ranking[f.offset:f.offset + f.limit]
    info = {r.id: r for r in conn.execute(sa.select(t.people).where(t.people.c.id.in_([p[0] for p in page])))}
    return [SimpleNamespace(**info[pid]._asdict(), articles=n, statements=k) for pid, n, k in page if pid in info], \
        len(ranking)


def _tally_page(conn: Connection, f: Filters) -> tuple[list[Any], int]:
    """A page of people by the articles naming them, and their number, from ``person_tallies``."""
    pt = t.person_tallies.c
    cond = [pt.articles > 0, *([pt.side == f.side] if f.side else [])]
    q = (sa.select(t.people, pt.articles, pt.statements).join(t.person_tallies, pt.person_id == t.people.c.id)
         .where(*cond).order_by(pt.articles.desc(), pt.name, pt.person_id).limit(f.limit).offset(f.offset))

    def compute(c: Connection) -> tuple[list[Any], int]:
        total = c.execute(sa.select(sa.func.count()).select_from(t.person_tallies).where(*cond)).scalar() or 0
        return [SimpleNamespace(**r._asdict()) for r in c.execute(q)], total

    return cached(conn, query_key("people-tallies", q), compute)


def _latest_titles(conn: Connection, ids: list[str]) -> dict[str, str]:
    """Each listed person's latest title, the same whatever the page (see :func:`latest_title`), as
    the writers keep it (``person_tallies``, store/tallies.py): not a read of all their mentions."""
    if not ids:
        return {}
    pt = t.person_tallies.c
    return dict(conn.execute(sa.select(pt.person_id, pt.title).where(pt.person_id.in_(ids), pt.title.is_not(None))).all())


def latest_title(pairs: list[tuple[str | None, str | None]], side: str | None = None) -> str | None:
    """The office of the latest dated article, in its most written form; with no date at all, the office
    written in most articles; ties go alphabetically, never to the order rows happen to come in."""
    pairs = [(w, x) for w, x in pairs if x]
    if not pairs:
        return None
    dated = [w for w, _ in pairs if w]
    last = max(dated) if dated else None
    pool = {title_key(x, side) for w, x in pairs if w == last} if last else None
    offices: dict[str, list[str]] = {}
    for _, x in pairs:
        offices.setdefault(title_key(x, side), []).append(x)
    keys = sorted(pool or offices, key=lambda k: (-len(offices[k]), k))
    return _writing(offices[keys[0]])


def _writing(titles: list[str]) -> str:
    """The most written form of one office (ties: the longer, then alphabetically)."""
    n: dict[str, int] = {}
    for x in titles:
        n[x] = n.get(x, 0) + 1
    return _most_written(n)


def _most_written(n: dict[str, int]) -> str:
    """The most written of these forms, by their numbers of writings (ties: the longer, then alphabetically)."""
    return min(n, key=lambda x: (-n[x], -len(x), x))


#: Articles listed under each of a person's titles (``n_articles`` counts them all).
TITLE_ARTICLES = 20


def _titles(conn: Connection, pid: str, side: str | None) -> list[dict[str, Any]]:
    """The person's titles over time: each office (its writings together, shown in the most written one)
    with its organization, first and last date, its number of articles and the first
    :data:`TITLE_ARTICLES` of them, by first date (undated offices last).

    The mentions come grouped by writing of a title and organization as the writers keep them
    (:func:`_writings`), so a person named in tens of thousands of articles costs a read of their
    writings, not of every mention; each office's first articles are read from the writings that can
    hold them (:func:`_office_firsts`), and the articles of an office written several ways counted in
    one more pass (:func:`_count_shared`).
    """
    offices: dict[str, dict[str, Any]] = {}
    seen: dict[tuple[str | None, str | None], tuple[str | None, int, bool]] = {}  # first date, dated, any undated
    for title, org, n, n_dated, arts, first, last in _writings(conn, pid):
        seen[(title, org)] = (first, n_dated, n_dated < n)
        key = title_key(title, side) if title else "\x00" + fold(org or "")
        e = offices.setdefault(key, {"writings": {}, "orgs": {}, "first_seen": None, "last_seen": None,
                                     "pairs": [], "n_articles": arts})
        for name, form in (("writings", title), ("orgs", org)):
            if form:
                e[name][form] = e[name].get(form, 0) + n
        e["first_seen"] = min(filter(None, [e["first_seen"], first]), default=None)
        e["last_seen"] = max(filter(None, [e["last_seen"], last]), default=None)
        e["pairs"].append((title, org))
    firsts = _office_firsts(conn, pid, {k: e["pairs"] for k, e in offices.items()}, seen)
    _count_shared(conn, pid, {k: e for k, e in offices.items() if len(e["pairs"]) > 1})
    out = []
    for key, e in offices.items():
        first = list(dict.fromkeys(aid for _, _, aid in sorted(firsts.get(key, []))))[:TITLE_ARTICLES]
        out.append({"title": _most_written(e["writings"]) if e["writings"] else None,
                    "organization": _most_written(e["orgs"]) if e["orgs"] else None,
                    "first_seen": e["first_seen"], "last_seen": e["last_seen"], "articles": first,
                    "n_articles": e["n_articles"], "n_articles_capped": e.get("capped", False)})
    return sorted(out, key=lambda x: (x["first_seen"] is None, x["first_seen"] or "", x["last_seen"] or "",
                                      -x["n_articles"], title_key(x["title"] or "")))


def _writings(conn: Connection, pid: str) -> list[Any]:
    """(title, organization, mentions, dated mentions, articles, first date, last date) of each writing
    of the person's titles, as the writers keep them (``person_titles``, store/tallies.py: a read of a
    few rows where grouping every mention of a person named in 14,000 of 100,000 articles cost 15 ms of
    CPU, ten times that at a million); grouped from the mentions as the writers group them
    (:func:`~hoptac.store.tallies.writing_groups`) for a person with no tally yet."""
    from .tallies import writing_groups

    pt, m = t.person_titles.c, t.person_mentions.c
    if conn.execute(sa.select(t.person_tallies.c.person_id).where(t.person_tallies.c.person_id == pid)).first():
        return conn.execute(sa.select(pt.title, pt.organization, pt.mentions, pt.dated, pt.articles, pt.first_seen,
                                      pt.last_seen).where(pt.person_id == pid)
                            .order_by(pt.title.asc().nulls_first(), pt.organization.asc().nulls_first())).all()
    return [tuple(r)[1:] for r in conn.execute(
        writing_groups([pid]).order_by(m.title.asc().nulls_first(), m.organization.asc().nulls_first()))]

def _office_firsts(conn: Connection, pid: str, offices: dict[str, list[tuple[str | None, str | None]]],
                   seen: dict[tuple[str | None, str | None], tuple[str | None, int, bool]]
                   ) -> dict[str, list[tuple[bool, str, str]]]:
    """(undated?, date, article) of each office's entries among which its first :data:`TITLE_ARTICLES`
    articles are (by date, undated last), from ``offices``' writings and what :func:`_writings` keeps of
    each (``seen``: first date, dated mentions, whether any is undated).

    A writing is walked only if it can hold one of the office's first articles: the earliest writings
    first, then, once the office has that many dated articles, those whose first date is not after the
    last of them (the others' articles all come later); the undated entries only of an office with
    fewer dated articles. A person with 170 writings of 10 offices walks a few dozen, not all of them.
    """
    got: dict[str, list[tuple[bool, str, str]]] = {k: [] for k in offices}
    office_of = {p: k for k, pairs in offices.items() for p in pairs}
    pending = {k: sorted((p for p in pairs if seen[p][0]), key=lambda p: (seen[p][0] or "", p[0] or "", p[1] or ""))
               for k, pairs in offices.items()}

    def dated_firsts(k: str) -> list[tuple[str, str]]:
        """The office's first dated (date, article) entries read so far."""
        return sorted({(d, a) for undated, d, a in got[k] if not undated})[:TITLE_ARTICLES]

    while True:
        todo: list[tuple[str | None, str | None]] = []
        for k, pairs in pending.items():
            have = dated_firsts(k)
            if len(have) >= TITLE_ARTICLES:
                take = [p for p in pairs if (seen[p][0] or "") <= have[-1][0]]
            else:  # the earliest writings, enough of them to give the articles still wanted
                take, wanted = [], TITLE_ARTICLES - len(have)
                for p in pairs:
                    take.append(p)
                    wanted -= seen[p][1]
                    if wanted <= 0:
                        break
            pending[k] = [p for p in pairs if p not in take] if take else []
            todo += take
        if not todo:
            break
        for title, org, date, aid in _first_articles(conn, pid, todo, dated=True):
            got[office_of[(title, org)]].append((False, date, aid))
    todo = [p for k, pairs in offices.items() if len(dated_firsts(k)) < TITLE_ARTICLES for p in pairs if seen[p][2]]
    for title, org, _, aid in _first_articles(conn, pid, todo, dated=False):
        got[office_of[(title, org)]].append((True, "", aid))
    return got


def _first_articles(conn: Connection, pid: str, pairs: list[tuple[str | None, str | None]], *,
                    dated: bool) -> list[Any]:
    """(title, organization, date, article) of the first :data:`TITLE_ARTICLES` dated (by date) or
    undated articles of each of these writings of the person's titles (``pairs``). Each writing is
    walked in ``ix_person_mentions_titles`` and the walk stops at its first articles (numbering every
    mention of the person read them all: 0.6 s at a million)."""
    out: list[Any] = []
    for k in range(0, len(pairs), _WALKS):  # one statement per 200 writings (SQLite allows 500 parts)
        parts, params = [], {"pid": pid, "n": TITLE_ARTICLES}
        for i, (title, org) in enumerate(pairs[k:k + _WALKS]):
            params[f"t{i}"], params[f"o{i}"] = title, org
            mine = f"person_id = :pid AND title {_same(conn)} :t{i} AND organization {_same(conn)} :o{i}"
            parts.append(f"SELECT * FROM (SELECT DISTINCT title, organization, date_sort, article_id FROM person_mentions "
                         f"WHERE {mine} AND date_sort IS {'NOT NULL ORDER BY date_sort,' if dated else 'NULL ORDER BY'} "
                         f"article_id LIMIT :n) AS w{i}")
        out += conn.execute(sa.text(" UNION ALL ".join(parts)), params).all()
    return out


def _same(conn: Connection) -> str:
    """SQL's null-safe equality (a title or organization may be NULL), as each database writes it
    (SQLite walks its index for ``IS``)."""
    return "IS" if conn.dialect.name == "sqlite" else "IS NOT DISTINCT FROM"


#: Writings of a title walked in one statement by :func:`_first_articles`.
_WALKS = 200


def _count_shared(conn: Connection, pid: str, offices: dict[str, dict[str, Any]]) -> None:
    """The articles of each office written several ways, each article once (an article may give two
    writings of one office): one count per office over its writings' entries in ``ix_person_mentions_titles``,
    up to :data:`~hoptac.store.event_pages.TOTAL_CAP` (``capped`` past it: the figure is a lower bound; an
    office written one way is counted exactly by the grouping that found it)."""
    from .event_pages import capped_count

    m = t.person_mentions.c
    for e in offices.values():
        q = sa.select(m.article_id).where(m.person_id == pid, *_writing_of(e)).distinct()
        e["n_articles"], e["capped"] = capped_count(conn, q)


def _writing_of(e: dict[str, Any]) -> list[sa.ColumnElement[bool]]:
    """The mentions of one office: one of its titles' writings, else (an office known by its
    organization only) no title and one of its organization's writings."""
    m = t.person_mentions.c
    if e["writings"]:
        return [m.title.in_(sorted(e["writings"]))]
    return [m.title.is_(None), m.organization.in_(sorted(e["orgs"]))]


def _articles(conn: Connection, pid: str, limit: int | None, offset: int) -> tuple[list[dict[str, Any]], int]:
    """A page of the articles naming the person, by date (one row per article), and their number.

    The page is chosen in ``ix_person_mentions_person_order`` alone (an article's mentions share
    its date, so grouping by date and article is grouping by article): the dated ones in the
    index's order, so the walk stops at the page, then the undated; only the page's rows are joined
    to articles. The number is the one the writers keep (``person_tallies``, store/tallies.py).
    """
    m = t.person_mentions.c
    order = (m.date_sort.asc().nulls_last(), m.article_id)
    total = conn.execute(sa.select(t.person_tallies.c.articles).where(t.person_tallies.c.person_id == pid)).scalar()
    if total is None:  # no tally (kept for every person since migration 0021): counted
        total = conn.execute(sa.select(sa.func.count(sa.distinct(m.article_id))).where(m.person_id == pid)).scalar()
    rows = conn.execute(sa.select(m.article_id, m.name, m.title, t.articles.c.title.label("article_title"),
                                  t.articles.c.published).join(t.articles, t.articles.c.id == m.article_id)
                        .where(m.id.in_(_article_page(conn, pid, limit, offset))).order_by(*order))
    return [{"id": r.article_id, "title": r.article_title, "published": r.published, "name": r.name,
             "title_then": r.title} for r in rows], total or 0


def _article_page(conn: Connection, pid: str, limit: int | None, offset: int) -> list[int]:
    """One mention id per article of the page: dated articles by date, then undated ones."""
    m = t.person_mentions.c

    def grouped(dated: bool) -> sa.Select[Any]:
        return (sa.select(sa.func.min(m.id)).where(m.person_id == pid, m.date_sort.is_not(None) if dated
                                                    else m.date_sort.is_(None))
                .group_by(m.date_sort, m.article_id).order_by(m.date_sort, m.article_id))

    page = list(conn.execute(grouped(True).limit(limit).offset(offset)).scalars())
    if limit is not None and len(page) >= limit:
        return page
    if page or not offset:
        n_dated = offset + len(page)
    else:  # the page starts past the dated ones: how many there are
        n_dated = conn.execute(sa.select(sa.func.count(sa.distinct(m.article_id)))
                               .where(m.person_id == pid, m.date_sort.is_not(None))).scalar() or 0
    rest = None if limit is None else limit - len(page)
    return page + list(conn.execute(grouped(False).limit(rest).offset(max(0, offset - n_dated))).scalars())


def _statements(conn: Connection, pid: str, limit: int | None, offset: int) -> tuple[list[dict[str, Any]], int]:
    """A page of the person's statements by date, undated last (chosen in ``ix_statements_person_order``,
    the dated in its order so the walk stops at the page, before joining articles), and their number as
    the writers keep it (``person_tallies``)."""
    s = t.statements.c
    order = (s.date_sort.asc().nulls_last(), s.article_id, s.idx)
    mine = sa.select(s.id).where(s.person_id == pid)
    page = list(conn.execute(mine.where(s.date_sort.is_not(None)).order_by(s.date_sort, s.article_id, s.idx)
                             .limit(limit).offset(offset)).scalars())
    if limit is None or len(page) < limit:
        n_dated = offset + len(page) if page or not offset else conn.execute(
            sa.select(sa.func.count()).select_from(t.statements).where(s.person_id == pid, s.date_sort.is_not(None))).scalar() or 0
        page += conn.execute(mine.where(s.date_sort.is_(None)).order_by(s.article_id, s.idx)
                             .limit(None if limit is None else limit - len(page)).offset(max(0, offset - n_dated))).scalars()
    total = conn.execute(sa.select(t.person_tallies.c.statements).where(t.person_tallies.c.person_id == pid)).scalar()
    if total is None:  # no tally: counted
        total = conn.execute(sa.select(sa.func.count()).select_from(t.statements).where(s.person_id == pid)).scalar()
    rows = conn.execute(sa.select(t.statements, t.articles.c.title).join(t.articles, t.articles.c.id == s.article_id)
                        .where(s.id.in_(page)).order_by(*order)) if page else []
    return [statement_dict(r) for r in rows], total or 0


def _events(conn: Connection, pid: str, limit: int | None, offset: int) -> tuple[list[dict[str, Any]], int, bool]:
    """A page of the events the person took part in, by date, their number (counted up to
    :data:`~hoptac.store.event_pages.TOTAL_CAP`) and whether it stopped there: the page is walked in
    ``ix_event_participants_person_date`` (:mod:`hoptac.store.event_pages`); only its events are read."""
    from .event_pages import events_of

    return events_of(conn, [pid], limit, offset)


def get_person(conn: Connection, ident: str, *, limit: int | None = None, offset: int = 0,
               offsets: dict[str, int] | None = None) -> dict[str, Any] | None:
    """One person: names, side, titles over time, and their articles, events and statements by date.

    With ``limit``, ``articles``, ``events`` and ``statements`` are each one page (``offset``
    skips into each, ``offsets`` into one of them); ``totals`` counts them all. Titles over time always cover every article.
    """
    pid = resolve_person(conn, ident)
    if pid is None:
        return None
    p = conn.execute(sa.select(t.people).where(t.people.c.id == pid)).one()
    aliases = sorted(set(conn.execute(sa.select(t.person_aliases.c.alias)
                                      .where(t.person_aliases.c.person_id == pid)).scalars()) - {p.name})
    at = offsets or {}  # a section's own offset (``articles``, ``events``, ``statements``), else ``offset``
    articles, n_articles = _articles(conn, pid, limit, at.get("articles", offset))
    events, n_events, events_capped = _events(conn, pid, limit, at.get("events", offset))
    statements, n_statements = _statements(conn, pid, limit, at.get("statements", offset))
    titles = _titles(conn, pid, p.side)
    latest = _latest_titles(conn, [pid]).get(pid)  # kept by the writers, not a second read of every mention
    return {"id": p.id, "name": p.name, "aliases": aliases, "side": p.side, "office": p.office,
            "title": latest, "titles": titles, "articles": articles, "events": events, "statements": statements,
            "totals": {"articles": n_articles, "events": n_events, "statements": n_statements},
            "totals_capped": ["events"] if events_capped else []}
