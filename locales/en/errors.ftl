# Errors shown to the user in a banner or printed by the CLI.
error-invalid-fields = { $count ->
    [one] One field needs attention.
   *[other] { $count } fields need attention.
}
error-wrong-passphrase = Wrong passphrase. The file was not changed.
error-file-not-found = There is no file at { $path }.
error-file-exists = A file already exists at { $path }. Choose another name; Athar never overwrites a company file.
error-not-company-file = { $path } is not an Athar company file.
error-plain-sqlite = { $path } is an unencrypted SQLite database, not an Athar company file.
error-newer-file = This file was made by a newer version of Athar (schema { $found }, this version knows { $known }). Update Athar to open it.
error-migration-failed = The file could not be upgraded; it was left as it was. A copy was kept at { $backup }. Details: { $detail }
error-io = The file could not be read or written: { $detail }
error-database = The company file reported an error: { $detail }
error-no-company-open = No company file is open.
error-keychain = This computer's keychain could not be used: { $detail }
error-current-passphrase = The current passphrase is wrong. Nothing was changed.
error-internal = Something went wrong inside Athar: { $detail }
error-audit-broken = The audit log was tampered with: entry { $seq } { $problem }.
error-prefs = The preferences could not be saved: { $detail }
error-passphrase-required = A passphrase is required.
error-usage = { $detail }
