"""The dashboard: server-rendered pages (Jinja2) and packaged static assets (no CDN)."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static"


def mount_dashboard(app: FastAPI) -> None:
    """Add the dashboard pages and ``/static`` to an app built by :func:`hoptac.api.create_app`."""
    from .auth import router as auth_router
    from .curation import install
    from .curation import router as curation_router
    from .pages import router
    from .pages_browse import router as browse_router

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(auth_router)
    app.include_router(router)
    app.include_router(curation_router)
    install()
    app.include_router(browse_router)
