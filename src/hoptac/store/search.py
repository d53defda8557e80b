"""Full-text search over articles and statements: FTS5 on SQLite, tsvector on PostgreSQL.

Both backends index two columns of ``search_docs``: ``lowered`` (case folded, tone marks
kept in their canonical place, so ``hoà`` finds ``hòa``) and ``folded`` (marks stripped
too, ``đ`` -> ``d``). ``fold=True`` searches the folded column, so ``ban dan`` finds ``bán dẫn``. A query of several words is first tried as a
phrase; when the phrase finds nothing, every word must appear (in any order). Only the
newest :data:`RANK_WINDOW` matches are ranked and only :data:`COUNT_CAP` are counted, so a
query over a million articles costs what it costs over a few thousand (see :func:`search`). Snippets
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
RANK_WINDOW = 1_000  # matches ranked per query: the newest ones (see search())
COUNT_CAP = 10_000  # matches counted per query; past it, total_exact is false
_TOKEN = re.compile(r"\w+")


def _terms(query: str, fold: bool) -> list[str]:
    q = nfc(query)
    return _TOKEN.findall(fold_text(q) if fold else exact_key(q))


def _fts_query(terms: list[str], phrase: bool) -> str:
    quoted = ['"' + w + '"' for w in terms]
    return '"' + " ".join(terms) + '"' if phrase else " AND ".join(quoted)


K1, B = 1.2, 0.75  # the usual bm25 constants (FTS5's defaults)


class _Matcher:
    """The documents matching one query, newest first, with a rank (lower is better).

    ``newest(n, skip)`` walks the index in document order from the newest: it stops after
    ``n`` rows, so its cost does not grow with the number of matches. On SQLite the rank is
    computed here rather than by FTS5's ``bm25()``, which counts every match of each term in
    the whole index on every query (its IDF): ~40 ms per common word at 400,000 articles, and
    growing. Within the window the score is bm25's term-frequency part: occurrences of the
    phrase (or of each word, summed), saturated and normalized by the document's length
    against the window's mean. For a phrase the IDF is one constant factor, so the order is
    bm25's; for several words it weighs them equally. PostgreSQL ranks each row by itself
    (``ts_rank``) and is unchanged.
    """

    def __init__(self, conn: Connection, terms: list[str], fold: bool, phrase: bool):
        self.conn = conn
        col = "folded" if fold else "lowered"
        self.sqlite = conn.dialect.name == "sqlite"
        if self.sqlite:
            self.ids = "SELECT rowid FROM search_fts WHERE search_fts MATCH :q"
            # occurrences of the phrase, or of each word, at a word start in the key text, counted
            # by SQLite itself (a substring count: one pass over the text per unit)
            units = ([" ".join(terms)] if phrase else []) + list(dict.fromkeys(terms))
            tf = ", ".join(f"(length(k) - length(replace(k, :u{i}, ''))) / {len(u) + 1}" for i, u in enumerate(units))
            self.sql = (f"SELECT doc_id, dl, {tf} FROM (SELECT f.rowid AS doc_id, length(d.{col}) AS dl, "
                        f"' ' || d.{col} AS k "
                        f"FROM search_fts AS f JOIN search_docs AS d ON d.id = f.rowid WHERE search_fts MATCH :q")
            self.order = " ORDER BY f.rowid DESC"
            self.phrase = phrase
            self.params: dict[str, Any] = {"q": f"{col} : ({_fts_query(terms, phrase)})",
                                           **{f"u{i}": " " + u for i, u in enumerate(units)}}
        else:
            fn = "phraseto_tsquery" if phrase else "plainto_tsquery"
            tsq = f"{fn}('simple', :q)"
            self.ids = f"SELECT id FROM search_docs WHERE tsv_{col} @@ {tsq}"
            self.sql = (f"SELECT id AS doc_id, -ts_rank(tsv_{col}, {tsq}) AS rank FROM search_docs "
                        f"WHERE tsv_{col} @@ {tsq}")
            self.order = " ORDER BY id DESC"
            self.params = {"q": " ".join(terms)}

    def newest(self, n: int, skip: int = 0) -> list[tuple[int, float]]:
        """(doc id, rank) of up to ``n`` matches, newest first, after skipping ``skip``."""
        if n <= 0:
            return []
        close = ") AS m" if self.sqlite else ""
        rows = self.conn.execute(sa.text(self.sql + self.order + " LIMIT :n OFFSET :skip" + close),
                                 {**self.params, "n": n, "skip": skip}).all()
        if not self.sqlite:
            return [(int(d), float(r)) for d, r in rows]
        avg = (sum(r[1] or 0 for r in rows) / len(rows) if rows else 0) or 1.0

        def part(tf: int, dl: int) -> float:
            return tf * (K1 + 1) / (tf + K1 * (1 - B + B * dl / avg)) if tf else 0.0

        out = []
        for r in rows:
            counts = list(r[2:])
            if self.phrase:  # the phrase itself, else (punctuation inside it) its rarest word
                counts = [counts[0] or min(counts[1:], default=0)]
            out.append((int(r[0]), -sum(part(tf, r[1] or 0) for tf in counts)))
        return out

    def count(self, cap: int) -> tuple[int, bool]:
        """(number of matches, exact?): counting stops after ``cap`` matches."""
        n = self.conn.execute(sa.text(f"SELECT count(*) FROM ({self.ids} LIMIT :n) AS m"),  # no ranking: cheap
                              {**self.params, "n": cap + 1}).scalar() or 0
        return min(n, cap), n <= cap


def _ranked_page(m: _Matcher, limit: int, offset: int, window: int) -> list[tuple[int, float]]:
    """One page of hits: the newest ``window`` matches by rank, then older matches newest first."""
    ranked = sorted(m.newest(window), key=lambda h: (h[1], h[0]))
    page = ranked[offset:offset + limit]
    if len(ranked) == window and offset + limit > window:
        start = max(offset, window)
        page += m.newest(offset + limit - start, skip=start)
    return page


def _hits(conn: Connection, page: list[tuple[int, float]]) -> list[Any]:
    """The search_docs rows (with their article's title and date) of a page, in page order."""
    if not page:
        return []
    q = (sa.select(t.search_docs, t.articles.c.title, t.articles.c.date_sort)
         .join(t.articles, t.articles.c.id == t.search_docs.c.article_id)
         .where(t.search_docs.c.id.in_([d for d, _ in page])))
    rows = {r.id: r for r in conn.execute(q)}
    return [(rows[d], rank) for d, rank in page if d in rows]


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


def search(conn: Connection, query: str, *, fold: bool = True, limit: int = 20, offset: int = 0,
           window: int = RANK_WINDOW, count_cap: int = COUNT_CAP) -> dict[str, Any]:
    """Ranked hits over articles and statements, with highlighted snippets.

    Steps: a query of several words is first tried as a phrase, then as all of its words;
    the newest ``window`` matches are ranked (bm25 on SQLite, ts_rank on PostgreSQL) and
    paged; pages past the window list older matches newest first; ``total`` counts matches
    up to ``count_cap`` (``total_exact`` says whether it stopped there). Ranking every match
    of a common word would cost time in proportion to the store; this does not.
    """
    terms = _terms(query, fold)
    if not terms:
        return {"query": query, "fold": fold, "mode": None, "items": [], "total": 0, "total_exact": True}
    mode = "phrase" if len(terms) > 1 else "words"
    m = _Matcher(conn, terms, fold, phrase=len(terms) > 1)
    total, exact = m.count(count_cap)
    if not total and len(terms) > 1:
        mode = "words"
        m = _Matcher(conn, terms, fold, phrase=False)
        total, exact = m.count(count_cap)
    items = []
    for r, rank in _hits(conn, _ranked_page(m, limit, offset, window) if total else []):
        items.append({"kind": r.kind, "id": r.ref_id, "article_id": r.article_id, "title": r.title,
                      "date": r.date_sort, "score": round(-rank, 4),
                      "snippet": snippet(r.body, terms, fold, phrase=mode == "phrase")})
    return {"query": query, "fold": fold, "mode": mode, "items": items, "total": total, "total_exact": exact}
