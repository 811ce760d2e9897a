"""`bilingo serve`: the LibreTranslate-compatible API and the review page (docs/server.md)."""

from pathlib import Path

import typer

from ..errors import UsageError
from .options import GLOSSARY_OPTION
from .output import say
from .root import app


@app.command()
def serve(
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Address to listen on (loopback: this machine only)."
    ),
    port: int = typer.Option(5000, "--port", "-p", help="Port (LibreTranslate's is 5000)."),
    api_key_file: Path | None = typer.Option(
        None,
        "--api-key-file",
        help="File of API keys, one per line: requests must send one (api_key=...).",
    ),
    engine: str = typer.Option("argos", "--engine", "-e", help="argos, none, or a plugin's."),
    device: str = typer.Option("cpu", "--device", help="cpu, cuda or auto."),
    threads: int = typer.Option(
        0,
        "--threads",
        help="CPU threads, each translating its own batch (0: one per CPU, at most 4).",
    ),
    compute_type: str = typer.Option("auto", "--compute-type", help="auto, int8, float32 ..."),
    into: Path | None = typer.Option(
        None, "--into", help="Glossary file that additions go to (default: your own glossary)."
    ),
    cors_origin: list[str] | None = typer.Option(
        None,
        "--cors-origin",
        help="A web origin allowed to call the API (repeatable); off by default.",
    ),
    char_limit: int = typer.Option(100_000, "--char-limit", help="Most characters per request."),
    max_queue: int = typer.Option(
        64, "--max-queue", help="Most requests waiting at once; more get 429."
    ),
    glossary_paths: list[Path] | None = GLOSSARY_OPTION,
):
    """Serve the LibreTranslate API with the glossary applied, and a review page at /."""
    import uvicorn

    from ..server import ServerSettings, create_app
    from ..server.settings import read_api_keys
    from .running import load

    keys = read_api_keys(api_key_file) if api_key_file else frozenset()
    if port < 0 or port > 65535:
        raise UsageError(f"--port must be between 0 and 65535, not {port}")
    settings = ServerSettings(
        host=host, port=port, glossary=_chosen_glossary(glossary_paths), into=into, engine=engine,
        device=device, threads=threads, compute_type=compute_type, api_keys=keys,
        cors_origins=list(cors_origin or []), char_limit=char_limit, max_queue=max_queue,
    )  # fmt: skip
    load(settings.glossary)  # a broken glossary is reported here, before listening
    shown = f"[{host}]" if ":" in host else host
    say(f"bilingo serving on http://{shown}:{port}/ (Ctrl+C stops)", err=True)
    if not keys and host not in ("127.0.0.1", "::1", "localhost"):
        say("warning: listening beyond this machine without --api-key-file", err=True)
    config = uvicorn.Config(
        create_app(settings), host=host, port=port, log_level="warning",
        timeout_graceful_shutdown=30,
    )  # fmt: skip
    _server_class()(config).run()
    say("bilingo stopped", err=True)


def _server_class():
    import uvicorn

    class GracefulServer(uvicorn.Server):
        """uvicorn raises a stop signal again once requests in flight are done, so the
        process would end as killed by it; a stop the user asked for is a normal end here."""

        def handle_exit(self, sig, frame) -> None:
            super().handle_exit(sig, frame)
            getattr(self, "_captured_signals", []).clear()

    return GracefulServer


def _chosen_glossary(paths: list[Path] | None) -> list[Path] | None:
    from .running import ROOT_OPTIONS

    return paths or ROOT_OPTIONS.get("glossary") or None
