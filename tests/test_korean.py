"""Korean particle grammar: which tails may follow a noun, and particle agreement."""

import pytest

from bilingo.korean import Sound, agree_particle, ending_sound, is_particle_chain, split_particles


@pytest.mark.parametrize(
    "word, sound",
    [
        ("딥시크", Sound.VOWEL),
        ("삼성", Sound.CONSONANT),
        ("구글", Sound.RIEUL),
        ("AI", Sound.UNKNOWN),
    ],
)
def test_ending_sound(word, sound):
    assert ending_sound(word) is sound


@pytest.mark.parametrize(
    "noun, tail",
    [
        ("딥시크", "의"),
        ("딥시크", "가"),
        ("딥시크", "는"),
        ("딥시크", "를"),
        ("딥시크", "와"),
        ("딥시크", "로"),
        ("딥시크", "에서는"),
        ("딥시크", "로부터"),
        ("딥시크", "까지도"),
        ("딥시크", "와의"),
        ("딥시크", "에겐"),
        ("딥시크", "야말로"),
        ("딥시크", "들은"),
        ("딥시크", "다"),
        ("딥시크", "였다"),
        ("딥시크", "라는"),
        ("딥시크", "라고"),
        ("딥시크", "인"),
        ("딥시크", "이자"),
        ("딥시크", "측은"),
        ("딥시크", "발"),
        ("삼성", "이"),
        ("삼성", "은"),
        ("삼성", "을"),
        ("삼성", "과"),
        ("삼성", "으로"),
        ("삼성", "이라는"),
        ("삼성", "이었다"),
        ("삼성", "이야말로"),
        ("구글", "로"),
        ("구글", "로부터"),
        ("하이퍼스케일러", "들은"),
        ("엔비디아", "칩"),
        ("AI", "는"),
        ("AI", "은"),
        ("엔비디아", "주가가"),
        ("엔비디아", "에서만"),
    ],
)
def test_particle_chains_accepted(noun, tail):
    assert is_particle_chain(tail, noun)


@pytest.mark.parametrize(
    "noun, tail",
    [
        ("딥시크", "릿"),  # 딥시크릿 is another word
        ("애플", "리케이션"),
        ("구글", "링"),
        ("딥시크", "은"),  # wrong allomorph after a vowel
        ("딥시크", "이"),
        ("삼성", "는"),
        ("삼성", "를"),
        ("삼성", "다"),  # the short copula needs a vowel before it
        ("구글", "으로"),  # ㄹ takes 로
        ("애플", "사과"),  # 사 + 과 disagrees: the word is 사과
        ("딥시크", "의의의"),
    ],
)
def test_other_words_rejected(noun, tail):
    assert not is_particle_chain(tail, noun)


@pytest.mark.parametrize(
    "word, stem",
    [
        ("딥시크의", "딥시크"),
        ("엔비디아가", "엔비디아"),
        ("하이퍼스케일러들은", "하이퍼스케일러"),
        ("스푸트니크모먼트는", "스푸트니크모먼트"),
    ],
)
def test_split_particles_finds_the_stem(word, stem):
    assert stem in [reading for reading, _ in split_particles(word)]


@pytest.mark.parametrize(
    "noun, particle, expected",
    [
        ("딥시크", "은", "는"),
        ("엔비디아", "을", "를"),
        ("삼성전자", "가", "가"),
        ("애플", "가", "이"),
        ("애플", "는", "은"),
        ("구글", "으로", "로"),
        ("삼성", "로", "으로"),
        ("딥시크", "과", "와"),
        ("애플", "와의", "과의"),
        ("딥시크", "으로부터", "로부터"),
        ("삼성", "이다", "이다"),  # the copula is not the subject particle
        ("AI", "은", "은"),  # unknown sound: leave as written
        ("딥시크", "의", "의"),
    ],
)
def test_agree_particle(noun, particle, expected):
    assert agree_particle(noun, particle) == expected
