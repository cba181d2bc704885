#!/usr/bin/env bash
# Renders one firm's month (the sample data) with LibreOffice and keeps the first page of every
# sheet (or of the sheets named in KEEP, e.g. KEEP="compliance-cover audit-cover") as a small PNG in
# OUT (docs/packs/), for docs/packs.md and the README: DPI dots per inch (60, small print still
# readable), reduced to 32 colours with ImageMagick when it is installed, so that every sheet of the
# three packs stays near 1.5 MB. A picture is named <pack>-<sheet>.png after the sheet's name in the
# page header, in the firm's language (Swedish letters written as a, a, o: "compliance-forsattsblad").
# Needs LibreOffice (soffice) and poppler (pdftoppm, pdftotext).
# Usage: [KEEP=...] [OUT=docs/packs] [DPI=60] scripts/render-pack-pictures.sh [ORG] [MONTH]   (default: halo 2026-10)
# e.g. the Swedish pictures: OUT=docs/packs/sv KEEP="compliance-forsattsblad ..." scripts/render-pack-pictures.sh hexpress 2026-10
set -euo pipefail
cd "$(dirname "$0")/.."
org=${1:-halo}
month=${2:-2026-10}
keep=${KEEP:-all}
out=${OUT:-docs/packs}
dpi=${DPI:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
host=src/ComplianceAnalytics.Host/bin/Release/net10.0/compliance
[ -x "$host" ] || dotnet build src/ComplianceAnalytics.Host -c Release >/dev/null
export Compliance__PseudonymKey=0000000000000000000000000000000000000000000000000000000000000000
"$host" ingest sample-data/exports --db "$work/store.duckdb" >/dev/null
"$host" report --month "$month" --out "$work/out" --db "$work/store.duckdb" >/dev/null
mkdir -p "$out"
# Only this folder's pictures: docs/packs/sv/ keeps its own when docs/packs/ is made again.
rm -f "$out"/*.png
for pack in compliance director audit; do
  pdf="$work/$pack-$org-$month.pdf"
  soffice --headless --convert-to pdf --outdir "$work" "$work/out/$org/$pack-$org-$month.xlsx" >/dev/null 2>&1
  [ -s "$pdf" ] || { echo "LibreOffice did not render $pack-$org-$month.xlsx" >&2; exit 1; }
  # The first page of every sheet (a sheet's title is on its first page's header).
  pdftoppm -png -r "$dpi" "$pdf" "$work/$pack"
  last=""
  for page in "$work/$pack"-*.png; do
    n=$(basename "$page" .png); n=${n##*-}
    # The page header's centre names the pack and the sheet, in the firm's language:
    # "Monthly compliance pack: Summary", "Månatligt efterlevnadspaket: Sammanfattning".
    # (awk reads to the end: an early exit would break pdftotext's pipe under pipefail.)
    sheet=$(pdftotext -f "$((10#$n))" -l "$((10#$n))" "$pdf" - | awk 'NF && ++lines <= 3 && !found && index($0, ": ") { sub(/.*: /, ""); print; found = 1 }')
    [ -z "$sheet" ] || [ "$sheet" = "$last" ] && continue
    last=$sheet
    name="$pack-$(echo "$sheet" | sed 's/[åäÅÄ]/a/g; s/[öÖ]/o/g' | tr 'A-Z ' 'a-z-' | tr -cd 'a-z0-9-')"
    case " $keep " in
      *" $name "*|" all ")
        if command -v convert >/dev/null; then convert "$page" -colors 32 "PNG8:$out/$name.png"; else cp "$page" "$out/$name.png"; fi ;;
    esac
  done
done
ls "$out"/*.png | wc -l
du -ch "$out"/*.png | tail -1
