"""Benchmark `bilingo lookup` start-up with the default glossary (issue 2). Run by hand:

    python bench/bench_lookup.py [--runs 15] [--cold-runs 5] [--query 딥시크]

What it measures, all as whole-process wall time (subprocess + time.perf_counter,
median of N runs) in a throw-away home (XDG_DATA_HOME / XDG_CACHE_HOME /
XDG_CONFIG_HOME point into a temp folder; no network; children write .pyc files
under the temp folder too (PYTHONPYCACHEPREFIX), as an installed user has them,
even where PYTHONDONTWRITEBYTECODE is set):

- warm: `bilingo lookup 딥시크` after one warm-up run that builds the compiled cache;
- cold: the same with bilingo's cache folder deleted before every run;
- baselines in the same run: `python -c "pass"` (interpreter start-up) and
  `python -c "import typer"` (the CLI framework alone), and for information the
  same lookup through the `bilingo` found on PATH (e.g. a pyenv shim);
- peak RSS of one warm lookup (fresh wrapper process, RUSAGE_CHILDREN);
- `python -X importtime` of the warm lookup: the 10 heaviest modules (self time),
  the 10 heaviest top-level imports (cumulative), and whether ctranslate2,
  sentencepiece, argostranslate (the translation stack) are imported: they must not be.

Target: warm lookup <= 0.3 s.
"""

from __future__ import annotations

import argparse
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
    machine_note,
    median,
    parse_importtime,
    peak_rss_mb,
    print_table,
    run,
    run_times,
    verdict,
)

WARM_TARGET_S = 0.3
FORBIDDEN = ("ctranslate2", "sentencepiece", "argostranslate")
ALSO_WATCH = ("ahocorasick", "pydantic", "tabulate", "numpy", "yaml", "asyncio")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="warm runs (median)")
    parser.add_argument("--cold-runs", type=int, default=5, help="cold runs (cache deleted)")
    parser.add_argument("--query", default="딥시크")
    parser.add_argument("--terms", type=int, default=None, help="unused: default glossary")
    parser.add_argument("--text-bytes", type=int, default=None, help="unused: no text")
    parser.add_argument("--seed", type=int, default=0, help="unused: nothing random")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bilingo-bench-lookup-") as tmp:
        env = isolate(Path(tmp) / "home")
        bilingo = bilingo_command()
        lookup = [*bilingo, "lookup", args.query]
        python = sys.executable

        print(f"python:  {python} ({sys.version.split()[0]})")
        print(f"bilingo: {' '.join(bilingo)}")
        print(f"home:    {tmp} (XDG_* and PYTHONPYCACHEPREFIX point here)")
        print(f"machine: {machine_note()}\n")

        clear_cache()
        run(lookup, env)  # warm-up: builds the compiled cache
        warm = run_times(lookup, env, args.runs, warmup=False)
        bare = run_times([python, "-c", "pass"], env, args.runs)
        typer_only = run_times([python, "-c", "import typer"], env, args.runs)
        click_only = run_times([python, "-c", "import click"], env, args.runs)
        cold = run_times(lookup, env, args.cold_runs, before=clear_cache, warmup=False)
        run(lookup, env)  # leave a warm cache for what follows
        on_path = shutil.which("bilingo")
        via_path = (
            run_times([on_path, "lookup", args.query], env, max(3, args.runs // 3))
            if on_path and Path(on_path).resolve() != Path(bilingo[0]).resolve()
            else None
        )
        peak = peak_rss_mb(lookup, env)

        rows = [
            ["python -c pass", fmt_s(median(bare)), "", ""],
            ["python -c 'import click'", fmt_s(median(click_only)), "", ""],
            ["python -c 'import typer'", fmt_s(median(typer_only)), "", ""],
            [
                f"lookup {args.query} (warm, n={args.runs})",
                fmt_s(median(warm)),
                f"<= {WARM_TARGET_S} s",
                verdict(median(warm) <= WARM_TARGET_S),
            ],
            ["  min / max", f"{fmt_s(min(warm))} / {fmt_s(max(warm))}", "", ""],
            [f"lookup {args.query} (cold, n={args.cold_runs})", fmt_s(median(cold)), "", ""],
        ]
        if via_path:
            rows.append([f"lookup via PATH ({on_path})", fmt_s(median(via_path)), "", "info"])
        rows.append(["peak RSS, warm lookup", f"{peak:.0f} MB", "", ""])
        rows.append(
            [
                "warm lookup - import typer",
                fmt_s(median(warm) - median(typer_only)),
                "",
                "bilingo's own share",
            ]
        )
        print_table(rows, ["measure", "median", "target", ""])
        print(f"machine after: {machine_note()}")

        # -------------------------------------------------------------- import profile
        profile = subprocess.run(
            [python, "-X", "importtime", bilingo[0], "lookup", args.query]
            if len(bilingo) == 1
            else [python, "-X", "importtime", *bilingo[1:], "lookup", args.query],
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
            flag = imported(package)
            print(f"  {package:15} {'yes  <-- must not be' if flag else 'no'}")
        for package in ALSO_WATCH:
            flag = imported(package)
            extra = (
                f"  ({package_ms(package) / 1000:.0f} ms self time in its modules)" if flag else ""
            )
            print(f"  {package:15} {'yes' if flag else 'no'}{extra}   (info)")


if __name__ == "__main__":
    main()
