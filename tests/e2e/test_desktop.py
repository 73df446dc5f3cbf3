"""The desktop app, end to end: create a company, fill the profile, switch to Arabic, close,
reopen with the passphrase, and find the data again.

Expected texts are read from locales/*.ftl, so a translation change does not break the test
but a missing or wrong one does.
"""

import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from ui import (
    choose,
    click,
    fill,
    ftl,
    html_attr,
    screenshot,
    set_lang,
    value,
    visible,
    wait,
    wait_gone,
)

PASS = "Cedar-River-2026-Delta"


def create_company(driver, path):
    wait(driver, "#start-screen")
    click(driver, "#new-company")
    wait(driver, "#create-screen")
    fill(driver, "#create-name", "Delta Ceramics S.A.E.")
    choose(driver, "#create-country", "EG")
    fill(driver, "#create-year", "2026")
    fill(driver, "#create-path", str(path))
    fill(driver, "#create-passphrase", PASS)
    # A mismatched confirmation is caught before anything is written.
    fill(driver, "#create-passphrase-confirm", PASS + "x")
    click(driver, "#create-submit")
    wait(driver, '.field-error[data-field="passphrase_confirm"]')
    assert not path.exists()
    assert wait(driver, "#create-strength").text.strip() != ""
    fill(driver, "#create-passphrase-confirm", PASS)
    click(driver, "#create-submit")
    wait(driver, "#profile-screen")
    assert path.exists()


def fill_profile(driver):
    fill(driver, "#f-legal_name_ar", "دلتا للسيراميك")
    fill(driver, "#f-legal_form", "S.A.E.")
    fill(driver, "#f-registration_number", "CR-55012")
    fill(driver, "#f-city", "Alexandria")
    fill(driver, "#f-address", "Borg El Arab, Plot 9")
    fill(driver, "#f-nace_codes", "23.31, C23.42")
    fill(driver, "#f-employees", "١٢٠")  # Eastern Arabic digits are accepted
    fill(driver, "#f-turnover", "5,250,000.50")
    choose(driver, "#f-turnover_currency", "EGP")
    click(driver, "#add-site")
    site = wait(driver, ".site-row")
    fill(driver, ".site-name", "Borg El Arab kilns", site)
    fill(driver, ".site-unlocode", "EG ALY", site)
    fill(driver, ".site-latitude", "30.87", site)
    fill(driver, ".site-longitude", "29.60", site)
    click(driver, "#add-customer")
    cust = wait(driver, ".customer-row")
    fill(driver, ".customer-name", "Keramik Import GmbH", cust)
    choose(driver, ".customer-country", "DE", cust)
    # An invalid email is refused with a message next to the field.
    fill(driver, ".customer-email", "not-an-email", cust)
    click(driver, "#save-profile")
    err = wait(driver, '.field-error[data-field="customers.0.email"]')
    assert err.text.strip() == ftl("en", "v-email-invalid")
    fill(driver, ".customer-email", "cbam@keramik-import.de", cust)
    click(driver, "#save-profile")
    wait(driver, "#save-status")
    wait_gone(driver, ".field-error")


def test_create_fill_switch_language_close_and_reopen(app, workdir):
    d = app.driver
    path = workdir / "files" / "delta-ceramics.athar"
    set_lang(d, "en")
    screenshot(d, "start-en")
    create_company(d, path)
    fill_profile(d)
    screenshot(d, "profile-en")

    # Arabic: the whole document turns right-to-left and labels are Arabic.
    set_lang(d, "ar")
    assert html_attr(d, "dir") == "rtl"
    nav = d.find_element(By.CSS_SELECTOR, "#nav-profile").text.strip()
    assert nav == ftl("ar", "nav-profile"), nav
    assert re.search("[\u0600-\u06ff]", nav)
    screenshot(d, "profile-ar")

    # Close; the file is in the recent list; reopening asks for the passphrase.
    click(d, "#close-file")
    wait(d, "#start-screen")
    screenshot(d, "start-ar")
    item = wait(d, ".recent-item")
    assert item.get_attribute("data-path") == str(path)
    before = path.read_bytes()
    visible(d, item).click()
    wait(d, "#unlock-screen")
    fill(d, "#unlock-passphrase", "wrong passphrase here")
    click(d, "#unlock-submit")
    banner = wait(d, "#error-banner")
    assert ftl("ar", "error-wrong-passphrase") in banner.text
    assert path.read_bytes() == before, "a wrong passphrase changed the file"
    fill(d, "#unlock-passphrase", PASS + Keys.ENTER)
    wait(d, "#profile-screen")

    # The data is there, and the language choice survived a restart of the app.
    assert value(d, "#f-legal_name_en") == "Delta Ceramics S.A.E."
    assert value(d, "#f-legal_name_ar") == "دلتا للسيراميك"
    assert value(d, "#f-city") == "Alexandria"
    assert value(d, "#f-nace_codes").replace(" ", "") == "C23.31,C23.42"
    sites = d.find_elements(By.CSS_SELECTOR, ".site-row")
    assert len(sites) == 1 and value(d, ".site-unlocode", sites[0]) == "EGALY"
    assert value(d, ".customer-email") == "cbam@keramik-import.de"

    d = app.restart()
    wait(d, "#start-screen")
    assert html_attr(d, "lang") == "ar" and html_attr(d, "dir") == "rtl"
    set_lang(d, "en")
    assert html_attr(d, "dir") == "ltr"
