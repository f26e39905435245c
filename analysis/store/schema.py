"""The workspace schema (``PRAGMA user_version`` = SCHEMA_VERSION).

- ``workspaces``: named comparison sets, each owned by one user key (a login e-mail or a
  browser session's key); the name is unique per owner.
- ``articles``: one row per imported article: metadata the researcher can edit, the
  text, its SHA-256 (unique per workspace: the same article is recognised), and the
  analysis version its scores came from. At most one article per workspace is the focus.
- ``scores``: one JSON row of per-paragraph scores per paragraph, written in the same
  transaction as its article, deleted with it (foreign key, ON DELETE CASCADE).
"""

SCHEMA_VERSION = 1

SCHEMA = (
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
