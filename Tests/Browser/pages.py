"""Helpers to open pages, find controls by their label and move through a page with the keyboard."""

from urllib.parse import urlparse

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The kit the tests start projects from.
KIT = "disability-barometer"


FIRST_INDICATOR_LINK = """
const table = document.querySelector('main table');
if (!table) return null;
return Array.from(table.querySelectorAll('a[href]')).find(a => a.pathname.includes('/framework/indicators/')) || null;
"""


def open_page(driver, url):
    driver.get(url)
    check_status(driver)


def check_status(driver):
    """Checks, with a fetch from the same browser session, that the current page answers 200."""
    url = driver.current_url
    status = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status), e => done(String(e)));", url)
    assert status == 200, f"GET {url} answered {status}: {heading(driver)!r}"


def heading(driver):
    h1 = driver.find_elements(By.TAG_NAME, "h1")
    return h1[0].text if h1 else driver.title


def path(driver):
    return urlparse(driver.current_url).path


def wait_for_path(driver, expected, timeout=15):
    WebDriverWait(driver, timeout).until(lambda d: path(d) == expected,
                                         f"expected to arrive at {expected}")


def control_for_label(driver, text, scope=None):
    """The form control whose <label> contains text (via for= or by nesting)."""
    root = scope or driver
    labels = [label for label in root.find_elements(By.TAG_NAME, "label") if text.lower() in label.text.lower()]
    assert labels, f"no label containing {text!r} on {driver.current_url}"
    target = labels[0].get_attribute("for")
    if target:
        return driver.find_element(By.ID, target)
    return labels[0].find_element(By.CSS_SELECTOR, "input, select, textarea")


def press(driver, *keys):
    """Presses keys on whatever has the focus, as a person at the keyboard would."""
    ActionChains(driver).send_keys(*keys).perform()


def focused(driver):
    return driver.switch_to.active_element


def tab_until(driver, wanted, limit=400):
    """Presses Tab until wanted(focused element) is true; returns that element."""
    for _ in range(limit):
        press(driver, Keys.TAB)
        element = focused(driver)
        if wanted(element):
            return element
    raise AssertionError(f"Tab did not reach the element within {limit} presses on {driver.current_url}")


def describe(element):
    html = element.get_attribute("outerHTML") or ""
    return html if len(html) < 160 else html[:157] + "..."


def axe_violations(driver, axe_source):
    """Runs axe-core on the current page with the WCAG 2.0/2.1 A and AA rules."""
    driver.execute_script(axe_source)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}}).then(done, e => done({error: String(e)}));",
        AXE_TAGS)
    assert "error" not in result, f"axe failed: {result['error']}"
    return result["violations"]


def format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    {target}: {node['html'][:160]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    ... and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)
