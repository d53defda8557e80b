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
from .queries import Filters, _page, statement_dict, statement_query

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
    q = statement_query(conn, v.filters)
    if v.act:
        q = q.where(s.act == v.act)
    if v.actor:
        if conn.execute(sa.select(t.people.c.id).where(t.people.c.id == v.actor)).scalar():
            q = q.where(s.person_id == v.actor)
        else:
            q = q.where(s.actor.in_(_folded_ids(conn, s.actor, v.actor) or ["\x00"]))
    if v.outlet:
        q = q.where(a.outlet.in_(_folded_ids(conn, a.outlet, v.outlet) or ["\x00"]))
    name, desc = SORTS[v.sort]
    col = a.outlet if name == "outlet" else getattr(s, name)
    first = (col.desc() if desc else col.asc()).nulls_last()
    return q.order_by(None).order_by(first, s.date_sort.asc().nulls_last(), s.article_id, s.idx)


def browse_statements(conn: Connection, v: StatementView) -> dict[str, Any]:
    """A page of the view's statements (each with its article's title, date, outlet and URL) and the total."""
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
    """Every outlet the stored articles name, for a filter's choices."""
    a = t.articles.c
    return list(conn.execute(sa.select(a.outlet).distinct().where(a.outlet.is_not(None)).order_by(a.outlet)).scalars())
