#!/usr/bin/env python3
"""Generates Athar's extraction test corpus: Egyptian-style electricity bills, natural-gas
bills and fuel invoices in English and Arabic (some with Eastern Arabic digits), rendered from
HTML to PDF by headless Chromium, then degraded into scans (noise, blur, rotation, low dpi)
saved as image-only PDFs and as JPEG, PNG and TIFF files. Every document gets a ground-truth
JSON file next to it: {"doc_type", "fields": {name: normal-form value}, ...}.

Everything is seeded: running the script again gives the same documents and truths (the
PDF bytes may differ with the Chromium version). All names, numbers and addresses are
invented.

Needs: Debian `chromium` (headless), `pdftoppm` (poppler-utils), fonts-noto-core and
fonts-hosny-amiri for Arabic; Python packages Pillow and numpy (for the degradation).

Usage: python3 tests/corpus/generate.py            # writes tests/corpus/{digital,scans,bad}
       python3 tests/corpus/generate.py digits     # writes tests/corpus/digits (OCR of ٠-٩)
"""

import io
import json
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

ROOT = Path(__file__).resolve().parent
EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
MONTHS_AR = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
             "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]

ELECTRICITY = [
    ("North Cairo Electricity Distribution Company", "شركة شمال القاهرة لتوزيع الكهرباء"),
    ("South Delta Electricity Distribution Company", "شركة جنوب الدلتا لتوزيع الكهرباء"),
    ("Alexandria Electricity Distribution Company", "شركة الإسكندرية لتوزيع الكهرباء"),
    ("Canal Electricity Distribution Company", "شركة القناة لتوزيع الكهرباء"),
    ("Middle Egypt Electricity Distribution Company", "شركة مصر الوسطى لتوزيع الكهرباء"),
]
GAS = [
    ("Town Gas Company", "شركة تاون جاس"),
    ("Egypt Gas Company", "شركة إيجيبت جاس"),
    ("National Gas Company (Natgas)", "الشركة الوطنية للغاز - ناتجاس"),
    ("Petrotrade Company", "شركة بتروتريد"),
]
FUEL = [
    ("Misr Petroleum Company", "شركة مصر للبترول"),
    ("Wataniya Petroleum Company", "شركة وطنية للبترول"),
    ("Co-operation Petroleum Company", "الجمعية التعاونية للبترول"),
    ("Chill Out Fuel Station Company", "شركة تشيل أوت لمحطات الوقود"),
]
FUELS = [
    # (en, ar, activity id, unit en, unit ar, unit symbol, price range)
    ("Diesel (Solar)", "سولار", "fuel:gas-diesel-oil", "L", "لتر", "L", (13.5, 17.5)),
    ("Gasoline 92 octane", "بنزين ٩٢", "fuel:motor-gasoline", "L", "لتر", "L", (15.0, 19.0)),
    ("Gasoline 95 octane", "بنزين ٩٥", "fuel:motor-gasoline", "L", "لتر", "L", (17.0, 21.0)),
    ("Fuel oil (Mazut)", "مازوت", "fuel:residual-fuel-oil", "tonnes", "طن", "t", (9000, 12000)),
    ("LPG (Butane)", "بوتاجاز", "fuel:liquefied-petroleum-gases", "kg", "كجم", "kg", (18, 26)),
]
CUSTOMERS = [
    ("Nile Textile Industries", "شركة النيل للصناعات النسيجية", "12 Industrial Zone, 10th of Ramadan City",
     "١٢ المنطقة الصناعية، مدينة العاشر من رمضان"),
    ("Delta Steel Works", "مصنع الدلتا للصلب", "45 El Nasr Road, Mahalla", "٤٥ طريق النصر، المحلة الكبرى"),
    ("Sinai Cement Trading", "سيناء لتجارة الأسمنت", "3 Port Said Street, Ismailia", "٣ شارع بورسعيد، الإسماعيلية"),
    ("Giza Aluminium Products", "الجيزة لمنتجات الألومنيوم", "88 Pyramids Road, Giza", "٨٨ شارع الهرم، الجيزة"),
]


def money(x, style):
    s = f"{x:,.2f}"
    if style == "eastern":
        return s.replace(",", "٬").replace(".", "٫").translate(EASTERN)
    if style == "plain":
        return f"{x:.2f}"
    return s


def qty(x, style, decimals=0):
    s = f"{x:,.{decimals}f}"
    if style == "eastern":
        return s.replace(",", "٬").replace(".", "٫").translate(EASTERN)
    return s


def digits(s, style):
    return s.translate(EASTERN) if style == "eastern" else s


def fmt_date(d, style, lang, digit_style):
    y, m, day = d
    if style == "dmy":
        s = f"{day:02d}/{m:02d}/{y}"
    elif style == "iso":
        s = f"{y}-{m:02d}-{day:02d}"
    elif style == "long":
        s = f"{day} {MONTHS_AR[m-1]} {y}" if lang == "ar" else f"{day} {MONTHS_EN[m-1]} {y}"
    elif style == "mon":
        s = f"{day:02d}-{MONTHS_EN[m-1][:3]}-{y}"
    else:
        raise ValueError(style)
    return digits(s, digit_style)


def iso(d):
    return f"{d[0]}-{d[1]:02d}-{d[2]:02d}"


def month_end(y, m):
    return [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]


def dec(x):
    """Normal form of a decimal: no trailing zeros."""
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return s


CSS = """
@page { size: A4; margin: 16mm; }
body { font-family: 'Noto Sans', 'DejaVu Sans', sans-serif; font-size: 10.5pt; color: #111; }
body.ar { font-family: 'Noto Naskh Arabic', 'Amiri', sans-serif; font-size: 11.5pt; }
h1 { font-size: 17pt; margin: 0 0 2mm 0; }
h2 { font-size: 13pt; margin: 5mm 0 3mm 0; }
.muted { color: #555; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
td, th { padding: 2mm 3mm; border: 0.3mm solid #999; text-align: start; }
th { background: #eee; }
.nob td { border: none; padding: 1mm 3mm; }
.total td { font-weight: bold; font-size: 12pt; }
.box { border: 0.4mm solid #333; padding: 3mm; margin: 3mm 0; }
.right { text-align: end; }
.logo { float: inline-end; width: 22mm; height: 22mm; border-radius: 11mm; background: #ddd; }
"""


def page(lang, body):
    d = "rtl" if lang == "ar" else "ltr"
    return f"""<!doctype html><html lang="{lang}" dir="{d}"><head><meta charset="utf-8">
<style>{CSS}</style></head><body class="{lang}">{body}</body></html>"""


# --- Electricity and gas bills -------------------------------------------------------------

def utility_doc(rng, kind, lang, digit_style, layout):
    companies = ELECTRICITY if kind == "electricity" else GAS
    sup_en, sup_ar = rng.choice(companies)
    cust = rng.choice(CUSTOMERS)
    y, m = 2026, rng.randint(1, 10)
    start = (y, m, 1)
    end = (y, m, month_end(y, m))
    issue = (y, m + 1, rng.randint(3, 12))
    due = (y, m + 1, rng.randint(20, 28))
    account = str(rng.randint(10**9, 10**10 - 1))
    meter = f"{rng.randint(10**6, 10**7 - 1)}"
    prev_read = rng.randint(10000, 90000)
    if kind == "electricity":
        cons = rng.randint(800, 45000)
        unit_en, unit_ar, unit = "kWh", "ك.و.س", "kWh"
        price = rng.choice([1.28, 1.65, 2.1, 2.23])
        doc_type = "electricity_bill"
        title_en, title_ar = "Electricity Bill", "فاتورة استهلاك كهرباء"
    else:
        cons = rng.randint(150, 9000)
        unit_en, unit_ar, unit = rng.choice([("m3", "م3", "m3"), ("m³", "م³", "m3"), ("SCM", "متر مكعب", "Nm3")])
        if unit == "Nm3":
            unit_ar = "م3 قياسي"
        price = rng.choice([3.0, 3.75, 4.25])
        doc_type = "gas_bill"
        title_en, title_ar = "Natural Gas Bill", "فاتورة الغاز الطبيعي"
    cur_read = prev_read + cons
    energy = round(cons * price, 2)
    service = rng.choice([10.0, 25.0, 40.0, 60.0])
    stamp = round(energy * 0.01, 2)
    vat = round((energy + service) * 0.14, 2) if rng.random() < 0.5 else 0.0
    subtotal = round(energy + service, 2)
    total = round(subtotal + stamp + vat, 2)
    date_style = rng.choice(["dmy", "iso", "long"] if lang == "ar" else ["dmy", "iso", "long", "mon"])
    fd = lambda d: fmt_date(d, date_style, lang, digit_style)
    M = lambda x: money(x, digit_style)
    Q = lambda x: qty(x, digit_style)
    D = lambda s: digits(s, digit_style)
    truth = {
        "supplier": sup_ar if lang == "ar" else sup_en,
        "account_number": account,
        "meter_number": meter,
        "period_start": iso(start),
        "period_end": iso(end),
        "issue_date": iso(issue),
        "consumption": str(cons),
        "consumption_unit": unit,
        "amount": dec(total),
        "currency": "EGP",
    }
    if lang == "en":
        cur = rng.choice(["EGP", "L.E.", "EGP"])
        info_rows = [
            ("Customer name", cust[0], "Account No.", D(account)),
            ("Address", cust[2], "Meter No.", D(meter)),
            ("Issue date", fd(issue), "Due date", fd(due)),
        ]
        period = f"Billing period: {fd(start)} to {fd(end)}"
        readings_head = ("Previous reading", "Current reading", f"Consumption ({unit_en})")
        charges = [("Energy charge", M(energy)), ("Customer service fee", M(service)),
                   ("Subtotal", M(subtotal)), ("Stamp duty", M(stamp))]
        if vat:
            charges.append(("VAT 14%", M(vat)))
        total_label = rng.choice(["Total amount due", "Amount due", "Total payable"])
        footer = "Please pay before the due date at any branch, Fawry outlet or through the mobile app."
    else:
        cur = rng.choice(["جنيه", "ج.م", "جنيه مصري"])
        info_rows = [
            ("اسم المشترك", cust[1], "رقم الحساب", D(account)),
            ("العنوان", cust[3], "رقم العداد", D(meter)),
            ("تاريخ الإصدار", fd(issue), "تاريخ الاستحقاق", fd(due)),
        ]
        period = f"فترة الاستهلاك: من {fd(start)} إلى {fd(end)}"
        readings_head = ("القراءة السابقة", "القراءة الحالية", f"الاستهلاك ({unit_ar})")
        charges = [("قيمة الاستهلاك", M(energy)), ("رسوم خدمة العملاء", M(service)),
                   ("الإجمالي قبل الضريبة", M(subtotal)), ("رسم الدمغة", M(stamp))]
        if vat:
            charges.append(("ضريبة القيمة المضافة ١٤٪", M(vat)))
        total_label = rng.choice(["المبلغ المستحق", "إجمالي المبلغ المستحق", "المطلوب سداده"])
        footer = "برجاء السداد قبل تاريخ الاستحقاق في أي فرع أو منافذ فوري أو من خلال التطبيق."
    title = title_ar if lang == "ar" else title_en

    if layout == "table":
        info = "".join(f"<tr><th>{a}</th><td>{b}</td><th>{c}</th><td>{d}</td></tr>" for a, b, c, d in info_rows)
        body = f"""<div class="logo"></div><h1>{truth['supplier']}</h1>
<div class="muted">{'Customer service hotline 121' if lang == 'en' else 'خدمة العملاء ١٢١'}</div>
<h2>{title}</h2><table>{info}</table><p>{period}</p>
<table><tr><th>{readings_head[0]}</th><th>{readings_head[1]}</th><th>{readings_head[2]}</th></tr>
<tr><td>{Q(prev_read)}</td><td>{Q(cur_read)}</td><td>{Q(cons)}</td></tr></table>
<table>{''.join(f'<tr><td>{a}</td><td class="right">{b} {cur}</td></tr>' for a, b in charges)}
<tr class="total"><td>{total_label}</td><td class="right">{M(total)} {cur}</td></tr></table>
<p class="muted">{footer}</p>"""
    else:
        # Label: value lines, readings inline, consumption on its own line.
        lines = [f"{a}: {b}" for a, b, _, _ in info_rows] + [f"{c}: {d}" for _, _, c, d in info_rows]
        cons_label = "Consumption" if lang == "en" else "كمية الاستهلاك"
        body = f"""<h1>{truth['supplier']}</h1><div class="muted">{title}</div>
<div class="box">{'<br>'.join(lines)}<br>{period}</div>
<p>{readings_head[0]}: {Q(prev_read)} &nbsp;&nbsp; {readings_head[1]}: {Q(cur_read)}</p>
<p><b>{cons_label}: {Q(cons)} {unit_ar if lang == 'ar' else unit_en}</b></p>
<table class="nob">{''.join(f'<tr><td>{a}</td><td class="right">{b}</td></tr>' for a, b in charges)}</table>
<div class="box total"><b>{total_label}: {M(total)} {cur}</b></div>
<p class="muted">{footer}</p>"""
    return doc_type, page(lang, body), truth


# --- Fuel invoices -------------------------------------------------------------------------

def fuel_doc(rng, lang, digit_style, layout):
    sup_en, sup_ar = rng.choice(FUEL)
    cust = rng.choice(CUSTOMERS)
    f_en, f_ar, f_id, u_en, u_ar, u_sym, (lo, hi) = rng.choice(FUELS)
    y, m = 2026, rng.randint(1, 11)
    issue = (y, m, rng.randint(1, 28))
    if u_sym == "t":
        q = rng.randint(5, 60)
        qdec = 0
    else:
        q = rng.randint(200, 30000)
        qdec = 0
    price = round(rng.uniform(lo, hi), 2)
    net = round(q * price, 2)
    vat = round(net * 0.14, 2) if rng.random() < 0.4 else 0.0
    total = round(net + vat, 2)
    inv_no = f"{rng.choice(['INV', 'FI', 'MP'])}-{y}-{rng.randint(10000, 99999)}"
    date_style = rng.choice(["dmy", "iso", "long"])
    fd = lambda d: fmt_date(d, date_style, lang, digit_style)
    M = lambda x: money(x, digit_style)
    Q = lambda x: qty(x, digit_style, qdec)
    D = lambda s: digits(s, digit_style)
    truth = {
        "supplier": sup_ar if lang == "ar" else sup_en,
        "issue_date": iso(issue),
        "fuel_type": f_id,
        "quantity": str(q),
        "quantity_unit": u_sym,
        "amount": dec(total),
        "currency": "EGP",
    }
    if lang == "en":
        cur = "EGP"
        head = f"Tax invoice No. {D(inv_no)}"
        meta = [("Invoice date", fd(issue)), ("Customer", cust[0]), ("Delivery address", cust[2]),
                ("Vehicle / tank", f"Tank {rng.randint(1, 9)}")]
        cols = ("Product", "Quantity", "Unit", "Unit price", "Line total")
        row = (f_en, Q(q), u_en, M(price), M(net))
        sums = [("Net amount", M(net))] + ([("VAT 14%", M(vat))] if vat else [])
        total_label = rng.choice(["Invoice total", "Total", "Grand total"])
    else:
        cur = rng.choice(["جنيه", "ج.م"])
        head = f"فاتورة ضريبية رقم {D(inv_no)}"
        meta = [("تاريخ الفاتورة", fd(issue)), ("العميل", cust[1]), ("عنوان التسليم", cust[3]),
                ("رقم الخزان", D(str(rng.randint(1, 9))))]
        cols = ("الصنف", "الكمية", "الوحدة", "سعر الوحدة", "القيمة")
        row = (f_ar, Q(q), u_ar, M(price), M(net))
        sums = [("صافي القيمة", M(net))] + ([("ضريبة القيمة المضافة", M(vat))] if vat else [])
        total_label = rng.choice(["إجمالي الفاتورة", "الإجمالي", "المبلغ المستحق"])
    if layout == "table":
        body = f"""<div class="logo"></div><h1>{truth['supplier']}</h1><h2>{head}</h2>
<table class="nob">{''.join(f'<tr><td><b>{a}</b></td><td>{b}</td></tr>' for a, b in meta)}</table>
<table><tr>{''.join(f'<th>{c}</th>' for c in cols)}</tr><tr>{''.join(f'<td>{c}</td>' for c in row)}</tr></table>
<table class="nob">{''.join(f'<tr><td>{a}</td><td class="right">{b} {cur}</td></tr>' for a, b in sums)}
<tr class="total"><td>{total_label}</td><td class="right">{M(total)} {cur}</td></tr></table>"""
    else:
        qlabel, plabel = ("Quantity", "Product") if lang == "en" else ("الكمية", "نوع الوقود")
        body = f"""<h1>{truth['supplier']}</h1><div class="muted">{head}</div>
<div class="box">{'<br>'.join(f'{a}: {b}' for a, b in meta)}</div>
<p>{plabel}: {row[0]}<br>{qlabel}: {row[1]} {row[2]}<br>{cols[3]}: {row[3]} {cur}</p>
<p>{'<br>'.join(f'{a}: {b} {cur}' for a, b in sums)}</p>
<div class="box total"><b>{total_label}: {M(total)} {cur}</b></div>"""
    return "fuel_invoice", page(lang, body), truth


# --- Rendering and degradation -------------------------------------------------------------

def chromium_pdf(html, out_pdf):
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "doc.html"
        src.write_text(html, encoding="utf-8")
        cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer",
               f"--print-to-pdf={out_pdf}", src.as_uri()]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def render_page(pdf, dpi):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", "1", "-l", "1", "-png",
                        str(pdf), f"{tmp}/p"], check=True)
        png = sorted(Path(tmp).glob("p*.png"))[0]
        return Image.open(png).convert("L")


def degrade(img, rng, angle, blur, noise, dpi_from, dpi_to):
    if dpi_to != dpi_from:
        w, h = img.size
        img = img.resize((int(w * dpi_to / dpi_from), int(h * dpi_to / dpi_from)), Image.BILINEAR)
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    if angle:
        img = img.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=245)
    a = np.asarray(img).astype(np.float32)
    nrng = np.random.default_rng(rng.randint(0, 2**31))
    a = a * 0.92 + 12  # paper is not white
    a += nrng.normal(0, noise, a.shape)
    # Speckles.
    mask = nrng.random(a.shape) < 0.0008
    a[mask] = 40
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def image_pdf(img, dpi, out_pdf, encoding):
    """A one-page PDF whose page is the image: DCTDecode (8-bit grey JPEG) or FlateDecode
    (1-bit, as bilevel scanners produce)."""
    w, h = img.size
    bits = 8
    if encoding == "jpeg":
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=50)
        data, filt = buf.getvalue(), "/DCTDecode"
    else:
        bilevel = img.point(lambda v: 255 if v > 150 else 0).convert("1")
        data, filt, bits = zlib.compress(bilevel.tobytes(), 9), "/FlateDecode", 1
    pw, ph = w * 72.0 / dpi, h * 72.0 / dpi
    content = f"q {pw:.2f} 0 0 {ph:.2f} 0 0 cm /Im0 Do Q".encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {pw:.2f} {ph:.2f}] "
        f"/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>".encode(),
        f"<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray "
        f"/BitsPerComponent {bits} /Filter {filt} /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream",
        f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    Path(out_pdf).write_bytes(bytes(out))


def write_truth(path, doc_type, fields, **extra):
    data = {"doc_type": doc_type, "fields": fields, **extra}
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                          encoding="utf-8")


def xlsx_bytes(rows, sheet="Bill"):
    """A minimal xlsx workbook (inline strings, numbers as numbers), written with zipfile."""
    import zipfile
    from xml.sax.saxutils import escape

    def col(i):
        s = ""
        i += 1
        while i:
            i, r = divmod(i - 1, 26)
            s = chr(65 + r) + s
        return s

    cells = []
    for r, row in enumerate(rows, 1):
        cs = []
        for c, v in enumerate(row):
            ref = f"{col(c)}{r}"
            if isinstance(v, (int, float)):
                cs.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                cs.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(v))}</t></is></c>')
        cells.append(f'<row r="{r}">{"".join(cs)}</row>')
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{"".join(cells)}</sheetData></worksheet>',
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            zi = zipfile.ZipInfo(name, date_time=(2026, 3, 5, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return buf.getvalue()


def huge_png(path, w, h):
    """A valid 1-bit PNG of w x h white pixels, a few hundred kilobytes compressed."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    row = b"\x00" + b"\xff" * ((w + 7) // 8)
    comp = zlib.compressobj(9)
    idat = b"".join(comp.compress(row) for _ in range(h)) + comp.flush()
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 1, 0, 0, 0, 0))
    png += chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    Path(path).write_bytes(png)


DIGIT_FONTS = [
    ("naskh", "Noto Naskh Arabic"),
    ("sans", "Noto Sans Arabic"),
    ("amiri", "Amiri"),
    ("kufi", "Noto Kufi Arabic"),  # not among athar-ocr's digit templates: the held-out font
]
DIGIT_LABELS = ["رقم الحساب", "رقم العداد", "المبلغ المستحق", "تاريخ الإصدار", "الاستهلاك",
                "القراءة السابقة", "القراءة الحالية", "رسم الدمغة", "الكمية", "سعر الوحدة"]


def digit_sheets(rng, out_dir):
    """Pages of Arabic lines with Eastern-digit numbers, to measure OCR of those digits."""
    for key, family in DIGIT_FONTS:
        lines, truth = [], []
        for i in range(24):
            label = DIGIT_LABELS[i % len(DIGIT_LABELS)]
            kind = i % 4
            if kind == 0:
                n = str(rng.randint(10**5, 10**10))
                shown, value = n.translate(EASTERN), n
            elif kind == 1:
                x = rng.randint(100, 9_999_999) / 100
                shown, value = money(x, "eastern"), f"{x:.2f}"
            elif kind == 2:
                d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2019, 2027)
                shown, value = f"{d:02d}/{m:02d}/{y}".translate(EASTERN), f"{y}-{m:02d}-{d:02d}"
            else:
                x = rng.randint(10, 99999)
                shown, value = qty(x, "eastern"), str(x)
            lines.append(f"<p>{label}: {shown}</p>")
            truth.append({"shown": shown, "value": value, "kind": ["id", "amount", "date", "qty"][kind]})
        html = page("ar", f"<div style=\"font-family: '{family}'; font-size: 12pt\">{''.join(lines)}</div>")
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "sheet.pdf"
            chromium_pdf(html, pdf)
            img = render_page(pdf, 300)
        for dpi, blur, noise in ((200, 0.3, 4), (150, 0.5, 6)):
            out = out_dir / f"digits-{key}-{dpi}dpi.png"
            d = degrade(img, rng, 0.0, blur, noise, 300, dpi)
            # Only the printed part: the rest of the page is noise that costs bytes.
            ink = np.asarray(d.filter(ImageFilter.MedianFilter(3))) < 128
            rows = np.nonzero(ink.sum(axis=1) > 0)[0]
            cols = np.nonzero(ink.sum(axis=0) > 0)[0]
            box = (cols[0], rows[0], cols[-1], rows[-1]) if len(rows) and len(cols) else None
            if box:
                m = dpi // 4
                d = d.crop((max(0, box[0] - m), max(0, box[1] - m),
                            min(d.width, box[2] + m), min(d.height, box[3] + m)))
            d.point(lambda v: (v // 16) * 17).save(out, "PNG", optimize=True, dpi=(dpi, dpi))
            Path(out.with_suffix(".json")).write_text(
                json.dumps({"font": family, "dpi": dpi, "numbers": truth}, ensure_ascii=False, indent=1) + "\n",
                encoding="utf-8")
            print("digits", out.name, file=sys.stderr)


def main():
    if sys.argv[1:] == ["digits"]:
        out = ROOT / "digits"
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        digit_sheets(random.Random(6600), out)
        return
    rng = random.Random(20260305)
    digital = ROOT / "digital"
    scans = ROOT / "scans"
    bad = ROOT / "bad"
    for d in (digital, scans, bad):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)

    plan = []
    for kind, n_en, n_ar in (("electricity", 4, 4), ("gas", 3, 3), ("fuel", 3, 3)):
        for lang, n in (("en", n_en), ("ar", n_ar)):
            for i in range(n):
                digit_style = "eastern" if (lang == "ar" and i % 2 == 1) else "western"
                layout = "table" if i % 2 == 0 else "lines"
                plan.append((kind, lang, digit_style, layout, i + 1))

    docs = []
    for kind, lang, digit_style, layout, i in plan:
        name = f"{kind}-{lang}-{i}"
        if kind == "fuel":
            doc_type, html, truth = fuel_doc(rng, lang, digit_style, layout)
        else:
            doc_type, html, truth = utility_doc(rng, kind, lang, digit_style, layout)
        pdf = digital / f"{name}.pdf"
        chromium_pdf(html, pdf)
        write_truth(digital / f"{name}.json", doc_type, truth, lang=lang, digits=digit_style,
                    layout=layout)
        docs.append((name, doc_type, truth, pdf, lang, digit_style, layout))
        print("digital", name, file=sys.stderr)

    # Scans: every other document, with varied damage; a few as photos (JPEG/PNG/TIFF).
    variants = [
        # (suffix, format, dpi, angle, blur, noise, pdf encoding)
        ("scan", "pdf", 200, 0.8, 0.5, 8, "jpeg"),
        ("scan", "pdf", 150, -1.5, 0.7, 10, "jpeg"),
        ("scan", "pdf", 200, 0.3, 0.0, 6, "flate"),
        ("photo", "jpg", 150, -2.5, 0.8, 12, None),
        ("scan", "png", 150, 1.2, 0.4, 6, None),
        ("fax", "tif", 200, 0.0, 0.6, 8, None),
        ("scan", "pdf", 200, 90.0, 0.4, 6, "jpeg"),
        ("scan", "pdf", 200, 180.0, 0.4, 6, "jpeg"),
    ]
    for j, (name, doc_type, truth, pdf, lang, digit_style, layout) in enumerate(docs):
        if j % 2 == 1 and j not in (3, 9):
            continue
        suffix, fmt, dpi, angle, blur, noise, enc = variants[(j // 2) % len(variants)]
        img = render_page(pdf, 300)
        img = degrade(img, rng, angle, blur, noise, 300, dpi)
        out = scans / f"{name}-{suffix}.{fmt}"
        if fmt == "pdf":
            image_pdf(img, dpi, out, enc)
        elif fmt == "jpg":
            img.save(out, "JPEG", quality=50, dpi=(dpi, dpi))
        elif fmt == "png":
            # Grey levels reduced to 16, as a scanner's "document" mode does; keeps files small.
            img.point(lambda v: (v // 16) * 17).save(out, "PNG", optimize=True, dpi=(dpi, dpi))
        else:
            # Bilevel, CCITT group 4, as a fax or a black-and-white scan.
            bilevel = img.point(lambda v: 255 if v > 150 else 0).convert("1")
            bilevel.save(out, "TIFF", compression="group4", dpi=(dpi, dpi))
        write_truth(out.with_suffix(".json"), doc_type, truth, lang=lang, digits=digit_style,
                    layout=layout, damage={"dpi": dpi, "angle": angle, "blur": blur, "noise": noise})
        print("scan", out.name, file=sys.stderr)

    # Bad input.
    (bad / "empty.pdf").write_bytes(b"")
    src = Image.open(next(iter(sorted(scans.glob("*.jpg")))))
    src.save(bad / "photo-named.pdf", "JPEG", quality=40)
    first_pdf = docs[0][3]
    data = first_pdf.read_bytes()
    (bad / "truncated.pdf").write_bytes(data[: len(data) // 3])
    subprocess.run(["qpdf", "--encrypt", "user-secret", "owner-secret", "256", "--",
                    str(first_pdf), str(bad / "encrypted.pdf")], check=True)
    huge_png(bad / "huge-20000x20000.png", 20000, 20000)
    # A bill exported to a workbook, and the same workbook cut short.
    sheet_truth = {
        "supplier": "Canal Electricity Distribution Company",
        "account_number": "4400918273",
        "meter_number": "5512093",
        "period_start": "2026-02-01",
        "period_end": "2026-02-28",
        "issue_date": "2026-03-06",
        "consumption": "18240",
        "consumption_unit": "kWh",
        "amount": "38512.44",
        "currency": "EGP",
    }
    book = xlsx_bytes([
        ["Canal Electricity Distribution Company"],
        ["Electricity bill export"],
        ["Account No.", "4400918273", "Meter No.", "5512093"],
        ["Issue date", "06/03/2026"],
        ["Billing period", "01/02/2026", "28/02/2026"],
        ["Consumption (kWh)", 18240],
        ["Total amount due (EGP)", 38512.44],
    ])
    (digital / "electricity-en-sheet.xlsx").write_bytes(book)
    write_truth(digital / "electricity-en-sheet.json", "electricity_bill", sheet_truth, lang="en",
                digits="western", layout="sheet")
    (bad / "truncated.xlsx").write_bytes(book[: len(book) // 2])
    print("done", file=sys.stderr)


if __name__ == "__main__":
    main()
