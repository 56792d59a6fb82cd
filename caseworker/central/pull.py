"""What a device pulls: one page of a stream at a time, scoped to its office."""

from __future__ import annotations

from typing import Any

from caseworker.central import changes, schema
from caseworker.central.base import CentralBase, CentralError
from caseworker.central.fields import BIGINT
from caseworker.sync import protocol


class Pull(CentralBase):
    def pull(
        self, device: schema.Device, stream: str, cursor: str, limit: int
    ) -> tuple[list[dict[str, Any]], str, bool]:
        if stream not in protocol.STREAMS:
            raise CentralError(
                404, f"no stream {stream[:40]!r}; the streams are {', '.join(protocol.STREAMS)}"
            )
        limit = max(1, min(limit, 10_000))
        try:
            position = protocol.parse_cursor(cursor)
        except ValueError:
            position = (-1, -1)
        if not all(0 <= part <= BIGINT for part in position):
            raise CentralError(400, f"cursor {cursor[:40]!r} was not given by this server")
        with self.sessions() as session:
            return changes.page(session, stream, cursor, scope=device.office_code, limit=limit)
