"""Serve a built site on 127.0.0.1 and drive Debian's chromium with Playwright."""
from __future__ import annotations

import functools
import http.server
import shutil
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    cache_seconds = 0
    served: list = []  # (status, path) of every request: what really crossed the network

    def log_message(self, *args):
        pass

    def send_response(self, code, message=None):
        self.served.append((code, self.path))
        super().send_response(code, message)

    def end_headers(self):
        if self.cache_seconds:  # as a static host would: assets reused without asking again
            self.send_header("Cache-Control", f"max-age={self.cache_seconds}")
        super().end_headers()


class ServedSite(str):
    """The site's base URL, which also knows what the server sent."""

    def __new__(cls, url: str, served: list):
        site = super().__new__(cls, url)
        site.served = served
        return site


@contextmanager
def serve_folder(folder: Path, cache_seconds: int = 0):
    handler_class = type("Handler", (_QuietHandler,), {"cache_seconds": cache_seconds, "served": []})
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield ServedSite(f"http://127.0.0.1:{server.server_address[1]}", handler_class.served)
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="lo-chromium-")
    try:
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
                viewport={"width": 360, "height": 740}, device_scale_factor=1)
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
