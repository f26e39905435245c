"""Agreement on a saved workspace: its current codings read from the store, then
``coders.between_coders`` and ``tool.tool_vs_coder``.

The tool's evidence is recomputed from each coded article's stored text by ``analyse``
(the page passes its cached analysis; the default is ``analysis.pipeline.analyze``), so the
figures describe the measures as they are now.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd

from analysis.agreement.coders import BetweenCoders, between_coders
from analysis.agreement.tool import tool_vs_coder
from analysis.pipeline import Analysis, analyze
from analysis.store import Store, Workspace, codebook, codes


def between_coders_in(store: Store, ws: Workspace, code_names: Iterable[str] | None = None) -> BetweenCoders:
    """Agreement between the workspace's coders on each code of its codebook (or ``code_names``)."""
    codings = codes.frame(codes.current(store, ws))
    bounds = {int(a): codes.paragraph_bounds(store, ws, int(a)) for a in set(codings["article_id"])}
    names = [c.name for c in codebook.codes(store, ws)] if code_names is None else list(code_names)
    return between_coders(codings, bounds, names)


def tool_vs_coder_in(store: Store, ws: Workspace, *, analyse: Callable[[str], Analysis] = analyze,
                     by_coder: bool = False, resamples: int = 1000, seed: int = 8) -> pd.DataFrame:
    """Precision and recall of the tool against the coders' verdicts and misses in ``ws``."""
    codings = codes.frame(codes.current(store, ws))
    judged = sorted({int(a) for a in codings.loc[codings["kind"].isin(["verdict", "missed"]), "article_id"]})
    frames = [analyse(store.text(ws, a)).evidence.assign(article_id=a) for a in judged]
    evidence = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        columns=["article_id", "measure", "category", "start", "end", "weight"])
    return tool_vs_coder(codings, evidence, by_coder=by_coder, resamples=resamples, seed=seed)
