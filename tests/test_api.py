"""The public API as the docs show it: the examples in the docstrings run and hold."""

import doctest

import bilingo
import bilingo.glossary


def test_package_docstring_examples():
    assert doctest.testmod(bilingo, raise_on_error=False).failed == 0


def test_load_glossary_example():
    assert doctest.testmod(bilingo.glossary, raise_on_error=False).failed == 0


def test_translate_with_an_engine_name_and_options(installed_models):
    result = bilingo.translate("엔비디아가 5890억달러를 잃었다.", engine="argos", beam_size=1)
    assert result.text == "Nvidia가 $589 billion를 잃었다."
    assert result.signature["beam_size"] == 1
