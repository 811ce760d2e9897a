"""`bilingo serve`: a LibreTranslate-compatible HTTP API and a review page, glossary applied.

    settings          ServerSettings: address, keys, limits, engine options
    batching          BatchingEngine: requests arriving together share one engine call
    service           TranslationService: the glossary, one engine per direction, the queue bound
    findings          the `bilingo` field: terms, repairs, decisions, figures, paragraphs
    html_text         format=html: text between tags translated, markup kept
    requests          parameters from JSON or forms, API keys, the loopback rule
    libretranslate    /translate, /translate_file, /detect, /languages as LibreTranslate answers them
    glossary_routes   /glossary/...: lookup, scan, add or update, export
    limits            413 for a body over the limit, before it is read whole
    app               create_app: routes, the page, errors as {"error": ...}

Starlette and uvicorn are imported only here, so no other command pays for
them. See docs/server.md.
"""

from .app import create_app
from .settings import ServerSettings

__all__ = ["ServerSettings", "create_app"]
