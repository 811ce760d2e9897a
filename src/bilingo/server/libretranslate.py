"""The LibreTranslate API, as LibreTranslate documents and answers it, with the glossary applied.

Bodies are JSON or forms (urlencoded or multipart), as LibreTranslate takes
them; errors are {"error": message} with its status codes. bilingo's own
findings ride along in a `bilingo` field that LibreTranslate clients ignore
(docs/server.md, "Responses").
"""

from __future__ import annotations

import secrets
import time
from collections import OrderedDict
from pathlib import PurePath

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from .findings import extras_of, unchanged
from .html_text import translate_html
from .requests import ApiError, param, params_of, require_key, text_param
from .service import LANGUAGE_NAMES, TranslationService, detect_language

OFF = {"0", "false", "no", "off"}
FILE_SUFFIXES = (".txt", ".md")


async def translate(request: Request) -> JSONResponse:
    service: TranslationService = request.app.state.service
    params = await params_of(request)
    require_key(request, params)
    texts, one = text_param(params, "q", service.settings.char_limit)
    source, target = param(params, "source"), param(params, "target")
    html = _format(params) == "html"
    glossary = None if str(params.get("glossary", "")).lower() in OFF else service.glossary
    with service.admit():
        detected = [_detected(text, source) for text in texts]
        results = await _translate_each(service, texts, detected, target, glossary, html)
    body: dict = {"translatedText": results[0][0] if one else [r[0] for r in results]}
    if source == "auto":
        languages = [{"confidence": d["confidence"], "language": d["language"]} for d in detected]
        body["detectedLanguage"] = languages[0] if one else languages
    if _number(params, "alternatives"):
        body["alternatives"] = [] if one else [[] for _ in texts]
    extras = [r[1] for r in results]
    body["bilingo"] = extras[0] if one else extras
    return JSONResponse(body)


def _format(params: dict) -> str:
    value = str(params.get("format") or "text")
    if value not in ("text", "html"):
        raise ApiError(400, f"Invalid request: format must be text or html, not {value}")
    return value


def _number(params: dict, name: str) -> int:
    value = params.get(name) or 0
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ApiError(400, f"Invalid request: {name} must be a number") from None


def _detected(text: str, source: str) -> dict:
    """The source language of one text: as given, or detected for `auto`."""
    if source == "auto":
        return detect_language(text)[0]
    if source not in LANGUAGE_NAMES:
        raise ApiError(400, f"{source} is not supported")
    return {"language": source, "confidence": 100.0}


async def _translate_each(service, texts, detected, target, glossary, html) -> list[tuple]:
    """(translation, extras) per text; a text already in the target language is kept."""
    if target not in LANGUAGE_NAMES:
        raise ApiError(400, f"{target} is not supported")
    results: list[tuple] = [(text, unchanged(text)) for text in texts]
    for source in LANGUAGE_NAMES:
        chosen = [i for i, d in enumerate(detected) if d["language"] == source and source != target]
        if not chosen:
            continue
        group = [texts[i] for i in chosen]
        if html:
            done = await translate_html(service, group, source, target, glossary)
        else:
            translated = await service.translate(group, source, target, glossary)
            done = [(result.text, extras_of(result)) for result in translated]
        for index, result in zip(chosen, done, strict=True):
            results[index] = result
    return results


async def detect(request: Request) -> JSONResponse:
    params = await params_of(request)
    require_key(request, params)
    texts, one = text_param(params, "q", request.app.state.service.settings.char_limit)
    found = [detect_language(text) for text in texts]
    return JSONResponse(found[0] if one else found)


async def languages(request: Request) -> JSONResponse:
    pairs = request.app.state.service.available_pairs()
    listed = []
    for code, name in LANGUAGE_NAMES.items():
        targets = [target for source, target in pairs if source == code]
        if targets:
            listed.append({"code": code, "name": name, "targets": targets})
    return JSONResponse(listed)


async def frontend_settings(request: Request) -> JSONResponse:
    """LibreTranslate's settings for its clients (some read charLimit and keyRequired)."""
    settings = request.app.state.service.settings
    return JSONResponse(
        {
            "charLimit": settings.char_limit,
            "frontendTimeout": 500,
            "apiKeys": bool(settings.api_keys),
            "keyRequired": bool(settings.api_keys),
            "suggestions": False,
            "filesTranslation": True,
            "supportedFilesFormat": list(FILE_SUFFIXES),
            "language": {
                "source": {"code": "ko", "name": LANGUAGE_NAMES["ko"]},
                "target": {"code": "en", "name": LANGUAGE_NAMES["en"]},
            },
        }
    )


# --------------------------------------------------------------------------- files


async def translate_file(request: Request) -> JSONResponse:
    """A .txt or .md file translated; the result is kept in memory for /download_file."""
    service: TranslationService = request.app.state.service
    params = await params_of(request)
    require_key(request, params)
    upload = params.get("file")
    if upload is None or not hasattr(upload, "read"):
        raise ApiError(400, "Invalid request: missing file parameter")
    name = PurePath(upload.filename or "file.txt").name
    if PurePath(name).suffix.lower() not in FILE_SUFFIXES:
        raise ApiError(
            400, f"Invalid request: file type not supported ({', '.join(FILE_SUFFIXES)})"
        )
    text = _uploaded_text(await upload.read(), name, service.settings.char_limit)
    source, target = param(params, "source"), param(params, "target")
    glossary = None if str(params.get("glossary", "")).lower() in OFF else service.glossary
    with service.admit():
        detected = [_detected(text, source)]
        [(translated, _)] = await _translate_each(
            service, [text], detected, target, glossary, False
        )
    kept: KeptFiles = request.app.state.kept_files
    token = kept.keep(f"{PurePath(name).stem}.{target}{PurePath(name).suffix}", translated)
    url = str(request.url_for("download_file", token=token))
    return JSONResponse({"translatedFileUrl": url})


def _uploaded_text(data: bytes, name: str, limit: int) -> str:
    from ..errors import InputError
    from ..files import decode_text

    try:
        text = decode_text(data, name)
    except InputError as error:
        raise ApiError(400, f"Invalid request: {error}") from None
    if len(text) > limit:
        raise ApiError(413, f"Invalid request: file ({len(text)}) exceeds text limit ({limit})")
    return text


async def download_file(request: Request) -> Response:
    kept: KeptFiles = request.app.state.kept_files
    found = kept.get(request.path_params["token"])
    if found is None:
        raise ApiError(404, "Invalid request: no such file (files are kept for a few minutes)")
    name, text = found
    return Response(
        text.encode("utf-8"),
        media_type="text/plain; charset=utf-8",
        headers={"Content-Disposition": attachment(name)},
    )


def attachment(name: str) -> str:
    """A Content-Disposition for any file name (기사.en.txt too: RFC 6266's filename*)."""
    from urllib.parse import quote

    plain = "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in name)
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name)}"


class KeptFiles:
    """Translated files, in memory only (no request ever names a path): a bounded, expiring store."""

    def __init__(self, most: int, seconds: float):
        self.most, self.seconds = most, seconds
        self._files: OrderedDict[str, tuple[float, str, str]] = OrderedDict()

    def keep(self, name: str, text: str) -> str:
        self._expire()
        token = secrets.token_urlsafe(16)
        self._files[token] = (time.monotonic(), name.replace('"', "_"), text)
        while len(self._files) > self.most:
            self._files.popitem(last=False)
        return token

    def get(self, token: str) -> tuple[str, str] | None:
        self._expire()
        found = self._files.get(token)
        return (found[1], found[2]) if found else None

    def _expire(self) -> None:
        now = time.monotonic()
        for token, (kept_at, _, _) in list(self._files.items()):
            if now - kept_at > self.seconds:
                del self._files[token]
