"""The network of who meets whom drawn as SVG on the server (no script, nothing fetched)."""

from __future__ import annotations

import math
from html import escape
from typing import Any
from urllib.parse import quote

from ..store.network import layout
from .i18n import Translator

COLORS = {"VN": "#c0392b", "US": "#2f6690", "OTHER": "#6b7280"}
W, H, PAD = 900, 640, 60


def network_svg(net: dict[str, Any], tr: Translator) -> str:
    """An SVG of the nodes (circles sized by occasions, coloured by side, linked to their pages) and
    edges (lines as thick as their occasions, each titled with the pair, count and dates)."""
    nodes, edges = net["nodes"], net["edges"]
    if not nodes:
        return f'<p class="muted">{escape(tr.t("no_data"))}</p>'
    pos = layout(nodes, edges)
    xy = {i: (PAD + x * (W - 2 * PAD), PAD + y * (H - 2 * PAD)) for i, (x, y) in pos.items()}
    names = {n["id"]: n["name"] or n["id"] for n in nodes}
    top = max(e["occasions"] for e in edges) if edges else 1
    base = "/organizations/" if net["by"] == "organization" else "/people/"
    out = [f'<svg class="network" viewBox="0 0 {W} {H}" role="img" aria-label="{escape(tr.t("network"))}" '
           f'xmlns="http://www.w3.org/2000/svg">']
    for e in edges:
        (x1, y1), (x2, y2) = xy[e["source"]], xy[e["target"]]
        width = 1 + 5 * math.log1p(e["occasions"]) / math.log1p(top)
        span = " – ".join(d for d in dict.fromkeys([e["first"], e["last"]]) if d)
        tip = f'{names[e["source"]]} – {names[e["target"]]}: {e["occasions"]} {tr.t("occasions").lower()}' + (
            f" ({span})" if span else "")
        out.append(f'<line class="edge" data-occasions="{e["occasions"]}" x1="{x1:.1f}" y1="{y1:.1f}" '
                   f'x2="{x2:.1f}" y2="{y2:.1f}" stroke-width="{width:.2f}"><title>{escape(tip)}</title></line>')
    big = max(n["occasions"] for n in nodes)
    for n in nodes:
        x, y = xy[n["id"]]
        r = 4 + 10 * math.sqrt(n["occasions"] / big)
        label = escape(names[n["id"]])
        out.append(f'<a class="node" href="{base}{quote(n["id"], safe="")}" data-id="{escape(n["id"])}">'
                   f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{COLORS.get(n["side"] or "", "#98a2b3")}">'
                   f'<title>{label}: {n["occasions"]}</title></circle>'
                   + (f'<text x="{x - r - 3:.1f}" y="{y + 4:.1f}" text-anchor="end">{label}</text></a>'
                      if x > W * 0.7 else f'<text x="{x + r + 3:.1f}" y="{y + 4:.1f}">{label}</text></a>'))
    out.append("</svg>")
    return "".join(out)
