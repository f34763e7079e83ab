"""The API documentation page ``/docs`` (Swagger UI), served entirely by the app: it works offline.

mamori runs on closed networks, where FastAPI's default page (scripts and styles from a CDN) stays blank. The
Swagger UI 5 files (it reads OpenAPI 3.1, which FastAPI writes) come from the ``swagger-ui-py`` package and are
served under ``/docs/assets/``: only the three the page needs. The page asks no outside host for anything (no
CDN, no favicon, no online spec validator).
"""

from __future__ import annotations

from pathlib import Path

import swagger_ui
from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from starlette.exceptions import HTTPException

DOCS_URL = "/docs"
ASSETS_URL = "/docs/assets"
_ASSET_DIR = Path(swagger_ui.__file__).with_name("static")
_ASSETS = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "favicon-32x32.png": "image/png",
}


def mount_api_docs(app: FastAPI) -> None:
    """Add ``/docs`` and its assets to ``app`` (create the app with ``docs_url=None``)."""
    openapi_url = app.openapi_url or "/openapi.json"

    @app.get(DOCS_URL, include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=openapi_url,
            title=f"{app.title} API",
            swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS_URL}/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from validator.swagger.io
        )

    @app.get(ASSETS_URL + "/{name}", include_in_schema=False)
    def api_docs_asset(name: str) -> FileResponse:
        media_type = _ASSETS.get(name)
        if media_type is None:
            raise HTTPException(404)
        return FileResponse(_ASSET_DIR / name, media_type=media_type,
                            headers={"Cache-Control": "public, max-age=86400"})
