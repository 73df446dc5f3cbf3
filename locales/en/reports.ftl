# Reports messages.
