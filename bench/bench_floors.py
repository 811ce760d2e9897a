"""Scanning against its floors (issue 13): bilingo's matcher next to a bare automaton. Run by hand:

    python bench/bench_floors.py [--terms 100000] [--runs 5] [--seed 0] [--idle-check]

Data (seeded, bench_scan.py's generator): a YAML glossary of --terms synthetic
Hangul terms (about 10 % spaced), and Korean text that uses them with
particles, in three sizes: 100 KB, 1 MB and 10 MB. Everything runs in a
throw-away home (_benchutil.isolate); no network.

Rows, each with its floor measured in the same run (whole processes are
medians of --runs runs, alternating bilingo and floor):
1. in-process matcher, 100 KB: `glossary.matcher().find(text)` against a bare
   pyahocorasick `iter_long` pass over the same keys (count only); target <= 2.5x.
2. warm `bilingo scan --format json` of 10 MB (compiled cache present) against
   a count-only Aho-Corasick process: unpickle the same keys' automaton (the
   fastest way to load one), read the file, count `iter_long` hits; target <= 2x.
3. cold `bilingo scan --format json` of 1 MB (bilingo's cache folder deleted
   before each run) against a process that builds the automaton from a TSV of
   the keys and runs it over the same file; target <= 3x.

--idle-check refuses to measure (exit status 2) while the load average is
above 1 per CPU; without it a busy machine gets a warning.
"""

from __future__ import annotations

import argparse
import pickle
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _benchutil import (
    bilingo_command,
    clear_cache,
    isolate,
    load_gate,
    machine_note,
    print_table,
    run,
    verdict,
)
from bench_scan import make_terms, make_text, write_glossary

# The floor loads the automaton the fastest bare way: unpickling it (pyahocorasick's own
# file, ahocorasick.load, reads a node at a time and is ~13x slower at 200,000 keys).
COUNT_ONLY = """
import sys, pickle
with open(sys.argv[1], "rb") as handle:
    automaton = pickle.load(handle)
text = open(sys.argv[2], encoding="utf-8").read()
print(sum(1 for _ in automaton.iter_long(text)))
"""
BUILD_AND_RUN = """
import sys, ahocorasick
automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
with open(sys.argv[1], encoding="utf-8") as keys:
    for number, line in enumerate(keys):
        key = line.rstrip("\\n").split("\\t")[0]
        automaton.add_word(key, number)
        automaton.add_word(key.replace(" ", ""), number)
automaton.make_automaton()
text = open(sys.argv[2], encoding="utf-8").read()
print(sum(1 for _ in automaton.iter_long(text)))
"""


def alternating(commands: dict[str, list[str]], env, runs: int, before=None) -> dict:
    """Median wall time of each command, run in alternation (`before` runs untimed first)."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            if before and name == "bilingo":
                before()
            times[name].append(run(command, env))
    return {name: statistics.median(values) for name, values in times.items()}


def in_process(glossary, automaton, text: str, runs: int) -> tuple[float, float]:
    matcher = glossary.matcher()
    matcher.find(text)  # builds nothing later: the first call pays one-time costs
    found, bare = [], []
    for _ in range(runs):
        start = time.perf_counter()
        matcher.find(text)
        found.append(time.perf_counter() - start)
        start = time.perf_counter()
        sum(1 for _ in automaton.iter_long(text))
        bare.append(time.perf_counter() - start)
    return statistics.median(found), statistics.median(bare)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--terms", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--idle-check", action="store_true", help="exit 2 on a busy machine")
    args = parser.parse_args()
    load_gate(args.idle_check)
    with tempfile.TemporaryDirectory(prefix="bilingo-bench-floors-") as tmp:
        folder = Path(tmp)
        env = isolate(folder / "home")
        rng = random.Random(args.seed)
        terms = make_terms(args.terms, rng)
        glossary_file = folder / "glossary.yaml"
        write_glossary(glossary_file, terms)
        texts = {}
        for name, size in (("100KB", 100_000), ("1MB", 1_000_000), ("10MB", 10_000_000)):
            texts[name] = folder / f"text-{name}.txt"
            texts[name].write_text(make_text(terms, size, rng)[0], encoding="utf-8")
        keys_file = folder / "keys.tsv"
        keys_file.write_text("".join(f"{ko}\t{en}\n" for ko, en, _ in terms), encoding="utf-8")

        import ahocorasick

        from bilingo import load_glossary

        print(f"machine: {machine_note()}; {args.terms:,} terms")
        glossary = load_glossary([glossary_file])  # builds bilingo's compiled cache
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for number, (ko, _, _) in enumerate(terms):
            automaton.add_word(ko, number)
            automaton.add_word(ko.replace(" ", ""), number)
        automaton.make_automaton()
        automaton_file = folder / "keys.automaton.pickle"
        automaton_file.write_bytes(pickle.dumps(automaton))
        text_100k = texts["100KB"].read_text(encoding="utf-8")
        matcher_s, bare_s = in_process(glossary, automaton, text_100k, args.runs * 4)

        bilingo = bilingo_command()
        scan = [*bilingo, "scan", "--format", "json", "-g", str(glossary_file)]
        python = sys.executable
        run([*scan, str(texts["10MB"])], env)  # warm: the cache exists after this
        warm = alternating(
            {
                "bilingo": [*scan, str(texts["10MB"])],
                "floor": [python, "-c", COUNT_ONLY, str(automaton_file), str(texts["10MB"])],
            },
            env,
            args.runs,
        )
        cold = alternating(
            {
                "bilingo": [*scan, str(texts["1MB"])],
                "floor": [python, "-c", BUILD_AND_RUN, str(keys_file), str(texts["1MB"])],
            },
            env,
            max(3, args.runs),  # a cold run is the noisiest: as many rounds as the others
            before=clear_cache,
        )
        rows = [
            ("in-process matcher, 100 KB", matcher_s, bare_s, "bare iter_long", 2.5),
            ("warm scan, 10 MB (process)", warm["bilingo"], warm["floor"], "count-only AC process", 2.0),
            ("cold scan, 1 MB (process)", cold["bilingo"], cold["floor"], "AC built from TSV + run", 3.0),
        ]  # fmt: skip
        print_table(
            [
                [
                    label,
                    f"{ours * 1000:.0f} ms",
                    f"{floor * 1000:.0f} ms",
                    floor_name,
                    f"{ours / floor:.2f}x",
                    f"<= {target}x",
                    verdict(ours / floor <= target),
                ]
                for label, ours, floor, floor_name, target in rows
            ],  # fmt: skip
            ["work", "bilingo", "floor", "floor is", "ratio", "target", "result"],
        )
        print(f"machine after: {machine_note()}")


if __name__ == "__main__":
    main()
