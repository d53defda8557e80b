"""Page rendering: the Jinja2 environment (autoescape on), the page language, URL helpers."""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined

from .. import __version__
from ..store.queries import ISO_DATE
from .highlight import snippet_html
from .i18n import Translator, pick_lang

LANG_COOKIE = "hoptac_lang"
NAV = (("overview", "/"), ("timeline", "/timeline"), ("meetings", "/meetings"), ("threads", "/threads"),
       ("people", "/people"),
       ("articles", "/articles"), ("search", "/search"),
       # the browsing pages (web/pages_browse.py)
       ("browse_statements", "/statements"), ("organizations", "/organizations"), ("network", "/network"),
       ("brief", "/briefs"))


@cache
def environment() -> Environment:
    """The template environment: packaged templates, HTML autoescaping everywhere."""
    env = Environment(loader=PackageLoader("hoptac.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["seg"] = lambda v: quote(str(v), safe="")
    env.filters["snippet"] = snippet_html
    env.filters["st_anchor"] = lambda sid: "st-" + str(sid).rsplit(".s", 1)[-1]
    env.filters["safe_url"] = safe_url
    env.filters["basename"] = lambda v: str(v or "").replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    env.filters["origin"] = lambda u: (lambda p: f"{p.scheme}://{p.netloc}/" if p.netloc else None)(urlsplit(u)) \
        if safe_url(u) else None
    env.globals["version"] = __version__
    env.globals["date_pattern"] = ISO_DATE.strip("^$")  # the browser checks what the server accepts
    return env


def safe_url(url: str | None) -> str | None:
    """An http(s) URL as given, anything else (``javascript:``, ``data:``) None."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return url
    return None


def page_lang(request: Request) -> str:
    """The language of this request: ``?lang=``, then the cookie, then Vietnamese."""
    return pick_lang(request.query_params.get("lang"), request.cookies.get(LANG_COOKIE))


def url_with(request: Request, **changes: Any) -> str:
    """The current path with some query parameters changed (None removes one)."""
    params = {k: v for k, v in request.query_params.items() if k != "lang"}
    for k, v in changes.items():
        if v is None or v == "":
            params.pop(k, None)
        else:
            params[k] = str(v)
    qs = urlencode(params)
    return request.url.path + ("?" + qs if qs else "")


def render(request: Request, template: str, *, status: int = 200, headers: dict[str, str] | None = None,
           **ctx: Any) -> HTMLResponse:
    """Render a page in the request's language; ``?lang=`` is remembered in a cookie."""
    lang = page_lang(request)
    tr = Translator(lang, request.app.state.settings)
    other = "en" if lang == "vi" else "vi"
    switch = url_with(request)
    switch += ("&" if "?" in switch else "?") + f"lang={other}"
    html = environment().get_template(template).render(
        request=request, lang=lang, tr=tr, t=tr.t, label=tr.label, nav=NAV, path=request.url.path,
        switch_url=switch, url_with=lambda **kw: url_with(request, **kw), **ctx)
    response = HTMLResponse(html, status_code=status, headers=headers)
    if request.query_params.get("lang") in ("vi", "en"):
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax", httponly=True)
    return response
