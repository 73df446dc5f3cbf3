"""The sustainability report (VSME) in the desktop app, end to end.

The demo company (a year of bills, EU customers) is opened; datapoints are typed into the
forms generated from the model and the completeness count goes down; a computed GHG figure is
explained and overridden with a reason; an "If applicable" question is answered; the
identifier is set; the report is exported with an email package, the files are checked on
disk and the filled EFRAG template is read back with `athar vsme facts`. A second test imports
EFRAG's sample template and uses Settings → templates. Screenshots in English and Arabic.
"""

import json
import os
import subprocess
from decimal import Decimal
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from ui import ROOT, choose, click, fill, screenshot, set_lang, visible, wait, wait_gone

PASS = "athar-demo-2026"
REFERENCE = ROOT.parent / "shared" / "reference" / "vsme" / "templates"


def cli(*args):
    env = dict(os.environ, ATHAR_PASSPHRASE=PASS, ATHAR_LANG="en")
    return subprocess.run(
        [os.environ["ATHAR_CLI"], *args], env=env, check=True, capture_output=True, text=True
    ).stdout


def open_file(d, path):
    wait(d, "#start-screen")
    set_lang(d, "en")
    fill(d, "#open-path", str(path) + Keys.ENTER)
    wait(d, "#unlock-screen")
    fill(d, "#unlock-passphrase", PASS + Keys.ENTER)
    wait(d, "#profile-screen")


def counts(d):
    el = wait(d, "#vsme-completeness-summary")
    return int(el.get_attribute("data-missing")), int(el.get_attribute("data-questions"))


def wait_counts(d, pred, message):
    WebDriverWait(d, 30).until(lambda d: pred(*counts(d)), message=message)


def cell(d, key):
    return f'.vsme-cell[data-key="{key}"]'


def type_into(d, key, text):
    """Types into a datapoint's input and leaves it, which saves it."""
    el = visible(d, d.find_element(By.CSS_SELECTOR, f"{cell(d, key)} .vsme-input"))
    el.clear()
    el.send_keys(text)
    el.send_keys(Keys.TAB)


def saved_source(d, key, source):
    WebDriverWait(d, 20).until(
        lambda d: any(
            b.get_attribute("data-source") == source
            for b in d.find_elements(By.CSS_SELECTOR, f"{cell(d, key)} .vsme-source")
        ),
        message=f"{key} was not saved as {source}",
    )


def test_fill_complete_explain_override_and_export(app, workdir):
    d = app.driver
    demo = workdir / "files" / "demo.athar"
    cli("demo", "--file", str(demo))
    open_file(d, demo)
    click(d, "#nav-vsme")
    wait(d, "#vsme-screen")
    missing0, questions0 = counts(d)
    assert missing0 > 0 and questions0 > 0

    # B1: the profile pre-fills; typed datapoints close gaps.
    saved_source(d, "vsme:NumberOfEmployees", "vsme-source-profile")
    type_into(d, "vsme:Assets", "1,250,000")
    saved_source(d, "vsme:Assets", "vsme-source-user")
    choose(d, f'{cell(d, "vsme:BasisForReporting")} select', "vsme:IndividualMember")
    saved_source(d, "vsme:BasisForReporting", "vsme-source-user")
    choose(d, f'{cell(d, "vsme:TypeOfNumberOfEmployees")} select', "vsme:HeadcountMember")
    click(d, "#vsme-basis-comprehensive")
    saved_source(d, "vsme:BasisForPreparation", "vsme-source-user")
    wait_counts(d, lambda m, q: m <= missing0 - 3, "completeness did not go down")
    # A number that is not one stays beside its field.
    type_into(d, "vsme:Assets", "12x")
    wait(d, f'{cell(d, "vsme:Assets")} .field-error')
    type_into(d, "vsme:Assets", "1250000")
    wait_gone(d, f'{cell(d, "vsme:Assets")} .field-error')
    screenshot(d, "vsme-report-en")

    # B3: computed from the bills, explained and overridden with a reason.
    choose(d, "#vsme-module", "B3")
    scope1 = "vsme:GrossScope1GreenhouseGasEmissions"
    value = wait(d, f"{cell(d, scope1)} .vsme-value").text
    assert value.endswith("tCO2e"), value
    inventory = json.loads(cli("inventory", "--file", str(demo), "--year", "2026", "--json"))
    computed = Decimal(inventory["totals"]["scope1"]).quantize(Decimal("0.001"))
    assert Decimal(value.split()[0].replace(",", "")) == computed
    click(d, f"{cell(d, scope1)} .vsme-explain")
    wait(d, "#explain-panel")
    assert "scope1/all/2026" in d.find_element(By.CSS_SELECTOR, "#explain-panel").text
    click(d, "#explain-close")
    wait_gone(d, "#explain-panel")
    click(d, f"{cell(d, scope1)} .vsme-override-open")
    fill(d, f"{cell(d, scope1)} .vsme-override-value", "1234.5")
    fill(d, f"{cell(d, scope1)} .vsme-override-reason", "Meter at the melt shop was replaced in March")
    click(d, f"{cell(d, scope1)} .vsme-override-save")
    wait(d, f"{cell(d, scope1)} .vsme-override-note")
    assert "Meter at the melt shop" in d.find_element(By.CSS_SELECTOR, f"{cell(d, scope1)}").text
    saved_source(d, scope1, "vsme-source-override")

    # Completeness: answer an "If applicable" question.
    click(d, "#vsme-tab-completeness")
    wait(d, "#vsme-questions")
    _, q_before = counts(d)
    click(d, ".vsme-question .vsme-answer-no")
    wait_counts(d, lambda m, q: q == q_before - 1, "the question stayed open")
    wait(d, "#vsme-answered")
    screenshot(d, "vsme-completeness-en")

    # ESRS E1 view.
    click(d, "#vsme-tab-e1")
    row = wait(d, '.vsme-e1-table tr[data-concept="esrs:GrossScope1GreenhouseGasEmissions"]')
    assert "1,234.5" in row.text

    # Report details: the identifier the Inline XBRL needs.
    click(d, "#vsme-tab-details")
    choose(d, "#vsme-scheme", "lei")
    fill(d, "#vsme-identifier", "5299000J2N45DDNE4Y28")
    click(d, "#vsme-details-save")
    wait(d, "#vsme-details-saved")

    # Export everything, with the email package for one EU customer.
    out = workdir / "files" / "out"
    out.mkdir()
    click(d, "#vsme-tab-export")
    fill(d, "#vsme-export-dir", str(out))
    click(d, '.vsme-export-customer[value="Rheinstahl Handels GmbH"]')
    click(d, "#vsme-export-run")
    WebDriverWait(d, 120).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "#vsme-export-progress").get_attribute("data-done")
        == "5",
        message="the export did not finish",
    )
    assert not d.find_elements(By.CSS_SELECTOR, '.vsme-export-step[data-state="failed"]')
    shown = [e.text for e in d.find_elements(By.CSS_SELECTOR, ".vsme-export-file")]
    assert len(shown) == 6, shown
    for f in shown:
        assert Path(f).is_file(), f
    names = sorted(p.name for p in out.iterdir())
    assert any(n.endswith("EFRAG template.xlsx") for n in names), names
    assert any(n.endswith(".eml") for n in names) and any(n.endswith(".zip") for n in names)
    assert (out / "Nile Delta Steel S.A.E. VSME 2026 en.pdf").read_bytes().startswith(b"%PDF-")
    screenshot(d, "vsme-export-en")

    # The filled template reads back with the typed and overridden figures.
    xlsx = next(out.glob("*EFRAG template.xlsx"))
    facts = json.loads(cli("vsme", "facts", str(xlsx), "--json"))["facts"]

    def fact(concept):
        return next(
            f for f in facts
            if f["concept"] == concept and "vsme:ReportingScopesAxis" not in f["aspects"]
        )

    assert Decimal(fact("vsme:Assets")["value"]) == Decimal("1250000")
    assert Decimal(fact(scope1)["value"]) == Decimal("1234.5")
    assert fact("vsme:NumberOfEmployees")["value"] == "340"

    # Arabic: the same screens, right to left.
    set_lang(d, "ar")
    click(d, "#vsme-tab-report")
    wait(d, f"{cell(d, scope1)} .vsme-value")
    assert d.execute_script("return document.documentElement.dir") == "rtl"
    screenshot(d, "vsme-report-ar")
    click(d, "#vsme-tab-completeness")
    wait(d, "#vsme-questions")
    screenshot(d, "vsme-completeness-ar")
    click(d, "#vsme-tab-e1")
    wait(d, ".vsme-e1-table")
    screenshot(d, "vsme-e1-ar")


def test_import_a_template_and_choose_a_newer_one(app, workdir):
    d = app.driver
    path = workdir / "files" / "dates.athar"
    cli("company", "create", "--file", str(path), "--name", "Nile Dates", "--country", "EG",
        "--year", "2026")
    open_file(d, path)
    click(d, "#nav-vsme")
    wait(d, "#vsme-screen")
    click(d, "#vsme-tab-import")
    # A workbook that is not a template: a clear error, nothing stored.
    fill(d, "#vsme-import-path", str(REFERENCE / "VSME-Digital-Template-1.3.0.xlsx"))
    click(d, "#vsme-import-run")
    assert "no value" in wait(d, "#error-banner").text
    sample = REFERENCE / "VSME-Digital-Template-Sample-1.3.0.xlsx"
    fill(d, "#vsme-import-path", str(sample))
    click(d, "#vsme-import-run")
    report = wait(d, "#vsme-import-report", timeout=60)
    assert "142 figures" in report.text.replace("\u2068", "").replace("\u2069", "")
    wait(d, "#vsme-imported")
    click(d, "#vsme-tab-report")
    choose(d, "#vsme-module", "B1")
    saved_source(d, "vsme:NumberOfEmployees", "vsme-source-template")
    screenshot(d, "vsme-imported-en")

    # Settings → templates: EFRAG's blank template chosen as a file, checked, remembered.
    click(d, "#nav-settings")
    wait(d, "#settings-vsme-template")
    assert "1.3.0" in wait(d, "#settings-template-built-in").text
    fill(d, "#settings-template-path", str(REFERENCE / "VSME-Digital-Template-Sample-1.0.0.xlsx"))
    click(d, "#settings-template-use")
    assert wait(d, "#error-banner").text
    fill(d, "#settings-template-path", str(REFERENCE / "VSME-Digital-Template-1.3.0.xlsx"))
    click(d, "#settings-template-use")
    WebDriverWait(d, 20).until(
        lambda d: "VSME-Digital-Template-1.3.0.xlsx"
        in d.find_element(By.CSS_SELECTOR, "#settings-template-chosen").text
    )
    prefs = json.loads((workdir / "config" / "prefs.json").read_text())
    assert prefs["vsme_template"].endswith("VSME-Digital-Template-1.3.0.xlsx")
    set_lang(d, "ar")
    screenshot(d, "vsme-settings-ar")
    click(d, "#settings-template-reset")
    WebDriverWait(d, 20).until(
        lambda d: not d.find_elements(By.CSS_SELECTOR, "#settings-template-reset")
    )
