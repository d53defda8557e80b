"""Dashboard pages for browsing: the statements browser (with its export), a statement's
permalink, organizations, the network of who meets whom, and briefs."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from ..api.security import require_read
from ..store import Filters, Store
from ..store.browse import ACTS, SORTS, StatementView, check_vocab, outlets
from ..store.cite import statement_citation, with_citations
from .i18n import Translator
from .network_svg import network_svg
from .pages import PAGE, _int, page_filters, pager
from .render import page_lang, render

router = APIRouter(dependencies=[Depends(require_read)], include_in_schema=False)
KINDS = ("government", "company", "party", "embassy", "association", "media", "other")


def _store(request: Request) -> Store:
    return request.app.state.store


def _view(request: Request, *, limit: int = PAGE) -> StatementView:
    """The statements browser's view from the page's query (a bad value is a 400)."""
    f = page_filters(request, limit=limit)
    q = {k: v.strip() for k, v in request.query_params.items() if v.strip()}
    try:
        check_vocab(request.app.state.settings, f.topic, f.thread)
        return StatementView(filters=f, act=q.get("act"), actor=q.get("actor", "")[:200] or None,
                             outlet=q.get("outlet", "")[:200] or None, sort=q.get("sort", "date"))
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None


@router.get("/statements", response_class=HTMLResponse)
def statements(request: Request) -> Response:
    """Every statement with filters, a sort, pages, quotes, citations and export links."""
    view = _view(request)
    store = _store(request)
    data = store.browse_statements(view)
    with store.engine.connect() as conn:
        names = outlets(conn)
    qs = urlencode(view.params())
    return render(request, "statements.html", items=with_citations(data["items"]), f=view.filters, v=view,
                  acts=ACTS, sorts=list(SORTS), outlets=names, export_qs=qs, pg=pager(data["total"], view.filters))


@router.get("/statements/export.{fmt}")
def statements_export(request: Request, fmt: str) -> Response:
    """The current view of the statements browser, every page, as a file."""
    from ..api.browse import MEDIA, export_view

    if fmt not in MEDIA:
        raise HTTPException(404, f"no export format {fmt!r}")
    return export_view(_store(request), _view(request), fmt)


@router.get("/statements/{statement_id}", response_class=HTMLResponse)
def statement(request: Request, statement_id: str) -> Response:
    """A statement's permalink: the quote, who said it, its article and its citation."""
    s = _store(request).statement(statement_id) if len(statement_id) <= 300 else None
    if s is None:
        raise HTTPException(404, f"no statement {statement_id!r}")
    return render(request, "statement.html", s={**s, "citation": statement_citation(s)})


@router.get("/organizations", response_class=HTMLResponse)
def organizations(request: Request) -> Response:
    """Organizations, most often named first; filter by name (any spelling), kind and side."""
    from ..store.orgs import list_orgs

    f = page_filters(request)
    name = (request.query_params.get("name") or "").strip()[:200] or None
    kind = (request.query_params.get("kind") or "").strip() or None
    if kind is not None and kind not in KINDS:
        raise HTTPException(400, f"kind must be one of {', '.join(KINDS)}")
    with _store(request).engine.connect() as conn:
        data = list_orgs(conn, f, name, kind)
    return render(request, "organizations.html", items=data["items"], f=f, name=name, kind=kind, kinds=KINDS,
                  pg=pager(data["total"], f))


@router.get("/organizations/{org_id}", response_class=HTMLResponse)
def organization(request: Request, org_id: str) -> Response:
    """One organization: its spellings, kind, side, people with titles there, events and statements."""
    offset = _int(request, "offset", 0, 0, 10**7)
    o = _store(request).organization(org_id, limit=PAGE, offset=offset) if len(org_id) <= 300 else None
    if o is None:
        raise HTTPException(404, f"no organization {org_id!r}")
    f = Filters(limit=PAGE, offset=offset)
    return render(request, "organization.html", o={**o, "statements": with_citations(o["statements"])},
                  pg=pager(max(o["totals"]["events"], o["totals"]["statements"]), f))


@router.get("/network", response_class=HTMLResponse)
def network(request: Request) -> Response:
    """Who meets whom as a drawing (server-side SVG) and a table, filterable by period and topic."""
    f = page_filters(request, limit=1)
    by = request.query_params.get("by") or "person"
    if by not in ("person", "organization"):
        raise HTTPException(400, "by must be person or organization")
    try:
        check_vocab(request.app.state.settings, f.topic, None)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None
    net = _store(request).network(f, by, max_edges=60)
    tr = Translator(page_lang(request), request.app.state.settings)
    svg = network_svg(net, tr)
    names = {n["id"]: n["name"] for n in net["nodes"]}
    return render(request, "network.html", net=net, svg=svg, f=f, by=by, names=names)


@router.get("/briefs", response_class=HTMLResponse)
def briefs(request: Request) -> Response:
    """The form that makes a brief of a thread, a person or a period."""
    return render(request, "briefs.html", threads=_store(request).threads())


@router.get("/briefs/{kind}", response_class=HTMLResponse)
def brief(request: Request, kind: str) -> Response:
    """A printable brief (``?format=md``: Markdown) in the page's language, each line cited."""
    from ..brief import KINDS as BRIEF_KINDS
    from ..brief import build_brief, readable_date, to_markdown

    if kind not in BRIEF_KINDS:
        raise HTTPException(404, f"no brief of {kind!r}")
    f = page_filters(request, limit=1)
    ident = (request.query_params.get("id") or "").strip()[:200] or None
    if kind != "period" and not ident:
        raise HTTPException(400, f"a brief of a {kind} needs id=")
    lang = page_lang(request)
    b = build_brief(_store(request), kind, ident, lang=lang, since=f.since, until=f.until)
    if b is None:
        raise HTTPException(404, f"no {kind} {ident!r}")
    tr = Translator(lang, request.app.state.settings)
    if request.query_params.get("format") == "md":
        return PlainTextResponse(to_markdown(b, tr), media_type="text/markdown; charset=utf-8",
                                 headers={"content-disposition": f'attachment; filename="brief-{kind}.md"'})
    return render(request, "brief.html", b=b, when=lambda d: readable_date(d, tr))
