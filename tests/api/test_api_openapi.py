"""The OpenAPI schema: valid for client generators (openapi-spec-validator), with the real error
shape and a bearer scheme; and the API's real answers match the response models it declares."""

from __future__ import annotations

import pytest
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate


@pytest.fixture(scope="module")
def spec(client):
    return client.get("/openapi.json").json()


def _check(spec, schema, data):
    """Validate data against a schema of the spec (its components resolvable from the root)."""
    OAS31Validator({**schema, "components": spec["components"]}).validate(data)


def test_schema_is_valid_and_declares_errors_and_bearer(spec):
    validate(spec)  # raises on anything a generator would reject
    assert spec["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    post = spec["paths"]["/api/articles"]["post"]
    assert post["security"] == [{"bearer": []}]
    for path, ops in spec["paths"].items():
        for op in ops.values():
            for status in ("404", "422"):
                assert op["responses"][status]["content"]["application/json"]["schema"] == {
                    "$ref": "#/components/schemas/Error"}, (path, status)
    assert "HTTPValidationError" not in spec["components"]["schemas"]


@pytest.mark.parametrize("path, params", [
    ("/api/articles", {"limit": 2}), ("/api/people", {"limit": 2}), ("/api/organizations", {}),
    ("/api/events", {"limit": 2}), ("/api/meetings", {}), ("/api/timeline", {}), ("/api/statements", {"limit": 3}),
    ("/api/threads", {}), ("/api/threads/{thread_id}", {}), ("/api/search", {"q": "kinh tế"}), ("/api/stats", {}),
    ("/api/health", {}), ("/api/network", {}), ("/api/briefs/{kind}", {"id": "market_economy_status"}),
])
def test_answers_match_their_declared_models(client, spec, path, params):
    url = path.replace("{thread_id}", "market_economy_status").replace("{kind}", "thread")
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    schema = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    _check(spec, schema, r.json())


def test_errors_match_the_declared_shape(client, spec):
    schema = {"$ref": "#/components/schemas/Error"}
    for url in ("/api/people/Không Ai Cả", "/api/statements?topic=nope", "/api/articles?limit=0"):
        r = client.get(url)
        assert r.status_code in (404, 422)
        _check(spec, schema, r.json())
    with pytest.raises(Exception):  # noqa: B017 - the check is real: a wrong shape fails
        _check(spec, schema, {"detail": "not found"})
