# Documents messages.

## Language model (athar-llm)
llm-model-missing = The language model file { $path } cannot be opened. Choose the model file again in Settings.
llm-model-not-gguf = { $path } is not a GGUF language model file. Choose a .gguf file in Settings.
llm-model-unreadable = The language model file { $path } is damaged or of a kind this version cannot run. Choose another model in Settings.
llm-backend = The language model could not be started on this computer.
llm-context = The language model has no room for a context of { $tokens } tokens. Lower the context size or free some memory.
llm-template = The language model's chat template cannot be used. Choose another model in Settings.
llm-bad-request = The fields asked of the language model are not valid: { $detail }
llm-grammar = The language model refused the answer format. This is a bug in Athar; the fields read without the model are kept.
llm-decode = The language model failed while reading the document: { $detail }
llm-dead-end = The language model could not finish its answer. The fields read without the model are kept.
llm-incomplete = The language model's answer was cut short. The fields read without the model are kept.

## Worker process (athar-worker)
worker-not-found = The helper program that reads scans and runs the language model cannot be started ({ $path }): { $detail }. Reinstall Athar.
worker-crashed = The helper program stopped while reading this document ({ $status }). Nothing saved was lost; the next document is read by a new helper.
worker-cancelled = Cancelled.
worker-timeout = Reading this document took longer than { $seconds } s and was stopped.
worker-protocol = The helper program answered in an unexpected way: { $detail }. Reinstall Athar.
worker-bad-job = The helper program could not use what it was given: { $detail }

## Extraction (athar-extract, athar-ocr)
doc-io = The document cannot be read: { $detail }
doc-empty-file = The file is empty (0 bytes). Choose the document again.
doc-unsupported-file = This kind of file cannot be read (it looks like { $looks_like }). Use a PDF, a JPEG, PNG or TIFF image, an xlsx workbook or a CSV file.
doc-encrypted-pdf = The PDF is protected with a password. Save an unprotected copy (print it to PDF) and add that instead.
doc-damaged-pdf = The PDF is damaged or incomplete and cannot be read ({ $detail }). If it was downloaded or copied, get it again.
doc-too-many-pages = The document has { $pages } pages; at most { $max } are read. Split it into smaller files.
doc-image-too-large = The image is { $width } × { $height } pixels, more than the { $max_pixels } pixels that can be read. Scan it again at 300 dpi or make it smaller.
doc-damaged-image = The { $format } image is damaged or incomplete and cannot be read ({ $detail }).
doc-damaged-workbook = The workbook is damaged and cannot be read ({ $detail }).
doc-csv-not-utf8 = The CSV file is not UTF-8 text. Save it again as "CSV UTF-8".
doc-cancelled = Cancelled.
doc-engine-unavailable = { $engine ->
    [ocr] Text recognition
   *[model] The language model
} is not available: { $detail }
doc-engine-failed = { $engine ->
    [ocr] Text recognition failed on page { $page }
   *[model] The language model failed
}: { $detail }
doc-engine-crashed = { $engine ->
    [ocr] Text recognition stopped on page { $page }
   *[model] The language model stopped
} ({ $detail }). The values read so far are kept.
doc-engine-timeout = { $engine ->
    [ocr] Text recognition of page { $page }
   *[model] The language model
} took longer than { $seconds } s and was stopped.
doc-warn-content-differs = The file name says { $named }, but the file is a { $actual }; it was read as a { $actual }.
doc-warn-page-no-text = Page { $page } has no readable text and no scanned image.
doc-warn-page-empty = Page { $page } is empty.
doc-warn-image-unsupported = The scanned image on page { $page } is in a format that cannot be decoded (JPEG 2000 or JBIG2).
doc-warn-no-ocr = { $pages ->
    [one] One page is an image, and text recognition is not available: its values must be typed.
   *[other] { $pages } pages are images, and text recognition is not available: their values must be typed.
}
doc-warn-model-value-dropped = The language model proposed "{ $value }" for { $field }, which is not a valid value; it was ignored.
doc-bench-io = Cannot read { $path }: { $detail }
doc-bench-bad-truth = { $path } is not a valid ground-truth file: { $detail }
doc-bench-empty = No documents with ground truth were found in { $path }.

doc-type-electricity_bill = Electricity bill
doc-type-gas_bill = Natural gas bill
doc-type-fuel_invoice = Fuel invoice or receipt
doc-type-material_invoice = Material purchase invoice
doc-type-transport_invoice = Transport or freight invoice
doc-type-cbam_template = Supplier CBAM template
doc-type-receipt = Receipt
doc-type-other = Other document

doc-field-supplier = Supplier
doc-field-account_number = Account number
doc-field-meter_number = Meter number
doc-field-invoice_number = Invoice number
doc-field-issue_date = Issue date
doc-field-period_start = Period start
doc-field-period_end = Period end
doc-field-consumption = Consumption
doc-field-consumption_unit = Consumption unit
doc-field-fuel_type = Fuel
doc-field-quantity = Quantity
doc-field-quantity_unit = Quantity unit
doc-field-amount = Amount
doc-field-currency = Currency
doc-field-address = Address

doc-note-conflict = The document shows different values; check which one is right.
doc-note-model_filled = Read by the language model.
doc-note-model_settled_conflict = The document shows different values; the language model chose this one.
doc-note-model_replaced_low_confidence = The language model replaced an uncertain reading.
doc-note-model_disagrees = The language model read another value; this one was kept.

doc-method-text_layer = Text of the PDF
doc-method-ocr = Text recognition
doc-method-spreadsheet = Spreadsheet cells
doc-method-none = No text

## Documents in the company file, review and settings (session, CLI)
doc-add-too-large = The file is { $size } MB; documents of at most { $max } MB can be added.
doc-not-found = There is no document { $id } in this company file.
doc-err-internal = The result could not be stored: { $detail }
doc-review-not-read = Document { $id } has not been read yet.
doc-review-already-accepted = Document { $id } was already accepted; its entry is in Activity.
doc-review-no-entry = A { $type } gives no activity data; the document is kept as evidence.
doc-review-bad-date = “{ $value }” is not a date; write it as YYYY-MM-DD.
doc-review-bad-unit = “{ $value }” is not a unit Athar knows (for example kWh, MWh, Nm3, m3, L, t).
doc-review-period-order = The period ends ({ $to }) before it starts ({ $from }).
doc-settings-model-missing = There is no file at { $path }.
doc-settings-threads = Between 1 and { $max } threads.
doc-settings-percent = A percentage between 1 and 100.
cli-doc-lang = “{ $lang }” is not a language of text recognition; use en, ar or en+ar.
cli-doc-refused = { $count ->
    [one] One file was not added.
   *[other] { $count } files were not added.
}

## Documents screen, review and settings (desktop app)
nav-documents = Documents
documents-title = Documents
documents-lead = Add bills and invoices. Athar reads them, proposes the values they contain, and you confirm them into activity data. Each document is kept, encrypted, as evidence.
documents-no-model = No language model is chosen. Documents are still read by Athar's own rules; a model would also fill in fields the rules do not find (an unusual label, a handwritten total) and settle values the document shows twice. Choose a GGUF model file in Settings.
documents-open-settings = Open Settings
documents-add-title = Add documents
documents-add-note = PDF (with text or scanned), JPEG, PNG or TIFF photos and scans, xlsx or CSV. The same file added twice is kept once.
documents-path = File path (one per line)
documents-add = Add
documents-choose = Choose files…
documents-list-title = Documents in this company file
documents-read-waiting = Read { $count } waiting
documents-read-summary = Read: { $done }. Could not be read: { $failed }. Cancelled: { $cancelled }. Accepted automatically: { $accepted }.
documents-added = Added: { $added }. Already in the file: { $duplicates }. Not added: { $refused }.
documents-progress-title = Reading
documents-cancel = Cancel
documents-empty = No documents yet.
documents-col-file = File
documents-col-type = Type
documents-col-status = Status
documents-col-fields = Fields
documents-fields-count = { $count } found, { $low } to check
documents-review = Review
documents-entry = Entry { $id }
documents-status-added = Waiting to be read
documents-status-queued = Queued
documents-status-running = Reading…
documents-status-done = Read
documents-status-extracted = To review
documents-status-failed = Could not be read
documents-status-cancelled = Cancelled
documents-status-accepted = Accepted
documents-stage-recognising = Recognising text
documents-stage-loading_model = Loading the language model
documents-stage-reading = Language model reading
documents-stage-writing = Language model answering
documents-stage-testing = Working
documents-stage-count = { $stage } ({ $done } of { $total })
documents-dialog-files = Add bills and invoices
documents-dialog-filter = Documents
documents-dialog-model = Choose a language model
documents-dialog-filter-gguf = GGUF models
review-title = Review: { $file }
review-close = Close
review-type = Type: { $type }.
review-threshold = Fields below { $percent } % confidence are highlighted.
review-not-found = not found
review-site = Site
review-entry-electricity = Accepting adds an electricity entry (Scope 2) for the period, linked to this document.
review-entry-natural_gas = Accepting adds a natural gas entry (Scope 1, stationary combustion) for the period, linked to this document.
review-entry-fuel = Accepting adds a fuel entry (Scope 1, stationary combustion) on the invoice date, linked to this document.
review-accept = Accept as activity data
review-open-activity = Open Activity data
review-evidence-only = This type of document gives no activity data; it is kept as evidence.
review-page = Page { $page }
review-image-alt = The page as scanned or photographed
review-origin-parser = Read by Athar's rules
review-origin-model = Read by the language model
review-alternatives = Also seen: { $values }
settings-documents-title = Documents: language model and review
settings-documents-note = The model runs on this computer, in a separate helper process; nothing leaves the computer. Without a model, documents are read by Athar's own rules only.
settings-model-path = Language model file (GGUF)
settings-model-browse = Choose…
settings-model-threads = Threads of the model
settings-highlight-below = Highlight fields below this confidence (%)
settings-highlight-hint = Highlighted fields deserve a second look before accepting.
settings-auto-accept = Accept documents automatically when every value is confident
settings-auto-accept-above = Confidence needed to accept automatically (%)
settings-documents-saved = Saved.
