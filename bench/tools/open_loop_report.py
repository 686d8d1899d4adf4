"""The table and the plot of bench/open-loop.sh.

Usage: open_loop_report.py <max req/s> <how the max was measured> <runs.tsv> <plot.svg> <title>
runs.tsv: one line per rate: percent of the maximum, the loadgen output file, its .hgrm file, the event's status JSON.

The plot is latency by percentile, one line per rate, with the percentile axis scaled like HdrHistogram's plotter:
x = log10(1 / (1 - percentile)), so 90 %, 99 %, 99.9 % ... are equally spaced. Plain SVG, no plotting library.
"""
import json
import math
import re
import sys

TARGET_P99_MS = 20.0  # issue #16: open loop at 50 % of the maximum, p99 <= 20 ms


def result(path):
    text = open(path).read()
    match = re.search(r"^RESULT (.*)$", text, re.M)
    if not match:
        sys.exit(f"no RESULT line in {path}:\n{text}")
    fields = dict(kv.split("=", 1) for kv in match.group(1).split())
    return {k: (v if k == "label" else float(v)) for k, v in fields.items()}


def distribution(path):
    """(percentile as a fraction, value in ms) from a .hgrm file; the last line (percentile 1) is the maximum."""
    points = []
    for line in open(path):
        parts = line.split()
        if len(parts) < 3 or line.startswith("#"):
            continue
        try:
            value, percentile = float(parts[0]), float(parts[1])
        except ValueError:
            continue  # the header
        points.append((percentile, value))
    return points


def ledger(status_json, granted):
    status = json.loads(status_json)
    if status["available"] + status["held"] + status["booked"] != status["total"]:
        return "UNBALANCED"
    if status["held"] < granted:
        return f"LOST (held {status['held']} < 201s {granted})"
    return "balanced"


def nice_ceiling(value):
    if value <= 0:
        return 1.0
    exponent = 10 ** math.floor(math.log10(value))
    for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if value <= step * exponent:
            return step * exponent
    return 10 * exponent


def svg_plot(series, path, title):
    """series: [(label, [(percentile, ms)], max_ms)]."""
    width, height = 900, 520
    left, right, top, bottom = 80, 240, 50, 70
    plot_w, plot_h = width - left - right, height - top - bottom
    finite = [math.log10(1 / (1 - p)) for _, points, _ in series for p, _ in points if p < 1]
    x_max = max(3, min(6, math.ceil(max(finite, default=3) - 1e-9)))
    y_max = nice_ceiling(max(m for _, _, m in series) * 1.05)

    def x(xv):
        return left + plot_w * xv / x_max

    def y(ms):
        return top + plot_h * (1 - ms / y_max)

    colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2"]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{left + plot_w / 2}" y="28" text-anchor="middle" font-size="15">{escape(title)}</text>']
    for i in range(x_max + 1):  # percentile grid: 0 %, 90 %, 99 %, ...
        label = "0%" if i == 0 else ("99." + "9" * (i - 2) if i > 2 else "90" if i == 1 else "99") + "%"
        out.append(f'<line x1="{x(i):.1f}" y1="{top}" x2="{x(i):.1f}" y2="{top + plot_h}" stroke="#ddd"/>')
        out.append(f'<text x="{x(i):.1f}" y="{top + plot_h + 18}" text-anchor="middle">{label}</text>')
    for k in range(6):  # latency grid
        ms = y_max * k / 5
        out.append(f'<line x1="{left}" y1="{y(ms):.1f}" x2="{left + plot_w}" y2="{y(ms):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 8}" y="{y(ms) + 4:.1f}" text-anchor="end">{ms:g}</text>')
    out.append(f'<text x="{left + plot_w / 2}" y="{height - 25}" text-anchor="middle">percentile '
               f'(log scale of 1/(1-p), as HdrHistogram plots it)</text>')
    out.append(f'<text transform="translate(22,{top + plot_h / 2}) rotate(-90)" text-anchor="middle">'
               f'latency from the scheduled send time (ms)</text>')
    if TARGET_P99_MS <= y_max:
        out.append(f'<line x1="{left}" y1="{y(TARGET_P99_MS):.1f}" x2="{left + plot_w}" y2="{y(TARGET_P99_MS):.1f}" '
                   f'stroke="#888" stroke-dasharray="6,4"/>')
        out.append(f'<text x="{x(2) + 4:.1f}" y="{y(TARGET_P99_MS) - 5:.1f}" fill="#666">p99 target '
                   f'{TARGET_P99_MS:g} ms (at 50 %)</text>')
    out.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#444"/>')
    for n, (label, points, max_ms) in enumerate(series):
        color = colors[n % len(colors)]
        xy = [(math.log10(1 / (1 - p)), ms) for p, ms in points if p < 1 and math.log10(1 / (1 - p)) <= x_max]
        xy.append((x_max, max_ms))  # the maximum at the right edge
        path_d = " ".join(f"{'M' if i == 0 else 'L'}{x(a):.1f},{y(b):.1f}" for i, (a, b) in enumerate(xy))
        out.append(f'<path d="{path_d}" fill="none" stroke="{color}" stroke-width="2"/>')
        ly = top + 10 + 22 * n
        out.append(f'<line x1="{left + plot_w + 15}" y1="{ly}" x2="{left + plot_w + 40}" y2="{ly}" '
                   f'stroke="{color}" stroke-width="3"/>')
        out.append(f'<text x="{left + plot_w + 46}" y="{ly + 4}">{escape(label)}</text>')
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main():
    max_rps, max_with, runs_file, svg, title = float(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
    rows, series = [], []
    for line in open(runs_file):
        pct, out_file, hgrm, status = line.rstrip("\n").split("\t")
        r = result(out_file)
        rows.append((int(pct), r, ledger(status, int(r.get("s201", 0)))))
        series.append((f"{pct} % of max: {r['target_rps']:,.0f}/s", distribution(hgrm), r["max_ms"]))
    print()
    print(f"maximum (closed loop, {max_with}): {max_rps:,.0f} holds/s")
    print(f"{'share':>6}{'target/s':>10}{'done/s':>9}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'p99.9 ms':>10}"
          f"{'max ms':>9}{'not-201':>9}{'errors':>8}{'lag p99':>9}  ledger")
    for pct, r, check in rows:
        print(f"{pct:>5}%{r['target_rps']:>10.0f}{r['rps']:>9.0f}{r['p50_ms']:>9.2f}{r['p90_ms']:>9.2f}"
              f"{r['p99_ms']:>9.2f}{r['p999_ms']:>10.2f}{r['max_ms']:>9.2f}"
              f"{int(r['answered'] - r.get('s201', 0)):>9}{int(r['errors'] + r['timeouts'] + r['unfinished']):>8}"
              f"{r['send_lag_p99_ms']:>9.2f}  {check}")
    half = [r for pct, r, _ in rows if pct == 50]
    if half:
        r = half[0]
        met = "met" if r["p99_ms"] <= TARGET_P99_MS else "NOT met"
        print(f"\nat 50 % of the maximum: p99 {r['p99_ms']:.2f} ms (target <= {TARGET_P99_MS:g} ms: {met}), "
              f"p99.9 {r['p999_ms']:.2f} ms, max {r['max_ms']:.2f} ms")
    print("lag p99: how late the generator itself sent (its own CPU starvation); latency counts from the schedule "
          "either way.")
    svg_plot(series, svg, title)
    print(f"plot: {svg}")


if __name__ == "__main__":
    main()
