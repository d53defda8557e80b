"""Occasions that do not depend on the order articles are ingested in.

Linking a report compares it with the occasions stored before it, whose dates and people grew
with the reports that joined them first, so the same articles ingested forward and backward could
group their reports differently. The store keeps one canonical order instead: article ids (hashes
of the text, whatever file or URL it came from). When an article's reports join, start or are
weighed against occasions that hold reports of articles later in that order, its reports and those
later reports are taken out (:func:`hoptac.store.refresh.drop_reports`) and linked again, in that
order (:func:`relink_later`): the occasions then hold what they would have held had the
articles come in id order. The rules of identity (:mod:`hoptac.link.events`) and the never-merge
cases are unchanged: only the order they are applied in is fixed. Event ids are kept through the
rebuild as for ``ingest --refresh`` (:mod:`hoptac.store.event_ids`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..model import Article
from . import schema as t
from .refresh import drop_reports

#: links some of a stored article's events again: (article, id, duplicate of, indexes) -> the occasions weighed
Relinker = Callable[[Article, str, "str | None", "set[int]"], set[str]]

#: at most this many rounds of reports placed again for one new article (each round adds the later
#: reports the previous one reached; a round that reaches none ends it)
MAX_ROUNDS = 2


def later_reports(conn: Connection, aid: str, occasions: Iterable[str]) -> dict[str, set[int]]:
    """The reports (article -> event indexes) of articles after ``aid`` in id order held by these occasions."""
    ids = sorted(set(occasions))
    es = t.event_sources.c
    out: dict[str, set[int]] = {}
    for i in range(0, len(ids), 500):
        for a, idx in conn.execute(sa.select(es.article_id, es.idx).where(es.event_id.in_(ids[i:i + 500]),
                                                                           es.article_id > aid)):
            out.setdefault(a, set()).add(idx)
    return out


def relink_later(conn: Connection, aid: str, occasions: set[str], relink: Relinker) -> int:
    """Place again, in id order, the new article ``aid``'s reports and the reports of later articles
    held by the occasions it weighed.

    All of them leave their occasions first (so no later report shapes an occasion an earlier one
    is compared with), then each article's are linked again by ``relink``, in id order. The
    occasions these weigh may hold other later reports: the group grows by them and is placed
    again, up to :data:`MAX_ROUNDS` rounds. Returns how many reports were linked again."""
    es = t.event_sources.c
    group: dict[str, set[int]] = {}
    n = 0
    reach = occasions
    for _ in range(MAX_ROUNDS):
        found = later_reports(conn, aid, reach)
        if all(idxs <= group.get(a, set()) for a, idxs in found.items()):
            break
        if not group:  # the new article's own reports are placed again with them, first
            group[aid] = set(conn.execute(sa.select(es.idx).where(es.article_id == aid)).scalars())
        for a, idxs in found.items():
            group.setdefault(a, set()).update(idxs)
        for a in sorted(group):
            drop_reports(conn, a, group[a])
        rows = {r.id: r for r in conn.execute(sa.select(t.articles.c.id, t.articles.c.data, t.articles.c.duplicate_of)
                                              .where(t.articles.c.id.in_(sorted(group))))}
        reach = set()
        # near-duplicates last: their reports only join their original's occasions, placed again first
        for a in sorted(group, key=lambda a: (rows[a].duplicate_of is not None, a) if a in rows else (True, a)):
            if a not in rows or not rows[a].data:
                continue
            reach |= relink(Article.from_dict(rows[a].data), a, rows[a].duplicate_of, group[a])
            n += len(group[a])
    return n


__all__ = ["MAX_ROUNDS", "later_reports", "relink_later"]
