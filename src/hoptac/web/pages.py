"""Dashboard pages: each one reads the store once or twice and renders a template."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..api.security import require_read
from ..store import Filters, Store, queries
from ..store.events import MAX_LISTED
from .charts import bar_chart, heatmap
from .highlight import KINDS, article_spans, highlight
from .i18n import Translator
from .render import page_lang, render

router = APIRouter(dependencies=[Depends(require_read)], include_in_schema=False)

ISO_DATE = re.compile(queries.ISO_DATE)
VOCAB_ID = re.compile(queries.VOCAB_ID)
PAGE = 25
#: entries per page on a thread's or a person's page (a long-running thread has thousands)
DETAIL_PAGE = 100


def _store(request: Request) -> Store:
    return request.app.state.store


def _int(request: Request, name: str, default: int, lo: int, hi: int) -> int:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise HTTPException(400, f"{name} must be a whole number") from None
    if not lo <= value <= hi:
        raise HTTPException(400, f"{name} must be between {lo} and {hi}")
    return value


def page_filters(request: Request, *, limit: int = PAGE) -> Filters:
    """The filters of a page's form (empty fields mean no filter); a malformed value is a 400."""
    q = {k: v.strip() for k, v in request.query_params.items() if v.strip()}
    for name in ("since", "until"):
        if name in q and not ISO_DATE.match(q[name]):
            raise HTTPException(400, f"{name} must be a date: YYYY, YYYY-MM or YYYY-MM-DD")
    for name in ("topic", "thread"):
        if name in q and not VOCAB_ID.match(q[name]):
            raise HTTPException(400, f"unknown {name} {q[name]!r}")
    from ..store.browse import check_vocab

    problem = queries.date_problem(q.get("since"), q.get("until"))
    if problem:
        raise HTTPException(400, problem)
    try:
        check_vocab(request.app.state.settings, q.get("topic"), q.get("thread"))
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None
    if q.get("side") not in (None, "VN", "US", "OTHER"):
        raise HTTPException(400, "side must be VN, US or OTHER")
    if len(q.get("person", "")) > 200:
        raise HTTPException(400, "person is too long")
    return Filters(since=q.get("since"), until=q.get("until"), side=q.get("side"), topic=q.get("topic"),
                   thread=q.get("thread"), person=q.get("person"), background=q.get("background") == "1", limit=limit,
                   offset=_int(request, "offset", 0, 0, 10**7))


def detail_page(request: Request) -> Filters:
    """The page of a thread's entries or a person's records that the request asks for."""
    return Filters(limit=DETAIL_PAGE, offset=_int(request, "offset", 0, 0, 10**7))


def pager(total: int, f: Filters) -> dict[str, Any]:
    """What the pagination links need."""
    return {"total": total, "start": f.offset + 1 if total else 0, "end": min(total, f.offset + f.limit),
            "prev": max(0, f.offset - f.limit) if f.offset else None,
            "next": f.offset + f.limit if f.offset + f.limit < total else None}


def error_page(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """The dashboard's error page (the message is shown escaped; never a traceback)."""
    return render(request, "error.html", status=status, headers=headers, status_code=status, message=message)


#: Occasions linked under each pair of the meetings page, its latest (up to ``MAX_LISTED`` on the pair's
#: own page, ``?person=&with=``).
MEETINGS_LISTED = 20


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> Response:
    """Counts, charts over time, most active people and organizations, threads and status."""
    store = _store(request)
    tr = Translator(page_lang(request), request.app.state.settings)
    st = store.stats()
    names = {k: tr.t(k) for k in ("articles", "events", "statements")}
    over_time = bar_chart(st["per_month"], names, title=tr.t("over_time"), empty=tr.t("no_data"),
                          links={"articles": "/articles?since={since}&until={until}",
                                 "events": "/timeline?since={since}&until={until}",
                                 "statements": "/statements?since={since}&until={until}"})
    top_topics = list(st.get("topics") or {})[:10]
    topics_chart = heatmap(st.get("topics_per_month") or {}, [(tp, tr.label("topics", tp)) for tp in top_topics],
                           title=tr.t("topics_over_time"), empty=tr.t("no_data"))
    threads = [th for th in store.threads() if th["entries"]]
    latest = store.articles(Filters(limit=8))["items"]
    return render(request, "overview.html", stats=st, over_time=over_time, topics_chart=topics_chart,
                  threads=threads, latest=latest)


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request) -> Response:
    """Events by date, filterable by dates, topic, side, person and thread."""
    f = page_filters(request, limit=50)
    data = _store(request).timeline(f)
    return render(request, "timeline.html", days=data["items"], total=data["total"], f=f, pg=pager(data["total"], f))


@router.get("/meetings", response_class=HTMLResponse)
def meetings(request: Request) -> Response:
    """Who met whom, how often: pairs of people by the occasions they met at, not by reports."""
    f = page_filters(request)
    other = request.query_params.get("with", "").strip()[:200] or None
    data = _store(request).meetings(f, other, listed=MAX_LISTED if other else MEETINGS_LISTED)
    return render(request, "meetings.html", pairs=data["items"], total=data["total"], f=f, other=other,
                  pg=pager(data["total"], f))


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: str) -> Response:
    """One occasion: its reports, the visit it is part of, and its parts."""
    e = _store(request).event(event_id) if len(event_id) <= 300 else None
    if e is None:
        raise HTTPException(404, f"no event {event_id!r}")
    if e["id"] != event_id:  # an older permalink: the event holding its report now, at its own address
        return RedirectResponse(f"/events/{quote(e['id'], safe='')}", status_code=301)
    return render(request, "event.html", e=e)


@router.get("/threads", response_class=HTMLResponse)
def threads(request: Request) -> Response:
    """Every thread with its status, entry count and dates."""
    return render(request, "threads.html", threads=_store(request).threads())


@router.get("/threads/{thread_id}", response_class=HTMLResponse)
def thread(request: Request, thread_id: str) -> Response:
    """One thread's lifecycle: status history and dated entries with quotes."""
    if not VOCAB_ID.match(thread_id):
        raise HTTPException(404, f"no thread {thread_id!r}")
    f = detail_page(request)
    th = _store(request).thread(thread_id, limit=f.limit, offset=f.offset)
    if th is None:
        raise HTTPException(404, f"no thread {thread_id!r}")
    return render(request, "thread.html", th=th, pg=pager(th["entries_total"], f))


@router.get("/people", response_class=HTMLResponse)
def people(request: Request) -> Response:
    """People, most often named first; filter by name, side, topic, thread, dates."""
    f = page_filters(request)
    data = _store(request).people(f)
    return render(request, "people.html", items=data["items"], f=f, pg=pager(data["total"], f))


@router.get("/people/{person_id}", response_class=HTMLResponse)
def person(request: Request, person_id: str) -> Response:
    """One person: titles over time, meetings, statements and articles, by date."""
    sections = ("events", "statements", "articles")
    at = {k: _int(request, f"{k}_offset", 0, 0, 10**7) for k in sections}
    p = _store(request).person(person_id, limit=PAGE, offsets=at) if len(person_id) <= 300 else None
    if p is None:
        from ..store.suggest import not_found

        raise HTTPException(404, not_found("person", person_id, _store(request).suggest_people(person_id[:300])))
    # each section (meetings, statements, articles) has its own pager
    pgs = {k: {**pager(p["totals"][k], Filters(limit=PAGE, offset=at[k])), "param": f"{k}_offset"}
           for k in sections}
    return render(request, "person.html", p=p, pgs=pgs)


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request) -> Response:
    """Articles, newest first, with filters."""
    f = page_filters(request)
    data = _store(request).articles(f)
    return render(request, "articles.html", items=data["items"], f=f, pg=pager(data["total"], f))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> Response:
    """The cleaned text with every evidence span highlighted, and the records beside it."""
    a = _store(request).article(article_id) if len(article_id) <= 300 else None
    if a is None:
        raise HTTPException(404, f"no article {article_id!r}")
    tr = Translator(page_lang(request), request.app.state.settings)
    spans = article_spans(a, tr)
    anchors: dict[int, list[str]] = {}
    for i, e in enumerate(a.get("events") or []):
        if e.get("evidence"):
            anchors.setdefault(int(e["evidence"][0]), []).append(f"ev-{i}")
    body = highlight(a.get("text") or "", spans, anchors)
    present = [k for k in KINDS if any(s.kind == k for s in spans)]
    return render(request, "article.html", a=a, body=body, kinds=present)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request) -> Response:
    """Full-text search, diacritic-insensitive by default, with highlighted snippets."""
    q = (request.query_params.get("q") or "").strip()
    if len(q) > 500:
        raise HTTPException(400, "the query is too long (500 characters at most)")
    fold = request.query_params.get("exact") != "1"
    offset = _int(request, "offset", 0, 0, 10**7)
    data = _store(request).search(q, fold=fold, limit=PAGE, offset=offset) if q else {"items": [], "total": 0}
    f = Filters(limit=PAGE, offset=offset)
    return render(request, "search.html", q=q, fold=fold, hits=data["items"], pg=pager(data["total"], f))
