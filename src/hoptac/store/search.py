"""Full-text search over articles and statements: FTS5 on SQLite, tsvector on PostgreSQL.

Both backends index two columns of ``search_docs``: ``lowered`` (case folded, tone marks
kept in their canonical place, so ``hoà`` finds ``hòa``) and ``folded`` (marks stripped too, ``đ`` -> ``d``). ``fold=True`` searches the folded
column, so ``ban dan`` finds ``bán dẫn``. A query of several words is first tried as a
phrase; when the phrase finds nothing, every word must appear (in any order). Snippets
are cut from the original text around the first hit, with hits wrapped in ``<mark>``;
only those markers are HTML: the caller escapes the rest.
"""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..link.text import exact_key, nfc
from ..link.text import fold as fold_text
from . import schema as t

SNIPPET = 160
_TOKEN = re.compile(r"\w+")


def _terms(query: str, fold: bool) -> list[str]:
    q = nfc(query)
    return _TOKEN.findall(fold_text(q) if fold else exact_key(q))


def _fts_query(terms: list[str], phrase: bool) -> str:
    quoted = ['"' + w + '"' for w in terms]
    return '"' + " ".join(terms) + '"' if phrase else " AND ".join(quoted)


def _matches(conn: Connection, terms: list[str], fold: bool, phrase: bool) -> sa.Select[Any]:
    col = "folded" if fold else "lowered"
    if conn.dialect.name == "sqlite":
        fts = sa.text("SELECT rowid AS doc_id, bm25(search_fts) AS rank FROM search_fts "
                      "WHERE search_fts MATCH :q").bindparams(q=f"{col} : ({_fts_query(terms, phrase)})")
        sub = fts.columns(sa.column("doc_id", sa.Integer), sa.column("rank", sa.Float)).subquery()
        order = sub.c.rank.asc()
    else:
        fn = "phraseto_tsquery" if phrase else "plainto_tsquery"
        tsq = getattr(sa.func, fn)(sa.literal_column("'simple'"), " ".join(terms))
        tsv = sa.literal_column(f"search_docs.tsv_{col}")
        rank = sa.func.ts_rank(tsv, tsq)
        sub = (sa.select(t.search_docs.c.id.label("doc_id"), (-rank).label("rank"))
               .where(tsv.op("@@")(tsq)).subquery())
        order = sub.c.rank.asc()
    return (sa.select(t.search_docs, sub.c.rank, t.articles.c.title, t.articles.c.date_sort,
                      t.articles.c.published)
            .join(sub, sub.c.doc_id == t.search_docs.c.id)
            .join(t.articles, t.articles.c.id == t.search_docs.c.article_id)
            .order_by(order, t.search_docs.c.id))


def snippet(body: str, terms: list[str], fold: bool, width: int = SNIPPET, *, phrase: bool = False) -> str:
    """A window of ``body`` around the first hit, every hit (of the phrase, or of each term) in ``<mark>``."""
    key = fold_text(body) if fold else exact_key(body)
    pats = [r"\W+".join(map(re.escape, terms))] if phrase else [re.escape(w) for w in terms]
    spans: list[tuple[int, int]] = []
    for pat in pats:
        spans += [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){pat}(?!\w)", key)]
    spans.sort()
    if not spans:
        return body[:width] + ("…" if len(body) > width else "")
    start = max(0, spans[0][0] - width // 3)
    if start:
        sp = body.find(" ", start)
        start = sp + 1 if 0 <= sp < spans[0][0] else start
    end = min(len(body), start + width)
    if end < len(body):
        sp = body.rfind(" ", start, end)
        end = sp if sp > spans[0][1] else end
    out, pos = [], start
    for a, b in spans:
        if a < pos or b > end:
            continue
        out += [body[pos:a], "<mark>", body[a:b], "</mark>"]
        pos = b
    out.append(body[pos:end])
    return ("…" if start else "") + "".join(out) + ("…" if end < len(body) else "")


def search(conn: Connection, query: str, *, fold: bool = True, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Ranked hits over articles and statements, with highlighted snippets."""
    terms = _terms(query, fold)
    if not terms:
        return {"query": query, "items": [], "total": 0, "mode": None}
    mode = "phrase" if len(terms) > 1 else "words"
    q = _matches(conn, terms, fold, phrase=len(terms) > 1)
    total = conn.execute(sa.select(sa.func.count()).select_from(q.order_by(None).subquery())).scalar() or 0
    if not total and len(terms) > 1:
        mode = "words"
        q = _matches(conn, terms, fold, phrase=False)
        total = conn.execute(sa.select(sa.func.count()).select_from(q.order_by(None).subquery())).scalar() or 0
    items = []
    for r in conn.execute(q.limit(limit).offset(offset)):
        items.append({"kind": r.kind, "id": r.ref_id, "article_id": r.article_id, "title": r.title,
                      "date": r.date_sort, "score": round(-float(r.rank), 4),
                      "snippet": snippet(r.body, terms, fold, phrase=mode == "phrase")})
    return {"query": query, "fold": fold, "mode": mode, "items": items, "total": total}
