"""Browsing routes of the JSON API: the statements browser and its export, one statement,
organizations, the network of who meets whom, and briefs. Thin adapters over the store.

A filter naming an unknown act, topic, thread or sort is refused with 422 (an empty answer
would hide the typo); every statement carries its ``citation`` line.
"""

from __future__ import annotations

import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import PlainTextResponse, Response

from ..store import Filters, Store
from ..store.browse import ACTS, SORTS, StatementView, check_vocab
from ..store.cite import statement_citation, with_citations
from .routes import FiltersDep, IdPath, found, get_store, listing
from .security import require_read

router = APIRouter(prefix="/api", dependencies=[Depends(require_read)])
StoreDep = Annotated[Store, Depends(get_store)]
EXPORT_MAX = 100_000
MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json", "jsonl": "application/x-ndjson",
         "parquet": "application/vnd.apache.parquet"}


def checked(store: Store, f: Filters) -> Filters:
    """The filters, once their topic and thread are known to the taxonomy (else 422)."""
    try:
        check_vocab(store.settings, f.topic, f.thread)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    if f.since and f.until and f.since > f.until + "\uffff":
        raise HTTPException(422, f"since ({f.since}) is after until ({f.until})")
    return f


def statement_view(
    store: StoreDep, f: FiltersDep,
    act: Annotated[Literal[ACTS] | None, Query(description="request, propose, commit, agree, welcome or inform")] = None,  # type: ignore[valid-type]
    actor: Annotated[str | None, Query(min_length=1, max_length=200,
                                       description="A person id, or words of the speaker's name (tone marks optional)")] = None,
    outlet: Annotated[str | None, Query(min_length=1, max_length=200, description="Words of the outlet's name")] = None,
    sort: Annotated[Literal[tuple(SORTS)], Query(description="date, -date, actor, -actor, act, -act, outlet, -outlet")] = "date",  # type: ignore[valid-type]
) -> StatementView:
    """The statements browser's view from the query parameters."""
    return StatementView(filters=checked(store, f), act=act, actor=actor, outlet=outlet, sort=sort)


ViewDep = Annotated[StatementView, Depends(statement_view)]


@router.get("/statements", summary="Statements filtered by side, act, actor, topic, thread, outlet and dates; sorted, paged")
def list_statements(store: StoreDep, view: ViewDep) -> dict[str, Any]:
    """A page of the view's statements, each with its article's date, outlet, URL and a citation."""
    data = store.browse_statements(view)
    return listing({**data, "items": with_citations(data["items"]), "view": view.params()}, view.filters)


@router.get("/statements/export", summary="The statements of a view, every page, as CSV, JSON, JSON lines or Parquet",
            response_class=Response,
            responses={200: {"description": "The file", "content": {m.split(";")[0]: {} for m in MEDIA.values()}}})
def export_statements(store: StoreDep, view: ViewDep,
                      format: Annotated[Literal["csv", "json", "jsonl", "parquet"], Query()] = "csv") -> Response:
    """The whole view (not one page) with publication date, outlet, URL and citation on every row."""
    return export_view(store, view, format)


def export_view(store: Store, view: StatementView, fmt: str) -> Response:
    """A download of a view's statements (shared with the dashboard's export links)."""
    from ..store.export import write_records

    f = view.filters
    whole = StatementView(filters=Filters(**{**f.__dict__, "limit": EXPORT_MAX, "offset": 0}), act=view.act,
                          actor=view.actor, outlet=view.outlet, sort=view.sort)
    items = with_citations(store.browse_statements(whole)["items"])
    buf: Any = io.BytesIO() if fmt == "parquet" else io.StringIO()
    write_records(items, fmt, buf)
    body = buf.getvalue()
    return Response(body if isinstance(body, bytes) else body.encode("utf-8"), media_type=MEDIA[fmt],
                    headers={"content-disposition": f'attachment; filename="statements.{fmt}"'})


@router.get("/statements/{statement_id}", summary="One statement with its article and citation")
def get_statement(store: StoreDep, statement_id: IdPath) -> dict[str, Any]:
    """One statement by its stable id (``<article id>.s<n>``)."""
    s = found(store.statement(statement_id), "statement", statement_id)
    return {**s, "citation": statement_citation(s)}


@router.get("/organizations/{organization}",
            summary="One organization by id or any spelling: aliases, kind, side, people, events, statements")
def get_organization(store: StoreDep, organization: IdPath,
                     limit: Annotated[int, Query(ge=1, le=500)] = 50,
                     offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0) -> dict[str, Any]:
    """One organization; ``limit`` and ``offset`` page its events and statements."""
    org = found(store.organization(organization, limit=limit, offset=offset), "organization", organization)
    return {**org, "statements": with_citations(org["statements"]), "limit": limit, "offset": offset}


@router.get("/network", summary="Who meets whom: people or organizations joined by the occasions they met at")
def network(store: StoreDep, f: FiltersDep,
            by: Annotated[Literal["person", "organization"], Query(description="Nodes: people or organizations")] = "person",
            max_edges: Annotated[int, Query(ge=1, le=2000, description="The strongest edges kept")] = 150,
            ) -> dict[str, Any]:
    """Nodes (side, occasions) and edges (occasions, first and last date, occasion ids)."""
    return store.network(checked(store, f), by, max_edges)


@router.get("/briefs/{kind}", summary="A brief of a thread, a person or a period, each line cited",
            responses={200: {"content": {"application/json": {}, "text/markdown": {}}}})
def brief(store: StoreDep, request: Request, kind: Literal["thread", "person", "period"],
          id: Annotated[str | None, Query(min_length=1, max_length=200, description="The thread or person")] = None,
          since: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
          until: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
          lang: Annotated[Literal["vi", "en"], Query()] = "vi",
          format: Annotated[Literal["json", "markdown"], Query()] = "json") -> Any:
    """The brief as JSON (title, summary, numbered lines with citations) or Markdown."""
    from ..brief import build_brief, to_markdown

    if kind != "period" and not id:
        raise HTTPException(422, f"a brief of a {kind} needs id=")
    b = found(build_brief(store, kind, id, lang=lang, since=since, until=until), kind, id or "")
    if format == "markdown":
        return PlainTextResponse(to_markdown(b), media_type="text/markdown; charset=utf-8")
    return b
