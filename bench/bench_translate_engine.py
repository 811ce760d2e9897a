"""Benchmark the argos engine on a tiny identity package (run by hand, not a test).

    PYTHONPATH=src python bench/bench_translate_engine.py [--sentences 300] [--repeat 5] [--threads]

Builds the tiny package from tests/tiny_argos.py in a temporary folder, then times:

1. bare CTranslate2, every sentence in one translate_batch call, under several
   batching strategies (one padded batch; sorted by length into fixed batches of
   examples; CTranslate2's own batch_type="tokens" with several budgets);
2. ArgosEngine.translate_batch (what bilingo uses);
With --threads, only the thread settings: bare CTranslate2, one translate_batch
call, CTranslate2's default (one worker, intra_threads 0) against one-thread
workers (inter_threads 1 or 2, intra_threads 1) at several token budgets, each
setting in its own Translator, rounds interleaved (what chose
bilingo.engines.argos.MAX_BATCH_TOKENS and worker_threads).

3. argostranslate's own translate() per paragraph (its sentence splitter swapped
   for a no-op, so it translates the same sentences), for comparison.

The tiny model is a one-layer Transformer of width ~1000, so absolute times say
little about a real package; the ratios between strategies are what this measures.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import statistics
import sys
import tempfile
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

import tiny_argos  # noqa: E402


def make_sentences(count: int, seed: int = 0) -> list[str]:
    """Distinct mixed Korean/English sentences of varied length."""
    rng = random.Random(seed)
    terms = ["DeepSeek", "Nvidia", "hyperscaler", "Sputnik moment", "Marc Andreessen", "HBM"]
    sentences: set[str] = set()
    while len(sentences) < count:
        parts = rng.sample(tiny_argos.KOREAN_NEWS, rng.choice([1, 1, 1, 2, 3]))
        term = rng.choice(terms)
        number = f"${rng.randint(1, 999)}.{rng.randint(0, 999)} million"
        sentence = " ".join(parts)
        sentence = f"{term}의 발표에 따르면 {sentence} 규모는 {number}였다."
        sentences.add(sentence)
    return sorted(sentences, key=lambda _: rng.random())


def timed(function, repeat: int) -> tuple[float, object]:
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def bench_bare(package_dir: Path, sentences: list[str], repeat: int, beam_size: int) -> None:
    import ctranslate2
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_file=str(package_dir / "sentencepiece.model"))
    translator = ctranslate2.Translator(
        str(package_dir / "model"), device="cpu", compute_type="auto"
    )
    pieces = [processor.encode(s, out_type=str) for s in sentences]
    common = {"beam_size": beam_size, "length_penalty": 0.2, "replace_unknowns": True}

    def one_batch():
        return translator.translate_batch(pieces, **common)

    def sorted_examples(size):
        def run():
            order = sorted(range(len(pieces)), key=lambda i: len(pieces[i]))
            results = [None] * len(pieces)
            for start in range(0, len(order), size):
                batch = order[start : start + size]
                out = translator.translate_batch([pieces[i] for i in batch], **common)
                for i, r in zip(batch, out, strict=True):
                    results[i] = r
            return results

        return run

    def ct2_examples(size):
        return lambda: translator.translate_batch(
            pieces, max_batch_size=size, batch_type="examples", **common
        )

    def ct2_tokens(size):
        return lambda: translator.translate_batch(
            pieces, max_batch_size=size, batch_type="tokens", **common
        )

    strategies = [("one padded batch", one_batch)]
    strategies += [(f"own sort, {n} examples/call", sorted_examples(n)) for n in (16, 32, 64)]
    strategies += [(f"ct2 max_batch_size={n} examples", ct2_examples(n)) for n in (16, 32, 64)]
    strategies += [
        (f"ct2 max_batch_size={n} tokens", ct2_tokens(n)) for n in (32, 512, 1024, 2048, 4096)
    ]
    total_pieces = sum(len(p) for p in pieces)
    print(f"bare CTranslate2, beam {beam_size}, {len(pieces)} sentences, {total_pieces} pieces:")
    for label, function in strategies:
        seconds, results = timed(function, repeat)
        exact = sum(
            processor.decode_pieces(r.hypotheses[0]) == s
            for r, s in zip(results, sentences, strict=True)
        )
        print(f"  {label:38s} {seconds * 1000:8.1f} ms  ({exact}/{len(sentences)} exact)")


THREAD_SETTINGS = [  # (inter_threads, intra_threads, max_batch_size in tokens)
    (1, 0, 4096),  # before issue 13: one worker, CTranslate2's default thread count
    (1, 1, 1024),
    (2, 1, 256),
    (2, 1, 512),
    (2, 1, 1024),
    (2, 1, 2048),
    (2, 1, 4096),
]


def bench_threads(package_dir: Path, sentences: list[str], repeat: int) -> None:
    import ctranslate2
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_file=str(package_dir / "sentencepiece.model"))
    pieces = [processor.encode(s, out_type=str) for s in sentences]
    longest = max(len(p) for p in pieces)
    times: dict[tuple[int, int, int], list[float]] = {key: [] for key in THREAD_SETTINGS}
    for _ in range(repeat):
        for inter, intra, budget in THREAD_SETTINGS:
            translator = ctranslate2.Translator(
                str(package_dir / "model"), inter_threads=inter, intra_threads=intra
            )
            start = time.perf_counter()
            translator.translate_batch(
                pieces,
                beam_size=4,
                length_penalty=0.2,
                replace_unknowns=True,
                max_batch_size=max(budget, longest),
                batch_type="tokens",
            )
            times[(inter, intra, budget)].append(time.perf_counter() - start)
            del translator
    print(f"thread settings, beam 4, {len(pieces)} sentences, {sum(map(len, pieces))} pieces:")
    for (inter, intra, budget), values in times.items():
        print(
            f"  inter_threads {inter}, intra_threads {intra}, {budget:5d} tokens: "
            f"median {statistics.median(values) * 1000:7.1f} ms, best {min(values) * 1000:7.1f} ms"
        )


def bench_engine(sentences: list[str], repeat: int, beam_size: int) -> None:
    from bilingo.engines.argos import ArgosEngine

    engine = ArgosEngine("ko", "en", beam_size=beam_size)
    seconds, outputs = timed(lambda: engine.translate_batch(sentences), repeat)
    exact = sum(o == s for o, s in zip(outputs, sentences, strict=True))
    print(
        f"ArgosEngine.translate_batch, beam {beam_size}: {seconds * 1000:8.1f} ms "
        f"({exact}/{len(sentences)} exact)"
    )


def bench_argostranslate(archive: Path, scratch: Path, sentences: list[str]) -> None:
    # argostranslate reads these at import time; keep it out of the user's folders.
    os.environ["ARGOS_PACKAGES_DIR"] = str(scratch / "argos" / "packages")
    for key in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[key] = str(scratch / "argos" / key.lower())
    if importlib.util.find_spec("stanza") is None:
        # argostranslate/sbd.py imports stanza at top level; only its Stanza splitter uses it.
        sys.modules["stanza"] = types.ModuleType("stanza")
    import argostranslate.package as argos_package
    import argostranslate.translate as argos_translate

    argos_package.install_from_path(archive)

    class WholeParagraph:
        """No-op sentence splitter: the default one would download a MiniSBD model."""

        def split_sentences(self, text):
            return [text]

    translation = argos_translate.get_translation_from_codes("ko", "en")
    translation.underlying.sentencizer = WholeParagraph()

    # CachedTranslation caches paragraphs, so only one (uncached) run is timed.
    start = time.perf_counter()
    outputs = [argos_translate.translate(s, "ko", "en") for s in sentences]
    seconds = time.perf_counter() - start
    exact = sum(o == s for o, s in zip(outputs, sentences, strict=True))
    print(
        f"argostranslate translate() per sentence (first, uncached run): "
        f"{seconds * 1000:8.1f} ms ({exact}/{len(sentences)} exact)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-argostranslate", action="store_true")
    parser.add_argument("--threads", action="store_true", help="only the thread settings")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bilingo-bench-") as tmp:
        scratch = Path(tmp)
        os.environ["BILINGO_MODELS_DIR"] = str(scratch / "models")
        start = time.perf_counter()
        archive = tiny_argos.build_package(scratch / "build")
        print(f"built {archive.name} in {time.perf_counter() - start:.2f}s")
        from bilingo.models import install_from_file

        install_from_file(archive)
        sentences = make_sentences(args.sentences)
        package_dir = archive.with_suffix("")
        if args.threads:
            bench_threads(package_dir, sentences, args.repeat)
            return
        for beam_size in (4, 2):
            bench_bare(package_dir, sentences, args.repeat, beam_size)
        for beam_size in (4, 2):
            bench_engine(sentences, args.repeat, beam_size)
        if not args.skip_argostranslate:
            bench_argostranslate(archive, scratch, sentences)


if __name__ == "__main__":
    main()
