"""The online link checker against a local HTTP server (127.0.0.1 only)."""
from __future__ import annotations

import json
import socket
import threading
import time
from collections import Counter
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from localoffer.check.online import LinkResult, OnlineOptions, check_links

NOW = 1_700_000_000.0
FAST = OnlineOptions(timeout=2.0, retries=3, backoff=0.01)


class Handler(BaseHTTPRequestHandler):
    def do_HEAD(self):
        self._answer(body=False)

    def do_GET(self):
        self._answer(body=True)

    def _answer(self, body: bool):
        counts = self.server.counts
        with self.server.lock:
            counts[self.path] += 1
            counts[(self.command, self.path)] += 1
            first = counts[self.path] == 1
        path = self.path
        if path == "/ok":
            self._send(200, body)
        elif path == "/moved":
            self._send(301, body, Location="/ok")  # relative, as many servers send
        elif path == "/temp":
            self._send(302, body, Location="/ok")
        elif path == "/chain":
            self._send(307, body, Location="/moved")
        elif path == "/loop":
            self._send(302, body, Location="/loop")
        elif path == "/missing":
            self._send(404, body)
        elif path == "/busy":
            self._send(429, body, **{"Retry-After": "2"}) if first else self._send(200, body)
        elif path == "/busy-date":
            when = formatdate(NOW + 5, usegmt=True)
            self._send(429, body, **{"Retry-After": when}) if first else self._send(200, body)
        elif path == "/busy-long":
            self._send(429, body, **{"Retry-After": "3600"}) if first else self._send(200, body)
        elif path == "/error":
            self._send(500, body)
        elif path == "/flaky":
            self._send(500, body) if first else self._send(200, body)
        elif path == "/slow":
            time.sleep(2)
            self._send(200, body)
        elif path == "/nohead":
            self._send(405 if self.command == "HEAD" else 200, body)
        elif path == "/head501":
            self._send(501 if self.command == "HEAD" else 200, body)
        elif path == "/to-ftp":
            self._send(301, body, Location="ftp://127.0.0.1/file")
        else:
            self._send(404, body)

    def _send(self, status: int, body: bool, **headers):
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", "2")
            self.end_headers()
            if body:
                self.wfile.write(b"hi")
        except OSError:
            pass  # the client gave up (the /slow test): nothing to do

    def log_message(self, *args):
        pass  # keep pytest output clean


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    """Every request goes straight to 127.0.0.1, never through a proxy."""
    for name in ("http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


@pytest.fixture
def server():
    """A fresh server per test, so the per-path counters start at zero."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.counts, httpd.lock = Counter(), threading.Lock()
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield httpd
    httpd.shutdown()
    httpd.server_close()


class FakeSleep:
    def __init__(self):
        self.delays = []

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


def requests(server) -> int:
    return sum(n for key, n in server.counts.items() if isinstance(key, str))


def check(server, path, options=FAST, **kwargs):
    url = server.base + path
    sleep = kwargs.pop("sleep", FakeSleep())
    return check_links([url], options=options, sleep=sleep, now=lambda: NOW, **kwargs)[url], sleep


def test_ok(server):
    result, sleep = check(server, "/ok")
    assert (result.state, result.status, result.final_url) == ("ok", 200, None)
    assert result.url == server.base + "/ok"
    assert result.checked_at == NOW
    assert sleep.delays == []
    assert server.counts[("HEAD", "/ok")] == 1 and server.counts[("GET", "/ok")] == 0


def test_permanent_redirect_reports_new_address(server):
    result, _ = check(server, "/moved")
    assert (result.state, result.status, result.final_url) == ("redirected", 200, server.base + "/ok")
    assert result.message == f"moved permanently to {server.base}/ok"


def test_temporary_redirect_is_ok(server):
    result, _ = check(server, "/temp")
    assert (result.state, result.status, result.final_url) == ("ok", 200, server.base + "/ok")


def test_permanent_hop_anywhere_in_the_chain_counts(server):
    result, _ = check(server, "/chain")  # 307 -> 301 -> 200
    assert (result.state, result.final_url) == ("redirected", server.base + "/ok")


def test_redirect_loop_is_broken(server):
    result, _ = check(server, "/loop")
    assert result.state == "broken" and "redirects" in result.message
    assert server.counts["/loop"] == 11  # the first request and ten hops


def test_missing_is_broken_without_retry(server):
    result, sleep = check(server, "/missing")
    assert (result.state, result.status, result.final_url) == ("broken", 404, None)
    assert result.message == "404 Not Found"
    assert sleep.delays == [] and server.counts["/missing"] == 1


def test_429_honours_retry_after_seconds(server):
    result, sleep = check(server, "/busy")
    assert (result.state, result.status) == ("ok", 200)
    assert sleep.delays == [2.0]


def test_429_honours_retry_after_http_date(server):
    result, sleep = check(server, "/busy-date")
    assert result.state == "ok"
    assert sleep.delays == [5.0]


def test_429_retry_after_is_capped(server):
    result, sleep = check(server, "/busy-long", options=OnlineOptions(max_retry_after=7.0))
    assert result.state == "ok"
    assert sleep.delays == [7.0]


def test_server_error_backs_off_exponentially_then_broken(server):
    result, sleep = check(server, "/error", options=OnlineOptions(backoff=1.0, retries=3))
    assert (result.state, result.status) == ("broken", 500)
    assert result.message == "500 Internal Server Error after 3 tries"
    assert sleep.delays == [1.0, 2.0]
    assert server.counts["/error"] == 3


def test_flaky_server_recovers(server):
    result, sleep = check(server, "/flaky", options=OnlineOptions(backoff=0.5))
    assert (result.state, result.status) == ("ok", 200)
    assert sleep.delays == [0.5]


def test_slow_server_times_out(server):
    started = time.monotonic()
    result, sleep = check(server, "/slow", options=OnlineOptions(timeout=0.5, retries=2, backoff=0.25))
    assert (result.state, result.status, result.final_url) == ("unreachable", None, None)
    assert result.message == "timed out after 2 tries"
    assert sleep.delays == [0.25]
    assert time.monotonic() - started < 1.9  # two short timeouts, not the server's 2 s


def test_head_refused_falls_back_to_get(server):
    result, _ = check(server, "/nohead")
    assert (result.state, result.status) == ("ok", 200)
    assert server.counts[("HEAD", "/nohead")] == 1 and server.counts[("GET", "/nohead")] == 1


def test_head_not_implemented_falls_back_to_get_without_retrying(server):
    result, sleep = check(server, "/head501")
    assert (result.state, result.status) == ("ok", 200)
    assert sleep.delays == [] and server.counts[("HEAD", "/head501")] == 1


def test_redirect_to_a_non_web_address_is_broken_and_not_followed(server):
    result, _ = check(server, "/to-ftp")
    assert (result.state, result.status, result.final_url) == ("broken", 301, "ftp://127.0.0.1/file")


def test_connection_refused_is_unreachable():
    with socket.socket() as spare:  # a port nothing listens on
        spare.bind(("127.0.0.1", 0))
        port = spare.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    sleep = FakeSleep()
    result = check_links([url], options=OnlineOptions(backoff=1.0, retries=3), sleep=sleep)[url]
    assert (result.state, result.status) == ("unreachable", None)
    assert result.message.endswith("after 3 tries")
    assert sleep.delays == [1.0, 2.0]


def test_non_web_address_is_not_fetched():
    result = check_links(["ftp://127.0.0.1/file"], sleep=FakeSleep())["ftp://127.0.0.1/file"]
    assert result.state == "broken"


def test_duplicates_are_fetched_once(server):
    url = server.base + "/ok"
    results = check_links([url, url, url], options=FAST, sleep=FakeSleep())
    assert list(results) == [url] and requests(server) == 1


def test_many_urls_concurrently(server):
    paths = ["/ok", "/moved", "/temp", "/missing", "/busy", "/error", "/flaky", "/nohead"]
    results = check_links([server.base + p for p in paths], options=FAST, sleep=FakeSleep(), now=lambda: NOW)
    states = {url.removeprefix(server.base): r.state for url, r in results.items()}
    assert states == {"/ok": "ok", "/moved": "redirected", "/temp": "ok", "/missing": "broken",
                      "/busy": "ok", "/error": "broken", "/flaky": "ok", "/nohead": "ok"}


def test_cache_is_reused_then_expires(server, tmp_path):
    cache = tmp_path / "cache" / "links.json"
    urls = [server.base + p for p in ("/ok", "/moved", "/missing", "/error")]
    clock = [NOW]
    run = lambda: check_links(urls, cache_path=cache, options=FAST, sleep=FakeSleep(), now=lambda: clock[0])

    first = run()
    fetched = requests(server)
    assert fetched > 0 and set(json.loads(cache.read_text())) == set(urls)

    clock[0] = NOW + FAST.cache_ttl - 1
    assert run() == first  # same results, timestamps included
    assert requests(server) == fetched  # no request at all

    clock[0] = NOW + FAST.cache_ttl + 1
    third = run()
    assert requests(server) > fetched
    assert all(result.checked_at == clock[0] for result in third.values())
    assert {url: r.state for url, r in third.items()} == {url: r.state for url, r in first.items()}


def test_cache_keeps_other_fresh_entries(server, tmp_path):
    cache = tmp_path / "links.json"
    check_links([server.base + "/ok"], cache_path=cache, options=FAST, sleep=FakeSleep(), now=lambda: NOW)
    check_links([server.base + "/temp"], cache_path=cache, options=FAST, sleep=FakeSleep(), now=lambda: NOW)
    assert set(json.loads(cache.read_text())) == {server.base + "/ok", server.base + "/temp"}
    assert not list(tmp_path.glob("*.tmp"))  # the temporary file was renamed away


@pytest.mark.parametrize("content", [
    "{not json",
    "[1, 2, 3]",
    '{"URL": {"state": "ok"}}',
    '{"URL": {"state": ["ok"], "status": 200, "final_url": null, "message": "x", "checked_at": 1}}',
    "",
    "\x00\xff",
])
def test_corrupt_cache_is_ignored(server, tmp_path, content):
    url = server.base + "/ok"
    cache = tmp_path / "links.json"
    cache.write_text(content.replace("URL", url), encoding="latin-1")
    result = check_links([url], cache_path=cache, options=FAST, sleep=FakeSleep(), now=lambda: NOW)[url]
    assert (result.state, result.status) == ("ok", 200)
    assert requests(server) == 1  # fetched, not taken from the broken cache
    assert LinkResult(url=url, **json.loads(cache.read_text())[url]) == result  # and rewritten cleanly
