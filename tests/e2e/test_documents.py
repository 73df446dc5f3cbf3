"""Documents end to end: a generated bill from tests/corpus is added to the demo company,
read (its fields are compared with the corpus ground truth), reviewed with a mistake the
form refuses beside the field, accepted, and found in Activity as an entry linked to the
document. Then a scanned bill is read by OCR in the worker and reviewed in Arabic, with the
page image the scan embeds. The native file picker is bypassed by typing the path, as the
other tests do."""

import json

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from test_activity import open_demo, plain, rows, wait_rows
from ui import ROOT, click, fill, screenshot, set_lang, value, wait

CORPUS = ROOT / "tests" / "corpus"


def truth(doc):
    return json.loads(doc.with_suffix(".json").read_text(encoding="utf-8"))["fields"]


def row_with(d, status, timeout=90):
    return WebDriverWait(d, timeout).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, f".document-row.status-{status}"),
        message=f"no document became {status}",
    )


def add(d, path):
    fill(d, "#documents-path", str(path) + Keys.ENTER)


def test_add_review_accept_and_find_in_activity(app, workdir):
    d = app.driver
    open_demo(d, workdir)
    click(d, "#nav-documents")
    wait(d, "#documents-screen")
    # No model chosen: the screen says what one would add.
    wait(d, "#documents-no-model")

    bill = CORPUS / "digital" / "gas-en-1.pdf"
    add(d, bill)
    row_with(d, "extracted")
    # The progress list shows the document as read.
    wait(d, "#documents-progress-card .status-done")
    # The same bill again is recognised and not stored twice.
    add(d, bill)
    WebDriverWait(d, 20).until(
        lambda d: "Already in the file: 1" in plain(d.find_element(By.CSS_SELECTOR, "#documents-notice").text)
    )
    assert len(d.find_elements(By.CSS_SELECTOR, ".document-row")) == 1
    screenshot(d, "documents-en")

    click(d, ".document-review")
    wait(d, "#review-accept")
    expected = truth(bill)
    for name in ("consumption", "period_start", "period_end", "consumption_unit"):
        assert value(d, f"#review-field-{name}") == expected[name], name
    # A date that does not exist is refused beside its field; nothing is saved.
    fill(d, "#review-field-period_end", "2026-02-30")
    click(d, "#review-accept")
    wait(d, '.field-error[data-field="values.period_end"]')
    assert d.find_elements(By.CSS_SELECTOR, ".document-row.status-extracted")
    fill(d, "#review-field-period_end", expected["period_end"])
    screenshot(d, "documents-review-en")
    click(d, "#review-accept")
    row_with(d, "accepted", timeout=20)

    # The entry is in Activity, with the bill's consumption.
    click(d, ".document-entry")
    wait(d, "#activity-table")
    fill(d, "#filter-text", "D-")
    wait_rows(d, 1)
    assert "6,857" in rows(d)[0].text


def test_a_scan_is_read_by_ocr_and_reviewed_in_arabic(app, workdir):
    d = app.driver
    open_demo(d, workdir)
    set_lang(d, "ar")
    click(d, "#nav-documents")
    wait(d, "#documents-screen")
    scan = CORPUS / "scans" / "electricity-ar-1-scan.pdf"
    add(d, scan)
    row_with(d, "extracted")
    screenshot(d, "documents-ar")
    click(d, ".document-review")
    wait(d, "#review-accept")
    # The scan's own image is shown beside the fields, and the OCR text below it.
    wait(d, "#review-pages img.review-image")
    expected = truth(scan)
    assert value(d, "#review-field-consumption") == expected["consumption"]
    screenshot(d, "documents-review-ar")
    click(d, "#review-accept")
    row_with(d, "accepted", timeout=20)
