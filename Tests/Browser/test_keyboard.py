"""Creating a project from a kit and reaching an indicator page with the keyboard only (no clicks)."""

from urllib.parse import urlparse

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from pages import FIRST_INDICATOR_LINK, KIT, check_status, focused, open_page, path, press, tab_until, wait_for_path

ORGANISATION = "keyboard-org"
NAME = "Keyboard barometer"
SLUG = "keyboard-barometer"
# What to type in the text fields of the new-project form, by words of their label.
ANSWERS = {
    "organisation address": ORGANISATION,
    "organisation name": "Keyboard organisation",
    "project name": NAME,
    "project address": SLUG,
    "description": "Made in the browser tests with the keyboard only.",
}

KIT_CONTROL = """
const kit = arguments[0];
const radio = document.querySelector(`input[type=radio][value="${kit}"]`);
if (radio) return radio;
return Array.from(document.querySelectorAll('select'))
  .find(s => Array.from(s.options).some(o => o.value === kit)) || null;
"""

FOCUS_INFO = """
const el = arguments[0], form = arguments[1];
const label = Array.from(el.labels || []).map(l => l.textContent).join(' ');
return {tag: el.tagName.toLowerCase(), type: (el.type || '').toLowerCase(), value: el.value || '',
        checked: !!el.checked, required: !!el.required, inForm: form.contains(el),
        label: label.replace(/\\s+/g, ' ').trim().toLowerCase()};
"""


def choose_kit(driver, control, info):
    """Chooses the kit in a focused <select> or radio group with the arrow keys."""
    if info["tag"] == "select":
        count = len(control.find_elements(By.TAG_NAME, "option"))
        for key in [Keys.ARROW_DOWN] * count + [Keys.ARROW_UP] * count:
            if control.get_attribute("value") == KIT:
                return
            press(driver, key)
        assert control.get_attribute("value") == KIT, f"the arrow keys did not reach the kit {KIT} in the list"
    else:
        for _ in range(20):
            radio = focused(driver)
            if radio.get_attribute("value") == KIT:
                if not radio.is_selected():
                    press(driver, Keys.SPACE)
                assert radio.is_selected(), f"the radio button of {KIT} could not be checked"
                return
            press(driver, Keys.ARROW_DOWN)
        raise AssertionError(f"the arrow keys did not reach the kit {KIT} in the radio group")


def type_into_focused(driver, text):
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).perform()
    press(driver, text)


def test_create_a_project_from_a_kit_with_the_keyboard(admin, server):
    open_page(admin, server.url + "/projects/new")
    kit_control = admin.execute_script(KIT_CONTROL, KIT)
    assert kit_control, f"/projects/new offers no kit choice with the value {KIT} (a <select> or radio group)"
    form = admin.execute_script("return arguments[0].form", kit_control)
    assert form, "the kit choice is not inside a form"

    typed, kit_chosen, unknown = set(), False, []
    for _ in range(200):
        press(admin, Keys.TAB)
        element = focused(admin)
        info = admin.execute_script(FOCUS_INFO, element, form)
        if not info["inForm"]:
            continue
        same_group = info["type"] == "radio" and element.get_attribute("name") == kit_control.get_attribute("name")
        if element == kit_control or same_group:
            choose_kit(admin, element, info)
            kit_chosen = True
        elif info["tag"] == "textarea" or info["tag"] == "input" and info["type"] in ("text", "email", "url", "search"):
            answer = next((value for words, value in ANSWERS.items() if words in info["label"]), None)
            if answer is not None:
                type_into_focused(admin, answer)
                typed.add(answer)
            elif info["required"] and not info["value"]:
                unknown.append(info["label"])
        elif info["tag"] == "button" or info["type"] == "submit":
            break
    else:
        raise AssertionError("Tab never reached the form's submit button")

    assert kit_chosen, f"Tab never reached the kit choice ({KIT})"
    assert not unknown, f"required fields this test does not know how to fill: {unknown}"
    assert {ORGANISATION, NAME, SLUG} <= typed, f"Tab reached only these fields: {typed}"
    press(admin, Keys.ENTER)  # on the focused submit button

    errors = lambda: " ".join(e.text for e in admin.find_elements(By.CSS_SELECTOR, "[role=alert]"))
    try:
        wait_for_path(admin, f"/projects/{SLUG}")
    except Exception:
        raise AssertionError(f"the project was not created; now at {path(admin)}, the page says: {errors()!r}")
    check_status(admin)
    assert NAME in admin.find_element(By.TAG_NAME, "h1").text
    main = admin.find_element(By.TAG_NAME, "main").text
    assert "db_survey" in main, "the workspace does not list the kit's questionnaire db_survey"

    explorer = f"/projects/{SLUG}/framework"
    tab_until(admin, lambda el: el.tag_name == "a" and urlparse(el.get_attribute("href") or "").path == explorer)
    press(admin, Keys.ENTER)
    wait_for_path(admin, explorer)
    check_status(admin)
    assert admin.find_elements(By.TAG_NAME, "h1"), "the framework explorer has no h1"


def test_an_indicator_page_is_reachable_with_the_keyboard(admin, first_indicator, indicator_titles):
    title = indicator_titles.get(first_indicator["code"])
    assert title, f"indicator {first_indicator['code']} is not in kits/{KIT}/framework.yaml"
    open_page(admin, first_indicator["page"])
    link = admin.execute_script(FIRST_INDICATOR_LINK)
    tab_until(admin, lambda el: el == link, limit=1000)
    press(admin, Keys.ENTER)
    wait_for_path(admin, urlparse(first_indicator["url"]).path)
    check_status(admin)
    h1 = " ".join(admin.find_element(By.TAG_NAME, "h1").text.split())
    assert title in h1, f"the indicator page's h1 {h1!r} does not contain the indicator's title {title!r}"
