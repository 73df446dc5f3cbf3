# The sustainability report (VSME) in the app: forms, settings, import, export, PDF, email.

## Checks of typed facts and settings
vsme-error-dimension = This breakdown ({ $axis }) does not belong to this datapoint.
vsme-error-option = Choose one of the listed options.
vsme-error-unit = Choose one of the listed units.
vsme-error-base-year-first = Set the base year of the GHG reduction target first (report settings).
vsme-error-target-year-first = Set the target year of the GHG reduction target first (report settings).
vsme-error-computed = Athar computes this figure from the activity data; replace it with an override and a reason instead.
vsme-error-target-after-base = The target year must come after the base year.
vsme-error-reduction-range = Enter a reduction from 0 to 100 %.
vsme-error-unknown-group = { $group } is not a question of the VSME template.
v-vsme-year = Enter a year such as 2026.
vsme-note-turnover-currency = The turnover in the profile is in { $found }, the report in { $expected }: the turnover is left out of the report.
vsme-note-fact-currency = { $concept } is in { $found }, the report in { $expected }: the figure is left out. Type it again in { $expected }.

## Template files and exports
vsme-error-template-unreadable = Cannot read { $path }: { $detail }
vsme-error-folder = The folder { $path } does not exist.
vsme-error-no-customer = There is no customer named “{ $name }” in the profile.
vsme-error-write = The workbook could not be written: { $detail }

## The ESRS E1 workbook
vsme-e1-sheet-title = ESRS E1 view of the VSME report
vsme-e1-col-disclosure = Disclosure
vsme-e1-col-sources = Comes from
vsme-e1-sheet-note = The same figures as the VSME report (taxonomy { $taxonomy }), on the lines of ESRS E1-5 and E1-6.

## The PDF report
vsme-pdf-title = Sustainability report (VSME)
vsme-pdf-subtitle = { $company } · reporting year { $year }
vsme-pdf-running-header = Athar · VSME sustainability report · { $company }
vsme-pdf-footer = Prepared with Athar under EFRAG's Voluntary Sustainability Reporting Standard (VSME), taxonomy { $taxonomy }.
vsme-pdf-period-range = { $start } to { $end }
vsme-pdf-none = not given
vsme-pdf-complete = Complete: every datapoint that must be reported is reported.
vsme-pdf-incomplete = Incomplete: { $missing } required datapoints missing, { $questions } questions unanswered.
vsme-pdf-company = Company
vsme-pdf-identifier = Identifier
vsme-pdf-currency = Currency
vsme-pdf-taxonomy = Taxonomy
vsme-pdf-prepared = Prepared on
vsme-pdf-status = Status
vsme-pdf-intro = This report follows the Basic Module and, where reported, the Comprehensive Module of the VSME standard. Energy and greenhouse gas figures are computed from the company's activity data; a figure marked * was replaced by a person, with the reason given under Sources.
vsme-pdf-key-figures = Key figures
vsme-pdf-chart-ghg = Greenhouse gas emissions by scope
vsme-pdf-chart-energy = Energy consumption by source
vsme-pdf-e1-heading = The same figures in ESRS E1 terms
vsme-pdf-e1-intro = For customers who report under the ESRS: the VSME figures on the lines of ESRS E1-5 (energy) and E1-6 (GHG emissions), each with its ESRS concept.
vsme-pdf-col-line = Line
vsme-pdf-col-concept = ESRS concept
vsme-pdf-col-value = Value
vsme-pdf-col-unit = Unit
vsme-pdf-not-reported = not reported
vsme-pdf-sources = Sources
vsme-pdf-source-inventory = Energy and GHG figures: Athar's GHG inventory of { $year } (GHG Protocol, IPCC AR5 GWP-100), from the company's bills and activity data; each figure can be traced to its entries and emission factors.
vsme-pdf-source-template = Figures imported from { $file } (EFRAG VSME digital template { $version }).
vsme-pdf-source-override = { $label }: the computed { $computed } was replaced by { $value }. Reason: { $reason }

## Email to a customer
vsme-mail-subject = { $company }: sustainability report (VSME) { $year }
vsme-mail-body =
    Dear { $customer },

    Please find attached our sustainability report for { $year } under the VSME standard: EFRAG's digital template, the report as PDF, the Inline XBRL file and the ESRS E1 view.

    Kind regards,
    { $company }

## The command line (athar vsme)
cli-vsme-imported = Imported { $file }: { $facts } facts ({ $inserted } new, { $updated } changed, { $removed } removed).
cli-vsme-fact = { $key } = { $value } { $unit }
cli-vsme-written = Written: { $path }
cli-vsme-export-failed = { $count } of the export's files could not be written; first: { $first }.
cli-vsme-lang = “{ $lang }” is not a language of Athar: use en or ar.
cli-vsme-setting = { $name }: { $value }

## The report screen
nav-vsme = Sustainability report (VSME)
vsme-title = Sustainability report (VSME)
vsme-lead = The report EU customers ask their suppliers for: EFRAG's Voluntary Sustainability Reporting Standard. Energy and greenhouse gas figures come from your activity data; the rest you fill in here or import from EFRAG's template.
vsme-loading = Loading the report…
vsme-tab-report = Report
vsme-tab-completeness = Completeness
vsme-tab-e1 = ESRS E1 view
vsme-tab-details = Report details
vsme-tab-import = Import template
vsme-tab-export = Export
vsme-period = { $start } to { $end }
vsme-complete = Complete
vsme-incomplete = { $missing } required datapoints missing · { $questions } questions open
vsme-from-inventory = Energy and GHG figures are computed from the activity data of { $year }.
vsme-no-inventory = There is no activity data for the reporting year: energy and GHG figures cannot be computed yet.
vsme-imported-from = Imported from { $file }.
vsme-source-profile = From the profile
vsme-source-inventory = Computed
vsme-source-user = Typed
vsme-source-template = Imported
vsme-source-override = Replaced
vsme-replaces-profile = (instead of the profile's value)
vsme-always = Required
vsme-if-applicable = If applicable
vsme-may = Optional
vsme-basis-title = What the report covers
vsme-basis-basic = Basic Module only
vsme-basis-comprehensive = Basic and Comprehensive Modules
vsme-module = Module
vsme-module-general = General and other information
vsme-module-name = Module { $module }
vsme-basic-only-note = The report covers the Basic Module only: the Comprehensive Module's datapoints are not asked for.
vsme-choose = Choose…
vsme-unit = Unit
vsme-search = Search
vsme-add-option = Add…
vsme-add-row = Add a row
vsme-computed-none = Computed from activity data: none for this year yet.
vsme-explain = Explain
vsme-results-sum = Sum of { $count } inventory figures; explain each
vsme-override = Replace…
vsme-override-value = New figure
vsme-override-reason = Reason (goes to the audit log)
vsme-overridden = Replaces the computed { $computed }. Reason: { $reason }
vsme-override-clear = Use the computed figure
vsme-set-aside = A stored figure of { $value } is not reported because Athar computes this datapoint.
vsme-adopt = Use it instead…
vsme-adopt-reason = Figure from the imported template
vsme-saved = Saved.

## Completeness
vsme-questions-title = Questions to answer
vsme-questions-note = For each “If applicable” part of the standard, say whether it applies to your company. If it does, its datapoints must be reported.
vsme-questions-none = Every question is answered.
vsme-answered = Answered
vsme-answer-change = Change
vsme-missing-always = Required datapoints still missing: { $count }
vsme-missing-applicable = Datapoints of parts that apply, still missing: { $count }

## Report details
vsme-details-title = Report details
vsme-details-note = What every figure of the report shares. Empty fields take the profile's values: its legal name, its reporting year and its turnover's currency.
vsme-field-entity-name = Name on the report
vsme-field-entity-name-hint = Empty: the legal name of the profile.
vsme-field-scheme = Identifier scheme
vsme-field-identifier = Company identifier (for XBRL)
vsme-field-currency = Report currency
vsme-field-period-start = Reporting period from
vsme-field-period-end = to
vsme-field-date-hint = As year-month-day, for example 2026-01-01.
vsme-target-title = GHG reduction target (C3)
vsme-target-note = The base year's figures come from that year's activity data; the target year's are the base year's less the reductions below.
vsme-field-base-year = Base year
vsme-field-target-year = Target year
vsme-field-scope12 = Reduction of Scope 1 and 2 (%)
vsme-field-scope3 = Reduction of Scope 3 (%)

## Import
vsme-import-title = Import an EFRAG digital template
vsme-import-note = A VSME digital template (versions 1.0.0 to 1.3.0) filled by you or by someone else. Its figures are stored in the company file, all or nothing; figures Athar computes from activity data are kept, and the template's are shown beside them.
vsme-path-placeholder = Path to the .xlsx file
vsme-browse = Browse…
vsme-import-run = Import
vsme-importing = Reading the template…
vsme-import-done = Imported { $file } (version { $version }): { $facts } figures, { $inserted } new, { $updated } changed, { $removed } removed.
vsme-dialog-workbook = Choose an EFRAG VSME workbook
vsme-dialog-filter-xlsx = Excel workbooks
vsme-dialog-folder = Choose the folder for the report's files

## Export
vsme-export-title = Export the report
vsme-export-note = The files are written into the folder below; files already there are never overwritten.
vsme-export-lang = Language of the PDF, the Inline XBRL page and the emails
vsme-export-template = EFRAG digital template (.xlsx)
vsme-export-e1 = ESRS E1 view (.xlsx)
vsme-export-pdf = Report (PDF)
vsme-export-xbrl = Inline XBRL (.xhtml)
vsme-export-mail = Email draft and zip for
vsme-export-customers = Email packages for EU customers
vsme-export-no-customers = No EU customer in the profile.
vsme-export-run = Export
vsme-export-progress = { $done } of { $total } done
vsme-export-pending = waiting…

## Settings
nav-settings = Settings
settings-title = Settings
settings-lead = Settings of Athar on this computer.
settings-vsme-template-title = EFRAG VSME template
settings-vsme-template-note = The blank workbook the export fills. Athar comes with EFRAG's template; when EFRAG publishes a newer one, choose it here.
settings-template-built-in = Built into Athar
settings-template-chosen = Chosen file
settings-template-in-use = Used for exports
settings-template-version = Version { $version }
settings-template-no-version = Version not stated
settings-template-none = None
settings-template-none-chosen = None: the built-in template is used.
settings-template-in-use-file = The chosen file (version { $version })
settings-template-in-use-built-in = The built-in template (version { $version })
settings-template-reset = Use the built-in template
settings-template-use = Use this file
