"""The REFI-QDA format as Narrative Lens writes and reads it: namespace, schema, GUIDs, names."""

from __future__ import annotations

import functools
import re
import uuid
from pathlib import Path

from lxml import etree

from analysis.store import checks

NS = "urn:QDA-XML:project:1.0"
SCHEMA = Path(__file__).resolve().parents[3] / "data" / "refi-qda" / "Project.xsd"
VERDICTS, MISSED, REVIEWED = "Narrative Lens: verdicts", "Narrative Lens: missed", "Narrative Lens: reviewed"
PARAGRAPH = re.compile(r"^¶ (\d+)$")
_GUIDS = uuid.uuid5(uuid.NAMESPACE_URL, "narrative-lens/refi-qda")


def guid(*parts: object) -> str:
    """A GUID that depends only on ``parts``."""
    return str(uuid.uuid5(_GUIDS, "\x1f".join(str(p) for p in parts)))


def q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def xsd_time(value: str) -> str:
    """A stored UTC time as xsd:dateTime ending in Z."""
    return checks.utc_time(value).replace("+00:00", "Z")


@functools.cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def validate(qde: bytes) -> list[str]:
    """The REFI-QDA schema's complaints about a ``project.qde`` (empty when it is valid)."""
    schema = _schema()
    if schema.validate(etree.fromstring(qde, parser())):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
