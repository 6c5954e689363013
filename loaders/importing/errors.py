"""Why a document cannot be imported."""


class ImportRefused(ValueError):
    """A document that cannot be imported; the message is one line: file, what, how to fix."""
