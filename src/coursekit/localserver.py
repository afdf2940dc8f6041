"""A built site on a local HTTP port, for a browser to open (``coursekit diagrams``, tests, bench).

Pages are opened over HTTP rather than from ``file://`` because material's search
worker, fetch() and instant navigation need a real origin.
"""

from __future__ import annotations

import functools
import http.server
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file handler that does not log each request (subclass it to answer some paths itself)."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        """Say nothing."""


@contextmanager
def serve(site: Path, handler: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 for the duration of the block; yield its base URL (no trailing slash)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
