"""/glossary/...: look up, scan, add or update, export, over the glossary the server holds."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..errors import DuplicateTermError, GlossaryError
from .findings import figure_dict, public_entry, public_source
from .requests import ApiError, param, params_of, require_key, require_writer, text_param

EXPORTS = {
    "tbx": ("application/x-tbx+xml; charset=utf-8", "glossary.tbx"),
    "csv": ("text/csv; charset=utf-8", "glossary.csv"),
    "tsv": ("text/tab-separated-values; charset=utf-8", "glossary.tsv"),
}
ENTRY_KEYS = ("ko", "en", "type", "variants", "en_variants", "note", "forms")


async def lookup(request: Request) -> JSONResponse:
    """?q=딥시크의 (Korean, particles allowed) or ?q=DeepSeek&reverse=true."""
    params = await params_of(request)
    require_key(request, params)
    query = param(params, "q")
    reverse = str(params.get("reverse", "")).lower() in ("1", "true", "yes", "on")
    glossary = request.app.state.service.glossary
    found = glossary.lookup(query, reverse=reverse)
    suggestions = [] if found else glossary.suggest(query, reverse=reverse)
    return JSONResponse(
        {"entries": [public_entry(term) for term in found], "suggestions": suggestions}
    )


async def scan(request: Request) -> JSONResponse:
    """{"text": Korean text} -> its glossary terms and money figures, with offsets."""
    from ..matcher import terms_and_figures
    from ..normalize import normalize

    service = request.app.state.service
    params = await params_of(request)
    require_key(request, params)
    [text], _ = text_param({"text": params.get("text")}, "text", service.settings.char_limit)
    terms, figures = terms_and_figures(normalize(text), service.glossary.matcher())
    return JSONResponse(
        {
            "terms": [match.to_dict() for match in terms],
            "figures": [figure_dict(figure) for figure in figures],
        }
    )


async def add_entry(request: Request) -> JSONResponse:
    """An entry as lookup shows one ({"ko", "en", "type", ...}); "update": true replaces."""
    from ..glossary import term_from_entry

    service = request.app.state.service
    params = await params_of(request)
    require_writer(request, params)
    entry = {key: params[key] for key in ENTRY_KEYS if params.get(key) not in (None, "", [])}
    for key in ("variants", "en_variants"):
        if isinstance(entry.get(key), str):
            entry[key] = [part.strip() for part in entry[key].split(",") if part.strip()]
    update = str(params.get("update", "")).lower() in ("1", "true", "yes", "on")
    try:
        term = term_from_entry(entry, "new entry")
        written = await _in_thread(service.write_entry, term, update)
    except DuplicateTermError as error:
        existing = error.existing
        message = (
            f"`{term.ko}` is already in the glossary as `{existing.ko}` \u2192 `{existing.en}` "
            f'({public_source(existing)}); send "update": true to replace it'
        )
        raise ApiError(409, message, existing=public_entry(existing)) from None
    except GlossaryError as error:
        raise ApiError(400, str(error)) from None
    return JSONResponse(
        {"entry": public_entry(written), "updated": update}, status_code=200 if update else 201
    )


async def export(request: Request) -> Response:
    """?format=tbx|csv|tsv: the whole glossary the server holds."""
    from ..formats import export_table, export_tbx

    params = await params_of(request)
    require_key(request, params)
    kind = str(params.get("format") or "tbx")
    if kind not in EXPORTS:
        raise ApiError(400, f"Invalid request: format must be one of {', '.join(EXPORTS)}")
    glossary = request.app.state.service.glossary
    if kind == "tbx":
        body = export_tbx(glossary)
    else:
        body = export_table(glossary, "," if kind == "csv" else "\t", rich=True, header=True)
    media_type, name = EXPORTS[kind]
    return Response(
        body.encode("utf-8"),
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


async def _in_thread(function, *args):
    """A file write, off the event loop."""
    import asyncio

    return await asyncio.get_running_loop().run_in_executor(None, function, *args)
