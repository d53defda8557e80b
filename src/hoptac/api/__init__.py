"""The HTTP API and the dashboard: ``create_app()`` builds the one FastAPI app serving both."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
