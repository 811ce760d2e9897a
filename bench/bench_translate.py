"""Benchmark `bilingo translate` as a whole process (issue 4, speed). Run by hand:

Needs the bench extra for baseline (b): `python -m pip install -e '.[bench]'`
(argos-translate-lt, which the library itself no longer uses).

    python bench/bench_translate.py [--sentences 320] [--runs 5] [--argos-runs N] [--none-runs 10]
                                    [--seed 0] [--idle-check] [--profile]

Setup, in a temp folder (XDG_DATA_HOME, XDG_CACHE_HOME, XDG_CONFIG_HOME, HOME,
BILINGO_MODELS_DIR and, for argostranslate, ARGOS_PACKAGES_DIR all point into it;
nothing uses the network):
- the tiny ko->en identity Argos package from tests/tiny_argos.py (its model
  copies its input; int8 weights, real SentencePiece + CTranslate2 formats),
  installed with `bilingo model install --file`;
- a document of --sentences distinct Korean news-like sentences (seeded), ONE
  SENTENCE PER LINE: bundled-glossary terms with particles (딥시크의, 엔비디아가,
  하이퍼스케일러들은, 마크 앤드리센은 ...) and money figures (557만6000달러, 12억 달러,
  3조 원 ...). One sentence per line means bilingo's segmenter, the floor's line
  split and argostranslate's paragraph split (with its no-op sentence splitter)
  all hand the model the same sentences; the bench checks that for bilingo.

Measured (median wall time of --runs whole-process runs after one untimed warm-up,
stdout to /dev/null; the four translate commands are run in interleaved rounds, the
order turning each round, so machine load drifts hit them alike; argostranslate,
about 40 s a run, only in the first --argos-runs rounds):
- `bilingo translate DOC --engine argos` (the warm-up builds bilingo's compiled
  glossary cache from the bundled glossary; timed runs read the cache);
- baseline (a), the floor: a small script that imports ctranslate2 +
  sentencepiece, loads the same installed package (compute_type "auto", device
  cpu, inter_threads and intra_threads as bilingo's ArgosEngine sets them by
  default: bilingo.engines.argos.thread_settings), reads the
  document, encodes every line and translates them in ONE translate_batch call
  with bilingo's options (beam_size, length_penalty, replace_unknowns,
  max_batch_size/batch_type "tokens", max_decoding_length, read from
  bilingo.engines.argos), no glossary, and writes the detokenized lines;
- for information, (a'): the same floor script on bilingo's glossary-prepared
  text (terms in English, figures exact: what `--engine none` writes, and what
  the identity model copies), which separates bilingo's own overhead from the
  change in input length the glossary makes (piece counts of both are printed);
- baseline (b): argostranslate's own translate() on the same .argosmodel: a script
  that points ARGOS_PACKAGES_DIR and the XDG folders at the temp folder, installs
  the package with argostranslate.package.install_from_path (only if it is not
  installed yet, i.e. in the warm-up run), stubs `stanza` when it is missing, swaps
  the sentence splitter for a no-op (argostranslate would otherwise download its own
  sentence model), and translates the WHOLE document in one translate() call (which
  splits it into paragraphs = lines and runs one translate_batch per line, beam 4,
  max_batch_size 32 tokens: argostranslate's defaults);
- `bilingo translate --engine none` of one sentence on stdin (median of --none-runs
  runs), with `python -c "import typer"` and `python -c pass` for context.

Targets (judged on median wall time; issue 13): bilingo / (a) <= 1.1; (b) / bilingo >= 1.3;
--engine none <= 0.4 s. For reading the figures on a shared machine the table also
shows each command's median CPU time (user + system of the child, all threads), the
ratios on CPU time, and the ratios of the fastest runs (best/best).
With --profile (or when a target is missed) the bench also prints where bilingo's
time goes: the slowest imports (-X importtime), the phases of one translation timed
in one process without a profiler (imports, glossary load, engine load, segment,
prepare, CTranslate2, repairs), and a cProfile of the translate command (the
src/bilingo functions with the largest cumulative time).
"""

from __future__ import annotations

import argparse
import pstats
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _benchutil import (
    ROOT,
    bilingo_command,
    fmt_s,
    isolate,
    load_gate,
    machine_note,
    median,
    parse_importtime,
    print_table,
    run,
    verdict,
)

FLOOR_TARGET = 1.1  # bilingo / bare CTranslate2 at the same settings (issue 13)

sys.path.insert(0, str(ROOT / "tests"))

# ------------------------------------------------------------------ the document

# (Korean form, whether it ends in a final consonant: picks 은/는, 이/가, 을/를, 과/와)
SUBJECTS = [
    ("딥시크", False),
    ("엔비디아", False),
    ("하이퍼스케일러들", False),
    ("오픈AI", False),
    ("마이크로소프트", False),
    ("삼성전자", False),
    ("SK하이닉스", False),
    ("구글", True),
    ("메타", False),
    ("알리바바", False),
    ("텐센트", False),
    ("화웨이", False),
    ("TSMC", False),
    ("인텔", True),
    ("AMD", False),
    ("애플", True),
    ("아마존", True),
    ("앤트로픽", True),
    ("마크 앤드리센", True),
    ("샘 올트먼 최고경영자", True),
    ("젠슨 황 최고경영자", True),
    ("량원펑 창업자", True),
    ("트럼프 대통령", True),
    ("백악관", True),
    ("상무부", False),
    ("한국은행", True),
]
TOPICS = [
    "추론 모델",
    "데이터센터",
    "오픈소스 모델",
    "GPU 클러스터",
    "인공지능 반도체",
    "클라우드",
    "고성능 메모리",
    "AI 에이전트",
    "검색 서비스",
    "자율주행 기술",
]
PLACES = ["서울", "베이징", "워싱턴", "샌프란시스코", "선전", "도쿄", "대만 신주", "실리콘밸리"]
QUOTES = [
    "효율성이 가장 중요한 경쟁력",
    "이번 발표는 시장의 판도를 바꿀 것",
    "수요는 여전히 공급을 웃돌고 있다",
    "우리는 장기적인 투자를 멈추지 않을 것",
    "비용 절감이 곧 혁신의 시작",
]


def particle(has_final: bool, with_final: str, without_final: str) -> str:
    return with_final if has_final else without_final


def has_final(word: str) -> bool:
    """Whether a word ending in a Hangul syllable ends in a final consonant."""
    last = ord(word[-1]) - 0xAC00
    return 0 <= last < 11172 and last % 28 != 0


def money_figure(rng: random.Random) -> tuple[str, bool]:
    """A Korean money figure and whether it ends in a final consonant."""
    kind = rng.randrange(5)
    if kind == 0:
        return f"{rng.randint(1, 9999)}만{rng.randint(1, 9) * 1000}달러", False
    if kind == 1:
        return f"{rng.randint(1, 999)}억 달러", False
    if kind == 2:
        return f"{rng.randint(1, 99)}조 원", True
    if kind == 3:
        return f"{rng.randint(1, 9999)}억 원", True
    return f"{rng.randint(1, 99)}억{rng.randint(1, 9)}000만 달러", False


def make_sentences(count: int, seed: int = 0) -> list[str]:
    """`count` distinct Korean news-like sentences with glossary terms and money figures."""
    rng = random.Random(seed)
    sentences: list[str] = []
    seen: set[str] = set()
    while len(sentences) < count:
        (s, s_final), (o, o_final) = rng.sample(SUBJECTS, 2)
        topic, place, quote = rng.choice(TOPICS), rng.choice(PLACES), rng.choice(QUOTES)
        money, m_final = money_figure(rng)
        topic_s = s + particle(s_final, "은", "는")
        subject = s + particle(s_final, "이", "가")
        percent = f"{rng.randint(1, 89)}.{rng.randint(1, 9)}%"
        templates = [
            f"{s}의 {topic} 훈련 비용은 {money}에 그친 것으로 알려졌다.",
            f"{topic_s} 올해 {topic} 투자를 {money}{particle(m_final, '으로', '로')} "
            f"늘릴 계획이라고 밝혔다.",
            f"{subject} {place}에서 {topic} 전략을 공개하자 {o}의 주가는 하루 만에 "
            f"{percent} 떨어졌다.",
            f"{topic_s} {o}{particle(o_final, '과', '와')} 손잡고 {money} 규모의 "
            f"{topic} 사업에 나선다.",
            f"{topic_s} “{quote}”{particle(has_final(quote), '이라며', '라며')} "
            f"{o}{particle(o_final, '을', '를')} 겨냥했다.",
            f"업계에서는 {s}의 {topic}{particle(has_final(topic), '이', '가')} "
            f"스푸트니크 모먼트가 될 수 있다는 분석이 나온다.",
            f"{subject} 지난 분기 {topic} 부문에서 {money}의 매출을 올렸다고 발표했다.",
            f"{topic_s} 엔비디아 GPU {rng.randint(2, 900)}만 개를 확보하는 데 "
            f"{money}{particle(m_final, '을', '를')} 썼다.",
            f"하이퍼스케일러들은 {s}의 {topic} 발표 이후 {place} 데이터센터 증설 계획을 "
            f"다시 검토하고 있다.",
            f"마크 앤드리센은 {s}의 성과를 두고 {o}에게도 {percent}의 비용 절감 여지가 "
            f"있다고 평가했다.",
        ]
        sentence = rng.choice(templates)
        if sentence not in seen:
            seen.add(sentence)
            sentences.append(sentence)
    return sentences


# ------------------------------------------------------------------ baseline scripts

FLOOR_SCRIPT = """\
import sys
import ctranslate2
import sentencepiece

document, package = sys.argv[1], sys.argv[2]
with open(document, encoding="utf-8") as handle:
    lines = handle.read().splitlines()
processor = sentencepiece.SentencePieceProcessor(model_file=package + "/sentencepiece.model")
translator = ctranslate2.Translator(
    package + "/model",
    device="cpu",
    compute_type="auto",
    inter_threads={inter_threads},
    intra_threads={intra_threads},
)
indexes = [i for i, line in enumerate(lines) if line.strip()]
pieces = [processor.encode(lines[i], out_type=str) for i in indexes]
longest = max(len(p) for p in pieces)
results = translator.translate_batch(
    pieces,
    beam_size={beam_size},
    num_hypotheses=1,
    length_penalty={length_penalty},
    replace_unknowns=True,
    max_input_length=0,
    max_decoding_length=max({min_decoding}, 2 * longest),
    max_batch_size=max({batch_tokens}, longest),
    batch_type="tokens",
)
out = list(lines)
for i, result in zip(indexes, results):
    text = processor.decode_pieces(result.hypotheses[0])
    out[i] = text[1:] if text.startswith(" ") else text
sys.stdout.write("\\n".join(out) + "\\n")
"""

ARGOS_SCRIPT = """\
import importlib.util
import os
import socket
import sys
import types

document, archive, home = sys.argv[1], sys.argv[2], sys.argv[3]
# argostranslate reads its settings at import time: set the folders first.
os.environ["ARGOS_PACKAGES_DIR"] = os.path.join(home, "packages")
for key in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[key] = os.path.join(home, key.lower())
os.environ["HOME"] = home


def refuse(*args, **kwargs):
    raise OSError("network access is disabled in this benchmark")


socket.socket.connect = refuse
if importlib.util.find_spec("stanza") is None:
    # argostranslate/sbd.py imports stanza at top level; only its Stanza splitter uses it.
    sys.modules["stanza"] = types.ModuleType("stanza")
import argostranslate.package as argos_package
import argostranslate.translate as argos_translate

if not any(p.from_code == "ko" and p.to_code == "en"
           for p in argos_package.get_installed_packages()):
    argos_package.install_from_path(archive)
    argos_translate.get_installed_languages.cache_clear()


class WholeParagraph:
    # No-op sentence splitter: the default one would download a MiniSBD model.
    def split_sentences(self, text):
        return [text]


translation = argos_translate.get_translation_from_codes("ko", "en")
translation.underlying.sentencizer = WholeParagraph()
with open(document, encoding="utf-8") as handle:
    text = handle.read()
sys.stdout.write(argos_translate.translate(text, "ko", "en") + "\\n")
"""

PHASES_SCRIPT = """\
import sys
import time

start = time.perf_counter()
from bilingo import cli  # typer, bilingo.glossary, bilingo.translation ...

imported = time.perf_counter()
import bilingo.translation.pipeline as pipeline
from bilingo.engines import get_engine
from bilingo.glossary import load_glossary

spent = {"split_document": 0.0, "prepare_source": 0.0, "repair_outputs": 0.0, "translate_batch": 0.0}


def timed(name, function):
    def wrapper(*args, **kwargs):
        began = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - began

    return wrapper


for name in ("split_document", "prepare_source", "repair_outputs"):
    setattr(pipeline, name, timed(name, getattr(pipeline, name)))
glossary = load_glossary(None)
loaded = time.perf_counter()
engine = get_engine("argos", "ko", "en", threads=0, compute_type="auto")
# translate_batch and the pipeline both go through start_batch; what it returns waits.
real_start_batch = engine.start_batch


def start_batch(*args, **kwargs):
    return timed("translate_batch", timed("translate_batch", real_start_batch)(*args, **kwargs))


engine.start_batch = start_batch
engine_ready = time.perf_counter()
with open(sys.argv[1], encoding="utf-8") as handle:
    text = handle.read()
result = pipeline.run_pipeline(text, glossary, engine)
translated = time.perf_counter()
output = result.render("text")
done = time.perf_counter()
inside = translated - engine_ready - sum(spent.values())
rows = [
    ("import bilingo.cli (typer, bilingo modules)", imported - start),
    ("load_glossary (compiled cache)", loaded - imported),
    ("get_engine argos (ctranslate2 import, model load)", engine_ready - loaded),
    ("pipeline: split_document", spent["split_document"]),
    ("pipeline: prepare_source (terms, figures)", spent["prepare_source"]),
    ("pipeline: engine (CTranslate2: encode, start, wait)", spent["translate_batch"]),
    ("pipeline: repair_outputs", spent["repair_outputs"]),
    ("pipeline: the rest (reassemble, result)", inside),
    ("format_translation", done - translated),
]
for label, seconds in rows:
    print(f"{label}\t{seconds}")
"""

PROFILE_SCRIPT = """\
import cProfile
import sys

stats_file, args = sys.argv[1], sys.argv[2:]
profiler = cProfile.Profile()
profiler.enable()
try:
    from bilingo.cli import app

    app(args=args, prog_name="bilingo")
except SystemExit:
    pass
profiler.disable()
profiler.dump_stats(stats_file)
"""


def run_with_input(cmd: list[str], env: dict[str, str], data: bytes) -> float:
    """Wall time of one whole child process fed `data` on stdin; stdout discarded."""
    start = time.perf_counter()
    result = subprocess.run(
        cmd, env=env, input=data, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(
            f"command failed ({result.returncode}): {' '.join(cmd)}\n"
            + result.stderr.decode(errors="replace")
        )
    return elapsed


def output_of(cmd: list[str], env: dict[str, str], data: bytes | None = None) -> str:
    result = subprocess.run(cmd, env=env, input=data, capture_output=True)
    if result.returncode != 0:
        raise SystemExit(
            f"command failed ({result.returncode}): {' '.join(cmd)}\n"
            + result.stderr.decode(errors="replace")
        )
    return result.stdout.decode()


def run_cpu(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system, all threads) of one whole child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = run(cmd, env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def interleaved(
    commands: dict[str, list[str]], env: dict[str, str], runs: int, fewer: dict[str, int]
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Wall and CPU times per command, `runs` rounds after one untimed warm-up round, the
    order turning each round; a command of `fewer` runs only in that many timed rounds."""
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    names = list(commands)
    for round_number in range(runs + 1):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            if round_number > fewer.get(name, runs):
                continue
            wall, cpu = run_cpu(commands[name], env)
            if round_number:
                walls[name].append(wall)
                cpus[name].append(cpu)
            else:
                print(f"  warm-up {name}: {fmt_s(wall)}", flush=True)
    return walls, cpus


def quartiles(values: list[float]) -> str:
    """The first and third quartiles of ratios, as `1.01..1.07`."""
    if len(values) < 2:
        return ""
    first, _, third = statistics.quantiles(values, n=4)
    return f"{first:.2f}..{third:.2f}"


def spread(values: list[float]) -> str:
    return f"{fmt_s(min(values))}..{fmt_s(max(values))}"


# ------------------------------------------------------------------ profile


def profile(bilingo: list[str], document: Path, env: dict[str, str], scratch: Path) -> None:
    print("\n== where bilingo translate --engine argos spends its time ==")
    script = bilingo[0]
    if len(bilingo) == 1:
        importtime_cmd = [sys.executable, "-X", "importtime", script]
    else:  # no console script: the -c fallback
        importtime_cmd = [sys.executable, "-X", "importtime", *bilingo[1:]]
    importtime_cmd += ["translate", str(document), "--engine", "argos"]
    stderr = subprocess.run(
        importtime_cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    ).stderr
    rows = parse_importtime(stderr)
    total_top = sum(cumulative for _, _, cumulative, depth in rows if depth == 0)
    print(f"\n-X importtime: all top-level imports {total_top / 1e6:.3f} s; slowest top-level:")
    top = sorted((r for r in rows if r[3] == 0), key=lambda r: -r[2])[:12]
    print_table(
        [(name, f"{cum / 1000:.1f} ms", f"{own / 1000:.1f} ms") for name, own, cum, _ in top],
        ["module", "cumulative", "self"],
    )
    ours = sorted((r for r in rows if r[0].startswith("bilingo")), key=lambda r: -r[2])[:12]
    print("\nbilingo modules (cumulative includes what they import):")
    print_table(
        [(name, f"{cum / 1000:.1f} ms", f"{own / 1000:.1f} ms") for name, own, cum, _ in ours],
        ["module", "cumulative", "self"],
    )

    phases = subprocess.run(
        [sys.executable, "-c", PHASES_SCRIPT, str(document)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    print("\nphases in one process, no profiler (interpreter start-up not included):")
    print_table(
        [
            (label, fmt_s(float(seconds)))
            for label, seconds in (line.split("\t") for line in phases.splitlines())
        ],
        ["phase", "wall"],
    )

    stats_file = scratch / "translate.prof"
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-c",
            PROFILE_SCRIPT,
            str(stats_file),
            "translate",
            str(document),
            "--engine",
            "argos",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        check=True,
    )
    wall = time.perf_counter() - start
    stats = pstats.Stats(str(stats_file))
    entries = []
    for (filename, line, function), (_, calls, own, cumulative, _) in stats.stats.items():
        entries.append((filename, line, function, calls, own, cumulative))
    source = str(ROOT / "src" / "bilingo")
    print(f"\ncProfile of the translate command (whole process {fmt_s(wall)} under the profiler):")
    ours = sorted((e for e in entries if e[0].startswith(source)), key=lambda e: -e[5])[:20]
    print("src/bilingo functions by cumulative time:")
    print_table(
        [
            (
                f"{Path(f).relative_to(ROOT / 'src')}:{line} {function}",
                str(calls),
                f"{cum * 1000:.1f} ms",
                f"{own * 1000:.1f} ms",
            )
            for f, line, function, calls, own, cum in ours
        ],
        ["function", "calls", "cumulative", "self"],
    )
    print("\nall functions by self time:")
    slow = sorted(entries, key=lambda e: -e[4])[:12]
    print_table(
        [
            (f"{Path(f).name}:{line} {function}", str(calls), f"{own * 1000:.1f} ms")
            for f, line, function, calls, own, _ in slow
        ],
        ["function", "calls", "self"],
    )


# ------------------------------------------------------------------ main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=320, help="distinct sentences (300+)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per translate command")
    parser.add_argument(
        "--argos-runs",
        type=int,
        default=0,
        help="timed runs of argostranslate (b), ~40 s each (default: --runs)",
    )
    parser.add_argument("--none-runs", type=int, default=10, help="timed runs of --engine none")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", action="store_true", help="profile even if targets are met")
    parser.add_argument("--idle-check", action="store_true", help="exit 2 on a busy machine")
    args = parser.parse_args()
    load_gate(args.idle_check)
    began = time.perf_counter()

    with tempfile.TemporaryDirectory(prefix="bilingo-bench-translate-") as tmp:
        scratch = Path(tmp)
        env = isolate(scratch / "home")  # also sets os.environ for the imports below

        import tiny_argos

        from bilingo.engines import argos as argos_engine
        from bilingo.models import find_model
        from bilingo.sentences import split_document

        bilingo = bilingo_command()
        start = time.perf_counter()
        archive = tiny_argos.build_package(scratch / "build", "ko", "en")
        built = time.perf_counter() - start
        run([*bilingo, "model", "install", "--file", str(archive)], env)
        package = find_model("ko", "en")

        sentences = make_sentences(args.sentences, args.seed)
        document = scratch / "news.ko.txt"
        document.write_text("\n".join(sentences) + "\n", encoding="utf-8")
        seen_by_bilingo = [
            s for p in split_document(document.read_text("utf-8"), "ko") for s in p.sentences
        ]
        if seen_by_bilingo != sentences:
            print(
                f"WARNING: bilingo segments the document into {len(seen_by_bilingo)} sentences, "
                f"not the {len(sentences)} lines the baselines translate"
            )
        print(f"machine: {machine_note()}; python {sys.version.split()[0]}")
        print(
            f"package: tiny identity {archive.name} built in {built:.2f} s, installed at "
            f"{package.path}"
        )
        print(
            f"document: {len(sentences)} distinct sentences, one per line, "
            f"{len(document.read_bytes()):,} bytes; bilingo sees {len(seen_by_bilingo)} sentences"
        )

        floor_file = scratch / "floor.py"
        floor_file.write_text(
            FLOOR_SCRIPT.format(
                beam_size=argos_engine.DEFAULT_BEAM_SIZE,
                length_penalty=argos_engine.LENGTH_PENALTY,
                min_decoding=argos_engine.MIN_DECODING_LENGTH_LIMIT,
                batch_tokens=argos_engine.MAX_BATCH_TOKENS,
                **argos_engine.thread_settings(0, "cpu"),
            ),
            encoding="utf-8",
        )
        argos_file = scratch / "argos_translate.py"
        argos_file.write_text(ARGOS_SCRIPT, encoding="utf-8")
        argos_home = scratch / "argos_home"
        argos_home.mkdir()

        # What bilingo hands the model: the glossary-prepared text (terms in English,
        # figures exact). The identity model copies it, so --engine none writes it too.
        prepared = scratch / "news.prepared.txt"
        none_cmd = [*bilingo, "translate", "--engine", "none"]
        prepared.write_text(
            output_of([*bilingo, "translate", str(document), "--engine", "none"], env),
            encoding="utf-8",
        )
        import sentencepiece

        processor = sentencepiece.SentencePieceProcessor(model_file=str(package.tokenizer_path))
        source_lines = document.read_text("utf-8").splitlines()
        prepared_lines = prepared.read_text("utf-8").splitlines()
        source_pieces = sum(len(processor.encode(line)) for line in source_lines)
        prepared_pieces = sum(len(processor.encode(line)) for line in prepared_lines)
        print(
            f"SentencePiece pieces: {source_pieces:,} in the document (what (a) and (b) "
            f"translate), {prepared_pieces:,} in bilingo's glossary-prepared text"
        )

        commands = {
            "bilingo": [*bilingo, "translate", str(document), "--engine", "argos"],
            "floor (a)": [sys.executable, str(floor_file), str(document), str(package.path)],
            "floor (a')": [sys.executable, str(floor_file), str(prepared), str(package.path)],
            "argostranslate (b)": [
                sys.executable,
                str(argos_file),
                str(document),
                str(archive),
                str(argos_home),
            ],
        }
        argos_runs = min(args.argos_runs or args.runs, args.runs)
        print(
            f"\ntiming {args.runs} interleaved rounds after a warm-up round "
            f"(beam {argos_engine.DEFAULT_BEAM_SIZE}, compute_type auto, "
            f"{argos_engine.thread_settings(0, 'cpu')}, "
            f"max_batch_size {argos_engine.MAX_BATCH_TOKENS} tokens):",
            flush=True,
        )
        times, cpu_times = interleaved(
            commands, env, args.runs, fewer={"argostranslate (b)": argos_runs}
        )

        # Sanity: the identity model copies, so each output should equal its input.
        outputs = {name: output_of(cmd, env) for name, cmd in commands.items()}
        checks = {
            "bilingo": prepared_lines,
            "floor (a)": source_lines,
            "floor (a')": prepared_lines,
            "argostranslate (b)": source_lines,
        }
        for name, expected in checks.items():
            got = outputs[name].splitlines()
            same = sum(x == y for x, y in zip(got, expected, strict=False))
            print(f"  check {name}: {same}/{len(expected)} output lines equal their input")

        one_sentence = (sentences[0] + "\n").encode()
        none_times = [
            run_with_input(none_cmd, env, one_sentence) for _ in range(args.none_runs + 1)
        ][1:]
        typer_times = [
            run([sys.executable, "-c", "import typer"], env) for _ in range(args.none_runs + 1)
        ][1:]
        pass_times = [run([sys.executable, "-c", "pass"], env) for _ in range(args.none_runs + 1)][
            1:
        ]

        prepared_floor = "floor (a')"
        b = median(times["bilingo"])
        a = median(times["floor (a)"])
        a_prepared = median(times["floor (a')"])
        argos = median(times["argostranslate (b)"])
        none = median(none_times)
        floor_ratio = b / a
        argos_ratio = argos / b
        ok_floor = floor_ratio <= FLOOR_TARGET
        ok_argos = argos_ratio >= 1.3
        ok_none = none <= 0.4
        cpu = {name: median(values) for name, values in cpu_times.items()}

        # Each round runs bilingo and the floor within seconds of each other, so the ratio of
        # each round's pair is less moved by the machine's slower and faster minutes.
        paired = [b_i / a_i for b_i, a_i in zip(times["bilingo"], times["floor (a)"], strict=True)]

        def best(name):
            return min(times[name])

        def row(label, name, target="", result=""):
            values = times[name]
            return (label, fmt_s(median(values)), spread(values), fmt_s(cpu[name]), target, result)

        print(f"\n== bilingo translate, {len(sentences)} sentences, whole process ==")
        print_table(
            [
                row("bilingo translate DOC --engine argos", "bilingo"),
                row("(a) floor: bare ctranslate2 + sentencepiece", "floor (a)"),
                row("(b) argostranslate translate(), whole text", "argostranslate (b)"),
                row("(a') the same floor on bilingo's prepared text (info)", "floor (a')"),
                (
                    "bilingo / (a)",
                    f"{floor_ratio:.2f}",
                    f"best/best {best('bilingo') / best('floor (a)'):.2f}",
                    f"{cpu['bilingo'] / cpu['floor (a)']:.2f}",
                    f"<= {FLOOR_TARGET}",
                    verdict(ok_floor),
                ),
                (
                    "bilingo / (a), round by round (info)",
                    f"{median(paired):.2f}",
                    f"quartiles {quartiles(paired)}",
                    "",
                    "",
                    "",
                ),
                (
                    "bilingo / (a') (info)",
                    f"{b / a_prepared:.2f}",
                    f"best/best {best('bilingo') / best(prepared_floor):.2f}",
                    f"{cpu['bilingo'] / cpu[prepared_floor]:.2f}",
                    "",
                    "",
                ),
                (
                    "(b) / bilingo",
                    f"{argos_ratio:.2f}",
                    f"best/best {best('argostranslate (b)') / best('bilingo'):.2f}",
                    f"{cpu['argostranslate (b)'] / cpu['bilingo']:.2f}",
                    ">= 1.3",
                    verdict(ok_argos),
                ),
                (
                    "bilingo translate --engine none, 1 sentence (stdin)",
                    fmt_s(none),
                    spread(none_times),
                    "",
                    "<= 400 ms",
                    verdict(ok_none),
                ),
                (
                    'python -c "import typer" (context)',
                    fmt_s(median(typer_times)),
                    spread(typer_times),
                    "",
                    "",
                    "",
                ),
                (
                    "python -c pass (context)",
                    fmt_s(median(pass_times)),
                    spread(pass_times),
                    "",
                    "",
                    "",
                ),
            ],
            ["measure", "median wall", "min..max", "median CPU", "target", "result"],
        )
        print(
            f"(medians of {args.runs} runs for the translate commands ({argos_runs} for "
            f"argostranslate), {args.none_runs} for the "
            "rest; targets are on wall time (medians); best/best = ratio of the fastest runs; "
            "CPU = user + system time of the child, all threads; both for reading the "
            f"figures on a busy machine; bench took "
            f"{time.perf_counter() - began:.0f} s so far)"
        )
        if args.profile or not (ok_floor and ok_argos and ok_none):
            profile(bilingo, document, env, scratch)
        print(f"\nbench total {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
