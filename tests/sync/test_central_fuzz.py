"""The central API under a property-based fuzzer (schemathesis, issue 21): every route of
the running centre on a real PostgreSQL, with a device's token and without, with data
that fits the published OpenAPI document and data that does not. No answer may be a
5xx, every answer must be one the document describes (status, content type, body
schema), and data the document forbids must be refused.

Bounded for CI: ``EXAMPLES`` per route and mode (about 300 requests in all). The longer
run is ``bench/fuzz_central.py`` (it sets ``CASEWORKER_FUZZ_EXAMPLES``)."""

from __future__ import annotations

import os
from typing import Any

import httpx
import pytest
import schemathesis
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import create_engine

from caseworker.central.app import create_app
from caseworker.central.service import Central
from caseworker.sync import protocol
from tests.sync.conftest import Server

EXAMPLES = int(os.environ.get("CASEWORKER_FUZZ_EXAMPLES", "20"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= 20,  # CI: the same examples every run
    suppress_health_check=list(HealthCheck),
)


def _document() -> dict[str, Any]:
    """The OpenAPI document the centre publishes (built without a database: the test
    below checks that the running server serves this very document)."""
    offline = Central(create_engine("sqlite://"), Ed25519PrivateKey.generate())
    return create_app(offline).openapi()


DOCUMENT = _document()
fuzzed = schemathesis.openapi.from_dict(DOCUMENT)
fuzzed.config.generation.update(modes=["positive", "negative"], max_examples=EXAMPLES)


@pytest.fixture
def bearer(central: Central, live: Server) -> dict[str, str]:
    """A real device's token (office 370102001), as a desk would hold it."""
    key = Ed25519PrivateKey.generate()
    device = central.enrol(
        code=central.issue_code("370102001"),
        office_code="370102001",
        device_code="FUZZ",
        public_key=key.public_key().public_bytes_raw().hex(),
    )
    nonce = httpx.post(live.url + "/v1/challenge", json={"device_id": device}).json()["nonce"]
    signature = key.sign(protocol.auth_message(device, nonce)).hex()
    token = httpx.post(
        live.url + "/v1/token",
        json={"device_id": device, "nonce": nonce, "signature": signature},
    ).json()["token"]
    return {"Authorization": f"Bearer {token}"}


def test_the_fuzzed_document_is_the_one_served(live: Server) -> None:
    assert httpx.get(live.url + "/openapi.json").json() == DOCUMENT


@fuzzed.parametrize()
@FUZZ_SETTINGS
def test_every_route_without_a_token(case: Any, live: Server) -> None:
    case.call_and_validate(base_url=live.url, checks=CHECKS, timeout=30)


@fuzzed.parametrize()
@FUZZ_SETTINGS
def test_every_route_with_a_devices_token(case: Any, live: Server, bearer: dict[str, str]) -> None:
    case.call_and_validate(base_url=live.url, headers=bearer, checks=CHECKS, timeout=30)
