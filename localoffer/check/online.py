"""The online external link checker behind `make check --online`.

Every distinct URL is fetched (HEAD first, GET when HEAD is refused),
redirects are followed by hand so permanent moves can be reported, and
flaky answers are retried politely. Results are cached in a JSON file so a
re-run does not hammer the same sites. Standard library only; network
problems never raise: every URL gets a LinkResult.
"""
from __future__ import annotations

import http.client
import json
import os
import socket
import ssl
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, fields
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import urljoin, urlsplit

MAX_HOPS = 10
PERMANENT = {301, 308}
REDIRECTS = {301, 302, 303, 307, 308}
HEAD_REFUSED = {405, 501}
GET_BYTES = 4096  # a GET is only to learn the status; the body is not needed


@dataclass(frozen=True)
class LinkResult:
    url: str
    state: str            # "ok", "redirected", "broken" or "unreachable"
    status: int | None    # last HTTP status seen, None if no response
    final_url: str | None  # where redirects ended, None if no redirect
    message: str          # one short human sentence
    checked_at: float     # unix time


@dataclass(frozen=True)
class OnlineOptions:
    timeout: float = 10.0       # per request, seconds
    retries: int = 3            # attempts in total for retryable failures
    backoff: float = 1.0        # base seconds; backoff * 2**(attempt-1) between attempts
    max_retry_after: float = 60.0  # cap on honoured Retry-After
    concurrency: int = 8
    cache_ttl: float = 7 * 24 * 3600  # seconds a cached result stays valid
    user_agent: str = "LocalOfferLinkCheck/1"


@dataclass(frozen=True)
class _Answer:
    """One HTTP response, reduced to what the checker needs."""
    status: int
    location: str | None
    retry_after: str | None


class _Failure(Exception):
    """A request that got no usable answer; `state` says which kind."""

    def __init__(self, state: str, message: str, retry: bool):
        super().__init__(message)
        self.state, self.message, self.retry = state, message, retry


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # Redirects are followed by hand, so each hop's status is seen.
    def redirect_request(self, *args, **kwargs):
        return None


def check_links(urls: Iterable[str], cache_path: Path | None = None, options: OnlineOptions = OnlineOptions(),
                sleep: Callable[[float], None] = time.sleep,
                now: Callable[[], float] = time.time) -> dict[str, LinkResult]:
    """Fetch every distinct URL concurrently; results keyed by URL."""
    wanted = list(dict.fromkeys(urls))  # distinct, in first-seen order
    cached = _load_cache(cache_path) if cache_path else {}
    results = {url: cached[url] for url in wanted if url in cached and _fresh(cached[url], options, now)}
    todo = [url for url in wanted if url not in results]
    if todo:
        checker = _Checker(options, sleep, now)
        with ThreadPoolExecutor(max_workers=max(1, min(options.concurrency, len(todo)))) as pool:
            results.update(zip(todo, pool.map(checker.check, todo)))
        if cache_path:
            kept = {url: result for url, result in cached.items() if _fresh(result, options, now)}
            _save_cache(cache_path, kept | results)
    return {url: results[url] for url in wanted}


class _Checker:
    """Checks one URL at a time (thread-safe: it holds no per-URL state)."""

    def __init__(self, options: OnlineOptions, sleep: Callable[[float], None], now: Callable[[], float]):
        self.options, self.sleep, self.now = options, sleep, now
        # Built once per run so proxy settings from the environment apply.
        self.opener = urllib.request.build_opener(_NoRedirect())

    def check(self, url: str) -> LinkResult:
        if not _is_web(url):
            return self._result(url, "broken", None, None, "not an http or https address")
        try:
            return self._follow(url)
        except _Failure as failure:
            return self._result(url, failure.state, None, None, failure.message)

    def _follow(self, url: str) -> LinkResult:
        """Walks the redirect chain and judges where it ends."""
        current, method, permanent = url, "HEAD", False
        for _ in range(MAX_HOPS + 1):
            answer, method = self._ask(current, method)
            if answer.status not in REDIRECTS:
                return self._judge(url, current, answer, permanent)
            if not answer.location:
                return self._result(url, "broken", answer.status, _moved(url, current),
                                    f"{_status_text(answer.status)} without a new address")
            permanent |= answer.status in PERMANENT
            current = urljoin(current, answer.location)
            if not _is_web(current):  # urllib would happily fetch ftp: or file: addresses
                return self._result(url, "broken", answer.status, current, f"redirects to {current}, not a web page")
        return self._result(url, "broken", answer.status, current, f"more than {MAX_HOPS} redirects")

    def _judge(self, url: str, final: str, answer: _Answer, permanent: bool) -> LinkResult:
        final_url = _moved(url, final)
        if answer.status >= 400:
            tries = f" after {_tries(self.options.retries)}" if _retryable(answer.status) else ""
            return self._result(url, "broken", answer.status, final_url, _status_text(answer.status) + tries)
        if permanent and final_url:
            return self._result(url, "redirected", answer.status, final_url, f"moved permanently to {final_url}")
        return self._result(url, "ok", answer.status, final_url, _status_text(answer.status))

    def _ask(self, url: str, method: str) -> tuple[_Answer, str]:
        """One hop; servers that refuse HEAD are asked again with GET."""
        answer = self._with_retries(url, method)
        if method == "HEAD" and answer.status in HEAD_REFUSED:
            return self._with_retries(url, "GET"), "GET"
        return answer, method

    def _with_retries(self, url: str, method: str) -> _Answer:
        """Retries timeouts, connection errors, 429 and 5xx; returns the last answer."""
        attempts = max(1, self.options.retries)
        for attempt in range(1, attempts + 1):
            last = attempt == attempts
            try:
                answer = self._request(url, method)
            except _Failure as failure:
                if last or not failure.retry:
                    raise
                self.sleep(self._backoff(attempt))
                continue
            # A 501 to HEAD means "use GET", not "try again later".
            if last or not _retryable(answer.status) or (method == "HEAD" and answer.status in HEAD_REFUSED):
                return answer
            self.sleep(self._delay(answer, attempt))
        raise AssertionError("unreachable: the loop always returns or raises")

    def _request(self, url: str, method: str) -> _Answer:
        headers = {"User-Agent": self.options.user_agent, "Accept": "*/*"}
        request = urllib.request.Request(url, method=method, headers=headers)
        try:
            with self.opener.open(request, timeout=self.options.timeout) as response:
                if method == "GET":
                    response.read(GET_BYTES)
                return _answer(response.status, response.headers)
        except urllib.error.HTTPError as error:  # 3xx/4xx/5xx are answers, not failures
            try:
                return _answer(error.code, error.headers)
            finally:
                error.close()
        except (OSError, http.client.HTTPException, ValueError) as error:
            raise self._failure(error) from None

    def _failure(self, error: Exception) -> _Failure:
        """Sorts a network error into a short sentence and whether to retry."""
        reason = error.reason if isinstance(error, urllib.error.URLError) else error
        n = _tries(self.options.retries)
        if isinstance(reason, ssl.SSLCertVerificationError):
            return _Failure("broken", f"certificate problem: {reason.verify_message}", retry=False)
        if isinstance(reason, (TimeoutError, socket.timeout)):
            return _Failure("unreachable", f"timed out after {n}", retry=True)
        if isinstance(reason, socket.gaierror):
            return _Failure("unreachable", f"host not found after {n}", retry=True)
        if isinstance(reason, OSError):
            detail = reason.strerror or type(reason).__name__
            return _Failure("unreachable", f"could not connect ({detail}) after {n}", retry=True)
        if isinstance(reason, str) or isinstance(error, (ValueError, http.client.InvalidURL)):
            # e.g. a malformed address: asking again will not help.
            return _Failure("broken", f"could not fetch ({reason})", retry=False)
        return _Failure("broken", f"bad answer from the server ({type(reason).__name__}) after {n}", retry=True)

    def _delay(self, answer: _Answer, attempt: int) -> float:
        """429 with a Retry-After is honoured (capped); anything else backs off."""
        if answer.status == 429 and answer.retry_after:
            wait = _retry_after_seconds(answer.retry_after, self.now())
            if wait is not None:
                return min(max(wait, 0.0), self.options.max_retry_after)
        return self._backoff(attempt)

    def _backoff(self, attempt: int) -> float:
        return self.options.backoff * 2 ** (attempt - 1)

    def _result(self, url, state, status, final_url, message) -> LinkResult:
        return LinkResult(url, state, status, final_url, message, self.now())


def _answer(status: int, headers) -> _Answer:
    return _Answer(status, headers.get("Location"), headers.get("Retry-After"))


def _is_web(url: str) -> bool:
    return urlsplit(url).scheme.lower() in ("http", "https")


def _retryable(status: int) -> bool:
    return status == 429 or status >= 500


def _moved(url: str, final: str) -> str | None:
    return final if final != url else None


def _tries(n: int) -> str:
    n = max(1, n)
    return f"{n} tries" if n != 1 else "1 try"


def _status_text(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def _retry_after_seconds(value: str, now: float) -> float | None:
    """Retry-After is either delta-seconds or an HTTP date (RFC 9110 10.2.3)."""
    value = value.strip()
    try:
        return float(value)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).timestamp() - now
    except (TypeError, ValueError, IndexError, OverflowError):
        return None  # unparseable: fall back to backoff


def _fresh(result: LinkResult, options: OnlineOptions, now: Callable[[], float]) -> bool:
    return 0 <= now() - result.checked_at < options.cache_ttl


_STORED = {f.name for f in fields(LinkResult)} - {"url"}  # the URL is the key
STATES = {"ok", "redirected", "broken", "unreachable"}


def _load_cache(path: Path) -> dict[str, LinkResult]:
    """The cached results; anything unreadable or malformed is skipped, never fatal."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {url: result for url, entry in raw.items() if (result := _cached_result(url, entry))}


def _cached_result(url: str, entry) -> LinkResult | None:
    if not isinstance(entry, dict) or set(entry) != _STORED:
        return None
    result = LinkResult(url=url, **entry)
    valid = (isinstance(result.state, str) and result.state in STATES and isinstance(result.message, str)
             and isinstance(result.checked_at, (int, float)) and not isinstance(result.checked_at, bool)
             and (result.status is None or type(result.status) is int)
             and (result.final_url is None or isinstance(result.final_url, str)))
    return result if valid else None


def _save_cache(path: Path, results: dict[str, LinkResult]) -> None:
    """Written to a temporary file and renamed, so a crash never leaves half a cache."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {url: {k: v for k, v in asdict(result).items() if k != "url"} for url, result in sorted(results.items())}
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(data, file, indent=1, ensure_ascii=False)
            file.write("\n")
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
