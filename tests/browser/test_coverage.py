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
REMACTO_NAME = "réseau marocain des collectivités locales ouvertes"
STATED_SOURCE = "Dans la sélection des besoins, le citoyen est désormais impliqué"
CIM = "programme:cim-2022-2026"
COVERAGE = """query ($network: ID, $programme: ID, $groupBy: CoverageGrouping!) {
  coverage(network: $network, programme: $programme, groupBy: $groupBy) {
    national { levels { level members total } population populationCovered populationShare }
    groups {
      territory { id code name ... on Province { region { id code name } } }
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
        counts = [f'{by_level[lvl]["members"]:,} / {by_level[lvl]["total"]:,}' if lvl in by_level
                  else "—" for lvl in levels]
        return [*counts, f'{group["population"]:,}', f'{group["populationCovered"]:,}',
                f'{group["populationShare"] * 100:.1f}%']
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
    preamble, rows = export_csv(page)
    assert preamble[0] == ["Subject", f"{REMACTO_NAME} ({REMACTO})"]
    assert preamble[1] == ["View", "Provinces and prefectures of Rabat-Salé-Kénitra"]
    assert preamble[2][0] == "Exported on" and preamble[3] == ["Address", page.url]
    assert "RGPH 2024" in preamble[4][1] and STATED_SOURCE in preamble[4][1]
    assert_csv_is_the_apis(site, rows, "PROVINCE", region="MA:04")


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


def export_csv(page: Any, semicolon: bool = False) -> tuple[list[list[str]], list[dict[str, str]]]:
    """The exported CSV: its header rows (subject, view, date, address, sources), then the
    table's rows by column name."""
    page.locator("#semicolon").set_checked(semicolon)
    with page.expect_download() as download:
        page.locator("#export").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    lines = list(csv.reader(io.StringIO(text), delimiter=";" if semicolon else ","))
    blank = lines.index([])
    header, *body = lines[blank + 1:]
    return lines[:blank], [dict(zip(header, row, strict=True)) for row in body]


def assert_csv_is_the_apis(site: LiveServer, rows: list[dict[str, str]], group_by: str,
                           region: str | None = None, decimal: str = ".") -> None:
    """Each row's codes and numbers are the API's, as plain numbers."""
    found = site.data(COVERAGE, {"network": REMACTO, "groupBy": group_by})["coverage"]
    groups = [g for g in found["groups"]
              if not region or g["territory"]["region"]["id"] == region]
    by_code = {row["HCP code"]: row for row in rows}
    assert len(rows) == len(groups) + 1
    for group in groups:
        territory = group["territory"]
        row = by_code[territory["code"]]
        assert row["Registry id"] == territory["id"] and row["Territory"] == territory["name"]
        if group_by == "PROVINCE":
            assert row["Region HCP code"] == territory["region"]["code"]
            assert row["Region"] == territory["region"]["name"]
        for level in group["levels"]:
            name = {"COMMUNE": "communes", "PROVINCE": "provinces and prefectures",
                    "REGION": "regions"}[level["level"]]
            if f"Members: {name}" in row:
                assert row[f"Members: {name}"] == str(level["members"])
                assert row[f"Total: {name}"] == str(level["total"])
        assert row["Population"] == str(group["population"])
        assert row["Population covered"] == str(group["populationCovered"])
        share = round(group["populationShare"] * 100, 2)
        assert float(row["Share of population (%)"].replace(decimal, ".")) == share


def test_csv_by_province_with_semicolons(page: Any, site: LiveServer) -> None:
    open_coverage(page, f"?subject={REMACTO}&by=PROVINCE")
    page.locator("table.numbers tbody tr").first.wait_for()
    _, rows = export_csv(page, semicolon=True)
    assert_csv_is_the_apis(site, rows, "PROVINCE", decimal=",")
    assert all("," not in row["Population"] for row in rows)


SUMMARY = {"fr": "1 sur 126 membres annoncés enregistrés nommément",
           "ar": "1 من أصل 126 عضوا معلنا مسجلون بالاسم",
           "en": "1 of 126 stated members recorded by name"}
FUNDERS = {"fr": "Bailleurs de fonds", "ar": "الممولون", "en": "Funders"}


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_stated_members_first_and_funders_apart(lang_page: Any, site: LiveServer,
                                                lang: str) -> None:
    counted = site.data("""query { coverage(network: "network:remacto") {
        memberCount { recorded stated } }
      programme: coverage(programme: "programme:cim-2022-2026") {
        funders { id } otherMembers { id } } }""")
    assert counted["coverage"]["memberCount"] == {"recorded": 1, "stated": 126}
    open_coverage(lang_page, f"?subject={REMACTO}")
    summary = lang_page.locator("#summary")
    summary.filter(has_text=SUMMARY[lang]).wait_for()
    box = summary.bounding_box()
    assert box is not None and box["y"] < lang_page.locator("#chart-figure").bounding_box()["y"]
    assert summary.get_by_text(STATED_SOURCE).count() == 1
    screenshot(lang_page, f"coverage-remacto-{lang}")
    open_coverage(lang_page, f"?subject={CIM}")
    lang_page.locator("#stated h2").filter(has_text=FUNDERS[lang]).wait_for()
    funders = [f["id"] for f in counted["programme"]["funders"]]
    assert funders == ["org:belgian-development-cooperation"]
    listed = lang_page.locator("#stated a").evaluate_all("links => links.map(a => a.href)")
    assert sum(href.endswith(f"/entity/{funders[0]}") for href in listed) == 1
    assert not counted["programme"]["otherMembers"]
    screenshot(lang_page, f"coverage-cim-{lang}")
