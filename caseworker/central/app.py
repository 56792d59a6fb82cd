"""The central system's HTTP interface (FastAPI). The OpenAPI document is at
``/openapi.json``, the reference pages at ``/docs``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator

from caseworker import __version__
from caseworker.central import fields, schema
from caseworker.central.base import CentralError
from caseworker.central.fields import storable
from caseworker.central.limits import KB, MB, BodyLimit
from caseworker.central.service import Central
from caseworker.sync import protocol

#: what a device sends is taken as it is: no "5" for 5, no false for 0
STRICT = ConfigDict(strict=True, extra="ignore")


class Refusal(BaseModel):
    """Every refusal: a 4xx with one line saying what is wrong."""

    detail: str


#: what every route may answer besides its own 200 (documented, so that a client and a
#: schema checker know the shape of each)
REFUSALS: dict[int | str, dict[str, Any]] = {
    status: {"model": Refusal, "description": what}
    for status, what in (
        (400, "malformed: the detail says what"),
        (401, "no token, or one unknown or expired; or a signature that does not match"),
        (403, "not enrolled, withdrawn, or an enrolment code not valid for that office"),
        (404, "no such route or stream"),
        (405, "that method is not allowed on this route"),
        (409, "refused because of what the centre already holds"),
        (413, "the body is larger than this route takes (see the README)"),
        (422, "a field is missing, too long, or of the wrong kind of characters"),
    )
}


class EnrolIn(BaseModel):
    model_config = STRICT

    code: str = Field(pattern=fields.ENROLMENT_CODE)
    office_code: str = Field(pattern=fields.OFFICE_CODE)
    device_code: str = Field(pattern=fields.DEVICE_CODE)
    public_key: str = Field(pattern=fields.HEX_KEY)


class EnrolOut(BaseModel):
    device_id: str
    central_key: str = Field(
        description="the centre's Ed25519 public key (hex): rule packs are signed with it"
    )
    central_box_key: str = Field(
        description="the centre's X25519 key (hex): removable-media bundles are encrypted to it"
    )


class ChallengeIn(BaseModel):
    model_config = STRICT

    device_id: str = Field(pattern=fields.DEVICE_ID)


class ChallengeOut(BaseModel):
    nonce: str


class TokenIn(BaseModel):
    model_config = STRICT

    device_id: str = Field(pattern=fields.DEVICE_ID)
    nonce: str = Field(pattern=fields.NONCE)
    signature: str = Field(
        pattern=fields.HEX_SIGNATURE, description="Ed25519 signature (hex) of protocol.auth_message"
    )


class TokenOut(BaseModel):
    token: str
    expires_in: int
    audit_seq: int | None = Field(
        description="the newest audit event of this device the centre holds"
    )
    central_box_key: str = ""


class OperationIn(BaseModel):
    model_config = STRICT

    key: str = Field(
        pattern=fields.IDEMPOTENCY_KEY,
        description="idempotency key: a retry with the same key is answered, not re-run",
    )
    kind: str = Field(pattern=fields.KIND, description="such as application.accept")
    payload: dict[str, Any] = Field(
        description=f"at most {fields.MAX_PAYLOAD_BYTES >> 10} KB, {fields.MAX_DEPTH} deep; "
        "finite numbers, text without NUL"
    )

    @field_validator("payload")
    @classmethod
    def _storable(cls, payload: dict[str, Any]) -> dict[str, Any]:
        problem = fields.payload_problem(payload)
        if problem:
            raise ValueError(f"the payload {problem}")
        return payload


class AuditHead(BaseModel):
    model_config = STRICT

    seq: int = Field(ge=0, le=fields.BIGINT)
    hash: str = Field(pattern=fields.AUDIT_HASH)
    at_known: str | None = Field(
        None,
        pattern=fields.AUDIT_HASH,
        description="the device's hash of the event the centre last saw",
    )


class PushIn(BaseModel):
    model_config = STRICT

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
    """The device a bearer token was given to (found already by the body limit, which
    checks the token before it reads a body)."""
    found = getattr(request.state, "device", None)
    if isinstance(found, schema.Device):
        return found
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(401, "authenticate first: Authorization: Bearer TOKEN")
    central: Central = request.app.state.central
    return central.device_for(token)


AuthDevice = Annotated[schema.Device, Depends(_device)]

#: the largest body each route takes (README, "Request limits"); any other route: none
BODY_LIMITS = {
    protocol.API + "/enrol": 4 * KB,
    protocol.API + "/challenge": 4 * KB,
    protocol.API + "/token": 4 * KB,
    protocol.API + "/push": 8 * MB,
    protocol.API + "/bundles": 128 * MB,
}
OTHER_ROUTES_LIMIT = 0


def one_line(exc: RequestValidationError) -> str:
    """A validation failure as one line: where, and what (never the input itself, which
    may hold what cannot be written back, such as NaN)."""
    errors = exc.errors()
    if not errors:
        return "the request is malformed"
    first = errors[0]
    where = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
    what = " ".join(str(first.get("msg", "is malformed")).split())
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return storable(f"{where}: {what}{more}" if where else f"{what}{more}", longest=300)


def create_app(central: Central) -> FastAPI:
    app = FastAPI(
        title="caseworker central system",
        version=__version__,
        description="Enrols counter devices, takes their operations exactly once, and "
        "publishes rule packs, revocations, accounts and the person index. Every refusal "
        "is a 4xx whose `detail` says in one line what is wrong.",
        responses=REFUSALS,
    )

    @app.exception_handler(CentralError)
    async def _refused(_: Request, exc: CentralError) -> JSONResponse:
        return JSONResponse(status_code=exc.status, content={"detail": str(exc)})

    @app.exception_handler(RequestValidationError)
    async def _malformed(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": one_line(exc)})

    app.add_middleware(
        BodyLimit,
        limits=BODY_LIMITS,
        default=OTHER_ROUTES_LIMIT,
        authenticated=frozenset({protocol.API + "/push", protocol.API + "/bundles"}),
        authenticate=central.device_for,
    )
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
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/octet-stream": {"schema": {"type": "string"}}},
            }
        },
    )
    async def bundles(request: Request, who: AuthDevice) -> Response:
        """Carry in a township's removable-media bundle (any enrolled, connected device
        may); the answer is the return bundle, to be carried back."""
        data = await request.body()
        answer = await run_in_threadpool(central.import_bundle, data)
        return Response(answer, media_type="application/octet-stream")

    @app.get(protocol.API + "/pull/{stream}")
    def pull(
        stream: Annotated[str, Path(max_length=40)],
        who: AuthDevice,
        cursor: Annotated[str, Query(pattern=fields.CURSOR)] = protocol.START,
        limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
    ) -> PageOut:
        items, after, more = central.pull(who, stream, cursor, limit)
        return PageOut(items=items, cursor=after, more=more)

    return app
