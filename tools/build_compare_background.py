"""Build the claim alignment's background table from the shipped OneStopEnglish texts.

    python tools/build_compare_background.py            # write data/compare/background.tsv + manifest.json
    python tools/build_compare_background.py --check    # exit 1 when the shipped table is not what this builds

The table counts, for every character n-gram of the lemma keys the alignment forms, the
sentences of the corpus that contain it (``analysis.compare.background``). Rebuild it, and
bump ``VERSION``, whenever the stop words, the lemma rules or the word families change: the
keys change with them. Offline; reads only files in data/.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import lexicon  # noqa: E402
from analysis.compare import background  # noqa: E402

VERSION = "1.0.0"
NGRAM = (3, 5)


def build() -> tuple[str, dict[str, object]]:
    """The table's text and its manifest (without the date)."""
    paragraphs = background.corpus_paragraphs()
    files = len(list(background.CORPUS.glob("*.txt")))
    sentences, df = background.count(paragraphs, NGRAM)
    families = lexicon.manifest()["word_families"]["version"]
    info: dict[str, object] = {
        "file": background.TABLE.name,
        "version": VERSION,
        "what": "per character n-gram of a lemma key (tokens.char_ngrams over units.piece words, "
                "padded with a space each side), the number of corpus sentences with a content word "
                "that contain it",
        "sentences": sentences,
        "paragraphs": len(paragraphs),
        "texts": files,
        "ngram": list(NGRAM),
        "grams": len(df),
        "built_with": f"analysis.compare (tokens, lemma, units) and word_families {families}",
        "source": "OneStopEnglish corpus, advanced level (Adv-Txt): 189 Guardian news articles adapted "
                  "by English teachers, as shipped in data/eval/readability/onestopenglish",
        "licence": "CC BY-SA 4.0 (the corpus; see data/eval/readability/onestopenglish/LICENSE.md); "
                   "this table is a derived count, shared alike",
        "citation": "Vajjala, S. & Lučić, I. (2018). OneStopEnglish corpus: A new corpus for automatic "
                    "readability assessment and text simplification. Proceedings of BEA 2018.",
        "builder": "python tools/build_compare_background.py",
    }
    return background.render(df), info


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the shipped table, write nothing")
    args = ap.parse_args(argv)
    text, info = build()
    if args.check:
        same = background.TABLE.exists() and background.TABLE.read_text(encoding="utf-8") == text
        print("the shipped table is current" if same else "the shipped table differs: rebuild it")
        return 0 if same else 1
    background.DIR.mkdir(parents=True, exist_ok=True)
    background.TABLE.write_text(text, encoding="utf-8", newline="\n")
    info["date"] = datetime.date.today().isoformat()
    info["sha256"] = background.checksum(background.TABLE)
    background.MANIFEST.write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {background.TABLE} ({info['grams']} grams over {info['sentences']} sentences)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
