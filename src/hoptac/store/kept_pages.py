"""Totals and deep pages of the unfiltered listings from the kept counts (store/stat_counts.py).

An unfiltered listing's total was a count of every canonical article (or statement) on each
store generation, and a page at offset k walked k index entries: both grow with the store (a
page at 70% of a million articles read 630,000 index entries, 1.3 s cold). The triggers of
migration 0022 keep the number of canonical articles, of undated ones and of dated ones per
month, so:

- the total is one kept row (:func:`kept_total`);
- a page of the dated articles at a deep offset starts in its month: the kept months (newest
  first) are summed until the offset falls in one, and only the rest of the offset is walked, from
  that month's end (:func:`month_skip`). That holds when every dated article is counted in a
  month (a date of at least ``YYYY-MM``); a store holding year-only dates walks the offset as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import schema as t
from .stat_counts import kept


def kept_total(conn: Connection, name: str, k1: str = "") -> int:
    """The kept count ``name`` (``articles``: canonical articles, ``statements``: every statement,
    ``statements_side`` with a side: that side's statements)."""
    if not k1:
        return kept(conn, name)
    sc = t.stat_counts.c
    return conn.execute(sa.select(sc.n).where(sc.name == name, sc.k1 == k1, sc.k2 == "")).scalar() or 0


def month_skip(conn: Connection, offset: int) -> tuple[str, int] | None:
    """Where the newest-first page of dated canonical articles at ``offset`` starts: (the upper bound
    of the month it falls in, the offset left inside the months up to that one); None when the
    kept months do not account for every dated article, or the offset lies past them."""
    sc = t.stat_counts.c
    months = conn.execute(sa.select(sc.k1, sc.n).where(sc.name == "articles_month", sc.n > 0)).all()
    dated = kept(conn, "articles") - kept(conn, "undated_articles")
    if sum(n for _, n in months) != dated:  # year-only dates: not in any month
        return None
    before = 0
    for month, n in sorted(months, reverse=True):
        if offset < before + n:
            return month + "\uffff", offset - before
        before += n
    return None
