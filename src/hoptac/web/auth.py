"""Sign-in for a dashboard whose reads are protected: an opaque, expiring session in a cookie.

Only used when the app was built with ``protect_reads``; the JSON API keeps taking the
bearer header. The cookie holds a random session id, never the token (``HttpOnly``,
``SameSite=Strict``, ``Secure`` when served over TLS, expiring); wrong tokens are throttled
per client address (429 with ``Retry-After``). The form is parsed here (``application/x-www-form-urlencoded``), so no
multipart dependency is needed.
"""

from __future__ import annotations

import hmac
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from ..api.sessions import SESSION_COOKIE
from .render import render

router = APIRouter(include_in_schema=False)


def _local(path: str | None) -> str:
    """A redirect target on this site only (no ``//host`` or absolute URLs)."""
    if path and path.startswith("/") and not path.startswith("//") and "\\" not in path:
        return path
    return "/"


@router.get("/login")
def login_form(request: Request) -> Response:
    """The sign-in form."""
    return render(request, "login.html", failed=request.query_params.get("failed") == "1",
                  next=_local(request.query_params.get("next")))


@router.post("/login")
async def login(request: Request) -> Response:
    """Check the token; on success remember it in a cookie and go to ``next``."""
    who = request.client.host if request.client else "?"
    throttle, sessions = request.app.state.login_throttle, request.app.state.sessions
    wait = throttle.wait(who)
    if wait:
        return Response("too many failed sign-ins: wait and try again", status_code=429,
                        headers={"Retry-After": str(int(wait) + 1)}, media_type="text/plain")
    form = parse_qs((await request.body()).decode("utf-8", errors="replace"))
    given = (form.get("token") or [""])[0]
    target = _local((form.get("next") or ["/"])[0])
    expected = request.app.state.token or ""
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        throttle.failed(who)
        return RedirectResponse(f"/login?failed=1&next={target}", status_code=303)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(SESSION_COOKIE, sessions.new(), max_age=int(sessions.ttl), httponly=True, samesite="strict",
                        secure=request.url.scheme == "https", path="/")
    return response
