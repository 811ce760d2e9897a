"""`bilingo serve`: a LibreTranslate-compatible HTTP API and a review page, glossary applied.

    settings          ServerSettings: address, keys, limits, engine options
    batching          BatchingEngine: requests arriving together share one engine call
    service           TranslationService: the glossary, one engine per direction, the queue bound
    html_text         format=html: text between tags translated, markup kept
    libretranslate    /translate, /translate_file, /detect, /languages as LibreTranslate answers them
    glossary_routes   /glossary/...: lookup, scan, add or update, export
    app               create_app: routes, the page, keys, limits, errors as {"error": ...}

Starlette and uvicorn are imported only here, so no other command pays for
them. See docs/server.md.
"""

from .app import create_app
from .settings import ServerSettings

__all__ = ["ServerSettings", "create_app"]
