"""The one result type of every reader: an article's text and what its file said about it."""

from __future__ import annotations

from dataclasses import dataclass

from analysis.pipeline import content_hash


@dataclass(frozen=True)
class Loaded:
    """One article's text and what the file said about it (empty string = not stated).

    ``encoding`` is the character encoding the text was decoded from ("utf-8", "cp1252",
    ...; "utf-8+cp1252" for a file whose lines mix the two; "docx"/"pdf" files carry their
    own, reported as "utf-8"), ``sha256`` the hash of ``text`` (the same function as
    ``Analysis.meta['sha256']``), so the same article is recognised whatever file it came in.
    ``warnings``: what the reader changed or could not be sure of (mixed encodings, control
    characters removed), one sentence each, naming the file; empty when nothing.
    """

    name: str
    text: str
    encoding: str
    format: str = "text"
    title: str = ""
    outlet: str = ""
    date: str = ""
    author: str = ""
    url: str = ""
    sha256: str = ""
    warnings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", content_hash(self.text))
