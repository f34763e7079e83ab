"""``/docs`` (Swagger UI) renders in Chromium with every request outside the app's own host refused.

mamori runs on closed networks: the page, its script, its styles and its favicon must all come from the app.
Every request to another host is aborted and recorded; the test fails on any such request and checks that the
page really drew the API (its title and the check endpoint), which needs the script and the schema.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from mamori.web.app import create_app
from tests.web.live import chromium, serve


@pytest.fixture
def site(web_settings, web_db):
    with serve(create_app(web_settings, web_db, guard=None)) as url:
        yield url


def test_docs_render_with_the_network_blocked(site) -> None:
    own = urlsplit(site).netloc
    outside: list[str] = []
    served: list[str] = []

    def only_own_host(route) -> None:  # type: ignore[no-untyped-def]
        url = route.request.url
        if urlsplit(url).netloc == own:
            served.append(urlsplit(url).path)
            route.continue_()
        else:
            outside.append(url)
            route.abort("internetdisconnected")

    with chromium() as browser:
        ctx = browser.new_context(locale="ja-JP")
        try:
            ctx.route("**/*", only_own_host)
            page = ctx.new_page()
            page.set_default_timeout(20_000)
            page.goto(f"{site}/docs")
            page.wait_for_selector(".swagger-ui .info .title")
            assert "mamori" in page.locator(".swagger-ui .info .title").inner_text()
            page.wait_for_selector(".opblock-summary-path")
            paths = page.locator(".opblock-summary-path").all_inner_texts()
            assert any("/api/v1/check" in p for p in paths), paths
            # the styles were applied (an unstyled page would show the operation blocks without their border)
            border = page.locator(".opblock").first.evaluate("e => getComputedStyle(e).borderTopStyle")
            assert border == "solid"
        finally:
            ctx.close()
    assert outside == [], f"/docs asked hosts outside the app: {outside}"
    assert "/docs/assets/swagger-ui-bundle.js" in served and "/openapi.json" in served


def test_docs_assets_come_from_the_app(client) -> None:
    html = client.get("/docs").text
    assert "cdn." not in html and "https://" not in html.replace("https://swagger.io", "")
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png"):
        r = client.get(f"/docs/assets/{asset}")
        assert r.status_code == 200 and len(r.content) > 500, asset
    assert client.get("/docs/assets/swagger-editor-bundle.js").status_code == 404  # only what the page needs
    assert client.get("/docs/assets/..%2Fstatic%2FLICENSE").status_code == 404
