"""Reports of a check: a text table per group for people, JSON for machines."""

from __future__ import annotations

import html
import json

from facts.check import CheckResult, Group

_WIDTH = 36
_VERDICT_MARK = {"consistent": "OK", "conflict": "CONFLICT", "uncorroborated": "SINGLE SOURCE"}


def _clip(text: str, width: int = _WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _cell_text(group: Group, row_index: int, name: str) -> str:
    cell = group.rows[row_index].cells[name]
    if cell.empty:
        return "—"
    if name == "polarity":
        return cell.raw
    if not cell.resolved:
        return f"{cell.raw} → ?"
    return f"{cell.raw} → {cell.display}"


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return ["    " + fmt.format(*headers).rstrip()] + [
        "    " + fmt.format(*r).rstrip() for r in rows
    ]


def _shown_fields(group: Group) -> list[str]:
    """The compared fields that at least one row of the group states."""
    return [f for f in group.compared_fields if any(not r.cells[f].empty for r in group.rows)]


def _conflicts_first(groups: list[Group]) -> list[Group]:
    order = {"conflict": 0, "consistent": 1, "uncorroborated": 2}
    return sorted(groups, key=lambda g: order[g.verdict])


def format_group(group: Group) -> str:
    """One group as text: the rows' raw and normalized values side by side, then the verdicts."""
    docs = group.documents
    head = (f"[{_VERDICT_MARK[group.verdict]}] {group.label}  "
            f"({len(group.rows)} row{'s' * (len(group.rows) > 1)}, "
            f"{len(docs)} document{'s' * (len(docs) > 1)}: {', '.join(docs)})")
    shown = _shown_fields(group)
    body = [[r.row.id, r.row.doc, *(_clip(_cell_text(group, i, f)) for f in shown)]
            for i, r in enumerate(group.rows)]
    lines = [head, *_table(["row", "doc", *shown], body)]
    for name, verdicts in group.fields.items():
        stated = [v for v in verdicts if v.verdict != "missing"]
        if stated and all(v.verdict == "agree" for v in stated):
            pairs = f"all {len(stated)} pairs agree" if len(stated) > 1 else "agree"
            lines.append(f"    {name}: {pairs} ({stated[0].why})")
            continue
        lines += [f"    {name}: {v.a} ~ {v.b} {v.verdict}: {v.why}" for v in stated]
    return "\n".join(lines)


def format_text(result: CheckResult) -> str:
    """The whole report as text: groups (conflicts first), unresolved mentions, errors, summary."""
    groups = _conflicts_first(result.groups)
    n_docs = len({r.doc for r in result.corpus.rows})
    out = [f"facts check {result.corpus.root}: {len(result.corpus.rows)} rows from {n_docs} "
           f"documents, {len(groups)} groups", ""]
    for g in groups:
        out += [format_group(g), ""]
    if result.unresolved:
        out.append(f"Unresolved mentions ({len(result.unresolved)}; raw text kept):")
        out += [f"  {e}" for e in result.unresolved]
        out.append("")
    if result.errors:
        out.append(f"Input errors ({len(result.errors)}):")
        out += [f"  {e}" for e in result.errors]
        out.append("")
    d = result.to_dict()["summary"]
    out.append(f"{d['groups']} groups: {d['consistent']} consistent, {d['conflict']} in conflict, "
               f"{d['uncorroborated']} uncorroborated (single document); {d['errors']} input "
               f"errors. Exit code {result.exit_code}.")
    return "\n".join(out)


def format_json(result: CheckResult) -> str:
    """The JSON report (design.md): `groups` with key, rows, verdict, fields; and `errors`."""
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False, default=str)


def format_conflicts(group: Group) -> str:
    """For a person: each conflicting field with both documents, raw mentions and values."""
    by_id = {r.row.id: r for r in group.rows}
    lines = [f"{group.label}: the documents disagree"]
    for name, v in group.conflicts():
        a, b = by_id[v.a], by_id[v.b]
        ca, cb = a.cells[name], b.cells[name]
        lines.append(
            f"  {name}: {a.row.doc} (row {a.row.line}) says {ca.raw!r} = {ca.display}; "
            f"{b.row.doc} (row {b.row.line}) says {cb.raw!r} = {cb.display} -> {v.why}"
        )
    return "\n".join(lines)


_CSS = """body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:70em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 6px;
text-align:left;vertical-align:top}th{background:#f4f4f4}.conflict{color:#b00}
.consistent{color:#070}.uncorroborated{color:#777}.verdicts{font-size:12px;color:#333}
svg text{font-size:11px}"""


def _timeline(group: Group) -> str:
    """An SVG strip: each row's `when` interval on one time axis, so containment is visible."""
    spans = []
    for nrow in group.rows:
        cell = nrow.cells["when"]
        value = cell.value if cell.resolved else None
        if value is not None and getattr(value, "start", None) and getattr(value, "end", None):
            spans.append((nrow.row.id, cell.key, value.start, value.end))
    if not spans:
        return ""
    lo = min(s[2] for s in spans)
    hi = max(s[3] for s in spans)
    total = max((hi - lo).total_seconds(), 1.0)
    width, row_h = 600, 18
    bars = []
    for i, (rid, key, start, end) in enumerate(spans):
        x = 80 + width * (start - lo).total_seconds() / total
        w = max(width * (end - start).total_seconds() / total, 2)
        y = i * row_h
        bars.append(f'<text x="0" y="{y + 13}">{html.escape(rid)}</text>'
                    f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" '
                    f'fill="#4a7ebb" opacity=".6"><title>{html.escape(key)}</title></rect>'
                    f'<text x="{x + w + 4:.1f}" y="{y + 13}">{html.escape(key)}</text>')
    height = row_h * len(spans)
    return (f'<svg width="{width + 200}" height="{height}" role="img" '
            f'aria-label="timeline of when values">{"".join(bars)}</svg>')


def _html_group(group: Group) -> str:
    shown = _shown_fields(group)
    esc = html.escape
    head = "".join(f"<th>{esc(f)}</th>" for f in ["row", "doc", *shown])
    body = "".join(
        "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in
                         [r.row.id, r.row.doc, *(_cell_text(group, i, f) for f in shown)])
        + "</tr>"
        for i, r in enumerate(group.rows))
    verdicts = "".join(
        f"<li>{esc(name)}: {esc(v.a)} ~ {esc(v.b)} <b>{esc(v.verdict)}</b>: {esc(v.why)}</li>"
        for name, vs in group.fields.items() for v in vs if v.verdict != "missing")
    return (f'<section><h2 class="{group.verdict}">{esc(group.label)} '
            f"<small>({esc(group.verdict)})</small></h2>"
            f"<table><tr>{head}</tr>{body}</table>{_timeline(group)}"
            f'<ul class="verdicts">{verdicts}</ul></section>')


def format_html(result: CheckResult) -> str:
    """A self-contained HTML page: a table and a timeline of `when` values per group."""
    groups = _conflicts_first(result.groups)
    summary = result.to_dict()["summary"]
    errors = "".join(f"<li>{html.escape(str(e))}</li>" for e in result.errors)
    unresolved = "".join(f"<li>{html.escape(str(e))}</li>" for e in result.unresolved)
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>facts check</title>"
        f"<style>{_CSS}</style></head><body>"
        f"<h1>facts check: {html.escape(str(result.corpus.root))}</h1>"
        f"<p>{summary['groups']} groups: {summary['consistent']} consistent, "
        f"{summary['conflict']} in conflict, {summary['uncorroborated']} uncorroborated; "
        f"{summary['errors']} input errors; exit code {result.exit_code}.</p>"
        + (f"<h2 class='conflict'>Input errors</h2><ul>{errors}</ul>" if errors else "")
        + "".join(_html_group(g) for g in groups)
        + (f"<details><summary>Unresolved mentions ({len(result.unresolved)}; raw text kept)"
           f"</summary><ul>{unresolved}</ul></details>" if unresolved else "")
        + "</body></html>"
    )
