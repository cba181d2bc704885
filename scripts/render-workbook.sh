#!/usr/bin/env bash
# Renders workbooks to PNG pages so charts and layout can be looked at without Excel:
#   scripts/render-workbook.sh [-o OUT_DIR] book.xlsx [more.xlsx ...]
# Each workbook becomes OUT_DIR/<name>.pdf and OUT_DIR/<name>-<page>.png (60 dpi).
# Installs nothing; it needs LibreOffice (soffice) and poppler (pdftoppm).
set -euo pipefail

out="${TMPDIR:-/tmp}/rendered-workbooks"
if [ "${1:-}" = "-o" ]; then
  out="$2"
  shift 2
fi
if [ "$#" -eq 0 ]; then
  echo "usage: $0 [-o OUT_DIR] book.xlsx [more.xlsx ...]" >&2
  exit 2
fi

missing=0
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; missing=1; }
done
if [ "$missing" -ne 0 ]; then
  echo "install with: apt-get install -y libreoffice-calc-nogui poppler-utils" >&2
  exit 1
fi

mkdir -p "$out"
# A private profile so a running LibreOffice or a stale lock does not block the conversion.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

for book in "$@"; do
  [ -f "$book" ] || { echo "no such file: $book" >&2; exit 1; }
  name="$(basename "${book%.*}")"
  soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$book" >/dev/null
  pdftoppm -png -r 60 "$out/$name.pdf" "$out/$name"
  echo "$out/$name.pdf"
  ls "$out/$name"-*.png
done
