"""The Starlette application: routes, security headers and error replies.

Why Starlette: a small, well-kept ASGI toolkit (the base of FastAPI) with a test client, request
size limits and multipart uploads, and nothing we do not use: no template engine (the pages are
the report's own script and stylesheet), no ORM (the store is plain SQLite), no second UI.

Safe by construction:

- the store is opened read-only (``mode=ro``) for every request; the one writing endpoint,
  ``POST /api/ingest``, exists only with ``allow_write`` and needs a custom header that a page
  on another site cannot send;
- every response carries a strict Content-Security-Policy (scripts and styles from this server
  only, no inline script, no framing) and ``nosniff``; the page draws text with ``textContent``;
- requests are checked: unknown or malformed parameters, oversized values and bodies get a 4xx
  with a message; a query running past its time budget is stopped (503); only the host names of
  this machine are answered (no DNS rebinding);
- the server listens on 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storylens.config import ServeSettings
from storylens.report.html import embed_json, render_app
from storylens.serve import api
from storylens.serve.params import BadRequest, Params
from storylens.serve.reader import QueryTimeout, Reader
from storylens.serve.tables import csv_page
from storylens.serve.views import Views
from storylens.store.queries import Page

log = logging.getLogger("storylens.serve")

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
WRITE_HEADER = "x-storylens"  # POST /api/ingest needs it: cross-site forms cannot set a custom header
LOCAL_HOSTS = ("127.0.0.1", "localhost")


class SecurityHeaders:
    """Adds the security headers to every response (pure ASGI: streaming stays untouched)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in HEADERS if h[0] not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _json(data: Any, status: int = 200) -> Response:
    body = embed_json(data)  # NaN as null; <, >, & escaped: safe even if sniffed as HTML
    return Response(body, status_code=status, media_type="application/json")


def _error(message: str, status: int) -> Response:
    return _json({"error": message, "status": status}, status)


def create_app(db_path: str | Path, settings: ServeSettings | None = None) -> Starlette:
    """The web app and JSON API over the store at ``db_path`` (which must exist and be current)."""
    settings = settings or ServeSettings()
    db_path = Path(db_path)
    reader = Reader(db_path, settings.query_timeout_ms)
    views = Views(reader, settings)
    assets = {name: resources.files("storylens.report").joinpath("assets", name).read_bytes()
              for name in ("report.js", "report.css")}
    versions = {name: hashlib.sha256(data).hexdigest()[:12] for name, data in assets.items()}

    async def call(work: Callable[[], Any]) -> Response:
        try:
            result = await run_in_threadpool(work)
        except BadRequest as exc:
            return _error(exc.message, exc.status)
        except QueryTimeout:
            return _error(f"the query ran longer than {settings.query_timeout_ms / 1000:g} s and was stopped; "
                          "narrow it (add a filter, use rarer words)", 503)
        if isinstance(result, Response):
            return result
        return _json(result.to_dict() if isinstance(result, Page) else result)

    def params(request: Request) -> Params:
        if len(request.url.query) > 8 * settings.max_param_chars:
            raise BadRequest("the query string is too long")
        multi = request.query_params.multi_items()
        if len({k for k, _ in multi}) != len(multi):
            raise BadRequest("each parameter may be given once")
        return Params(dict(multi), settings)

    async def page(request: Request) -> Response:
        boot = await run_in_threadpool(views.boot)
        html = render_app(boot, {name: f"/assets/{name}?v={v}" for name, v in versions.items()})
        return Response(html, media_type="text/html; charset=utf-8", headers={"cache-control": "no-store"})

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in assets:
            return _error(f"no asset {name!r}", 404)
        media = "text/javascript" if name.endswith(".js") else "text/css"
        return Response(assets[name], media_type=f"{media}; charset=utf-8",
                        headers={"cache-control": "public, max-age=31536000, immutable"})

    async def index(request: Request) -> Response:
        return _json({"endpoints": sorted(f"/api/{name}" for name in api.ENDPOINTS) + [
            "/api/documents/{id}", "/api/view/{name}", *(["/api/ingest (POST)"] if settings.allow_write else [])],
            "documentation": "docs/api.md", "schema": "/api/schema"})

    async def schema(request: Request) -> Response:
        text = resources.files("storylens.serve").joinpath("api.schema.json").read_text(encoding="utf-8")
        return _json(json.loads(text))

    async def endpoint(request: Request) -> Response:
        name = request.path_params["name"]
        handler = api.ENDPOINTS.get(name)
        if handler is None:
            return _error(f"no endpoint /api/{name}; GET /api lists them", 404)

        def work() -> Any:
            p = params(request)
            fmt = p.format()
            result = handler(reader, p)
            if fmt == "csv":
                if not isinstance(result, Page):
                    raise BadRequest(f"/api/{name} is not a table; CSV is for the list endpoints")
                return Response(csv_page(result), media_type="text/csv; charset=utf-8",
                                headers={"content-disposition": f'attachment; filename="{name}.csv"'})
            return result
        return await call(work)

    async def document(request: Request) -> Response:
        return await call(lambda: api.document(reader, request.path_params["ref"], params(request),
                                               settings.max_members_per_group))

    async def view(request: Request) -> Response:
        return await call(lambda: views.build(request.path_params["name"], params(request)))

    async def ingest(request: Request) -> Response:
        if not settings.allow_write:
            return _error("this server is read-only; start it with 'storylens serve --allow-write' to add documents", 403)
        if request.headers.get(WRITE_HEADER) != "ingest":
            return _error(f"send the header '{WRITE_HEADER}: ingest' with uploads (it keeps other sites out)", 403)
        relate = request.query_params.get("relate", "1") not in ("0", "false", "no")
        try:
            form = await request.form(max_files=200, max_part_size=settings.max_upload_mb * 1024 * 1024)
        except HTTPException as exc:
            return _error(f"the upload could not be read: {exc.detail}", exc.status_code)
        files = [(f.filename or "", await f.read()) for f in form.getlist("files") if hasattr(f, "read")]
        await form.close()

        def work() -> Any:
            from storylens.serve.upload import ingest_uploads, save_uploads

            folder = save_uploads(db_path, files)
            try:
                return ingest_uploads(db_path, folder, relate)
            except BadRequest:
                shutil.rmtree(folder, ignore_errors=True)
                raise
        return await call(work)

    async def not_found(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 404)
        detail = getattr(exc, "detail", None) or "not found"
        if status == 404:
            detail = f"nothing at {request.url.path}; the app is at / and the API at /api"
        return _error(str(detail), status)

    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("storylens serve: %s %s failed", request.method, request.url.path)
        return _error("the server failed on this request; the server log has the details", 500)

    routes = [
        Route("/", page),
        Route("/assets/{name}", asset),
        Route("/api", index),
        Route("/api/schema", schema),
        Route("/api/documents/{ref}", document),
        Route("/api/view/{name}", view),
        Route("/api/ingest", ingest, methods=["POST"], max_body_size=settings.max_upload_mb * 1024 * 1024 + 65536),
        Route("/api/{name}", endpoint),
    ]
    hosts = ["*"] if settings.host in ("0.0.0.0", "::") else sorted({settings.host, *LOCAL_HOSTS})
    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecurityHeaders), Middleware(TrustedHostMiddleware, allowed_hosts=hosts)],
        exception_handlers={HTTPException: not_found, Exception: server_error},
    )
    app.state.reader = reader
    return app
