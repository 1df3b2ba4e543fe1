"""Twinnings abroad on the coverage view: the API's numbers, drill-down, country filter, URL."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.browser.conftest import screenshot
from tests.live import LiveServer

TWINNING_COVERAGE = """query ($by: CoverageGrouping!, $country: String) {
  twinningCoverage(groupBy: $by, country: $country) {
    national { ...Twinned }
    groups { ...Twinned }
  }
}
fragment Twinned on TwinningCoverageGroup {
  twinnings
  countries { countryCode twinnings }
  coverage {
    territory { id name ... on Province { region { id } } }
    levels { level members total } population populationCovered populationShare
    members { id }
  }
}"""
RABAT = "MA:04"
TOP = 3


def api_twinnings(site: LiveServer, group_by: str, country: str | None = None,
                  region: str | None = None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The whole (Morocco, or the region) and its groups, as the API gives them."""
    found = site.data(TWINNING_COVERAGE, {"by": group_by, "country": country})["twinningCoverage"]
    whole, groups = found["national"], found["groups"]
    if region:
        groups = [g for g in groups if g["coverage"]["territory"]["region"]["id"] == region]
        regions = site.data(TWINNING_COVERAGE,
                            {"by": "REGION", "country": country})["twinningCoverage"]["groups"]
        whole = next(g for g in regions if g["coverage"]["territory"]["id"] == region)
    return whole, groups


def country_names(page: Any, codes: list[str]) -> dict[str, str]:
    """English names of ISO codes, as the browser gives them (the page names countries so)."""
    names: list[str] = page.evaluate(
        "codes => codes.map((c) => new Intl.DisplayNames(['en'], { type: 'region' }).of(c))",
        codes)
    return dict(zip(codes, names, strict=True))


def countries_text(countries: list[dict[str, Any]], names: dict[str, str],
                   limit: int | None = None) -> str:
    shown = [f'{names[c["countryCode"]]} {c["twinnings"]}' for c in countries[:limit]]
    rest = len(countries) - len(shown)
    if rest <= 0:
        return ", ".join(shown) or "—"
    return f'{", ".join(shown)}, … {rest} more {"country" if rest == 1 else "countries"}'


def expected_rows(page: Any, site: LiveServer, group_by: str, country: str | None = None,
                  region: str | None = None, limit: int | None = TOP) -> list[list[str]]:
    """The table the view should show, the whole first, from the API (Arabic names left out)."""
    whole, groups = api_twinnings(site, group_by, country, region)
    codes = sorted({c["countryCode"] for g in [whole, *groups] for c in g["countries"]})
    names = country_names(page, codes)
    national = whole["coverage"]

    def present(level: str, group: dict[str, Any]) -> bool:
        return any(lvl["level"] == level and lvl["total"] > 0 for lvl in group["levels"])
    levels = [lvl["level"] for lvl in national["levels"]
              if present(lvl["level"], national)
              and any(present(lvl["level"], g["coverage"]) for g in groups)
              and (lvl["level"] == "COMMUNE" or lvl["members"] > 0)]
    assert "COMMUNE" in levels

    def line(group: dict[str, Any], name: str) -> list[str]:
        cover = group["coverage"]
        by_level = {lvl["level"]: lvl for lvl in cover["levels"]}
        counts = [f'{by_level[lvl]["members"]:,} / {by_level[lvl]["total"]:,}' if lvl in by_level
                  else "—" for lvl in levels]
        return [name, *counts,
                f'{group["twinnings"]:,}', countries_text(group["countries"], names, limit),
                f'{cover["population"]:,}', f'{cover["populationCovered"]:,}',
                f'{cover["populationShare"] * 100:.1f}%']
    whole_name = national["territory"]["name"] if region else "Morocco"
    return [line(whole, whole_name),
            *[line(g, g["coverage"]["territory"]["name"]) for g in groups]]


def shown_rows(page: Any) -> list[list[str]]:
    """The table's rows as shown, the whole first (the Arabic name column left out)."""
    def cells(row: Any) -> list[str]:
        texts = [c.strip() for c in row.locator("th, td").all_inner_texts()]
        return [texts[0], *texts[2:]]
    return [cells(row) for row in page.locator("table.numbers tbody tr").all()]


def open_twinnings(page: Any, query: str = "") -> None:
    page.goto(f"/coverage?subject=twinnings{query}")
    page.locator("body[data-ready]").wait_for()
    page.locator("table.numbers tbody tr").first.wait_for()


def test_twinnings_by_region_are_the_apis(page: Any, site: LiveServer) -> None:
    open_twinnings(page)
    assert page.locator("#status").inner_text() == ""
    rows = shown_rows(page)
    assert rows == expected_rows(page, site, "REGION")
    whole, groups = api_twinnings(site, "REGION")
    assert whole["twinnings"] > 0 and rows[0][0] == "Morocco"
    assert page.locator("table.numbers tbody tr.lead").count() == 1
    assert len(rows) == len(groups) + 1
    assert page.locator("#subject").input_value() == "twinnings"
    assert page.locator("#country-filter").is_visible()
    # The chart: the whole and each region, with a line saying the twinnings and countries.
    notes = page.locator("#chart svg text.note").all_text_contents()
    assert len(notes) == len(groups) + 1
    assert notes[0].startswith(f'{whole["twinnings"]} twinnings: ')
    # The country filter offers the countries of the national figures, and only them.
    offered = page.locator("#country option").evaluate_all("options => options.map(o => o.value)")
    assert offered[0] == ""
    assert sorted(offered[1:]) == sorted(c["countryCode"] for c in whole["countries"])
    # The twinned collectivities are listed, each linking to the explorer.
    links = page.locator("#stated ul.twinned a")
    assert links.count() == len(whole["coverage"]["members"])
    screenshot(page, "coverage-twinnings-regions")


def top_country(site: LiveServer) -> tuple[str, dict[str, Any]]:
    """The country that most twinnings of Rabat-Salé-Kénitra have, and the region's figures."""
    whole, _ = api_twinnings(site, "PROVINCE", region=RABAT)
    return whole["countries"][0]["countryCode"], whole


def test_drill_down_country_filter_and_url(page: Any, site: LiveServer) -> None:
    open_twinnings(page)
    page.locator("table.numbers tbody").get_by_role("button", name="Rabat-Salé-Kénitra").click()
    page.locator("#scope").filter(has_text="Provinces and prefectures of").wait_for()
    assert parse_qs(urlsplit(page.url).query)["region"] == [RABAT]
    assert shown_rows(page) == expected_rows(page, site, "PROVINCE", region=RABAT)
    screenshot(page, "coverage-twinnings-rabat-provinces")

    # The filter narrows to one country.
    country, whole = top_country(site)
    page.locator("#country").select_option(country)
    page.wait_for_url(f"**country={country}**")
    page.locator("#chart-caption").filter(has_text="Twinnings abroad with").wait_for()
    narrowed = shown_rows(page)
    assert narrowed == expected_rows(page, site, "PROVINCE", country=country, region=RABAT)
    filtered, _ = api_twinnings(site, "PROVINCE", country=country, region=RABAT)
    assert filtered["twinnings"] == whole["countries"][0]["twinnings"] < whole["twinnings"]
    assert narrowed[0][len(narrowed[0]) - 5] == str(filtered["twinnings"])
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"subject": ["twinnings"], "region": [RABAT], "country": [country]}
    screenshot(page, f"coverage-twinnings-rabat-{country.lower()}")

    # The URL reopens the same view: same selects, same rows.
    url = page.url
    page.goto("/coverage")
    page.locator("body[data-ready]").wait_for()
    page.goto(url)
    page.locator("body[data-ready]").wait_for()
    page.locator("table.numbers tbody tr").first.wait_for()
    assert page.locator("#subject").input_value() == "twinnings"
    assert page.locator("#country").input_value() == country
    assert "Provinces and prefectures of Rabat-Salé-Kénitra" in page.locator("#scope").inner_text()
    assert shown_rows(page) == narrowed


def test_export_then_all_regions_and_all_countries(page: Any, site: LiveServer) -> None:
    country, _ = top_country(site)
    open_twinnings(page, f"&region={RABAT}&country={country}")
    # The CSV: the whole first, then each province with its codes, plain numbers and every
    # country of its twins (ISO codes).
    with page.expect_download() as download:
        page.get_by_role("button", name="Export CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    blank = lines.index([])
    assert lines[0][0] == "Subject" and "(twinnings)" in lines[0][1]
    header, *rows = lines[blank + 1:]
    table = [dict(zip(header, row, strict=True)) for row in rows]
    whole, groups = api_twinnings(site, "PROVINCE", country=country, region=RABAT)
    assert [row["Registry id"] for row in table] == [
        RABAT, *[g["coverage"]["territory"]["id"] for g in groups]]
    for row, group in zip(table, [whole, *groups], strict=True):
        assert row["Twinnings"] == str(group["twinnings"])
        assert row["Countries of the twins"] == ", ".join(
            f'{c["countryCode"]} {c["twinnings"]}' for c in group["countries"])
        assert row["Population"] == str(group["coverage"]["population"])
        assert "Region HCP code" in row

    # Back to all regions, still filtered; then all countries again.
    page.get_by_role("button", name="All regions").click()
    page.locator("#scope").filter(has_text="All regions").wait_for()
    assert shown_rows(page) == expected_rows(page, site, "REGION", country=country)
    page.locator("#country").select_option("")
    page.wait_for_url(lambda current: "country=" not in current)
    page.locator("#chart-caption").filter(has_text="Twinnings abroad: ").wait_for()
    assert shown_rows(page) == expected_rows(page, site, "REGION")


def test_by_province_and_back_to_a_network(page: Any, site: LiveServer) -> None:
    open_twinnings(page, "&by=PROVINCE&country=BE")
    page.locator("#scope").filter(has_text="All provinces and prefectures").wait_for()
    assert shown_rows(page) == expected_rows(page, site, "PROVINCE", country="BE")
    page.locator("#subject").select_option("network:remacto")
    page.locator("table.numbers tfoot tr").wait_for()
    assert not page.locator("#country-filter").is_visible()
    assert parse_qs(urlsplit(page.url).query) == {"subject": ["network:remacto"],
                                                  "by": ["PROVINCE"]}


def test_unknown_country(page: Any) -> None:
    page.goto("/coverage?subject=twinnings&country=ZZ")
    page.locator("body[data-ready]").wait_for()
    status = page.locator("#status")
    status.filter(has_text="ZZ").wait_for()
    assert "No twinning abroad is recorded with the country “ZZ”" in status.inner_text()
    screenshot(page, "coverage-twinnings-unknown-country")
