"""A fault-injecting TCP proxy between the desks and the central server: each
connection (one request; the answer tells the client to close) meets the next planned
fault, or passes.

Faults: ``refuse`` (closed on accept), ``drop_request`` (the request read, never sent
on), ``drop_response`` (the server answered, so committed, and the answer is thrown
away), ``truncate`` (half the answer, then closed), ``delay`` (the answer held back
``delay_seconds``, longer than the client waits)."""

from __future__ import annotations

import random
import socket
import threading
import time
from collections import deque

FAULTS = ("refuse", "drop_request", "drop_response", "truncate", "delay")


def _read_message(sock: socket.socket) -> bytes:
    """One HTTP/1.1 message (headers and a Content-Length body); b"" if closed."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return b""
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def _closing(response: bytes) -> bytes:
    """The answer with ``connection: close``: one request per proxied connection."""
    head, _, body = response.partition(b"\r\n\r\n")
    lines = [ln for ln in head.split(b"\r\n") if not ln.lower().startswith(b"connection:")]
    return b"\r\n".join([*lines, b"connection: close"]) + b"\r\n\r\n" + body


class FaultProxy:
    def __init__(self, target_port: int, *, delay_seconds: float = 3.0) -> None:
        self.target_port = target_port
        self.delay_seconds = delay_seconds
        self.plan: deque[str] = deque()
        self.random_rate = 0.0
        self.latency = 0.0  # added to every answer that passes
        self.rng = random.Random(7)
        self.seen: dict[str, int] = {}
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._stop = False
        threading.Thread(target=self._serve, daemon=True, name="fault-proxy").start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def fail_next(self, *faults: str) -> None:
        with self._lock:
            self.plan.extend(faults)

    def _next_fault(self) -> str:
        with self._lock:
            if self.plan:
                fault = self.plan.popleft()
            elif self.random_rate and self.rng.random() < self.random_rate:
                fault = self.rng.choice(FAULTS)
            else:
                fault = "pass"
            self.seen[fault] = self.seen.get(fault, 0) + 1
            return fault

    def close(self) -> None:
        self._stop = True
        self._listener.close()

    def _serve(self) -> None:
        while not self._stop:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _handle(self, client: socket.socket) -> None:
        fault = self._next_fault()
        with client:
            if fault == "refuse":
                return
            request = _read_message(client)
            if not request or fault == "drop_request":
                return
            with socket.create_connection(("127.0.0.1", self.target_port)) as upstream:
                upstream.sendall(request)
                response = _read_message(upstream)
            if fault == "drop_response":
                return
            response = _closing(response)
            if fault == "truncate":
                client.sendall(response[: max(1, len(response) // 2)])
                return
            if fault == "delay":
                time.sleep(self.delay_seconds)
            elif self.latency:
                time.sleep(self.latency)
            try:
                client.sendall(response)
            except OSError:
                return
