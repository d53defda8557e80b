"""The stats' counts kept at write time: totals, per-month series, topics and claims per act.

The stats (``/api/stats`` and the dashboard's home page) counted every article, event,
statement and topic of the store on each recount, and the distinct claims overall, per month
and per act grouped every statement (2.5 s at 100,000 articles, growing with the store).
Migration 0022 keeps them in two tables:

- ``stat_counts`` (``name``, ``k1``, ``k2``, ``n``): one running count per figure, e.g.
  ``("articles", "", "")``, ``("articles_month", "2019-03", "")``,
  ``("topics_month", "2019-03", "energy")``, ``("claims_act", "commit", "")`` (see :data:`NAMES`);
- ``claim_parts`` (``claim``, ``name``, ``k1``, ``n``): per claim (a statement's ``claim_key``,
  else its id), how many of its statements fall in each counted part (the claim itself, a month,
  an act); a part's row exists while ``n`` > 0, and its appearing or going adds or takes one from
  the distinct-claims count of that part. Events are counted the same way: per event, its sources
  that report it as news (``news_events``: the total of the unfiltered events listing and timeline).

**How they stay right.** Database triggers (SQLite and PostgreSQL) add a row's contribution
when it is inserted, take it away when it is deleted and do both when a counted column is
updated, whatever the write path (ingest, ``--refresh``, an editor's merge, rejection or undo,
claims re-keyed, a tiled copy). Each figure is a sum of its rows' contributions, so the kept
counts always equal a recount (:func:`rebuild`, which the migration and the tests use); no write
path has to know about them.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import schema as t

#: Every figure kept: name → what it counts.
NAMES = {
    "articles": "canonical articles", "duplicates": "near-duplicate articles",
    "undated_articles": "canonical articles without a date", "articles_month": "canonical articles per month",
    "people": "people", "organizations": "organizations", "events": "events",
    "occasions": "events that are no part of a visit", "events_month": "events per month",
    "statements": "statements", "statements_side": "statements per side (migration 0023)", "topics": "articles per topic", "topics_month": "articles per month and topic",
    "claims": "distinct claims", "claims_month": "distinct claims per month", "claims_act": "distinct claims per act",
    "news_events": "events some article reports as its news (not only in passing): the events listing's total",
}

_MONTH = "substr({r}.date_sort, 1, 7)"
_DATED = "length({r}.date_sort) >= 7"

#: table → the counted columns (an update of another column changes no count) and its
#: contributions (name, k1, k2, condition) on a row ``{r}``
_PLAIN: dict[str, tuple[tuple[str, ...], list[tuple[str, str, str, str]]]] = {
    "articles": (("duplicate_of", "date_sort"), [
        ("articles", "''", "''", "{r}.duplicate_of IS NULL"),
        ("duplicates", "''", "''", "{r}.duplicate_of IS NOT NULL"),
        ("undated_articles", "''", "''", "{r}.duplicate_of IS NULL AND {r}.date_sort IS NULL"),
        ("articles_month", _MONTH, "''", "{r}.duplicate_of IS NULL AND " + _DATED)]),
    "people": ((), [("people", "''", "''", "true")]),
    "organizations": ((), [("organizations", "''", "''", "true")]),
    "events": (("parent_id", "date_sort"), [
        ("events", "''", "''", "true"), ("occasions", "''", "''", "{r}.parent_id IS NULL"),
        ("events_month", _MONTH, "''", _DATED)]),
    "statements": (("side",), [("statements", "''", "''", "true"),
                               ("statements_side", "coalesce({r}.side, '')", "''", "true")]),
    "article_topics": (("article_id", "topic"), [("topics", "{r}.topic", "''", "true")]),
}

#: the claim parts a statement ``{r}`` belongs to: (name, k1, condition)
_CLAIM_PARTS = [("claims", "''", "true"), ("claims_month", _MONTH, _DATED), ("claims_act", "{r}.act", "true")]
_CLAIM = "coalesce({r}.claim_key, {r}.id)"


def _add(name: str, k1: str, k2: str, sign: int, where: str, source: str = "") -> str:
    """Add ``sign`` to a figure (``name``, ``k1``, ``k2`` are SQL: one figure per row the SELECT yields)."""
    return (f"INSERT INTO stat_counts(name, k1, k2, n) SELECT {name}, {k1}, {k2}, {sign}{source} WHERE {where} "
            "ON CONFLICT(name, k1, k2) DO UPDATE SET n = stat_counts.n + excluded.n")


def _statements(table: str, r: str, sign: int) -> list[str]:
    """What inserting (``sign`` 1) or deleting (-1) row ``r`` of ``table`` does to the counts."""
    out = [_add(f"'{name}'", k1.format(r=r), k2.format(r=r), sign, cond.format(r=r))
           for name, k1, k2, cond in _PLAIN.get(table, ("", []))[1]]
    if table == "articles":  # its topics in its month
        out.append(_add("'topics_month'", _MONTH.format(r=r), "x.topic", sign,
                        f"x.article_id = {r}.id AND " + _DATED.format(r=r), " FROM article_topics x"))
    elif table == "article_topics":
        out.append(_add("'topics_month'", _MONTH.format(r="a"), f"{r}.topic", sign,
                        f"a.id = {r}.article_id AND " + _DATED.format(r="a"), " FROM articles a"))
    elif table == "statements":
        claim = _CLAIM.format(r=r)
        for name, k1, cond in _CLAIM_PARTS:
            k1, cond = k1.format(r=r), cond.format(r=r)
            if sign > 0:
                out.append(f"INSERT INTO claim_parts(claim, name, k1, n) SELECT {claim}, '{name}', {k1}, 1 WHERE {cond} "
                           "ON CONFLICT(claim, name, k1) DO UPDATE SET n = claim_parts.n + 1")
            else:
                match = f"claim = {claim} AND name = '{name}' AND k1 = {k1}"
                out.append(f"UPDATE claim_parts SET n = n - 1 WHERE {match} AND {cond}")
                out.append(f"DELETE FROM claim_parts WHERE {match} AND n <= 0")
    elif table == "event_sources":  # an event reported as news by one more or one fewer source
        where = f"NOT coalesce({r}.background, false)"
        if sign > 0:
            out.append(f"INSERT INTO claim_parts(claim, name, k1, n) SELECT {r}.event_id, 'news_events', '', 1 "
                       f"WHERE {where} ON CONFLICT(claim, name, k1) DO UPDATE SET n = claim_parts.n + 1")
        else:
            match = f"claim = {r}.event_id AND name = 'news_events' AND k1 = ''"
            out.append(f"UPDATE claim_parts SET n = n - 1 WHERE {match} AND {where}")
            out.append(f"DELETE FROM claim_parts WHERE {match} AND n <= 0")
    elif table == "claim_parts":  # a part appearing or going is one distinct claim more or less
        out.append(_add(f"{r}.name", f"{r}.k1", "''", sign, "true"))
    return out


_TABLES = (*_PLAIN, "event_sources", "claim_parts")
#: the columns whose update changes a count (an update of another column fires no trigger)
_UPDATED = {**{k: v[0] for k, v in _PLAIN.items()}, "statements": ("id", "claim_key", "date_sort", "act", "side"),
            "event_sources": ("event_id", "background")}


def trigger_sql(dialect: str) -> list[str]:
    """The statements creating the triggers on ``dialect`` (sqlite or postgresql)."""
    out = []
    for table in _TABLES:
        cols = _UPDATED.get(table, ())
        ops = [("insert", "INSERT", ["NEW"]), ("delete", "DELETE", ["OLD"])]
        if cols:
            ops.append(("update", "UPDATE OF " + ", ".join(cols), ["NEW", "OLD"]))
        for op, event, rows in ops:
            body = [s for r in rows for s in _statements(table, r, 1 if r == "NEW" else -1)]
            name = f"stat_{table}_{op}"
            if dialect == "sqlite":
                out.append(f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW BEGIN "
                           + " ".join(s + ";" for s in body) + " END")
            else:
                out.append(f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$\nBEGIN\n  "
                           + "\n  ".join(s + ";" for s in body) + "\n  RETURN NULL;\nEND $$ LANGUAGE plpgsql")
                out.append(f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()")
    return out


def drop_trigger_sql(dialect: str) -> list[str]:
    """The statements dropping them."""
    out = []
    for table in _TABLES:
        for op in ("insert", "delete", "update"):
            name = f"stat_{table}_{op}"
            if dialect == "sqlite":
                out.append(f"DROP TRIGGER IF EXISTS {name}")
            else:
                out += [f"DROP TRIGGER IF EXISTS {name} ON {table}", f"DROP FUNCTION IF EXISTS {name}()"]
    return out


# recount and read ---------------------------------------------------------------------------

def _month(col: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
    """The month of a date (its bounds inline: PostgreSQL groups by an expression only if its
    parameters are the selected one's)."""
    return sa.func.substr(col, sa.literal_column("1"), sa.literal_column("7"))


def _dated(col: sa.ColumnElement[Any]) -> sa.ColumnElement[bool]:
    return sa.func.length(col) >= sa.literal_column("7")


def _recount(conn: Connection) -> list[dict[str, Any]]:
    """Every figure but the claims, counted from the store's rows."""
    a, e, at = t.articles.c, t.events.c, t.article_topics.c
    canon = a.duplicate_of.is_(None)

    def total(name: str, table: sa.Table, *where: sa.ColumnElement[bool]) -> list[tuple[str, str, str, int]]:
        return [(name, "", "", conn.execute(sa.select(sa.func.count()).select_from(table).where(*where)).scalar() or 0)]

    def grouped(name: str, q: sa.Select[Any]) -> list[tuple[str, str, str, int]]:
        return [(name, k1, k2, n) for k1, k2, n in conn.execute(q)]

    m = _month(a.date_sort)
    rows = (total("articles", t.articles, canon) + total("duplicates", t.articles, a.duplicate_of.is_not(None))
            + total("undated_articles", t.articles, canon, a.date_sort.is_(None))
            + grouped("articles_month", sa.select(m, sa.literal(""), sa.func.count())
                      .where(canon, _dated(a.date_sort)).group_by(m))
            + total("people", t.people) + total("organizations", t.organizations) + total("events", t.events)
            + total("occasions", t.events, e.parent_id.is_(None))
            + grouped("events_month", sa.select(_month(e.date_sort), sa.literal(""), sa.func.count())
                      .where(_dated(e.date_sort)).group_by(_month(e.date_sort)))
            + total("statements", t.statements) + side_counts(conn)
            + grouped("topics", sa.select(at.topic, sa.literal(""), sa.func.count()).group_by(at.topic))
            + grouped("topics_month", sa.select(m, at.topic, sa.func.count()).join(t.articles, a.id == at.article_id)
                      .where(_dated(a.date_sort)).group_by(m, at.topic)))
    return [{"name": name, "k1": k1, "k2": k2, "n": n} for name, k1, k2, n in rows]


def side_counts(conn: Connection) -> list[tuple[str, str, str, int]]:
    """The statements of each side, counted (``statements_side``; no side: ``''``)."""
    side = sa.func.coalesce(t.statements.c.side, sa.literal_column("''"))
    return [("statements_side", k1, "", n) for k1, n in conn.execute(sa.select(side, sa.func.count()).group_by(side))]


def rebuild(conn: Connection) -> None:
    """Recount every figure and claim part from the store (the migration fills them so; the tests
    compare the kept ones with it)."""
    s, cp = t.statements.c, t.claim_parts.c
    conn.execute(t.claim_parts.delete())
    conn.execute(t.stat_counts.delete())
    claim = sa.func.coalesce(s.claim_key, s.id)
    for name, k1, where in (("claims", sa.literal(""), sa.true()), ("claims_month", _month(s.date_sort), _dated(s.date_sort)),
                            ("claims_act", s.act, sa.true())):
        conn.execute(t.claim_parts.insert().from_select(
            ["claim", "name", "k1", "n"],
            sa.select(claim, sa.literal(name), k1, sa.func.count()).where(where).group_by(claim, k1)))
    es = t.event_sources.c
    conn.execute(t.claim_parts.insert().from_select(
        ["claim", "name", "k1", "n"],
        sa.select(es.event_id, sa.literal("news_events"), sa.literal(""), sa.func.count())
        .where(sa.not_(sa.func.coalesce(es.background, sa.false()))).group_by(es.event_id)))
    conn.execute(t.stat_counts.delete())  # what the parts' triggers added: counted again below
    rows = _recount(conn) + [{"name": name, "k1": k1, "k2": "", "n": n} for name, k1, n in conn.execute(
        sa.select(cp.name, cp.k1, sa.func.count()).group_by(cp.name, cp.k1))]
    if rows:
        conn.execute(t.stat_counts.insert(), rows)


def snapshot(conn: Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every kept row but those at zero, sorted (what the tests compare after writes and after :func:`rebuild`)."""
    sc, cp = t.stat_counts.c, t.claim_parts.c
    return {"stat_counts": sorted(tuple(r) for r in conn.execute(sa.select(t.stat_counts).where(sc.n != 0))),
            "claim_parts": sorted(tuple(r) for r in conn.execute(sa.select(t.claim_parts).where(cp.n != 0)))}


def figures(conn: Connection) -> dict[str, dict[tuple[str, str], int]]:
    """The kept figures: name → {(k1, k2): n}, without those at zero (a month emptied by a deletion)."""
    sc = t.stat_counts.c
    out: dict[str, dict[tuple[str, str], int]] = {name: {} for name in NAMES}
    for name, k1, k2, n in conn.execute(sa.select(sc.name, sc.k1, sc.k2, sc.n).where(sc.n != 0)):
        out.setdefault(name, {})[(k1, k2)] = n
    return out


def kept(conn: Connection, name: str) -> int:
    """One kept total (a figure without keys, e.g. ``news_events``)."""
    sc = t.stat_counts.c
    return conn.execute(sa.select(sc.n).where(sc.name == name, sc.k1 == "", sc.k2 == "")).scalar() or 0
