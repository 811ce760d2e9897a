"""The argos engine on tiny real packages whose models copy their input; its bounded model cache."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilingo import models
from bilingo.engines import argos, get_engine
from bilingo.engines.argos import ArgosEngine, LoadedModels, split_pieces
from bilingo.errors import ModelError, ModelNotInstalled

from .tiny_argos import ENGLISH_NEWS, KOREAN_NEWS, SAMPLE_SENTENCES, build_package

SRC = Path(__file__).resolve().parent.parent / "src"

# One sentence far longer than DEFAULT_MAX_INPUT_LENGTH (256 pieces): ~560 pieces.
LONG_SENTENCE = " ".join(KOREAN_NEWS)
MIXED = [
    *SAMPLE_SENTENCES,
    "",
    "딥시크",
    "$5.576 million",
    "17%",
    "",
    LONG_SENTENCE,
    "Nvidia는 “AI 반도체” 시장의 80%를 차지한다.",
]


@pytest.fixture(scope="session")
def engine_models_dir(tmp_path_factory) -> Path:
    """A models folder with the tiny ko->en and en->ko packages, installed once."""
    build = tmp_path_factory.mktemp("engine-packages")
    directory = tmp_path_factory.mktemp("engine-models")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BILINGO_MODELS_DIR", str(directory))
        models.install_from_file(build_package(build, "ko", "en"))
        models.install_from_file(build_package(build, "en", "ko"))
    return directory


@pytest.fixture(scope="session")
def prefixed_model(tmp_path_factory) -> models.InstalledModel:
    """A ko->en package whose metadata has a target_prefix (as multilingual Argos packages do)."""
    build = tmp_path_factory.mktemp("prefixed-package")
    directory = tmp_path_factory.mktemp("prefixed-models")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BILINGO_MODELS_DIR", str(directory))
        return models.install_from_file(build_package(build, "ko", "en", target_prefix="__en__"))


@pytest.fixture(autouse=True)
def use_engine_models(engine_models_dir, monkeypatch):
    monkeypatch.setenv("BILINGO_MODELS_DIR", str(engine_models_dir))


@pytest.fixture
def ko_en() -> ArgosEngine:
    return ArgosEngine("ko", "en")


def test_ko_en_copies_mixed_sentences_exactly(ko_en):
    assert len(ko_en._tokenizer.encode(LONG_SENTENCE)) > 2 * ko_en.max_input_length
    assert ko_en.translate_batch(MIXED) == MIXED


def test_sentences_split_into_small_chunks_still_copy(ko_en):
    """Chunks of 5 pieces cut words and byte-fallback sequences apart; the join is exact."""
    engine = ArgosEngine("ko", "en", max_input_length=5)
    assert engine.translate_batch(MIXED) == MIXED


def test_empty_and_blank_sentences_never_reach_the_model(ko_en, monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("the model was called")

    monkeypatch.setattr(ko_en, "_start_pieces", fail)
    assert ko_en.translate_batch(["", "", "   "]) == ["", "", ""]
    assert ko_en.translate_batch([]) == []


def test_every_sentence_goes_in_one_call(ko_en, monkeypatch):
    calls = []
    original = ko_en._translator

    class Recorder:
        def translate_batch(self, source, **options):
            calls.append(len(source))
            return original.translate_batch(source, **options)

    monkeypatch.setattr(ko_en, "_translator", Recorder())
    assert ko_en.translate_batch(MIXED) == MIXED
    chunks = 3  # LONG_SENTENCE is cut into three chunks of at most 256 pieces
    assert calls == [len([s for s in MIXED if s]) - 1 + chunks]


def test_target_prefix_matching_the_start_changes_nothing(ko_en):
    sentences = SAMPLE_SENTENCES[:4]
    prefixes = ["DeepSeek의 AI", "", "hyperscaler들은 올해 data center", "Marc"]
    assert ko_en.translate_batch(sentences, target_prefixes=prefixes) == sentences


def test_target_prefix_is_forced(ko_en):
    """The identity model continues copying after a forced prefix of the same length."""
    sentence = "딥시크 모델은 싸다."
    (output,) = ko_en.translate_batch([sentence], target_prefixes=["DeepSeek"])
    assert output.startswith("DeepSeek")
    assert output.endswith("싸다.")


def test_target_prefixes_length_must_match(ko_en):
    with pytest.raises(ValueError, match="target_prefixes"):
        ko_en.translate_batch(["a", "b"], target_prefixes=["a"])


def test_en_ko_package(engine_models_dir):
    engine = get_engine("argos", "en", "ko")
    assert (engine.source_lang, engine.target_lang) == ("en", "ko")
    assert engine.model.name == "translate-en_ko-1_0"
    sentences = [*ENGLISH_NEWS, "DeepSeek의 AI 모델", ""]
    assert engine.translate_batch(sentences) == sentences


def test_package_target_prefix_applied_and_removed(prefixed_model):
    engine = ArgosEngine("ko", "en", model=prefixed_model)
    assert engine.model.target_prefix == "__en__"
    assert engine.translate_batch(MIXED) == MIXED
    forced = engine.translate_batch(SAMPLE_SENTENCES[:1], target_prefixes=["DeepSeek의"])
    assert forced == SAMPLE_SENTENCES[:1]


def test_nfkc_package_normalizes_like_a_real_one(tmp_path):
    """Real packages' SentencePiece applies NFKC: "…" comes back as "...", "ＡＩ" as "AI"."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BILINGO_MODELS_DIR", str(tmp_path / "models"))
        installed = models.install_from_file(
            build_package(tmp_path / "build", "ko", "en", normalization="nmt_nfkc")
        )
    engine = ArgosEngine("ko", "en", model=installed)
    assert engine.translate_batch(["‘검은 월요일’…엔비디아 (ＡＩ 쇼크)", "딥시크의 AI"]) == [
        "‘검은 월요일’...엔비디아 (AI 쇼크)",
        "딥시크의 AI",
    ]


def test_describe_names_engine_and_package(ko_en):
    assert ko_en.describe() == {
        "engine": "argos",
        "source_lang": "ko",
        "target_lang": "en",
        "package": "translate-ko_en-1_0",
        "package_version": "1.0",
        "beam_size": 4,
        "compute_type": "auto",
    }


def test_loaded_model_is_shared(ko_en):
    again = ArgosEngine("ko", "en")
    assert again._translator is ko_en._translator
    assert again._tokenizer is ko_en._tokenizer
    other = ArgosEngine("ko", "en", compute_type="float32")
    assert other._translator is not ko_en._translator
    assert other.translate_batch(SAMPLE_SENTENCES) == SAMPLE_SENTENCES


def test_default_threads_run_one_single_threaded_worker_per_cpu(ko_en, monkeypatch):
    """The defaults bench/bench_translate.py measured: batches in parallel, one thread each."""
    assert ko_en._translator.num_translators == argos.worker_threads(0)
    monkeypatch.setattr(argos.os, "sched_getaffinity", lambda pid: set(range(16)), raising=False)
    assert argos.worker_threads(0) == argos.MAX_DEFAULT_WORKERS
    monkeypatch.setattr(argos.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert argos.worker_threads(0) == 1
    assert argos.thread_settings(3, "cpu") == {"inter_threads": 3, "intra_threads": 1}
    # a GPU keeps one worker, `threads` being its CPU threads, as before issue 13
    assert argos.thread_settings(3, "cuda") == {"inter_threads": 1, "intra_threads": 3}


def test_a_document_over_many_batches_and_workers_keeps_its_order():
    """More pieces than several token budgets: batches run on two workers, outputs in order."""
    engine = ArgosEngine("ko", "en", threads=2)
    assert engine._translator.num_translators == 2
    sentences = [
        f"{number}번째 문장: {KOREAN_NEWS[number % len(KOREAN_NEWS)]}" for number in range(200)
    ]
    pieces = sum(len(engine._tokenizer.encode(s)) for s in sentences)
    assert pieces > 4 * argos.MAX_BATCH_TOKENS
    assert engine.translate_batch(sentences) == sentences


def test_missing_model_raises_model_not_installed(tmp_path, monkeypatch):
    monkeypatch.setenv("BILINGO_MODELS_DIR", str(tmp_path / "empty"))
    with pytest.raises(ModelNotInstalled, match="no ko\u2192en model is installed") as caught:
        get_engine("argos", "ko", "en")
    assert caught.value.remedy == "install-model"


def test_broken_model_raises_model_error(tmp_path, monkeypatch):
    monkeypatch.setenv("BILINGO_MODELS_DIR", str(tmp_path / "models"))
    installed = models.install_from_file(build_package(tmp_path / "build", "ko", "en"))
    (installed.model_path / "model.bin").write_bytes(b"not a model")
    with pytest.raises(ModelError, match="cannot be loaded") as caught:
        ArgosEngine("ko", "en")
    assert "bilingo" not in str(caught.value)  # the CLI words the remedy
    assert caught.value.remedy == "install-model"
    assert caught.value.details == {"source_lang": "ko", "target_lang": "en"}


def test_none_engine_returns_input():
    engine = get_engine("none", "ko", "en")
    assert engine.name == "none"
    assert engine.translate_batch(MIXED) == MIXED
    assert engine.translate_batch(["a"], target_prefixes=["b"]) == ["a"]
    assert engine.describe() == {"engine": "none", "source_lang": "ko", "target_lang": "en"}


def test_importing_engines_does_not_load_ctranslate2():
    code = (
        "import bilingo.engines, bilingo.models, sys; "
        "print('ctranslate2' in sys.modules, 'argostranslate' in sys.modules)"
    )
    assert _fresh_python(code).split() == ["False", "False"]


def test_the_argos_engine_leaves_asyncio_unimported_until_ctranslate2_needs_it():
    """ctranslate2 imports asyncio only for its async generators: bilingo defers it, and
    both ctranslate2 and later importers still get the real module when they use it."""
    code = (
        "import sys\n"
        "import bilingo.engines.argos as argos\n"
        "print('asyncio' in sys.modules)\n"
        "import asyncio\n"
        "extensions = sys.modules['ctranslate2.extensions']\n"
        "print(asyncio.Queue is extensions.asyncio.Queue, asyncio.Queue.__module__)\n"
        "print(argos.ctranslate2.Translator.__name__)\n"
    )
    assert _fresh_python(code).split() == ["False", "True", "asyncio.queues", "Translator"]


def _fresh_python(code: str) -> str:
    """What `code` prints in a new interpreter importing this tree's bilingo."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_module_imported_already_is_used_as_it_is():
    import json

    from bilingo.lazy import import_deferring

    assert import_deferring("json", unused=("decimal",)) is json


# --------------------------------------------------------------------------- loaded models


@pytest.fixture
def fresh_cache():
    """An empty loaded_models, emptied again afterwards (other tests' engines keep theirs)."""
    argos.loaded_models.clear()
    yield argos.loaded_models
    argos.loaded_models.clear()


def test_least_recently_used_package_is_evicted(tmp_path, monkeypatch, fresh_cache):
    """Three different tiny packages through an LRU of two: the first one loaded goes."""
    monkeypatch.setenv("BILINGO_MODELS_DIR", str(tmp_path / "models"))
    for source_lang, target_lang in [("ko", "en"), ("en", "ko"), ("ja", "en")]:
        models.install_from_file(build_package(tmp_path / "build", source_lang, target_lang))
    assert fresh_cache.capacity == argos.DEFAULT_LOADED_CAPACITY == 2

    ko_en = ArgosEngine("ko", "en")
    en_ko = ArgosEngine("en", "ko")
    assert ArgosEngine("en", "ko")._translator is en_ko._translator  # held: not loaded again
    ja_en = ArgosEngine("ja", "en")  # a third package: ko-en, loaded first, goes

    held = [key[0] for key in fresh_cache.held()]
    assert held == [str(en_ko.model.model_path), str(ja_en.model.model_path)]
    assert ArgosEngine("ja", "en")._translator is ja_en._translator
    again = ArgosEngine("ko", "en")  # loaded again, and now en-ko goes
    assert again._translator is not ko_en._translator
    assert len(fresh_cache) == 2
    # An evicted model still works for the engine that holds it.
    assert ko_en.translate_batch(SAMPLE_SENTENCES[:2]) == SAMPLE_SENTENCES[:2]


def test_clear_forgets_loaded_models(ko_en, fresh_cache):
    first = ArgosEngine("ko", "en")
    fresh_cache.clear()
    assert len(fresh_cache) == 0
    assert ArgosEngine("ko", "en")._translator is not first._translator


def test_lru_order_and_capacity():
    loads = []

    def loader(value):
        return lambda: loads.append(value) or value

    cache = LoadedModels(capacity=2)
    assert cache.get("a", loader("A")) == "A"
    assert cache.get("b", loader("B")) == "B"
    assert cache.get("a", loader("A again")) == "A"  # held: not loaded again, now most recent
    assert cache.get("c", loader("C")) == "C"  # b goes
    assert cache.held() == ["a", "c"]
    assert loads == ["A", "B", "C"]
    cache.capacity = 1
    assert cache.held() == ["c"]
    with pytest.raises(ValueError):
        LoadedModels(capacity=0)


def test_lru_loads_once_when_threads_race():
    import threading

    cache = LoadedModels()
    loads = []
    start = threading.Barrier(8)

    def load():
        loads.append(1)
        return object()

    results = []

    def worker():
        start.wait()
        results.append(cache.get("model", load))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(loads) == 1
    assert len({id(result) for result in results}) == 1


# --------------------------------------------------------------------------- splitting


def test_split_prefers_word_starts():
    pieces = ["▁a", "b", "c", "▁d", "e", "f", "g", "h"]
    assert split_pieces(pieces, 5) == [["▁a", "b", "c"], ["▁d", "e", "f", "g", "h"]]
    assert split_pieces(pieces, 8) == [pieces]
    at_limit = ["▁a", "b", "▁c", "d", "e", "▁f", "g"]
    assert split_pieces(at_limit, 5) == [["▁a", "b", "▁c", "d", "e"], ["▁f", "g"]]


def test_split_cuts_hard_without_word_starts():
    pieces = list("abcdefg")
    assert split_pieces(pieces, 3) == [["a", "b", "c"], ["d", "e", "f"], ["g"]]


@given(
    st.lists(st.sampled_from(["▁a", "b", "<0xEA>", "▁", "c"]), max_size=60),
    st.integers(min_value=2, max_value=20),
)
def test_split_keeps_every_piece_in_order(pieces, max_length):
    chunks = split_pieces(pieces, max_length)
    assert [p for chunk in chunks for p in chunk] == pieces
    assert all(0 < len(chunk) <= max_length for chunk in chunks) or pieces == []


def test_start_batch_returns_before_collecting_and_gives_translate_batch_outputs(ko_en):
    first = ko_en.start_batch(MIXED)
    second = ko_en.start_batch(SAMPLE_SENTENCES[:3], target_prefixes=["DeepSeek의", "", ""])
    # Both batches are in CTranslate2's queue; collecting in either order gives each its own.
    assert second() == SAMPLE_SENTENCES[:3]
    assert first() == MIXED == ko_en.translate_batch(MIXED)
    assert ko_en.start_batch(["", " "])() == ["", ""]
