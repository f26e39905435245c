"""Ask questions of a batch output with DuckDB, reading the Parquet parts where they lie.

Nothing is loaded whole: every function runs one SQL query over
``read_parquet('OUT/<dataset>/*.parquet')`` and returns a small aggregate frame (binned
counts, medians per outlet or period, one article's rows). Measure names are checked
against the registry before they reach SQL, and paths and outlet names are passed as
parameters, so no user text is ever spliced into a query.

"Percentile" here is the mid-rank percentile: the share of corpus values below ``v`` plus
half the share equal to it, times 100 (50 = typical, 99 = higher than 99 % of the corpus).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from analysis.measures import REGISTRY

LEVELS = {"paragraphs": "paragraphs", "articles": "summary"}
GRAINS = ("week", "month")


def measures() -> list[str]:
    """Every numeric score column, in registry order."""
    return [c.name for m in REGISTRY for c in m.columns if c.unit != "text"]


class NotABatchOutput(ValueError):
    """The folder is not (or not yet) the output of ``python -m analysis batch``."""


@dataclass(frozen=True)
class Filter:
    """Which rows count: ``outlets`` (None = all) and ``min_words`` per row."""

    outlets: tuple[str, ...] | None = None
    min_words: int = 0


class CorpusOutput:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root).expanduser()
        prov = self.root / "provenance.json"
        if not self.root.is_dir():
            raise NotABatchOutput(f"{root}: no such folder")
        if not prov.is_file():
            raise NotABatchOutput(f"{root}: has no provenance.json, so it is not a batch output "
                                  "(create one with: python -m analysis batch INPUT --out FOLDER)")
        self.provenance: dict[str, Any] = json.loads(prov.read_text(encoding="utf-8"))
        if not any((self.root / "summary").glob("part-*.parquet")):
            raise NotABatchOutput(f"{root}: no article has been scored yet")
        self.con = duckdb.connect()

    def stamp(self) -> str:
        """Changes whenever a chunk is committed: a cache key for query results."""
        chunks = self.root / "chunks"
        return f"{sum(1 for _ in chunks.glob('part-*.json'))}:{(self.root / 'provenance.json').stat().st_mtime_ns}"

    def _glob(self, dataset: str) -> str:
        return str(self.root / dataset / "part-*.parquet")

    def sql(self, query: str, params: list[Any] | None = None) -> pd.DataFrame:
        return self.con.execute(query, params or []).df()

    def _source(self, level: str, measure: str | None, flt: Filter) -> tuple[str, list[Any]]:
        """``FROM``/``WHERE`` for valid rows of ``measure`` at ``level`` under ``flt``."""
        if level not in LEVELS:
            raise ValueError(f"level must be one of {sorted(LEVELS)}")
        where = ["true"]
        params: list[Any] = [self._glob(LEVELS[level])]
        if measure is not None:
            col = _column(measure)
            where.append(f"{col} IS NOT NULL AND NOT isnan({col})")
        if flt.outlets is not None:
            where.append("coalesce(outlet, '(none)') IN (SELECT unnest(?::VARCHAR[]))")
            params.append(list(flt.outlets))
        if flt.min_words:
            where.append("words >= ?")
            params.append(flt.min_words)
        return f"FROM read_parquet(?) WHERE {' AND '.join(where)}", params

    def overview(self) -> dict[str, Any]:
        row = self.sql("SELECT count(*) AS articles, sum(paragraphs) AS paragraphs, sum(words) AS words, "
                     "count(DISTINCT outlet) AS outlets, min(date) AS first, max(date) AS last "
                       "FROM read_parquet(?)", [self._glob("summary")]).iloc[0]
        s: dict[str, Any] = {str(k): v for k, v in row.items()}
        failures = list((self.root / "failures").glob("part-*.parquet"))
        s["failures"] = int(self.sql("SELECT count(*) AS n FROM read_parquet(?)",
                                     [self._glob("failures")])["n"].iloc[0]) if failures else 0
        return s

    def outlets(self) -> pd.DataFrame:
        return self.sql("SELECT coalesce(outlet, '(none)') AS outlet, count(*) AS articles, "
                        "sum(paragraphs) AS paragraphs FROM read_parquet(?) GROUP BY 1 ORDER BY 2 DESC",
                        [self._glob("summary")])

    def failures(self, limit: int = 200) -> pd.DataFrame:
        if not any((self.root / "failures").glob("part-*.parquet")):
            return pd.DataFrame(columns=["article_id", "source", "stage", "reason"])
        return self.sql("SELECT article_id, source, stage, reason FROM read_parquet(?) "
                        "ORDER BY row LIMIT ?", [self._glob("failures"), limit])

    def histogram(self, measure: str, level: str, flt: Filter, bins: int = 40) -> pd.DataFrame:
        """Binned counts per outlet: ``outlet, bin, lo, hi, n`` (bins of equal width between
        the 0.5th and 99.5th percentile; values beyond fall into the end bins)."""
        src, params = self._source(level, measure, flt)
        col = _column(measure)
        q = f"""
        WITH v AS (SELECT coalesce(outlet, '(none)') AS outlet, {col} AS x {src}),
             r AS (SELECT quantile_cont(x, 0.005) AS lo, quantile_cont(x, 0.995) AS hi FROM v),
             w AS (SELECT lo, CASE WHEN hi > lo THEN (hi - lo) / ? ELSE 1 END AS width FROM r)
        SELECT outlet, least(greatest(floor((x - lo) / width), 0), ? - 1)::INT AS bin,
               any_value(lo) AS lo, any_value(width) AS width, count(*) AS n
        FROM v, w GROUP BY ALL ORDER BY outlet, bin"""
        out = self.sql(q, [*params, bins, bins])
        out["lo"], out["hi"] = out["lo"] + out["bin"] * out["width"], out["lo"] + (out["bin"] + 1) * out["width"]
        return out.drop(columns="width")

    def by_outlet(self, measure: str, level: str, flt: Filter) -> pd.DataFrame:
        """Per outlet: ``n``, quartiles ``q25``, ``median``, ``q75`` and ``mean``."""
        src, params = self._source(level, measure, flt)
        col = _column(measure)
        return self.sql(f"SELECT coalesce(outlet, '(none)') AS outlet, count(*) AS n, "
                        f"quantile_cont({col}, 0.25) AS q25, median({col}) AS median, "
                        f"quantile_cont({col}, 0.75) AS q75, avg({col}) AS mean {src} "
                        "GROUP BY 1 ORDER BY median DESC", params)

    def over_time(self, measure: str, level: str, flt: Filter, grain: str = "month") -> pd.DataFrame:
        """Median per outlet and period (``week`` or ``month``) for dated rows."""
        if grain not in GRAINS:
            raise ValueError(f"grain must be one of {GRAINS}")
        src, params = self._source(level, measure, flt)
        col = _column(measure)
        return self.sql(f"SELECT coalesce(outlet, '(none)') AS outlet, date_trunc('{grain}', date) AS period, "
                        f"count(*) AS n, median({col}) AS median {src} AND date IS NOT NULL "
                        "GROUP BY ALL ORDER BY period, outlet", params)

    def find_articles(self, needle: str = "", limit: int = 50) -> pd.DataFrame:
        """Articles whose id, title or outlet contains ``needle`` (case-insensitive)."""
        return self.sql("SELECT article_id, title, coalesce(outlet, '(none)') AS outlet, date, words "
                        "FROM read_parquet(?) WHERE concat_ws(' ', article_id, title, outlet) ILIKE ? "
                        "ORDER BY date DESC NULLS LAST, article_id LIMIT ?",
                        [self._glob("summary"), f"%{needle}%", limit])

    def article(self, article_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
        """One article's summary row and its paragraph rows."""
        summary = self.sql("SELECT * FROM read_parquet(?) WHERE article_id = ?",
                           [self._glob("summary"), article_id])
        pars = self.sql("SELECT * FROM read_parquet(?) WHERE article_id = ? ORDER BY paragraph",
                        [self._glob("paragraphs"), article_id])
        return summary, pars

    def percentiles(self, values: pd.DataFrame, level: str, flt: Filter) -> pd.DataFrame:
        """Where given values fall in the corpus: ``values`` has columns ``key``, ``measure``,
        ``value``; returns them with ``pct`` (mid-rank percentile, NaN for a NaN value)
        and ``n`` (corpus values of that measure compared against). One scan of the files
        for all measures (UNPIVOT), not one per measure."""
        wanted = list(dict.fromkeys(values["measure"]))
        if not wanted:
            return values.assign(pct=pd.Series(dtype=float), n=pd.Series(dtype="int64"))
        cols = ", ".join(_column(m) for m in wanted)
        src, params = self._source(level, None, flt)
        focus = values[["key", "measure", "value"]].dropna()
        self.con.register("focus_values", focus)
        try:
            found = self.sql(
                f"WITH c AS (UNPIVOT (SELECT {cols} {src}) ON {cols} INTO NAME measure VALUE x) "
                "SELECT f.key, f.measure, 100.0 * (count(*) FILTER (WHERE c.x < f.value) "
                "+ 0.5 * count(*) FILTER (WHERE c.x = f.value)) / count(*) AS pct, count(*) AS n "
                "FROM focus_values f JOIN c ON c.measure = f.measure WHERE NOT isnan(c.x) "
                "GROUP BY f.key, f.measure", params)
        finally:
            self.con.unregister("focus_values")
        return values.merge(found, on=["key", "measure"], how="left")


def _column(measure: str) -> str:
    if measure not in measures():
        raise ValueError(f"unknown measure {measure!r}")
    return f'"{measure}"'


def latest(folder: str | Path) -> Path | None:
    """The most recently updated batch output under ``folder`` (searched two levels deep)."""
    base = Path(folder)
    found = [p.parent for pattern in ("*/provenance.json", "*/*/provenance.json") for p in base.glob(pattern)]
    found = [f for f in found if (f / "summary").is_dir()]
    return max(found, key=lambda f: (f / "provenance.json").stat().st_mtime, default=None)
