#!/usr/bin/env bash
# Measures ingestion, evaluation and packs on a large sample beside DuckDB doing the same work
# alone, in the same run on the same machine. Usage: scripts/benchmark.sh [CASES] [WORKDIR]
#   ingestion  vs  DuckDB's own load of the same files in one statement (target: within 2.0x), for the
#              sample's many monthly files and for the same rows as one large file per organisation
#              CREATE TABLE t AS SELECT * FROM read_csv([...], all_varchar = true, ignore_errors = true)
#                  UNION ALL BY NAME SELECT * FROM read_json([...], columns = {every key: 'VARCHAR'}, ignore_errors = true)
#   evaluation (export of every stage instance) vs COPY of the events sorted by case to CSV (target: within 4x)
#   packs for one month (target: under 10 s); peak memory of each step (target: ingest 1.2 GB, packs 1 GB)
# Run it pinned to two cores as the targets assume: taskset -c 0,1 scripts/benchmark.sh
set -euo pipefail
cases=${1:-300000}
work=${2:-$(mktemp -d /tmp/compliance-bench.XXXXXX)}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet build ComplianceAnalytics.sln -c Release -v q -nologo >/dev/null
bin="dotnet src/ComplianceAnalytics.Host/bin/Release/net10.0/compliance.dll"
baseline="dotnet bench/ComplianceAnalytics.Benchmarks/bin/Release/net10.0/compliance-baseline.dll"
export Compliance__PseudonymKey=00112233445566778899aabbccddeeff

# Runs a command, printing "<seconds> <peak RSS MB>" of it, or "failed -" when it fails.
measure() {
  local log; log=$(mktemp)
  if /usr/bin/time -f '%e %M' -o "$log" "$@" >/dev/null; then
    awk '{printf "%s %.0f\n", $1, $2/1024}' "$log"
  else
    echo "failed -"
  fi
  rm -f "$log"
}

echo "Generating $cases cases into $work ..."
$bin sample --cases "$cases" --seed 7 --out "$work" >/dev/null
size=$(du -sh "$work/exports" | cut -f1); files=$(ls "$work/exports" | wc -l)

# The same rows as a few large files: one per organisation (a CSV keeps its header once).
rm -rf "$work/large" && mkdir -p "$work/large"
for f in "$work"/exports/*; do
  name=$(basename "$f"); org=${name%%-*}; ext=${name##*.}
  target="$work/large/$org-all.$ext"
  if [ "$ext" = csv ] && [ -s "$target" ]; then tail -n +2 "$f" >> "$target"; else cat "$f" >> "$target"; fi
done
large_size=$(du -sh "$work/large" | cut -f1); large_files=$(ls "$work/large" | wc -l)

rm -f "$work"/*.duckdb*
# Each floor is timed just before the ingest it is compared with.
read -r base_load base_load_mb < <(measure $baseline load "$work/exports" "$work/baseline.duckdb")
echo "  base_load: $base_load s, $base_load_mb MB" >&2
read -r ingest ingest_mb < <(measure $bin ingest "$work/exports" --db "$work/store.duckdb" --mappings "$work/mappings" --json)
echo "  ingest: $ingest s, $ingest_mb MB" >&2
read -r base_large base_large_mb < <(measure $baseline load "$work/large" "$work/baseline-large.duckdb")
echo "  base_large: $base_large s, $base_large_mb MB" >&2
read -r ingest_large ingest_large_mb < <(measure $bin ingest "$work/large" --db "$work/store-large.duckdb" --mappings "$work/mappings" --json)
echo "  ingest_large: $ingest_large s, $ingest_large_mb MB" >&2
# The packs need the report definitions (Compliance:ReportsFolder); without them that step prints
# "failed" instead of ending the script before it prints what it did measure.
read -r packs packs_mb < <(measure $bin report --month 2026-10 --out "$work/report" --db "$work/store.duckdb")
echo "  packs: $packs s, $packs_mb MB" >&2
read -r sorted sorted_mb < <(measure $baseline sorted-csv "$work/store.duckdb" "$work/sorted.csv")
echo "  sorted: $sorted s, $sorted_mb MB" >&2
read -r export export_mb < <(measure $bin export --as-of 2026-11-01T00:00:00Z --out "$work/export" --db "$work/store.duckdb")
echo "  export: $export s, $export_mb MB" >&2
rows=$(($(wc -l < "$work/sorted.csv") - 1))

printf '\n%s cases, %s events in %s files (%s)\n\n' "$cases" "$rows" "$files" "$size"
printf '| step | time (s) | peak memory (MB) | DuckDB alone (s) | ratio | target |\n|---|---|---|---|---|---|\n'
printf '| ingest, %s files (%s) | %s | %s | %s (%s MB) | %.2fx | 2.0x, 1.2 GB |\n' "$files" "$size" "$ingest" "$ingest_mb" "$base_load" "$base_load_mb" "$(echo "$ingest / $base_load" | bc -l)"
printf '| ingest, %s large files (%s) | %s | %s | %s (%s MB) | %.2fx | 2.0x, 1.2 GB |\n' "$large_files" "$large_size" "$ingest_large" "$ingest_large_mb" "$base_large" "$base_large_mb" "$(echo "$ingest_large / $base_large" | bc -l)"
printf '| evaluate every stage (export) | %s | %s | %s (sorted COPY to CSV) | %.2fx | 4x, 1.2 GB |\n' "$export" "$export_mb" "$sorted" "$(echo "$export / $sorted" | bc -l)"
printf '| three packs, one month (report) | %s | %s | | | 10 s, 1 GB |\n' "$packs" "$packs_mb"
