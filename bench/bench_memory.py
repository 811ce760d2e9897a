"""Peak memory of `bilingo translate --engine none` on large inputs (issue 9). Run by hand:

    python bench/bench_memory.py [--sizes 10 100] [--formats text json]

For each input size (MB of Korean news sentences with terms and money
figures) and output format, runs the installed `bilingo translate FILE -e none
-f FORMAT -o OUT` as a whole process in a throw-away home folder and reports
its peak RSS (RUSAGE_CHILDREN of a fresh wrapper process) and wall time.
Baseline in the same run: a bare Python process that reads the file line by
line and writes each line out (the floor for any streaming tool). Bounded
memory means the peak does not grow with the input: 10 MB and 100 MB should
peak alike.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LINE = "딥시크의 개발비는 557만6000달러였고 엔비디아는 하루 만에 5890억달러를 잃었다. " * 6 + "\n"
MEASURE = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)
FLOOR = (
    "import sys\n"
    "with open(sys.argv[1], encoding='utf-8') as src, open(sys.argv[2], 'w', encoding='utf-8') as out:\n"
    "    for line in src: out.write(line)\n"
)


def make_input(path: Path, megabytes: int) -> None:
    data = LINE.encode("utf-8")
    with path.open("wb") as out:
        for _ in range(megabytes * 1024 * 1024 // len(data)):
            out.write(data)


def peak(command: list[str], env: dict) -> tuple[float, float]:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, env=env
    )
    code, kib = map(int, result.stdout.split())
    if code != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stderr}")
    return kib / 1024, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--formats", nargs="+", default=["text", "json"])
    args = parser.parse_args()
    bilingo = str(Path(sys.executable).parent / "bilingo")
    with tempfile.TemporaryDirectory(prefix="bilingo-bench-memory-") as tmp:
        scratch = Path(tmp)
        env = {**os.environ, "BILINGO_HOME": str(scratch / "home")}
        print(f"{'input':>8}  {'what':38} {'peak RSS':>10} {'time':>8}")
        for size in args.sizes:
            source = scratch / f"input-{size}.txt"
            make_input(source, size)
            floor = [sys.executable, "-c", FLOOR, str(source), str(scratch / "copy.txt")]
            rss, seconds = peak(floor, env)
            print(
                f"{size:>6} MB  {'baseline: python copies line by line':38} {rss:>7.0f} MB {seconds:>7.1f}s"
            )
            for fmt in args.formats:
                out = scratch / f"out.{fmt}"
                command = [
                    bilingo,
                    "translate",
                    str(source),
                    "-e",
                    "none",
                    "-f",
                    fmt,
                    "-o",
                    str(out),
                ]
                rss, seconds = peak(command, env)
                print(
                    f"{size:>6} MB  {'bilingo translate -e none -f ' + fmt:38} {rss:>7.0f} MB {seconds:>7.1f}s"
                )


if __name__ == "__main__":
    main()
