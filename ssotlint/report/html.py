"""``ssotlint report``: one self-contained HTML file (inline CSS, inline SVG, a little JS).

Everything shown comes from the audited repository (paths, class and module names, commit
subjects, messages) and is therefore untrusted: every text goes through :func:`esc`, every
link's path components through :func:`urllib.parse.quote`, and the page's Content Security
Policy allows no source but its own inline style and the one inline script whose hash it
names. The page is complete without JavaScript: the script only adds a filter box and
sortable tables.
"""

from __future__ import annotations

import base64
import hashlib
import math
from collections import defaultdict
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence
from urllib.parse import quote

from ssotlint.discover.files import display_path
from ssotlint.rules.base import Violation
from ssotlint.score import Score

if TYPE_CHECKING:
    from ssotlint.history import Entry

# A group with more violations than this starts collapsed.
OPEN_LIMIT = 20
# Cycles drawn as graphs (each is also listed with the violations).
MAX_CYCLE_GRAPHS = 60


# C0 and C1 control characters other than tab, newline and carriage return are not allowed
# in HTML text; a commit subject or a file name may hold them.
_CONTROLS = {c: "\ufffd" for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]}


def esc(value: object) -> str:
    """Text for HTML content or a quoted attribute value."""
    return escape(str(value).translate(_CONTROLS), quote=True)


@dataclass
class ReportData:
    """Everything the page shows; built by the command, rendered by :func:`render`."""

    title: str
    version: str
    python: str
    root: str
    commit: str | None  # HEAD's sha; None outside git or before the first commit
    dirty: bool  # the working tree differs from the commit
    generated: str  # ISO-8601 time
    files: int
    unparsed: int
    score: Score
    violations: Sequence[Violation]
    rule_names: Mapping[str, str]
    fixable: frozenset[str]
    config: Sequence[tuple[str, str]]
    history: Sequence["Entry"] | None = None
    history_note: str = ""
    link: str | None = None  # template with {sha}, {path}, {line}
    link_prefix: str = ""  # the root's folder in the git repository ("" or "sub/dir/")
    warnings: Sequence[str] = field(default_factory=list)


def link_for(template: str, sha: str, path: str, line: int) -> str:
    """The URL of a violation: path components URL-quoted, then filled into the template."""
    quoted = "/".join(quote(part, safe="") for part in display_path(path).split("/"))
    return template.replace("{sha}", quote(sha, safe="")).replace("{path}", quoted).replace("{line}", str(int(line)))


# -- page -------------------------------------------------------------------------------------
def render(data: ReportData) -> str:
    sections = [
        _headline(data),
        _trend(data),
        _rule_table(data),
        _package_table(data),
        _cycles(data),
        _violations(data),
        _facts(data),
    ]
    script_hash = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    policy = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{script_hash}'"
    return "".join(
        [
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
            f'<meta http-equiv="Content-Security-Policy" content="{esc(policy)}">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            f"<title>{esc(data.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
            f"<header><h1>{esc(data.title)}</h1><p class=\"sub\">{esc(_run_line(data))}</p></header>\n<main>\n",
            "\n".join(s for s in sections if s),
            "\n</main>\n",
            f"<script>{SCRIPT}</script>\n</body>\n</html>\n",
        ]
    )


def _run_line(data: ReportData) -> str:
    commit = f"commit {data.commit[:12]}" if data.commit else "no commit"
    if data.commit and data.dirty:
        commit += " with uncommitted changes"
    return f"ssotlint {data.version} · {commit} · {data.files} files · generated {data.generated}"


def _headline(data: ReportData) -> str:
    cards = []
    for kind, label in (("overall", "Overall"), ("production", "Production code"), ("tests", "Tests")):
        c = getattr(data.score, kind)
        detail = (
            f'{c.clean} of {c.files} files clean · {c.violations} violation{"s" if c.violations != 1 else ""}'
            if c.files else "no files of this kind"
        )
        cards.append(
            f'<div class="card {kind}" id="score-{kind}" data-score="{c.percent:.1f}">'
            f'<div class="label">{label}</div><div class="big">{c.percent:.1f}%</div>'
            f'<div class="small">{detail}</div></div>'
        )
    return f'<section id="headline" class="cards" aria-label="SSOT compliance">{"".join(cards)}</section>'


# -- trend ------------------------------------------------------------------------------------
def _trend(data: ReportData) -> str:
    head = "<section id=\"trend\"><h2>Trend</h2>"
    entries = data.history or []
    if not any(e.point for e in entries):
        note = data.history_note or "No history to show."
        return f"{head}<p class=\"note\">{esc(note)}</p></section>"
    return head + trend_svg(entries) + _trend_caption(entries) + "</section>"


def _trend_caption(entries: Sequence["Entry"]) -> str:
    analysed = [e for e in entries if e.point]
    first, last = analysed[0], analysed[-1]
    gaps = len(entries) - len(analysed)
    a, b = first.point.compliance("overall").percent, last.point.compliance("overall").percent
    text = (
        f"Overall score over {len(entries)} commit{'s' if len(entries) != 1 else ''} (first parents, oldest left): "
        f"{a:.1f}% at {first.commit.sha[:10]} → {b:.1f}% at {last.commit.sha[:10]} ({b - a:+.1f})"
    )
    if gaps:
        text += f"; {gaps} commit{'s' if gaps != 1 else ''} could not be analysed (grey bands)"
    return f'<p class="note">{esc(text)}.</p>'


def trend_svg(entries: Sequence["Entry"], width: int = 860, height: int = 230) -> str:
    """Lines for overall, production and tests, one x step per commit; gaps break the lines."""
    left, right, top, bottom = 48, 12, 12, 34
    # A kind with no files at a commit has no score there (not the 100% of an empty set).
    series = {
        kind: [e.point.compliance(kind).percent if e.point and e.point.compliance(kind).files else None for e in entries]
        for kind in ("overall", "production", "tests")
    }
    known = [v for values in series.values() for v in values if v is not None]
    low = min(known)
    low = max(0.0, math.floor((low - 1) / 5) * 5) if low < 100 else 90.0
    n = len(entries)
    step = (width - left - right) / max(n - 1, 1)

    def x(i: int) -> float:
        return left + (i * step if n > 1 else (width - left - right) / 2)

    def y(v: float) -> float:
        return top + (100 - v) / (100 - low) * (height - top - bottom)

    parts = [f'<svg class="trend" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="score trend">']
    for tick in _ticks(low):
        parts.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y(tick):.1f}" y2="{y(tick):.1f}"/>')
        parts.append(f'<text class="axis" x="{left - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{tick:g}%</text>')
    for i, e in enumerate(entries):
        if e.point is None:
            parts.append(
                f'<rect class="gap" x="{x(i) - max(step / 2, 3):.1f}" y="{top}" width="{max(step, 6):.1f}" height="{height - top - bottom}">'
                f"<title>{esc(e.commit.sha[:10])} not analysed: {esc(e.gap)}</title></rect>"
            )
    for kind, values in series.items():
        for run in _runs(values):
            points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in run)
            if len(run) == 1:
                i, v = run[0]
                parts.append(f'<circle class="dot {kind}" cx="{x(i):.1f}" cy="{y(v):.1f}" r="2.5"/>')
            else:
                parts.append(f'<polyline class="line {kind}" points="{points}"/>')
    for i, e in enumerate(entries):
        if e.point:
            v = e.point.compliance("overall").percent
            tip = f"{e.commit.sha[:10]} {e.commit.date[:10]} {v:.1f}% — {e.commit.subject}"
            parts.append(f'<circle class="hit" cx="{x(i):.1f}" cy="{y(v):.1f}" r="4"><title>{esc(tip)}</title></circle>')
    base = height - bottom + 16
    parts.append(f'<text class="axis" x="{left}" y="{base}">{esc(entries[0].commit.date[:10])}</text>')
    if n > 1:
        parts.append(f'<text class="axis" x="{width - right}" y="{base}" text-anchor="end">{esc(entries[-1].commit.date[:10])}</text>')
    legend_x = left + 140
    for j, kind in enumerate(("overall", "production", "tests")):
        lx = legend_x + j * 130
        parts.append(f'<line class="line {kind}" x1="{lx}" x2="{lx + 24}" y1="{base - 4}" y2="{base - 4}"/>')
        parts.append(f'<text class="axis" x="{lx + 30}" y="{base}">{kind}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _ticks(low: float) -> list[float]:
    span = 100 - low
    step = 5 if span <= 25 else 10 if span <= 50 else 20
    ticks = []
    value = 100.0
    while value >= low - 1e-9:
        ticks.append(value)
        value -= step
    return ticks


def _runs(values: Sequence[float | None]) -> list[list[tuple[int, float]]]:
    """Consecutive known values, split at gaps."""
    runs: list[list[tuple[int, float]]] = [[]]
    for i, v in enumerate(values):
        if v is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append((i, v))
    return [r for r in runs if r]


# -- tables -----------------------------------------------------------------------------------
def _table(table_id: str, headers: Sequence[tuple[str, str]], rows: Iterable[Sequence[tuple[str, object]]]) -> str:
    """A sortable table: ``headers`` are (label, "text"|"num"); each cell is (shown, sort key)."""
    head = "".join(f'<th data-type="{kind}" tabindex="0">{esc(label)}</th>' for label, kind in headers)
    body = []
    for row in rows:
        cells = "".join(f'<td data-sort="{esc(key)}">{shown}</td>' for shown, key in row)
        body.append(f"<tr>{cells}</tr>")
    return f'<table class="sortable" id="{table_id}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _rule_table(data: ReportData) -> str:
    files_by_rule: dict[str, set[str]] = defaultdict(set)
    for v in data.violations:
        files_by_rule[v.rule].add(v.path)
    ranked = sorted(data.score.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked:
        return '<section id="rules"><h2>By rule</h2><p class="note">No violations.</p></section>'
    rows = [
        [
            (f'<a href="#rule-{esc(code)}">{esc(code)}</a>', code),
            (esc(data.rule_names.get(code, "")), data.rule_names.get(code, "")),
            (str(count), count),
            (str(len(files_by_rule[code])), len(files_by_rule[code])),
        ]
        for code, count in ranked
    ]
    headers = [("Rule", "text"), ("Name", "text"), ("Violations", "num"), ("Files", "num")]
    return f'<section id="rules"><h2>By rule</h2>{_table("rule-table", headers, rows)}</section>'


def _package_table(data: ReportData) -> str:
    ranked = sorted(data.score.by_package.items(), key=lambda kv: (kv[1].percent, -kv[1].violations, kv[0]))
    if not ranked:
        return ""
    rows = [
        [
            (esc(name), name),
            (f'<span class="pct">{c.percent:.1f}%</span>{_bar(c.percent)}', c.percent),
            (str(c.files), c.files),
            (str(c.files - c.clean), c.files - c.clean),
            (str(c.violations), c.violations),
        ]
        for name, c in ranked
    ]
    headers = [("Package", "text"), ("Score", "num"), ("Files", "num"), ("With violations", "num"), ("Violations", "num")]
    return f'<section id="packages"><h2>By top-level package (worst first)</h2>{_table("package-table", headers, rows)}</section>'


def _bar(percent: float) -> str:
    return f'<span class="bar" aria-hidden="true"><span style="width:{percent:.0f}%"></span></span>'


# -- cycles -----------------------------------------------------------------------------------
def _cycles(data: ReportData) -> str:
    cycles = [v for v in data.violations if v.rule == "SSOT002" and v.details.get("modules")]
    if not cycles:
        return ""
    figures = [cycle_svg(v, i) for i, v in enumerate(cycles[:MAX_CYCLE_GRAPHS])]
    more = len(cycles) - len(figures)
    note = f'<p class="note">{more} more cycle{"s" if more != 1 else ""} listed with the violations below.</p>' if more > 0 else ""
    legend = '<p class="note">Arrows point from the importing module to the imported one; red arrows are the suggested imports to move.</p>'
    return f'<section id="cycles"><h2>Import cycles ({len(cycles)})</h2>{legend}<div class="cycles">{"".join(figures)}</div>{note}</section>'


def cycle_svg(v: Violation, index: int) -> str:
    """The cycle's modules on a circle, its imports as arrows labelled ``path:line``."""
    modules: list[str] = [str(m) for m in v.details["modules"]]
    edges = [e for e in v.details.get("edges", ()) if isinstance(e, Mapping)]
    breakers = {(e.get("from"), e.get("to")) for e in v.details.get("suggested_fix", ()) if isinstance(e, Mapping)}
    n = len(modules)
    radius = 90 if n <= 3 else 26 * n
    start = math.pi if n == 2 else -math.pi / 2  # two modules side by side, else the first on top
    label_room, margin = 150, 45
    raw = [(radius * math.cos(start + 2 * math.pi * i / n), radius * math.sin(start + 2 * math.pi * i / n)) for i in range(n)]
    top = min(y for _, y in raw)
    width = 2 * (radius + label_room)
    size = max(y for _, y in raw) - top + 2 * margin
    cx, cy = width / 2, margin - top
    place = {m: (cx + x, cy + y) for m, (x, y) in zip(modules, raw)}
    marker = f"arrow{index}"
    parts = [
        f'<figure class="cycle"><svg viewBox="0 0 {width:.0f} {size:.0f}" width="{width:.0f}" height="{size:.0f}" role="img" aria-label="import cycle">',
        f'<defs><marker id="{marker}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        f'<path d="M0,0 L10,5 L0,10 z"/></marker><marker id="{marker}r" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        f'markerHeight="7" orient="auto-start-reverse"><path class="breaker" d="M0,0 L10,5 L0,10 z"/></marker></defs>',
    ]
    for e in edges:
        a, b = place.get(str(e.get("from"))), place.get(str(e.get("to")))
        if a is None or b is None:
            continue
        broken = (e.get("from"), e.get("to")) in breakers
        parts.append(_edge(a, b, f"{display_path(str(e.get('path', '')))}:{e.get('line', '')}", str(e.get("import", "")), broken, marker))
    for m, (x, y) in place.items():
        anchor = "start" if x > cx + 1 else "end" if x < cx - 1 else "middle"
        dx = 10 if anchor == "start" else -10 if anchor == "end" else 0
        dy = -10 if anchor == "middle" and y < cy else 18 if anchor == "middle" else 4
        parts.append(f'<circle class="node" cx="{x:.1f}" cy="{y:.1f}" r="6"/>')
        parts.append(f'<text class="module" x="{x + dx:.1f}" y="{y + dy:.1f}" text-anchor="{anchor}">{esc(_short(m))}<title>{esc(m)}</title></text>')
    parts.append("</svg>")
    chain = " → ".join([*modules, modules[0]])
    parts.append(f"<figcaption>{esc(chain)}</figcaption></figure>")
    return "".join(parts)


def _edge(a: tuple[float, float], b: tuple[float, float], label: str, text: str, broken: bool, marker: str) -> str:
    """A curved arrow from ``a`` to ``b`` (curved so that a -> b and b -> a stay apart)."""
    (x1, y1), (x2, y2) = a, b
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    x1, y1, x2, y2 = x1 + ux * 8, y1 + uy * 8, x2 - ux * 9, y2 - uy * 9  # stop at the nodes
    bend = 0.18 * length
    mx, my = (x1 + x2) / 2 + uy * bend, (y1 + y2) / 2 - ux * bend
    # The label sits just outside the curve's apex (half-way to the control point).
    off = bend * 0.5 + 6
    lx, ly = (x1 + x2) / 2 + uy * off, (y1 + y2) / 2 - ux * off + (9 if -ux > 0.3 else 0)
    cls = "edge breaker" if broken else "edge"
    end = f"{marker}r" if broken else marker
    return (
        f'<g class="{cls}"><path d="M{x1:.1f},{y1:.1f} Q{mx:.1f},{my:.1f} {x2:.1f},{y2:.1f}" marker-end="url(#{end})">'
        f"<title>{esc(label)} {esc(text)}</title></path>"
        f'<text class="edge-label" x="{lx:.1f}" y="{ly:.1f}" text-anchor="middle">{esc(_short(label, 32))}</text></g>'
    )


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else "…" + text[-(limit - 1):]


# -- violations -------------------------------------------------------------------------------
def _violations(data: ReportData) -> str:
    if not data.violations:
        return '<section id="violations"><h2>Violations</h2><p class="note">None: every file is clean.</p></section>'
    by_rule: dict[str, list[Violation]] = defaultdict(list)
    for v in data.violations:
        by_rule[v.rule].append(v)
    groups = []
    for code in sorted(by_rule, key=lambda c: (-len(by_rule[c]), c)):
        groups.append(_rule_group(data, code, by_rule[code]))
    filter_box = (
        '<p class="filter" hidden><label>Filter <input type="search" id="filter" '
        'placeholder="path, rule, module or message" autocomplete="off"></label> '
        '<span id="filter-count"></span></p>'
    )
    return (
        f'<section id="violations"><h2>Violations ({len(data.violations)})</h2>{filter_box}'
        + "".join(groups)
        + "</section>"
    )


def _rule_group(data: ReportData, code: str, violations: list[Violation]) -> str:
    by_file: dict[str, list[Violation]] = defaultdict(list)
    for v in violations:
        by_file[v.path].append(v)
    files = []
    for path in sorted(by_file, key=lambda p: (-len(by_file[p]), p)):
        items = sorted(by_file[path], key=lambda v: (v.line, v.col))
        lis = "".join(_violation_item(data, v) for v in items)
        opened = " open" if len(items) <= 5 and len(by_file) <= OPEN_LIMIT else ""
        files.append(
            f'<details class="file"{opened}><summary><code>{esc(display_path(path))}</code> '
            f'<span class="count">{len(items)}</span></summary><ul>{lis}</ul></details>'
        )
    name = data.rule_names.get(code, "")
    opened = " open" if len(violations) <= OPEN_LIMIT else ""
    fixable = ' <span class="tag">fixable: <code>ssotlint check --fix</code></span>' if code in data.fixable else ""
    return (
        f'<details class="rule" id="rule-{esc(code)}"{opened}><summary><strong>{esc(code)}</strong> {esc(name)} '
        f'<span class="count">{len(violations)} in {len(by_file)} file{"s" if len(by_file) != 1 else ""}</span>{fixable}</summary>'
        + "".join(files)
        + "</details>"
    )


def _violation_item(data: ReportData, v: Violation) -> str:
    where = f"line {v.line}"
    if data.link:
        href = link_for(data.link, data.commit or "HEAD", data.link_prefix + v.path, v.line)
        where = f'<a href="{esc(href)}" rel="noopener noreferrer">{where}</a>'
    fix = _fix(v)
    key = f"{v.rule} {data.rule_names.get(v.rule, '')} {display_path(v.path)} {v.message}".lower()
    return f'<li data-filter="{esc(key)}"><span class="where">{where}</span> {esc(v.message)}{fix}</li>'


def _fix(v: Violation) -> str:
    moves = [e for e in v.details.get("suggested_fix", ()) if isinstance(e, Mapping)]
    if not moves:
        return ""
    items = "".join(
        f"<li><code>{esc(display_path(str(e.get('path', ''))))}:{esc(e.get('line', ''))}</code> <code>{esc(e.get('import', ''))}</code></li>"
        for e in moves
    )
    return f'<div class="fix">Fix: move into the function that uses it, or under <code>if TYPE_CHECKING:</code><ul>{items}</ul></div>'


# -- facts ------------------------------------------------------------------------------------
def _facts(data: ReportData) -> str:
    rows: list[tuple[str, str]] = [
        ("ssotlint", data.version),
        ("Python", data.python),
        ("Repository", data.root),
        ("Commit", (data.commit or "none") + (" (with uncommitted changes)" if data.commit and data.dirty else "")),
        ("Files analysed", str(data.files - data.unparsed)),
        ("Files not parsable (SSOT000)", str(data.unparsed)),
        ("Violations", str(len(data.violations))),
        ("Generated", data.generated),
    ]
    facts = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows)
    config = "".join(f"<tr><th><code>{esc(k)}</code></th><td><code>{esc(v)}</code></td></tr>" for k, v in data.config)
    warnings = ""
    if data.warnings:
        warnings = "<h3>Warnings</h3><ul>" + "".join(f"<li>{esc(w)}</li>" for w in data.warnings) + "</ul>"
    return (
        f'<section id="facts"><h2>Run</h2><table class="facts">{facts}</table>'
        f'<details><summary>Configuration</summary><table class="facts">{config}</table></details>{warnings}</section>'
    )


def config_rows(config: Any) -> list[tuple[str, str]]:
    """The configuration's fields as ``(kebab-case key, value)`` rows."""
    import dataclasses

    rows = []
    for f in dataclasses.fields(config):
        value = getattr(config, f.name)
        if f.name == "source":
            continue
        rows.append((f.name.replace("_", "-"), _plain(value)))
    return rows


def _plain(value: Any) -> str:
    import dataclasses

    if dataclasses.is_dataclass(value):
        return ", ".join(f"{f.name.replace('_', '-')}={_plain(getattr(value, f.name))}" for f in dataclasses.fields(value))
    if isinstance(value, tuple):
        return "[" + ", ".join(_plain(v) for v in value) + "]"
    if value is None:
        return "none"
    return str(value)


STYLE = """
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;--bad:#cf222e;--ok:#1a7f37;--accent:#0969da}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{padding:18px 28px;border-bottom:1px solid var(--line);background:var(--soft)}
h1{margin:0;font-size:22px}
h2{font-size:18px;margin:28px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
.sub,.note{color:var(--muted);margin:4px 0}
main{padding:0 28px 40px;max-width:1200px}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.cards{display:flex;gap:16px;flex-wrap:wrap;margin-top:20px}
.card{border:1px solid var(--line);border-radius:8px;padding:12px 18px;min-width:220px;background:var(--bg)}
.card.overall{border-color:var(--accent);border-width:2px}
.card .label{color:var(--muted);font-weight:600}
.card .big{font-size:34px;font-weight:700}
.card .small{color:var(--muted)}
svg text{font:11px system-ui,sans-serif;fill:var(--fg)}
svg .axis{fill:var(--muted)}
svg .grid{stroke:var(--line);stroke-width:1}
svg .gap{fill:#d0d7de;opacity:.6}
svg .line{fill:none;stroke-width:2}
svg .line.overall,svg .dot.overall{stroke:var(--accent);fill:var(--accent)}
svg .line.overall{fill:none}
svg .line.production{stroke:#8250df;stroke-dasharray:6 3}
svg .line.tests{stroke:#bf8700;stroke-dasharray:2 3}
svg .dot.production{fill:#8250df}
svg .dot.tests{fill:#bf8700}
svg .hit{fill:var(--accent);fill-opacity:.15;stroke:none}
svg .hit:hover{fill-opacity:.7}
.trend{max-width:100%;height:auto}
table{border-collapse:collapse;margin:6px 0}
th,td{border-bottom:1px solid var(--line);padding:4px 12px;text-align:left;vertical-align:top}
table.sortable th{cursor:pointer;user-select:none;background:var(--soft)}
table.sortable th[aria-sort=ascending]::after{content:" ▲"}
table.sortable th[aria-sort=descending]::after{content:" ▼"}
td[data-sort]{white-space:nowrap}
.pct{display:inline-block;min-width:3.6em;text-align:right}
.bar{display:inline-block;width:80px;height:8px;margin-left:8px;background:#ffebe9;border-radius:4px;overflow:hidden;vertical-align:middle}
.bar span{display:block;height:100%;background:var(--ok)}
.cycles{display:flex;flex-wrap:wrap;gap:12px}
figure.cycle{margin:0;border:1px solid var(--line);border-radius:8px;padding:8px;max-width:100%}
figure.cycle svg{max-width:100%;height:auto}
figcaption{font:12px ui-monospace,monospace;color:var(--muted);max-width:520px;overflow-wrap:anywhere}
.node{fill:var(--fg)}
.edge path{fill:none;stroke:var(--muted);stroke-width:1.5}
marker path{fill:var(--muted)}
marker path.breaker{fill:var(--bad)}
.edge.breaker path{stroke:var(--bad);stroke-width:2.5}
.edge-label{fill:var(--muted);font-size:10px}
.edge.breaker .edge-label{fill:var(--bad);font-weight:600}
.module{font-weight:600}
details.rule{border:1px solid var(--line);border-radius:8px;margin:8px 0;padding:6px 12px}
details.rule>summary{cursor:pointer;font-size:15px}
details.file{margin:4px 0 4px 14px}
details.file>summary{cursor:pointer}
details ul{margin:4px 0 8px;padding-left:22px}
li{margin:2px 0}
.count{color:var(--muted);margin-left:6px}
.tag{font-size:12px;color:var(--ok);margin-left:8px}
.where{display:inline-block;min-width:64px;color:var(--muted)}
.fix{color:var(--muted);margin:2px 0 4px}
.filter input{font:inherit;padding:4px 8px;width:340px;max-width:100%;border:1px solid var(--line);border-radius:6px}
.facts th{font-weight:600;color:var(--muted);width:240px}
[hidden]{display:none!important}
"""

# Filter box and sortable tables. Errors are recorded on <html data-errors> (the browser test
# reads them); a complete run sets data-js="ok".
SCRIPT = """
(function () {
  "use strict";
  var root = document.documentElement;
  window.addEventListener("error", function (event) {
    root.setAttribute("data-errors", (root.getAttribute("data-errors") || "") + event.message + ";");
  });
  function filter(query) {
    var q = query.trim().toLowerCase();
    var shown = 0;
    document.querySelectorAll("#violations li[data-filter]").forEach(function (li) {
      var hit = !q || li.getAttribute("data-filter").indexOf(q) !== -1;
      li.hidden = !hit;
      if (hit) { shown += 1; }
    });
    document.querySelectorAll("#violations details").forEach(function (group) {
      var any = group.querySelector("li[data-filter]:not([hidden])") !== null;
      group.hidden = !any;
      if (q && any) { group.open = true; }
    });
    var count = document.getElementById("filter-count");
    if (count) { count.textContent = q ? shown + " shown" : ""; }
  }
  var box = document.getElementById("filter");
  if (box) {
    box.closest(".filter").hidden = false;
    box.addEventListener("input", function () { filter(box.value); });
    var hash = window.location.hash;  // report.html#filter=SSOT002 opens filtered
    if (hash.indexOf("#filter=") === 0) {
      box.value = decodeURIComponent(hash.slice(8));
      filter(box.value);
    }
  }
  function sortBy(table, th) {
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = th.getAttribute("data-type") === "num";
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    th.parentNode.querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[index].getAttribute("data-sort"), y = b.cells[index].getAttribute("data-sort");
      var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th").forEach(function (th) {
      th.addEventListener("click", function () { sortBy(table, th); });
      th.addEventListener("keydown", function (event) { if (event.key === "Enter") { sortBy(table, th); } });
    });
  });
  root.setAttribute("data-js", "ok");
})();
"""
