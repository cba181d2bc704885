#!/usr/bin/env bash
# Renders one firm's month (the sample data) with LibreOffice and keeps the first page of every
# sheet (or of the sheets named in KEEP, e.g. KEEP="compliance-cover audit-cover") as a small PNG in
# docs/packs/, for docs/packs.md and the README: 30 dpi, reduced to 32 colours with ImageMagick when
# it is installed, so that every sheet of the three packs stays under 300 KB.
# Needs LibreOffice (soffice) and poppler (pdftoppm, pdftotext).
# Usage: scripts/render-pack-pictures.sh [ORG] [MONTH]   (default: halo 2026-10)
set -euo pipefail
cd "$(dirname "$0")/.."
org=${1:-halo}
month=${2:-2026-10}
keep=${KEEP:-all}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
host=src/ComplianceAnalytics.Host/bin/Release/net10.0/compliance
[ -x "$host" ] || dotnet build src/ComplianceAnalytics.Host -c Release >/dev/null
export Compliance__PseudonymKey=0000000000000000000000000000000000000000000000000000000000000000
"$host" ingest sample-data/exports --db "$work/store.duckdb" >/dev/null
"$host" report --month "$month" --out "$work/out" --db "$work/store.duckdb" >/dev/null
mkdir -p docs/packs
rm -f docs/packs/*.png
for pack in compliance director audit; do
  soffice --headless --convert-to pdf --outdir "$work" "$work/out/$org/$pack-$org-$month.xlsx" >/dev/null 2>&1
  # The first page of every sheet (a sheet's title is on its first page's header).
  pdftoppm -png -r 30 "$work/$pack-$org-$month.pdf" "$work/$pack"
  last=""
  for page in "$work/$pack"-*.png; do
    n=$(basename "$page" .png); n=${n##*-}
    # The page header names the pack and the sheet: "Monthly compliance pack: Summary".
    sheet=$(pdftotext -f "$((10#$n))" -l "$((10#$n))" "$work/$pack-$org-$month.pdf" - | { grep -m1 ' pack.*: ' || true; } | sed 's/.*: //')
    [ -z "$sheet" ] || [ "$sheet" = "$last" ] && continue
    last=$sheet
    name="$pack-$(echo "$sheet" | tr 'A-Z ' 'a-z-' | tr -cd 'a-z0-9-')"
    case " $keep " in
      *" $name "*|" all ")
        if command -v convert >/dev/null; then convert "$page" -colors 32 "PNG8:docs/packs/$name.png"; else cp "$page" "docs/packs/$name.png"; fi ;;
    esac
  done
done
du -ch docs/packs/*.png | tail -1
