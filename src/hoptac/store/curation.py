"""Curation: an editor's corrections of the derived record, with their audit trail.

A correction is a row (who, when, why, kind, target, before, after); it is applied at once
and **re-applied after every write** (:func:`reapply`, called at the end of each batch the
writer stores), so ``ingest --refresh`` and a re-ingest keep it. Its target is named by keys
a rebuild keeps (:mod:`hoptac.store.curation_apply`); a target that is gone leaves the
correction ``orphaned``, listed and never dropped. An undo is a row too: the corrected
articles are rebuilt from their stored extraction and the other corrections re-applied.
Corrections export and import as JSON Lines; an import skips the rows it already has.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..link.names import name_key, org_key
from . import curation_apply as ca
from . import curation_keys as ck
from . import schema as t

KINDS = tuple(ca.APPLY)
ACTS = ("request", "propose", "commit", "agree", "welcome", "inform")
SIDES = ("VN", "US", "OTHER")
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
THREAD = re.compile(r"^[A-Za-z0-9_]{1,64}$")
FIELDS = ("id", "kind", "target", "before", "after", "why", "who", "at", "undone", "undoes")


def valid_date(d: Any) -> bool:
    """Whether ``d`` is YYYY, YYYY-MM or a real YYYY-MM-DD day."""
    if not isinstance(d, str) or not DATE.match(d):
        return False
    try:
        return len(d) < 10 or bool(datetime.fromisoformat(d))
    except ValueError:
        return False


class CorrectionError(ValueError):
    """A correction that cannot be made (unknown target, bad value): the message says why."""


def _need(value: Any, what: str) -> Any:
    if value is None:
        raise CorrectionError(f"no {what}")
    return value


def _ids(params: dict[str, Any], name: str, n: int) -> list[str]:
    ids = params.get(name)
    if not isinstance(ids, list) or len(ids) < n or not all(isinstance(x, str) and x for x in ids):
        raise CorrectionError(f"{name} must list at least {n} ids")
    if len(set(ids)) != len(ids):
        raise CorrectionError(f"{name} lists an id twice")
    return ids


def _text(params: dict[str, Any], name: str, *, required: bool = True) -> str | None:
    v = params.get(name)
    if v is None and not required:
        return None
    if not isinstance(v, str) or not v.strip() or len(v) > 300:
        raise CorrectionError(f"{name} must be a non-empty text of 300 characters at most")
    return v.strip()


def _statement(conn: Connection, params: dict[str, Any]) -> tuple[dict[str, Any], Any]:
    sid = _text(params, "statement") or ""
    k = _need(ck.statement_key(conn, sid), f"statement {sid!r}")
    row = conn.execute(sa.select(t.statements).where(t.statements.c.id == sid)).one()
    return k, row


def _thread(conn: Connection, params: dict[str, Any], settings: Any) -> str:
    from .threads import labels

    th = _text(params, "thread") or ""
    known = labels(settings) if settings is not None else labels()
    if not THREAD.match(th) or th not in known:
        raise CorrectionError(f"unknown thread {th!r}")
    return th


def make(conn: Connection, kind: str, params: dict[str, Any], settings: Any = None) -> tuple[dict, Any, dict]:
    """(target, before, after) of a correction given by current ids; CorrectionError if it cannot be made."""
    if kind not in KINDS:
        raise CorrectionError(f"unknown kind {kind!r}: one of {', '.join(KINDS)}")
    if kind == "merge_people":
        ks = [_need(ck.person_key(conn, p), f"person {p!r}") for p in _ids(params, "people", 2)]
        return {"people": ks}, [k["name"] for k in ks], {"into": ks[0]["id"], "name": _text(params, "name", required=False)}
    if kind == "split_person":
        k = _need(ck.person_key(conn, _text(params, "person") or ""), f"person {params.get('person')!r}")
        names = params.get("names")
        if not isinstance(names, list) or not names:
            raise CorrectionError("names must list the names that belong to someone else")
        keys = sorted({name_key(str(n))[:255] for n in names})
        if k["name_key"] in keys or not set(keys) <= set(k["keys"]):
            raise CorrectionError(f"names must be other names of {k['name']}: {', '.join(k['keys'])}")
        new = _text(params, "name", required=False) or str(names[0])
        pid = "p_" + hashlib.sha1(("split\x1f" + k["name_key"] + "\x1f" + "\x1f".join(keys)).encode()).hexdigest()[:12]
        return {"person": k, "names": keys}, k["name"], {"id": pid, "name": new}
    if kind == "merge_orgs":
        ks = [_need(ck.org_key_of(conn, o), f"organization {o!r}") for o in _ids(params, "orgs", 2)]
        return {"orgs": ks}, [k["name"] for k in ks], {"into": ks[0]["id"]}
    if kind == "split_org":
        return _split_org(conn, params)
    if kind == "merge_events":
        ks = [_need(ck.event_key(conn, e), f"event {e!r}") for e in _ids(params, "events", 2)]
        return {"events": ks}, [k["id"] for k in ks], {"into": ks[0]["id"]}
    if kind == "split_event":
        k = _need(ck.event_key(conn, _text(params, "event") or ""), f"event {params.get('event')!r}")
        arts = set(_ids(params, "articles", 1))
        moved = [s for s in k["sources"] if s["article"]["id"] in arts]
        if not moved or len(moved) == len(k["sources"]):
            raise CorrectionError("articles must name some, not all, of the event's reports")
        eid = "e_" + hashlib.sha1(json.dumps(moved, sort_keys=True).encode()).hexdigest()[:12]
        return {"event": k, "sources": moved}, k["id"], {"id": eid}
    if kind in ("reject_event",):
        k = _need(ck.event_key(conn, _text(params, "event") or ""), f"event {params.get('event')!r}")
        return {"event": k}, {"type": k["type"], "date": k["date"]}, {}
    if kind == "set_date":
        date = params.get("date")
        if date is not None and not valid_date(date):
            raise CorrectionError("date must be YYYY, YYYY-MM or YYYY-MM-DD (or null to clear it)")
        which = [w for w in ("event", "statement", "article") if params.get(w)]
        if len(which) != 1:
            raise CorrectionError("set_date needs exactly one of event, statement, article")
        w, ident = which[0], str(params[which[0]])
        if w == "event":
            k = _need(ck.event_key(conn, ident), f"event {ident!r}")
            before = k["date"]
        elif w == "statement":
            k, row = _statement(conn, params)
            before = row.date_sort
        else:
            k = _need(ck.article_key(conn, ident), f"article {ident!r}")
            before = conn.execute(sa.select(t.articles.c.published).where(t.articles.c.id == ident)).scalar()
        return {w: k}, before, {"date": date}
    k, row = _statement(conn, params)
    if kind == "correct_statement":
        after: dict[str, Any] = {}
        if params.get("actor") is not None:
            after["actor"] = _text(params, "actor")
        if params.get("act") is not None:
            if params["act"] not in ACTS:
                raise CorrectionError(f"act must be one of {', '.join(ACTS)}")
            after["act"] = params["act"]
        if params.get("side") is not None:
            if params["side"] not in SIDES:
                raise CorrectionError(f"side must be one of {', '.join(SIDES)}")
            after["side"] = params["side"]
        if not after:
            raise CorrectionError("give an actor, an act or a side")
        return {"statement": k}, {f: getattr(row, f) for f in after}, after
    if kind == "reject_statement":
        return {"statement": k}, {"actor": row.actor, "act": row.act, "text": row.text[:200]}, {}
    th = _thread(conn, params, settings)
    tags = list(row.threads or [])
    if kind == "reject_thread" and th not in tags:
        raise CorrectionError(f"the statement is not on thread {th!r}")
    if kind == "add_thread" and th in tags:
        raise CorrectionError(f"the statement is already on thread {th!r}")
    return {"statement": k, "thread": th}, tags, {"thread": th}


def _split_org(conn: Connection, params: dict[str, Any]) -> tuple[dict, Any, dict]:
    """A split of some spellings of an organization (in some articles only, with ``articles``) to one of their own."""
    k = _need(ck.org_key_of(conn, _text(params, "org") or ""), f"organization {params.get('org')!r}")
    names = params.get("names")
    if not isinstance(names, list) or not names:
        raise CorrectionError("names must list the spellings that are another organization")
    keys = sorted({org_key(str(n)) for n in names} - {""})
    spellings = ck.org_spellings(conn, k["id"])
    if not keys or not set(keys) <= {org_key(n) for n in spellings}:
        raise CorrectionError(f"names must be spellings of {k['name']}: {'; '.join(spellings)}")
    target: dict[str, Any] = {"org": k, "names": keys}
    if params.get("articles") is not None:
        target["articles"] = [_need(ck.article_key(conn, a), f"article {a!r}") for a in _ids(params, "articles", 1)]
    elif {org_key(n) for n in spellings} <= set(keys):
        raise CorrectionError("names must be some, not all, of the organization's spellings")
    new = _text(params, "name", required=False) or str(names[0])
    nkey = org_key(new)
    oid = "o_" + hashlib.sha1(("split\x1f" + nkey).encode()).hexdigest()[:12]
    taken = conn.execute(sa.select(t.organizations.c.id).where(t.organizations.c.name_key == nkey)).scalar()
    if not nkey or (taken and taken not in (k["id"], oid)) or nkey == k["name_key"]:
        raise CorrectionError(f"{new!r} is already an organization of its own: merge instead")
    return target, k["name"], {"id": oid, "name": new, "name_key": nkey}


def _cid(prefix: str, *parts: Any) -> str:
    return prefix + hashlib.sha1(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:24]


def now() -> str:
    """The current time, UTC, ISO 8601."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def record(conn: Connection, kind: str, params: dict[str, Any], *, why: str, who: str, settings: Any = None) -> dict:
    """Make, store and apply one correction; its row (CorrectionError if it cannot be made)."""
    why, who = (why or "").strip(), (who or "").strip()
    if not why or not who:
        raise CorrectionError("a correction needs who made it and why")
    target, before, after = make(conn, kind, params, settings)
    at = now()
    cid = _cid("c_", kind, target, after, who, at)
    conn.execute(t.corrections.insert(), {"id": cid, "kind": kind, "target": target, "before": before, "after": after,
                                          "why": why[:2000], "who": who[:200], "at": at, "undone": False})
    row = get_row(conn, cid)
    status = _apply(conn, row)
    if rebuilds(row):
        reapply(conn)  # the article's records were derived again: the corrections on them hold again
    if status != ca.APPLIED:
        raise CorrectionError("the correction could not be applied: " + (get(conn, cid) or {}).get("note", "?"))
    return get(conn, cid) or {}


def get_row(conn: Connection, cid: str) -> Any:
    """One correction row."""
    return conn.execute(sa.select(t.corrections).where(t.corrections.c.id == cid)).first()


def _apply(conn: Connection, row: Any) -> str:
    """Apply one correction (in a savepoint); record its status, note and refs."""
    try:
        with conn.begin_nested():
            status, note, refs = ca.APPLY[row.kind](conn, row.target, row.after or {})
    except Exception as exc:  # a correction that fails never stops a write: it is reported
        status, note, refs = ca.ORPHANED, f"could not be applied: {type(exc).__name__}: {exc}".splitlines()[0], []
    conn.execute(t.corrections.update().where(t.corrections.c.id == row.id).values(status=status, note=note))
    conn.execute(t.correction_refs.delete().where(t.correction_refs.c.correction_id == row.id))
    refs = sorted({r for r in refs if r})
    if refs:
        conn.execute(t.correction_refs.insert(), [{"correction_id": row.id, "ref_id": r} for r in refs])
    return status


def rebuilds(row: Any) -> bool:
    """Whether applying a correction rebuilds its article (a publication date): it goes first."""
    return row.kind == "set_date" and "article" in (row.target or {})


def _active(conn: Connection) -> list[Any]:
    """Live corrections in the order they are applied: article rebuilds, then oldest first."""
    c = t.corrections.c
    rows = conn.execute(sa.select(t.corrections).where(c.undoes.is_(None), c.undone.is_(False))
                        .order_by(c.at, c.id)).all()
    return sorted(rows, key=lambda r: not rebuilds(r))


def reapply(conn: Connection) -> dict[str, int]:
    """Apply every live correction again, oldest first (after a write rebuilt records); counts by status."""
    from .event_ids import settle

    settle(conn)  # events rebuilt before (an undo, a re-dated article) take back their ids first
    counts: dict[str, int] = {}
    for row in _active(conn):
        s = _apply(conn, row)
        counts[s] = counts.get(s, 0) + 1
    settle(conn)
    return counts


def has_corrections(conn: Connection) -> bool:
    """Whether the store holds any live correction (a write then re-applies them)."""
    c = t.corrections.c
    return conn.execute(sa.select(c.id).where(c.undoes.is_(None), c.undone.is_(False)).limit(1)).first() is not None


def _affected(conn: Connection, cid: str) -> list[str]:
    """The articles whose records a correction touched (rebuilt when it is undone).

    Besides the articles naming a touched person, organization or event, every article
    reporting an event that lists a touched person (a duplicate's report names its
    participants without mentions of its own): a person left on an event that is not
    rebuilt would keep the merged aliases, and the rebuilt articles would link to it again.
    """
    refs = list(conn.execute(sa.select(t.correction_refs.c.ref_id).where(t.correction_refs.c.correction_id == cid)).scalars())
    if not refs:
        return []
    out = set(conn.execute(sa.select(t.articles.c.id).where(t.articles.c.id.in_(refs))).scalars())
    out |= set(ck._articles_of(conn, people=refs, orgs=refs, events=refs))
    s, ep, es = t.statements.c, t.event_participants.c, t.event_sources.c
    out |= set(conn.execute(sa.select(s.article_id).where(sa.or_(s.id.in_(refs), s.person_id.in_(refs)))).scalars())
    listing = sa.select(ep.event_id).where(ep.person_id.in_(refs))
    out |= set(conn.execute(sa.select(es.article_id).where(es.event_id.in_(listing))).scalars())
    return sorted(out)


def rebuild(conn: Connection, aids: Iterable[str]) -> None:
    """Derive these articles' records again from their stored extraction (their date as extracted)."""
    from ..model import Article
    from .refresh import clear_derived
    from .writer import write_article

    a = t.articles.c
    rows = conn.execute(sa.select(a.id, a.data).where(a.id.in_(sorted(set(aids)))).order_by(a.ingested_at, a.id)).all()
    for r in rows:
        clear_derived(conn, r.id)
    for r in rows:
        data = dict(r.data)
        if data.get("published_original"):
            data["published"], data["published_provenance"] = data.pop("published_original")
        write_article(conn, Article.from_dict(data), refresh=True)


def undo(conn: Connection, cid: str, *, why: str, who: str) -> dict[str, Any]:
    """Undo a correction: an undo row, its articles rebuilt, the other corrections re-applied."""
    row = get_row(conn, cid)
    if row is None:
        raise CorrectionError(f"no correction {cid!r}")
    if row.undoes or row.undone:
        raise CorrectionError(f"correction {cid} is an undo or already undone")
    why, who = (why or "").strip() or "undo", (who or "").strip()
    if not who:
        raise CorrectionError("an undo needs who made it")
    at = now()
    uid = _cid("u_", cid, who, at)
    aids = _affected(conn, cid)
    conn.execute(t.corrections.insert(), {"id": uid, "kind": "undo", "target": {"correction": cid}, "before": None,
                                          "after": None, "why": why[:2000], "who": who[:200], "at": at,
                                          "undone": False, "undoes": cid, "status": "undo"})
    _mark_undone(conn, cid, aids)
    return get(conn, uid) or {}


def _mark_undone(conn: Connection, cid: str, aids: list[str]) -> None:
    conn.execute(t.corrections.update().where(t.corrections.c.id == cid).values(undone=True, status="undone"))
    conn.execute(t.correction_refs.delete().where(t.correction_refs.c.correction_id == cid))
    rebuild(conn, aids)
    reapply(conn)


def as_dict(row: Any) -> dict[str, Any]:
    """A correction row as JSON-able data."""
    return {"id": row.id, "kind": row.kind, "target": row.target, "before": row.before, "after": row.after,
            "why": row.why, "who": row.who, "at": row.at, "undone": bool(row.undone), "undoes": row.undoes,
            "status": row.status, "note": row.note}


def get(conn: Connection, cid: str) -> dict[str, Any] | None:
    """One correction as data."""
    row = get_row(conn, cid)
    return as_dict(row) if row is not None else None


def listing(conn: Connection, *, status: str | None = None, kind: str | None = None, ref: str | None = None,
            limit: int = 100, offset: int = 0) -> dict[str, Any]:
    """Corrections, newest first, by status (applied, orphaned, undone, undo), kind or a record they touch."""
    c = t.corrections.c
    q = sa.select(t.corrections)
    if status:
        q = q.where(c.status == status)
    if kind:
        q = q.where(c.kind == kind)
    if ref:
        q = q.where(c.id.in_(sa.select(t.correction_refs.c.correction_id).where(t.correction_refs.c.ref_id == ref)))
    total = conn.execute(sa.select(sa.func.count()).select_from(q.subquery())).scalar() or 0
    rows = conn.execute(q.order_by(c.at.desc(), c.id.desc()).limit(limit).offset(offset)).all()
    return {"items": [as_dict(r) for r in rows], "total": total}


def for_ref(conn: Connection, ref: str) -> list[dict[str, Any]]:
    """The live corrections touching one record (shown where it applies), oldest first."""
    c = t.corrections.c
    rows = conn.execute(sa.select(t.corrections).where(
        c.id.in_(sa.select(t.correction_refs.c.correction_id).where(t.correction_refs.c.ref_id == ref)),
        c.undone.is_(False)).order_by(c.at, c.id)).all()
    return [as_dict(r) for r in rows]


def export_lines(conn: Connection) -> Iterable[str]:
    """Every correction and undo, oldest first, one JSON object a line."""
    c = t.corrections.c
    for row in conn.execute(sa.select(t.corrections).order_by(c.at, c.id)):
        d = as_dict(row)
        yield json.dumps({k: d[k] for k in FIELDS}, ensure_ascii=False, sort_keys=True)


def export_list(conn: Connection) -> list[str]:
    """Every correction and undo as JSON Lines, in a list (a reader the store can keep)."""
    return list(export_lines(conn))


def import_lines(conn: Connection, lines: Iterable[str]) -> dict[str, Any]:
    """Add the corrections of a JSON Lines export not already stored, then apply them; idempotent."""
    added = skipped = 0
    errors: list[str] = []
    undos: list[str] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            if not isinstance(d, dict) or (d.get("kind") not in KINDS and d.get("kind") != "undo"):
                raise ValueError("not a correction")
            row = {k: d.get(k) for k in FIELDS}
            if not all(isinstance(row[k], str) and row[k] for k in ("id", "kind", "why", "who", "at")):
                raise ValueError("id, kind, why, who and at are required")
            if not isinstance(row["target"], dict):
                raise ValueError("target must be an object")
        except (ValueError, TypeError) as exc:
            errors.append(f"line {n}: {exc}".splitlines()[0])
            continue
        if get_row(conn, row["id"]) is not None:
            skipped += 1
            continue
        row["undone"] = False
        row["status"] = "undo" if row["kind"] == "undo" else None
        conn.execute(t.corrections.insert(), row)
        added += 1
        if row["undoes"]:
            undos.append(row["undoes"])
    for cid in undos:
        old = get_row(conn, cid)
        if old is not None and not old.undone:
            aids = _affected(conn, cid)
            conn.execute(t.corrections.update().where(t.corrections.c.id == cid).values(undone=True, status="undone"))
            conn.execute(t.correction_refs.delete().where(t.correction_refs.c.correction_id == cid))
            rebuild(conn, aids)
    counts = reapply(conn)
    return {"added": added, "skipped": skipped, "errors": errors, "status": counts}
