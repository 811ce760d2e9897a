"""The ASGI application: routes, the review page, limits, and every error as {"error": ...}."""

from __future__ import annotations

import contextlib
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse
from starlette.routing import Route

from ..errors import BilingoError, InputError, ModelNotInstalled, UsageError
from . import glossary_routes, libretranslate
from .requests import ApiError
from .service import ServerBusy, TranslationService
from .settings import ServerSettings

STATIC = Path(__file__).parent / "static"
# The page's files, by the only names a request can ask for: no request path
# ever reaches the file system.
PAGE_FILES = {
    "page.js": "text/javascript; charset=utf-8",
    "page.css": "text/css; charset=utf-8",
}


def create_app(settings: ServerSettings | None = None) -> Starlette:
    """The server as an ASGI app (run it with uvicorn; `bilingo serve` does)."""
    settings = settings or ServerSettings()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        app.state.service = TranslationService(settings)
        app.state.kept_files = libretranslate.KeptFiles(
            settings.kept_files, settings.kept_file_seconds
        )
        try:
            yield
        finally:  # uvicorn has let requests in flight finish before this runs
            app.state.service.close()

    return Starlette(
        routes=_routes(),
        middleware=_middleware(settings),
        # Known errors are answered here; anything else also reaches the server's log.
        exception_handlers={
            ApiError: _error_response,
            BilingoError: _error_response,
            HTTPException: _error_response,
            Exception: _error_response,
        },
        lifespan=lifespan,
    )


def _routes() -> list[Route]:
    return [
        Route("/", _page),
        Route("/static/{name}", _page_file),
        Route("/health", _health),
        Route("/translate", libretranslate.translate, methods=["POST"]),
        Route("/translate_file", libretranslate.translate_file, methods=["POST"]),
        Route("/download_file/{token}", libretranslate.download_file, name="download_file"),
        Route("/detect", libretranslate.detect, methods=["POST"]),
        Route("/languages", libretranslate.languages, methods=["GET", "POST"]),
        Route("/frontend/settings", libretranslate.frontend_settings),
        Route("/glossary/lookup", glossary_routes.lookup, methods=["GET", "POST"]),
        Route("/glossary/scan", glossary_routes.scan, methods=["POST"]),
        Route("/glossary/entries", glossary_routes.add_entry, methods=["POST"]),
        Route("/glossary/export", glossary_routes.export),
    ]


def _middleware(settings: ServerSettings) -> list[Middleware]:
    from .limits import BodyLimit

    middleware = [Middleware(BodyLimit, max_bytes=settings.max_body_bytes)]
    if settings.cors_origins:  # off unless configured: browsers then refuse other sites' pages
        from starlette.middleware.cors import CORSMiddleware

        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=settings.cors_origins,
                allow_methods=["GET", "POST"],
                allow_headers=["Content-Type", "Authorization"],
            )
        )
    return middleware


# The page loads its own two files and calls its own API; nothing else runs in it.
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)


async def _page(request: Request) -> FileResponse:
    return FileResponse(
        STATIC / "index.html",
        media_type="text/html; charset=utf-8",
        headers={"Content-Security-Policy": PAGE_POLICY, "X-Content-Type-Options": "nosniff"},
    )


async def _page_file(request: Request) -> FileResponse:
    name = request.path_params["name"]
    if name not in PAGE_FILES:
        raise ApiError(404, "Not found")
    return FileResponse(STATIC / name, media_type=PAGE_FILES[name])


async def _health(request: Request) -> JSONResponse:
    service: TranslationService = request.app.state.service
    return JSONResponse(
        {
            "status": "ok",
            "glossary_entries": len(service.glossary),
            "waiting": service.waiting,
            "directions": [f"{s}-{t}" for s, t in service.available_pairs()],
            "engine_calls": service.engine_calls(),
        }
    )


def _error_response(request: Request, error: Exception) -> JSONResponse:
    """LibreTranslate's error shape and codes; never a traceback to the client."""
    if isinstance(error, ApiError):
        return JSONResponse({"error": error.message, **error.extra}, status_code=error.status)
    if isinstance(error, HTTPException):
        return JSONResponse({"error": error.detail}, status_code=error.status_code)
    if isinstance(error, ServerBusy):
        return JSONResponse({"error": str(error)}, status_code=429)
    if isinstance(error, (UsageError, InputError, ModelNotInstalled)):
        return JSONResponse({"error": str(error)}, status_code=400)  # as LibreTranslate's
    if isinstance(error, BilingoError):  # a model that fails to load or to translate
        return JSONResponse({"error": f"Cannot translate text: {error}"}, status_code=500)
    return JSONResponse({"error": "Cannot translate text: internal error"}, status_code=500)
