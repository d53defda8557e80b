"""Charts drawn on the server as plain SVG: no script, no network, every label escaped.

Monthly series spanning more than :data:`MAX_MONTHS` months are summed by year, so a
corpus from 2016 to 2025 stays readable; only the periods holding data are drawn.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from markupsafe import Markup, escape

MAX_MONTHS = 36
COLORS = ("#2f6690", "#d9822b", "#3a7d44", "#8f3985", "#c0392b", "#16a085")


def periods(months: list[str]) -> tuple[list[str], str]:
    """Every period from the first to the last month: months, or years when the span is long."""
    ms = sorted(m for m in months if len(m) == 7 and m[4] == "-")
    if not ms:
        return [], "month"
    (y0, m0), (y1, m1) = (map(int, ms[0].split("-")), map(int, ms[-1].split("-")))
    span = (y1 - y0) * 12 + (m1 - m0) + 1
    if span > MAX_MONTHS:
        return [str(y) for y in range(y0, y1 + 1)], "year"
    out = []
    y, m = y0, m0
    for _ in range(span):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out, "month"


def _bucket(values: Mapping[str, int], unit: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for k, v in values.items():
        key = k[:4] if unit == "year" else k[:7]
        out[key] = out.get(key, 0) + int(v)
    return out


def _svg(width: int, height: int, body: list[str], label: str) -> Markup:
    return Markup(f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
                  f'aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
                  + "".join(body) + "</svg>")


def _range(p: str) -> tuple[str, str]:
    """The first and last day a period (a year or a month) covers, as filter values."""
    return p, p


def bar_chart(series: Mapping[str, Mapping[str, int]], names: Mapping[str, str], *, title: str,
              empty: str, links: Mapping[str, str] | None = None) -> Markup:
    """One band of bars per series, each on its own scale (2 articles and 257 statements both
    readable), over the periods that have data only (a stray 1975 does not draw 50 empty years);
    each bar has a tooltip and, with ``links`` (series -> URL with ``{since}`` and ``{until}``),
    leads to the records of its period."""
    keys = list(series)
    per, unit = periods([m for s in series.values() for m in s])
    data = {k: _bucket(series[k], unit) for k in keys}
    per = [p for p in per if any(data[k].get(p, 0) for k in keys)]
    if not per:
        return Markup(f'<p class="muted">{escape(empty)}</p>')
    width, left, band, gap, axis = 760, 44, 62, 22, 22
    height = len(keys) * (band + gap) + axis
    slot = (width - left - 8) / len(per)
    bar = max(1.0, slot * 0.7)
    body: list[str] = []
    for j, k in enumerate(keys):
        top = max([1, *data[k].values()])
        y0 = j * (band + gap) + gap  # the band's top; its name sits in the gap above it
        color = COLORS[j % len(COLORS)]
        body.append(f'<text x="{left}" y="{y0 - 6}" class="legend" fill="{color}">{escape(names.get(k, k))}</text>')
        body.append(f'<text x="{left - 4}" y="{y0 + 8}" text-anchor="end" class="tick">{top}</text>')
        body.append(f'<line x1="{left}" y1="{y0 + band}" x2="{width - 8}" y2="{y0 + band}" stroke="#ccc"/>')
        for i, p in enumerate(per):
            v = data[k].get(p, 0)
            if not v:
                continue
            h = max(1.0, band * v / top)
            x = left + i * slot + (slot - bar) / 2
            rect = (f'<rect class="bar" x="{x:.1f}" y="{y0 + band - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                    f'fill="{color}"><title>{escape(p)} · {escape(names.get(k, k))}: {v}</title></rect>')
            if links and k in links:
                since, until = _range(p)
                rect = f'<a href="{escape(links[k].format(since=since, until=until))}">{rect}</a>'
            body.append(rect)
    step = max(1, math.ceil(56 / slot))  # a label every ~56px, so they never overlap
    for i, p in enumerate(per):
        if i % step == 0:
            body.append(f'<text x="{left + i * slot + slot / 2:.1f}" y="{height - 6}" text-anchor="middle" '
                        f'class="tick">{escape(p)}</text>')
    return _svg(width, height, body, title)


def heatmap(cells: Mapping[str, Mapping[str, int]], rows: list[tuple[str, str]], *, title: str,
            empty: str) -> Markup:
    """A period × row grid (topics over time); a cell's shade is its count, with a tooltip."""
    per, unit = periods(list(cells))
    if not per or not rows:
        return Markup(f'<p class="muted">{escape(empty)}</p>')
    data: dict[str, dict[str, int]] = {}
    for month, counts in cells.items():
        key = month[:4] if unit == "year" else month[:7]
        for rid, v in counts.items():
            data.setdefault(rid, {})
            data[rid][key] = data[rid].get(key, 0) + int(v)
    per = [p for p in per if any(d.get(p) for d in data.values())] or per
    top = max([1, *(v for d in data.values() for v in d.values())])
    label_w, cell_h, width = 250, 20, 760
    cell_w = (width - label_w - 8) / len(per)
    height = 28 + cell_h * len(rows)
    body: list[str] = []
    step = max(1, math.ceil(56 / cell_w))
    for i, p in enumerate(per):
        if i % step == 0:
            body.append(f'<text x="{label_w + i * cell_w + cell_w / 2:.1f}" y="16" text-anchor="middle" '
                        f'class="tick">{escape(p)}</text>')
    for r, (rid, name) in enumerate(rows):
        y = 24 + r * cell_h
        short = name if len(name) <= 36 else name[:35].rstrip(" ,") + "…"
        body.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end" class="rowlabel">{escape(short)}'
                    f'<title>{escape(name)}</title></text>')
        for i, p in enumerate(per):
            v = data.get(rid, {}).get(p, 0)
            shade = 0.08 + 0.92 * v / top if v else 0.0
            fill = f'fill="#2f6690" fill-opacity="{shade:.2f}"' if v else 'fill="#f3f4f6"'
            body.append(f'<rect x="{label_w + i * cell_w + 1:.1f}" y="{y}" width="{max(1.0, cell_w - 2):.1f}" '
                        f'height="{cell_h - 2}" {fill}><title>{escape(name)} · {escape(p)}: {v}</title></rect>')
    return _svg(width, height, body, title)
