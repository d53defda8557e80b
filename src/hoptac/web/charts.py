"""Charts drawn on the server as plain SVG: no script, no network, every label escaped.

Monthly series spanning more than :data:`MAX_MONTHS` months are summed by year, so a
corpus from 2016 to 2025 stays readable.
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


def bar_chart(series: Mapping[str, Mapping[str, int]], names: Mapping[str, str], *, title: str,
              empty: str) -> Markup:
    """Grouped bars per period, one colour per series; each bar has a tooltip."""
    keys = list(series)
    per, unit = periods([m for s in series.values() for m in s])
    if not per:
        return Markup(f'<p class="muted">{escape(empty)}</p>')
    data = {k: _bucket(series[k], unit) for k in keys}
    top = max([1, *(v for d in data.values() for v in d.values())])
    width, height, left, bottom, legend = 760, 240, 36, 34, 22
    plot_w, plot_h = width - left - 8, height - bottom - legend - 8
    slot = plot_w / len(per)
    bar = max(1.0, (slot * 0.8) / len(keys))
    body = [f'<line x1="{left}" y1="{legend + plot_h + 4}" x2="{width - 8}" y2="{legend + plot_h + 4}" '
            'stroke="#999" stroke-width="1"/>']
    for frac in (0.5, 1.0):
        y = legend + 4 + plot_h * (1 - frac)
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 8}" y2="{y:.1f}" stroke="#eee"/>')
        body.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" class="tick">'
                    f'{round(top * frac)}</text>')
    step = max(1, math.ceil(56 / slot))  # a label every ~56px, so they never overlap
    for i, p in enumerate(per):
        x0 = left + i * slot + slot * 0.1
        for j, k in enumerate(keys):
            v = data[k].get(p, 0)
            if not v:
                continue
            h = plot_h * v / top
            y = legend + 4 + plot_h - h
            body.append(f'<rect class="bar" x="{x0 + j * bar:.1f}" y="{y:.1f}" width="{bar * 0.92:.1f}" '
                        f'height="{h:.1f}" fill="{COLORS[j % len(COLORS)]}"><title>'
                        f'{escape(p)} · {escape(names.get(k, k))}: {v}</title></rect>')
        if i % step == 0:
            body.append(f'<text x="{left + i * slot + slot / 2:.1f}" y="{height - bottom + 20}" '
                        f'text-anchor="middle" class="tick">{escape(p)}</text>')
    x = left
    for j, k in enumerate(keys):
        body.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{COLORS[j % len(COLORS)]}"/>'
                    f'<text x="{x + 16}" y="14" class="legend">{escape(names.get(k, k))}</text>')
        x += 24 + 8 * len(names.get(k, k))
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
