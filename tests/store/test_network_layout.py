"""The network's layout: deterministic, inside the canvas, and not pressed against its walls."""

from __future__ import annotations

from hoptac.store.network import layout


def _graph() -> tuple[list[dict], list[dict]]:
    """Two stars that never meet and a chain: the shape that used to pile nodes along the edges."""
    nodes = [{"id": f"p{i}"} for i in range(30)]
    edges = ([{"source": "p0", "target": f"p{i}"} for i in range(1, 12)]
             + [{"source": "p12", "target": f"p{i}"} for i in range(13, 22)]
             + [{"source": f"p{i}", "target": f"p{i + 1}"} for i in range(22, 29)])
    return nodes, edges


def test_layout_is_deterministic_and_inside_the_canvas():
    nodes, edges = _graph()
    a, b = layout(nodes, edges), layout(list(nodes), list(edges))
    assert a == b
    assert all(0.0 <= x <= 1.0 and 0.0 <= y <= 1.0 for x, y in a.values())


def test_few_nodes_lie_on_the_canvas_walls():
    nodes, edges = _graph()
    pos = layout(nodes, edges)
    on_wall = [i for i, (x, y) in pos.items() if min(x, y) < 0.035 or max(x, y) > 0.965]
    assert len(on_wall) <= 4, on_wall  # the fitted extremes only, not whole groups along a wall
