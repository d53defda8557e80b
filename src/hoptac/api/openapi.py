"""The OpenAPI schema as the API really answers: response models (:mod:`hoptac.api.schemas`), the
real error shape on every error status, and the bearer token as a security scheme."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

from .schemas import RESPONSES, Error

ERRORS = {400: "Bad request (a body that is not JSON, an input that cannot be read)",
          401: "Missing or wrong bearer token", 404: "Not found",
          422: "Invalid parameters or body (an unknown filter value, a malformed date)"}
REF = "#/components/schemas/"


def _schema(model: type[BaseModel], defs: dict[str, Any]) -> dict[str, Any]:
    """A model's JSON schema with its nested models moved into ``defs``; a reference to it."""
    s = model.model_json_schema(ref_template=REF + "{model}")
    for name, sub in s.pop("$defs", {}).items():
        defs[name] = sub
    defs[model.__name__] = s
    return {"$ref": REF + model.__name__}


def build_openapi(app: FastAPI) -> dict[str, Any]:
    """The app's schema with response models, the error shape and the bearer scheme (cached)."""
    if app.openapi_schema:
        return app.openapi_schema
    spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    comps = spec.setdefault("components", {})
    defs = comps.setdefault("schemas", {})
    error = _schema(Error, defs)
    for name in ("HTTPValidationError", "ValidationError"):
        defs.pop(name, None)
    comps["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer",
                                           "description": "The API token ($HOPTAC_API_TOKEN): writes always need "
                                                          "it, reads when $HOPTAC_API_PROTECT_READS is set"}}
    for path, ops in spec.get("paths", {}).items():
        for method, op in ops.items():
            responses = op.setdefault("responses", {})
            model = RESPONSES.get(path)
            ok = "201" if "201" in responses else "200"
            if model is not None and method == "get":
                content = responses.setdefault(ok, {"description": "OK"}).setdefault("content", {})
                content["application/json"] = {"schema": _schema(model, defs)}
            for status, text in ERRORS.items():
                entry = responses.setdefault(str(status), {"description": text})
                entry["content"] = {"application/json": {"schema": error}}
            if method == "post":
                op["security"] = [{"bearer": []}]
                responses.setdefault("413", {"description": "Body too large",
                                             "content": {"application/json": {"schema": error}}})
            else:
                op["security"] = [{}, {"bearer": []}]  # reads: open unless protected
    app.openapi_schema = spec
    return spec


def install(app: FastAPI) -> None:
    """Serve :func:`build_openapi` at ``/openapi.json``."""
    app.openapi = lambda: build_openapi(app)  # type: ignore[method-assign]
