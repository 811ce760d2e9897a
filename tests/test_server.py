"""`bilingo serve`'s API through Starlette's test client, with the tiny real Argos models.

The tiny models copy their input, so what the glossary and the figures do
shows plainly in the translation: 딥시크 comes out as DeepSeek only when the
glossary wrote it in.
"""

from __future__ import annotations

import threading
from urllib.parse import quote

import pytest
from starlette.testclient import TestClient

from bilingo.server import ServerSettings, create_app
from bilingo.server.requests import key_is_valid

LOOPBACK = ("127.0.0.1", 50000)
SENTENCE = "딥시크의 투자는 557만6000달러였다."


def client(settings: ServerSettings | None = None, address=LOOPBACK) -> TestClient:
    return TestClient(create_app(settings or ServerSettings()), client=address)


@pytest.fixture
def api(installed_models):
    with client() as test_client:
        yield test_client


def test_a_string_gets_a_string_with_the_glossary_and_figures_applied(api):
    answer = api.post("/translate", json={"q": SENTENCE, "source": "ko", "target": "en"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["translatedText"].startswith("DeepSeek의")
    assert "$5.576 million" in body["translatedText"]
    assert "detectedLanguage" not in body
    extras = body["bilingo"]
    assert extras["terms"] == [{"ko": "딥시크", "en": "DeepSeek", "count": 1}]
    [decision] = [d for d in extras["decisions"] if d["ko"] == "딥시크"]
    assert (decision["start"], decision["end"], decision["action"]) == (0, 3, "insert")
    assert extras["figures"][0]["english"] == "$5.576 million"
    assert extras["paragraphs"] == [[SENTENCE, body["translatedText"]]]


def test_a_list_gets_a_list_in_order_and_a_form_body_works_too(api):
    texts = ["엔비디아가 올랐다.", "삼성전자의 실적", "딥시크"]
    answer = api.post("/translate", data={"q": texts, "source": "ko", "target": "en"})
    assert answer.status_code == 200
    translated = answer.json()["translatedText"]
    assert translated == ["Nvidia가 올랐다.", "Samsung Electronics의 실적", "DeepSeek"]
    assert len(answer.json()["bilingo"]) == 3


def test_auto_detects_each_text_and_keeps_one_already_in_the_target(api):
    answer = api.post(
        "/translate",
        json={"q": ["엔비디아가 올랐다.", "Nvidia rose."], "source": "auto", "target": "en"},
    )
    body = answer.json()
    assert [d["language"] for d in body["detectedLanguage"]] == ["ko", "en"]
    assert body["translatedText"] == ["Nvidia가 올랐다.", "Nvidia rose."]
    one = api.post("/translate", json={"q": "딥시크", "source": "auto", "target": "en"}).json()
    assert one["detectedLanguage"]["language"] == "ko"
    assert 0 < one["detectedLanguage"]["confidence"] <= 100


def test_the_glossary_can_be_switched_off_for_comparison(api):
    off = api.post(
        "/translate", json={"q": SENTENCE, "source": "ko", "target": "en", "glossary": "false"}
    ).json()
    assert off["translatedText"].startswith("딥시크의")
    assert "$5.576 million" in off["translatedText"]  # figures are still exact
    assert off["bilingo"]["terms"] == []


def test_alternatives_are_answered_empty_as_libretranslate_clients_expect(api):
    body = api.post(
        "/translate", json={"q": "딥시크", "source": "ko", "target": "en", "alternatives": 3}
    ).json()
    assert body["alternatives"] == []


def test_html_keeps_the_markup_and_translates_the_text(api):
    page = '<p class="lead">딥시크의 <b>엔비디아</b> &amp; 주가</p><script>if (a<b) x()</script>'
    body = api.post(
        "/translate", json={"q": page, "source": "ko", "target": "en", "format": "html"}
    ).json()
    assert body["translatedText"] == (
        '<p class="lead">DeepSeek의 <b>Nvidia</b> &amp; 주가</p><script>if (a<b) x()</script>'
    )


@pytest.mark.parametrize(
    ("request_body", "status", "message"),
    [
        ({"source": "ko", "target": "en"}, 400, "Invalid request: missing q parameter"),
        ({"q": "딥시크", "target": "en"}, 400, "Invalid request: missing source parameter"),
        ({"q": "딥시크", "source": "ko"}, 400, "Invalid request: missing target parameter"),
        ({"q": "딥시크", "source": "fr", "target": "en"}, 400, "fr is not supported"),
        ({"q": "딥시크", "source": "ko", "target": "de"}, 400, "de is not supported"),
        ({"q": 7, "source": "ko", "target": "en"}, 400, "Invalid request: q must be a string"),
        (
            {"q": "딥시크", "source": "ko", "target": "en", "format": "xml"},
            400,
            "Invalid request: format must",
        ),
    ],
)
def test_bad_requests_get_libretranslates_error_shape(api, request_body, status, message):
    answer = api.post("/translate", json=request_body)
    assert answer.status_code == status
    assert set(answer.json()) == {"error"}
    assert answer.json()["error"].startswith(message)


def test_a_body_that_is_not_json_or_a_form_is_one_plain_error(api):
    for body, kind in ((b"{broken", "application/json"), (b"q=x", "text/plain")):
        answer = api.post("/translate", content=body, headers={"content-type": kind})
        assert answer.status_code == 400
        assert answer.json()["error"].startswith("Invalid request")


def test_a_missing_model_is_a_400_naming_the_direction(installed_models):
    with client() as api:
        answer = api.post("/translate", json={"q": "DeepSeek", "source": "en", "target": "ko"})
        assert answer.status_code == 200  # both tiny models are installed
    from bilingo.models import remove_model

    remove_model("en", "ko")
    with client() as api:
        answer = api.post("/translate", json={"q": "DeepSeek", "source": "en", "target": "ko"})
        assert answer.status_code == 400
        assert "en" in answer.json()["error"] and "ko" in answer.json()["error"]
        assert api.get("/languages").json() == [{"code": "ko", "name": "Korean", "targets": ["en"]}]


def test_a_model_that_cannot_load_is_a_500_without_a_traceback(installed_models):
    model = installed_models["ko-en"]
    (model.model_path / "model.bin").write_bytes(b"not a model")
    with client() as api:
        answer = api.post("/translate", json={"q": "딥시크", "source": "ko", "target": "en"})
    assert answer.status_code == 500
    assert answer.json()["error"].startswith("Cannot translate text:")
    assert "Traceback" not in answer.text


def test_languages_and_detect_answer_as_libretranslate(api):
    assert api.get("/languages").json() == [
        {"code": "ko", "name": "Korean", "targets": ["en"]},
        {"code": "en", "name": "English", "targets": ["ko"]},
    ]
    assert api.post("/detect", data={"q": "엔비디아가 17% 급락했다"}).json()[0]["language"] == "ko"
    assert (
        api.post("/detect", json={"q": "Nvidia fell 17% on Monday"}).json()[0]["language"] == "en"
    )


def test_a_file_is_translated_and_downloaded_from_memory(api):
    upload = {"file": ("기사.txt", SENTENCE.encode("utf-8"), "text/plain")}
    answer = api.post("/translate_file", files=upload, data={"source": "ko", "target": "en"})
    assert answer.status_code == 200
    url = answer.json()["translatedFileUrl"]
    download = api.get(url)
    assert download.status_code == 200
    assert download.text.startswith("DeepSeek의")
    assert quote("기사.en.txt") in download.headers["content-disposition"]
    assert api.get("/download_file/not-a-token").status_code == 404


def test_files_of_other_kinds_or_not_utf8_are_refused(api):
    for name, data in (("a.pdf", b"%PDF"), ("a.txt", b"\xff\xfe\x00broken\xff")):
        answer = api.post(
            "/translate_file", files={"file": (name, data)}, data={"source": "ko", "target": "en"}
        )
        assert answer.status_code == 400, name
        assert answer.json()["error"].startswith("Invalid request")


# ----------------------------------------------------------------------- limits


def test_over_the_character_limit_is_413(installed_models):
    with client(ServerSettings(char_limit=10)) as api:
        answer = api.post("/translate", json={"q": "가" * 11, "source": "ko", "target": "en"})
    assert answer.status_code == 413
    assert "exceeds text limit (10)" in answer.json()["error"]


def test_a_body_over_the_byte_limit_is_413_before_it_is_read(installed_models):
    with client(ServerSettings(max_body_bytes=1000)) as api:
        answer = api.post("/translate", json={"q": "가" * 2000, "source": "ko", "target": "en"})
    assert answer.status_code == 413
    assert answer.json()["error"] == "Invalid request: the body is over 1000 bytes"


def test_more_requests_than_the_queue_takes_get_429(installed_models):
    # The batcher holds its first call for a whole second, so the first request is still
    # waiting when the second arrives.
    settings = ServerSettings(max_queue=1, batch_window_ms=1000)
    with client(settings) as api:
        api.post("/translate", json={"q": "딥시크", "source": "ko", "target": "en"})  # loads
        answers = {}

        def slow():
            answers["first"] = api.post(
                "/translate", json={"q": "엔비디아", "source": "ko", "target": "en"}
            )

        first = threading.Thread(target=slow)
        first.start()
        for _ in range(200):  # until the first request is admitted
            if api.get("/health").json()["waiting"]:
                break
            threading.Event().wait(0.01)
        second = api.post("/translate", json={"q": "딥시크", "source": "ko", "target": "en"})
        first.join()
    assert second.status_code == 429
    assert second.json()["error"].startswith("Slowdown")
    assert answers["first"].status_code == 200


def test_requests_arriving_together_share_engine_calls(installed_models):
    with client(ServerSettings(batch_window_ms=200)) as api:
        api.post("/translate", json={"q": "딥시크", "source": "ko", "target": "en"})
        engine = api.app.state.service.engine("ko", "en")
        before = engine.calls_made
        texts = [f"엔비디아가 {number}% 올랐다." for number in range(8)]
        answers: dict[int, str] = {}

        def send(number: int):
            body = {"q": texts[number], "source": "ko", "target": "en"}
            answers[number] = api.post("/translate", json=body).json()["translatedText"]

        threads = [threading.Thread(target=send, args=(number,)) for number in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        calls = engine.calls_made - before
    assert answers == {number: f"Nvidia가 {number}% 올랐다." for number in range(8)}
    assert calls < 8  # without batching, each request makes its own call


# ----------------------------------------------------------------------- keys


def test_with_keys_every_translation_needs_one(installed_models):
    settings = ServerSettings(api_keys=frozenset({"k-123", "k-456"}))
    with client(settings) as api:
        body = {"q": "딥시크", "source": "ko", "target": "en"}
        assert api.post("/translate", json=body).status_code == 403
        assert api.post("/translate", json={**body, "api_key": "k-12"}).json() == {
            "error": "Invalid API key"
        }
        assert api.post("/translate", json={**body, "api_key": "k-456"}).status_code == 200
        bearer = {"authorization": "Bearer k-123"}
        assert api.post("/translate", json=body, headers=bearer).status_code == 200
        assert api.get("/frontend/settings").json()["keyRequired"] is True
        assert api.get("/languages").status_code == 200  # listing needs no key


def test_keys_are_compared_whole():
    keys = frozenset({"secret-key"})
    assert key_is_valid("secret-key", keys)
    for wrong in ("", "secret", "secret-key ", "secret-keyX", "SECRET-KEY"):
        assert not key_is_valid(wrong, keys)


# ----------------------------------------------------------------------- glossary


def test_lookup_and_scan(api):
    found = api.get("/glossary/lookup", params={"q": "딥시크의"}).json()
    assert [entry["en"] for entry in found["entries"]] == ["DeepSeek"]
    assert found["entries"][0]["source"].startswith("<builtin>/companies.yaml:")  # no folders
    reverse = api.get("/glossary/lookup", params={"q": "deepseek", "reverse": "true"}).json()
    assert [entry["ko"] for entry in reverse["entries"]] == ["딥시크"]
    missing = api.get("/glossary/lookup", params={"q": "딥시커"}).json()
    assert missing["entries"] == [] and "딥시크" in missing["suggestions"]
    scanned = api.post("/glossary/scan", json={"text": "엔비디아가 847조원을"}).json()
    assert [(t["ko"], t["particle"]) for t in scanned["terms"]] == [("엔비디아", "가")]
    assert scanned["figures"][0]["english"] == "847 trillion won"


def test_an_added_entry_is_written_and_used_by_the_next_translation(api, isolated_home):
    before = api.post(
        "/translate", json={"q": "테스트코프가 상장했다.", "source": "ko", "target": "en"}
    )
    assert before.json()["translatedText"].startswith("테스트코프")
    added = api.post(
        "/glossary/entries",
        json={"ko": "테스트코프", "en": "Testcorp", "type": "org", "note": "made up"},
    )
    assert added.status_code == 201
    assert added.json()["entry"]["en"] == "Testcorp"
    assert added.json()["entry"]["source"] == "my-glossary.yaml:3"  # the file, not its folder
    from bilingo.paths import user_glossary_path

    assert "테스트코프" in user_glossary_path().read_text(encoding="utf-8")
    after = api.post(
        "/translate", json={"q": "테스트코프가 상장했다.", "source": "ko", "target": "en"}
    )
    assert after.json()["translatedText"].startswith("Testcorp")

    again = api.post(
        "/glossary/entries", json={"ko": "테스트코프", "en": "TestCorp", "type": "org"}
    )
    assert again.status_code == 409
    assert again.json()["existing"]["en"] == "Testcorp"
    assert str(isolated_home) not in again.json()["error"]
    updated = api.post(
        "/glossary/entries", json={"ko": "테스트코프", "en": "TestCorp", "update": True}
    )
    assert updated.status_code == 200
    assert (
        api.get("/glossary/lookup", params={"q": "테스트코프"}).json()["entries"][0]["note"]
        == "made up"
    )  # fields not sent are kept


def test_a_bad_entry_is_a_400_naming_the_problem(api):
    answer = api.post("/glossary/entries", json={"ko": "테스트코프", "type": "org"})
    assert answer.status_code == 400
    assert "en" in answer.json()["error"]


def test_writes_from_another_machine_need_a_key(installed_models):
    entry = {"ko": "테스트코프", "en": "Testcorp", "type": "org"}
    with client(address=("192.0.2.7", 40000)) as api:
        answer = api.post("/glossary/entries", json=entry)
        assert answer.status_code == 403
        assert "--api-key-file" in answer.json()["error"]
        assert api.get("/glossary/lookup", params={"q": "딥시크"}).status_code == 200
    keyed = ServerSettings(api_keys=frozenset({"k-1"}))
    with client(keyed, address=("192.0.2.7", 40000)) as api:
        assert api.post("/glossary/entries", json=entry).status_code == 403
        assert api.post("/glossary/entries", json={**entry, "api_key": "k-1"}).status_code == 201


def test_export_gives_the_whole_glossary(api):
    tbx = api.get("/glossary/export")
    assert tbx.status_code == 200 and "DeepSeek" in tbx.text and tbx.text.startswith("<?xml")
    csv = api.get("/glossary/export", params={"format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv") and "딥시크" in csv.text
    assert api.get("/glossary/export", params={"format": "exe"}).status_code == 400


# ----------------------------------------------------------------------- the page and the rest


def test_the_page_and_only_its_own_files_are_served(api):
    page = api.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "script-src 'self';" in page.headers["content-security-policy"]
    assert api.get("/static/page.js").status_code == 200
    for path in ("/static/app.py", "/static/..%2fapp.py", "/static/index.html"):
        assert api.get(path).status_code == 404, path


def test_cors_is_off_unless_configured(installed_models):
    origin = {"origin": "https://cat-tool.example"}
    with client() as api:
        assert "access-control-allow-origin" not in api.get("/languages", headers=origin).headers
    with client(ServerSettings(cors_origins=["https://cat-tool.example"])) as api:
        headers = api.get("/languages", headers=origin).headers
        assert headers["access-control-allow-origin"] == "https://cat-tool.example"


def test_health_reports_the_glossary_and_the_directions(api):
    health = api.get("/health").json()
    assert health["status"] == "ok"
    assert health["glossary_entries"] >= 3000
    assert health["directions"] == ["ko-en", "en-ko"]
    assert health["engine_calls"] == {}  # no direction loaded yet
    api.post("/translate", json={"q": "딥시크", "source": "ko", "target": "en"})
    assert api.get("/health").json()["engine_calls"] == {"ko-en": 1}


def test_additions_go_to_the_into_file_even_before_it_exists(installed_models, tmp_path):
    team = tmp_path / "team.yaml"
    with client(ServerSettings(into=team)) as api:
        added = api.post("/glossary/entries", json={"ko": "테스트코프", "en": "Testcorp"})
        assert added.status_code == 201
        assert added.json()["entry"]["source"].startswith("team.yaml:")
        found = api.get("/glossary/lookup", params={"q": "테스트코프가"}).json()["entries"]
        assert [entry["en"] for entry in found] == ["Testcorp"]
        assert api.get("/glossary/lookup", params={"q": "딥시크"}).json()["entries"]  # kept
    assert "테스트코프" in team.read_text(encoding="utf-8")
