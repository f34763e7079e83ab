"""Mounts the training pages (``mamori.training.pages``) in the web app, on the app's accounts and CSRF check."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request

from mamori.training.assignments import learner_assignments
from mamori.training.config import load_training_config, parse_training_config
from mamori.web.access import require_officer
from mamori.web.security import check_csrf, require_session, resolve_session


def _db(request: Request):  # type: ignore[no-untyped-def]
    return request.app.state.db


def _learner(request: Request):  # type: ignore[no-untyped-def]
    return require_session(request).account


def _officer(request: Request):  # type: ignore[no-untyped-def]
    info = require_session(request)
    require_officer(info)
    return info.account


async def _csrf(request: Request) -> None:
    check_csrf(await request.form(), require_session(request))


def _form_extras(request: Request) -> dict[str, str]:
    info = resolve_session(request)
    return {"csrf": info.csrf_token} if info is not None else {}


def mount_training(app: FastAPI, config_path: Path | None) -> None:
    """``/training/``: courses, progress, quiz and certificate for everyone (with what their department is assigned
and by when); reports for the officer."""
    from mamori.training.pages import training_router

    config = load_training_config(config_path) if config_path is not None else parse_training_config({})
    kwargs = config.router_kwargs()
    app.state.training_courses = kwargs["courses"]  # for the administration pages (routes_training_admin)
    app.state.training_year_of = kwargs["year_of"]
    app.include_router(
        training_router(
            _db,
            _learner,
            officer_dependency=_officer,
            prefix="/training",
            post_dependencies=[_csrf],
            form_extras=_form_extras,
            certificate_secret=app.state.settings.secret_key,
            public_url=app.state.settings.base_url,
            assigned_of=learner_assignments,
            zone=app.state.settings.timezone,
            **kwargs,
        ),
        include_in_schema=False,  # HTML pages: the OpenAPI schema describes the JSON API only
    )
