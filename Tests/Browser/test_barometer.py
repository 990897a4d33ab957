"""The demo's public barometer in a real browser: axe-core finds no violation on any public page,
the pages fit a 320 px screen, and a keyboard alone goes from the overview to a chart's numbers."""

import re
import urllib.parse
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from pages import axe_violations, describe, focused, format_violations, open_page, path, press, tab_until, wait_for_path

# Files, not pages: downloads and the PDF are checked by the open-data tests.
NOT_PAGES = re.compile(r"/data/|\.(csv|pdf|yaml|json)$")


def public_pages(base):
    """Every page reachable from /p/demo by links that stay in the project's public pages."""
    start = base + "/p/demo"
    seen, queue = {start}, [start]
    while queue:
        url = queue.pop(0)
        with urllib.request.urlopen(url, timeout=30) as response:
            assert response.status == 200, f"GET {url} answered {response.status}"
            html = response.read().decode()
        for href in re.findall(r'href="([^"#]+)', html):
            target = urllib.parse.urljoin(url, href.replace("&amp;", "&"))
            parts = urllib.parse.urlparse(target)
            if not parts.path.startswith("/p/demo") or NOT_PAGES.search(parts.path) or target in seen:
                continue
            seen.add(target)
            queue.append(target)
    return sorted(seen)


@pytest.fixture(scope="session")
def pages(demo_server):
    found = public_pages(demo_server.url)
    # Both rounds, both languages, every theme and indicator, the downloads and the report.
    assert any("/rounds/1/indicators/" in url for url in found) and any("/rounds/2/report" in url for url in found)
    assert any("lang=fr" in url for url in found)
    return found


def test_axe_finds_no_violation_on_any_public_page(visitor, axe_source, pages):
    failures = []
    for url in pages:
        open_page(visitor, url)
        violations = axe_violations(visitor, axe_source)
        if violations:
            failures.append(f"axe on {url}:\n{format_violations(violations)}")
    print(f"axe checked {len(pages)} public pages of the demo barometer")
    assert len(pages) > 100
    assert not failures, "\n".join(failures[:10]) + (f"\n... and {len(failures) - 10} more pages" if len(failures) > 10 else "")


@pytest.mark.parametrize("page", ["", "/rounds/2/themes/WORK", "/rounds/2/indicators/DB-WORK-1", "/rounds/1/downloads", "/rounds/2/report"])
def test_public_pages_fit_a_320_px_screen(visitor, demo_server, page):
    visitor.set_window_size(320, 800)
    try:
        open_page(visitor, demo_server.url + "/p/demo" + page)
        width = visitor.execute_script("return document.documentElement.scrollWidth")
        inner = visitor.execute_script("return window.innerWidth")
        assert width <= inner, f"/p/demo{page} is {width} px wide on a {inner} px screen"
        # Every chart is drawn within the screen.
        for svg in visitor.find_elements(By.CSS_SELECTOR, "figure.chart svg"):
            assert svg.rect["width"] <= inner, f"a chart of /p/demo{page} is {svg.rect['width']} px wide"
    finally:
        visitor.set_window_size(1280, 800)


def test_from_the_overview_to_a_charts_numbers_with_the_keyboard(visitor, demo_server):
    open_page(visitor, demo_server.url + "/p/demo")
    # The theme of work and income: its first indicator is a survey outcome with charts (the first
    # theme starts with structural assessments, which have none).
    theme = tab_until(visitor, lambda e: e.tag_name == "a" and (e.get_attribute("href") or "").endswith("/themes/WORK")
                      and e.find_elements(By.XPATH, "ancestor::main"))
    target = urllib.parse.urlparse(theme.get_attribute("href")).path
    press(visitor, Keys.ENTER)
    wait_for_path(visitor, target)

    indicator = tab_until(visitor, lambda e: e.tag_name == "a" and "/indicators/" in (e.get_attribute("href") or "")
                          and e.find_elements(By.XPATH, "ancestor::table"))
    target = urllib.parse.urlparse(indicator.get_attribute("href")).path
    press(visitor, Keys.ENTER)
    wait_for_path(visitor, target)
    assert path(visitor) == target

    summary = tab_until(visitor, lambda e: e.tag_name == "summary")
    details = summary.find_element(By.XPATH, "..")
    assert details.get_attribute("open") is None
    press(visitor, Keys.ENTER)
    assert details.get_attribute("open") is not None, f"Enter did not open {describe(summary)}"
    table = details.find_element(By.TAG_NAME, "table")
    assert table.is_displayed() and table.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert focused(visitor) == summary


def test_the_report_renders_to_pdf(demo_server):
    """The server prints the report with the machine's headless Chromium (this harness installs it)."""
    with urllib.request.urlopen(demo_server.url + "/p/demo/rounds/2/report.pdf", timeout=180) as response:
        assert response.status == 200
        assert response.headers["Content-Type"] == "application/pdf"
        pdf = response.read()
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= 5, f"the report PDF has {pages} pages"
