"""Benchmark `bilingo lookup` and `--help` start-up against Python's own (issues 2 and 13). Run by hand:

    python bench/bench_lookup.py [--runs 21] [--cold-runs 5] [--query 딥시크] [--terms 100000]
                                 [--seed 0] [--idle-check]

What it measures, all as whole-process wall time (subprocess + time.perf_counter)
in a throw-away home (XDG_DATA_HOME / XDG_CACHE_HOME / XDG_CONFIG_HOME point into
a temp folder; no network; children write .pyc files under the temp folder too
(PYTHONPYCACHEPREFIX), as an installed user has them, even where
PYTHONDONTWRITEBYTECODE is set). The timed commands run interleaved, one of
each per round, --runs rounds, so a load that comes and goes falls on all
alike; each figure is the median over the rounds:

- the baseline, `python -c pass` (the interpreter's own start-up), and for
  information `python -S -c pass` (without the site module: what .pth files in
  site-packages add to every start shows as the difference) and `python -c
  "import typer"` (the CLI framework alone);
- warm: `bilingo lookup 딥시크` with the built-in glossary (its compiled cache
  built by an untimed first run), and its ratio to `python -c pass`;
- `bilingo --help`;
- a --terms glossary (bench_scan's seeded made-up terms, one YAML file, its
  cache built first): a lookup that finds an entry (`<term>에서는`) and one that
  finds nothing (`없는말이에요`), which works out the did-you-mean suggestions;
  the ratio of the two;
- after the rounds: cold (the cache folder deleted before every run), the same
  lookup through the `bilingo` found on PATH (e.g. a pyenv shim), peak RSS of
  one warm lookup (fresh wrapper process, RUSAGE_CHILDREN), and `python -X
  importtime` of the warm lookup: the heaviest modules, and whether the
  translation stack (ctranslate2, sentencepiece, argostranslate: must not be)
  or typer, rich and tabulate (need not be) are imported.

Targets: warm lookup <= 9x `python -c pass` (and <= 0.3 s); `--help` <= 150 ms;
the lookup that finds nothing <= 1.5x the one that finds an entry, and <= 0.25 s.
With --idle-check it measures nothing (exit status 2) while the 1-minute load
average is above 1.0 per CPU, and reports nothing if it has risen above that
by the end.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _benchutil import (
    bilingo_command,
    clear_cache,
    fmt_s,
    isolate,
    load_gate,
    machine_note,
    median,
    parse_importtime,
    peak_rss_mb,
    print_table,
    run,
    run_times,
    verdict,
)
from bench_scan import agreeing, make_terms, write_glossary

WARM_TARGET_S = 0.3
WARM_RATIO_TARGET = 9.0  # x python -c pass
HELP_TARGET_S = 0.150
MISS_RATIO_TARGET = 1.5  # x the lookup that finds an entry
MISS_TARGET_S = 0.25
MISS_QUERY = "없는말이에요"
FORBIDDEN = ("ctranslate2", "sentencepiece", "argostranslate")
NOT_NEEDED = ("typer", "rich", "tabulate")
ALSO_WATCH = ("ahocorasick", "pydantic", "numpy", "yaml", "asyncio", "rapidfuzz")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="interleaved rounds (median)")
    parser.add_argument("--cold-runs", type=int, default=5, help="cold runs (cache deleted)")
    parser.add_argument("--query", default="딥시크")
    parser.add_argument("--terms", type=int, default=100_000, help="size of the big glossary")
    parser.add_argument("--seed", type=int, default=0, help="seed of the big glossary's terms")
    parser.add_argument("--text-bytes", type=int, default=None, help="unused: no text")
    parser.add_argument("--idle-check", action="store_true", help="exit 2 on a busy machine")
    args = parser.parse_args()
    load_gate(args.idle_check)

    with tempfile.TemporaryDirectory(prefix="bilingo-bench-lookup-") as tmp:
        env = isolate(Path(tmp) / "home")
        bilingo = bilingo_command()
        python = sys.executable
        lookup = [*bilingo, "lookup", args.query]

        print(f"python:  {python} ({sys.version.split()[0]})")
        print(f"bilingo: {' '.join(bilingo)}")
        print(f"home:    {tmp} (XDG_* and PYTHONPYCACHEPREFIX point here)")
        print(f"machine: {machine_note()}\n")

        terms = make_terms(args.terms, random.Random(args.seed))
        big = Path(tmp) / f"glossary-{args.terms}.yaml"
        write_glossary(big, terms)
        term = next(ko for ko, _, _ in terms[len(terms) // 2 :] if " " not in ko)
        hit_query = term + agreeing(("에서는", "에서는"), term)

        commands = {
            "python -c pass": [python, "-c", "pass"],
            "python -S -c pass": [python, "-S", "-c", "pass"],
            "python -c 'import typer'": [python, "-c", "import typer"],
            "lookup": lookup,
            "--help": [*bilingo, "--help"],
            "hit": [*bilingo, "lookup", hit_query, "-g", str(big)],
            "miss": [*bilingo, "lookup", MISS_QUERY, "-g", str(big)],
        }
        clear_cache()
        for name, command in commands.items():  # untimed: .pyc files and compiled caches
            run(command, env, expect_ok=name != "miss")
        times = interleaved(commands, env, args.runs)
        cold = run_times(lookup, env, args.cold_runs, before=clear_cache, warmup=False)
        run(lookup, env)  # leave a warm cache for what follows
        on_path = shutil.which("bilingo")
        via_path = (
            run_times([on_path, "lookup", args.query], env, max(3, args.runs // 3))
            if on_path and Path(on_path).resolve() != Path(bilingo[0]).resolve()
            else None
        )
        peak = peak_rss_mb(lookup, env)
        load_gate(args.idle_check)

        rows = target_rows(times, args.query, args.runs, args.terms)
        rows.append(
            [f"lookup {args.query} (cold, n={args.cold_runs})", fmt_s(median(cold)), "", ""]
        )
        if via_path:
            rows.append([f"lookup via PATH ({on_path})", fmt_s(median(via_path)), "", "info"])
        rows.append(["peak RSS, warm lookup", f"{peak:.0f} MB", "", ""])
        print_table(rows, ["measure", "median", "target", ""])
        print(f"machine after: {machine_note()}")
        import_profile(python, bilingo, args.query, env)


def interleaved(commands: dict[str, list[str]], env: dict, runs: int) -> dict[str, list[float]]:
    """Wall times of every command, one run of each per round, the order turning each round."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    names = list(commands)
    for round_number in range(runs):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            times[name].append(run(commands[name], env, expect_ok=name != "miss"))
    return times


def target_rows(times: dict[str, list[float]], query: str, runs: int, terms: int) -> list[list]:
    """The table's rows: each measure, its median over the rounds, its target and verdict."""
    m = {name: median(values) for name, values in times.items()}
    ratio = m["lookup"] / m["python -c pass"]
    miss_ratio = m["miss"] / m["hit"]
    return [
        [f"python -c pass (baseline, n={runs})", fmt_s(m["python -c pass"]), "", ""],
        ["python -S -c pass (no site, no .pth)", fmt_s(m["python -S -c pass"]), "", "info"],
        ["python -c 'import typer'", fmt_s(m["python -c 'import typer'"]), "", "info"],
        [f"lookup {query} (warm)", fmt_s(m["lookup"]), f"<= {WARM_TARGET_S} s",
         verdict(m["lookup"] <= WARM_TARGET_S)],
        ["  / python -c pass", f"{ratio:.1f}x", f"<= {WARM_RATIO_TARGET:g}x",
         verdict(ratio <= WARM_RATIO_TARGET)],
        ["  min / max", f"{fmt_s(min(times['lookup']))} / {fmt_s(max(times['lookup']))}", "", ""],
        ["bilingo --help", fmt_s(m["--help"]), f"<= {HELP_TARGET_S * 1000:.0f} ms",
         verdict(m["--help"] <= HELP_TARGET_S)],
        [f"lookup, {terms:,} terms, found (warm)", fmt_s(m["hit"]), "", ""],
        [f"lookup, {terms:,} terms, not found (did-you-mean)", fmt_s(m["miss"]),
         f"<= {MISS_TARGET_S} s", verdict(m["miss"] <= MISS_TARGET_S)],
        ["  not found / found", f"{miss_ratio:.2f}x", f"<= {MISS_RATIO_TARGET:g}x",
         verdict(miss_ratio <= MISS_RATIO_TARGET)],
    ]  # fmt: skip


def import_profile(python: str, bilingo: list[str], query: str, env: dict) -> None:
    """`python -X importtime` of the warm lookup: the heaviest modules, and what is imported."""
    profile = subprocess.run(
        [python, "-X", "importtime", bilingo[0], "lookup", query]
        if len(bilingo) == 1
        else [python, "-X", "importtime", *bilingo[1:], "lookup", query],
        env=env,
        capture_output=True,
        text=True,
    )
    modules = parse_importtime(profile.stderr)
    total_us = sum(cum for _, _, cum, depth in modules if depth == 0)
    print(
        f"\n-X importtime (warm lookup): {len(modules)} modules, "
        f"{total_us / 1000:.0f} ms in imports (sum of top-level cumulative)"
    )
    print("\ntop 10 by self time:")
    print_table(
        [
            [name, f"{self_us / 1000:.1f} ms", f"{cum / 1000:.1f} ms"]
            for name, self_us, cum, _ in sorted(modules, key=lambda m: -m[1])[:10]
        ],
        ["module", "self", "cumulative"],
    )
    print("\ntop 10 top-level imports by cumulative time:")
    print_table(
        [
            [name, f"{cum / 1000:.1f} ms"]
            for name, _, cum, depth in sorted(modules, key=lambda m: -m[2])
            if depth == 0
        ][:10],
        ["module", "cumulative"],
    )
    names = {name for name, *_ in modules}

    def imported(package: str) -> bool:
        return any(n == package or n.startswith(package + ".") for n in names)

    def package_ms(package: str) -> float:
        return sum(s for n, s, _, _ in modules if n == package or n.startswith(package + "."))

    print("\nimported on the lookup path?")
    for package in FORBIDDEN:
        print(f"  {package:15} {'yes  <-- must not be' if imported(package) else 'no'}")
    for package in NOT_NEEDED:
        print(f"  {package:15} {'yes  <-- need not be' if imported(package) else 'no'}")
    for package in ALSO_WATCH:
        flag = imported(package)
        extra = f"  ({package_ms(package) / 1000:.0f} ms self time in its modules)" if flag else ""
        print(f"  {package:15} {'yes' if flag else 'no'}{extra}   (info)")


if __name__ == "__main__":
    main()
