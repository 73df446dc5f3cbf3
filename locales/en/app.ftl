# Text of the desktop interface (ui/). Field labels are named field-<name> after the last
# segment of a validation path, so athar-i18n can label errors from any layer.

app-name = Athar
app-loading = Loading…
lang-toggle = العربية
lang-toggle-title = Switch the interface to Arabic
error-dismiss = Dismiss this message
action-cancel = Cancel
action-remove = Remove

## Field labels

field-legal_name_en = Legal name (English)
field-legal_name_ar = Legal name (Arabic)
field-legal_form = Legal form
field-registration_number = Commercial registration number
field-country = Country
field-city = City
field-address = Address
field-nace_codes = NACE activity codes
field-employees = Employees
field-turnover = Annual turnover
field-turnover_currency = Currency
field-reporting_year = Reporting year
field-name = Name
field-unlocode = UN/LOCODE
field-latitude = Latitude
field-longitude = Longitude
field-email = Email
field-path = File location
field-passphrase = Passphrase
field-passphrase_confirm = Repeat the passphrase
field-current = Current passphrase
field-new = New passphrase
field-new_confirm = Repeat the new passphrase

## Passphrase strength (shown while typing)

strength-too-short = Too short: use at least { $min } characters.
strength-weak = Weak: easy to guess. A few unrelated words make a stronger passphrase.
strength-fair = Fair: longer would be safer.
strength-strong = Strong.

## Audit log problems; they read after “entry N”

audit-edited = was edited
audit-missing = is missing
audit-truncated = and the entries after it were removed

## Pickers

countries-common = Frequently used
countries-all = All countries
country-choose = Choose a country…
currencies-common = Frequently used
currencies-all = All currencies

## Start screen

start-title = Company files
start-lead = Each company has its own encrypted file on this computer. Create one, or open a file you already have.
start-new = New company file
start-open = Open a file…
start-open-path = Or type the full path of a company file
start-open-path-placeholder = /path/to/company.athar
start-open-path-go = Open
start-recent = Recently opened
start-recent-empty = No files opened yet. Files you create or open will be listed here.
start-recent-missing = Missing
start-recent-opened = Last opened { $date }
start-recent-remove = Remove { $name } from this list (the file itself is kept)

## Unlock screen

unlock-title = Unlock company file
unlock-lead = This file is encrypted. Enter its passphrase to open it.
unlock-submit = Unlock
remember-label = Remember on this computer
remember-hint = The key is kept in this computer's keychain, so you will not be asked for the passphrase here again.
remember-unavailable = This computer has no keychain Athar can use, so you will type the passphrase each time you open the file.

## Create screen

create-title = New company file
create-lead = A few facts are enough to start; you can complete the profile afterwards.
create-section-company = Company
create-section-file = File
create-section-security = Protection
create-path-hint = The file name must end in .athar. Keep a copy on a USB stick or another disk as a backup.
create-browse = Choose…
create-passphrase-note = The file is encrypted with this passphrase. Athar cannot recover it if it is lost, so write it down and keep it somewhere safe.
create-submit = Create file

## Workspace

nav-label = Company file sections
nav-profile = Company profile
nav-security = Security
nav-close = Close file

## Profile screen

profile-title = Company profile
profile-lead = Who the company is, where it produces and whom it sells to in the EU. Every saved change is recorded in the audit log.
profile-section-identity = Identity
profile-section-location = Location
profile-section-activity = Activity
profile-section-sites = Sites and installations
profile-section-customers = EU customers and importers
profile-sites-note = The places where the company produces the goods it exports.
profile-customers-note = The EU companies that ask you for emissions data.
profile-sites-empty = No sites yet.
profile-customers-empty = No customers yet.
profile-add-site = Add site
profile-add-customer = Add customer
profile-site-title = Site { $n }
profile-customer-title = Customer { $n }
profile-remove-site = Remove this site
profile-remove-customer = Remove this customer
profile-save = Save profile
profile-saved = Saved at { $time }
profile-problems = { $count ->
    [one] One field needs attention.
   *[other] { $count } fields need attention.
}
nace-hint = Separate codes with commas, for example C24.10, C23.51.
legal-form-joint-stock = Joint stock company (S.A.E.)
legal-form-llc = Limited liability company (L.L.C.)
legal-form-partnership = General partnership
legal-form-limited-partnership = Limited partnership
legal-form-sole = Sole proprietorship
legal-form-branch = Branch of a foreign company
summary-sites = Sites
summary-customers = EU customers

## Security screen

security-title = Security
security-lead = How this company file is protected on this computer.
security-change-title = Change the passphrase
security-change-note = The file is re-encrypted with the new passphrase. Copies made earlier keep the old one.
security-change-submit = Change passphrase
security-change-done = The passphrase was changed.
security-remember-title = This computer
security-remember-on = The key of this file is kept in this computer's keychain; it opens without a passphrase here.
security-remember-off = The passphrase is asked for every time this file is opened.
audit-title = Audit log
audit-note = Every change to the company file is recorded in a chained log. Checking it shows whether any entry was altered outside Athar.
audit-count = { $count ->
    [one] The log holds one entry.
   *[other] The log holds { $formatted } entries.
}
audit-verify = Check the audit log
audit-intact = { $count ->
    [one] Intact: one entry checked.
   *[other] Intact: { $formatted } entries checked.
}
audit-broken-unknown = The audit log is damaged.
