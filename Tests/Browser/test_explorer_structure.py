"""The framework explorer's structure: headings, tables, link names, and the first Tab stop."""

import pytest
from selenium.webdriver.common.keys import Keys

from pages import describe, focused, open_page, press

VIEWS = ["framework", "framework/rights", "framework/sdg", "indicator"]

HEADINGS = "return Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6'))" \
           ".map(h => [Number(h.tagName[1]), h.textContent.replace(/\\s+/g, ' ').trim()]);"

TABLES = """
const scopes = ['col', 'row', 'colgroup', 'rowgroup'];
return Array.from(document.querySelectorAll('table')).map(t => ({
  caption: t.caption ? t.caption.textContent.trim() : '',
  headers: t.querySelectorAll('th').length,
  unscoped: Array.from(t.querySelectorAll('th'))
    .filter(th => !scopes.includes((th.getAttribute('scope') || '').toLowerCase()))
    .map(th => th.textContent.trim()),
}));
"""

# A link's accessible text, roughly as browsers compute it: aria-labelledby, aria-label, its
# text and the alt text of images in it, or its title.
NAMELESS_LINKS = """
const text = e => (e ? e.textContent : '').replace(/\\s+/g, ' ').trim();
function name(a) {
  const by = (a.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
  if (by.length) return by.map(id => text(document.getElementById(id))).join(' ').trim();
  const label = (a.getAttribute('aria-label') || '').trim();
  if (label) return label;
  const alts = Array.from(a.querySelectorAll('img[alt]')).map(i => i.alt).join(' ');
  return (text(a) + ' ' + alts).trim() || (a.getAttribute('title') || '').trim();
}
return Array.from(document.querySelectorAll('a[href]')).filter(a => !name(a)).map(a => a.outerHTML);
"""

FOCUS = """
const el = arguments[0], style = getComputedStyle(el), box = el.getBoundingClientRect();
const href = el.getAttribute('href') || '';
return {
  skipLink: el.tagName === 'A' && href.startsWith('#') && href.length > 1 && !!document.getElementById(href.slice(1)),
  firstNavLink: el === document.querySelector('nav a[href]'),
  outline: style.outlineStyle, boxShadow: style.boxShadow,
  onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
            && box.left < innerWidth && box.top < innerHeight,
};
"""


@pytest.fixture(params=VIEWS)
def explorer_page(request, admin, server):
    if request.param == "indicator":
        url = request.getfixturevalue("first_indicator")["url"]
    else:
        url = f"{server.url}/projects/{request.getfixturevalue('kit_project')}/{request.param}"
    open_page(admin, url)
    return url


def test_one_h1_and_no_skipped_heading_level(admin, explorer_page):
    headings = admin.execute_script(HEADINGS)
    h1s = [text for level, text in headings if level == 1]
    assert len(h1s) == 1, f"{explorer_page} has {len(h1s)} h1 elements: {h1s}"
    skips, previous = [], (0, "(top of the page)")
    for level, text in headings:
        if level > previous[0] + 1:
            skips.append(f"h{previous[0]} {previous[1]!r} -> h{level} {text!r}")
        previous = (level, text)
    assert not skips, f"heading levels skip on {explorer_page}: {skips}"


def test_tables_have_captions_and_scoped_headers(admin, explorer_page):
    problems = []
    for number, table in enumerate(admin.execute_script(TABLES), start=1):
        if not table["caption"]:
            problems.append(f"table {number} has no caption")
        if not table["headers"]:
            problems.append(f"table {number} ({table['caption']!r}) has no th")
        if table["unscoped"]:
            problems.append(f"table {number} ({table['caption']!r}): th without scope: {table['unscoped'][:5]}")
    assert not problems, f"on {explorer_page}: " + "; ".join(problems)


def test_every_link_has_accessible_text(admin, explorer_page):
    nameless = admin.execute_script(NAMELESS_LINKS)
    assert not nameless, f"links without accessible text on {explorer_page}: {nameless[:5]}"


def test_first_tab_reaches_a_skip_link_or_the_first_nav_link_with_visible_focus(admin, explorer_page):
    press(admin, Keys.TAB)
    element = focused(admin)
    focus = admin.execute_script(FOCUS, element)
    assert focus["skipLink"] or focus["firstNavLink"], \
        f"the first Tab on {explorer_page} went to {describe(element)}, not a skip link or the first nav link"
    assert focus["outline"] != "none" or focus["boxShadow"] != "none", \
        f"focus is not visible on {describe(element)}: outline-style none and no box-shadow"
    assert focus["onScreen"], f"the focused {describe(element)} is outside the window"
