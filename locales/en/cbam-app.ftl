# CBAM in the app: the session, the PDF summary, the email package, the CLI and the CBAM tab.

## Errors
cbam-error-installation-not-found = There is no installation { $id } in this company file.
cbam-error-no-installation = This company file has no CBAM installation yet. Import a communication template or enter one in the CBAM tab.
cbam-error-no-template = This copy of Athar has no blank communication template built in. Choose the file downloaded from the Commission's site in Settings → Templates.
cbam-error-customer-unknown = There is no customer named “{ $name }” in the profile.
cbam-error-out-dir = The folder { $path } does not exist.
cbam-error-node-not-found = There is no result { $id } for this installation.
cbam-skip-not-eu = not in the EU, so not an importer of CBAM goods
cbam-skip-no-email = no email address in the profile; the summary was written, but no email draft

## Export progress
cbam-progress-computed = Embedded emissions calculated for { $file }
cbam-progress-file = Written: { $file }
cbam-progress-skipped = No email draft for { $file }

## File names (without extension)
cbam-file-workbook = CBAM communication { $installation } { $year }
cbam-file-summary = Embedded emissions summary { $installation } { $year }
cbam-file-summary-for = Embedded emissions summary { $installation } { $year } for { $customer }
cbam-file-package = CBAM { $installation } { $year } for { $customer }

## Email draft to an EU customer
cbam-mail-subject = CBAM embedded emissions { $year }: { $installation }
cbam-mail-body =
    Dear { $customer },

    Please find attached the embedded emissions of the goods we supply to you from { $installation } for { $year }:

    - the Commission's communication template for installations, filled in ({ $products } products);
    - a summary of the specific embedded emissions of each good, with the share based on default values and the source of the electricity emission factor.

    The values are calculated according to Implementing Regulation (EU) 2025/2547, Annex III. Please contact us if you need the underlying data or the verification report.

    Kind regards,
    { $contact }
    { $company }

## PDF "Embedded emissions summary"
cbam-pdf-title = Embedded emissions summary
cbam-pdf-subtitle = { $company }
cbam-pdf-subtitle-for = { $company } — for { $customer }
cbam-pdf-header = Athar · CBAM embedded emissions · { $installation }
cbam-pdf-footer = Calculated per Implementing Regulation (EU) { $regulation }, Annex III.
cbam-pdf-installation = Installation
cbam-pdf-operator = Operator
cbam-pdf-address = Address
cbam-pdf-unlocode = UN/LOCODE
cbam-pdf-coordinates = Main emission source (latitude, longitude)
cbam-pdf-period = Reporting period
cbam-pdf-period-value = { $start } to { $end }
cbam-pdf-verifier = Verifier
cbam-pdf-contact = Contact
cbam-pdf-importer = Importer
cbam-pdf-see-heading = Specific embedded emissions per good
cbam-pdf-see-note = Values in tonnes of CO2 equivalent per tonne of good ({ $unit }). Direct and indirect emissions are calculated separately; the last column gives the share of the total that rests on default values.
cbam-pdf-col-cn = CN code
cbam-pdf-col-good = Good
cbam-pdf-col-method = Method
cbam-pdf-col-direct = Direct
cbam-pdf-col-indirect = Indirect
cbam-pdf-col-total = Total
cbam-pdf-col-default-share = Share of defaults
cbam-pdf-unit-per-mwh = Electricity is given per MWh ({ $unit }).
cbam-pdf-indirect-not-counted = For iron and steel, aluminium and hydrogen the indirect emissions are reported but do not count towards CBAM certificates.
cbam-pdf-chart-title = Specific embedded emissions (total)
cbam-pdf-electricity-heading = Electricity
cbam-pdf-col-electricity = Embedded electricity (MWh/t)
cbam-pdf-col-ef-source = Source of the emission factor
cbam-pdf-processes-heading = Electricity consumed by the production processes
cbam-pdf-col-process = Production process
cbam-pdf-col-consumed = Consumed (MWh)
cbam-pdf-col-ef = Emission factor (tCO2e/MWh)
cbam-pdf-defaults-heading = Compared with the default values
cbam-pdf-defaults-note = What each good would count at the default value of IR 2025/2621 for { $country } in { $year }, mark-up included ({ $markup }), against the actual value. Only the emissions that need CBAM certificates are compared.
cbam-pdf-col-actual = Actual
cbam-pdf-col-default = Default with mark-up
cbam-pdf-col-difference = Difference
cbam-pdf-col-cost-actual = Certificates, actual (EUR/t)
cbam-pdf-col-cost-default = Certificates, default (EUR/t)
cbam-pdf-chargeable-note = Emissions that need certificates: direct emissions, plus indirect emissions for cement and fertilisers (Regulation (EU) 2023/956, Annex II).
cbam-pdf-price-note = Certificate costs at an EU carbon price of { $price }, before any free-allocation adjustment and any carbon price paid in the country of production.
cbam-pdf-no-price = No EU carbon price was entered, so no certificate costs are shown.
cbam-pdf-method-note = Athar calculated these values from the installation's monitoring data with Equations 55 to 66 of Annex III of Implementing Regulation (EU) 2025/2547: direct and indirect emissions separately, with corrections for measurable heat, waste gases and exported electricity, and with the embedded emissions of precursors. Every value can be traced to its source streams, emission factors and documents in the company file.

## Methods and electricity emission factor sources
cbam-method-actual = Actual values
cbam-method-mixed = Actual and default values
cbam-method-default = Default values
cbam-ef-source-d4a = emission factor provided by the Commission (IEA data)
cbam-ef-source-d4b = other public data: grid average or CO2 emission factor
cbam-ef-source-d41 = produced in the installation, not by cogeneration
cbam-ef-source-d42 = produced in the installation by cogeneration
cbam-ef-source-d431 = received through a direct technical connection
cbam-ef-source-d432 = bought under a power purchase agreement
cbam-ef-source-mix = mix, not predominantly from one source
cbam-ef-source-none = not given

## Command line (athar cbam …)
cli-cbam-imported = Imported { $file } (template { $version }) as installation { $id } “{ $installation }”: { $products } products ({ $change }).
cli-cbam-installation = { $installation }, { $start } to { $end }
cli-cbam-product = { $cn } { $name }: SEE direct { $direct }, indirect { $indirect }, total { $total } tCO2e/t
cli-cbam-totals = Installation: direct { $direct }, indirect { $indirect }, total { $total } tCO2e
cli-cbam-discrepancy = { $cell } ({ $what }): the template says { $theirs }, recomputed { $ours }
cli-cbam-discrepancies = { $file }: { $count } summary values disagree with the recomputation.
cli-cbam-written = Written: { $path }
cli-cbam-skipped = { $customer }: { $reason }

## File dialogs
cbam-dialog-workbook = Choose a CBAM communication template
cbam-dialog-filter-xlsx = Excel workbook
cbam-dialog-folder = Choose the folder for the CBAM export

## The CBAM tab
nav-cbam = CBAM
cbam-ui-title = CBAM embedded emissions
cbam-ui-lead = Your installations, the specific embedded emissions of each good you export to the EU, compared with the default values, and the package for your EU importers.
cbam-ui-tab-results = Installations and goods
cbam-ui-tab-import = Import a template
cbam-ui-tab-check = Check a supplier's template
cbam-ui-tab-export = Export for importers
cbam-ui-installations = Installations
cbam-ui-loading = Loading…
cbam-ui-no-installations = No installation yet. Import the Commission's communication template filled in for your installation.
cbam-ui-go-import = Import a template
cbam-ui-col-installation = Installation
cbam-ui-col-period = Reporting period
cbam-ui-col-source = Source
cbam-ui-period = { $start } to { $end }
cbam-ui-source-manual = Entered in Athar
cbam-ui-show = Show
cbam-ui-about = { $city }, { $country } · { $start } to { $end }
cbam-ui-incomplete = The installation is incomplete, so nothing can be calculated yet:
cbam-ui-goods = Goods
cbam-ui-col-process = Production process
cbam-ui-explain = Explain
cbam-ui-unit-note = Specific embedded emissions in tonnes of CO2 equivalent per tonne of good (per MWh for electricity), to three decimals as the template shows them.
cbam-ui-total-direct = Installation, direct emissions
cbam-ui-total-indirect = Installation, indirect emissions
cbam-ui-total = Installation, total
cbam-ui-price = EU carbon price
cbam-ui-price-save = Save price
cbam-ui-price-invalid = Enter the price as a number, for example 75.50.
cbam-ui-defaults-note = Default values of IR 2025/2621 for { $country } in { $year }, including the mark-up of { $markup }; the certificate cost is per tonne of good, before free allocation and any carbon price paid at home.
cbam-ui-col-actual = Actual (tCO2e/t)
cbam-ui-col-default = Default with mark-up
cbam-ui-no-price = Enter the EU carbon price to see the certificate cost per tonne under actual and default values.
cbam-ui-explain-inputs = Data used
cbam-ui-explain-factors = Factors
cbam-ui-explain-evidence = Documents
cbam-ui-explain-children = Calculated from
cbam-ui-evidence = Document { $id }
cbam-ui-evidence-page = Document { $id }, page { $page }

## Import, check, export
cbam-ui-path-placeholder = Path of the workbook (.xlsx)
cbam-ui-folder-placeholder = Folder for the files
cbam-ui-browse = Browse…
cbam-ui-col-cell = Cell
cbam-ui-col-problem = Problem
cbam-ui-import-title = Import a communication template
cbam-ui-import-note = The Commission's communication template for installations (version 2.1 or 2.1.1), filled in. Athar reads every input sheet and recalculates the summary itself. If any cell is wrong, nothing is imported and every problem is listed.
cbam-ui-import-run = Import
cbam-ui-importing = Reading and recalculating the workbook…
cbam-ui-imported = { $file } (template { $version }): “{ $installation }” with { $products } goods { $change ->
    [created] was added.
    [updated] replaced the earlier import of the same installation and period.
   *[unchanged] is already in the company file; nothing changed.
}
cbam-ui-show-results = Show the results
cbam-ui-rejected = { $file } was not imported: { $count } cells have problems.
cbam-ui-check-title = Check a supplier's template
cbam-ui-check-note = Open a communication template you received from a supplier of precursors. Athar recalculates it and lists every summary value that disagrees. Nothing is stored.
cbam-ui-check-run = Check
cbam-ui-checking = Recalculating the supplier's workbook…
cbam-ui-checked = { $file } (template { $version }), “{ $installation }”: { $count ->
    [0] every summary value agrees with the recalculation.
   *[other] { $count } summary values disagree with the recalculation.
}
cbam-ui-discrepancies = Values that disagree
cbam-ui-col-what = Result
cbam-ui-col-theirs = In the template
cbam-ui-col-ours = Recalculated
cbam-ui-check-rejected = { $file } cannot be checked: { $count } cells have problems.
cbam-ui-file-workbook = Communication template
cbam-ui-file-summary = PDF summary
cbam-ui-file-email = Email draft
cbam-ui-file-archive = Zip
cbam-ui-export-title = Export for EU importers
cbam-ui-export-note = Writes the Commission's workbook filled in, a PDF summary for each EU customer and, for each customer with an email address, an email draft with both attached and a zip of the same files. Nothing already in the folder is overwritten.
cbam-ui-export-for = Installation: { $installation }
cbam-ui-export-none = Choose an installation first, in “Installations and goods”.
cbam-ui-export-lang = Language of the summary and the email
cbam-ui-lang-en = English
cbam-ui-lang-ar = Arabic
cbam-ui-export-customer = Customer
cbam-ui-export-all-customers = Every EU customer
cbam-ui-customer-not-eu = { $name } (not in the EU)
cbam-ui-export-run = Export
cbam-ui-exporting = Calculating and writing the files…
cbam-ui-export-step = Step { $done } of { $total }
cbam-ui-exported = { $count } files written in { $seconds } s.
cbam-ui-col-file-kind = What
cbam-ui-col-file = File
cbam-ui-col-customer = For

## Settings → templates
settings-cbam-template-title = CBAM communication template
settings-cbam-template-note = The CBAM export fills the Commission's communication template for installations. Athar has one built in; when the Commission publishes a newer version, choose the file downloaded from the Commission's site here.
