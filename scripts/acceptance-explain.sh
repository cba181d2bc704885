#!/usr/bin/env bash
# An acceptance-style round trip of `compliance explain` through the built executable, on data the tests
# have not seen: a sample generated with another seed. It picks breached, extended and paused instances
# from `compliance export`'s stage_instances.csv, checks that `explain --json` gives each the same figures
# in the same forms, that `--png` writes a PNG, and that the month's compliance packs carry pictures
# (Breach timelines) and the director packs a board picture on their covers. Needs python3 and unzip.
# Usage: scripts/acceptance-explain.sh [SEED] [CASES]   (default: 7 600)
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:-7}
cases=${2:-600}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
host=src/ComplianceAnalytics.Host/bin/Release/net10.0/compliance
[ -x "$host" ] || dotnet build src/ComplianceAnalytics.Host -c Release >/dev/null
export Compliance__PseudonymKey=0000000000000000000000000000000000000000000000000000000000000000
asof=2026-09-01T00:00:00Z
"$host" sample --out "$work/sample" --cases "$cases" --seed "$seed" --start 2025-09-01 --months 14 >/dev/null
"$host" ingest "$work/sample/exports" --mappings "$work/sample/mappings" --db "$work/store.duckdb" >/dev/null
"$host" export --as-of "$asof" --out "$work/export" --db "$work/store.duckdb" >/dev/null 2>&1
"$host" report --month 2026-08 --out "$work/out" --db "$work/store.duckdb" >/dev/null

HOST="$host" DB="$work/store.duckdb" ASOF="$asof" WORK="$work" python3 - <<'PY'
import csv, json, os, subprocess, zipfile, glob
work, host, db, asof = os.environ["WORK"], os.environ["HOST"], os.environ["DB"], os.environ["ASOF"]
rows = list(csv.DictReader(open(f"{work}/export/stage_instances.csv", newline="")))
kinds = {
    "breached": [r for r in rows if r["status"].startswith("breached")],
    "extended": [r for r in rows if r["extended"] == "true"],
    "paused": [r for r in rows if float(r["paused_seconds"]) > 0],
}
picked = {}
for kind, found in kinds.items():
    assert found, f"the sample has no {kind} instance"
    for r in found[:: max(1, len(found) // 8)][:8]:
        picked[(r["org"], r["case_ref"])] = True
fields = ["stage", "cycle", "started_at", "original_due_at", "due_at", "stopped_at", "status", "paused_seconds", "extended", "limit"]
def form(v):
    if v is None: return ""
    if isinstance(v, bool): return "true" if v else "false"
    return str(v)
compared = 0
for n, (org, case) in enumerate(picked):
    png = f"{work}/case-{n}.png"
    out = subprocess.run([host, "explain", "--org", org, "--case", case, "--as-of", asof, "--json", "--png", png, "--db", db],
                         check=True, capture_output=True, text=True).stdout
    got = json.loads(out)
    assert (got["org"], got["case_ref"]) == (org, case)
    want = [r for r in rows if (r["org"], r["case_ref"]) == (org, case)]
    assert len(got["stages"]) == len(want), (org, case)
    for s, r in zip(got["stages"], want):
        assert [form(s[f]) for f in fields] == [r[f] for f in fields], (org, case, s, r)
        assert s["why"].endswith(".") and s["steps"], (org, case)
        compared += 1
    for e in got["events"]:
        assert list(e) == ["occurred_at", "event_type", "file", "line"], e
    assert open(png, "rb").read(8) == b"\x89PNG\r\n\x1a\n", png
packs = glob.glob(f"{work}/out/*/compliance-*.xlsx")
assert packs
with_pictures = [p for p in packs if any(n.startswith("xl/media/") for n in zipfile.ZipFile(p).namelist())]
assert with_pictures, "no compliance pack has pictures"
boards = glob.glob(f"{work}/out/*/board-*.png")
assert boards
for b in boards:
    d = b.replace("/board-", "/director-").replace(".png", ".xlsx")
    assert any(n.startswith("xl/media/") for n in zipfile.ZipFile(d).namelist()), d
print(f"explain --json agrees with export for {compared} instances of {len(picked)} cases "
      f"({', '.join(f'{len(v)} {k}' for k, v in kinds.items())} in the sample); "
      f"{len(picked)} PNGs; pictures in {len(with_pictures)} of {len(packs)} compliance packs; {len(boards)} board pictures on director covers")
PY
