"""``storylens serve``: a web app and JSON API over the store.

The app shows the same views as the report — drawn by the same script and stylesheet — with
each page's data fetched from the JSON API instead of embedded, so a store of any size can be
browsed, filtered, searched and checked. See ``docs/api.md`` for the API.
"""

from __future__ import annotations

import errno
import socket
import threading

from starlette.applications import Starlette

from storylens.config import ServeSettings
from storylens.serve import api
from storylens.serve.app import create_app

__all__ = ["create_app", "serve", "PortInUse"]


class PortInUse(OSError):
    """The address is taken; the message says which."""


def serve(app: Starlette, settings: ServeSettings) -> None:
    """Run ``app`` (from :func:`create_app`) with uvicorn on the settings' address until interrupted."""
    import uvicorn

    with socket.socket(socket.AF_INET6 if ":" in settings.host else socket.AF_INET) as probe:
        try:
            probe.bind((settings.host, settings.port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise PortInUse(f"{settings.host}:{settings.port} is in use; choose another port with --port") from None
            raise PortInUse(f"cannot listen on {settings.host}:{settings.port} ({exc.strerror})") from None
    threading.Thread(target=api.warm, args=(app.state.reader,), daemon=True).start()
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning", server_header=False,
                limit_concurrency=64, timeout_keep_alive=5)
