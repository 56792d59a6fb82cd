"""The central system's HTTP interface (FastAPI). The OpenAPI document is at
``/openapi.json``, the reference pages at ``/docs``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from caseworker import __version__
from caseworker.central import schema
from caseworker.central.base import CentralError
from caseworker.central.service import Central
from caseworker.sync import protocol


class EnrolIn(BaseModel):
    code: str = Field(min_length=4, max_length=40)
    office_code: str = Field(pattern=r"^\d{6,12}$")
    device_code: str = Field(min_length=1, max_length=12)
    public_key: str = Field(pattern=r"^[0-9a-f]{64}$")


class EnrolOut(BaseModel):
    device_id: str
    central_key: str = Field(
        description="the centre's Ed25519 public key (hex): rule packs are signed with it"
    )
    central_box_key: str = Field(
        description="the centre's X25519 key (hex): removable-media bundles are encrypted to it"
    )


class ChallengeIn(BaseModel):
    device_id: str = Field(max_length=64)


class ChallengeOut(BaseModel):
    nonce: str


class TokenIn(BaseModel):
    device_id: str = Field(max_length=64)
    nonce: str = Field(max_length=64)
    signature: str = Field(
        max_length=128, description="Ed25519 signature (hex) of protocol.auth_message"
    )


class TokenOut(BaseModel):
    token: str
    expires_in: int
    audit_seq: int | None = Field(
        description="the newest audit event of this device the centre holds"
    )
    central_box_key: str = ""


class OperationIn(BaseModel):
    key: str = Field(
        description="idempotency key: a retry with the same key is answered, not re-run"
    )
    kind: str
    payload: dict[str, Any]


class AuditHead(BaseModel):
    seq: int
    hash: str
    at_known: str | None = Field(
        None, description="the device's hash of the event the centre last saw"
    )


class PushIn(BaseModel):
    operations: list[OperationIn] = Field(max_length=500)
    audit: AuditHead | None = None


class Result(BaseModel):
    key: str
    status: str = Field(description="applied | replayed | rejected | conflict")
    result: dict[str, Any]
    error: str = ""


class PushOut(BaseModel):
    results: list[Result]
    audit_seq: int | None
    audit_warning: str = ""


class PageOut(BaseModel):
    items: list[dict[str, Any]]
    cursor: str
    more: bool


def _device(request: Request, authorization: Annotated[str, Header()] = "") -> schema.Device:
    """The device a bearer token was given to."""
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(401, "authenticate first: Authorization: Bearer TOKEN")
    central: Central = request.app.state.central
    return central.device_for(token)


AuthDevice = Annotated[schema.Device, Depends(_device)]


def create_app(central: Central) -> FastAPI:
    app = FastAPI(
        title="caseworker central system",
        version=__version__,
        description="Enrols counter devices, takes their operations exactly once, and "
        "publishes rule packs, revocations, accounts and the person index.",
    )

    @app.exception_handler(CentralError)
    async def _refused(_: Request, exc: CentralError) -> JSONResponse:
        return JSONResponse(status_code=exc.status, content={"detail": str(exc)})

    app.state.central = central

    @app.get(protocol.API + "/health")
    def health() -> dict[str, str]:
        return {
            "status": "ok",
            "version": __version__,
            "central_key": central.public_key,
            "central_box_key": central.box_key,
        }

    @app.post(protocol.API + "/enrol")
    def enrol(body: EnrolIn) -> EnrolOut:
        device_id = central.enrol(
            code=body.code,
            office_code=body.office_code,
            device_code=body.device_code,
            public_key=body.public_key,
        )
        return EnrolOut(
            device_id=device_id, central_key=central.public_key, central_box_key=central.box_key
        )

    @app.post(protocol.API + "/challenge")
    def challenge(body: ChallengeIn) -> ChallengeOut:
        return ChallengeOut(nonce=central.challenge(body.device_id))

    @app.post(protocol.API + "/token")
    def token(body: TokenIn) -> TokenOut:
        value, seq = central.token(body.device_id, body.nonce, body.signature)
        return TokenOut(
            token=value, expires_in=3600, audit_seq=seq, central_box_key=central.box_key
        )

    @app.post(protocol.API + "/push")
    def push(body: PushIn, who: AuthDevice) -> PushOut:
        answers, seq, warning = central.push(
            who.id,
            [op.model_dump() for op in body.operations],
            body.audit.model_dump() if body.audit else None,
        )
        return PushOut(
            results=[
                Result(key=a.key, status=a.status, result=a.result, error=a.error) for a in answers
            ],
            audit_seq=seq,
            audit_warning=warning,
        )

    @app.post(
        protocol.API + "/bundles",
        response_class=Response,
        responses={200: {"content": {"application/octet-stream": {}}}},
    )
    async def bundles(request: Request, who: AuthDevice) -> Response:
        """Carry in a township's removable-media bundle (any enrolled, connected device
        may); the answer is the return bundle, to be carried back."""
        data = await request.body()
        answer = await run_in_threadpool(central.import_bundle, data)
        return Response(answer, media_type="application/octet-stream")

    @app.get(protocol.API + "/pull/{stream}")
    def pull(
        stream: str,
        who: AuthDevice,
        cursor: str = protocol.START,
        limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
    ) -> PageOut:
        items, after, more = central.pull(who, stream, cursor, limit)
        return PageOut(items=items, cursor=after, more=more)

    return app
