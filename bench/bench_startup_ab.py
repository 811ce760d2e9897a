"""Start-up of `bilingo lookup`, `scan` and `--help`: this tree against an earlier revision. Run by hand:

    python bench/bench_startup_ab.py [--base fbbcc4f] [--runs 21]

The earlier revision is checked out into a temporary git worktree and both
trees run from source (`python -c "... from bilingo.cli import main; main()"`,
each tree's own console-script target, with that tree's src/ first on sys.path), alternating run by run so machine
noise falls on both alike. Each run is a whole process in a throw-away home
folder; "cold" deletes the compiled cache before every run, "warm" keeps it.
`scan` reads seeds/deepseek_article.txt with the default glossary.
Prints the medians and the ratio this tree / base (issue 8: no slower).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="fbbcc4f", help="git revision to compare against")
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bilingo-ab-") as tmp:
        scratch = Path(tmp)
        base_tree = scratch / "base"
        subprocess.run(
            [
                "git",
                "-C",
                str(ROOT),
                "worktree",
                "add",
                "-q",
                "--detach",
                str(base_tree),
                args.base,
            ],
            check=True,
        )
        try:
            compare(
                args, scratch, {"this tree": ROOT / "src", f"base {args.base}": base_tree / "src"}
            )
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base_tree)]
            )


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
    cases = {
        "lookup 딥시크, cold": (("lookup", "딥시크"), cache),
        "lookup 딥시크, warm": (("lookup", "딥시크"), None),
        "scan article, cold": (("scan", article, "--format", "json"), cache),
        "scan article, warm": (("scan", article, "--format", "json"), None),
        "--help": (("--help",), None),
    }
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}")
    print(f"{'measure':24} " + " ".join(f"{name:>16}" for name in trees) + "   ratio")
    for label, (words, cold_cache) in cases.items():
        times: dict[str, list[float]] = {name: [] for name in trees}
        for src in trees.values():  # warm-up: .pyc files and the cache exist
            timed(command(src, *words), env, None)
        for _ in range(args.runs):
            for name, src in trees.items():
                times[name].append(timed(command(src, *words), env, cold_cache))
        medians = [statistics.median(values) * 1000 for values in times.values()]
        cells = " ".join(f"{value:>13.0f} ms" for value in medians)
        print(f"{label:24} {cells}   {medians[0] / medians[1]:.2f}")


if __name__ == "__main__":
    main()
