"""Build tiny but real Argos Translate packages whose model copies its input.

A package built here has the real format (a zip with one top folder holding
metadata.json, sentencepiece.model and a CTranslate2 model/), so the code that
installs, lists and runs packages is exercised for real, offline, in a few
seconds, without torch and without downloading anything.

The CTranslate2 model is a one-layer Transformer whose weights are set by hand
so that it copies the source token sequence: decoding the output pieces gives
back the input text. How the copy works (this is the identity trick of
make_tiny_argos.py with compact codes, so the model is 146 wide instead of
V + L ~ 1000, which makes it several times faster):

- each token has a code of 128 signs (+1/-1, half of each, so every code sums
  to zero; the codes of different tokens are nearly orthogonal), each position
  p the binary digits of p written as sign pairs (+1, -1) or (-1, +1);
- encoder output = LayerNorm(token code + position code); every other encoder
  weight is zero, so self-attention and feed-forward layers add nothing;
  because all codes sum to zero, LayerNorm only rescales them;
- the decoder input is its position code only (token embeddings are zero), so
  cross-attention scores compare positions: the dot product of two position
  codes is 2 * (digits - 2 * differing digits), largest for the same position
  and at least 4 lower for any other; scaled by ALPHA, step t attends only to
  source position t. At step len(source) that is the source </s> (added by
  add_source_eos), so every beam ends there;
- with a target prefix of one token, the decoder positions are shifted by one,
  so step t still copies source position t - 1 after the forced prefix;
- the cross-attention value carries the token code of the attended source
  token into the residual stream, and the output projection scores every
  token by code agreement (BETA * dot product): argmax = the source token.

All weights and activations are a few equal magnitudes, so the copy survives
CTranslate2's int8 compute types as well as float32.

The copy is exact whenever SentencePiece round-trips the text (decode(encode(x))
== x). By default the SentencePiece model is trained with the "identity"
normalisation, so that holds for any text without runs of spaces and without
leading/trailing spaces (SentencePiece always squeezes those). Real Argos
packages use "nmt_nfkc", which also rewrites NFKC-changed characters ("…" ->
"...", full-width letters -> ASCII); build with normalization="nmt_nfkc" to
test that behaviour. Characters the tiny vocabulary lacks survive through byte
fallback.

Entry points: `build_package(out_dir, from_code="ko", to_code="en", ...)` returns
the .argosmodel path; `build_package_dir` returns the unzipped folder;
`copy_through_model` runs a package on sentences with bare CTranslate2.
"""

from __future__ import annotations

import functools
import io
import json
import shutil
import time
import zipfile
from pathlib import Path

import numpy as np

# Korean and English news-like text written for these tests. The vocabulary only
# has to be plausible: the copy is exact for any text SentencePiece round-trips.
KOREAN_NEWS = [
    "딥시크의 AI 모델은 엔비디아 칩 없이도 높은 성능을 보였다.",
    "중국 스타트업 딥시크가 공개한 모델의 훈련 비용은 557만 6000달러에 그친다.",
    "미국 하이퍼스케일러들은 올해 데이터센터 투자를 크게 늘릴 계획이다.",
    "마크 앤드리센은 이를 스푸트니크 모먼트라고 불렀다.",
    "엔비디아 주가는 하루 만에 17% 넘게 떨어졌다.",
    "시장에서는 인공지능 반도체 수요가 줄어들 수 있다는 우려가 나왔다.",
    "삼성전자와 SK하이닉스는 고대역폭 메모리 생산을 확대하고 있다.",
    "정부는 내년 예산안에서 연구개발 지원을 3조 원 늘리기로 했다.",
    "오픈AI는 새로운 추론 모델을 다음 달 출시한다고 밝혔다.",
    "전문가들은 오픈소스 모델이 가격 경쟁을 부추길 것이라고 전망했다.",
    "한국은행은 기준금리를 연 3.0%로 동결했다.",
    "코스피 지수는 전날보다 1.2% 오른 2,580선에서 마감했다.",
    "이번 발표는 서울 강남구의 한 호텔에서 열렸다.",
    "회사 측은 “고객 데이터는 안전하게 보관된다”고 말했다.",
    "그는 ‘효율성’이 가장 중요한 경쟁력이라고 강조했다.",
    "클라우드 기업들은 전력 공급과 냉각 비용 문제에 직면해 있다.",
    "미국 상무부는 첨단 반도체 수출 통제를 강화했다.",
    "애널리스트들은 4분기 실적이 시장 예상치를 웃돌 것으로 본다.",
    "스마트폰 판매량은 전년 동기 대비 5% 감소했다.",
    "투자자들은 금리 인하 시점에 주목하고 있다.",
]
ENGLISH_NEWS = [
    "DeepSeek's AI model performed well without the latest Nvidia chips.",
    "The training run cost only $5.576 million, the start-up said.",
    "US hyperscalers plan to raise data-center spending sharply this year.",
    "Marc Andreessen called it a Sputnik moment for American AI.",
    "Nvidia shares fell more than 17% in a single day.",
    "Investors worried that demand for AI chips could slow.",
    "Samsung Electronics and SK Hynix are expanding HBM production.",
    "The government will add 3 trillion won to research funding next year.",
    "OpenAI said it would release a new reasoning model next month.",
    "Analysts expect open-source models to push prices down.",
    "The Bank of Korea held its base rate at 3.0%.",
    "The KOSPI closed up 1.2% at 2,580.",
    "The company said, “Customer data is stored safely.”",
    "He stressed that ‘efficiency’ is the key to competition.",
    "Cloud companies face rising power and cooling costs.",
    "Smartphone sales fell 5% from a year earlier.",
]
# Every ASCII letter, digit and common punctuation mark gets its own piece.
CHARACTER_LINES = [
    "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z",
    "a b c d e f g h i j k l m n o p q r s t u v w x y z",
    "0 1 2 3 4 5 6 7 8 9",
    "$ , . % ‘ ’ “ ” - ( ) [ ] : ; ? ! / & + = # @ * ' \" _ ~ < > { } | \\ ^ `",
]

# Mixed sentences the copy must return exactly (used by tests and by verify_identity).
SAMPLE_SENTENCES = [
    "DeepSeek의 AI 모델은 $5.576 million에 그친다.",
    "Nvidia가 하루 만에 17% 넘게 떨어졌다.",
    "hyperscaler들은 올해 data center 투자를 3 trillion won 늘린다.",
    "Marc Andreessen은 이를 Sputnik moment라고 불렀다.",
    "회사 측은 “고객 데이터는 안전하다”고 말했고, ‘효율성’을 강조했다.",
    "The KOSPI closed up 1.2% at 2,580 (a record).",
    "미지의 글자: 龍, 😀, é, ß — 그래도 복사된다.",
    "Email: test@example.com; path C:/tmp/x_y.txt",
    "4분기 매출은 1,234억 원, 영업이익은 -5.5%였다.",
    "미국 기술주 ‘검은 월요일’…엔비디아 시총 847조원 증발 (ＡＩ 쇼크)",
]

UNK, BOS, EOS = "<unk>", "<s>", "</s>"


def corpus_lines() -> list[str]:
    """The SentencePiece training text (a few hundred short lines)."""
    lines = []
    for round_number in range(4):
        lines.extend(KOREAN_NEWS)
        lines.extend(ENGLISH_NEWS)
        # Korean sentences with English terms inserted, as bilingo prepares them.
        for i, korean in enumerate(KOREAN_NEWS):
            english = ENGLISH_NEWS[(i + round_number) % len(ENGLISH_NEWS)]
            lines.append(f"{english.split()[0]} {korean}")
    lines.extend(CHARACTER_LINES)
    return lines


@functools.lru_cache(maxsize=8)
def train_sentencepiece(
    user_symbols: tuple[str, ...] = (),
    vocab_size: int = 700,
    normalization: str = "identity",
) -> bytes:
    """Train a unigram SentencePiece model with byte fallback; returns the model bytes."""
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(corpus_lines()),
        model_writer=model,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,  # the tiny corpus may not fill vocab_size
        byte_fallback=True,  # unseen characters survive as <0xNN> pieces
        normalization_rule_name=normalization,
        user_defined_symbols=list(user_symbols),
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,  # <unk>=0 <s>=1 </s>=2, CTranslate2's defaults
        minloglevel=2,
    )
    return model.getvalue()


def vocabulary(sentencepiece_model: bytes) -> list[str]:
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=sentencepiece_model)
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _balanced_codes(count: int, dim: int, seed: int) -> np.ndarray:
    """count distinct ±1 vectors of length dim, each summing to zero, nearly orthogonal."""
    rng = np.random.default_rng(seed)
    half = np.array([1.0] * (dim // 2) + [-1.0] * (dim // 2), dtype=np.float32)
    codes = np.stack([rng.permutation(half) for _ in range(count)])
    gram = codes @ codes.T
    np.fill_diagonal(gram, 0)
    # the copy needs every other code clearly below a code's match with itself
    assert gram.max() <= dim * 0.6, "token codes too similar; raise TOKEN_CODE_DIM"
    return codes


def _position_codes(positions: int, bits: int) -> np.ndarray:
    """Position p as its binary digits, each digit as the pair (+1, -1) or (-1, +1)."""
    codes = np.zeros((positions, 2 * bits), dtype=np.float32)
    for p in range(positions):
        for b in range(bits):
            sign = 1.0 if (p >> b) & 1 else -1.0
            codes[p, 2 * b], codes[p, 2 * b + 1] = sign, -sign
    return codes


TOKEN_CODE_DIM = 128


def identity_spec(vocab: list[str], max_positions: int, prefix_shift: int = 0):
    """A CTranslate2 TransformerSpec (1 layer, 1 head) whose output copies its input.

    prefix_shift is the number of forced target-prefix tokens: decoder position t
    then attends to source position t - prefix_shift.
    """
    from ctranslate2.specs import transformer_spec

    vocab_size = len(vocab)
    bits = max(1, (max_positions - 1).bit_length())
    token_dim, position_dim = TOKEN_CODE_DIM, 2 * bits
    dim = token_dim + position_dim
    tokens = slice(0, token_dim)
    places = slice(token_dim, dim)
    ffn_dim = 4  # feed-forward weights are zero
    alpha, beta = 40.0, 0.5
    f32 = np.float32

    spec = transformer_spec.TransformerSpec.from_config(num_layers=1, num_heads=1, pre_norm=True)
    spec.encoder.scale_embeddings = False
    spec.decoder.scale_embeddings = False
    spec.config.add_source_eos = True  # the copy ends when the source </s> is reached

    def zeros(*shape):
        return np.zeros(shape, dtype=f32)

    def set_layer_norm(layer_norm):
        layer_norm.gamma = np.ones(dim, dtype=f32)
        layer_norm.beta = zeros(dim)

    def set_linear(linear, out_dim, in_dim, weight=None, bias=None):
        linear.weight = zeros(out_dim, in_dim) if weight is None else weight
        linear.bias = zeros(out_dim) if bias is None else bias

    def set_ffn(ffn):
        set_layer_norm(ffn.layer_norm)
        set_linear(ffn.linear_0, ffn_dim, dim)
        set_linear(ffn.linear_1, dim, ffn_dim)

    token_codes = _balanced_codes(vocab_size, token_dim, seed=0)
    token_embeddings = zeros(vocab_size, dim)
    token_embeddings[:, tokens] = token_codes
    position_codes = _position_codes(max_positions, bits)
    source_positions = zeros(max_positions, dim)
    source_positions[:, places] = position_codes
    target_positions = zeros(max_positions, dim)
    target_positions[prefix_shift:, places] = position_codes[: max_positions - prefix_shift]
    if prefix_shift:  # the forced prefix steps are never predicted; any position will do
        target_positions[:prefix_shift, places] = position_codes[0]

    encoder = spec.encoder
    encoder.embeddings[0].weight = token_embeddings
    encoder.position_encodings.encodings = source_positions
    set_layer_norm(encoder.layer_norm)
    for layer in encoder.layer:
        set_layer_norm(layer.self_attention.layer_norm)
        set_linear(layer.self_attention.linear[0], 3 * dim, dim)
        set_linear(layer.self_attention.linear[1], dim, dim)
        set_ffn(layer.ffn)

    place_only = zeros(dim, dim)
    place_only[places, places] = np.eye(position_dim, dtype=f32)
    token_only = zeros(dim, dim)
    token_only[tokens, tokens] = np.eye(token_dim, dtype=f32)

    decoder = spec.decoder
    decoder.embeddings.weight = zeros(vocab_size, dim)
    decoder.position_encodings.encodings = target_positions
    set_layer_norm(decoder.layer_norm)
    for layer in decoder.layer:
        set_layer_norm(layer.self_attention.layer_norm)
        set_linear(layer.self_attention.linear[0], 3 * dim, dim)
        set_linear(layer.self_attention.linear[1], dim, dim)
        set_layer_norm(layer.attention.layer_norm)
        set_linear(layer.attention.linear[0], dim, dim, place_only * alpha)  # query
        set_linear(  # key (positions) and value (tokens)
            layer.attention.linear[1], 2 * dim, dim, np.concatenate([place_only, token_only])
        )
        set_linear(layer.attention.linear[2], dim, dim, token_only)  # output
        set_ffn(layer.ffn)
    projection = zeros(vocab_size, dim)
    projection[:, tokens] = token_codes * beta
    decoder.projection.weight = projection
    decoder.projection.bias = zeros(vocab_size)

    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    return spec


def save_ctranslate2_model(spec, out_dir: Path, quantization: str | None) -> None:
    import ctranslate2

    class SpecConverter(ctranslate2.converters.Converter):
        """Converter for a spec built in memory (the documented extension point)."""

        def __init__(self, built_spec):
            self._built_spec = built_spec

        def _load(self):
            return self._built_spec

    SpecConverter(spec).convert(str(out_dir), quantization=quantization, force=True)


@functools.lru_cache(maxsize=8)
def _model_files(
    target_prefix: str, max_positions: int, quantization: str | None, normalization: str
) -> tuple[bytes, dict[str, bytes]]:
    """SentencePiece model bytes and model/ files, built once per process per setting."""
    import tempfile

    user_symbols = (target_prefix,) if target_prefix else ()
    sentencepiece_model = train_sentencepiece(user_symbols, normalization=normalization)
    spec = identity_spec(
        vocabulary(sentencepiece_model), max_positions, prefix_shift=1 if target_prefix else 0
    )
    with tempfile.TemporaryDirectory() as tmp:
        model_dir = Path(tmp) / "model"
        save_ctranslate2_model(spec, model_dir, quantization)
        files = {p.name: p.read_bytes() for p in model_dir.iterdir() if p.is_file()}
    return sentencepiece_model, files


def package_name(from_code: str, to_code: str, package_version: str) -> str:
    return f"translate-{from_code}_{to_code}-{package_version.replace('.', '_')}"


def build_package_dir(
    out_dir: Path,
    from_code: str = "ko",
    to_code: str = "en",
    *,
    package_version: str = "1.0",
    target_prefix: str = "",
    max_positions: int = 512,
    quantization: str | None = "int8",
    normalization: str = "identity",
    name: str | None = None,
) -> Path:
    """Write an unzipped tiny identity package into out_dir; returns its folder.

    target_prefix, when given, is written to metadata.json, added to the
    SentencePiece vocabulary as one piece, and the model is built to expect it
    as the first decoded token (as Argos's multilingual packages do).
    max_positions bounds the source length the model copies (in pieces, </s>
    included) and the output length. normalization is the SentencePiece
    normalisation rule: "identity" (copies exactly) or "nmt_nfkc" (as real
    packages; NFKC-changed characters come out normalised).
    """
    out_dir = Path(out_dir)
    package_dir = out_dir / (name or package_name(from_code, to_code, package_version))
    if package_dir.exists():
        shutil.rmtree(package_dir)
    (package_dir / "model").mkdir(parents=True)
    sentencepiece_model, model_files = _model_files(
        target_prefix, max_positions, quantization, normalization
    )
    (package_dir / "sentencepiece.model").write_bytes(sentencepiece_model)
    for file_name, data in model_files.items():
        (package_dir / "model" / file_name).write_bytes(data)
    metadata = {
        "package_version": package_version,
        "argos_version": "1.9.0",
        "from_code": from_code,
        "from_name": {"ko": "Korean", "en": "English"}.get(from_code, from_code),
        "to_code": to_code,
        "to_name": {"ko": "Korean", "en": "English"}.get(to_code, to_code),
        "type": "translate",
        "links": [],
    }
    if target_prefix:
        metadata["target_prefix"] = target_prefix
    (package_dir / "metadata.json").write_text(
        json.dumps(metadata, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    (package_dir / "README.md").write_text(
        "Tiny identity test model built by bilingo's tests: it copies its input.\n",
        encoding="utf-8",
    )
    return package_dir


def zip_package(package_dir: Path, archive: Path) -> Path:
    """Zip a package folder as Argos does: one top folder inside the archive."""
    package_dir = Path(package_dir)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(package_dir.rglob("*")):
            zf.write(path, path.relative_to(package_dir.parent).as_posix())
    return Path(archive)


def build_package(out_dir: Path, from_code: str = "ko", to_code: str = "en", **options) -> Path:
    """Build a tiny identity .argosmodel in out_dir and return its path.

    Options are build_package_dir's (package_version, target_prefix,
    max_positions, quantization, normalization, name). The first call in a
    process trains SentencePiece and writes the model (about 0.2 s); later calls
    with the same model options reuse them and only write files (about 0.05 s).
    """
    package_dir = build_package_dir(out_dir, from_code, to_code, **options)
    return zip_package(package_dir, Path(out_dir) / f"{package_dir.name}.argosmodel")


def copy_through_model(
    package_dir: Path, sentences: list[str], compute_type: str = "default"
) -> list[str]:
    """Run sentences through a package with bare CTranslate2 + SentencePiece."""
    import ctranslate2
    import sentencepiece as spm

    package_dir = Path(package_dir)
    metadata = json.loads((package_dir / "metadata.json").read_text(encoding="utf-8"))
    prefix = metadata.get("target_prefix", "")
    processor = spm.SentencePieceProcessor(model_file=str(package_dir / "sentencepiece.model"))
    translator = ctranslate2.Translator(
        str(package_dir / "model"), device="cpu", compute_type=compute_type
    )
    pieces = [processor.encode(s, out_type=str) for s in sentences]
    results = translator.translate_batch(
        pieces, target_prefix=[[prefix]] * len(pieces) if prefix else None, beam_size=2
    )
    outputs = []
    for result in results:
        tokens = result.hypotheses[0]
        if prefix and tokens[:1] == [prefix]:
            tokens = tokens[1:]
        outputs.append(processor.decode_pieces(tokens))
    return outputs


def verify_identity(package_dir: Path, sentences: list[str] | None = None) -> None:
    """Raise AssertionError unless the package copies every sentence exactly."""
    sentences = SAMPLE_SENTENCES if sentences is None else sentences
    for compute_type in ("default", "auto", "float32"):
        outputs = copy_through_model(package_dir, sentences, compute_type)
        wrong = [(s, o) for s, o in zip(sentences, outputs, strict=True) if s != o]
        assert not wrong, f"compute_type={compute_type}: {wrong}"


if __name__ == "__main__":
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for from_code, to_code, prefix in [
            ("ko", "en", ""),
            ("en", "ko", ""),
            ("ko", "en", "__en__"),
        ]:
            start = time.perf_counter()
            archive = build_package(Path(tmp), from_code, to_code, target_prefix=prefix)
            built = time.perf_counter() - start
            verify_identity(archive.with_suffix(""))
            print(
                f"{archive.name} prefix={prefix!r}: {archive.stat().st_size} bytes, "
                f"built in {built:.2f}s, identity verified",
                file=sys.stdout,
            )
