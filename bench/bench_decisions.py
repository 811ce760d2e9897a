"""Decision accuracy of the glossary in context, on the regression corpus (run by hand).

    python bench/bench_decisions.py [--mistakes]

Scores bilingo's per-hit decisions (insert which form / verify / skip) on
tests/data/decisions (our own news-style sentences, both directions, each hit
labelled as a news translator would: the corpus, and two held-out corpora
written later by people who had not seen the code) with the built-in glossary, against a
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


CORPORA = {
    "corpus": decision_corpus.DIRECTIONS,
    "first held-out": decision_corpus.HELD_OUT,
    "second held-out": decision_corpus.HELD_OUT_2,
}


def _score_all(glossary) -> dict[str, dict[str, decision_corpus.Score]]:
    return {
        name: decision_corpus.score_corpus(glossary, files)
        for name, files in CORPORA.items()
        if all((decision_corpus.CORPUS / file).exists() for file in files)
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mistakes", action="store_true", help="list every wrong decision")
    parser.add_argument("--only", choices=list(CORPORA), help="list mistakes of this corpus only")
    args = parser.parse_args()
    glossary = bilingo.load_glossary()
    started = time.perf_counter()
    scores = _score_all(glossary)
    took = time.perf_counter() - started
    prepare.decide_sentence = _blind  # the baseline, through the same scorer
    try:
        blind = _score_all(glossary)
    finally:
        prepare.decide_sentence = decisions.decide_sentence
    print(f"{'':<34} {'hits':>5} {'right':>8} {'inserted':>10} {'wrong ins.':>10}")
    for name, score in scores.items():
        print(f"-- {name}")
        print(_row("bilingo, ko->en", score["ko"]))
        print(_row("bilingo, en->ko", score["en"]))
        print(_row("bilingo, both", score["all"]))
        print(_row("baseline: blind insertion, ko->en", blind[name]["ko"]))
    print("targets: right >= 97 %, right-sense inserted >= 70 %, wrong-sense insertions <= 0.3 %")
    print(f"decided in {took * 1000:.0f} ms")
    if args.mistakes:
        for name, score in scores.items():
            if args.only in (None, name):
                print("\n".join(score["all"].mistakes))


if __name__ == "__main__":
    main()
