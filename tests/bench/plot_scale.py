#!/usr/bin/env python3
"""Draws bench_scale's CSV (--csv-out) as an SVG with no dependencies: seconds per step and peak MiB per
step against order lines. Usage: plot_scale.py bench.csv out.svg"""
import csv
import sys

rows = list(csv.DictReader(open(sys.argv[1])))
lines = [int(r['lines']) for r in rows]
# The load twice: cold (SQL, then the snapshot cache written: the first open after the history changed) and
# warm (every other open, from the cache).
series_s = {'import': 'import_s', 'load, cold': 'load_s', 'load, warm': 'load_warm_s', 'mine run': 'mine_s', 'kpi': 'kpi_s'}
series_m = {'import': 'import_peak_mib', 'load, cold': 'load_peak_mib', 'load, warm': 'load_warm_peak_mib',
            'mine run': 'mine_peak_mib', 'kpi': 'kpi_peak_mib'}
colors = ['#1f77b4', '#d62728', '#ff7f0e', '#2ca02c', '#9467bd']
W, H, M = 420, 300, 50


def panel(x0, title, series, unit):
    vals = [float(r[c]) for r in rows for c in series.values() if float(r[c]) >= 0]
    ymax = max(vals + [1]) * 1.1
    xmax = max(lines) * 1.05
    out = [f'<g transform="translate({x0},0)">',
           f'<text x="{W / 2}" y="20" text-anchor="middle" font-size="14">{title}</text>',
           f'<line x1="{M}" y1="{H - M}" x2="{W - 10}" y2="{H - M}" stroke="black"/>',
           f'<line x1="{M}" y1="{H - M}" x2="{M}" y2="30" stroke="black"/>']
    for k in range(5):
        y = ymax * k / 4
        py = H - M - (H - M - 30) * k / 4
        out.append(f'<text x="{M - 5}" y="{py + 4}" text-anchor="end" font-size="10">{y:.0f}</text>')
    for n in lines:
        px = M + (W - 10 - M) * n / xmax
        out.append(f'<text x="{px}" y="{H - M + 15}" text-anchor="middle" font-size="10">{n / 1e6:g}M</text>')
    out.append(f'<text x="{(W + M) / 2}" y="{H - 15}" text-anchor="middle" font-size="11">order lines</text>')
    out.append(f'<text x="12" y="{H / 2}" font-size="11" transform="rotate(-90 12 {H / 2})" text-anchor="middle">{unit}</text>')
    for i, (name, col) in enumerate(series.items()):
        pts = [(M + (W - 10 - M) * n / xmax, H - M - (H - M - 30) * float(r[col]) / ymax) for n, r in zip(lines, rows)]
        out.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>' % (colors[i], ' '.join(f'{x:.1f},{y:.1f}' for x, y in pts)))
        for x, y in pts:
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colors[i]}"/>')
        out.append(f'<text x="{M + 10}" y="{40 + 14 * i}" font-size="11" fill="{colors[i]}">{name}</text>')
    out.append('</g>')
    return out


svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * W}" height="{H}" font-family="sans-serif">',
       '<rect width="100%" height="100%" fill="white"/>']
svg += panel(0, 'wall seconds (median)', series_s, 's')
svg += panel(W, 'peak resident memory', series_m, 'MiB')
svg.append('</svg>')
open(sys.argv[2], 'w').write('\n'.join(svg) + '\n')
