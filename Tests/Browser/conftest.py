"""Fixtures: a real `counted serve` on a temporary SQLite database, headless Chromium, axe-core."""

import contextlib
import importlib.util
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from pages import FIRST_INDICATOR_LINK, KIT, control_for_label, open_page

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ADMIN_EMAIL = "admin@example.org"
ADMIN_PASSWORD = "browser-tests-password"
# The project the explorer tests read, made from the kit with the CLI before the server starts.
KIT_ORGANISATION = "browser-tests"
KIT_PROJECT = "kit-barometer"


@dataclass
class Server:
    url: str
    kit_project_error: str  # empty when `counted project create --kit` worked


def counted_bin():
    path = os.environ.get("COUNTED_BIN") or str(PROJECT_ROOT / ".build/debug/counted")
    if not os.access(path, os.X_OK):
        pytest.exit(f"No Counted binary at {path}: build it (swift build) or pass it to run.sh.", returncode=2)
    return path


def run_cli(binary, *args, stdin=""):
    return subprocess.run([binary, *args], input=stdin, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="session")
def server():
    binary = counted_bin()
    data = tempfile.mkdtemp(prefix="counted-browser.")
    database = f"sqlite:{data}"
    added = run_cli(binary, "user", "add", "--database", database, "--email", ADMIN_EMAIL,
                    "--admin", "--password-stdin", stdin=ADMIN_PASSWORD + "\n")
    assert added.returncode == 0, f"counted user add failed: {added.stdout}{added.stderr}"
    created = run_cli(binary, "project", "create", "--database", database, "--organisation", KIT_ORGANISATION,
                      "--slug", KIT_PROJECT, "--name", "Kit barometer", "--owner", ADMIN_EMAIL, "--kit", KIT)
    kit_error = "" if created.returncode == 0 else (
        f"counted project create --kit {KIT} failed (exit {created.returncode}): {(created.stdout + created.stderr).strip()}")

    with serving(binary, data) as url:
        yield Server(url=url, kit_project_error=kit_error)


@pytest.fixture(scope="session")
def demo_server():
    """`counted serve --demo` on its own temporary database: the public barometer with two published rounds."""
    with serving(counted_bin(), tempfile.mkdtemp(prefix="counted-browser-demo."), "--demo") as url:
        yield Server(url=url, kit_project_error="")


@contextlib.contextmanager
def serving(binary, data, *arguments):
    """Runs `counted serve` on a SQLite database in the directory data (removed afterwards); yields its URL."""
    log_path = Path(data) / "serve.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen([binary, "serve", "--database", f"sqlite:{data}", "--port", "0", *arguments],
                                   stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        yield wait_until_serving(process, log_path, timeout=180)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(data, ignore_errors=True)


def wait_until_serving(process, log_path, timeout=60):
    """Reads the port from the server's log (it was started with --port 0), then waits for GET /health."""
    deadline = time.monotonic() + timeout
    url = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"counted serve exited with {process.returncode}:\n{log_path.read_text()}")
        if url is None:
            found = re.search(r"(?:listening on |running at http://)([\d.]+:\d+)", log_path.read_text())
            url = found and f"http://{found[1]}"
        if url:
            try:
                with urllib.request.urlopen(url + "/health", timeout=2) as response:
                    if response.status == 200:
                        return url
            except OSError:
                pass
        time.sleep(0.2)
    raise RuntimeError(f"counted serve did not answer /health within {timeout} s:\n{log_path.read_text()}")


def make_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800"]:
        options.add_argument(argument)
    # Never let Selenium download a driver: the machine's chromedriver matches its chromium.
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    return driver


@pytest.fixture(scope="session")
def visitor(demo_server):
    """A browser that has not signed in, for the demo's public barometer."""
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def anonymous(server):
    """A browser that has not signed in."""
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def admin(server):
    """A browser signed in as the administrator through the login page."""
    driver = make_driver()
    try:
        driver.get(server.url + "/login")
        control_for_label(driver, "E-mail address").send_keys(ADMIN_EMAIL)
        password = control_for_label(driver, "Password")
        password.send_keys(ADMIN_PASSWORD)
        password.send_keys(Keys.ENTER)
        WebDriverWait(driver, 10).until(lambda d: "/login" not in d.current_url)
        assert driver.find_elements(By.XPATH, "//button[normalize-space()='Sign out']"), \
            f"Signing in did not work; the page says: {driver.find_element(By.TAG_NAME, 'main').text}"
    except BaseException:
        driver.quit()
        raise
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def kit_project(server):
    """The slug of the project made from the kit; fails the test if it could not be made."""
    if server.kit_project_error:
        pytest.fail(server.kit_project_error)
    return KIT_PROJECT


@pytest.fixture(scope="session")
def first_indicator(server, admin, kit_project):
    """The first indicator link in the first table of the explorer (by theme): its url and code."""
    page = f"{server.url}/projects/{kit_project}/framework"
    open_page(admin, page)
    link = admin.execute_script(FIRST_INDICATOR_LINK)
    assert link, f"no link to an indicator page (/framework/indicators/CODE) in the first table of {page}"
    url = link.get_attribute("href")
    return {"page": page, "url": url, "code": urllib.parse.unquote(url.rstrip("/").rsplit("/", 1)[-1])}


@pytest.fixture(scope="session")
def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")
    return (Path(spec.submodule_search_locations[0]) / "axe.min.js").read_text()


@pytest.fixture(scope="session")
def indicator_titles():
    """Indicator code -> English title, from the kit's framework.yaml (a few lines of it, no YAML library)."""
    titles, code, in_title = {}, None, False
    for line in (PROJECT_ROOT / "kits" / KIT / "framework.yaml").read_text().splitlines():
        text = line.strip()
        if found := re.fullmatch(r"-\s*code:\s*(\S+)", text):
            code, in_title = found[1].strip("\"'"), False
        elif text == "title:":
            in_title = True
        elif in_title and code and (found := re.fullmatch(r"en:\s*(.+)", text)):
            value = found[1]
            titles[code] = value[1:-1] if value[0] in "\"'" and value[-1] == value[0] else value
            code, in_title = None, False
    return titles
