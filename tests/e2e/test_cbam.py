"""CBAM in the desktop app, end to end.

The demo company (EU customers with email addresses) is opened. A communication template with
wrong cells is refused and every problem is listed by cell; the Commission's cement example is
imported through the CBAM tab and the SEE values the goods table shows are compared with
`athar cbam report --json` on the same file (so the UI is checked against the engine, not
against numbers typed here). The EU carbon price gives certificate costs beside the default
values; an SEE is explained down one level. In Arabic, a supplier's template (the aluminium
example) is checked and the package for one customer is exported; the files are checked on
disk. Settings → templates takes the Commission's blank workbook. Screenshots in English and
Arabic.
"""

import json
import os
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from ui import ROOT, choose, click, fill, ftl, html_attr, screenshot, set_lang, wait, wait_gone

PASS = "athar-demo-2026"
CBAM = ROOT.parent / "shared" / "reference" / "cbam"
CEMENT = CBAM / "examples" / "1 CBAM SEE V2.1_Example Cement_final.xlsx"
ALUMINIUM = CBAM / "examples" / "6 CBAM SEE V2.1_Example Aluminium_final.xlsx"
BLANK = CBAM / "template" / "CBAM Communication template for installations_en_20241213.xlsx"


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


def with_cells(src, dst, sheet, cells):
    """A copy of workbook `src` with text typed into `cells` of `sheet` (as a person would)."""
    with zipfile.ZipFile(src) as z:
        wb = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
        tag = re.search(rf'<sheet [^>]*name="{sheet}"[^>]*/>', wb).group(0)
        rid = re.search(r'r:id="([^"]+)"', tag).group(1)
        rel = re.search(rf'<Relationship [^>]*Id="{rid}"[^>]*/>', rels).group(0)
        part = "xl/" + re.search(r'Target="([^"]+)"', rel).group(1).lstrip("/").removeprefix("xl/")
        with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
            for item in z.infolist():
                data = z.read(item.filename)
                if item.filename == part:
                    text = data.decode()
                    for ref, value in cells.items():
                        text, n = re.subn(
                            rf'<c r="{ref}"( s="\d+")?( t="[^"]*")?>.*?</c>',
                            rf'<c r="{ref}"\1 t="inlineStr"><is><t>{value}</t></is></c>',
                            text,
                            count=1,
                        )
                        assert n == 1, ref
                    data = text.encode()
                out.writestr(item, data)


def goods(d):
    return d.find_elements(By.CSS_SELECTOR, "#cbam-goods .cbam-good")


def test_import_explain_compare_check_and_export(app, workdir):
    d = app.driver
    demo = workdir / "files" / "demo.athar"
    cli("demo", "--file", str(demo))
    open_file(d, demo)
    click(d, "#nav-cbam")
    wait(d, "#cbam-screen")
    wait(d, "#cbam-no-installations")

    # A template with a country and a date that are not ones: refused, cell by cell.
    bad = workdir / "files" / "cement-typos.xlsx"
    with_cells(CEMENT, bad, "A_InstData", {"I26": "Atlantis", "L9": "end of year"})
    click(d, "#cbam-tab-import")
    fill(d, "#cbam-import-path", str(bad))
    click(d, "#cbam-import-run")
    wait(d, "#cbam-import-rejected", timeout=60)
    problems = {
        r.find_element(By.CSS_SELECTOR, "td").text: r.get_attribute("data-key")
        for r in d.find_elements(By.CSS_SELECTOR, "#cbam-import-rejected .cbam-cell-problem")
    }
    assert problems.get("A_InstData!I26") == "cbam-tpl-unknown-country", problems
    assert problems.get("A_InstData!L9") == "cbam-tpl-not-date", problems
    screenshot(d, "cbam-rejected-en")

    # The Commission's cement example.
    fill(d, "#cbam-import-path", str(CEMENT))
    click(d, "#cbam-import-run")
    wait(d, "#cbam-imported", timeout=60)
    click(d, "#cbam-imported-show")
    WebDriverWait(d, 30).until(lambda d: len(goods(d)) > 0, message="no goods shown")

    report = json.loads(cli("cbam", "report", "--file", str(demo), "--json"))
    shown = goods(d)
    assert len(shown) == len(report["products"])
    for row, p in zip(shown, report["products"]):
        assert row.get_attribute("data-cn") == p["cn_code"]
        for cls, key in [
            ("cbam-see-direct", "see_direct"),
            ("cbam-see-indirect", "see_indirect"),
            ("cbam-see-total", "see_total"),
        ]:
            cell = row.find_element(By.CSS_SELECTOR, f".{cls}")
            assert Decimal(cell.get_attribute("data-value")) == Decimal(p[key])
            # Displayed to three decimals, as the template shows them.
            assert cell.text == f"{Decimal(p[key]):.3f}".rstrip("0").rstrip("."), cell.text

    # Default values of the installation's country with the mark-up, and costs at a price.
    assert d.find_element(By.CSS_SELECTOR, "#cbam-defaults .cbam-default-value").text != "–"
    assert not d.find_elements(By.CSS_SELECTOR, ".cbam-cost-actual")
    fill(d, "#cbam-price", "80")
    click(d, "#cbam-price-save")
    cost = wait(d, "#cbam-defaults .cbam-cost-actual")
    assert cost.text.strip() not in ("", "–"), cost.text
    screenshot(d, "cbam-results-en")

    # Explain the first good's total SEE, then what it rests on.
    click(d, "#cbam-goods .cbam-explain")
    wait(d, "#cbam-explain-panel")
    value = d.find_element(By.CSS_SELECTOR, "#cbam-explain-value").get_attribute("data-value")
    assert Decimal(value) == Decimal(report["products"][0]["see_total"])
    assert d.find_element(By.CSS_SELECTOR, "#cbam-explain-formula").text.strip()
    first_title = d.find_element(By.CSS_SELECTOR, "#cbam-explain-title").text
    click(d, "#cbam-explain-children .cbam-explain-open")
    WebDriverWait(d, 20).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "#cbam-explain-title").text != first_title,
        message="the child was not opened",
    )
    assert len(d.find_elements(By.CSS_SELECTOR, "#cbam-explain-panel .crumb")) == 2
    screenshot(d, "cbam-explain-en")
    click(d, "#cbam-explain-close")
    wait_gone(d, "#cbam-explain-panel")

    # Arabic: the same table, right to left.
    set_lang(d, "ar")
    assert html_attr(d, "dir") == "rtl"
    assert d.find_element(By.CSS_SELECTOR, "#nav-cbam").text == ftl("ar", "nav-cbam")
    assert d.find_element(By.CSS_SELECTOR, "#cbam-tab-results").text == ftl("ar", "cbam-ui-tab-results")
    assert len(goods(d)) == len(report["products"])
    total = d.find_element(By.CSS_SELECTOR, "#cbam-goods .cbam-see-total").text
    assert re.search("[٠-٩]", total), total
    screenshot(d, "cbam-results-ar")

    # A supplier's template, checked.
    click(d, "#cbam-tab-check")
    fill(d, "#cbam-check-path", str(ALUMINIUM))
    click(d, "#cbam-check-run")
    checked = wait(d, "#cbam-check-report", timeout=60)
    assert checked.get_attribute("data-discrepancies") == "0"
    assert len(d.find_elements(By.CSS_SELECTOR, "#cbam-check-goods tbody tr")) == 2
    screenshot(d, "cbam-check-ar")

    # The package for one EU customer, in Arabic.
    out = workdir / "files" / "cbam-out"
    out.mkdir()
    click(d, "#cbam-tab-export")
    wait(d, "#cbam-export-installation")
    choose(d, "#cbam-export-lang", "ar")
    choose(d, "#cbam-export-customer", "Rheinstahl Handels GmbH")
    fill(d, "#cbam-export-dir", str(out))
    # The export is quick; record whether its progress bar was ever shown, and at which step.
    d.execute_script(
        "window.__progress = [];"
        "new MutationObserver(() => {"
        "  const p = document.querySelector('#cbam-export-progress');"
        "  if (p) window.__progress.push(p.getAttribute('value') + '/' + p.getAttribute('max'));"
        "}).observe(document.body, {childList: true, subtree: true, attributes: true});"
    )
    click(d, "#cbam-export-run")
    wait(d, "#cbam-export-report", timeout=120)
    seen = d.execute_script("return window.__progress")
    assert seen, "the export's progress was never shown"
    done, total = seen[-1].split("/")
    assert 0 < int(done) <= int(total), seen
    files = [
        Path(r.get_attribute("data-path"))
        for r in d.find_elements(By.CSS_SELECTOR, "#cbam-export-files .cbam-export-file")
    ]
    suffixes = sorted(f.suffix for f in files)
    assert suffixes == [".eml", ".pdf", ".xlsx", ".zip"], files
    for f in files:
        assert f.is_file() and f.parent == out, f
    eml = next(f for f in files if f.suffix == ".eml").read_text(encoding="utf-8", errors="replace")
    assert "Content-Language: ar" in eml and "cbam@rheinstahl.example.de" in eml
    # The workbook written reads back as the same goods.
    workbook = next(f for f in files if f.suffix == ".xlsx")
    back = json.loads(subprocess.run(
        [os.environ["ATHAR_CLI"], "cbam", "check", str(workbook), "--json"],
        capture_output=True, text=True, check=True,
    ).stdout)
    assert [p["see_total"] for p in back["products"]] == [p["see_total"] for p in report["products"]]
    screenshot(d, "cbam-export-ar")

    # Settings → templates: the Commission's blank workbook, checked and remembered.
    set_lang(d, "en")
    click(d, "#nav-settings")
    wait(d, "#settings-cbam-template")
    chosen = workdir / "files" / "CBAM template.xlsx"
    shutil.copy(BLANK, chosen)
    fill(d, "#settings-cbam-path", str(chosen))
    click(d, "#settings-cbam-use")
    WebDriverWait(d, 30).until(
        lambda d: str(chosen) in d.find_element(By.CSS_SELECTOR, "#settings-cbam-chosen").text,
        message="the chosen template is not shown",
    )
    assert "2.1.1" in d.find_element(By.CSS_SELECTOR, "#settings-cbam-in-use").text
    prefs = json.loads((workdir / "config" / "prefs.json").read_text())
    assert prefs["cbam_template"] == str(chosen)
    screenshot(d, "cbam-settings-en")
    click(d, "#settings-cbam-reset")
    wait_gone(d, "#settings-cbam-reset")
