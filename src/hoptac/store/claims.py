"""One claim, many sources: a statement copied by several outlets is one claim, counted once.

This is the one mechanism for claims: ``statements.claim_key`` names each statement's claim
(the id of its claim's first stored statement), and everything that counts statements counts
claims through it — thread entries (``statement_threads.copy_of``), stats and charts.

Outlets reprint one statement with small edits (``phía Mỹ`` / ``phía Hoa Kỳ``, ``Bộ trưởng`` /
the minister's name, a clause cut shorter). Two statements are copies of one **claim** when
they come from different articles and have the same side and act, compatible actors (the
same person, or one of them only a side), the same numbers, compatible dates (equal, one a
prefix of the other, full days at most :data:`MAX_DAYS` apart, or one undated) and
near-identical text: word bigrams of the spelling-normalized text (:func:`hoptac.link.dedupe.spelling_key`)
with a Jaccard similarity of at least :data:`JACCARD` and a containment of at least
:data:`CONTAINMENT`, both at least :data:`MIN_WORDS` words long. A shorter statement
(``Việt Nam hoan nghênh``) says too little to be told apart from another like it: it is a claim
of its own.

Candidates are found through ``claim_keys``: a small MinHash of the bigrams, cut into
:data:`BANDS` bands, each band hashed with the side and the act; of the statements sharing a key,
the :data:`MAX_CANDIDATES` sharing most among the first :data:`MAX_KEY_ROWS` key rows are compared
(a boilerplate sentence recurs thousands of times). So a new statement costs a few index lookups and a bounded comparison whatever the store's size.

On a thread, a claim keeps one entry, the best dated (dated before undated, a full day
before a month or year, then the earliest): its other statements on the thread point at it
(``statement_threads.copy_of``) and stay listed as its sources. When a better-dated copy
arrives, it becomes the kept entry.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..link.dedupe import spelling_key
from ..link.events import full_date
from ..link.names import name_key
from ..link.text import words
from ..link.threads import order_fields
from . import schema as t

MIN_WORDS = 8
JACCARD = 0.5
CONTAINMENT = 0.7
MAX_DAYS = 7
BANDS, ROWS = 16, 2
MAX_CANDIDATES = 24  # the statements sharing most band keys that are compared (boilerplate recurs thousands of times)
MAX_KEY_ROWS = 16 * MAX_CANDIDATES  # key rows read to find them
_PRIME = (1 << 61) - 1
_RNG = np.random.default_rng(20_241_115)
_A = _RNG.integers(1, _PRIME, BANDS * ROWS, dtype=np.uint64)
_B = _RNG.integers(0, _PRIME, BANDS * ROWS, dtype=np.uint64)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
SIDE_CODES = ("VN", "US", "OTHER")


def bigrams(text: str) -> set[str]:
    """The word bigrams of the spelling-normalized text (``Hoa Kỳ`` = ``Mỹ``, no case, no marks)."""
    toks = words(spelling_key(text))
    return {" ".join(toks[i:i + 2]) for i in range(len(toks) - 1)}


def numbers(text: str) -> set[str]:
    """The numbers written in a text (two claims naming different figures or years differ)."""
    return set(_NUMBER.findall(text))


def keys(side: str | None, act: str, text: str) -> list[str]:
    """The band keys of a statement (none when it is too short to compare)."""
    grams = bigrams(text)
    if len(grams) + 1 < MIN_WORDS:
        return []
    h = np.array([int.from_bytes(hashlib.blake2b(g.encode(), digest_size=7).digest(), "big") for g in grams],
                 dtype=np.uint64)
    # (a*h + b) mod p on 64 bits: a wrapping multiply is a fine hash for banding
    sig = ((np.outer(_A, h) + _B[:, None]) % np.uint64(_PRIME)).min(axis=1)
    out = []
    for b in range(BANDS):
        band = ",".join(str(int(v)) for v in sig[b * ROWS:(b + 1) * ROWS])
        out.append(hashlib.sha1(f"{side}|{act}|{b}|{band}".encode()).hexdigest()[:32])
    return out


def similar(a: str, b: str) -> bool:
    """Near-identical texts (bigram Jaccard and containment), naming the same numbers."""
    ga, gb = bigrams(a), bigrams(b)
    if min(len(ga), len(gb)) + 1 < MIN_WORDS or numbers(a) != numbers(b):
        return False
    inter = len(ga & gb)
    return inter / len(ga | gb) >= JACCARD and inter / min(len(ga), len(gb)) >= CONTAINMENT


def dates_agree(a: str | None, b: str | None) -> bool:
    """Whether two statements' dates may be one saying (one undated, a prefix, or days apart)."""
    if not a or not b or a.startswith("--") or b.startswith("--"):
        return not (a and b) or a[-5:] == b[-5:]
    if a.startswith(b) or b.startswith(a):
        return True
    da, db = full_date(a), full_date(b)
    return da is not None and db is not None and abs((da - db).days) <= MAX_DAYS


def actors_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The same person, or names that agree, or one of them only a side (``Hai bên``, ``Mỹ``)."""
    if a["person_id"] and b["person_id"]:
        return bool(a["person_id"] == b["person_id"])
    if a["actor"] in SIDE_CODES or b["actor"] in SIDE_CODES:
        return True
    ka, kb = name_key(a["actor"] or "").split(), name_key(b["actor"] or "").split()
    return bool(ka and kb and ka[-1] == kb[-1])


def rank(entry_order: str) -> tuple[str, int, str]:
    """Which copy of a claim is kept: dated first, then the most precise date, then the earliest."""
    return entry_order[:1], -len(entry_order[2:12].strip()), entry_order


_SHARING = (sa.select(t.claim_keys.c.statement_id).where(t.claim_keys.c.key.in_(sa.bindparam("keys", expanding=True)))
            .limit(MAX_KEY_ROWS))
_CANDIDATES = (sa.select(t.statements.c.id, t.statements.c.article_id, t.statements.c.actor,
                         t.statements.c.person_id, t.statements.c.side, t.statements.c.act,
                         t.statements.c.text, t.statements.c.date_sort, t.statements.c.claim_key)
               .where(t.statements.c.id.in_(sa.bindparam("ids", expanding=True))))
_SET_CLAIM = (t.statements.update().where(t.statements.c.id == sa.bindparam("sid"))
              .values(claim_key=sa.bindparam("ck")))
# the stored thread entries of a claim's other statements (other articles)
_CLAIM_ENTRIES = (sa.select(t.statement_threads.c.statement_id, t.statement_threads.c.thread,
                            t.statement_threads.c.copy_of, t.statement_threads.c.entry_order)
                  .join(t.statements, t.statements.c.id == t.statement_threads.c.statement_id)
                  .where(t.statements.c.claim_key == sa.bindparam("ck"), t.statements.c.id != sa.bindparam("sid"),
                         t.statements.c.article_id != sa.bindparam("aid")))


def link_claims(conn: Connection, statements: list[dict[str, Any]]) -> None:
    """Give new statement rows (one article, already inserted) their claim: a stored copy's, else their own id.

    Sets ``claim_key`` on the rows (and in the store) and stores their band keys.
    """
    new_keys, marks = [], []
    for s in statements:
        ks = keys(s["side"], s["act"], s["text"])
        new_keys += [{"key": k, "statement_id": s["id"]} for k in dict.fromkeys(ks)]
        claim = s["id"]
        if ks:
            shared = Counter(conn.execute(_SHARING, {"keys": ks}).scalars())
            nearest = [sid_ for sid_, _n in shared.most_common(MAX_CANDIDATES)]
            cands = [dict(r._mapping) for r in conn.execute(_CANDIDATES, {"ids": nearest})] if nearest else []
            cands = [c for c in cands if c["article_id"] != s["article_id"] and c["act"] == s["act"]
                     and c["side"] == s["side"] and dates_agree(c["date_sort"], s["date_sort"])
                     and actors_agree(c, s) and similar(c["text"], s["text"])]
            if cands:  # the claim most of the copies found belong to, then the oldest
                votes = Counter(c["claim_key"] or c["id"] for c in cands)
                claim = min(votes, key=lambda k: (-votes[k], k))
        s["claim_key"] = claim
        marks.append({"sid": s["id"], "ck": claim})
    if new_keys:
        conn.execute(t.claim_keys.insert(), new_keys)
    if marks:
        conn.execute(_SET_CLAIM, marks)


def link_copies(conn: Connection, statements: list[dict[str, Any]], entries: list[dict[str, Any]],
                changed: dict[str, str]) -> None:
    """Set ``copy_of`` on new thread entries whose claim (:func:`link_claims`) is already on the thread.

    ``statements`` are the new statement rows (one article, with their ``claim_key``), ``entries``
    their thread entries; a better-dated new copy becomes the kept entry of its claim (the stored
    copies are pointed at it). ``changed`` (thread -> lowest entry_order touched) is lowered where
    kept entries move.
    """
    by_sid = {s["id"]: s for s in statements}
    on: dict[str, list[dict[str, Any]]] = {}
    for e in entries:
        on.setdefault(e["statement_id"], []).append(e)
    for sid, mine in on.items():
        s = by_sid[sid]
        claim = s.get("claim_key")
        if not claim:
            continue
        stored = conn.execute(_CLAIM_ENTRIES, {"ck": claim, "sid": sid, "aid": s["article_id"]}).all()
        for e in mine:
            kept = {r.copy_of or r.statement_id for r in stored if r.thread == e["thread"]}
            if not kept:
                continue
            orders = dict(conn.execute(sa.select(t.statement_threads.c.statement_id, t.statement_threads.c.entry_order)
                                       .where(t.statement_threads.c.thread == e["thread"],
                                              t.statement_threads.c.statement_id.in_(sorted(kept)))).all())
            # the claim's own date must agree too: an undated copy never bridges two dates
            kept = {k for k in kept if k in orders and dates_agree(order_fields(orders[k])[0], s["date_sort"])}
            if not kept:
                continue
            best = min(kept, key=lambda k: rank(orders.get(k) or "1"))
            if rank(e["entry_order"]) < rank(orders.get(best) or "1"):
                _promote(conn, e["thread"], best, sid)
                for k in kept - {best}:
                    _promote(conn, e["thread"], k, sid)
                low = min([orders.get(k) or e["entry_order"] for k in kept] + [e["entry_order"]])
                changed[e["thread"]] = min(changed.get(e["thread"], low), low)
            else:
                e["copy_of"] = best


def _promote(conn: Connection, thread: str, old: str, new: str) -> None:
    """Make ``new`` the kept entry of the claim ``old`` was kept for (``old`` and its copies point at it)."""
    st = t.statement_threads.c
    conn.execute(t.statement_threads.update().where(st.thread == thread, sa.or_(st.statement_id == old,
                                                                                 st.copy_of == old))
                 .values(copy_of=new))


def forget(conn: Connection, sids: Iterable[str]) -> dict[str, str]:
    """Before an article's entries are deleted: give each claim it kept a new kept entry.

    Returns thread -> the lowest entry_order of a promoted copy (the summary must fold from there).
    """
    st = t.statement_threads.c
    ids = sorted(sids)
    changed: dict[str, str] = {}
    if not ids:
        return changed
    conn.execute(t.claim_keys.delete().where(t.claim_keys.c.statement_id.in_(ids)))
    copies = conn.execute(sa.select(st.thread, st.statement_id, st.copy_of, st.entry_order)
                          .where(st.copy_of.in_(ids), st.statement_id.not_in(ids))).all()
    claims: dict[tuple[str, str], list[Any]] = {}
    for r in copies:
        claims.setdefault((r.thread, r.copy_of), []).append(r)
    for (thread, _old), rows in claims.items():
        best = min(rows, key=lambda r: rank(r.entry_order or "1"))
        others = [r.statement_id for r in rows if r.statement_id != best.statement_id]
        conn.execute(t.statement_threads.update().where(st.thread == thread, st.statement_id == best.statement_id)
                     .values(copy_of=None))
        if others:
            conn.execute(t.statement_threads.update().where(st.thread == thread, st.statement_id.in_(others))
                         .values(copy_of=best.statement_id))
        order = best.entry_order or ""
        changed[thread] = min(changed.get(thread, order), order)
    return changed
