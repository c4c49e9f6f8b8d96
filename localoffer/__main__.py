"""Command line: python -m localoffer site|serve|check|catalogs|schema.

Commands print; the stages they call return data. A user's mistake ends
with its problems listed and exit status 1, never a traceback."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import LocalOfferError


def cmd_site(args) -> int:
    from .pipeline import build_site

    offer = build_site(args.root, Path(args.site))
    print(f"Built {len(offer.entitlements)} entitlements in {len(offer.council.languages)} languages into {args.site}/")
    return 0


def cmd_serve(args) -> int:
    from .serve import serve

    serve(args.root, args.address)
    return 0


def cmd_check(args) -> int:
    from .check.report import as_html, as_json, as_text
    from .check.run import CheckOptions, run_checks

    cache = args.root / args.cache if args.online else None
    report = run_checks(args.root, CheckOptions(site=Path(args.site), strict=args.strict, online=args.online,
                                                cache=cache, cache_ttl=args.cache_days * 86400))
    print(as_text(report, args.verbose))
    if args.json:
        Path(args.json).write_text(as_json(report) + "\n", encoding="utf-8")
    html_path = args.root / "reports" / "check.html"
    html_path.parent.mkdir(exist_ok=True)
    html_path.write_text(as_html(report), encoding="utf-8")
    print(f"HTML report: {html_path.relative_to(args.root)}")
    return 0 if report.passed else 1


def cmd_catalogs(args) -> int:
    from .load import load_offer
    from .translate import compile_catalogs, confirm_sources, update_catalogs

    offer = load_offer(args.root)
    codes = [lang.code for lang in offer.council.languages if lang.code != "en"]
    unknown = sorted(set(args.confirm or ()) - set(codes))
    if unknown:
        print(f"error: {', '.join(unknown)}: not a language in content/council.yml", file=sys.stderr)
        return 1
    for summary in update_catalogs(args.root, codes):
        state = "created" if summary.created else ("updated" if summary.written else "unchanged")
        print(f"locales/{summary.code}/LC_MESSAGES/messages.po: {state}")
    for code in args.confirm or ():  # after the update, so it confirms against today's English
        confirm_sources(args.root, code)
        print(f"locales/{code}/LC_MESSAGES/messages.po: every done translation confirmed against today's English")
    compile_catalogs(args.root, codes)
    return 0


def cmd_schema(args) -> int:
    from .spec import COUNCIL, ENTITLEMENT

    folder = args.root / "content" / "schema"
    folder.mkdir(parents=True, exist_ok=True)
    for name, record in (("council", COUNCIL), ("entitlement", ENTITLEMENT)):
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": record.description,
                  **record.json_schema()}
        (folder / f"{name}.schema.json").write_text(json.dumps(schema, indent=2) + "\n", encoding="utf-8")
        print(f"content/schema/{name}.schema.json written")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m localoffer", description="Build and check a care leavers' local offer.")
    parser.add_argument("--root", type=Path, default=Path("."), help="the project folder (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)
    site = commands.add_parser("site", help="validate, translate, render and build site/")
    site.add_argument("--site", default="site", help="where to build (default: site)")
    site.set_defaults(run=cmd_site)
    serve = commands.add_parser("serve", help="live preview that rebuilds on edits")
    serve.add_argument("--address", default="127.0.0.1:8000")
    serve.set_defaults(run=cmd_serve)
    check = commands.add_parser("check", help="check content, translations and the built site")
    check.add_argument("--site", default="site", help="the built site to check (default: site)")
    check.add_argument("--strict", action="store_true", help="incomplete or stale translations are errors")
    check.add_argument("--json", metavar="PATH", help="also write the report as JSON")
    check.add_argument("--verbose", action="store_true", help="list every string to translate, not the first few")
    check.add_argument("--online", action="store_true", help="fetch every external link")
    check.add_argument("--cache", default=".linkcheck-cache.json", help="--online results cache")
    check.add_argument("--cache-days", type=float, default=7, help="how long a fetched result is trusted")
    check.set_defaults(run=cmd_check)
    catalogs = commands.add_parser("catalogs", help="extract strings, update and compile catalogs")
    catalogs.add_argument("--confirm", metavar="LANG", action="append",
                          help="a reviewer checked LANG: its stale translations are still right")
    catalogs.set_defaults(run=cmd_catalogs)
    commands.add_parser("schema", help="write the JSON Schemas for editors").set_defaults(run=cmd_schema)
    args = parser.parse_args(argv)
    args.root = args.root.resolve()
    try:
        return args.run(args)
    except LocalOfferError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"{len(error.problems)} problem{'s' if len(error.problems) != 1 else ''} found; nothing was published.",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
