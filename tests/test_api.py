"""The public API as the docs show it: the examples in the docstrings run and hold."""

import doctest

import pytest

import bilingo
import bilingo.glossary.load


def test_package_docstring_examples():
    assert doctest.testmod(bilingo, raise_on_error=False).failed == 0


def test_load_glossary_example():
    assert doctest.testmod(bilingo.glossary, raise_on_error=False).failed == 0
    in_load = doctest.testmod(bilingo.glossary.load, raise_on_error=False)
    assert in_load.attempted > 0 and in_load.failed == 0


def test_translate_with_an_engine_name_and_options(installed_models):
    result = bilingo.translate("엔비디아가 5890억달러를 잃었다.", engine="argos", beam_size=1)
    assert result.text == "Nvidia가 $589 billion를 잃었다."
    assert result.signature["beam_size"] == 1


def test_translate_file_and_folder_from_python(tmp_path):
    articles = tmp_path / "articles"
    (articles / "world").mkdir(parents=True)
    (articles / "a.txt").write_text("엔비디아가 5890억달러를 잃었다.\n", encoding="utf-8")
    (articles / "world" / "b.md").write_text("딥시크의 개발비\n", encoding="utf-8")
    result = bilingo.translate_file(
        articles / "a.txt", engine="none", output=tmp_path / "a.json", output_format="json"
    )
    assert result.text == "Nvidia가 $589 billion를 잃었다.\n"
    assert '"translation": "Nvidia가 $589 billion를 잃었다.\\n"' in (tmp_path / "a.json").read_text(
        encoding="utf-8"
    )
    written = bilingo.translate_folder(articles, tmp_path / "english", engine="none")
    assert written == [tmp_path / "english" / "a.txt", tmp_path / "english" / "world" / "b.md"]
    assert written[1].read_text(encoding="utf-8") == "DeepSeek의 개발비\n"


def test_the_language_pair_is_checked_in_the_library():
    from bilingo.errors import UnsupportedLanguagePair, UsageError

    with pytest.raises(UnsupportedLanguagePair, match="not ko\u2192ko"):
        bilingo.translate("안녕", engine="none", source_lang="ko", target_lang="ko")
    engine = bilingo.get_engine("none", "en", "ko")
    with pytest.raises(UsageError, match="translates en\u2192ko, not ko\u2192en"):
        bilingo.translate("딥시크", engine=engine, source_lang="ko", target_lang="en")
    assert bilingo.translate("DeepSeek", engine=engine).text == "딥시크"
    assert bilingo.translate("DeepSeek", engine="none", source_lang="en").target_lang == "ko"
