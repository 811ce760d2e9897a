"""Where bilingo keeps the user's files: one home folder, everything else derived from it.

    home        $BILINGO_HOME, else the platform's user data folder
                (~/.local/share/bilingo on Linux, ~/Library/Application Support/bilingo
                on macOS, %LOCALAPPDATA%\\bilingo on Windows)
    glossary    home/my-glossary.yaml              (where `bilingo add` writes)
    models      home/models, or $BILINGO_MODELS_DIR
    cache       home/cache when $BILINGO_HOME is set, else the platform's user cache
                folder (~/.cache/bilingo on Linux): safe to delete at any time

Every path is computed from the environment when asked for, never stored, so
a test or a server can point bilingo elsewhere without reloading anything.
See docs/design.md, "User folders".
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "bilingo"
HOME_ENV = "BILINGO_HOME"
MODELS_DIR_ENV = "BILINGO_MODELS_DIR"
USER_GLOSSARY_NAME = "my-glossary.yaml"


def _configured(variable: str) -> Path | None:
    value = os.environ.get(variable)
    return Path(value).expanduser() if value else None


def home_dir() -> Path:
    """bilingo's user folder: $BILINGO_HOME, else the platform's user data folder."""
    configured = _configured(HOME_ENV)
    if configured is not None:
        return configured
    import platformdirs

    # appauthor=False everywhere: on Windows a vendor folder would otherwise be
    # added to some paths and not to others.
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def user_glossary_path() -> Path:
    """The user's own glossary file, where `bilingo add` writes by default."""
    return home_dir() / USER_GLOSSARY_NAME


def models_dir() -> Path:
    """Installed translation models: $BILINGO_MODELS_DIR, else home/models."""
    return _configured(MODELS_DIR_ENV) or home_dir() / "models"


def cache_dir() -> Path:
    """The compiled-glossary cache: home/cache under $BILINGO_HOME, else the user cache folder."""
    if _configured(HOME_ENV) is not None:
        return home_dir() / "cache"
    import platformdirs

    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


def builtin_glossary_dir() -> Path:
    """The built-in glossary: inside the installed wheel, or the source checkout's glossary/."""
    packaged = Path(__file__).parent / "data" / "glossary"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "glossary"
