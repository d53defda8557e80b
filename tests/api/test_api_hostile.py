"""Out-of-range paging is refused with 422 on every route that pages; it never reaches the store."""

from __future__ import annotations

import pytest

HUGE = "9223372036854775808"


def paged_routes(client) -> list[str]:  # type: ignore[no-untyped-def]
    """Every GET route of the API taking ``offset``, with sample path parameters filled in."""
    schema = client.get("/openapi.json").json()
    fill = {"{article_id}": "x", "{person}": "x", "{thread_id}": "jetp"}
    out = []
    for path, ops in schema["paths"].items():
        params = ops.get("get", {}).get("parameters", [])
        if any(p["name"] == "offset" for p in params):
            for k, v in fill.items():
                path = path.replace(k, v)
            out.append(path + ("?q=a" if path.endswith("/search") else ""))
    return out


def test_every_paged_route_is_covered(client) -> None:  # type: ignore[no-untyped-def]
    assert len(paged_routes(client)) >= 9


@pytest.mark.parametrize("param", [f"offset={HUGE}", f"limit={HUGE}", "offset=-1", f"offset=-{HUGE}"])
def test_out_of_range_paging_is_422(client, param: str) -> None:  # type: ignore[no-untyped-def]
    for route in paged_routes(client):
        r = client.get(route + ("&" if "?" in route else "?") + param)
        assert r.status_code == 422, (route, param, r.status_code, r.text)
        assert r.json()["error"]["code"] == "unprocessable"


def test_the_largest_offset_allowed_answers(client) -> None:  # type: ignore[no-untyped-def]
    from hoptac.api.routes import MAX_OFFSET

    r = client.get(f"/api/articles?offset={MAX_OFFSET}")
    assert r.status_code == 200 and r.json()["items"] == []
