"""axe-core (WCAG 2.0 and 2.1, levels A and AA) finds no violation on Counted's pages."""

import pytest

from pages import axe_violations, format_violations, open_page

EXPLORER_VIEWS = ["framework", "framework/rights", "framework/sdg"]


def check(driver, axe_source, url):
    open_page(driver, url)
    violations = axe_violations(driver, axe_source)
    assert not violations, f"axe on {url}:\n{format_violations(violations)}"


@pytest.mark.parametrize("page", ["/", "/login"])
def test_pages_for_visitors(anonymous, server, axe_source, page):
    check(anonymous, axe_source, server.url + page)


@pytest.mark.parametrize("page", ["/", "/projects/new"])
def test_pages_for_administrators(admin, server, axe_source, page):
    check(admin, axe_source, server.url + page)


def test_workspace_of_a_kit_project(admin, server, axe_source, kit_project):
    check(admin, axe_source, f"{server.url}/projects/{kit_project}")


@pytest.mark.parametrize("view", EXPLORER_VIEWS)
def test_framework_explorer(admin, server, axe_source, kit_project, view):
    check(admin, axe_source, f"{server.url}/projects/{kit_project}/{view}")


def test_indicator_page(admin, server, axe_source, first_indicator):
    check(admin, axe_source, first_indicator["url"])
