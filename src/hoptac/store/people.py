"""People queries: the linked person across articles, with titles over time."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..link.text import fold
from . import schema as t
from .queries import ALL, Filters, _article_ids_for, _dates, _page, list_statements, resolve_person


def list_people(conn: Connection, f: Filters) -> dict[str, Any]:
    """People by number of articles naming them; ``person`` filters by name (diacritics folded)."""
    m = t.person_mentions.c
    n_art = sa.func.count(sa.distinct(m.article_id)).label("articles")
    n_st = (sa.select(sa.func.count()).select_from(t.statements).where(t.statements.c.person_id == t.people.c.id)
            .scalar_subquery().label("statements"))
    cond = _article_ids_for(conn, Filters(topic=f.topic, thread=f.thread))
    q = (sa.select(t.people, n_art, n_st).join(t.person_mentions, m.person_id == t.people.c.id)
         .join(t.articles, t.articles.c.id == m.article_id)
         .where(*_dates(m.date_sort, f), *cond).group_by(*t.people.c).order_by(n_art.desc(), t.people.c.name))
    if f.side:
        q = q.where(t.people.c.side == f.side)
    if f.person:
        key = fold(f.person.strip())
        ids = [pid for pid, alias in conn.execute(sa.select(t.person_aliases.c.person_id, t.person_aliases.c.alias))
               if key in fold(alias)]
        q = q.where(t.people.c.id.in_(ids))
    rows, total = _page(conn, q, f)
    return {"items": [{"id": r.id, "name": r.name, "side": r.side, "office": r.office, "articles": r.articles,
                       "statements": r.statements} for r in rows], "total": total}


def get_person(conn: Connection, ident: str) -> dict[str, Any] | None:
    """One person: names, side, titles over time, articles, events and statements by date."""
    pid = resolve_person(conn, ident)
    if pid is None:
        return None
    p = conn.execute(sa.select(t.people).where(t.people.c.id == pid)).one()
    aliases = sorted(set(conn.execute(sa.select(t.person_aliases.c.alias)
                                      .where(t.person_aliases.c.person_id == pid)).scalars()) - {p.name})
    m = t.person_mentions.c
    rows = conn.execute(sa.select(t.person_mentions, t.articles.c.title.label("article_title"),
                                  t.articles.c.published).join(t.articles, t.articles.c.id == m.article_id)
                        .where(m.person_id == pid).order_by(m.date_sort.asc().nulls_last(), m.article_id)).all()
    titles: dict[tuple[str | None, str | None], dict[str, Any]] = {}
    articles: dict[str, dict[str, Any]] = {}
    for r in rows:
        articles.setdefault(r.article_id, {"id": r.article_id, "title": r.article_title, "published": r.published,
                                           "name": r.name, "title_then": r.title})
        if not (r.title or r.organization):
            continue
        entry = titles.setdefault((r.title, r.organization), {"title": r.title, "organization": r.organization,
                                                              "first_seen": None, "last_seen": None,
                                                              "articles": []})
        entry["articles"].append(r.article_id)
        if r.date_sort:
            entry["first_seen"] = min(filter(None, [entry["first_seen"], r.date_sort]))
            entry["last_seen"] = max(filter(None, [entry["last_seen"], r.date_sort]))
    ev = conn.execute(sa.select(t.events).where(t.events.c.id.in_(
        sa.select(t.event_participants.c.event_id).where(t.event_participants.c.person_id == pid)))
        .order_by(t.events.c.date_sort.asc().nulls_last(), t.events.c.id)).all()
    from .events import event_dicts

    return {"id": p.id, "name": p.name, "aliases": aliases, "side": p.side, "office": p.office,
            "titles": sorted(titles.values(), key=lambda x: (x["first_seen"] is None, x["first_seen"] or "")),
            "articles": list(articles.values()), "events": event_dicts(conn, ev),
            "statements": list_statements(conn, Filters(person=pid, limit=ALL.limit))["items"]}
