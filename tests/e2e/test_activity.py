"""Activity data, import, inventory and explain in the desktop app, end to end.

A demo company (a year of bills for two sites, made by `athar demo`) is opened in the app.
The figures the dashboard shows are compared with what `athar inventory --json` computes
from the same file, so the UI is checked against the engine, not against numbers typed here.
"""

import json
import os
import subprocess
from decimal import Decimal, ROUND_HALF_UP

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from ui import (
    RETRY_ON,
    choose,
    click,
    fill,
    ftl,
    screenshot,
    set_lang,
    visible,
    wait,
    wait_gone,
)

PASS = "athar-demo-2026"


def cli(*args, env_extra=None):
    env = dict(os.environ, ATHAR_PASSPHRASE=PASS, ATHAR_LANG="en")
    env.update(env_extra or {})
    return subprocess.run(
        [os.environ["ATHAR_CLI"], *args], env=env, check=True, capture_output=True, text=True
    ).stdout


def open_demo(d, workdir):
    path = workdir / "files" / "demo.athar"
    cli("demo", "--file", str(path))
    wait(d, "#start-screen")
    set_lang(d, "en")
    fill(d, "#open-path", str(path) + Keys.ENTER)
    wait(d, "#unlock-screen")
    fill(d, "#unlock-passphrase", PASS + Keys.ENTER)
    wait(d, "#profile-screen")
    return path


def rows(d):
    return d.find_elements(By.CSS_SELECTOR, "#activity-table .activity-row")


def wait_rows(d, n, timeout=30):
    WebDriverWait(d, timeout, ignored_exceptions=RETRY_ON).until(lambda d: len(rows(d)) == n, message=f"expected {n} rows")


def plain(text):
    """Text without the Unicode isolation marks Fluent puts around arguments."""
    return text.replace("\u2068", "").replace("\u2069", "")


def shown(value):
    """A tonnes figure as the dashboard shows it in English: 3 decimals, grouped."""
    v = Decimal(value).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP).normalize()
    return f"{v:,f}"


def test_activity_table_form_and_filters(app, workdir):
    d = app.driver
    open_demo(d, workdir)
    click(d, "#nav-activity")
    wait(d, "#activity-table")
    total = 12 * 3 + 4 + 1 + 1 + 8
    assert f"{total} entries" in plain(wait(d, "#activity-count").text)

    # Scope 3 only: the purchased scrap and the freight.
    choose(d, "#filter-scope", "3")
    wait_rows(d, 8)
    choose(d, "#filter-scope", "")
    fill(d, "#filter-text", "REF-")
    wait_rows(d, 1)
    fill(d, "#filter-text", "")

    # A new entry: a negative amount is refused beside the field, nothing is saved.
    click(d, "#entry-add")
    wait(d, "#entry-form")
    choose(d, "#entry-kind", "electricity")
    fill(d, "#entry-id", "EL-EXTRA-1")
    fill(d, "#entry-site", "Borg El Arab melt shop")
    fill(d, "#entry-from", "2026-03-01")
    fill(d, "#entry-to", "2026-02-01")
    fill(d, "#entry-value", "-5")
    click(d, "#entry-save")
    wait(d, '.field-error[data-field="entry.amount"]')
    wait(d, '.field-error[data-field="entry.period_to"]')
    # Eastern Arabic digits are accepted in dates and amounts.
    fill(d, "#entry-to", "٢٠٢٦-٠٣-٣١")
    fill(d, "#entry-value", "١٢٥٠٠")
    click(d, "#instrument-add")
    fill(d, ".instrument-id", "IREC-TEST-1")
    fill(d, ".instrument-covers", "20")
    click(d, "#entry-save")
    # 20 MWh of certificates against 12.5 MWh of consumption: refused.
    wait(d, '.field-error[data-field="entry.instruments"]')
    fill(d, ".instrument-covers", "10")
    click(d, "#entry-save")
    wait(d, "#activity-table")
    fill(d, "#filter-text", "EL-EXTRA")
    wait_rows(d, 1)
    row = rows(d)[0]
    assert "12,500 kWh" in row.text

    # Edit, then delete after a confirmation.
    click(d, ".entry-edit", row)
    wait(d, "#entry-form")
    fill(d, "#entry-value", "13000")
    click(d, "#entry-save")
    WebDriverWait(d, 20, ignored_exceptions=RETRY_ON).until(lambda d: any("13,000 kWh" in r.text for r in rows(d)))
    click(d, ".entry-delete", rows(d)[0])
    click(d, ".entry-delete-confirm")
    wait(d, "#activity-empty")
    screenshot(d, "activity-en")


def test_import_wizard_is_idempotent(app, workdir):
    d = app.driver
    open_demo(d, workdir)
    csv = workdir / "files" / "bills.csv"
    csv.write_text(
        "Site,From,To,Kind,Quantity,Unit,Fuel,Reference\n"
        "Borg El Arab melt shop,2026-01-01,2026-01-31,fuel,1200,L,gas-diesel-oil,B-1\n"
        "Borg El Arab melt shop,2026-02-01,2026-02-28,electricity,5000,kWh,,B-2\n"
        "Borg El Arab melt shop,2026-03-01,2026-03-31,electricity,-3,kWh,,B-3\n",
        encoding="utf-8",
    )
    click(d, "#nav-activity")
    click(d, "#import-open")
    fill(d, "#import-path", str(csv))
    click(d, "#import-read")
    counts = plain(wait(d, "#import-counts").text)
    assert "2 rows can be imported" in counts and "1 have problems" in counts
    assert len(d.find_elements(By.CSS_SELECTOR, "#import-problems .row-problem")) == 1
    screenshot(d, "import-en")
    click(d, "#import-commit")
    assert "2 new" in plain(wait(d, "#import-report").text)
    click(d, "#import-finish")
    fill(d, "#filter-text", "bills.csv")
    wait_rows(d, 2)

    # The same file again: nothing new.
    click(d, "#import-open")
    fill(d, "#import-path", str(csv))
    click(d, "#import-read")
    wait(d, "#import-counts")
    click(d, "#import-commit")
    report = plain(wait(d, "#import-report").text)
    assert "0 new" in report and "2 unchanged" in report

    # A file that is not a workbook: a clear message, nothing imported.
    bad = workdir / "files" / "photo.xlsx"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 64)
    fill(d, "#import-path", str(bad))
    click(d, "#import-read")
    banner = wait(d, "#error-banner")
    assert "photo.xlsx" in banner.text


def test_dashboard_matches_the_engine_and_explains(app, workdir):
    d = app.driver
    path = open_demo(d, workdir)
    expected = json.loads(cli("inventory", "--file", str(path), "--year", "2026", "--json"))
    totals = expected["totals"]
    click(d, "#nav-inventory")
    wait(d, "#inventory-totals")
    for card, key in [
        ("#total-scope1", "scope1"),
        ("#total-scope2-location", "scope2-location"),
        ("#total-scope2-market", "scope2-market"),
        ("#total-scope3", "scope3"),
        ("#total-location", "total-location"),
    ]:
        text = d.find_element(By.CSS_SELECTOR, f"{card} .figure-value").text.strip()
        assert text == shown(totals[key]), (card, text, totals[key])
    wait(d, "#chart-months .column")
    assert len(d.find_elements(By.CSS_SELECTOR, "#chart-months .column")) == 12
    screenshot(d, "inventory-en")

    # Explain Scope 1: formula, then down to one gas bill's line with its factor rows.
    click(d, "#total-scope1 .figure-link")
    wait(d, "#explain-panel")
    assert "scope1" in d.find_element(By.CSS_SELECTOR, "#explain-formula").text
    # Down the tree: the year's Scope 1 → a month → a site → the bills' lines.
    for depth in range(4):
        if d.find_elements(By.CSS_SELECTOR, "#explain-children .child-link[data-result^='line/']"):
            break
        children = d.find_elements(By.CSS_SELECTOR, "#explain-children .child-link")
        assert children, f"no children at depth {depth}"
        target = children[0].get_attribute("data-result")
        visible(d, children[0]).click()
        WebDriverWait(d, 20, ignored_exceptions=RETRY_ON).until(
            lambda d: target in d.find_element(By.CSS_SELECTOR, ".breadcrumb").text
        )
    assert len(d.find_elements(By.CSS_SELECTOR, ".breadcrumb .crumb")) >= 3
    line = d.find_element(By.CSS_SELECTOR, "#explain-children .child-link[data-result^='line/GAS-']")
    visible(d, line).click()
    factors = wait(d, "#explain-factors")
    assert "company/gas-bill-ncv-2026@1" in factors.text
    assert "ir2025-2547-standard-factors/" in factors.text
    assert "GAS-" in d.find_element(By.CSS_SELECTOR, "#explain-entries").text
    screenshot(d, "explain-en")
    click(d, "#explain-close")
    wait_gone(d, "#explain-panel")

    # Arabic: labels from the Arabic locale, digits in Arabic-Indic.
    set_lang(d, "ar")
    label = d.find_element(By.CSS_SELECTOR, "#total-scope1 .total-label").text.strip()
    assert label == ftl("ar", "scope-1")
    fig = d.find_element(By.CSS_SELECTOR, "#total-scope1 .figure-value").text
    assert any("\u0660" <= c <= "\u0669" for c in fig), fig
    screenshot(d, "inventory-ar")
    click(d, "#total-scope2-market .figure-link")
    wait(d, "#explain-panel")
    screenshot(d, "explain-ar")


def test_own_factor_makes_scope3_computable(app, workdir):
    d = app.driver
    open_demo(d, workdir)
    click(d, "#nav-factors")
    wait(d, "#factor-table")
    click(d, "#factor-add")
    fill(d, "#factor-id", "paper-waste")
    fill(d, "#factor-activity", "waste:paper:landfill")
    fill(d, "#factor-region", "EG")
    fill(d, "#factor-value", "1.2")
    fill(d, "#factor-unit", "no-such-unit")
    fill(d, "#factor-source", "Municipal waste contractor statement 2026")
    fill(d, "#factor-source-ref", "Statement MW-2026, table 3")
    click(d, "#factor-save")
    wait(d, '.field-error[data-field="factor.unit"]')
    fill(d, "#factor-unit", "tCO2e/t")
    click(d, "#factor-save")
    wait_gone(d, "#factor-form")
    WebDriverWait(d, 20, ignored_exceptions=RETRY_ON).until(lambda d: "paper-waste@1" in d.find_element(By.CSS_SELECTOR, "#factor-table").text)
