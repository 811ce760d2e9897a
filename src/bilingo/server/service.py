"""What the server shares across requests: the glossary, one engine per direction, the queue.

Every request reads `service.glossary` once and keeps that object: a
glossary write builds a new Glossary and swaps the reference, so a request
in flight never sees entries change under it. Engines are made on first use
of a direction and wrapped in a BatchingEngine; translations run in a thread
pool, off the event loop.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..errors import BilingoError
from ..korean import contains_hangul
from .batching import BatchingEngine
from .settings import ServerSettings

LANGUAGE_NAMES = {"ko": "Korean", "en": "English"}


class ServerBusy(BilingoError):
    """More requests are waiting than the server takes (HTTP 429)."""


class TranslationService:
    def __init__(self, settings: ServerSettings):
        from ..glossary import load_glossary

        self.settings = settings
        self.glossary = load_glossary(self._glossary_paths())
        self._engines: dict[tuple[str, str], BatchingEngine] = {}
        self._engine_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._pool = ThreadPoolExecutor(settings.max_queue, thread_name_prefix="bilingo-translate")
        self.waiting = 0  # requests admitted and not yet answered

    # ----------------------------------------------------------------- glossary

    def _glossary_paths(self) -> list[Path] | None:
        """The set to load: as configured, plus the file writes go to once it exists and is
        not in the set already (None: the default set, which holds your own file)."""
        paths, into = self.settings.glossary, self.settings.into
        if into is None or not into.is_file():
            return list(paths) if paths else None
        base = list(paths) if paths else _default_set()
        if into.resolve() in {path.resolve() for path in base}:
            return list(paths) if paths else None
        return [*base, into]

    def write_entry(self, term, update: bool):
        """Add (or with `update`, replace) an entry in the writes' file; the glossary is reloaded."""
        from ..glossary import load_glossary

        with self._write_lock:
            working = load_glossary(self._glossary_paths())  # private until swapped in
            written = working.add(term, self.settings.into, update=update)
            self.glossary = load_glossary(self._glossary_paths())
        return written

    # ----------------------------------------------------------------- engines

    def available_pairs(self) -> list[tuple[str, str]]:
        """The directions this server can translate now (argos: an installed model)."""
        from ..translation import SUPPORTED_PAIRS

        if self.settings.engine != "argos":
            return list(SUPPORTED_PAIRS)
        from ..models import list_models

        installed = {(model.source_lang, model.target_lang) for model in list_models()}
        return [pair for pair in SUPPORTED_PAIRS if pair in installed]

    def engine(self, source_lang: str, target_lang: str) -> BatchingEngine:
        """The shared engine of a direction, made on first use (errors are BilingoErrors)."""
        from ..translation import make_engine

        key = (source_lang, target_lang)
        with self._engine_lock:
            if key not in self._engines:
                engine = make_engine(
                    self.settings.engine,
                    source_lang,
                    target_lang,
                    **self.settings.engine_options(),
                )
                self._engines[key] = BatchingEngine(
                    engine,
                    max_sentences=self.settings.max_batch_sentences,
                    window=self.settings.batch_window_ms / 1000,
                )
            return self._engines[key]

    def engine_calls(self) -> dict[str, int]:
        """Engine calls made so far per direction loaded: fewer than requests means batching."""
        with self._engine_lock:
            return {f"{s}-{t}": engine.calls_made for (s, t), engine in self._engines.items()}

    # ----------------------------------------------------------------- translating

    def admit(self) -> _Admission:
        """A slot for one request, or ServerBusy when max_queue are already waiting."""
        if self.waiting >= self.settings.max_queue:
            raise ServerBusy(f"Slowdown: {self.waiting} requests are waiting; try again shortly")
        return _Admission(self)

    async def translate(self, texts: list[str], source_lang: str, target_lang: str, glossary):
        """Each text's TranslationResult; the texts run in parallel and share engine calls."""
        from ..translation import run_pipeline

        engine = await asyncio.get_running_loop().run_in_executor(
            self._pool, self.engine, source_lang, target_lang
        )
        loop = asyncio.get_running_loop()
        jobs = [
            loop.run_in_executor(self._pool, run_pipeline, text, glossary, engine) for text in texts
        ]
        return await asyncio.gather(*jobs)

    def close(self) -> None:
        """Finish queued work, then stop the batchers and the pool."""
        self._pool.shutdown(wait=True)
        for engine in self._engines.values():
            engine.close()


class _Admission:
    def __init__(self, service: TranslationService):
        self.service = service

    def __enter__(self):
        self.service.waiting += 1  # only the event loop's thread counts, so no lock
        return self

    def __exit__(self, *exc):
        self.service.waiting -= 1


def _default_set() -> list[Path]:
    from ..glossary.locations import resolve_glossary_paths

    return resolve_glossary_paths(None)


def detect_language(text: str) -> list[dict]:
    """LibreTranslate's /detect answer for ko/en: the share of Hangul among the letters.

    Korean news quotes English names, so text counts as Korean once a fifth of its
    letters are Hangul.
    """
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return [{"confidence": 0.0, "language": "en"}]
    hangul = sum(1 for char in letters if contains_hangul(char))
    share = hangul / len(letters)
    if share >= 0.2:
        return [{"confidence": round(min(1.0, share / 0.6) * 100, 1), "language": "ko"}]
    return [{"confidence": round((1 - share) * 100, 1), "language": "en"}]
