"""The CBAM guided flow in the desktop app: an installation entered by hand, step by step.

A cement installation of the demo company is typed in: installation → processes → source
streams → precursors → goods → results. Each step refuses to go on while something is
missing, and says what under the field. The results the app shows are compared with
`athar cbam report --json` on the same file, and checked against the figures typed in.
Then the installation is opened again, in Arabic; closing with unsaved changes asks first,
and "close without saving" leaves the stored data as it was.
"""

import json
import os
import subprocess
from decimal import Decimal
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from ui import choose, click, fill, ftl, html_attr, screenshot, set_lang, wait, wait_gone

PASS = "athar-demo-2026"


def cli(*args):
    env = dict(os.environ, ATHAR_PASSPHRASE=PASS, ATHAR_LANG="en")
    return subprocess.run(
        [os.environ["ATHAR_CLI"], *args], env=env, check=True, capture_output=True, text=True
    ).stdout


def step_is(d, step):
    WebDriverWait(d, 20).until(
        lambda d: d.find_element(By.CSS_SELECTOR, f"#cbam-step-{step}").get_attribute("aria-current") == "step",
        message=f"step {step} is not shown",
    )


def error_of(d, field_id):
    return d.find_element(By.CSS_SELECTOR, f"#{field_id}-error").text.strip()


def next_step(d, step):
    click(d, "#cbam-w-next")
    step_is(d, step)


def test_an_installation_is_entered_step_by_step_and_computed(app, workdir):
    d = app.driver
    demo = workdir / "files" / "demo.athar"
    cli("demo", "--file", str(demo))
    wait(d, "#start-screen")
    set_lang(d, "en")
    fill(d, "#open-path", str(demo) + Keys.ENTER)
    wait(d, "#unlock-screen")
    fill(d, "#unlock-passphrase", PASS + Keys.ENTER)
    wait(d, "#profile-screen")
    click(d, "#nav-cbam")
    wait(d, "#cbam-no-installations")
    click(d, "#cbam-new-installation")
    wait(d, "#cbam-wizard")
    step_is(d, "installation")

    # 1. The installation: filled from the profile; an empty name is refused.
    assert d.find_element(By.CSS_SELECTOR, "#cbam-f-about-country").get_attribute("value") == "EG"
    fill(d, "#cbam-f-about-name-en", "")
    click(d, "#cbam-w-next")
    WebDriverWait(d, 10).until(lambda d: error_of(d, "cbam-f-about-name-en") == ftl("en", "v-required"))
    step_is(d, "installation")
    fill(d, "#cbam-f-about-name-en", "Delta Cement Works")
    fill(d, "#cbam-f-about-unlocode", "EG ALY")
    click(d, "#cbam-f-goods-add")
    wait(d, "#cbam-f-goods-0-category")
    assert d.find_element(By.CSS_SELECTOR, "#cbam-f-goods-0-category").get_attribute("value") == "cement"
    screenshot(d, "cbam-wizard-en")
    next_step(d, "processes")

    # 2. A grinding process; without a production amount it cannot go on.
    click(d, "#cbam-f-processes-add")
    fill(d, "#cbam-f-processes-0-name", "Cement grinding")
    click(d, "#cbam-w-next")
    WebDriverWait(d, 10).until(
        lambda d: ftl("en", "cbam-v-activity-level-zero")
        in d.find_element(By.CSS_SELECTOR, "#cbam-f-processes-0-production-list").text
    )
    step_is(d, "processes")
    click(d, "#cbam-f-processes-0-production-add")
    fill(d, "#cbam-f-processes-0-production-0-amount", "1000")
    fill(d, "#cbam-f-processes-0-electricity-consumed-mwh", "50")
    # A number that is not one is caught before it reaches the data.
    fill(d, "#cbam-f-processes-0-electricity-ef", "0,5x")
    WebDriverWait(d, 10).until(lambda d: error_of(d, "cbam-f-processes-0-electricity-ef") == ftl("en", "v-number"))
    fill(d, "#cbam-f-processes-0-electricity-ef", "0.5")
    choose(d, "#cbam-f-processes-0-electricity-ef-source", "D.4(b)")
    next_step(d, "sources")

    # 3. Natural gas burnt in the process: 100 thousand Nm3 at 1.9 t CO2 per thousand Nm3.
    click(d, "#cbam-f-source-streams-add")
    fill(d, "#cbam-f-source-streams-0-name", "Natural gas")
    fill(d, "#cbam-f-source-streams-0-activity-data", "100")
    choose(d, "#cbam-f-source-streams-0-activity-unit", "thousand-nm3")
    wait(d, "#cbam-f-source-streams-0-ef")
    fill(d, "#cbam-f-source-streams-0-ef", "1.9")
    choose(d, "#cbam-f-source-streams-0-ef-unit", "t-co2-per-thousand-nm3")
    fill(d, "#cbam-f-source-streams-0-attribution-0", "1")
    next_step(d, "precursors")

    # 4. Clinker bought in Egypt at the country's default value.
    click(d, "#cbam-f-precursors-add")
    fill(d, "#cbam-f-precursors-0-name", "Clinker")
    assert d.find_element(By.CSS_SELECTOR, "#cbam-f-precursors-0-category").get_attribute("value") == "cement-clinker"
    choose(d, "#cbam-f-precursors-0-country", "EG")
    fill(d, "#cbam-f-precursors-0-cn-code", "25231000")
    click(d, "#cbam-f-precursors-0-purchased-add")
    fill(d, "#cbam-f-precursors-0-purchased-0-amount", "800")
    click(d, "#cbam-f-precursors-0-consumption-add")
    fill(d, "#cbam-f-precursors-0-consumption-0-amount", "800")
    # Defaults need a reason, and clinker's default depends on its colour.
    click(d, "#cbam-w-next")
    WebDriverWait(d, 10).until(
        lambda d: error_of(d, "cbam-f-precursors-0-default-justification") == ftl("en", "cbam-v-justification-required")
    )
    assert error_of(d, "cbam-f-precursors-0-values-variant").startswith("The default value of CN code")
    choose(d, "#cbam-f-precursors-0-default-justification", "data-gaps")
    choose(d, "#cbam-f-precursors-0-values-variant", "grey-clinker")
    next_step(d, "goods")

    # 5. The good, then the results.
    click(d, "#cbam-f-products-add")
    fill(d, "#cbam-f-products-0-cn-code", "25232900")
    fill(d, "#cbam-f-products-0-name", "Portland cement CEM I")
    click(d, "#cbam-w-finish")
    wait_gone(d, "#cbam-wizard")
    row = wait(d, "#cbam-goods .cbam-good", timeout=30)

    report = json.loads(cli("cbam", "report", "--file", str(demo), "--json"))
    assert report["installation"]["name"] == "Delta Cement Works", report["installation"]
    [p] = report["products"]
    assert p["cn_code"] == "25232900" and p["product_name"] == "Portland cement CEM I"
    direct, indirect = Decimal(p["see_direct"]), Decimal(p["see_indirect"])
    # 190 t from the gas and the clinker's default, over 1000 t; 50 MWh × 0.5 and the clinker's.
    assert direct > Decimal("0.19"), direct
    assert indirect >= Decimal("0.025"), indirect
    assert Decimal(p["default_share"]) > 0
    for cls, key in [("cbam-see-direct", "see_direct"), ("cbam-see-indirect", "see_indirect")]:
        cell = row.find_element(By.CSS_SELECTOR, f".{cls}")
        assert Decimal(cell.get_attribute("data-value")) == Decimal(p[key])

    # Open it again, in Arabic; unsaved changes are not lost silently.
    set_lang(d, "ar")
    click(d, "#cbam-installation-list .cbam-edit")
    wait(d, "#cbam-wizard")
    assert html_attr(d, "dir") == "rtl"
    click(d, "#cbam-step-goods")
    step_is(d, "goods")
    assert d.find_element(By.CSS_SELECTOR, "#cbam-step-goods").text.endswith(ftl("ar", "cbam-step-goods"))
    name = d.find_element(By.CSS_SELECTOR, "#cbam-f-products-0-name")
    assert name.get_attribute("value") == "Portland cement CEM I"
    screenshot(d, "cbam-wizard-ar")
    fill(d, "#cbam-f-products-0-name", "اسمنت بورتلاندي")
    click(d, "#cbam-w-close")
    wait(d, "#cbam-w-ask")
    click(d, "#cbam-w-ask-no")
    wait_gone(d, "#cbam-w-ask")
    assert d.find_element(By.CSS_SELECTOR, "#cbam-f-products-0-name").get_attribute("value") == "اسمنت بورتلاندي"
    click(d, "#cbam-w-close")
    click(d, "#cbam-w-ask-yes")
    wait_gone(d, "#cbam-wizard")
    again = json.loads(cli("cbam", "report", "--file", str(demo), "--json"))
    assert again["products"][0]["product_name"] == "Portland cement CEM I"


def test_an_imported_template_opens_in_the_flow_unchanged(app, workdir):
    """The Commission's cement example, imported, passes every step as it is: the flow can jump
    to the goods, has nothing unsaved, and saving leaves the figures and the source alone."""
    cement = (
        Path(__file__).resolve().parents[3] / "shared" / "reference" / "cbam" / "examples"
        / "1 CBAM SEE V2.1_Example Cement_final.xlsx"
    )
    d = app.driver
    demo = workdir / "files" / "demo.athar"
    cli("demo", "--file", str(demo))
    cli("cbam", "import", "--file", str(demo), str(cement))
    before = json.loads(cli("cbam", "report", "--file", str(demo), "--json"))
    wait(d, "#start-screen")
    set_lang(d, "en")
    fill(d, "#open-path", str(demo) + Keys.ENTER)
    wait(d, "#unlock-screen")
    fill(d, "#unlock-passphrase", PASS + Keys.ENTER)
    wait(d, "#profile-screen")
    click(d, "#nav-cbam")
    wait(d, "#cbam-installation-list .cbam-edit")
    click(d, "#cbam-installation-list .cbam-edit")
    wait(d, "#cbam-wizard")
    assert d.find_element(By.CSS_SELECTOR, "#cbam-w-dirty").text == ftl("en", "cbam-w-all-saved")
    click(d, "#cbam-step-goods")
    step_is(d, "goods")
    assert d.find_elements(By.CSS_SELECTOR, "#cbam-f-products-list .cbam-item")
    click(d, "#cbam-w-finish")
    wait_gone(d, "#cbam-wizard")
    wait(d, "#cbam-goods .cbam-good", timeout=30)
    source = d.find_element(By.CSS_SELECTOR, "#cbam-installation-list .cbam-installation td:nth-child(3)").text
    assert source.endswith(".xlsx"), source
    after = json.loads(cli("cbam", "report", "--file", str(demo), "--json"))
    assert after == before
