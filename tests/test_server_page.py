"""The review page at `/`, in a real browser: Chromium driven by Selenium over `bilingo serve`.

Skipped when Chromium, chromedriver or Selenium is missing. With BILINGO_SCREENSHOT=1 the
page is also saved as docs/images/review-page.png (the README's picture).
"""

from __future__ import annotations

import _socket
import contextlib
import ipaddress
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import BILINGO

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
from selenium.common.exceptions import NoAlertPresentException, WebDriverException  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

ROOT = Path(__file__).parent.parent
SCREENSHOT = ROOT / "docs" / "images" / "review-page.png"
WAIT = 15  # seconds, for any one thing the page does

# Written for this test (not taken from any article): glossary terms, a money figure, a hit
# of another sense (머스크, the shipping line), one left to the engine to check (another
# 머스크), and 테스트코프, a name the glossary lacks until the test adds it.
ARTICLE = (
    "중국 인공지능 기업 딥시크는 엔비디아 칩으로 새 모델을 훈련하는 데 "
    "557만6000달러가 들었다고 밝혔다.\n\n"
    "덴마크 해운사 머스크는 테스트코프와 함께 물류 시스템에 인공지능을 도입한다고 발표했다.\n\n"
    "킴벌 머스크는 테슬라 이사회에 계속 남겠다고 말했다."
)
NOTE = "<script>alert(1)</script> a company made up for this test"
API_KEY = "page-test-key"


def _browser_paths() -> tuple[str, str]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.skip("the browser test needs chromium and chromedriver", allow_module_level=True)
    return chromium, driver


CHROMIUM, CHROMEDRIVER = _browser_paths()


@pytest.fixture(scope="module", autouse=True)
def loopback_only():
    """conftest refuses every connection; Selenium must reach chromedriver and the server,
    both on this machine, so loopback connections are let through (and nothing else)."""
    refused = socket.socket.connect

    def connect(sock, address):
        host = address[0] if isinstance(address, tuple) else ""
        try:
            loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            return refused(sock, address)
        return _socket.socket.connect(sock, address)

    socket.socket.connect = connect
    yield
    socket.socket.connect = refused


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.load(response)


@contextlib.contextmanager
def serving(home: Path, *options: str):
    """`bilingo serve --engine none` (glossary and money figures, no model) with its own home;
    its URL."""
    env = {key: value for key, value in os.environ.items() if key != "BILINGO_GLOSSARY"}
    for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        (home / variable.lower()).mkdir(exist_ok=True)
        env[variable] = str(home / variable.lower())
    env.update(HOME=str(home), BILINGO_MODELS_DIR=str(home / "models"))
    port = _free_port()
    if BILINGO.exists():
        command = [str(BILINGO)]
    else:
        command = [sys.executable, "-c", "from bilingo.cli import main; main()"]
    log = home / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*command, "serve", "--engine", "none", "--port", str(port), *options],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_ready(process, url, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_ready(process: subprocess.Popen, url: str, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"bilingo serve exited: {log.read_text(errors='replace')}")
        with contextlib.suppress(OSError):
            if _get(f"{url}/health")["status"] == "ok":
                return
        time.sleep(0.1)  # polling a starting server, not waiting on the page
    pytest.fail("bilingo serve did not answer /health within 60 s")


@pytest.fixture(scope="module")
def server(tmp_path_factory, loopback_only):
    with serving(tmp_path_factory.mktemp("page-home")) as url:
        yield url


@pytest.fixture(scope="module")
def keyed_server(tmp_path_factory, loopback_only):
    home = tmp_path_factory.mktemp("page-keyed-home")
    (home / "keys.txt").write_text(f"{API_KEY}\n", encoding="utf-8")
    with serving(home, "--api-key-file", str(home / "keys.txt")) as url:
        yield url


@pytest.fixture(scope="module")
def browser(loopback_only):
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1400,900",
        "--force-device-scale-factor=1",
        "--lang=en-US",
    ):
        options.add_argument(argument)
    options.binary_location = CHROMIUM
    try:
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    except WebDriverException as error:
        pytest.skip(f"chromium cannot be started by selenium: {error.msg}")
    # A 1400 x 900 page: the window is made that much larger than its viewport.
    chrome = driver.execute_script("return [outerWidth - innerWidth, outerHeight - innerHeight]")
    driver.set_window_size(1400 + chrome[0], 900 + chrome[1])
    yield driver
    driver.quit()


def open_page(browser, url: str):
    browser.get(f"{url}/")
    wait(browser).until(lambda d: "glossary entries" in d.find_element(By.ID, "server-status").text)
    return browser


@pytest.fixture
def page(browser, server):
    yield open_page(browser, server)
    browser.execute_script("localStorage.clear()")  # the next test starts afresh


def wait(driver, seconds: float = WAIT) -> WebDriverWait:
    return WebDriverWait(driver, seconds)


def translate(driver, text: str) -> None:
    source = driver.find_element(By.ID, "source")
    source.clear()
    source.send_keys(text)
    old = driver.find_elements(By.CSS_SELECTOR, "#paragraphs .pair")
    driver.find_element(By.ID, "translate").click()
    if old:
        wait(driver).until(ec.staleness_of(old[0]))
    wait_for_result(driver)


def wait_for_result(driver) -> None:
    wait(driver).until(ec.visibility_of_element_located((By.CSS_SELECTOR, "#paragraphs .pair")))
    wait(driver).until(ec.element_to_be_clickable((By.ID, "translate")))


def column(driver, side: str) -> list:
    return driver.find_elements(By.CSS_SELECTOR, f"#paragraphs .para-{side}")


def hover(driver, element) -> str:
    """The tooltip's text once the entry behind `element` has been looked up."""
    ActionChains(driver).move_to_element(element).perform()
    tooltip = driver.find_element(By.ID, "tooltip")
    wait(driver).until(lambda d: tooltip.is_displayed() and "looking up" not in tooltip.text)
    return tooltip.text


def mark(driver, side: str, text: str, paragraph: int | None = None):
    """The first mark reading `text` in the source or target column (of one paragraph)."""
    cells = column(driver, side)
    for cell in cells if paragraph is None else [cells[paragraph]]:
        for element in cell.find_elements(By.TAG_NAME, "mark"):
            if element.text == text:
                return element
    raise AssertionError(f"no mark {text!r} in the {side} column")


def save_screenshot(driver, tmp_path: Path) -> None:
    driver.save_screenshot(str(tmp_path / "review-page.png"))
    if os.environ.get("BILINGO_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(SCREENSHOT))


def test_translation_side_by_side_with_marks_and_tooltips(page, server, tmp_path):
    translate(page, ARTICLE)

    sources, targets = column(page, "source"), column(page, "target")
    assert len(sources) == len(targets) == 3
    assert sources[0].text.startswith("중국 인공지능 기업 딥시크는")
    assert "DeepSeek" in targets[0].text and "$5.576 million" in targets[0].text
    assert sources[0].find_elements(By.CSS_SELECTOR, ".hit.insert")
    assert targets[0].find_elements(By.CSS_SELECTOR, ".hit.insert")
    assert mark(page, "source", "557만6000달러").get_attribute("class") == "figure"
    assert mark(page, "target", "$5.576 million").get_attribute("class") == "figure"
    assert "skip" in mark(page, "source", "머스크").get_attribute("class").split()
    assert sources[2].find_elements(By.CSS_SELECTOR, ".hit.verify.missing")
    assert "테스트코프" not in {m.text for m in sources[1].find_elements(By.TAG_NAME, "mark")}
    assert re.fullmatch(
        r"[1-9]\d* terms applied \(\d+×\)", page.find_element(By.ID, "count-terms").text
    )
    assert page.find_element(By.ID, "count-repairs").text == "0 repairs"
    assert "another sense" in page.find_element(By.CSS_SELECTOR, "#paragraphs .notes").text

    # Hovering a term shows its entry; its twin in the other column is outlined.
    tip = hover(page, mark(page, "source", "딥시크"))
    assert "DeepSeek" in tip and "org" in tip and "Chinese AI start-up" in tip
    assert "linked" in mark(page, "target", "DeepSeek").get_attribute("class")
    tip = hover(page, mark(page, "target", "Nvidia"))
    assert "엔비디아" in tip and "NVIDIA" in tip  # its English variant
    tip = hover(page, mark(page, "source", "557만6000달러"))
    assert "$5.576 million" in tip and "money figure" in tip
    assert not page.find_element(By.ID, "api-key-row").is_displayed()  # no key needed here
    # Nothing is fetched from anywhere but this server: the page works offline.
    resources = page.execute_script(
        "return performance.getEntriesByType('resource').map((r) => r.name)"
    )
    assert resources and all(r.startswith(f"{server}/") for r in resources)

    tip = hover(page, mark(page, "source", "머스크", paragraph=2))
    assert "Musk" in tip and "not found" in tip and "person" in tip
    save_screenshot(page, tmp_path)

    # The glossary switched off: the engine alone, nothing written in.
    page.find_element(By.ID, "use-glossary").click()
    wait(page).until(lambda d: d.find_elements(By.ID, "count-glossary"))
    wait_for_result(page)
    assert "딥시크" in column(page, "target")[0].text
    assert not page.find_elements(By.CSS_SELECTOR, "#paragraphs .hit")


def test_lookup_box(page):
    page.find_element(By.ID, "lookup-input").send_keys("딥시크")
    page.find_element(By.ID, "lookup-button").click()
    results = page.find_element(By.ID, "lookup-results")
    wait(page).until(lambda d: results.find_elements(By.CSS_SELECTOR, ".entry"))
    assert "DeepSeek" in results.text and "org" in results.text

    lookup = page.find_element(By.ID, "lookup-input")
    lookup.clear()
    lookup.send_keys("Nvidia")  # no Hangul: looked up as English
    page.find_element(By.ID, "lookup-button").click()
    wait(page).until(lambda d: "엔비디아" in results.text)


def test_add_entry_retranslates_and_escapes_the_note(page, server):
    translate(page, ARTICLE)
    add = {"add-ko": "테스트코프", "add-en": "Testcorp", "add-note": NOTE}

    # A refused entry: the server's message is shown.
    page.find_element(By.ID, "add-ko").send_keys("12345")
    page.find_element(By.ID, "add-en").send_keys("Testcorp")
    page.find_element(By.ID, "add-submit").click()
    status = page.find_element(By.ID, "add-status")
    wait(page).until(lambda d: "holds no Hangul" in status.text)

    for field, value in add.items():
        page.find_element(By.ID, field).clear()
        page.find_element(By.ID, field).send_keys(value)
    Select(page.find_element(By.ID, "add-type")).select_by_value("org")
    old = page.find_element(By.CSS_SELECTOR, "#paragraphs .pair")
    page.find_element(By.ID, "add-submit").click()
    wait(page).until(ec.staleness_of(old))
    wait_for_result(page)

    assert "Added 테스트코프 → Testcorp" in status.text
    assert NOTE in status.text  # shown as text
    assert "Testcorp" in column(page, "target")[1].text
    assert "insert" in mark(page, "source", "테스트코프").get_attribute("class").split()
    tip = hover(page, mark(page, "target", "Testcorp"))
    assert NOTE in tip and "org" in tip
    assert (
        _get(f"{server}/glossary/lookup?q=%ED%85%8C%EC%8A%A4%ED%8A%B8%EC%BD%94%ED%94%84")[
            "entries"
        ][0]["note"]
        == NOTE
    )

    # The note never ran: no alert, and the page's only script is its own.
    with pytest.raises(NoAlertPresentException):
        page.switch_to.alert.text  # noqa: B018
    scripts = page.find_elements(By.TAG_NAME, "script")
    assert [s.get_attribute("src").rsplit("/", 1)[-1] for s in scripts] == ["page.js"]

    # The same headword again: 409, with the entry that is there.
    for field, value in add.items():
        page.find_element(By.ID, field).send_keys(value)
    page.find_element(By.ID, "add-submit").click()
    wait(page).until(lambda d: "already in the glossary" in status.text)
    assert "Replace the entry" in status.text


def test_file_in_english_detected_and_translated_to_korean(page, tmp_path):
    text = "DeepSeek trained its new model on Nvidia chips.\n\nSamsung Electronics agreed."
    upload = tmp_path / "brief.md"
    upload.write_text(text, encoding="utf-8")
    Select(page.find_element(By.ID, "direction")).select_by_value("auto")
    page.find_element(By.ID, "file").send_keys(str(upload))
    wait_for_result(page)

    assert page.find_element(By.ID, "source").get_attribute("value") == text
    assert page.find_element(By.ID, "count-detected").text.startswith("detected English")
    headings = [
        page.find_element(By.ID, h).get_attribute("textContent")
        for h in ("source-heading", "target-heading")
    ]
    assert headings == ["English", "Korean"]
    assert [c.text for c in column(page, "source")] == text.split("\n\n")
    assert "insert" in mark(page, "target", "딥시크").get_attribute("class").split()
    tip = hover(page, mark(page, "source", "Nvidia"))
    assert "엔비디아" in tip and "org" in tip


def test_api_key_asked_for_and_kept(browser, keyed_server):
    page = open_page(browser, keyed_server)
    key = page.find_element(By.ID, "api-key")
    assert key.is_displayed()
    page.find_element(By.ID, "source").send_keys("딥시크는 엔비디아 칩을 쓴다.")
    page.find_element(By.ID, "translate").click()
    error = page.find_element(By.ID, "error")
    wait(page).until(lambda d: error.is_displayed() and error.text == "Invalid API key")

    key.send_keys(API_KEY)
    page.find_element(By.ID, "translate").click()
    wait_for_result(page)
    assert not error.is_displayed()
    assert "DeepSeek" in column(page, "target")[0].text
    assert "org" in hover(page, mark(page, "source", "딥시크"))  # lookups send the key too

    page.refresh()
    wait(page).until(lambda d: d.find_element(By.ID, "api-key").get_attribute("value") == API_KEY)
    page.execute_script("localStorage.clear()")
