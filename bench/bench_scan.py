"""Benchmark term scanning against a 100,000-entry glossary (issue 3). Run by hand:

    python bench/bench_scan.py [--terms 100000] [--text-bytes 1000000] [--runs 5] [--seed 0]
    python bench/bench_scan.py --glossary glossary/   # a real glossary instead of a made-up one

Data (seeded, random.Random(seed)), written to a temp folder (with --glossary PATH, a
YAML file or a folder of them, its entries are copied into one file and used instead of
the made-up terms; the text is made from their headwords the same way):
- a YAML glossary (`terms:` list of ko/en/type) of --terms distinct Hangul terms,
  2-6 syllables drawn from a pool of Korean-looking syllables, ~10% with a space
  inside (가나 다라);
- ~--text-bytes UTF-8 bytes of Korean text: filler words, and glossary terms used
  bare, with particle chains (의, 가, 는, 를, 에서는, 들은, 였다, 라는, 측은, ...,
  in the form that agrees with the term's last syllable), spaced terms written
  without their space, after quotes/brackets/美/AI, and a few near misses that
  must not match (term + 릿, 빅 + term).

Measured in one run (MB = 10^6 bytes of UTF-8 input; whole-process figures are
median wall time over --runs runs, subprocess + time.perf_counter, in a throw-away
home: XDG_DATA_HOME / XDG_CACHE_HOME / XDG_CONFIG_HOME point into the temp folder;
no network; children write .pyc files under the temp folder too
(PYTHONPYCACHEPREFIX), as an installed user has them, even where
PYTHONDONTWRITEBYTECODE is set):
- bilingo.matcher.TermMatcher(...).find(text) on the whole text, in-process
  (automaton build time printed separately, not included; the bench's own heap is
  frozen out of the garbage collector first so it does not inflate the figure; each
  run starts as a fresh process would: no Term objects built, the particle-chain
  memo cleared; the same with the memo kept is printed for information);
- baseline A: one Python `re` alternation of every key (longest first, re.escape),
  finditer over the same text; when the full text would take over --regex-budget
  seconds it is timed on a 100 KB slice and scaled linearly (the output says so);
- baseline B: a bare pyahocorasick pass over the same keys (no boundary logic),
  in-process (iter and iter_long), and as a whole process that unpickles the
  automaton from a file, reads the text file and iterates: the practical floor;
- `bilingo scan FILE --format json -g GLOSSARY > /dev/null`: cold (compiled cache
  deleted first, so YAML parse + validation + automaton build + cache write) and warm;
- `bilingo lookup <term+particle> -g GLOSSARY`, warm (and, for information, a lookup
  that finds nothing, which runs the did-you-mean suggestions);
- peak RSS of one warm and one cold scan (fresh wrapper process, RUSAGE_CHILDREN);
- for context: yaml.load (CSafeLoader) alone on the glossary file, with its peak
  RSS; yaml.parse events alone (no node tree); bilingo's own uncached load_glossary;
  size and load time of the compiled cache files (json.loads, ahocorasick.load); a
  warm scan phase by phase.

Targets: matcher >= 100x faster than the regex; warm scan <= 3x the bare-pass whole
process; warm lookup <= 0.5 s; peak memory of warm and cold scan <= 300 MB.
"""

from __future__ import annotations

import argparse
import gc
import pickle
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _benchutil import (
    bilingo_command,
    cache_folder,
    clear_cache,
    fmt_s,
    isolate,
    machine_note,
    median,
    peak_rss_mb,
    print_table,
    run,
    run_times,
    verdict,
)

LOOKUP_TARGET_S = 0.5
MEMORY_TARGET_MB = 300
REGEX_RATIO_TARGET = 100
FLOOR_RATIO_TARGET = 3

HANGUL_FIRST = 0xAC00
MEDIALS = [0, 1, 4, 5, 6, 8, 12, 13, 18, 20]  # ㅏ ㅐ ㅓ ㅔ ㅕ ㅗ ㅛ ㅜ ㅡ ㅣ
FINALS = [0] * 8 + [1, 4, 8, 16, 17, 19, 21]  # mostly open syllables; ㄱ ㄴ ㄹ ㅁ ㅂ ㅅ ㅇ
LENGTHS = [2] * 15 + [3] * 35 + [4] * 30 + [5] * 12 + [6] * 8
TYPES = ["org"] * 3 + ["person"] * 3 + ["place"] + ["product"] * 2 + ["media", "term", "event"]

FILLER = [
    "정부는", "이번", "발표에서", "시장의", "관계자는", "밝혔다", "지난해", "대비", "증가했다",
    "업계에", "따르면", "것으로", "알려졌다", "투자를", "확대할", "계획이다", "한편", "올해",
    "상반기", "매출은", "전년", "동기", "크게", "늘었다", "전문가들은", "이에", "대해", "우려를",
    "나타냈다", "또한", "기술", "개발", "경쟁이", "치열해지고", "있다", "국내", "해외", "주요",
    "기업들이", "새로운", "전략을", "내놓았다", "그러나", "일부", "분석가들은", "신중한",
    "입장을", "유지했다", "이날", "회의에는", "참석했다", "보도에", "의하면", "정책", "변화가",
    "예상된다", "가운데", "최근", "발표한", "보고서에서", "규모는", "억", "달러", "수준이다",
    "관련", "업계는", "주목하고", "같은", "날", "오전", "기자회견을", "열고", "설명했다",
]  # fmt: skip
# (after a consonant, after a vowel): the form is chosen to agree with the term.
PARTICLES = [
    ("의", "의"), ("이", "가"), ("은", "는"), ("을", "를"), ("에서는", "에서는"),
    ("들은", "들은"), ("이었다", "였다"), ("이라는", "라는"), ("측은", "측은"),
    ("과", "와"), ("으로", "로"), ("에", "에"), ("에서", "에서"), ("도", "도"),
    ("까지", "까지"), ("보다", "보다"), ("처럼", "처럼"), ("들이", "들이"),
    ("만", "만"), ("에게", "에게"), ("이다", "다"), ("발", "발"), ("산", "산"),
]  # fmt: skip
WRAPPERS = ["‘{}’", "“{}”", "({})", "「{}」", "美{}", "中{}", "AI{}", "{},"]
NOT_PARTICLES = ["릿", "링스", "카드를", "리아", "니즈"]  # term + these is another word
HANGUL_BEFORE = ["빅", "신", "대"]  # these + term is another word


# --------------------------------------------------------------------------- data


def make_terms(count: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """`count` (ko, en, type) entries, distinct once spaces are removed."""
    pool: set[str] = set()
    while len(pool) < 800:
        initial, medial, final = rng.randrange(19), rng.choice(MEDIALS), rng.choice(FINALS)
        pool.add(chr(HANGUL_FIRST + (initial * 21 + medial) * 28 + final))
    syllables = sorted(pool)
    seen: set[str] = set()
    terms = []
    while len(terms) < count:
        word = "".join(rng.choice(syllables) for _ in range(rng.choice(LENGTHS)))
        if word in seen:
            continue
        seen.add(word)
        if len(word) >= 3 and rng.random() < 0.10:
            cut = rng.randrange(1, len(word))
            word = f"{word[:cut]} {word[cut:]}"
        english = " ".join(
            "".join(
                rng.choice("abcdefghijklmnoprstuvwy") for _ in range(rng.randint(3, 9))
            ).capitalize()
            for _ in range(rng.choice([1, 1, 2, 2, 3]))
        )
        terms.append((word, english, rng.choice(TYPES)))
    return terms


def write_glossary(path: Path, terms: list[tuple[str, str, str]]) -> None:
    lines = ["# synthetic glossary written by bench/bench_scan.py", "domain: synthetic", "terms:"]
    for ko, en, kind in terms:
        lines += [f"  - ko: {ko}", f"    en: {en}", f"    type: {kind}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def copy_glossary(source: Path, target: Path) -> list[tuple[str, str, str]]:
    """The entries of a real glossary (a file or a folder of *.yaml) as one file; their headwords."""
    import yaml

    files = sorted(source.glob("*.yaml")) if source.is_dir() else [source]
    entries = [
        entry
        for path in files
        for entry in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("terms") or []
    ]
    target.write_text(yaml.safe_dump({"terms": entries}, allow_unicode=True), encoding="utf-8")
    return [(entry["ko"], entry["en"], entry.get("type") or "term") for entry in entries]


def agreeing(particle: tuple[str, str], word: str) -> str:
    final = (ord(word[-1]) - HANGUL_FIRST) % 28
    consonant_form, vowel_form = particle
    if final == 0 or (final == 8 and consonant_form == "으로"):  # open syllable, or ㄹ + 로
        return vowel_form
    return consonant_form


def make_text(
    terms: list[tuple[str, str, str]], target_bytes: int, rng: random.Random
) -> tuple[str, dict[str, int]]:
    """Paragraphs (one per line) of about `target_bytes` UTF-8 bytes, and usage counts."""
    counts = dict.fromkeys(("bare", "particle", "wrapped", "unspaced", "near-miss"), 0)
    lines, size = [], 0
    while size < target_bytes:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            tokens = []
            for _ in range(rng.randint(6, 14)):
                if rng.random() >= 0.25:
                    tokens.append(rng.choice(FILLER))
                    continue
                ko = rng.choice(terms)[0]
                if " " in ko and rng.random() < 0.5:
                    ko = ko.replace(" ", "")
                    counts["unspaced"] += 1
                roll = rng.random()
                if roll < 0.30:
                    token, kind = ko, "bare"
                elif roll < 0.85:
                    token, kind = ko + agreeing(rng.choice(PARTICLES), ko), "particle"
                elif roll < 0.92:
                    token, kind = rng.choice(WRAPPERS).format(ko), "wrapped"
                elif roll < 0.96:
                    token, kind = ko + rng.choice(NOT_PARTICLES), "near-miss"
                else:
                    token, kind = rng.choice(HANGUL_BEFORE) + ko, "near-miss"
                counts[kind] += 1
                tokens.append(token)
            sentences.append(" ".join(tokens) + ".")
        line = " ".join(sentences) + "\n"
        lines.append(line)
        size += len(line.encode("utf-8"))
    return "".join(lines), counts


# --------------------------------------------------------------------------- helpers


def timed(function, repeat: int = 1, before=None) -> tuple[float, object]:
    """Median wall time of `repeat` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        if before:
            before()
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return median(times), result


def count(iterator) -> int:
    hits = 0
    for _ in iterator:
        hits += 1
    return hits


def mb_per_s(n_bytes: int, seconds: float) -> str:
    return f"{n_bytes / 1e6 / seconds:,.2f} MB/s"


def prefix_of_bytes(text: str, n_bytes: int) -> str:
    """The longest prefix of `text` whose UTF-8 encoding is at most `n_bytes`."""
    return text.encode("utf-8")[:n_bytes].decode("utf-8", errors="ignore")


def python_output(script: str, *args: str, env: dict[str, str]) -> list[str]:
    """The whitespace-separated words a `python -c script args...` child prints."""
    return subprocess.run(
        [sys.executable, "-c", script, *args], env=env, capture_output=True, text=True, check=True
    ).stdout.split()


FLOOR_SCRIPT = """\
import pickle, sys
with open(sys.argv[1], "rb") as handle:
    automaton = pickle.load(handle)
with open(sys.argv[2], encoding="utf-8") as handle:
    text = handle.read()
hits = 0
for _ in automaton.iter(text):
    hits += 1
print(hits)
"""

YAML_LOAD_SCRIPT = """\
import sys, yaml
with open(sys.argv[1], encoding="utf-8") as handle:
    yaml.load(handle.read(), Loader=yaml.CSafeLoader)
"""

# Raw load time of each compiled-cache file (no validation): JSON parts and the automaton.
CACHE_LOAD_SCRIPT = """\
import json, sys, time
import ahocorasick
for name in sys.argv[1:]:
    start = time.perf_counter()
    if name.endswith(".automaton"):
        ahocorasick.load(name, lambda data: None)
    else:
        with open(name, "rb") as handle:
            json.loads(handle.read())
    print(time.perf_counter() - start)
"""

# A warm `bilingo scan --format json`, phase by phase, in a fresh process.
BREAKDOWN_SCRIPT = """\
import io, json, sys, time
start = time.perf_counter()
import bilingo.cli
from bilingo.glossary import load_glossary
from bilingo.matcher import scan_lines
imported = time.perf_counter()
try:  # what typer imports when it parses the arguments (pydantic, in the typer installed)
    import typer._adapters
except ImportError:
    pass
parsing = time.perf_counter()
glossary = load_glossary([sys.argv[1]])
loaded = time.perf_counter()
matcher = glossary.matcher()
built = time.perf_counter()
with open(sys.argv[2], encoding="utf-8", newline="") as handle:
    found = list(scan_lines(handle, matcher))
scanned = time.perf_counter()
out = io.StringIO()
for located in found:
    out.write(json.dumps(located.match.to_dict(), ensure_ascii=False))
dumped = time.perf_counter()
marks = [start, imported, parsing, loaded, built, scanned, dumped]
print(*(later - earlier for earlier, later in zip(marks, marks[1:])))
"""

BREAKDOWN_PHASES = [
    "import bilingo.cli (typer, click, yaml, ...)",
    "import typer._adapters (pydantic; typer loads it to parse args)",
    "load_glossary (reads and checks rows JSON)",
    "glossary.matcher() (reads the automaton and its JSON)",
    "scan_lines over the file",
    "json.dumps of every match",
]


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--terms", type=int, default=100_000)
    parser.add_argument("--text-bytes", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5, help="runs per whole-process median")
    parser.add_argument("--cold-runs", type=int, default=2, help="cold scans (cache deleted)")
    parser.add_argument("--inproc-runs", type=int, default=3, help="runs per in-process median")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--glossary", type=Path, help="a real glossary (file or folder) to use")
    parser.add_argument(
        "--regex-budget",
        type=float,
        default=60.0,
        help="seconds the regex may take on the full text before a 100 KB slice is used",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bilingo-bench-scan-") as tmp:
        env = isolate(Path(tmp) / "home")
        python, bilingo = sys.executable, bilingo_command()
        rng = random.Random(args.seed)

        start = time.perf_counter()
        glossary_file = Path(tmp) / "synthetic.yaml"
        if args.glossary:
            terms = copy_glossary(args.glossary, glossary_file)
        else:
            terms = make_terms(args.terms, rng)
            write_glossary(glossary_file, terms)
        text, usage = make_text(terms, args.text_bytes, rng)
        text_file = Path(tmp) / "text.txt"
        text_file.write_text(text, encoding="utf-8")
        text_bytes = len(text.encode("utf-8"))
        print(f"python:   {python} ({sys.version.split()[0]})")
        print(f"bilingo:  {' '.join(bilingo)}")
        print(f"machine:  {machine_note()}")
        print(f"data:     seed {args.seed}, made in {fmt_s(time.perf_counter() - start)}")
        print(
            f"glossary: {len(terms):,} terms ({sum(' ' in t[0] for t in terms):,} with a space), "
            f"{glossary_file.stat().st_size / 1e6:.1f} MB of YAML"
        )
        print(
            f"text:     {text_bytes:,} bytes, {len(text):,} chars, {text.count(chr(10)):,} lines; "
            f"term uses: {', '.join(f'{k} {v:,}' for k, v in usage.items())}\n"
        )

        # ---------------------------------------------------------- parsing, for context
        import yaml

        yaml_text = glossary_file.read_text(encoding="utf-8")
        yaml_s, _ = timed(lambda: yaml.load(yaml_text, Loader=yaml.CSafeLoader))
        events_s, _ = timed(lambda: count(yaml.parse(yaml_text, Loader=yaml.CSafeLoader)))
        yaml_text = None
        yaml_peak = peak_rss_mb([python, "-c", YAML_LOAD_SCRIPT, str(glossary_file)], env)

        from bilingo import korean
        from bilingo.glossary import load_glossary
        from bilingo.matcher import TermMatcher, scan_lines
        from bilingo.terms import ROW_KO, ROW_VARIANTS, without_spaces

        load_s, glossary = timed(lambda: load_glossary([glossary_file], use_cache=False))

        # ---------------------------------------------------------- bilingo's matcher
        build_s, matcher = timed(lambda: TermMatcher(glossary))
        # Move everything alive so far (the bench's own data included) out of the
        # collector's reach, so gen-2 collections over this big heap do not inflate
        # the in-process timings; the whole-process runs below pay GC as usual.
        gc.collect()
        gc.freeze()

        def fresh_state():  # as in a new process: no Term objects built, no chain memo
            glossary._built.clear()
            getattr(korean.is_particle_chain, "cache_clear", lambda: None)()

        def warm_memo():  # Term objects still rebuilt, but the particle-chain memo kept
            glossary._built.clear()

        find_s, found = timed(lambda: matcher.find(text), args.inproc_runs, before=fresh_state)
        warm_find_s, _ = timed(lambda: matcher.find(text), args.inproc_runs, before=warm_memo)
        lines = text.splitlines(keepends=True)
        scan_s, located = timed(lambda: list(scan_lines(lines, matcher)), 1, before=fresh_state)
        if len(located) != len(found):
            print(f"note: scan_lines found {len(located):,}, find(text) {len(found):,}")

        # ---------------------------------------------------------- keys, as the automaton has
        keys = sorted(
            {
                key
                for row in glossary.rows
                for form in (row[ROW_KO], *row[ROW_VARIANTS])
                for key in (form, without_spaces(form))
            },
            key=lambda k: (-len(k), k),
        )

        # ---------------------------------------------------------- baseline A: re alternation
        compile_start = time.perf_counter()
        pattern = re.compile("|".join(map(re.escape, keys)))
        regex_compile_s = time.perf_counter() - compile_start
        probe = prefix_of_bytes(text, 10_000)
        probe_s, _ = timed(lambda: count(pattern.finditer(probe)))
        estimate = probe_s * text_bytes / len(probe.encode("utf-8"))
        if estimate <= args.regex_budget:
            regex_s, regex_hits = timed(lambda: count(pattern.finditer(text)))
            regex_note = f"full text (estimated {fmt_s(estimate)} from a 10 KB probe)"
        else:
            sample = prefix_of_bytes(text, 100_000)
            sample_bytes = len(sample.encode("utf-8"))
            sample_s, sample_hits = timed(lambda: count(pattern.finditer(sample)))
            regex_s = sample_s * text_bytes / sample_bytes
            regex_hits = round(sample_hits * text_bytes / sample_bytes)
            regex_note = (
                f"SCALED: timed on a {sample_bytes:,}-byte slice ({fmt_s(sample_s)}) x"
                f"{text_bytes / sample_bytes:.1f}; hits scaled too"
            )
        pattern = None  # free the 100k-branch regex

        # ---------------------------------------------------------- baseline B: bare automaton
        import ahocorasick

        def bare_automaton():
            automaton = ahocorasick.Automaton()
            for index, key in enumerate(keys):
                automaton.add_word(key, (index, len(key), 0))  # same value shape as bilingo's
            automaton.make_automaton()
            return automaton

        bare_build_s, automaton = timed(bare_automaton)
        bare_s, bare_hits = timed(lambda: count(automaton.iter(text)), args.inproc_runs)
        bare_long_s, bare_long_hits = timed(
            lambda: count(automaton.iter_long(text)), args.inproc_runs
        )
        automaton_file = Path(tmp) / "automaton.pickle"
        automaton_file.write_bytes(pickle.dumps(automaton, protocol=pickle.HIGHEST_PROTOCOL))
        automaton = None
        floor = run_times(
            [python, "-c", FLOOR_SCRIPT, str(automaton_file), str(text_file)], env, args.runs
        )
        startup = run_times([python, "-c", "pass"], env, args.runs)

        # ---------------------------------------------------------- whole-process bilingo
        scan_cmd = [*bilingo, "scan", str(text_file), "--format", "json", "-g", str(glossary_file)]
        cold = run_times(scan_cmd, env, args.cold_runs, before=clear_cache)  # warm-up: .pyc
        clear_cache()
        cold_peak = peak_rss_mb(scan_cmd, env)
        run(scan_cmd, env)  # the cache exists again: warm runs from here
        cache_files = sorted(cache_folder().glob("*-*.*"))  # not the hidden temp files
        warm = run_times(scan_cmd, env, args.runs, warmup=False)
        warm_peak = peak_rss_mb(scan_cmd, env)

        query_term = next(ko for ko, _, _ in terms[len(terms) // 2 :] if " " not in ko)
        query = query_term + agreeing(("에서는", "에서는"), query_term)
        lookup_cmd = [*bilingo, "lookup", query, "-g", str(glossary_file)]
        lookup = run_times(lookup_cmd, env, max(args.runs, 5))
        miss_cmd = [*bilingo, "lookup", "없는말이에요", "-g", str(glossary_file)]
        miss = [run(miss_cmd, env, expect_ok=False) for _ in range(3)][1:]

        # ---------------------------------------------------------- context, fresh processes
        loaded = python_output(CACHE_LOAD_SCRIPT, *map(str, cache_files), env=env)
        cache_loads = [
            (re.sub(r"-[0-9a-f]{16,24}", "", path.name), path.stat().st_size, float(seconds))
            for path, seconds in zip(cache_files, loaded, strict=True)
        ]
        breakdown = [
            [float(x) for x in python_output(BREAKDOWN_SCRIPT, *map(str, (glossary_file, text_file)), env=env)]
            for _ in range(3)
        ]  # fmt: skip

    # -------------------------------------------------------------- report
    print(f"machine after: {machine_note()}\n")
    regex_ratio = regex_s / find_s
    floor_ratio = median(warm) / median(floor)
    print("in-process (MB = 10^6 bytes of input):")
    print_table(
        [
            ["bilingo TermMatcher.find(text)", fmt_s(find_s), mb_per_s(text_bytes, find_s),
             f"{len(found):,} matches; as in a fresh process"],
            ["  (same, particle-chain memo warm)", fmt_s(warm_find_s),
             mb_per_s(text_bytes, warm_find_s), "korean.is_particle_chain lru_cache kept"],
            ["  (scan_lines, line by line)", fmt_s(scan_s), mb_per_s(text_bytes, scan_s),
             f"{len(located):,} matches"],
            ["  build TermMatcher (automaton)", fmt_s(build_s), "", "not in find time"],
            ["A: re alternation finditer", fmt_s(regex_s), mb_per_s(text_bytes, regex_s),
             f"{regex_hits:,} hits; {regex_note}"],
            ["  re.compile", fmt_s(regex_compile_s), "", f"{len(keys):,} keys"],
            ["B: bare pyahocorasick iter", fmt_s(bare_s), mb_per_s(text_bytes, bare_s),
             f"{bare_hits:,} raw hits"],
            ["B: bare pyahocorasick iter_long", fmt_s(bare_long_s),
             mb_per_s(text_bytes, bare_long_s), f"{bare_long_hits:,} hits"],
            ["  build bare automaton", fmt_s(bare_build_s), "", ""],
            ["yaml.load CSafeLoader (context)", fmt_s(yaml_s), "",
             f"{glossary_file.name}; peak RSS {yaml_peak:.0f} MB (fresh process)"],
            ["yaml.parse CSafeLoader, events only", fmt_s(events_s), "", "no node tree built"],
            ["bilingo load_glossary, no cache", fmt_s(load_s), "", "parse+validate+index"],
        ],
        ["measure", "time", "throughput", "notes"],
    )  # fmt: skip

    print(f"\nwhole process (median of {args.runs}; cold: {args.cold_runs} run(s)):")
    print_table(
        [
            ["python -c pass", fmt_s(median(startup)), "", ""],
            ["B: bare pass (unpickle + read + iter)", fmt_s(median(floor)), "",
             "practical floor"],
            ["bilingo scan --format json, cold", fmt_s(median(cold)), "", "cache deleted"],
            ["bilingo scan --format json, warm", fmt_s(median(warm)),
             f"<= {FLOOR_RATIO_TARGET}x floor", verdict(floor_ratio <= FLOOR_RATIO_TARGET)],
            [f"bilingo lookup {query} (warm)", fmt_s(median(lookup)),
             f"<= {LOOKUP_TARGET_S} s", verdict(median(lookup) <= LOOKUP_TARGET_S)],
            ["bilingo lookup <no such term> (warm)", fmt_s(median(miss)), "",
             "info: runs suggestions"],
            ["peak RSS, warm scan", f"{warm_peak:.0f} MB", f"<= {MEMORY_TARGET_MB} MB",
             verdict(warm_peak <= MEMORY_TARGET_MB)],
            ["peak RSS, cold scan", f"{cold_peak:.0f} MB", f"<= {MEMORY_TARGET_MB} MB",
             verdict(cold_peak <= MEMORY_TARGET_MB)],
        ],
        ["measure", "value", "target", ""],
    )  # fmt: skip

    print("\nratios:")
    print_table(
        [
            ["matcher vs regex (speed-up)", f"{regex_ratio:,.0f}x",
             f">= {REGEX_RATIO_TARGET}x", verdict(regex_ratio >= REGEX_RATIO_TARGET)],
            ["warm scan / bare-pass whole process", f"{floor_ratio:.2f}x",
             f"<= {FLOOR_RATIO_TARGET}x", verdict(floor_ratio <= FLOOR_RATIO_TARGET)],
            ["matcher find / bare iter (in-process)", f"{find_s / bare_s:.1f}x", "", "info"],
        ],
        ["ratio", "value", "target", ""],
    )  # fmt: skip

    print("\ncompiled cache (context; raw load in a fresh process, no checks):")
    print_table(
        [[kind, f"{size / 1e6:.1f} MB", fmt_s(seconds)] for kind, size, seconds in cache_loads],
        ["file", "size", "load"],
    )

    print("\nwarm scan phase by phase (context; fresh process, median of 3):")
    phases = [median(column) for column in zip(*breakdown, strict=True)]
    print_table(
        [[name, fmt_s(seconds)] for name, seconds in zip(BREAKDOWN_PHASES, phases, strict=True)]
        + [["sum (interpreter start-up not included)", fmt_s(sum(phases))]],
        ["phase", "time"],
    )


if __name__ == "__main__":
    main()
