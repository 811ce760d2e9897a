"""The installed `bilingo serve` as a real process on a loopback port, spoken to by a real
LibreTranslate client (libretranslatepy, from PyPI) and by plain HTTP."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest
from libretranslatepy import LibreTranslateAPI

from .conftest import BILINGO, run_bilingo


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as answer:
        return json.loads(answer.read())


def post_json(url: str, body: dict, timeout: float = 60):
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as answer:
        return answer.status, json.loads(answer.read())


class Server:
    """`bilingo serve ...` on a free port, stopped (SIGTERM) when the test ends."""

    def __init__(self, *options: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [str(BILINGO), "serve", "--port", str(self.port), *options],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=os.environ.copy(),
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(self.process.stderr.read().decode())
            try:
                get_json(self.url + "/health")
                return
            except OSError:
                time.sleep(0.05)
        self.process.kill()
        raise AssertionError("the server did not answer within 30 s")

    def stop(self) -> tuple[int, str]:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        _, stderr = self.process.communicate(timeout=60)
        return self.process.returncode, stderr.decode()


@pytest.fixture
def server(installed_models):
    running = Server()
    yield running
    running.stop()


def test_an_off_the_shelf_libretranslate_client_works_unchanged(server):
    client = LibreTranslateAPI(server.url + "/")
    assert client.translate("딥시크의 투자는 557만6000달러였다.", "ko", "en") == (
        "DeepSeek의 투자는 $5.576 million였다."
    )
    assert client.translate("DeepSeek rose.", "en", "ko") == "딥시크 rose."
    assert client.detect("엔비디아가 올랐다")[0]["language"] == "ko"
    assert {language["code"] for language in client.languages()} == {"ko", "en"}


def test_a_key_file_makes_the_client_send_its_key(installed_models, tmp_path):
    keys = tmp_path / "keys.txt"
    keys.write_text("# team keys\nteam-key-1\n", encoding="utf-8")
    running = Server("--api-key-file", str(keys))
    try:
        with pytest.raises(urllib.error.HTTPError) as refused:
            LibreTranslateAPI(running.url + "/").translate("딥시크", "ko", "en")
        assert refused.value.code == 403
        keyed = LibreTranslateAPI(running.url + "/", api_key="team-key-1")
        assert keyed.translate("딥시크", "ko", "en") == "DeepSeek"
    finally:
        running.stop()


def test_stopping_lets_a_request_in_flight_finish(server):
    long_text = "\n\n".join(
        f"엔비디아가 {n}% 올랐고 딥시크는 {n}억달러를 모았다." for n in range(1500)
    )
    answers = {}

    def send():
        answers["long"] = post_json(
            server.url + "/translate", {"q": long_text, "source": "ko", "target": "en"}
        )

    sender = threading.Thread(target=send)
    sender.start()
    deadline = time.monotonic() + 30
    while not get_json(server.url + "/health")["waiting"]:
        assert time.monotonic() < deadline, "the request never arrived"
        time.sleep(0.01)
    code, stderr = server.stop()  # SIGTERM while the request is being translated
    sender.join()
    status, body = answers["long"]
    assert status == 200
    assert body["translatedText"].count("Nvidia가") == 1500
    assert code == 0, stderr
    assert "Traceback" not in stderr


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--api-key-file", "no-such-keys.txt"], "no-such-keys.txt"),
        (["--device", "gpu"], "device must be one of cpu, cuda, auto"),
        (["--port", "70000"], "--port must be between 0 and 65535"),
        (["--char-limit", "0"], "char-limit must be at least 1"),
    ],
)
def test_bad_options_are_one_plain_error(options, message):
    result = run_bilingo("serve", *options)
    assert result.returncode != 0
    assert message in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_a_port_in_use_is_one_plain_error(installed_models):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = run_bilingo("serve", "--port", str(taken.getsockname()[1]))
    stderr = result.stderr.decode()
    assert result.returncode != 0
    assert "already in use" in stderr
    assert "Traceback" not in stderr


def test_translate_takes_a_device_and_refuses_a_missing_one(installed_models, tmp_path):
    source = tmp_path / "기사.txt"
    source.write_text("딥시크가 올랐다.\n", encoding="utf-8")
    on_cpu = run_bilingo("translate", source, "--device", "cpu")
    assert on_cpu.returncode == 0 and on_cpu.stdout.decode().startswith("DeepSeek가")
    unknown = run_bilingo("translate", source, "--device", "gpu")
    assert unknown.returncode != 0
    assert "device must be one of cpu, cuda, auto" in unknown.stderr.decode()
    import ctranslate2

    if ctranslate2.get_cuda_device_count() == 0:
        no_gpu = run_bilingo("translate", source, "--device", "cuda")
        assert no_gpu.returncode != 0
        assert "cannot be loaded" in no_gpu.stderr.decode()
        assert "Traceback" not in no_gpu.stderr.decode()
