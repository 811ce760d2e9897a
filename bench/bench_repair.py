"""What the two repairs of a dropped glossary term cost (issue 4). Run by hand:

    python bench/bench_repair.py [--sentences 320] [--drop-every 5] [--runs 5] [--seed 0]

A real Korean model cannot be downloaded here, so the quality of a repair can
not be measured; its cost can. The tiny identity package from tests/tiny_argos.py
runs under a wrapper engine that drops the first inserted glossary term from
every Nth output (and honours a forced target prefix, as a real model does).
translate() then repairs each dropped term either

- by insertion: the term is put back at the matching word boundary, no new
  decoding (what bilingo does with an engine that cannot force a prefix), or
- by re-decoding: the affected sentences are decoded again with CTranslate2's
  target_prefix forced up to the term (what bilingo does with the argos engine).

Printed: median translate() time for each, the baseline with no drops, the
number of repairs, and how many outputs hold every term afterwards.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from _benchutil import isolate  # noqa: E402
from bench_translate import make_sentences  # noqa: E402


class DroppingEngine:
    """Wraps an engine; drops the first inserted term from every Nth sentence it decodes freely."""

    name = "dropping"

    def __init__(self, inner, terms_of: dict[str, list[str]], every: int, supports_prefix: bool):
        self.inner, self.terms_of, self.every = inner, terms_of, every
        self.source_lang, self.target_lang = inner.source_lang, inner.target_lang
        self.supports_prefix = supports_prefix

    def describe(self) -> dict:
        return self.inner.describe()

    def translate_batch(self, sentences, target_prefixes=None):
        outputs = self.inner.translate_batch(sentences, target_prefixes)
        if target_prefixes:
            return outputs
        for index, sentence in enumerate(sentences):
            terms = self.terms_of.get(sentence)
            if terms and index % self.every == 0:
                outputs[index] = " ".join(outputs[index].replace(terms[0], "", 1).split())
        return outputs


def median_time(function, runs: int):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=320)
    parser.add_argument("--drop-every", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bilingo-bench-repair-") as scratch:
        isolate(Path(scratch) / "home")
        from tiny_argos import build_package

        from bilingo import load_glossary
        from bilingo.engines import get_engine
        from bilingo.models import install_from_file
        from bilingo.translation import find_in_output, prepare_source
        from bilingo.translation import run_pipeline as translate

        install_from_file(build_package(Path(scratch), "ko", "en"))
        glossary = load_glossary()
        argos = get_engine("argos", "ko", "en")
        document = "\n".join(make_sentences(args.sentences, args.seed)) + "\n"
        prepared = [prepare_source(line, glossary) for line in document.splitlines()]
        terms_of = {p.text: [i.target for i in p.insertions if i.is_term] for p in prepared}

        rows = []
        baseline, _ = median_time(lambda: translate(document, glossary, argos), args.runs)
        rows.append(("no drops (argos engine as is)", baseline, 0, args.sentences))
        for label, prefix in (("repair by insertion", False), ("repair by re-decoding", True)):
            engine = DroppingEngine(argos, terms_of, args.drop_every, prefix)
            seconds, result = median_time(
                lambda e=engine: translate(document, glossary, e), args.runs
            )
            whole = sum(
                all(find_in_output(i.target, segment.target) for i in p.insertions)
                for p, segment in zip(prepared, result.segments, strict=True)
            )
            rows.append((label, seconds, result.repairs, whole))

    print(
        f"{args.sentences} sentences; the first term of every {args.drop_every}th sentence dropped"
    )
    print(f"{'':32}{'median':>10}{'vs none':>10}{'repairs':>10}{'all terms':>12}")
    for label, seconds, repairs, whole in rows:
        print(
            f"{label:32}{seconds * 1000:>8.0f} ms{seconds / baseline:>9.2f}x{repairs:>10}"
            f"{whole:>8}/{args.sentences}"
        )


if __name__ == "__main__":
    main()
