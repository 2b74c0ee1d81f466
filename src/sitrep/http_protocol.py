"""The HTTP/1.1 protocol `sitrep serve` runs: uvicorn's, closing a connection that sends no
complete request head within REQUEST_HEAD_WITHIN seconds of opening or of its last response.
A client that connects and sends nothing, or a few header bytes at a time, no longer holds a
connection (and a file descriptor) forever. A module of its own so uvicorn can load it by name
in each worker process (`--workers N`)."""
from __future__ import annotations

from uvicorn.protocols.http.h11_impl import H11Protocol

REQUEST_HEAD_WITHIN = 10.0  # seconds a connection has to send a whole request head
NAME = "sitrep.http_protocol:GuardedH11Protocol"


class GuardedH11Protocol(H11Protocol):
    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def _arm(self) -> None:
        self.loop.call_later(REQUEST_HEAD_WITHIN, self._head_late, self.cycle)

    def _head_late(self, waiting_for) -> None:
        no_new_request = self.cycle is waiting_for and (self.cycle is None or self.cycle.response_complete)
        if no_new_request and not self.transport.is_closing():
            self.transport.close()
