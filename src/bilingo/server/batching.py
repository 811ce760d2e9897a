"""Requests arriving together share one engine call.

LibreTranslate translates each request on its own. CTranslate2 is much
faster on one batch of many sentences than on many batches of a few (it
sorts by length and fills its token budget), so a BatchingEngine stands in
for the real engine: each request's pipeline runs in its own worker thread
and calls translate_batch as usual; the call is queued, and one dispatcher
thread merges whatever is queued (up to max_sentences, waiting at most
`window` seconds for the first call's companions) into one call of the real
engine, then hands each caller its own outputs. A pipeline's repair
re-decodes go through the same queue. Errors reach every caller of the batch
that failed.
"""

from __future__ import annotations

import queue
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass, field

_STOP = object()


@dataclass
class _Call:
    """One caller's sentences, and the future its outputs are set on."""

    sentences: list[str]
    prefixes: list[str] | None
    done: Future = field(default_factory=Future)


class BatchingEngine:
    """The engine protocol (docs/engines.md) over `engine`, with calls merged across threads."""

    def __init__(self, engine, max_sentences: int = 512, window: float = 0.005):
        self.engine = engine
        self.name = engine.name
        self.source_lang, self.target_lang = engine.source_lang, engine.target_lang
        self.supports_prefix = getattr(engine, "supports_prefix", False)
        self.max_sentences = max_sentences
        self.window = window
        self.calls_made = 0  # engine calls so far (the bench and the tests read it)
        self._queue: queue.Queue = queue.Queue()
        self._thread = threading.Thread(
            target=self._dispatch, name=f"bilingo-batcher-{self.source_lang}-{self.target_lang}"
        )
        self._thread.daemon = True  # never keeps a stopping process alive
        self._thread.start()

    def describe(self) -> dict:
        return self.engine.describe()

    def translate_batch(
        self, sentences: list[str], target_prefixes: list[str] | None = None
    ) -> list[str]:
        """Queue the sentences and wait for their outputs (called from a worker thread)."""
        if not sentences:
            return []
        call = _Call(list(sentences), list(target_prefixes) if target_prefixes else None)
        self._queue.put(call)
        return call.done.result()

    def close(self) -> None:
        """Finish what is queued, then stop the dispatcher."""
        self._queue.put(_STOP)
        self._thread.join()

    # ----------------------------------------------------------------- the dispatcher

    def _dispatch(self) -> None:
        waiting: _Call | None = None
        while True:
            first = waiting or self._queue.get()
            if first is _STOP:
                return
            batch, waiting = self._gather(first)
            self._run(batch)
            if waiting is _STOP:
                return

    def _gather(self, first: _Call) -> tuple[list[_Call], _Call | None]:
        """`first` and the calls that join it; the call that would overflow the batch is
        returned apart, to start the next one."""
        batch, size = [first], len(first.sentences)
        deadline = time.monotonic() + self.window
        while size < self.max_sentences:
            try:
                call = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if call is _STOP or size + len(call.sentences) > self.max_sentences:
                return batch, call
            batch.append(call)
            size += len(call.sentences)
        return batch, None

    def _run(self, batch: list[_Call]) -> None:
        sentences = [sentence for call in batch for sentence in call.sentences]
        prefixes = None
        if any(call.prefixes for call in batch):
            prefixes = [
                prefix for call in batch for prefix in (call.prefixes or [""] * len(call.sentences))
            ]
        try:
            outputs = self.engine.translate_batch(sentences, prefixes)
            self.calls_made += 1
        except BaseException as error:  # every caller of the batch learns of it
            for call in batch:
                call.done.set_exception(error)
            return
        start = 0
        for call in batch:
            end = start + len(call.sentences)
            call.done.set_result(outputs[start:end])
            start = end
