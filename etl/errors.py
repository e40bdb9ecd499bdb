"""Errors the ETL raises for bad input; each message names the file or check and what is wrong."""


class EtlError(Exception):
    """A failure the user can act on; the CLI prints its message without a traceback."""


class SourceError(EtlError):
    """A raw input file is missing, unreadable or not what its provenance says it is."""


class ValidationError(EtlError):
    """The assembled database failed one or more named checks; it was not installed."""

    def __init__(self, failures: list[tuple[str, str]]):
        self.failures = failures
        lines = [f"- {name}: {message}" for name, message in failures]
        super().__init__("Validation failed; the previous database was kept.\n" + "\n".join(lines))
