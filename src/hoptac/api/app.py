"""The app factory: one FastAPI app serving the JSON API (``/api``) and the dashboard.

Errors are answered as ``{"error": {"status", "code", "message"}}`` on ``/api`` paths and as
an HTML page elsewhere; an unexpected exception is logged with its traceback and the
client sees only a generic 500 message.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..settings import DEFAULT, Settings, truthy
from ..store import Store
from ..store.db import SERVER_CACHE_MB
from ..store.summary import serve_stale
from .jobs import Jobs
from .security import BodyLimit, SecurityHeaders
from .sessions import Sessions, Throttle

log = logging.getLogger(__name__)

MAX_BODY = 2 * 1024 * 1024
CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         413: "payload_too_large", 415: "unsupported_media_type", 422: "unprocessable", 500: "internal_error",
         503: "unavailable"}


def _env_int(name: str, default: int) -> int:
    try:
        return max(1, int(os.environ.get(name) or default))
    except ValueError:
        raise ValueError(f"${name} must be a whole number, not {os.environ.get(name)!r}") from None


def create_app(store_url: str | None = None, *, token: str | None = None, store: Store | None = None,
               settings: Settings = DEFAULT, protect_reads: bool | None = None, max_body: int = MAX_BODY,
               create: bool = True, allow_private_urls: bool | None = None, api_workers: int | None = None) -> FastAPI:
    """The API and dashboard over the store at ``store_url`` (or an open ``store``).

    ``token`` (else ``$HOPTAC_API_TOKEN``) is the bearer token writes need; with none,
    writes are refused. ``protect_reads`` (else ``$HOPTAC_API_PROTECT_READS``) makes reads
    need it too. Request bodies over ``max_body`` bytes get 413. ``create=False`` refuses
    to create a missing SQLite store. Posted URLs on loopback, link-local or private
    addresses are refused unless ``allow_private_urls`` (else ``$HOPTAC_API_ALLOW_PRIVATE_URLS``).
    Posted articles are analyzed by ``api_workers`` processes (else ``$HOPTAC_API_WORKERS``, 1),
    off the request path (:mod:`hoptac.api.jobs`).
    """
    token = token if token is not None else os.environ.get("HOPTAC_API_TOKEN") or None
    if protect_reads is None:
        protect_reads = truthy(os.environ.get("HOPTAC_API_PROTECT_READS"))
    if protect_reads and not token:
        raise ValueError("protecting reads ($HOPTAC_API_PROTECT_READS) needs a token: set $HOPTAC_API_TOKEN "
                         "or --token")
    if allow_private_urls is None:
        allow_private_urls = truthy(os.environ.get("HOPTAC_API_ALLOW_PRIVATE_URLS"))
    owned = store is None
    if store is None:
        store = Store.open(store_url or settings.db_url, create=create, settings=settings, cache_mb=SERVER_CACHE_MB)

    jobs = Jobs(store, workers=api_workers if api_workers is not None else _env_int("HOPTAC_API_WORKERS", 1))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        """On shutdown: drain the posted articles' queue, then close the store when this app opened it."""
        yield
        jobs.close()
        if owned:
            store.close()

    app = FastAPI(title="hoptac", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Vietnam–US cooperation in Vietnamese news, as a cited, queryable record. "
                              "Every record keeps its evidence span in the article text.")
    app.state.store = store
    serve_stale(store.engine)  # readers never wait for a recount after a write (store/summary.py)
    app.state.jobs = jobs
    app.state.token = token
    app.state.protect_reads = protect_reads
    app.state.settings = settings
    app.state.fetch_settings = settings.with_(fetch_private=allow_private_urls)
    app.state.sessions = Sessions()
    app.state.login_throttle = Throttle()
    _errors(app)

    from ..web import mount_dashboard
    from .browse import router as browse_router
    from .curation import router as curation_router
    from .routes import router

    app.include_router(router)
    app.include_router(curation_router)
    app.include_router(browse_router)
    from .openapi import install

    install(app)
    mount_dashboard(app)
    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(SecurityHeaders)
    return app


def app_from_env() -> FastAPI:
    """The app as each worker process of ``hoptac serve --workers N`` builds it (uvicorn's factory):
    the store from ``$HOPTAC_DB``, the token from ``$HOPTAC_API_TOKEN``, the user's taxonomy files
    from ``$HOPTAC_TAXONOMY`` (paths joined by the system's path separator); the store must exist."""
    from pathlib import Path

    files = tuple(Path(p) for p in (os.environ.get("HOPTAC_TAXONOMY") or "").split(os.pathsep) if p)
    return create_app(create=False, settings=DEFAULT.with_(taxonomy_files=files))


def error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """A JSON error under ``/api`` (and for non-HTML clients), else the dashboard's error page."""
    if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
        body = {"error": {"status": status, "code": CODES.get(status, "error"), "message": message}}
        return JSONResponse(body, status_code=status, headers=headers)
    from ..web.pages import error_page

    return error_page(request, status, message, headers=headers)


def _validation_message(errors: list[Any]) -> tuple[int, str]:
    if any(e.get("type") == "json_invalid" for e in errors):
        return 400, "the request body is not valid JSON"
    parts = []
    for e in errors[:5]:
        where = ".".join(str(x) for x in e.get("loc", ()) if x != "body")
        parts.append(f"{where}: {e.get('msg')}" if where else str(e.get("msg")))
    return 422, "; ".join(parts) or "invalid request"


def _errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        """HTTP errors raised by routes (404, 401, 400…)."""
        return error_response(request, exc.status_code, str(exc.detail), headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        """Invalid parameters or body: 422, or 400 when the body is not JSON at all."""
        status, message = _validation_message(list(exc.errors()))
        return error_response(request, status, message)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        """Anything unexpected: logged with its traceback, a generic 500 to the client."""
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(request, 500, "internal error; the server log has the details")
