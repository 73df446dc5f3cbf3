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
