"""The web app served for real by uvicorn in a thread on a free loopback port, and Debian's Chromium."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.loopback import free_port

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@contextmanager
def serve(app) -> Iterator[str]:
    """Run ``app`` with uvicorn until the block ends; yields its base URL."""
    import uvicorn

    from mamori.web.app import server_config

    port = free_port()
    server = uvicorn.Server(server_config(app, "127.0.0.1", port, lifespan="off"))
    thread = threading.Thread(target=server.run, name="uvicorn-test", daemon=True)
    thread.start()
    end = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > end or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30)


@contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium browser (Debian's package), or a skip saying why there is none."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("chromium not available: install Debian's chromium package (scripts/system-deps.sh)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright not available: pip install playwright (the test extra)")
    with sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        except Exception as exc:  # any launch failure means there is no usable browser here
            pytest.skip(f"chromium not available: cannot launch {CHROMIUM}: {str(exc).splitlines()[0]}")
        try:
            yield browser
        finally:
            browser.close()


def shot(page, name: str) -> None:
    """A full-page screenshot (PNG, or JPEG at quality 60 for a ``.jpg`` name: the many pages of the layout set); the
    viewport is first made as tall as the page so sticky bars sit in place."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], height)})
    (SCREENSHOTS / name).parent.mkdir(parents=True, exist_ok=True)
    extra = {"type": "jpeg", "quality": 60} if name.endswith(".jpg") else {}
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True, **extra)
    page.set_viewport_size(size)
