"""schemathesis against the check API's OpenAPI document: generated requests never get a 500, and every response
(status code, content type, body) conforms to the schema. Bounded (max_examples) so that it runs in seconds.

The app is built at import (schemathesis 4's ``from_fixture`` does not run under pytest 9): a migrated SQLite store
in a temporary folder, the dev guard (its detector loads on the first request), one token."""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tests.web.test_check_api import build_app, dev_guard

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

_folder = tempfile.TemporaryDirectory(prefix="mamori-api-schema-")
APP, TOKEN = build_app(Path(_folder.name), dev_guard())
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
# The coverage phase (boundary values of every field) passes too but takes ~20 s more; it is left out here.
schema.config.phases.update(phases=["examples", "fuzzing"])
# Invalid bodies (wrong types, missing fields, bad base64...): documented 4xx answers, never a 500.
invalid = schemathesis.openapi.from_asgi("/openapi.json", APP).include(path="/api/v1/check")  # health has no input
invalid.config.phases.update(phases=["fuzzing"])
invalid.config.generation.update(modes=[GenerationMode.NEGATIVE])


@schema.parametrize()
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_api_conforms_to_its_schema(case):
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=CHECKS)


@invalid.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_invalid_requests_get_documented_errors(case):
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=CHECKS)


def test_the_token_is_needed():
    """The same schema run without the token: every operation that needs it answers a documented 401."""
    op = schema["/api/v1/check"]["POST"]
    body = {"channel": "email", "sender": {"address": "a@b.example"}, "recipients": [{"address": "c@d.example"}]}
    case = op.Case(body=body)
    response = case.call_and_validate(checks=CHECKS)
    assert response.status_code == 401
