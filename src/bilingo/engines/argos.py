"""The `argos` engine: an installed Argos package run by CTranslate2 and SentencePiece.

This does what argostranslate's translate.py does for one package (SentencePiece
pieces in, CTranslate2 beam search, the package's target_prefix forced and then
removed, pieces decoded back) without its sentence splitter, which would load
or download a sentence model. The caller splits sentences; every sentence of a
document goes to CTranslate2 in one call. No network access here, ever.

Loaded models are kept in `loaded_models`, a small LRU holder shared by the
process, so creating another engine for the same package is cheap while a
long-running process that cycles through many packages keeps only a few in
memory. Registered as an engine in pyproject.toml; see docs/engines.md.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

import sentencepiece

from bilingo.engines.base import Engine
from bilingo.errors import ModelError
from bilingo.lazy import import_deferring
from bilingo.models import InstalledModel, find_model

# ctranslate2 imports asyncio at its top (about 20 ms, a third of its import) for its
# async token generators, which bilingo never uses; asyncio is imported if one is used.
ctranslate2 = import_deferring("ctranslate2", unused=("asyncio",))

# Argos's defaults (argostranslate.settings: ARGOS_BEAM_SIZE=4; length_penalty and
# replace_unknowns from translate.apply_packaged_translation).
DEFAULT_BEAM_SIZE = 4
LENGTH_PENALTY = 0.2

# Longest piece sequence given to the model at once; longer sentences are split
# into chunks (at a word start where possible) and the outputs joined. Argos runs
# CTranslate2 with max_decoding_length=256, so its packages never produce more
# than 256 pieces per input, and they were trained on sentences far shorter.
DEFAULT_MAX_INPUT_LENGTH = 256
MIN_DECODING_LENGTH_LIMIT = 256

# Batching: every chunk of the document goes to CTranslate2 in ONE translate_batch
# call; CTranslate2 sorts them by length, cuts batches of at most this many source
# tokens and runs the batches in parallel, one per worker thread (worker_threads below).
# Measured on 2 CPUs, beam 4, CTranslate2 4.8 (bench/bench_translate_engine.py
# --threads): with two one-thread workers, the tiny package's 320 bench sentences
# (18k pieces) took 0.40/0.44/0.81/0.90 s at 256/512/1024/4096 tokens
# (noisy; 1024 and below are close), and a model of a real package's size (6+6
# layers, 512 wide, 32k vocabulary, int8) 64 sentences 5.8/7.8/10.0/12.1 s at
# 1024/512/2048/4096: small enough that every worker gets batches, large enough
# that each batch is worth running. Before issue 13 this was 4096 (one worker).
MAX_BATCH_TOKENS = 1024

# Threads: `threads` workers, each translating its own batch on ONE thread
# (CTranslate2's inter_threads=threads, intra_threads=1); 0 = one worker per usable
# CPU, at most 4 (CTranslate2's own default thread count, so no more threads than
# before). Measured on 2 CPUs against CTranslate2's default (one worker with
# min(CPUs, 4) OpenMP threads): the tiny package's bench document 1.5-1.9 s
# -> 0.4-0.8 s; the real-size model above, 64 sentences 14.6 s -> 6.5 s and one
# sentence 0.91 s -> 0.69 s (one thread alone: 0.61 s); a one-sentence call on
# the tiny package about 24 ms -> 3 ms. Workers share the model's weights
# (peak memory 129 MB with one, 131 MB with two).
INTRA_THREADS = 1
MAX_DEFAULT_WORKERS = 4


def worker_threads(threads: int = 0) -> int:
    """CTranslate2's inter_threads for a `threads` setting (0: one per usable CPU, at most 4)."""
    if threads > 0:
        return threads
    try:
        usable = len(os.sched_getaffinity(0))  # the CPUs this process may run on
    except AttributeError:  # not on every platform
        usable = os.cpu_count() or 1
    return max(1, min(usable, MAX_DEFAULT_WORKERS))


def thread_settings(threads: int, device: str) -> dict[str, int]:
    """inter_threads and intra_threads for CTranslate2.

    Only the CPU was measured (above); on a GPU one worker runs each batch as
    before issue 13, with `threads` CPU threads (0: CTranslate2 decides).
    """
    if device != "cpu":
        return {"inter_threads": 1, "intra_threads": threads}
    return {"inter_threads": worker_threads(threads), "intra_threads": INTRA_THREADS}


# A real package's model takes 50-300 MB of memory and a second or more to load.
# Two stay loaded: one per translation direction, which is what bilingo uses.
DEFAULT_LOADED_CAPACITY = 2


class LoadedPackage(NamedTuple):
    """A package's CTranslate2 translator and SentencePiece processor, ready to use."""

    translator: ctranslate2.Translator
    tokenizer: sentencepiece.SentencePieceProcessor


class LoadedModels:
    """The most recently used loaded packages, at most `capacity` of them (thread-safe).

    get(key, load) returns the value held for key, or calls load() and keeps
    its result, dropping the least recently used value when more than
    `capacity` are held. An engine keeps a reference to what it uses, so a
    dropped model stays alive until its last engine is gone; dropping only
    means the next engine for it loads it again. Loading happens under the
    lock, so two threads asking for the same package load it once.
    """

    def __init__(self, capacity: int = DEFAULT_LOADED_CAPACITY):
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self._capacity = capacity
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def capacity(self) -> int:
        return self._capacity

    @capacity.setter
    def capacity(self, value: int) -> None:
        if value < 1:
            raise ValueError("capacity must be at least 1")
        with self._lock:
            self._capacity = value
            self._evict()

    def get(self, key: Hashable, load: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            value = load()
            self._items[key] = value
            self._evict()
            return value

    def held(self) -> list[Hashable]:
        """The keys held, least recently used first."""
        with self._lock:
            return list(self._items)

    def clear(self) -> None:
        """Forget every loaded model (engines already created keep theirs)."""
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)

    def _evict(self) -> None:
        while len(self._items) > self._capacity:
            self._items.popitem(last=False)


loaded_models = LoadedModels()


def load_package(
    model_path: Path, tokenizer_path: Path, compute_type: str, threads: int, device: str = "cpu"
) -> LoadedPackage:
    """A package's translator and tokenizer, from loaded_models or loaded now."""

    def load() -> LoadedPackage:
        return LoadedPackage(
            translator=ctranslate2.Translator(
                str(model_path),
                device=device,
                compute_type=compute_type,
                **thread_settings(threads, device),
            ),
            tokenizer=sentencepiece.SentencePieceProcessor(model_file=str(tokenizer_path)),
        )

    key = (str(model_path), str(tokenizer_path), compute_type, threads, device)
    return loaded_models.get(key, load)


def split_pieces(pieces: list[str], max_length: int) -> list[list[str]]:
    """Cut a piece list into chunks of at most max_length, preferring word starts (▁)."""
    chunks = []
    start = 0
    while len(pieces) - start > max_length:
        end = start + max_length
        # the last word start in the second half of the window, else a hard cut
        for cut in range(end, start + max_length // 2, -1):
            if pieces[cut].startswith("\u2581"):
                end = cut
                break
        chunks.append(pieces[start:end])
        start = end
    chunks.append(pieces[start:])
    return chunks


class ArgosEngine(Engine):
    """Translate with an installed Argos package (CTranslate2 on the CPU).

    Loaded models are shared through `loaded_models` (keyed by package, compute
    type and threads), so creating a second engine for the same package is cheap.
    """

    name = "argos"
    supports_prefix = True

    def __init__(
        self,
        source_lang: str,
        target_lang: str,
        *,
        threads: int = 0,
        compute_type: str = "auto",
        device: str = "cpu",
        beam_size: int = DEFAULT_BEAM_SIZE,
        model: InstalledModel | None = None,
        max_input_length: int = DEFAULT_MAX_INPUT_LENGTH,
    ):
        """threads: CPU threads, each translating its own batch (0 = one per usable
        CPU, at most 4; see worker_threads); compute_type:
        a CTranslate2 compute type ("auto" = fastest the device supports, "int8",
        "float32", ...); device: "cpu", "cuda" or "auto" (CUDA when CTranslate2
        sees a GPU); model: the package to use (default: the installed one for
        the pair, ModelNotInstalled if none); max_input_length: longest piece
        sequence the model gets at once (longer sentences are split)."""
        if max_input_length < 2:
            raise ValueError("max_input_length must be at least 2")
        super().__init__(source_lang, target_lang)
        self.model = model if model is not None else find_model(source_lang, target_lang)
        self.beam_size = beam_size
        self.compute_type = compute_type
        self.threads = threads
        self.device = device
        self.max_input_length = max_input_length
        tokenizer_path = self._sentencepiece_path()
        try:
            loaded = load_package(
                self.model.model_path, tokenizer_path, compute_type, threads, device
            )
        except (RuntimeError, OSError, ValueError) as error:
            raise self._model_error(
                f"the {self.model.pair} model in {self.model.path} cannot be loaded ({error})"
            ) from None
        self._translator = loaded.translator
        self._tokenizer = loaded.tokenizer

    def _sentencepiece_path(self) -> Path:
        tokenizer_path = self.model.tokenizer_path
        if tokenizer_path is None or tokenizer_path.name != "sentencepiece.model":
            # Argos's BPE packages need a tokenizer bilingo does not carry.
            raise self._model_error(
                f"the {self.model.pair} package {self.model.name} uses a BPE tokenizer, which "
                "bilingo does not support; a SentencePiece package is needed"
            )
        return tokenizer_path

    def _model_error(self, message: str) -> ModelError:
        """A ModelError about this engine's package; installing the pair again is the fix."""
        return ModelError(
            message,
            remedy="install-model",
            source_lang=self.source_lang,
            target_lang=self.target_lang,
        )

    def describe(self) -> dict:
        return {
            "engine": self.name,
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
            "package": self.model.name,
            "package_version": self.model.package_version,
            "beam_size": self.beam_size,
            "compute_type": self.compute_type,
        }

    def translate_batch(
        self, sentences: list[str], target_prefixes: list[str] | None = None
    ) -> list[str]:
        """Translate all sentences in one CTranslate2 call; one output per input.

        target_prefixes: one string per sentence ("" for none) that the output
        must start with. It is tokenized on its own and forced as the first
        decoded pieces, so it should end at a word boundary: a prefix that cuts
        a word in two is tokenized differently from the word in running text.
        """
        return self.start_batch(sentences, target_prefixes)()

    def start_batch(
        self, sentences: list[str], target_prefixes: list[str] | None = None
    ) -> Callable[[], list[str]]:
        """Hand the sentences to CTranslate2's workers and return; calling the result
        waits for the outputs (translate_batch's). The caller goes on meanwhile,
        preparing the next sentences while the workers translate these. (A call of
        more batches than CTranslate2's queue holds returns once its last batches
        are queued: its max_queued_batches, left at the automatic value.)"""
        if target_prefixes is not None and len(target_prefixes) != len(sentences):
            raise ValueError(
                f"target_prefixes has {len(target_prefixes)} entries for {len(sentences)} sentences"
            )
        package_prefix = [self.model.target_prefix] if self.model.target_prefix else []
        sources: list[list[str]] = []
        prefixes: list[list[str]] = []
        owners: list[int] = []  # sentence index of each chunk, in order
        for index, pieces in self._encoded(sentences):
            forced = target_prefixes[index] if target_prefixes else ""
            forced_pieces = self._tokenizer.encode(forced, out_type=str) if forced else []
            for number, chunk in enumerate(split_pieces(pieces, self.max_input_length)):
                sources.append(chunk)
                prefixes.append(package_prefix + (forced_pieces if number == 0 else []))
                owners.append(index)
        if not sources:
            return lambda: [""] * len(sentences)
        pending = self._start_pieces(sources, prefixes)

        def outputs() -> list[str]:
            return self._decoded(len(sentences), owners, self._finish(pending), package_prefix)

        return outputs

    def _decoded(
        self, count: int, owners: list[int], pieces_out: list[list[str]], package_prefix: list
    ) -> list[str]:
        """Each sentence's output text from the pieces of its chunks."""
        outputs = [""] * count
        joined: dict[int, list[str]] = {}
        for index, tokens in zip(owners, pieces_out, strict=True):
            if package_prefix and tokens[:1] == package_prefix:
                tokens = tokens[1:]
            joined.setdefault(index, []).extend(tokens)
        # One SentencePiece call for every output, as for the inputs (a third of the time of
        # one call each).
        texts = self._tokenizer.decode(list(joined.values()))
        for index, text in zip(joined, texts, strict=True):
            outputs[index] = self._without_prefix(text)
        return outputs

    def _encoded(self, sentences: list[str]):
        """(index, pieces) of each sentence that has any (not empty, not whitespace only)."""
        indexes = [index for index, sentence in enumerate(sentences) if sentence]
        encoded = self._tokenizer.encode([sentences[i] for i in indexes], out_type=str)
        return [(index, pieces) for index, pieces in zip(indexes, encoded, strict=True) if pieces]

    def _start_pieces(self, sources: list[list[str]], prefixes: list[list[str]]) -> list:
        """CTranslate2's pending results for the chunks (translate_batch, asynchronous)."""
        longest = max(len(s) for s in sources) + max(len(p) for p in prefixes)
        options: dict[str, Any] = {
            "beam_size": self.beam_size,
            "num_hypotheses": 1,
            "length_penalty": LENGTH_PENALTY,
            "replace_unknowns": True,
            "max_input_length": 0,  # chunks are already within the limit; never truncate
            "max_decoding_length": max(MIN_DECODING_LENGTH_LIMIT, 2 * longest),
            "max_batch_size": max(MAX_BATCH_TOKENS, longest),
            "batch_type": "tokens",
            "asynchronous": True,
        }
        if any(prefixes):
            options["target_prefix"] = [p or None for p in prefixes]
        with self._model_errors():
            return self._translator.translate_batch(sources, **options)

    def _finish(self, pending: list) -> list[list[str]]:
        """The best hypothesis of each pending result, waited for."""
        with self._model_errors():
            return [result.result().hypotheses[0] for result in pending]

    @contextmanager
    def _model_errors(self):
        """CTranslate2's failures (a broken model, a wrong option) as a ModelError."""
        try:
            yield
        except (RuntimeError, ValueError) as error:
            raise ModelError(
                f"the {self.model.pair} model {self.model.name} failed to translate: {error}"
            ) from None

    def _without_prefix(self, text: str) -> str:
        # argostranslate also strips the target prefix as text and one leading space
        # (left by the tokenizer). Unlike argostranslate it does not turn every "_"
        # into a space, which would damage identifiers, URLs and placeholders.
        prefix = self.model.target_prefix
        if prefix and text.startswith(prefix):
            text = text[len(prefix) :]
        if text.startswith(" "):
            text = text[1:]
        return text
