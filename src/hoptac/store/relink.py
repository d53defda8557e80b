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

import logging
from collections.abc import Callable, Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..model import Article
from . import schema as t
from .refresh import drop_reports

log = logging.getLogger(__name__)

#: links some of a stored article's events again: (article, id, duplicate of, indexes) -> the occasions weighed
Relinker = Callable[[Article, str, "str | None", "set[int]"], set[str]]

#: at most this many rounds of reports placed again for one write (each round adds the later
#: reports the previous one reached; a round that reaches none ends it)
MAX_ROUNDS = 2
#: an occasion holding more reports later in id order than the new one is not placed again: the new
#: report joins it in arrival order (one report more rarely reshapes an occasion that many tell)
MAX_PER_OCCASION = 24
#: at most this many stored reports are placed again per write (a batch): the cost of a write is
#: bounded whatever the size of the archive and of its occasions
MAX_PER_WRITE = 120


def later_reports(conn: Connection, aid: str, occasions: Iterable[str],
                  per_occasion: int | None = None) -> dict[str, set[int]]:
    """The reports (article -> event indexes) of articles after ``aid`` in id order held by these
    occasions; with ``per_occasion``, an occasion holding more of them than that gives none."""
    ids = sorted(set(occasions))
    es = t.event_sources.c
    by_occasion: dict[str, list[tuple[str, int]]] = {}
    for i in range(0, len(ids), 500):
        for eid, a, idx in conn.execute(sa.select(es.event_id, es.article_id, es.idx)
                                        .where(es.event_id.in_(ids[i:i + 500]), es.article_id > aid)):
            by_occasion.setdefault(eid, []).append((a, idx))
    out: dict[str, set[int]] = {}
    for eid, reps in by_occasion.items():
        if per_occasion is not None and len(reps) > per_occasion:
            log.debug("left in arrival order: %s holds %d reports later than %s", eid, len(reps), aid)
            continue
        for a, idx in reps:
            out.setdefault(a, set()).add(idx)
    return out


def _size(group: dict[str, set[int]]) -> int:
    return sum(len(v) for v in group.values())


def relink_later(conn: Connection, aid: str, occasions: set[str], relink: Relinker) -> int:
    """Place again, in id order, the new article ``aid``'s reports and the reports of later articles
    held by the occasions it weighed (one article written on its own: an editor's rebuild)."""
    return relink_batch(conn, [(aid, occasions)], relink)


def relink_batch(conn: Connection, written: list[tuple[str, set[str]]], relink: Relinker) -> int:
    """Once per write: place again, in id order, the reports of the articles just written
    (``written``, in the order they were written, each with the occasions its reports weighed) that
    met reports of articles later in id order written before them, with those later reports.

    An article whose occasions hold no such report is left (nothing can change). Occasions holding more than :data:`MAX_PER_OCCASION` later reports are
    left, and the group stops growing at :data:`MAX_PER_WRITE` reports. All of the group leave their
    occasions first (so no later report shapes an occasion an earlier one is compared with), then
    each article's are linked again by ``relink``, in id order. The occasions these weigh may hold
    other later reports: the group grows by them and is placed again, up to :data:`MAX_ROUNDS`
    rounds. Returns how many reports were linked again."""
    es = t.event_sources.c
    when = {a: i for i, (a, _) in enumerate(written)}  # the order they were written in
    group: dict[str, set[int]] = {}
    for aid, occasions in sorted(written):
        if not occasions:
            continue
        found = later_reports(conn, aid, occasions, MAX_PER_OCCASION)
        if all(when.get(a, -1) > when[aid] for a in found):
            continue  # only reports written after it already: nothing can change
        own = set(conn.execute(sa.select(es.idx).where(es.article_id == aid)).scalars())
        more = {a: idxs - group.get(a, set()) for a, idxs in {aid: own, **found}.items()}
        if _size(group) + _size(more) > MAX_PER_WRITE:
            log.debug("left in arrival order: %s (%d reports more than the write's cap)", aid, _size(more))
            continue
        for a, idxs in more.items():
            group.setdefault(a, set()).update(idxs)
    n = 0
    first = min(group, default="")
    for rnd in range(MAX_ROUNDS):
        if not group:
            break
        for a in sorted(group):
            drop_reports(conn, a, group[a])
        rows = {r.id: r for r in conn.execute(sa.select(t.articles.c.id, t.articles.c.data, t.articles.c.duplicate_of)
                                              .where(t.articles.c.id.in_(sorted(group))))}
        reach: set[str] = set()
        # near-duplicates last: their reports only join their original's occasions, placed again first
        for a in sorted(group, key=lambda a: (rows[a].duplicate_of is not None, a) if a in rows else (True, a)):
            if a not in rows or not rows[a].data:
                continue
            reach |= relink(Article.from_dict(rows[a].data), a, rows[a].duplicate_of, group[a])
            n += len(group[a])
        log.debug("placed again: %d reports of %d articles", n, len(group))
        found = later_reports(conn, first, reach, MAX_PER_OCCASION)
        grown = {a: idxs - group.get(a, set()) for a, idxs in found.items()}
        if not _size(grown):
            break
        if _size(group) + _size(grown) > MAX_PER_WRITE:
            log.debug("round %d not placed again: %d reports more than the write's cap", rnd + 2, _size(grown))
            break
        for a, idxs in grown.items():
            group.setdefault(a, set()).update(idxs)
    return n


__all__ = ["MAX_PER_OCCASION", "MAX_PER_WRITE", "MAX_ROUNDS", "later_reports", "relink_batch", "relink_later"]
