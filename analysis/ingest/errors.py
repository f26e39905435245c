"""The one exception ingestion raises."""


class UnreadableInput(ValueError):
    """An input that cannot become text; the message names the (sanitised) file and the reason."""
