"""Argos Translate packages: list, install (from a file or the index), remove.

    store    installed packages: InstalledModel, list_models, find_model,
             install_from_file (check, extract aside, rename into place),
             remove_model
    archive  checking an .argosmodel archive before anything is written, and
             extracting it (the limits MAX_TOTAL_SIZE, MAX_ENTRIES,
             MAX_COMPRESSION_RATIO ..., each explained there)
    index    the Argos package index: AvailableModel, available_models,
             describe_available, install_from_index (the only network use)

Packages are installed into `models_dir()` (bilingo.paths), at most one per
language pair. Everything here speaks of `source_lang` and `target_lang`;
`from_code` and `to_code` appear only as the keys of Argos's own JSON.
Errors are ModelError, ModelNotInstalled and NetworkError, whose `remedy`
and `details` say what would fix them (bilingo.errors). argostranslate is
never imported. See docs/design.md.
"""

from __future__ import annotations

from bilingo.lazy import lazy_names

# name -> the module that defines it; each imported when a name of it is first asked for,
# so finding an installed model (translate) never imports the index download code.
_LAZY = {
    **dict.fromkeys(
        (
            "MAX_COMPRESSION_RATIO",
            "MAX_DIRECTORY_SIZE",
            "MAX_ENTRIES",
            "MAX_METADATA_SIZE",
            "MAX_NAME_DEPTH",
            "MAX_NAME_LENGTH",
            "MAX_TOTAL_SIZE",
            "RATIO_CHECK_MIN_SIZE",
            "TOKENIZER_FILES",
        ),
        ".archive",
    ),  # fmt: skip
    **dict.fromkeys(
        (
            "DEFAULT_INDEX_URL",
            "NETWORK_TIMEOUT",
            "AvailableModel",
            "ProgressCallback",
            "available_models",
            "describe_available",
            "install_from_index",
            "parse_index",
        ),
        ".index",
    ),  # fmt: skip
    **dict.fromkeys(
        ("InstalledModel", "find_model", "install_from_file", "list_models", "remove_model"),
        ".store",
    ),
    **dict.fromkeys(("MODELS_DIR_ENV", "models_dir"), "..paths"),
}

__all__ = sorted(_LAZY)

__getattr__ = lazy_names(__name__, _LAZY)
