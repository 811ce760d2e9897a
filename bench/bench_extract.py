"""`bilingo extract` on the evidence corpus, against the extractor before issue 14 (run by hand):

    python bench/bench_extract.py [--base 838177b] [--megabytes 1] [--mistakes] [--idle-check]

Scores (tests/extract_scoring.py; the corpus is tests/data/extract_corpus, our
own news-style sentences): pairs exactly right (precision over proposals,
recall over expected pairs), candidates that are real terms with nothing glued
on, and the right English suggested for loanword, foreign-name, place and
product candidates. Three extractors, in the same run: this tree with
kiwipiepy (the `extract` extra), this tree without it (spelling rules and the
particle grammar alone), and the base revision (`git archive`, run from its
own src/ in a subprocess). Then times a whole `bilingo extract --format json`
process on a --megabytes collection made of the corpus sentences (shuffled,
repeated) against the base revision's, in a throw-away home. Targets
(issue 14): pairs >= 95 % right, candidates >= 99 % terms, English >= 70 %,
1 MB under 10 s.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))

import extract_scoring  # noqa: E402 - the scorer lives with the tests that hold the targets
from _benchutil import bilingo_command, isolate, load_gate, machine_note, print_table  # noqa: E402
from bench_startup_ab import command, unpack  # noqa: E402

from bilingo.extraction import extract, morphology  # noqa: E402
from bilingo.glossary import Glossary  # noqa: E402

BASE_EXTRACT = """
import json, sys
sys.path.insert(0, sys.argv[1])
from bilingo.extraction import extract
from bilingo.glossary import Glossary
glossary = Glossary()
texts = json.load(sys.stdin)
found = []
for text in texts:
    result = extract(text, glossary)
    found.append({
        "pairs": [[p.ko, p.en, list(getattr(p, "en_variants", ()))] for p in result.pairs],
        "candidates": [[c.ko, c.suggestion] for c in result.candidates],
    })
json.dump(found, sys.stdout, ensure_ascii=False)
"""


def corpus_texts() -> list[str]:
    items = extract_scoring.load("pairs.yaml") + extract_scoring.load("candidates.yaml")
    return [item["text"] for item in items]


def this_tree(with_analyser: bool):
    glossary = Glossary()
    if not with_analyser:
        morphology.analyser.cache_clear()
        saved, morphology.analyser = morphology.analyser, lambda: None
    results = {text: extract(text, glossary) for text in corpus_texts()}
    if not with_analyser:
        morphology.analyser = saved
    return results.__getitem__


def base_tree(src: Path, env: dict):
    texts = corpus_texts()
    answer = subprocess.run(
        [sys.executable, "-c", BASE_EXTRACT, str(src)],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    results = {}
    for text, found in zip(texts, json.loads(answer.stdout), strict=True):
        pairs = [SimpleNamespace(ko=k, en=e, en_variants=tuple(v)) for k, e, v in found["pairs"]]
        candidates = [SimpleNamespace(ko=k, suggestion=s) for k, s in found["candidates"]]
        results[text] = SimpleNamespace(pairs=pairs, candidates=candidates)
    return results.__getitem__


def collection(megabytes: float, seed: int = 0) -> str:
    """Corpus sentences shuffled into paragraphs until the text is `megabytes` of UTF-8."""
    rng = random.Random(seed)
    texts, out, size = corpus_texts(), [], 0
    while size < megabytes * 1_000_000:
        paragraph = " ".join(rng.sample(texts, 6)) + "\n"
        out.append(paragraph)
        size += len(paragraph.encode())
    return "".join(out)


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="838177b", help="the extractor before issue 14")
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--mistakes", action="store_true", help="list this tree's mistakes")
    parser.add_argument("--idle-check", action="store_true", help="exit 2 on a busy machine")
    args = parser.parse_args()
    load_gate(args.idle_check)
    print(f"machine: {machine_note()}; analyser: {'kiwipiepy' if morphology.available() else '-'}")
    with tempfile.TemporaryDirectory(prefix="bilingo-bench-extract-") as tmp:
        scratch = Path(tmp)
        env = isolate(scratch / "home")
        unpack(args.base, scratch / "base")
        extractors = {
            "this tree, kiwipiepy": this_tree(True),
            "this tree, rules alone": this_tree(False),
            f"base {args.base}": base_tree(scratch / "base" / "src", env),
        }
        scores = {name: extract_scoring.score_corpus(run) for name, run in extractors.items()}
        print_table([_row(name, score) for name, score in scores.items()], HEADERS)
        if args.mistakes:
            print("\n".join(scores["this tree, kiwipiepy"].mistakes))
        _time_collection(args, scratch, env)


HEADERS = ["extractor", "pairs right", "pairs found", "candidates terms", "found",
           "particles left", "English right"]  # fmt: skip


def _row(name: str, score) -> list[str]:
    return [
        name,
        f"{score.pair_precision:.1%} ({score.pairs_right}/{score.pairs_proposed})",
        f"{score.pair_recall:.1%} ({score.pairs_found}/{score.pairs_expected})",
        f"{score.candidate_precision:.1%} ({score.candidates_right}/{score.candidates_proposed})",
        f"{score.candidate_recall:.1%} ({score.candidates_found}/{score.candidates_expected})",
        str(score.particles_left),
        f"{score.english_accuracy:.1%} ({score.english_right}/{score.english_judged})",
    ]


def _time_collection(args, scratch: Path, env: dict) -> None:
    text_file = scratch / "collection.txt"
    text_file.write_text(collection(args.megabytes), encoding="utf-8")
    this = [*bilingo_command(), "extract", str(text_file), "--format", "json"]
    base = command(scratch / "base" / "src", "extract", str(text_file), "--format", "json")
    timed(this, env)  # untimed: caches (the glossary's, the origins index)
    rows = [
        [f"this tree, {args.megabytes:g} MB", f"{timed(this, env):.1f} s", "<= 10 s"],
        [f"base {args.base}, {args.megabytes:g} MB", f"{timed(base, env):.1f} s", ""],
    ]
    print_table(rows, ["extract --format json", "wall time", "target"])


if __name__ == "__main__":
    main()
