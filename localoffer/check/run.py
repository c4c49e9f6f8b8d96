"""Run every check and decide the exit status."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LocalOfferError
from ..load import load_offer
from . import Finding, LanguageProgress
from .catalogs import check_catalogs
from .site import check_site


@dataclass
class CheckOptions:
    site: Path = Path("site")
    strict: bool = False
    online: bool = False
    cache: Path | None = None
    cache_ttl: float = 7 * 24 * 3600


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    languages: list[LanguageProgress] = field(default_factory=list)
    external: dict[str, list[str]] = field(default_factory=dict)
    online: dict = field(default_factory=dict)  # url -> LinkResult, with --online
    site_checked: bool = False

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def passed(self) -> bool:
        return not self.errors


def run_checks(root: Path, options: CheckOptions) -> Report:
    report = Report()
    try:
        offer = load_offer(root)
    except LocalOfferError as error:
        report.findings = [Finding(p.file, p.line, "content", p.message, hint=p.hint) for p in error.problems]
        return report
    report.languages, found = check_catalogs(root, offer.council.languages)
    report.findings.extend(found)
    report.findings.extend(_completeness(report.languages, options.strict))
    site = options.site if options.site.is_absolute() else root / options.site
    if (site / "index.html").exists():
        found, report.external = check_site(site, [lang.code for lang in offer.council.languages],
                                            offer.council.site_url)
        report.findings.extend(found)
        report.site_checked = True
    else:
        report.findings.append(Finding(str(options.site), None, "site", "has not been built",
                                       "warning", "run `make site` first to check links"))
    if options.online and report.external:
        report.findings.extend(_online(report, options))
    return report


def _completeness(languages: list[LanguageProgress], strict: bool) -> list[Finding]:
    findings = []
    for language in languages:
        missing = language.total - language.translated
        if not missing:
            continue
        below = language.percent < language.min_translated
        severity = "error" if strict or below else "warning"
        reason = f" (at least {language.min_translated}% required)" if below else ""
        findings.append(Finding(f"locales/{language.code}/LC_MESSAGES/messages.po", None, "incomplete",
                                f"{language.percent}% translated{reason}: {language.untranslated} untranslated, "
                                f"{language.fuzzy} fuzzy, {language.stale} stale", severity,
                                "see the list of strings to translate in the report"))
    return findings


def _online(report: Report, options: CheckOptions) -> list[Finding]:
    from .online import OnlineOptions, check_links

    report.online = check_links(report.external, options.cache, OnlineOptions(cache_ttl=options.cache_ttl))
    findings = []
    for url, result in sorted(report.online.items()):
        if result.state in ("ok",):
            continue
        severity = "warning" if result.state == "redirected" else "error"
        where = report.external[url][0]
        findings.append(Finding(f"site/{where}", None, f"external-{result.state}", f"{url}: {result.message}",
                                severity, "update the source URL in content/" if severity == "warning" else
                                "find the page's new address or another official source"))
    return findings
