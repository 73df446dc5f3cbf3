# Vsme messages.
