"""Helpers shared by the bench scripts (run by hand; never collected by the tests).

Every benchmark runs in a throw-away home: XDG_DATA_HOME, XDG_CACHE_HOME,
XDG_CONFIG_HOME (and HOME, BILINGO_MODELS_DIR) point into a temp folder, so
neither the real user glossary nor the real compiled cache is read or written.
Nothing here uses the network.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def isolate(home: Path) -> dict[str, str]:
    """Point every user folder at `home` (in os.environ too) and return the child env."""
    home.mkdir(parents=True, exist_ok=True)
    pyenv_root = os.environ.get("PYENV_ROOT") or str(Path.home() / ".pyenv")
    for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        folder = home / variable.lower()
        folder.mkdir(exist_ok=True)
        os.environ[variable] = str(folder)
    os.environ["HOME"] = str(home)
    os.environ["BILINGO_MODELS_DIR"] = str(home / "models")
    os.environ.pop("BILINGO_GLOSSARY", None)
    # Byte-code as an installed user has it: cached .pyc files, written under the
    # temp folder (never beside the sources), even where PYTHONDONTWRITEBYTECODE is set.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    if Path(pyenv_root).is_dir():  # lets a pyenv shim still find its root
        os.environ.setdefault("PYENV_ROOT", pyenv_root)
    return dict(os.environ)


def cache_folder() -> Path:
    """bilingo's compiled-cache folder inside the isolated XDG_CACHE_HOME."""
    return Path(os.environ["XDG_CACHE_HOME"]) / "bilingo"


def clear_cache() -> None:
    shutil.rmtree(cache_folder(), ignore_errors=True)


def bilingo_command() -> list[str]:
    """The installed `bilingo` console script of this interpreter (not a pyenv shim)."""
    beside = Path(sys.executable).parent / "bilingo"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("bilingo")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from bilingo.cli import main; sys.exit(main())"]


def run(cmd: Sequence[str], env: dict[str, str], expect_ok: bool = True) -> float:
    """Wall time of one whole child process; stdout discarded."""
    for attempt in range(3):
        try:
            start = time.perf_counter()
            result = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            elapsed = time.perf_counter() - start
            break
        except OSError:  # e.g. the console script is being rewritten by `pip install -e .`
            if attempt == 2:
                raise
            time.sleep(5)
    if expect_ok and result.returncode != 0:
        raise SystemExit(
            f"command failed ({result.returncode}): {' '.join(cmd)}\n"
            + result.stderr.decode(errors="replace")
        )
    return elapsed


def run_times(
    cmd: Sequence[str],
    env: dict[str, str],
    runs: int,
    before: Callable[[], None] | None = None,
    warmup: bool = True,
) -> list[float]:
    """Wall times of `runs` runs of `cmd`; `before` is called (untimed) before each.

    An untimed warm-up run first (unless `warmup` is false) fills the byte-code cache.
    """
    times = []
    for _ in range(runs + 1 if warmup else runs):
        if before:
            before()
        times.append(run(cmd, env))
    return times[1:] if warmup else times


# A fresh Python per measured command: RUSAGE_CHILDREN.ru_maxrss then holds the
# peak RSS of that one child (the largest waited-for descendant), in KiB on Linux.
_PEAK_WRAPPER = (
    "import resource, subprocess, sys\n"
    "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)\n"
)


def peak_rss_mb(cmd: Sequence[str], env: dict[str, str]) -> float:
    """Peak resident memory (MB) of one run of `cmd`, measured by a fresh wrapper process."""
    out = subprocess.run(
        [sys.executable, "-c", _PEAK_WRAPPER, *cmd],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    kib, code = int(out[0]), int(out[1])
    if code != 0:
        raise SystemExit(f"command failed ({code}) under the memory wrapper: {' '.join(cmd)}")
    peak_bytes = kib if sys.platform == "darwin" else kib * 1024  # macOS reports bytes
    return peak_bytes / 1e6


def machine_note() -> str:
    """CPU count and load average, to read the figures against."""
    try:
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "n/a"
    return f"{os.cpu_count()} CPUs, load average {load}"


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def fmt_s(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def verdict(ok: bool | None) -> str:
    return "" if ok is None else ("ok" if ok else "MISSED")


def width(text: str) -> int:
    """Terminal columns of `text` (Hangul and other wide characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, columns: int) -> str:
    return text + " " * (columns - width(text))


def print_table(rows: Sequence[Sequence[str]], headers: Sequence[str]) -> None:
    """A plain fixed-width table (no dependency)."""
    widths = [max(width(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    print("  ".join(pad(str(h), w) for h, w in zip(headers, widths, strict=True)).rstrip())
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(pad(str(c), w) for c, w in zip(row, widths, strict=True)).rstrip())


def parse_importtime(stderr: str) -> list[tuple[str, int, int, int]]:
    """(module, self µs, cumulative µs, depth) for each line of `-X importtime` output."""
    rows = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        self_us, cumulative, name = line[len("import time:") :].split("|", 2)
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2
        rows.append((name.strip(), int(self_us), int(cumulative), depth))
    return rows


def load_gate(idle_check: bool, per_cpu: float = 1.0) -> None:
    """Warn when the machine is busy (figures then mean little); with `idle_check`, refuse
    to measure at all (exit status 2) while the 1-minute load average is above `per_cpu`
    per CPU."""
    load, cpus = os.getloadavg()[0], os.cpu_count() or 1
    if load <= per_cpu * cpus:
        return
    message = f"load average {load:.2f} on {cpus} CPUs: the figures would not be worth much"
    if idle_check:
        print(f"refusing to measure (--idle-check): {message}", file=sys.stderr)
        raise SystemExit(2)
    print(f"warning: {message}", file=sys.stderr)
