"""The JSON API: thin adapters over :class:`hoptac.store.Store`, one call per route.

Listings return the store's ``{"items", "total"}`` plus the ``limit`` and ``offset`` used;
single records return the store's export-shaped dict, or 404.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..store import Filters, Store
from ..store.events import LISTED, MAX_LISTED
from ..store.queries import ISO_DATE, VOCAB_ID
from .ingest import BadInput, Rejected
from .jobs import RETRY_AFTER, Full
from .security import require_read, require_write

MAX_LIMIT = 500
#: Beyond any listing's length; larger offsets (9223372036854775808) are refused with 422, not a 500.
MAX_OFFSET = 1_000_000_000

router = APIRouter(prefix="/api", dependencies=[Depends(require_read)])


def get_store(request: Request) -> Store:
    """The app's store."""
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]


def page(limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")] = 50,
         offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip")] = 0) -> dict[str, int]:
    """Pagination parameters."""
    return {"limit": limit, "offset": offset}


def filters(
    request: Request,
    pg: Annotated[dict[str, int], Depends(page)],
    since: Annotated[str | None, Query(pattern=ISO_DATE, description="From this date (YYYY, YYYY-MM or YYYY-MM-DD)")] = None,
    until: Annotated[str | None, Query(pattern=ISO_DATE, description="Up to this date, inclusive")] = None,
    side: Annotated[Literal["VN", "US", "OTHER"] | None, Query(description="VN, US or OTHER")] = None,
    topic: Annotated[str | None, Query(pattern=VOCAB_ID, description="A topic id (e.g. energy)")] = None,
    thread: Annotated[str | None, Query(pattern=VOCAB_ID, description="A thread id (e.g. jetp)")] = None,
    person: Annotated[str | None, Query(min_length=1, max_length=200, description="A person's id or name")] = None,
    background: Annotated[bool, Query(description="Events: include past occasions mentioned in passing")] = False,
) -> Filters:
    """The shared filters of every listing; an impossible date range, or a topic or thread the
    taxonomy does not know, is refused with 422 (an empty answer would hide the mistake)."""
    from ..store.browse import check_vocab
    from ..store.queries import date_problem

    problem = date_problem(since, until)
    if problem:
        raise HTTPException(422, problem)
    try:
        check_vocab(request.app.state.settings, topic, thread)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    return Filters(since=since, until=until, side=side, topic=topic, thread=thread, person=person,
                   background=background, **pg)


FiltersDep = Annotated[Filters, Depends(filters)]
IdPath = Annotated[str, Path(min_length=1, max_length=300)]


def listing(data: dict[str, Any], f: Filters) -> dict[str, Any]:
    """A store listing with the page it is."""
    return {**data, "limit": f.limit, "offset": f.offset}


def found(item: Any, what: str, ident: str) -> Any:
    """The item, or a 404 naming what was not found."""
    if item is None:
        raise HTTPException(404, f"no {what} {ident!r}")
    return item


@router.get("/articles", summary="Articles, newest first; near-duplicates folded into their original")
def list_articles(store: StoreDep, f: FiltersDep) -> dict[str, Any]:
    """Articles matching the filters."""
    return listing(store.articles(f), f)


@router.get("/articles/{article_id}", summary="One article's full export, with id, sources and duplicates")
def get_article(store: StoreDep, article_id: IdPath) -> dict[str, Any]:
    """One article."""
    return found(store.article(article_id), "article", article_id)


class ArticleIn(BaseModel):
    """One input to analyze and store: exactly one of ``text``, ``html`` or ``url``."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, min_length=1, description="Plain article text (first line: the title)")
    html: str | None = Field(None, min_length=1, description="A whole HTML page")
    url: str | None = Field(None, min_length=1, max_length=2000, description="An http(s) URL to fetch")
    source: str | None = Field(None, max_length=500, description="A name for the source (defaults to a hash)")

    @model_validator(mode="after")
    def one_input(self) -> ArticleIn:
        """Exactly one of text, html and url."""
        given = [k for k in ("text", "html", "url") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html or url")
        return self


@router.post("/articles", status_code=202, dependencies=[Depends(require_write)],
             summary="Queue a text, an HTML page or a URL to be analyzed and stored (bearer token required)",
             responses={202: {"description": "Queued: the job's id, status and location (GET /api/jobs/{job_id})"},
                        400: {"description": "Not an http(s) URL"}, 401: {"description": "Missing or wrong token"},
                        413: {"description": "Body too large"},
                        422: {"description": "Invalid body, or a text that cannot be read"},
                        503: {"description": "The queue is full: try again after Retry-After seconds"}})
def post_article(body: ArticleIn, request: Request) -> Any:
    """Queue one input; a worker process analyzes it and the server stores it (off the request path)."""
    settings = request.app.state.fetch_settings if body.url is not None else request.app.state.settings
    try:
        job = request.app.state.jobs.submit(text=body.text, html=body.html, url=body.url, source=body.source,
                                            settings=settings)
    except BadInput as exc:
        raise HTTPException(400, str(exc)) from exc
    except Rejected as exc:
        raise HTTPException(422, f"not stored: {exc}") from exc
    except Full as exc:
        raise HTTPException(503, str(exc), headers={"Retry-After": str(RETRY_AFTER)}) from exc
    out = job.to_dict()
    return JSONResponse(out, status_code=202, headers={"Location": out["location"]})


@router.get("/jobs/{job_id}", summary="A posted article's job: queued, processing, stored (its id) or failed (why)")
def get_job(job_id: Annotated[str, Path(min_length=1, max_length=64)], request: Request) -> dict[str, Any]:
    """One job's status, while the server remembers it (the last 1,000 finished)."""
    return found(request.app.state.jobs.get(job_id), "job", job_id).to_dict()


@router.get("/people", summary="Linked people, most often named first (person= filters by name)")
def list_people(store: StoreDep, f: FiltersDep) -> dict[str, Any]:
    """People matching the filters."""
    return listing(store.people(f), f)


@router.get("/people/{person}",
            summary="One person by id or name: titles over time, a page of articles, events and statements")
def get_person(store: StoreDep, person: IdPath, pg: Annotated[dict[str, int], Depends(page)]) -> dict[str, Any]:
    """One person; ``limit`` and ``offset`` page each of the lists, ``totals`` counts them all."""
    p = store.person(person, **pg)
    if p is None:
        from ..store.suggest import not_found

        raise HTTPException(404, not_found("person", person, store.suggest_people(person)))
    return {**p, **pg}


@router.get("/organizations", summary="Organizations, most often named first")
def list_organizations(store: StoreDep, f: FiltersDep) -> dict[str, Any]:
    """Organizations matching the filters."""
    return listing(store.organizations(f), f)


@router.get("/events", summary="Occasions in date order, each with its sources, the visit it is part of and its parts")
def list_events(store: StoreDep, f: FiltersDep) -> dict[str, Any]:
    """Events matching the filters."""
    return listing(store.events(f), f)


@router.get("/events/{event_id}", summary="One occasion with its sources, the visit it is part of and its parts")
def get_event(store: StoreDep, event_id: IdPath) -> dict[str, Any]:
    """One event."""
    return found(store.event(event_id), "event", event_id)


@router.get("/meetings", summary="Who met whom, how often: pairs of people by occasions (not rows)")
def list_meetings(store: StoreDep, f: FiltersDep,
                  other: Annotated[str | None, Query(alias="with", max_length=200,
                                                     description="Only the meetings of person= with this person")] = None,
                  listed: Annotated[int, Query(ge=0, le=MAX_LISTED, description=(
                      "How many of each pair's occasions to list, its latest (list_total: how many it has)"))] = LISTED,
                  ) -> dict[str, Any]:
    """Pairs of people by the occasions they met at, each with its latest ``listed`` occasions."""
    return listing(store.meetings(f, other, listed=listed), f)


@router.get("/timeline", summary="Events grouped by date")
def timeline(store: StoreDep, f: FiltersDep) -> dict[str, Any]:
    """The timeline."""
    return listing(store.timeline(f), f)


# /api/statements (the statements browser) and the other browsing routes: api/browse.py


@router.get("/threads", summary="Every thread with labels, status, entry count and last date")
def list_threads(store: StoreDep) -> dict[str, Any]:
    """All threads."""
    items = store.threads()
    return {"items": items, "total": len(items)}


@router.get("/threads/{thread_id}",
            summary="One thread: a page of its dated entries (entries_total in all), status history, money by kind")
def get_thread(store: StoreDep, thread_id: Annotated[str, Path(pattern=VOCAB_ID)],
               pg: Annotated[dict[str, int], Depends(page)]) -> dict[str, Any]:
    """One thread; status, history, money and counts cover every entry, ``entries`` is one page."""
    th = store.thread(thread_id, **pg)
    if th is None:
        from ..store.suggest import not_found, suggest_ids

        ids = [x["id"] for x in store.threads()]
        raise HTTPException(404, not_found("thread", thread_id, suggest_ids(thread_id, ids), ids))
    return {**th, **pg}


@router.get("/search", summary="Full-text search over articles and statements; tone marks optional")
def search(store: StoreDep, pg: Annotated[dict[str, int], Depends(page)],
           q: Annotated[str, Query(min_length=1, max_length=500, description="Words or a phrase")],
           fold: Annotated[bool, Query(description="Ignore tone marks (ban dan finds bán dẫn)")] = True,
           ) -> dict[str, Any]:
    """Ranked hits with ``<mark>`` snippets (only the markers are HTML; the rest is raw text)."""
    if not q.strip():
        raise HTTPException(422, "q: the query is empty")
    return {**store.search(q, fold=fold, limit=pg["limit"], offset=pg["offset"]), **pg}


@router.get("/stats", summary="Counts, per-month series, topics, most active people and organizations")
def stats(store: StoreDep) -> dict[str, Any]:
    """The store's statistics."""
    return store.stats()


@router.get("/health", summary="Liveness: the store answers")
def health(store: StoreDep) -> dict[str, Any]:
    """A cheap check that the store answers, and which server process answered (``serve --workers N``)."""
    import os

    return {"status": "ok", "articles": store.articles(Filters(limit=1))["total"], "process": os.getpid()}
