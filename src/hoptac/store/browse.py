"""The statements browser: every statement, filtered by side, act, actor, topic, thread, outlet and
dates, sorted and paged, each row carrying what is needed to cite it.

:class:`StatementView` is the whole state of one view (what the dashboard keeps in its URL and
the API takes as parameters); :func:`browse_statements` answers it. Unknown acts, topics,
threads and sort keys are refused with :class:`ValueError` rather than answered with nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..link.text import fold
from . import schema as t
from .queries import STATEMENT_ROW, Filters, _page, statement_conds, statement_dict, statement_page
from .summary import cached, query_key

ACTS = ("request", "propose", "commit", "agree", "welcome", "inform")
#: sort key -> (column name, descending); the default is the date, oldest first
SORTS = {"date": ("date_sort", False), "-date": ("date_sort", True), "actor": ("actor", False),
         "-actor": ("actor", True), "act": ("act", False), "-act": ("act", True),
         "outlet": ("outlet", False), "-outlet": ("outlet", True)}


@dataclass(frozen=True, kw_only=True)
class StatementView:
    """One view of the statements: the shared filters plus act, actor, outlet and the sort."""

    filters: Filters = field(default_factory=Filters)
    act: str | None = None
    #: a person id, or words that the actor's name contains (tone marks optional)
    actor: str | None = None
    #: words the outlet's name contains (tone marks optional)
    outlet: str | None = None
    sort: str = "date"

    def __post_init__(self) -> None:
        if self.act is not None and self.act not in ACTS:
            raise ValueError(f"act must be one of {', '.join(ACTS)}, not {self.act!r}")
        if self.sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {self.sort!r}")

    def params(self) -> dict[str, str]:
        """The view as query parameters (empty ones left out): the URL that saves it."""
        f = self.filters
        raw = {"since": f.since, "until": f.until, "side": f.side, "act": self.act, "actor": self.actor,
               "topic": f.topic, "thread": f.thread, "outlet": self.outlet, "person": f.person,
               "sort": None if self.sort == "date" else self.sort}
        return {k: str(v) for k, v in raw.items() if v}


def check_vocab(settings: Any, topic: str | None, thread: str | None) -> None:
    """Refuse a topic or thread the taxonomy does not know (an empty answer would hide the typo)."""
    from ..extract.topics import load_taxonomy

    tax = load_taxonomy(settings)
    if topic is not None and topic not in tax.topics:
        raise ValueError(f"unknown topic {topic!r}; one of {', '.join(sorted(tax.topics))}")
    if thread is not None and thread not in tax.threads:
        raise ValueError(f"unknown thread {thread!r}; one of {', '.join(sorted(tax.threads))}")


def _folded_ids(conn: Connection, col: sa.ColumnElement[Any], words: str) -> list[str]:
    """The distinct values of ``col`` whose folded form contains the folded ``words``."""
    want = fold(words.strip())
    return [v for v in conn.execute(sa.select(col).distinct().where(col.is_not(None))).scalars()
            if want in fold(v)]


def view_query(conn: Connection, v: StatementView) -> sa.Select[Any]:
    """The statements of a view, sorted; ties go by date, article and position, so pages are stable."""
    s, a = t.statements.c, t.articles.c
    q = sa.select(*STATEMENT_ROW).join(t.articles, a.id == s.article_id).where(*view_conds(conn, v))
    name, desc = SORTS[v.sort]
    col = a.outlet if name == "outlet" else getattr(s, name)
    first = (col.desc() if desc else col.asc()).nulls_last()
    return q.order_by(first, s.date_sort.asc().nulls_last(), s.article_id, s.idx)


def view_conds(conn: Connection, v: StatementView) -> list[sa.ColumnElement[bool]]:
    """The view's conditions: the shared filters', act, actor and outlet (on the article)."""
    s, a = t.statements.c, t.articles.c
    cond = statement_conds(conn, v.filters)
    if v.act:
        cond.append(s.act == v.act)
    if v.actor:
        if conn.execute(sa.select(t.people.c.id).where(t.people.c.id == v.actor)).scalar():
            cond.append(s.person_id == v.actor)
        else:
            cond.append(s.actor.in_(_folded_ids(conn, s.actor, v.actor) or ["\x00"]))
    if v.outlet:
        cond.append(a.outlet.in_(_folded_ids(conn, a.outlet, v.outlet) or ["\x00"]))
    return cond


def browse_statements(conn: Connection, v: StatementView) -> dict[str, Any]:
    """A page of the view's statements (each with its article's title, date, outlet and URL) and the total.

    Sorted by date (either way), the page is chosen in the date order's index
    (:func:`hoptac.store.queries.statement_page`); another sort reads the view in that order.
    """
    if v.sort in ("date", "-date"):
        rows, total = statement_page(conn, view_conds(conn, v), v.filters, desc=v.sort == "-date",
                                     join_articles=bool(v.outlet))
    else:
        rows, total = _page(conn, view_query(conn, v), v.filters)
    return {"items": [statement_dict(r) for r in rows], "total": total}


def get_statement(conn: Connection, sid: str) -> dict[str, Any] | None:
    """One statement by its id, with its article's title, date, outlet and URL."""
    s = t.statements.c
    row = conn.execute(sa.select(t.statements, t.articles.c.title, t.articles.c.published, t.articles.c.outlet,
                                 t.articles.c.url, t.articles.c.source)
                       .join(t.articles, t.articles.c.id == s.article_id).where(s.id == sid)).first()
    if row is None:
        return None
    out = statement_dict(row)
    out["source"] = row.source
    return out


def outlets(conn: Connection) -> list[str]:
    """Every outlet the stored articles name, for a filter's choices (``ix_articles_outlet``; kept
    per store generation)."""
    a = t.articles.c
    q = sa.select(a.outlet).distinct().where(a.outlet.is_not(None)).order_by(a.outlet)
    return list(cached(conn, query_key("outlets", q), lambda c: list(c.execute(q).scalars())))
