"""Start-up of `bilingo lookup`, `scan` and `--help`: this tree against an earlier revision. Run by hand:

    python bench/bench_startup_ab.py [--base fbbcc4f | --base-tree DIR] [--runs 21]
                                     [--terms 100000] [--idle-check]

The earlier revision's files are unpacked into a temporary folder (`git archive`,
which leaves the repository as it was), or --base-tree names a copy of the
project (with src/ and pyproject.toml) to compare against instead, and both
trees run from source (`python
-c "... from bilingo.cli import main; main()"`, each tree's own console-script
target, with that tree's src/ first on sys.path), alternating run by run so
machine noise falls on both alike. Each run is a whole process in a throw-away
home folder; "cold" deletes the compiled cache before every run, "warm" keeps it.
`scan` reads seeds/deepseek_article.txt with the default glossary. The big
glossary is bench_scan's --terms seeded made-up terms in one file (its cache
built by an untimed run): a lookup that finds an entry, and one that finds
nothing and so works out the did-you-mean suggestions.

Prints the medians, the ratio this tree / base (issue 8: no slower), and the
issue-13 figures of each tree: the warm lookup against `python -c pass`
(measured in the same alternation), `--help`, and the big glossary's miss
against its hit. With --idle-check it measures nothing (exit status 2) while
the 1-minute load average is above 1.0 per CPU, and reports nothing if it has
risen above that by the end.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from _benchutil import load_gate
from bench_scan import agreeing, make_terms, write_glossary

ROOT = Path(__file__).resolve().parent.parent
MISS_QUERY = "없는말이에요"


def command(src: Path, *args: str) -> list[str]:
    """Run the tree's own console-script target (pyproject's `bilingo = "module:function"`)."""
    pyproject = (src.parent / "pyproject.toml").read_text(encoding="utf-8")
    target = re.search(r'^bilingo = "([\w.]+):(\w+)"', pyproject, re.M)
    code = (
        f"import sys; sys.path.insert(0, {str(src)!r}); "
        f"sys.argv = ['bilingo', *{list(args)!r}]; "
        f"from {target.group(1)} import {target.group(2)} as run; run()"
    )
    return [sys.executable, "-c", code]


def timed(cmd: list[str], env: dict, cache: Path | None) -> float:
    if cache is not None:
        shutil.rmtree(cache, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def unpack(revision: str, target: Path) -> None:
    """The revision's files (as `git archive` gives them) in `target`."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", revision],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python >= 3.11.4: no links out, no odd modes
            tar.extractall(target, filter="data")
        else:
            tar.extractall(target)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="fbbcc4f", help="git revision to compare against")
    parser.add_argument("--base-tree", type=Path, help="a project folder to compare against")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--terms", type=int, default=100_000, help="size of the big glossary")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--idle-check", action="store_true", help="exit 2 on a busy machine")
    args = parser.parse_args()
    load_gate(args.idle_check)
    with tempfile.TemporaryDirectory(prefix="bilingo-ab-") as tmp:
        scratch = Path(tmp)
        if args.base_tree:
            base_tree, name = args.base_tree.resolve(), f"base {args.base_tree.name}"
        else:
            base_tree, name = scratch / "base", f"base {args.base}"
            unpack(args.base, base_tree)
        compare(args, scratch, {"this tree": ROOT / "src", name: base_tree / "src"})


def compare(args, scratch: Path, trees: dict[str, Path]) -> None:
    home = scratch / "home"
    env = {**os.environ, "PYTHONPYCACHEPREFIX": str(scratch / "pycache")}
    for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        env[variable] = str(home / variable.lower())
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # installed users have .pyc files
    env.pop("BILINGO_HOME", None)
    env.pop("BILINGO_GLOSSARY", None)
    cache = home / "xdg_cache_home" / "bilingo"
    article = str(ROOT / "seeds" / "deepseek_article.txt")
    terms = make_terms(args.terms, random.Random(args.seed))
    big = scratch / f"glossary-{args.terms}.yaml"
    write_glossary(big, terms)
    term = next(ko for ko, _, _ in terms[len(terms) // 2 :] if " " not in ko)
    hit = term + agreeing(("에서는", "에서는"), term)
    cases = {
        "lookup 딥시크, cold": (("lookup", "딥시크"), cache),
        "lookup 딥시크, warm": (("lookup", "딥시크"), None),
        "scan article, cold": (("scan", article, "--format", "json"), cache),
        "scan article, warm": (("scan", article, "--format", "json"), None),
        "--help": (("--help",), None),
        f"lookup, {args.terms:,} terms, found": (("lookup", hit, "-g", str(big)), None),
        f"lookup, {args.terms:,} terms, not found": (("lookup", MISS_QUERY, "-g", str(big)), None),
    }
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}")
    bare = [sys.executable, "-c", "pass"]
    results: dict[str, list[float]] = {}
    baselines: list[float] = []
    for label, (words, cold_cache) in cases.items():
        times: dict[str, list[float]] = {name: [] for name in trees}
        for src in trees.values():  # warm-up: .pyc files and the cache exist
            timed(command(src, *words), env, None)
        for _ in range(args.runs):
            baselines.append(timed(bare, env, None))  # python -c pass, in the same alternation
            for name, src in trees.items():
                times[name].append(timed(command(src, *words), env, cold_cache))
        results[label] = [statistics.median(values) * 1000 for values in times.values()]
    load_gate(args.idle_check)
    report(results, statistics.median(baselines) * 1000, list(trees), args.terms)


def report(results: dict[str, list[float]], python_ms: float, trees: list[str], terms: int):
    print(f"{'measure':34} " + " ".join(f"{name:>16}" for name in trees) + "   ratio")
    print(f"{'python -c pass (baseline)':34} " + " ".join(f"{python_ms:>13.0f} ms" for _ in trees))
    for label, medians in results.items():
        cells = " ".join(f"{value:>13.0f} ms" for value in medians)
        print(f"{label:34} {cells}   {medians[0] / medians[1]:.2f}")
    warm = results["lookup 딥시크, warm"]
    found = results[f"lookup, {terms:,} terms, found"]
    missed = results[f"lookup, {terms:,} terms, not found"]
    print("\nissue 13 (targets: warm lookup <= 9x python -c pass; --help <= 150 ms;")
    print("          not found <= 1.5x found and <= 250 ms)")
    rows = {
        "warm lookup / python -c pass": [f"{value / python_ms:.1f}x" for value in warm],
        "--help": [f"{value:.0f} ms" for value in results["--help"]],
        "not found / found": [f"{m / f:.2f}x" for m, f in zip(missed, found, strict=True)],
    }
    for label, cells in rows.items():
        print(f"{label:34} " + " ".join(f"{cell:>16}" for cell in cells))


if __name__ == "__main__":
    main()
