"""What every end-to-end test does with the app: find, wait for, fill and click elements,
read expected text from the locales, and take README screenshots."""

import os
import re
import subprocess
import time
from pathlib import Path

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = Path(__file__).resolve().parents[2]


def ftl(lang, key):
    """The plain text of a simple message from locales/<lang>/*.ftl."""
    for f in sorted((ROOT / "locales" / lang).glob("*.ftl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            m = re.match(rf"^{re.escape(key)}\s*=\s*(.*)$", line)
            if m:
                return m.group(1).strip()
    raise KeyError(f"{lang}/{key}")


# The UI re-renders while a test polls: an element found a moment ago may be gone by the
# time it is asked whether it is displayed. That is a reason to look again, not a failure.
RETRY_ON = (StaleElementReferenceException,)


def wait(driver, css, timeout=20):
    return WebDriverWait(driver, timeout, ignored_exceptions=RETRY_ON).until(
        lambda d: next((e for e in d.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()), None),
        message=f"{css} never became visible",
    )


def wait_gone(driver, css, timeout=20):
    WebDriverWait(driver, timeout, ignored_exceptions=RETRY_ON).until(
        lambda d: not any(e.is_displayed() for e in d.find_elements(By.CSS_SELECTOR, css)),
        message=f"{css} did not go away",
    )


def visible(driver, el):
    """WebKitWebDriver does not scroll elements into view by itself."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
    return el


def click(driver, css, within=None):
    # A screen shows its parts as their data arrives: wait for the element, then click it.
    el = wait(driver, css) if within is None else within.find_element(By.CSS_SELECTOR, css)
    visible(driver, el).click()


def fill(driver, css, text, within=None):
    el = visible(driver, (within or driver).find_element(By.CSS_SELECTOR, css))
    el.clear()
    if text:
        el.send_keys(text)
    else:
        # An empty field must still fire the input event the UI listens to.
        el.send_keys(" ")
        el.send_keys(Keys.BACKSPACE)
    return el


def choose(driver, css, value, within=None):
    Select(visible(driver, (within or driver).find_element(By.CSS_SELECTOR, css))).select_by_value(value)


def value(driver, css, within=None):
    return (within or driver).find_element(By.CSS_SELECTOR, css).get_attribute("value")


def html_attr(driver, name):
    return driver.execute_script(f"return document.documentElement.getAttribute('{name}')")


def screenshot(driver, name):
    """Saves what a person sees: the X screen, cropped to the window (`import -window root`).

    WebDriver's own screenshot command hangs in WebKitWebDriver when WebKit's DMA-BUF
    renderer is off, which the app does by default to save memory.
    """
    out = os.environ.get("ATHAR_SCREENSHOT_DIR")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        driver.execute_script(
            "document.querySelectorAll('*').forEach(e => { if (e.scrollTop) e.scrollTop = 0; });"
            "window.scrollTo(0, 0);"
        )
        time.sleep(0.8)  # let fonts and transitions settle
        w, h = driver.execute_script("return [window.outerWidth, window.outerHeight]")
        subprocess.run(
            ["import", "-window", "root", "-crop", f"{w}x{h}+0+0", "+repage",
             str(Path(out) / f"{name}.png")],
            check=True,
            timeout=30,
        )


def set_lang(driver, lang):
    if html_attr(driver, "lang") != lang:
        click(driver, "#lang-toggle")
        WebDriverWait(driver, 10, ignored_exceptions=RETRY_ON).until(lambda d: html_attr(d, "lang") == lang)
