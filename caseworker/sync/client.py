"""The HTTP client of the central system (httpx). Every failure becomes one of two errors
with a one-line message: ``UnreachableError`` (try again later: no network, a timeout, a cut
or garbled answer, the centre busy) or ``RefusedError`` (the centre said no: a wrong code, a
device it does not know); a round never shows a traceback."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from caseworker.sync import protocol

Sign = Callable[[bytes], bytes]


class SyncError(Exception):
    """A round could not be done; ``str()`` says why in one line."""


class UnreachableError(SyncError):
    """The centre could not be reached or its answer was lost: try again later."""


class RefusedError(SyncError):
    """The centre answered and refused."""

    def __init__(self, status: int, message: str) -> None:
        self.status = status
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class Outcome:
    """The centre's answer to one pushed operation."""

    key: str
    status: str
    result: dict[str, Any]
    error: str = ""


@dataclass(frozen=True, slots=True)
class PushReply:
    outcomes: tuple[Outcome, ...]
    audit_seq: int | None
    audit_warning: str = ""


@dataclass(frozen=True, slots=True)
class Page:
    items: tuple[dict[str, Any], ...]
    cursor: str
    more: bool


@dataclass(slots=True)
class Session:
    token: str
    audit_seq: int | None
    central_box_key: str = ""


class CentralClient:
    """One connection to the centre for one device. ``transport`` lets tests put a fault
    between the two; ``timeout`` bounds every request."""

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 20.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = httpx.Client(
            base_url=self.base_url + protocol.API,
            timeout=timeout,
            transport=transport,
            headers={"user-agent": "caseworker-desk"},
        )
        self._session: Session | None = None

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> CentralClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- requests -----------------------------------------------------------------

    def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = self._http.request(method, path, **kwargs)
            body = response.read()
        except httpx.TimeoutException:
            raise UnreachableError(
                f"the central system at {self.base_url} did not answer in time"
            ) from None
        except httpx.TransportError as exc:
            raise UnreachableError(
                f"the central system at {self.base_url} cannot be reached ({type(exc).__name__}: "
                f"{exc or 'connection lost'})"
            ) from None
        try:
            data = json.loads(body) if body else {}
        except ValueError:
            data = None
        if response.status_code >= 500 or response.status_code == 429:
            raise UnreachableError(
                f"the central system is busy or failing (HTTP {response.status_code})"
            )
        if not isinstance(data, dict):
            raise UnreachableError("the central system's answer was cut short or garbled")
        if response.status_code >= 400:
            detail = data.get("detail")
            message = detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False)
            raise RefusedError(response.status_code, f"the central system refused: {message}")
        return data

    def _authed(
        self, method: str, path: str, sign: Sign, device_id: str, **kwargs: Any
    ) -> dict[str, Any]:
        """A request with the device's token, getting one first (and again once if the
        centre says the token has expired)."""
        for attempt in (1, 2):
            session = self._session or self.authenticate(device_id, sign)
            try:
                return self._call(
                    method, path, headers={"authorization": f"Bearer {session.token}"}, **kwargs
                )
            except RefusedError as exc:
                if exc.status != 401 or attempt == 2:
                    raise
                self._session = None
        raise AssertionError("unreachable")

    # --- the protocol ----------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        return self._call("GET", "/health")

    def enrol(
        self, *, code: str, office_code: str, device_code: str, public_key: str
    ) -> tuple[str, str, str]:
        """Enrol with a one-time code; returns (device id, the centre's public key, the
        centre's box key for removable-media bundles)."""
        data = self._call(
            "POST",
            "/enrol",
            json={
                "code": code,
                "office_code": office_code,
                "device_code": device_code,
                "public_key": public_key,
            },
        )
        return str(data["device_id"]), str(data["central_key"]), str(data["central_box_key"])

    def authenticate(self, device_id: str, sign: Sign) -> Session:
        """Challenge and answer: the centre sends a nonce, the device signs it."""
        nonce = str(self._call("POST", "/challenge", json={"device_id": device_id})["nonce"])
        data = self._call(
            "POST",
            "/token",
            json={
                "device_id": device_id,
                "nonce": nonce,
                "signature": sign(protocol.auth_message(device_id, nonce)).hex(),
            },
        )
        seq = data.get("audit_seq")
        self._session = Session(
            str(data["token"]),
            int(seq) if seq is not None else None,
            str(data.get("central_box_key") or ""),
        )
        return self._session

    @property
    def central_box_key(self) -> str:
        return self._session.central_box_key if self._session else ""

    def relay_bundle(self, device_id: str, sign: Sign, data: bytes) -> bytes:
        """Carry a township's bundle in; the centre's answer is the return bundle."""
        for attempt in (1, 2):
            session = self._session or self.authenticate(device_id, sign)
            try:
                response = self._http.post(
                    "/bundles",
                    content=data,
                    headers={
                        "authorization": f"Bearer {session.token}",
                        "content-type": "application/octet-stream",
                    },
                    timeout=max(self._http.timeout.read or 0, 300.0),
                )
                body = response.read()
            except httpx.TimeoutException:
                raise UnreachableError("the central system did not answer in time") from None
            except httpx.TransportError as exc:
                raise UnreachableError(f"the central system cannot be reached ({exc})") from None
            if response.status_code == 401 and attempt == 1:
                self._session = None
                continue
            if response.status_code >= 500:
                raise UnreachableError(
                    f"the central system is failing (HTTP {response.status_code})"
                )
            if response.status_code >= 400:
                try:
                    detail = json.loads(body).get("detail")
                except (ValueError, AttributeError):
                    detail = body[:200].decode("utf-8", "replace")
                raise RefusedError(
                    response.status_code, f"the central system refused the bundle: {detail}"
                )
            return body
        raise AssertionError("unreachable")

    @property
    def audit_seq(self) -> int | None:
        return self._session.audit_seq if self._session else None

    def push(
        self,
        device_id: str,
        sign: Sign,
        operations: list[dict[str, Any]],
        audit: dict[str, Any] | None,
    ) -> PushReply:
        data = self._authed(
            "POST", "/push", sign, device_id, json={"operations": operations, "audit": audit}
        )
        try:
            outcomes = tuple(
                Outcome(
                    str(r["key"]),
                    str(r["status"]),
                    dict(r.get("result") or {}),
                    str(r.get("error") or ""),
                )
                for r in data["results"]
            )
        except (KeyError, TypeError, ValueError):
            raise UnreachableError("the central system's answer to a push was garbled") from None
        sent = {op["key"] for op in operations}
        if {o.key for o in outcomes} != sent or any(
            o.status not in protocol.OUTCOMES for o in outcomes
        ):
            raise UnreachableError("the central system did not answer for every operation sent")
        seq = data.get("audit_seq")
        if self._session is not None and seq is not None:
            self._session.audit_seq = int(seq)
        return PushReply(
            outcomes, int(seq) if seq is not None else None, str(data.get("audit_warning") or "")
        )

    def pull(self, device_id: str, sign: Sign, stream: str, cursor: str, limit: int = 1000) -> Page:
        data = self._authed(
            "GET", f"/pull/{stream}", sign, device_id, params={"cursor": cursor, "limit": limit}
        )
        try:
            return Page(tuple(data["items"]), str(data["cursor"]), bool(data["more"]))
        except (KeyError, TypeError):
            raise UnreachableError("the central system's answer to a pull was garbled") from None
