"""The coverage view in a real browser: its numbers are the API's, drill-down, CSV export."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import screenshot
from tests.live import LiveServer

REMACTO = "network:remacto"
CIM = "programme:cim-2022-2026"
COVERAGE = """query ($network: ID, $programme: ID, $groupBy: CoverageGrouping!) {
  coverage(network: $network, programme: $programme, groupBy: $groupBy) {
    national { levels { level members total } population populationCovered populationShare }
    groups {
      territory { id name ... on Province { region { id } } }
      levels { level members total } population populationCovered populationShare
    }
  }
}"""


def api_rows(site: LiveServer, subject: str, group_by: str,
             region: str | None = None) -> tuple[list[list[str]], list[str]]:
    """The table the view should show, computed from the API: rows, then the total row."""
    key = "programme" if subject.startswith("programme:") else "network"
    found = site.data(COVERAGE, {key: subject, "groupBy": group_by})["coverage"]
    groups = found["groups"]
    national = found["national"]
    if region:
        groups = [g for g in groups if g["territory"]["region"]["id"] == region]
        regions = site.data(COVERAGE, {key: subject, "groupBy": "REGION"})["coverage"]["groups"]
        national = next(g for g in regions if g["territory"]["id"] == region)
    levels = [lvl["level"] for lvl in national["levels"] if lvl["total"] > 0
              and any(lvl["level"] == other["level"] and other["total"] > 0
                      for group in groups for other in group["levels"])]

    def cells(group: dict[str, Any]) -> list[str]:
        by_level = {lvl["level"]: lvl for lvl in group["levels"]}
        counts = [f'{by_level[lvl]["members"]} / {by_level[lvl]["total"]}' if lvl in by_level
                  else "—" for lvl in levels]
        return [*counts, f'{group["population"]:,}', f'{group["populationCovered"]:,}',
                f'{group["populationShare"] * 100:.1f} %']
    return [[g["territory"]["name"], *cells(g)] for g in groups], ["Total", *cells(national)]


def shown_rows(page: Any) -> tuple[list[list[str]], list[str]]:
    """The table's rows as shown (the Arabic name column left out), then its total row."""
    def cells(row: Any) -> list[str]:
        texts = [c.strip() for c in row.locator("th, td").all_inner_texts()]
        return [texts[0], *texts[2:]]
    body = [cells(row) for row in page.locator("table.numbers tbody tr").all()]
    foot = [c.strip() for c in page.locator("table.numbers tfoot tr th, "
                                             "table.numbers tfoot tr td").all_inner_texts()]
    return body, [foot[0], *foot[2:]]


def open_coverage(page: Any, query: str) -> None:
    page.goto(f"/coverage{query}")
    page.locator("body[data-ready]").wait_for()


@pytest.mark.parametrize("subject", [REMACTO, CIM])
def test_numbers_by_region_are_the_apis(page: Any, site: LiveServer, subject: str) -> None:
    open_coverage(page, f"?subject={subject}")
    page.locator("table.numbers tbody tr").first.wait_for()
    assert shown_rows(page) == api_rows(site, subject, "REGION")
    assert page.locator("#chart svg g").count() > 0
    screenshot(page, f"coverage-{subject.split(':')[1]}-regions")


def test_drill_down_to_provinces_and_export(page: Any, site: LiveServer) -> None:
    open_coverage(page, f"?subject={REMACTO}")
    page.locator("table.numbers tbody").get_by_role("button", name="Rabat-Salé-Kénitra").click()
    page.locator("#scope").filter(has_text="Provinces and prefectures of").wait_for()
    assert "region=MA%3A04" in page.url or "region=MA:04" in page.url
    assert shown_rows(page) == api_rows(site, REMACTO, "PROVINCE", region="MA:04")
    screenshot(page, "coverage-remacto-rabat-provinces")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    header = page.locator("table.numbers thead th").all_inner_texts()
    assert table[0] == header
    body, total = shown_rows(page)
    assert [[row[0], *row[2:]] for row in table[1:-1]] == body
    assert [table[-1][0], *table[-1][2:]] == total


def test_unknown_subject_and_api_down(page: Any) -> None:
    open_coverage(page, "?subject=network:nowhere")
    status = page.locator("#status")
    assert "No network or programme has the id “network:nowhere”" in status.inner_text()
    screenshot(page, "coverage-unknown-subject")
    page.route("**/graphql", lambda route: route.abort())
    page.reload()
    page.locator("body[data-ready]").wait_for()
    assert "cannot be reached" in status.inner_text()
    page.watch.errors.clear()  # the aborted requests are logged by the browser
    screenshot(page, "coverage-api-down")
