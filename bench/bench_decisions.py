"""Decision accuracy of the glossary in context, on the regression corpus (run by hand).

    python bench/bench_decisions.py [--mistakes]

Scores bilingo's per-hit decisions (insert which form / verify / skip) on
tests/data/decisions (our own news-style sentences, both directions, each hit
labelled as a news translator would) with the built-in glossary, against a
named baseline in the same run: the glossary applied blind, every hit
inserted in its one `en` form (what bilingo did before it decided per hit).
Prints hits decided right, right-sense hits still inserted, and wrong-sense
insertions; the README records the figures. Targets: >= 97 %, >= 70 %, <= 0.3 %.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

import decision_corpus  # noqa: E402 - the scorer lives with the tests that hold the targets

import bilingo  # noqa: E402
from bilingo import decisions  # noqa: E402
from bilingo.translation import prepare  # noqa: E402


def _blind(sentence: str, glossary) -> list:
    """The baseline: every hit inserted as its `en`, figures as their English."""
    hits = decisions.decide_sentence(sentence, glossary)
    for hit in hits:
        if hit.match is not None:
            hit.decision.action, hit.decision.inserted = decisions.INSERT, hit.term.en
    return hits


def _row(name: str, score: decision_corpus.Score) -> str:
    return (
        f"{name:<34} {score.hits:>5} {score.accuracy:>8.1%} {score.inserted_share:>10.1%} "
        f"{score.wrong_insertion_rate:>10.2%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mistakes", action="store_true", help="list every wrong decision")
    args = parser.parse_args()
    glossary = bilingo.load_glossary()
    started = time.perf_counter()
    scores = decision_corpus.score_corpus(glossary)
    took = time.perf_counter() - started
    prepare.decide_sentence = _blind  # the baseline, through the same scorer
    try:
        blind = decision_corpus.score_corpus(glossary)
    finally:
        prepare.decide_sentence = decisions.decide_sentence
    print(f"{'':<34} {'hits':>5} {'right':>8} {'inserted':>10} {'wrong ins.':>10}")
    print(_row("bilingo, ko->en", scores["ko"]))
    print(_row("bilingo, en->ko", scores["en"]))
    print(_row("bilingo, both", scores["all"]))
    print(_row("baseline: blind insertion, ko->en", blind["ko"]))
    print("targets: right >= 97 %, right-sense inserted >= 70 %, wrong-sense insertions <= 0.3 %")
    print(f"decided in {took * 1000:.0f} ms")
    if args.mistakes:
        print("\n".join(scores["all"].mistakes))


if __name__ == "__main__":
    main()
