"""A workspace's articles and codes as a REFI-QDA project (.qdpx), and its codes back.

A ``.qdpx`` file is a zip holding ``project.qde`` (XML in the namespace
``urn:QDA-XML:project:1.0``, schema ``data/refi-qda/Project.xsd``, REFI 2019, MIT) and the
sources' text, ``Sources/<guid>.txt`` (UTF-8), referred to as ``internal://<guid>.txt``.
ATLAS.ti, MAXQDA, NVivo and QualCoder open it.

What goes where:

- each coder is a ``User`` (its ``name`` the coder's name); each article a ``TextSource``
  (name: title or file name; description: outlet, date, address);
- each codebook code is a codable ``Code`` (name, colour, ``Description``);
- each current decision is a ``PlainTextSelection`` (``startPosition``/``endPosition``:
  character offsets into the text, counted in Unicode code points, end exclusive) made by
  its coder at its time, with one ``Coding`` and the note as its ``Description``. A code on
  a whole paragraph selects the paragraph and is named ``¶ N`` (numbered from 1);
- the tool's verdicts and misses are codes under non-codable groups, so that they can be
  read in any QDA program: ``Narrative Lens: verdicts / <measure> / <category> /
  correct|wrong``, ``Narrative Lens: missed / <measure> / <category>``; "reviewed" is the
  code ``Narrative Lens: reviewed`` on the whole text.

GUIDs are derived from stable names (the same code or article gets the same GUID in every
export). An import matches sources to articles by the SHA-256 of their text (an unknown
text becomes a new article, analysed like any import), codes by name (nested codes of other
programs become ``Parent / Child``), coders by the user's name. A program that counts
positions in UTF-16 units (a text with emoji) may shift selections after such characters.
"""

from analysis.store.qdpx.format import MISSED, NS, REVIEWED, SCHEMA, VERDICTS, guid, validate
from analysis.store.qdpx.read import QdpxImport, from_qdpx
from analysis.store.qdpx.write import project, to_qdpx

__all__ = ["MISSED", "NS", "REVIEWED", "SCHEMA", "VERDICTS", "QdpxImport", "from_qdpx", "guid", "project",
           "to_qdpx", "validate"]
