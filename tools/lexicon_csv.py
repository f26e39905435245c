"""Tidy a lexicon CSV in place (lowercase terms, single spaces, sorted, unique) and print
the SHA-256 to record in data/lexicons/manifest.json with a bumped version.

Usage: python tools/lexicon_csv.py data/lexicons/NAME.csv [--version X.Y.Z]
With --version, the manifest entry gets that version, today's date and the new checksum.
"""

import csv
import datetime
import hashlib
import json
import sys
from pathlib import Path


def tidy(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    seen: dict[str, list[str]] = {}
    for row in rows:
        term = " ".join(row["term"].lower().split())
        if term in seen:
            raise SystemExit(f"{path}: duplicate term {term!r}")
        seen[term] = [term, row["category"].strip(), row["weight"].strip(), (row.get("note") or "").strip()]
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["term", "category", "weight", "note"])
        out.writerows(seen[t] for t in sorted(seen))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def record(path: Path, digest: str, version: str) -> None:
    manifest_path = path.parent / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    entry = next(v for v in manifest.values() if v["file"] == path.name)
    entry.update(version=version, sha256=digest, date=datetime.date.today().isoformat())
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    args = sys.argv[1:]
    version = None
    if "--version" in args:
        i = args.index("--version")
        version = args[i + 1]
        del args[i : i + 2]
    for arg in args:
        digest = tidy(Path(arg))
        print(arg, digest)
        if version:
            record(Path(arg), digest, version)
