# Documents messages.
