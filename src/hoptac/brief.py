"""Briefs: what happened in a thread, to a person or in a period, in date order, each line cited.

A brief is built from the structured record only: the words around each line come from the
dashboard's labels (:mod:`hoptac.web.i18n`, Vietnamese or English), the quotes stay in the
language of the articles (Vietnamese), and every line carries the citation of its source
(outlet, title, date, URL, quote) and the permalink of its record. :func:`to_markdown` writes
it as Markdown; the dashboard prints it as a page.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from .store import Filters, Store
from .store import schema as t
from .store.cite import citation
from .web.i18n import Translator

KINDS = ("thread", "person", "period")
MAX_LINES = 300


def _articles(store: Store, ids: set[str]) -> dict[str, Any]:
    """Title, date, outlet, URL and source of these articles."""
    a = t.articles.c
    if not ids:
        return {}
    with store.engine.connect() as conn:
        return {r.id: r for r in conn.execute(sa.select(a.id, a.title, a.published, a.outlet, a.url, a.source)
                                              .where(a.id.in_(sorted(ids))))}


def _who(tr: Translator, actor: str | None, side: str | None) -> str:
    """An actor as a reader names them: a side code alone becomes the side's name."""
    if actor in ("VN", "US", "OTHER"):
        return tr.label("sides", actor)
    return f"{actor} ({tr.label('sides', side)})" if actor and side else (actor or tr.label("sides", side))


def _statement_line(tr: Translator, s: dict[str, Any], art: Any) -> dict[str, Any]:
    quote = s.get("text") or s.get("quote") or ""
    sid = s["id"]
    return {"date": s.get("date"), "kind": "statement", "id": sid,
            "text": tr.t("brief_statement", who=_who(tr, s.get("actor"), s.get("side")),
                         act=tr.label("acts", s.get("act")).lower()),
            "quote": quote, "link": f"/statements/{sid}",
            "citation": citation(outlet=art.outlet if art else None, title=art.title if art else None,
                                 date=art.published if art else None, url=art.url if art else None, quote=quote,
                                 source=art.source if art else None)}


def _event_line(tr: Translator, e: dict[str, Any], arts: dict[str, Any]) -> dict[str, Any]:
    src = next((s for s in e.get("sources") or [] if not s.get("duplicate")), None) or {}
    art = arts.get(src.get("article_id"))
    names = ", ".join(p["name"] for p in e.get("participants") or [])
    text = tr.t("brief_event", type=tr.label("event_types", e.get("type")), who=names or "—")
    if e.get("place"):
        text += tr.t("brief_place", place=e["place"])
    return {"date": e.get("date"), "kind": "event", "id": e["id"], "text": text, "quote": src.get("quote") or "",
            "link": f"/events/{e['id']}",
            "citation": citation(outlet=art.outlet if art else None, title=art.title if art else None,
                                 date=art.published if art else None, url=art.url if art else None,
                                 quote=src.get("quote"), source=art.source if art else None)}


def _order(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Date order, undated last; a line's number is its place."""
    lines = sorted(lines, key=lambda x: (not x["date"] or x["date"].startswith("-"), x["date"] or "", x["kind"], x["id"]))
    return [{**x, "n": i + 1} for i, x in enumerate(lines)]


def build_brief(store: Store, kind: str, ident: str | None = None, *, lang: str = "vi", since: str | None = None,
                until: str | None = None) -> dict[str, Any] | None:
    """The brief of a thread or a person (``ident``), or of the period ``since``..``until``; None if unknown."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    tr = Translator(lang, store.settings)
    lines: list[dict[str, Any]] = []
    if kind == "thread":
        th = store.thread(ident or "", limit=MAX_LINES)
        if th is None:
            return None
        arts = _articles(store, {e["article_id"] for e in th["entries"]})
        lines = [_statement_line(tr, e, arts.get(e["article_id"])) for e in th["entries"]]
        title = tr.t("brief_of_thread", name=th["label_en"] if lang == "en" else th["label_vi"])
        status = tr.t("brief_status", status=tr.label("thread_statuses", th.get("status") or "none"))
        summary = [status, tr.t("brief_counts", entries=th["entries_total"], articles=th["articles"])]
    elif kind == "person":
        p = store.person(ident or "", limit=MAX_LINES)
        if p is None:
            return None
        arts = _articles(store, {s["article_id"] for s in p["statements"]}
                         | {s["article_id"] for e in p["events"] for s in e.get("sources") or []})
        lines = [_event_line(tr, e, arts) for e in p["events"]]
        lines += [_statement_line(tr, s, arts.get(s["article_id"])) for s in p["statements"]]
        title = tr.t("brief_of_person", name=p["name"])
        summary = [x for x in [p.get("title"), tr.t("brief_person_counts", **p["totals"])] if x]
    else:
        f = Filters(since=since, until=until, limit=MAX_LINES)
        evs = store.events(f)
        sts = store.statements(f)
        arts = _articles(store, {s["article_id"] for s in sts["items"]}
                         | {s["article_id"] for e in evs["items"] for s in e.get("sources") or []})
        lines = [_event_line(tr, e, arts) for e in evs["items"]]
        lines += [_statement_line(tr, s, arts.get(s["article_id"])) for s in sts["items"]]
        title = tr.t("brief_of_period", since=since or "…", until=until or "…")
        summary = [tr.t("brief_period_counts", events=evs["total"], statements=sts["total"])]
    return {"kind": kind, "id": ident, "lang": lang, "title": title, "summary": summary, "lines": _order(lines)}


def readable_date(d: str | None, tr: Translator) -> str:
    """A date as people read it: ISO as stored, a day without its year as ``23/4 (year unknown)``."""
    if not d:
        return tr.t("undated")
    if d.startswith("-"):
        parts = [str(int(x)) for x in reversed(d.lstrip("-").split("-"))]
        return "/".join(parts) + f" ({tr.t('year_unknown')})"
    return d


def to_markdown(brief: dict[str, Any], tr: Translator | None = None) -> str:
    """The brief as Markdown: a heading, the summary, one numbered line per record, the sources."""
    tr = tr or Translator(brief["lang"])
    out = [f"# {brief['title']}", ""]
    out += [f"- {s}" for s in brief["summary"]] + [""]
    for x in brief["lines"]:
        when = readable_date(x["date"], tr)
        quote = f" “{' '.join(x['quote'].split())}”" if x["quote"] else ""
        out.append(f"{x['n']}. **{when}** — {x['text']}{quote} [{x['n']}]")
    out += ["", f"## {tr.t('sources')}", ""]
    out += [f"[{x['n']}] {x['citation']}" for x in brief["lines"]]
    return "\n".join(out) + "\n"
