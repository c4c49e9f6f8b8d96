"""The checker's reports: text for the terminal, JSON for machines and an
HTML page for comms staff. They only format: run.py decides."""
from __future__ import annotations

import json
from html import escape

from .run import Report

JSON_VERSION = 1


TO_DO_SHOWN = 5  # per language on the terminal; the HTML and JSON reports list them all


def as_text(report: Report, verbose: bool = False) -> str:
    lines = ["Translations", f"  {'lang':6}{'status':10}{'total':>6}{'done':>6}{'fuzzy':>6}{'stale':>6}"
             f"{'to do':>6}{'obsolete':>9}{'%':>7}"]
    for p in report.languages:
        lines.append(f"  {p.code:6}{p.status:10}{p.total:>6}{p.translated:>6}{p.fuzzy:>6}{p.stale:>6}"
                     f"{p.untranslated:>6}{p.obsolete:>9}{p.percent:>7}")
    lines.extend(_to_do_lines(report, verbose))
    if report.external:
        lines.append(f"External links: {len(report.external)} distinct"
                     + (" (fetched)" if report.online else " (checked offline: syntax only; --online fetches them)"))
    for finding in sorted(report.findings, key=lambda f: (f.severity != "error", f.file, f.line or 0)):
        lines.append(str(finding))
    lines.append(f"{len(report.errors)} errors, {len(report.warnings)} warnings: "
                 + ("passed" if report.passed else "FAILED"))
    return "\n".join(lines)


def _to_do_lines(report: Report, verbose: bool) -> list[str]:
    """Each string to translate or update: where its English is, and the English."""
    lines = []
    for p in report.languages:
        shown = p.to_do if verbose else p.to_do[:TO_DO_SHOWN]
        if shown:
            lines.append(f"To do in {p.code}:")
        lines.extend(f"  {state:12} {where}: {english}" for state, where, english in shown)
        if len(p.to_do) > len(shown):
            lines.append(f"  … and {len(p.to_do) - len(shown)} more (--verbose, or reports/check.html)")
    return lines


def as_json(report: Report) -> str:
    return json.dumps({
        "version": JSON_VERSION,
        "passed": report.passed,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "languages": [{"code": p.code, "status": p.status, "total": p.total, "translated": p.translated,
                       "fuzzy": p.fuzzy, "stale": p.stale, "untranslated": p.untranslated, "obsolete": p.obsolete,
                       "percent": p.percent, "min_translated": p.min_translated,
                       "to_do": [{"state": s, "source": w, "english": e} for s, w, e in p.to_do]}
                      for p in report.languages],
        "findings": [{"severity": f.severity, "kind": f.kind, "file": f.file, "line": f.line,
                      "message": f.message, "hint": f.hint} for f in report.findings],
        "external_links": [{"url": url, "pages": pages,
                            **({"state": report.online[url].state, "status": report.online[url].status,
                                "message": report.online[url].message} if url in report.online else {})}
                           for url, pages in sorted(report.external.items())],
    }, ensure_ascii=False, indent=2)


def as_html(report: Report) -> str:
    rows = "".join(
        f"<tr><th scope='row' lang='{p.code}'>{p.code}</th><td>{p.status}</td>"
        f"<td><progress max='100' value='{p.percent}'>{p.percent}%</progress> {p.percent}%</td>"
        f"<td>{p.translated}/{p.total}</td><td>{p.fuzzy}</td><td>{p.stale}</td><td>{p.untranslated}</td></tr>"
        for p in report.languages)
    problems = "".join(
        f"<li class='{f.severity}'><strong>{f.severity}</strong> <code>{escape(f.file)}"
        f"{':' + str(f.line) if f.line else ''}</code>: {escape(f.message)}"
        f"{' — ' + escape(f.hint) if f.hint else ''}</li>" for f in report.findings)
    to_do = "".join(
        f"<details><summary>{p.code}: {len(p.to_do)} strings to translate or update</summary><ul>"
        + "".join(f"<li>{escape(s)} <code>{escape(w)}</code>: {escape(e)}</li>" for s, w, e in p.to_do)
        + "</ul></details>" for p in report.languages if p.to_do)
    verdict = "Passed" if report.passed else "Failed"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex,nofollow">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>Local offer check: {verdict}</title>
<style>body{{font-family:sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}}td,th{{padding:.2rem .6rem;text-align:start}}
.error strong{{color:#a30000}}.warning strong{{color:#7a4d00}}progress{{width:8rem}}</style></head>
<body><h1>Local offer check: {verdict}</h1>
<p>{len(report.errors)} errors and {len(report.warnings)} warnings. Fix errors before publishing.</p>
<h2>Translations</h2><table><thead><tr><th>Language</th><th>Status</th><th>Progress</th><th>Done</th><th>Fuzzy</th><th>Stale</th><th>To do</th></tr></thead><tbody>{rows}</tbody></table>
{to_do}<h2>What to fix</h2><ul>{problems or '<li>Nothing.</li>'}</ul>
<h2>External links</h2><p>{len(report.external)} distinct addresses.</p></body></html>
"""
