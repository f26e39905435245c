"""Choose the paragraphs of the sourcing evaluation set from the OneStopEnglish texts.

Run once, by hand, to print the candidates that a person then reads and annotates; the
project never reads ../shared at run time. The choice is deterministic: every fourth
advanced-level article in name order, and from each up to three paragraphs that carry
a quotation mark or a reporting word plus one paragraph that carries neither (random
choice with a fixed seed). A paragraph is a non-empty line of the file, numbered from 0;
lines under 15 words (titles, headings) are never chosen.

Usage: python tools/sources_eval_select.py /path/to/onestopenglish/Adv-Txt > candidates.jsonl
"""

import json
import random
import re
import sys
from pathlib import Path

CUE = re.compile(r"[\"“”]|\b(said|says|told|according to|claimed|warned|argued|added|insisted)\b", re.I)
STEP, PER_ARTICLE, SEED, MIN_WORDS = 4, 3, 6, 15


def paragraphs(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8-sig")
    return [line.strip() for line in text.splitlines() if line.strip()]


def main(folder: str) -> None:
    rng = random.Random(SEED)
    files = sorted(Path(folder).glob("*-adv.txt"))[::STEP]
    for path in files:
        pars = paragraphs(path)
        ok = [i for i, p in enumerate(pars) if len(p.split()) >= MIN_WORDS]
        cued = [i for i in ok if CUE.search(pars[i])]
        plain = [i for i in ok if not CUE.search(pars[i])]
        chosen = rng.sample(cued, min(PER_ARTICLE, len(cued)))
        if plain:
            chosen.append(rng.choice(plain))
        for i in sorted(chosen):
            rec = {"id": f"{path.name}#{i}", "file": path.name, "paragraph": i,
                   "previous": pars[i - 1] if i else "", "text": pars[i]}
            print(json.dumps(rec, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
