"""What a server is started with; every limit has a default a laptop can serve."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError


@dataclass
class ServerSettings:
    """Settings of one `bilingo serve` process (docs/server.md lists them with the CLI options).

    glossary: glossary files or folders (None: the default set, built-in + your
    own file). into: where glossary writes go (None: your own file, which is
    then added to the set when it is not in it). api_keys: accepted keys
    (empty: none needed, and glossary writes are taken from this machine only).
    """

    host: str = "127.0.0.1"
    port: int = 5000
    glossary: list[Path] | None = None
    into: Path | None = None
    engine: str = "argos"
    device: str = "cpu"
    threads: int = 0
    compute_type: str = "auto"
    api_keys: frozenset[str] = frozenset()
    cors_origins: list[str] = field(default_factory=list)
    # Limits: a request over char_limit or max_body_bytes gets 413; more than
    # max_queue requests waiting at once get 429.
    char_limit: int = 100_000
    max_body_bytes: int = 10_000_000
    max_queue: int = 64
    # Batching: sentences per engine call at most, and how long the first
    # request of a batch waits for others to join it.
    max_batch_sentences: int = 512
    batch_window_ms: float = 5.0
    # Translated files kept for /download_file, and for how long.
    kept_files: int = 32
    kept_file_seconds: float = 600.0

    def __post_init__(self) -> None:
        self.engine_options()  # checks the device
        for name in ("char_limit", "max_body_bytes", "max_queue", "max_batch_sentences"):
            if getattr(self, name) < 1:
                raise UsageError(f"{name.replace('_', '-')} must be at least 1")

    def engine_options(self) -> dict:
        """What each direction's engine is created with (translation.engine_settings)."""
        from ..translation import engine_settings

        return engine_settings(self.threads, self.compute_type, self.device)


def read_api_keys(path: Path) -> frozenset[str]:
    """Keys from a file, one per line; blank lines and `#` comments are skipped."""
    from ..files import read_text_file

    text = read_text_file(path)
    keys = {line.strip() for line in text.splitlines()}
    keys = {key for key in keys if key and not key.startswith("#")}
    if not keys:
        raise UsageError(f"{path} holds no API key (one per line)")
    return frozenset(keys)
