"""The editor's dashboard controls: correction forms for a signed-in editor, the audit trail page.

Forms are shown only with a valid dashboard session (``/login`` with the API token) and post
to ``/curate`` with the session cookie (``SameSite=Strict``) and a CSRF token, an HMAC of the
session id under a key that lives in the server's memory. Every correction needs a reason.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..api.security import require_read
from ..api.sessions import SESSION_COOKIE
from ..store import queries
from ..store.curation import KINDS, CorrectionError
from ..store.org_link import resolve_org
from .auth import _local
from .render import environment, render

router = APIRouter(dependencies=[Depends(require_read)], include_in_schema=False)
LISTS = ("people", "orgs", "events", "articles", "names")
SCALARS = ("person", "org", "event", "article", "statement", "actor", "act", "side", "thread", "name")
PAGE = 50


def _key(request: Request) -> bytes:
    """The CSRF key: derived from the session key, so a form one server process gave posts to any other."""
    return request.app.state.sessions.derive("csrf")


def editor_session(request: Request) -> str | None:
    """The signed-in editor's session id, else None."""
    sid = request.cookies.get(SESSION_COOKIE)
    return sid if sid and request.app.state.sessions.valid(sid) else None


def csrf_for(request: Request) -> str | None:
    """The CSRF token of the editor's forms (None: not signed in, no forms)."""
    sid = editor_session(request)
    return hmac.new(_key(request), sid.encode(), hashlib.sha256).hexdigest() if sid else None


def install() -> None:
    """Let every template ask for the editor's CSRF token (``csrf_for(request)``)."""
    environment().globals["csrf_for"] = csrf_for


async def _form(request: Request) -> dict[str, list[str]]:
    """The posted form of a signed-in editor with a valid CSRF token (else 401 / 403)."""
    if editor_session(request) is None:
        raise HTTPException(401, "sign in to correct the record")
    form = parse_qs((await request.body()).decode("utf-8", errors="replace"), keep_blank_values=True)
    given, expected = (form.get("csrf") or [""])[0], csrf_for(request) or ""
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(403, "the form has expired: reload the page and try again")
    return form


def _one(form: dict[str, list[str]], name: str) -> str:
    return (form.get(name) or [""])[-1].strip()


def params_of(request: Request, form: dict[str, list[str]]) -> dict[str, Any]:
    """A correction's parameters from the form: lists comma-separated, people and organizations by id or name."""
    params: dict[str, Any] = {}
    for name in LISTS:
        items = [x.strip() for v in form.get(name) or [] for x in re.split(r"[,\n]", v) if x.strip()]
        if items:
            params[name] = items
    for name in SCALARS:
        if _one(form, name):
            params[name] = _one(form, name)
    if "date" in form:
        params["date"] = _one(form, "date") or None  # empty: clear the date
    store = request.app.state.store
    if "people" in params:
        params["people"] = [store._read(queries.resolve_person, p) or p for p in params["people"]]
    if "orgs" in params:
        params["orgs"] = [store._read(resolve_org, o) or o for o in params["orgs"]]
    return params


@router.post("/curate")
async def curate(request: Request) -> Response:
    """Make one correction from an editor's form, then go back to the page it was made on."""
    form = await _form(request)
    kind = _one(form, "kind")
    if kind not in KINDS:
        raise HTTPException(422, f"unknown correction {kind!r}")
    who = _one(form, "who")[:200] or "editor"
    try:
        request.app.state.store.correct(kind, params_of(request, form), why=_one(form, "why"), who=who)
    except CorrectionError as exc:
        raise HTTPException(422, str(exc)) from exc
    return RedirectResponse(_local(_one(form, "next")), status_code=303)


@router.post("/curate/undo")
async def undo(request: Request) -> Response:
    """Undo one correction from an editor's form."""
    form = await _form(request)
    who = _one(form, "who")[:200] or "editor"
    try:
        request.app.state.store.undo_correction(_one(form, "correction"), why=_one(form, "why") or "undo", who=who)
    except CorrectionError as exc:
        raise HTTPException(422, str(exc)) from exc
    return RedirectResponse(_local(_one(form, "next")), status_code=303)


@router.get("/corrections", response_class=HTMLResponse)
def corrections(request: Request) -> Response:
    """The audit trail: every correction and undo, newest first, with its state."""
    from .pages import _int, pager

    status = request.query_params.get("status") or None
    if status not in (None, "applied", "orphaned", "undone", "undo"):
        raise HTTPException(400, "status must be applied, orphaned, undone or undo")
    offset = _int(request, "offset", 0, 0, 10**7)
    data = request.app.state.store.corrections(status=status, limit=PAGE, offset=offset)
    f = queries.Filters(limit=PAGE, offset=offset)
    return render(request, "corrections.html", items=data["items"], state=status, pg=pager(data["total"], f))
