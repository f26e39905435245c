"""The workspace schema (``PRAGMA user_version`` = SCHEMA_VERSION).

- ``workspaces``: named comparison sets, each owned by one user key (a login e-mail or a
  browser session's key); the name is unique per owner.
- ``articles``: one row per imported article: metadata the researcher can edit, the
  text, its SHA-256 (unique per workspace: the same article is recognised), and the
  analysis version its scores came from. At most one article per workspace is the focus.
- ``scores``: one JSON row of per-paragraph scores per paragraph, written in the same
  transaction as its article, deleted with it (foreign key, ON DELETE CASCADE).

Version 2 adds the researcher's own judgement (see ``analysis.store.codes``):

- ``codebook``: the codes a workspace defines (name unique per workspace regardless of case,
  description, colour ``#rrggbb``).
- ``codings``: an append-only log of coders' decisions; a row is never updated or deleted
  (only with its article). What a coder currently holds about a target is their latest row
  for it (highest id), so concurrent coders never overwrite each other and the history stays.
  ``kind``: ``code`` (a codebook code on a paragraph or a span), ``verdict`` (an evidence span
  judged ``correct`` or ``wrong``), ``missed`` (a span the tool should have found, with its
  measure and category), ``reviewed`` (the coder has read the whole article: its paragraphs
  without a code are coded "absent"). ``decision`` ``removed`` withdraws an earlier decision.
  ``paragraph_index`` is 0-based (``Analysis.paragraphs['paragraph']`` minus 1); ``start``/``end``
  are character offsets into the article's text.

Version 3 adds the researcher's dictionaries (see ``analysis.store.dictionaries``):

- ``dictionaries``: one row per dictionary an owner uploaded (name unique per owner): the
  file's name, format and SHA-256, its categories in order (JSON), its terms as CSV rows
  ``term,category,weight`` (edited in place when the researcher edits them; ``edits`` counts
  the changes), and whether negation and quoted-speech handling are on.

A database of an older version is upgraded in place when it is opened: every statement
below is idempotent (``IF NOT EXISTS``), so running them all creates what is missing and
leaves existing tables and rows as they are.
"""

SCHEMA_VERSION = 3

SCHEMA_V1 = (
    """CREATE TABLE IF NOT EXISTS workspaces (
        id INTEGER PRIMARY KEY,
        owner TEXT NOT NULL,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
        created TEXT NOT NULL,
        UNIQUE (owner, name)
    )""",
    """CREATE TABLE IF NOT EXISTS articles (
        id INTEGER PRIMARY KEY,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        title TEXT NOT NULL DEFAULT '',
        outlet TEXT NOT NULL DEFAULT '',
        date TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT 'comparison' CHECK (role IN ('focus', 'comparison')),
        file_name TEXT NOT NULL,
        format TEXT NOT NULL,
        encoding TEXT NOT NULL,
        text TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        words INTEGER NOT NULL,
        paragraphs INTEGER NOT NULL,
        summary TEXT NOT NULL,
        analysis_version TEXT NOT NULL,
        created TEXT NOT NULL,
        UNIQUE (workspace_id, sha256)
    )""",
    "CREATE UNIQUE INDEX IF NOT EXISTS one_focus ON articles(workspace_id) WHERE role = 'focus'",
    """CREATE TABLE IF NOT EXISTS scores (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        paragraph INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (article_id, paragraph)
    )""",
)

CODES = (
    """CREATE TABLE IF NOT EXISTS codebook (
        id INTEGER PRIMARY KEY,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) BETWEEN 1 AND 120),
        description TEXT NOT NULL DEFAULT '',
        colour TEXT NOT NULL CHECK (length(colour) = 7 AND colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
        created TEXT NOT NULL,
        UNIQUE (workspace_id, name)
    )""",
    """CREATE TABLE IF NOT EXISTS codings (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        coder TEXT NOT NULL CHECK (length(trim(coder)) BETWEEN 1 AND 200),
        kind TEXT NOT NULL CHECK (kind IN ('code', 'verdict', 'missed', 'reviewed')),
        paragraph_index INTEGER CHECK (paragraph_index >= 0),
        start INTEGER,
        "end" INTEGER,
        code_id INTEGER REFERENCES codebook(id) ON DELETE CASCADE,
        measure TEXT,
        category TEXT,
        decision TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        time TEXT NOT NULL,
        CHECK ((start IS NULL) = ("end" IS NULL) AND (start IS NULL OR (start >= 0 AND "end" > start))),
        CHECK (kind != 'code' OR (code_id IS NOT NULL AND (paragraph_index IS NULL) != (start IS NULL)
                                  AND decision IN ('applied', 'removed'))),
        CHECK (kind != 'verdict' OR (start IS NOT NULL AND measure IS NOT NULL AND category IS NOT NULL
                                     AND decision IN ('correct', 'wrong', 'removed'))),
        CHECK (kind != 'missed' OR (start IS NOT NULL AND measure IS NOT NULL AND category IS NOT NULL
                                    AND decision IN ('applied', 'removed'))),
        CHECK (kind != 'reviewed' OR (start IS NULL AND paragraph_index IS NULL AND decision IN ('applied', 'removed')))
    )""",
    "CREATE INDEX IF NOT EXISTS codings_by_article ON codings(article_id, coder)",
    "CREATE INDEX IF NOT EXISTS codings_by_code ON codings(code_id)",
)

DICTIONARIES = (
    """CREATE TABLE IF NOT EXISTS dictionaries (
        id INTEGER PRIMARY KEY,
        owner TEXT NOT NULL,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
        file_name TEXT NOT NULL,
        format TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        categories TEXT NOT NULL,
        terms TEXT NOT NULL,
        edits INTEGER NOT NULL DEFAULT 0,
        negation INTEGER NOT NULL DEFAULT 0,
        exclude_quoted INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL,
        UNIQUE (owner, name)
    )""",
)

SCHEMA = SCHEMA_V1 + CODES + DICTIONARIES
