# Reports messages.

## PDF reports (athar-pdf)
# Footer of every report page; pass page = "{page}" and pages = "{pages}", athar-pdf fills them in.
pdf-page-of = Page { $page } of { $pages }
pdf-font-unreadable = The report font { $font } built into Athar cannot be read. Reinstall Athar.
pdf-page-too-small = The page is too small for its margins. Choose smaller margins or a larger page.
pdf-table-without-columns = A table in the report has no columns.
pdf-table-shape = Row { $row } of a table in the report has { $found } cells, but the table has { $expected } columns.
pdf-column-too-narrow = Column { $column } of a table in the report is too narrow for its text.
pdf-write-failed = The PDF could not be written: { $detail }

## Filling official workbooks (athar-xlsx-fill)
xlsx-io = Cannot read or write { $path }: { $detail }
xlsx-empty-file = The workbook file is empty.
xlsx-not-zip = This file is not an Excel workbook (.xlsx): { $looks_like ->
    [png] it is a PNG image.
    [jpeg] it is a JPEG image.
    [pdf] it is a PDF document.
    [xls-or-encrypted] it is an old .xls workbook, or one protected with a password to open. Save it from Excel as .xlsx without a password to open.
    [text] it is a text file.
   *[other] its content is of another kind.
}
xlsx-not-xlsx = This archive is not an Excel workbook: { $missing } is missing.
xlsx-damaged-archive = The workbook is damaged or incomplete ({ $detail }). Download or export it again.
xlsx-damaged-part = The workbook is damaged: its part { $part } cannot be used ({ $detail }).
xlsx-missing-sheet = The workbook has no sheet named “{ $sheet }”. Is it the right template, in the right version?
xlsx-not-a-worksheet = The sheet “{ $sheet }” is a chart or dialog sheet, not a sheet of cells.
xlsx-unknown-name = The workbook has no named range “{ $name }”. Is it the right template, in the right version?
xlsx-name-not-cells = The named range “{ $name }” does not point to cells (it is { $formula }).
xlsx-name-not-single-cell = The named range “{ $name }” covers { $reference }, more than one cell.
xlsx-offset-outside-name = Offset (row { $row_offset }, column { $col_offset }) lies outside { $reference }, the cells of the named range “{ $name }”.
xlsx-bad-cell-ref = “{ $reference }” is not a cell reference such as B7.
xlsx-cell-out-of-range = { $reference } lies outside the sheet; the last cell is XFD1048576.
xlsx-bad-number = “{ $value }” is not a number that can be written into the workbook.
xlsx-text-too-long = The text is { $length } characters long; a cell holds at most 32,767.
xlsx-not-a-formula = { $sheet }!{ $cell } has no formula whose result could be set.
xlsx-formula-anchor = { $sheet }!{ $cell } holds a formula that other cells share; Athar will not overwrite it.

## Email packages (athar-mail)
mail-no-recipient = The email has no recipient. Add the customer's email address.
mail-invalid-address = “{ $address }” is not an email address.
mail-invalid-message-id = The message identifier “{ $id }” is not valid.
mail-date-out-of-range = The date { $date } cannot be written in an email or a zip file.
mail-invalid-file-name = “{ $name }” cannot be used as the name of an attached file.
mail-duplicate-file-name = Two attached files are named “{ $name }”.
mail-zip-failed = The zip file could not be made: { $detail }
mail-folder-missing = The folder { $path } does not exist.
mail-no-free-name = There is no free file name for “{ $name }” in { $path }. Choose another folder.
mail-write-failed = Cannot write { $path }: { $detail }
