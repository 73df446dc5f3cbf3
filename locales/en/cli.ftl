# Text printed by the athar command line.
cli-created = Created { $path }.
cli-passphrase-changed = Passphrase changed. The old passphrase no longer opens the file.
cli-audit-intact = Audit log intact: { $count } entries.
cli-sites = Sites
cli-customers = EU customers
prompt-passphrase = Passphrase
prompt-new-passphrase = New passphrase
prompt-confirm-passphrase = Repeat the passphrase
dialog-save-title = Save the new company file
dialog-open-title = Open a company file
dialog-filter-athar = Athar company files
cli-import-summary = Imported: { $inserted } new, { $unchanged } unchanged, { $updated } updated; { $errors } rows with errors.
cli-inventory-line = { $id }: { $value } { $unit }
cli-explain-node = { $id } = { $value } { $unit }
cli-explain-entry = entry { $id } (site { $site }, { $period }, from { $origin })
cli-explain-factor = factor { $key } = { $value } { $unit } ({ $source })
