"""Benchmark `bilingo serve`: concurrent clients against one-at-a-time translation. Run by hand:

    python bench/bench_serve.py [--clients 16] [--requests 320] [--runs 3] [--seed 0]
                                [--unbatched-runs 1] [--calls] [--threads N] [--idle-check]

Setup, in a temp folder (XDG_DATA_HOME, XDG_CACHE_HOME, XDG_CONFIG_HOME, HOME and
BILINGO_MODELS_DIR all point into it; nothing uses the network beyond loopback):
- the tiny ko->en identity Argos package from tests/tiny_argos.py (its model
  copies its input; real SentencePiece + CTranslate2 formats), installed with
  bilingo.models.install_from_file;
- --requests distinct short Korean news-style texts (seeded; one or two
  sentences each) with bundled-glossary terms and particles (딥시크의, 엔비디아가,
  삼성전자와, SK하이닉스는 ...) and money figures (557만6000달러, 12억 달러, 3조 원 ...).

Measured, in --runs interleaved rounds (each round sends every request once to
each variant, so machine-load drifts hit them alike):
- server: `bilingo serve --port P --engine argos` as a real subprocess (default
  settings: batching on, 5 ms window, 512 sentences per engine call), --clients
  client threads in this process, each with one keep-alive connection, sending
  its share of the requests one after another as POST /translate JSON
  {"q", "source": "ko", "target": "en"}; wall time from the start signal to the
  last answer gives the throughput, each request's round trip its latency;
- baseline A (the target's reference): the same requests translated one at a
  time through the library in this process, `translate_text(q, glossary,
  engine=engine)`, with the engine made once by `make_engine("argos", "ko", "en",
  **engine_settings())` (the server's engine options) and the default glossary
  loaded once (the set the server loads), i.e. one-at-a-time at its best;
- baseline B (for information): the same clients against a server with batching
  off: create_app(ServerSettings(engine="argos", max_batch_sentences=1)) run by
  uvicorn in a subprocess (--unbatched-runs rounds; 0 skips it), so each request
  is one engine call. That server also answers GET /_bench/stats with
  BatchingEngine.calls_made; with --calls a batched twin (the settings of
  `bilingo serve`, run the same way) is measured in one extra round, to show how
  many sentences each engine call carried.
- --threads N runs every variant with N CTranslate2 threads per call
  (`bilingo serve --threads N`); the default 0 is the server's and the library's.

Every answer is checked against baseline A's translation of the same text.
With the defaults the whole run takes 2-3 minutes on 2 CPUs.
Reported: requests/s (median of the rounds), p50/p95 latency (all rounds' requests
pooled), CPU seconds per request (server process and this process), the ratio
server / baseline A and the verdict against the target: at least 2x.
A load average above 1.0 per CPU makes the figures unreliable: the bench warns,
or with --idle-check exits with status 2 before measuring.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from _benchutil import (
    ROOT,
    bilingo_command,
    isolate,
    load_gate,
    machine_note,
    print_table,
    verdict,
)
from bench_translate import has_final, money_figure, particle

sys.path.insert(0, str(ROOT / "tests"))

TARGET_RATIO = 2.0

# ------------------------------------------------------------------ the requests

# (Korean name, whether it ends in a final consonant: picks 은/는, 이/가, 을/를, 과/와)
COMPANIES = [
    ("딥시크", False),
    ("엔비디아", False),
    ("삼성전자", False),
    ("SK하이닉스", False),
    ("오픈AI", False),
    ("TSMC", False),
    ("마이크로소프트", False),
    ("구글", True),
    ("애플", True),
    ("알리바바", False),
    ("화웨이", False),
    ("인텔", True),
    ("퀄컴", True),
    ("브로드컴", True),
    ("마이크론", True),
    ("오라클", True),
    ("소프트뱅크", False),
    ("네이버", False),
    ("카카오", False),
    ("현대자동차", False),
    ("LG에너지솔루션", True),
    ("SK텔레콤", True),
]
PEOPLE = [
    ("젠슨 황 엔비디아 최고경영자", True),
    ("량원펑 딥시크 창업자", True),
    ("샘 올트먼 오픈AI 최고경영자", True),
]
PRODUCTS = ["추론 모델", "데이터센터", "고대역폭메모리", "파운드리", "반도체", "인공지능 서비스"]
MARKETS = ["코스피", "나스닥"]
REGULATORS = [("미국 상무부", False), ("한국은행", True), ("연방준비제도", False)]


def _first_sentence(rng: random.Random) -> str:
    (a, a_final), (b, b_final) = rng.sample(COMPANIES, 2)
    product = rng.choice(PRODUCTS)
    money, m_final = money_figure(rng)
    percent = f"{rng.randint(1, 29)}.{rng.randint(1, 9)}%"
    choices = [
        f"{a}{particle(a_final, '은', '는')} {product} 투자에 {money}{particle(m_final, '을', '를')} "
        f"쓰기로 했다.",
        f"{a}의 {product} 매출은 지난 분기 {money}{particle(m_final, '이었', '였')}다.",
        f"{a}{particle(a_final, '이', '가')} {b}{particle(b_final, '과', '와')} {money} 규모의 "
        f"{product} 계약을 맺었다.",
        f"{a} 주가는 {b}의 발표 이후 {percent} 올랐다.",
        f"{a}{particle(a_final, '은', '는')} {b}에 {product}{particle(has_final(product), '을', '를')} 공급한다.",
    ]
    return rng.choice(choices)


def _second_sentence(rng: random.Random) -> str:
    (person, _), market = rng.choice(PEOPLE), rng.choice(MARKETS)
    regulator, r_final = rng.choice(REGULATORS)
    money, _ = money_figure(rng)
    choices = [
        f"{person}{particle(has_final(person), '은', '는')} 수요가 공급을 웃돈다고 말했다.",
        f"이날 {market} 지수는 {rng.randint(1, 9)}.{rng.randint(0, 9)}% 떨어졌다.",
        f"{regulator}{particle(r_final, '은', '는')} 수출규제를 검토하고 있다.",
        "업계는 이를 스푸트니크 모먼트라고 부른다.",
        f"총 투자액은 {money}에 이른다.",
    ]
    return rng.choice(choices)


def make_requests(count: int, seed: int = 0) -> list[str]:
    """`count` distinct short Korean news texts (one or two sentences each)."""
    rng = random.Random(seed)
    texts: list[str] = []
    seen: set[str] = set()
    while len(texts) < count:
        text = _first_sentence(rng)
        if rng.random() < 0.5:
            text += " " + _second_sentence(rng)
        if text not in seen:
            seen.add(text)
            texts.append(text)
    return texts


# ------------------------------------------------------------------ servers

# Batching off (or on, for the twin): the app `bilingo serve` runs, built with
# settings the command line does not offer, plus GET /_bench/stats.
SERVER_SCRIPT = """\
import json
import sys

import uvicorn

from bilingo.server import ServerSettings, create_app

port, max_batch, window_ms, threads = sys.argv[1:]
settings = ServerSettings(
    port=int(port),
    engine="argos",
    threads=int(threads),
    max_batch_sentences=int(max_batch),
    batch_window_ms=float(window_ms),
)
app = create_app(settings)


async def bench_app(scope, receive, send):
    if scope["type"] == "http" and scope["path"] == "/_bench/stats":
        engines = getattr(app.state.service, "_engines", {})
        calls = sum(getattr(engine, "calls_made", 0) for engine in engines.values())
        body = json.dumps({"calls_made": calls}).encode()
        headers = [(b"content-type", b"application/json")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})
        return
    await app(scope, receive, send)


uvicorn.run(bench_app, host="127.0.0.1", port=int(port), log_level="warning")
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    name: str
    process: subprocess.Popen
    port: int
    log: Path

    def get(self, path: str) -> dict:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            data = response.read()
            if response.status != 200:
                raise OSError(f"GET {path}: {response.status} {data[:200]!r}")
            return json.loads(data)
        finally:
            conn.close()

    def cpu_seconds(self) -> float:
        """User + system CPU time of the server process so far (all its threads; Linux)."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # uvicorn's graceful shutdown
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_server(name: str, cmd: list[str], env: dict[str, str], port: int, logs: Path) -> Server:
    log = logs / f"{name.split()[0]}-{port}.log"
    with log.open("wb") as handle:
        process = subprocess.Popen(cmd, env=env, stdout=handle, stderr=subprocess.STDOUT)
    server = Server(name, process, port, log)
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            raise SystemExit(
                f"{name} exited ({process.returncode}) before answering:\n"
                + log.read_text(errors="replace")
            )
        try:
            health = server.get("/health")
            if "ko-en" not in health.get("directions", ["ko-en"]):
                server.stop()
                raise SystemExit(f"{name} does not offer ko-en: {health}")
            return server
        except (OSError, http.client.HTTPException, ValueError):
            if time.monotonic() > deadline:
                server.stop()
                raise SystemExit(f"{name} did not answer /health within 60 s") from None
            time.sleep(0.1)


# ------------------------------------------------------------------ measuring


@dataclass
class Round:
    wall: float
    latencies: list[float]
    outputs: list[str]
    cpu_server: float = float("nan")
    cpu_here: float = float("nan")
    calls: int | None = None


@dataclass
class Variant:
    name: str
    rounds: list[Round] = field(default_factory=list)

    def throughputs(self) -> list[float]:
        return [len(r.latencies) / r.wall for r in self.rounds]

    def throughput(self) -> float:
        return statistics.median(self.throughputs())

    def latencies(self) -> list[float]:
        return [x for r in self.rounds for x in r.latencies]

    def cpu_per_request(self, which: str) -> float:
        total = sum(getattr(r, which) for r in self.rounds)
        return total / sum(len(r.latencies) for r in self.rounds)


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100), linear between the closest ranks."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def post_translate(conn: http.client.HTTPConnection, text: str) -> str:
    body = json.dumps({"q": text, "source": "ko", "target": "en"}).encode()
    conn.request("POST", "/translate", body, {"Content-Type": "application/json"})
    response = conn.getresponse()
    data = response.read()
    if response.status != 200:
        raise RuntimeError(f"POST /translate: {response.status} {data[:300]!r}")
    return json.loads(data)["translatedText"]


def client_round(server: Server, texts: list[str], clients: int) -> Round:
    """`clients` threads, each with one keep-alive connection, sending texts i, i+clients, ..."""
    latencies = [0.0] * len(texts)
    outputs = [""] * len(texts)
    errors: list[BaseException] = []
    start_signal = threading.Barrier(clients + 1)

    def client(first: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=300)
        try:
            conn.connect()
            start_signal.wait()
            for index in range(first, len(texts), clients):
                began = time.perf_counter()
                outputs[index] = post_translate(conn, texts[index])
                latencies[index] = time.perf_counter() - began
        except BaseException as error:  # reported after the round
            errors.append(error)
            start_signal.abort()
        finally:
            conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    cpu_server, cpu_here = server.cpu_seconds(), time.process_time()
    with contextlib.suppress(threading.BrokenBarrierError):
        start_signal.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    if errors:
        raise SystemExit(f"{server.name}: {errors[0]!r}")
    return Round(
        wall,
        latencies,
        outputs,
        cpu_server=server.cpu_seconds() - cpu_server,
        cpu_here=time.process_time() - cpu_here,
    )


def counted_round(server: Server, texts: list[str], clients: int) -> Round:
    """client_round against a SERVER_SCRIPT server, with the engine calls it made."""
    calls = server.get("/_bench/stats")["calls_made"]
    measured = client_round(server, texts, clients)
    measured.calls = server.get("/_bench/stats")["calls_made"] - calls
    return measured


def library_round(texts: list[str], glossary, engine) -> Round:
    """One at a time through the library, in this process."""
    from bilingo.translation import translate_text

    latencies, outputs = [], []
    cpu_here = time.process_time()
    began = time.perf_counter()
    for text in texts:
        start = time.perf_counter()
        outputs.append(translate_text(text, glossary, engine=engine).text)
        latencies.append(time.perf_counter() - start)
    wall = time.perf_counter() - began
    return Round(wall, latencies, outputs, cpu_here=time.process_time() - cpu_here)


def check_outputs(name: str, got: list[str], expected: list[str]) -> None:
    wrong = [i for i, (g, e) in enumerate(zip(got, expected, strict=True)) if g != e]
    if wrong:
        i = wrong[0]
        print(
            f"WARNING: {name}: {len(wrong)} of {len(got)} answers differ from the library's, "
            f"e.g. {expected[i]!r} -> {got[i]!r}"
        )


def ms(seconds: float, decimals: int = 0) -> str:
    return f"{seconds * 1000:.{decimals}f} ms"


# ------------------------------------------------------------------ main


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16, help="concurrent client threads")
    parser.add_argument("--requests", type=int, default=320, help="distinct requests per round")
    parser.add_argument("--runs", type=int, default=3, help="timed rounds (server, baseline A)")
    parser.add_argument(
        "--unbatched-runs", type=int, default=1, help="rounds of baseline B (0: skip it)"
    )
    parser.add_argument(
        "--calls",
        dest="twin",
        action="store_true",
        help="also measure a batched twin server (one round) for BatchingEngine.calls_made",
    )
    parser.add_argument("--warmup", type=int, default=32, help="untimed requests per server")
    parser.add_argument(
        "--threads",
        type=int,
        default=0,
        help="CTranslate2 threads per batch, for every variant (bilingo serve --threads; "
        "0: CTranslate2's default, as the server's)",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--idle-check", action="store_true", help="exit 2 when the machine is loaded"
    )
    args = parser.parse_args()
    if min(args.clients, args.requests, args.runs) < 1 or args.unbatched_runs < 0:
        parser.error("--clients, --requests and --runs must be at least 1")
    return args


def start_servers(
    args: argparse.Namespace, env: dict[str, str], logs: Path, servers: list[Server]
) -> None:
    """`bilingo serve`, then (as asked) batching off and the batched twin, appended to
    `servers` as they start: after a failure the caller still stops those started."""
    wanted = [("server (bilingo serve)", None)]
    if args.unbatched_runs:
        wanted.append(("B: server, batching off", "1"))
    if args.twin:
        wanted.append(("twin: create_app, batching on", "512"))
    for name, max_batch in wanted:
        port = free_port()
        if max_batch is None:
            cmd = [*bilingo_command(), "serve", "--port", str(port), "--engine", "argos"]
            if args.threads:
                cmd += ["--threads", str(args.threads)]
        else:
            cmd = [
                sys.executable,
                "-c",
                SERVER_SCRIPT,
                str(port),
                max_batch,
                "5",
                str(args.threads),
            ]
        servers.append(start_server(name, cmd, env, port, logs))


def measure(args, texts, warmup, glossary, engine, servers: list[Server]) -> list[Variant]:
    """Warm-up, then the interleaved rounds: [A, bilingo serve, (B), (twin)]."""
    for server in servers:
        client_round(server, warmup, args.clients)  # model load, thread pool, connections
    library_round(warmup, glossary, engine)
    library = Variant("A: library, one at a time")
    variants = [library, *(Variant(server.name) for server in servers)]
    rounds_of = {server.name: args.runs for server in servers[:1]}
    rounds_of.update({s.name: args.unbatched_runs for s in servers if s.name.startswith("B:")})
    rounds_of.update({s.name: 1 for s in servers if s.name.startswith("twin:")})
    for number in range(max(args.runs, *rounds_of.values())):
        if number < args.runs:
            library.rounds.append(library_round(texts, glossary, engine))
        for server, variant in zip(servers, variants[1:], strict=True):
            if number < rounds_of[server.name]:
                measure_round = client_round if server is servers[0] else counted_round
                variant.rounds.append(measure_round(server, texts, args.clients))
        shown = [
            f"{v.name} {v.throughputs()[-1]:.1f}/s" for v in variants if len(v.rounds) == number + 1
        ]
        print(f"  round {number + 1}: " + "; ".join(shown), flush=True)
    return variants


def report(variants: list[Variant], texts: list[str], sentences: int) -> None:
    library, served = variants[0], variants[1]
    expected = library.rounds[0].outputs
    for variant in variants:
        for measured in variant.rounds:
            check_outputs(variant.name, measured.outputs, expected)
    base = library.throughput()
    rows = []
    for variant in variants:
        latencies = variant.latencies()
        ratio = variant.throughput() / base
        rows.append(
            (
                variant.name,
                f"{variant.throughput():.1f}",
                ms(percentile(latencies, 50)),
                ms(percentile(latencies, 95)),
                f"{ratio:.2f}x",
                "" if variant is library else ms(variant.cpu_per_request("cpu_server")),
                ms(variant.cpu_per_request("cpu_here"), 1),
                verdict(ratio >= TARGET_RATIO) if variant is served else "",
                str(len(variant.rounds)),
            )
        )
    print()
    headers = ["variant", "requests/s", "p50", "p95", "vs A", "server CPU/req", "bench CPU/req"]
    print_table(rows, [*headers, f"target >= {TARGET_RATIO:g}x", "rounds"])
    print()
    for variant in variants:
        for measured in variant.rounds[:1]:
            if measured.calls:
                print(
                    f"{variant.name}: {measured.calls} engine calls (BatchingEngine.calls_made) "
                    f"for {len(texts)} requests, {sentences} sentences: "
                    f"{sentences / measured.calls:.1f} sentences per call"
                )


def main() -> None:
    args = parse_args()
    try:
        load_gate(args.idle_check)
    except SystemExit as refused:
        print(refused, file=sys.stderr)
        sys.exit(2)
    began = time.perf_counter()

    with tempfile.TemporaryDirectory(prefix="bilingo-bench-serve-") as tmp:
        scratch = Path(tmp)
        env = isolate(scratch / "home")  # also sets os.environ for the imports below

        import tiny_argos

        from bilingo.glossary import load_glossary
        from bilingo.models import install_from_file
        from bilingo.sentences import split_document
        from bilingo.translation import engine_settings, make_engine

        archive = tiny_argos.build_package(scratch / "build", "ko", "en")
        installed = install_from_file(archive)
        everything = make_requests(args.requests + args.warmup, args.seed)
        texts, warmup = everything[: args.requests], everything[args.requests :]
        sentences = sum(len(p.sentences) for t in texts for p in split_document(t, "ko"))
        print(f"machine: {machine_note()}; python {sys.version.split()[0]}")
        print(f"package: tiny identity {archive.name}, installed at {installed.path}")
        print(
            f"requests: {len(texts)} distinct texts, {sentences} sentences, "
            f"{sum(len(t) for t in texts) / len(texts):.0f} characters on average; "
            f"{args.clients} clients; CTranslate2 threads {args.threads or 'default (0)'}; "
            f"e.g. {texts[0]}"
        )
        # baseline A: engine and glossary made once, as a long-running program would
        glossary = load_glossary()
        engine = make_engine("argos", "ko", "en", **engine_settings(threads=args.threads))

        logs = scratch / "logs"
        logs.mkdir()
        servers: list[Server] = []
        try:
            start_servers(args, env, logs, servers)
            print(f"servers up: {time.perf_counter() - began:.1f} s\n", flush=True)
            variants = measure(args, texts, warmup, glossary, engine, servers)
        finally:
            for server in servers:
                server.stop()
        report(variants, texts, sentences)
        print(f"\nmachine: {machine_note()}; total {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
