"""Reading a request as LibreTranslate does: JSON or form bodies, keys, limits."""

from __future__ import annotations

import hmac
import ipaddress
import json

from starlette.requests import Request


class ApiError(Exception):
    """An answer of {"error": message} with an HTTP status."""

    def __init__(self, status: int, message: str, **extra):
        super().__init__(message)
        self.status, self.message, self.extra = status, message, extra


async def params_of(request: Request) -> dict:
    """The request's parameters: a JSON object, a form (a repeated field is a list), or the
    query string for GET."""
    if request.method == "GET":
        return dict(request.query_params)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            data = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError):
            raise ApiError(400, "Invalid request: the body is not valid JSON") from None
        if not isinstance(data, dict):
            raise ApiError(400, "Invalid request: the JSON body must be an object")
        return data
    if kind in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.form()
        return {key: _one_or_list(form.getlist(key)) for key in form}
    if not await request.body():
        return dict(request.query_params)
    raise ApiError(400, "Invalid request: send JSON or a form (application/x-www-form-urlencoded)")


def _one_or_list(values: list):
    return values[0] if len(values) == 1 else values


def param(params: dict, name: str) -> str:
    """A required string parameter; LibreTranslate's message when it is missing."""
    value = params.get(name)
    if value is None or value == "":
        raise ApiError(400, f"Invalid request: missing {name} parameter")
    if not isinstance(value, str):
        raise ApiError(400, f"Invalid request: {name} must be a string")
    return value


def text_param(params: dict, name: str, limit: int) -> tuple[list[str], bool]:
    """The texts of `q` (a string or a list of strings) and whether it was one string;
    a total over `limit` characters is refused with 413."""
    value = params.get(name)
    if value is None:
        raise ApiError(400, f"Invalid request: missing {name} parameter")
    one = isinstance(value, str)
    texts = [value] if one else value
    if not isinstance(texts, list) or not all(isinstance(text, str) for text in texts):
        raise ApiError(400, f"Invalid request: {name} must be a string or a list of strings")
    size = sum(map(len, texts))
    if size > limit:
        raise ApiError(413, f"Invalid request: request ({size}) exceeds text limit ({limit})")
    return texts, one


def given_key(request: Request, params: dict) -> str:
    """The API key sent: the `api_key` parameter, else an `Authorization: Bearer` header."""
    key = params.get("api_key")
    if isinstance(key, str) and key:
        return key
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def key_is_valid(key: str, keys: frozenset[str]) -> bool:
    """Compared with every configured key in constant time, so timing tells nothing."""
    matched = False
    for known in keys:
        matched |= hmac.compare_digest(key.encode(), known.encode())
    return matched


def require_key(request: Request, params: dict) -> None:
    """403 when keys are configured and none of them was sent."""
    keys = request.app.state.service.settings.api_keys
    if keys and not key_is_valid(given_key(request, params), keys):
        raise ApiError(403, "Invalid API key")


def require_writer(request: Request, params: dict) -> None:
    """Glossary writes: a valid key when keys are configured; else this machine only."""
    if request.app.state.service.settings.api_keys:
        require_key(request, params)
        return
    if not is_loopback(request.client.host if request.client else ""):
        raise ApiError(
            403,
            "glossary writes from another machine need an API key; "
            "start the server with --api-key-file",
        )


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
