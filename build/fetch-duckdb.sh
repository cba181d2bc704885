#!/usr/bin/env bash
# Ensures DEST_DIR/libduckdb.so holds DuckDB 1.5.6 for linux-x64, taken from the npm package
# that DuckDB's own Node bindings publish (NuGet's DuckDB.NET is not reachable here).
# The tarball is checked against the integrity hash the npm registry publishes for it, so a
# tampered or truncated download never reaches the build. Usage: fetch-duckdb.sh DEST_DIR
set -euo pipefail
pkg='@duckdb/node-bindings-linux-x64@1.5.6-r.1'
integrity='sha512-IXcrZJE6kEqM0Z4wwdVnGBHX/frOS33VPNAwDXQ/Q+Fs84b058Qe94chrCCIcNJlG8Y3UHIUU4eBeCQxW5mN1Q=='
dest="$1"
[ -s "$dest/libduckdb.so" ] && exit 0

fail() { echo "fetch-duckdb.sh : error DUCKDB001: $*" >&2; exit 1; }
command -v npm >/dev/null 2>&1 || fail "npm is not installed; install Node.js/npm, or set DUCKDB_LIBRARY to an existing libduckdb.so 1.5.x"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "$pkg" --silent >/dev/null 2>"$work/npm.err") \
  || fail "npm pack $pkg failed: $(tail -n 3 "$work/npm.err" | tr '\n' ' ')"
tgz=$(ls "$work"/*.tgz)
actual="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
[ "$actual" = "$integrity" ] || fail "integrity mismatch for $pkg: expected $integrity, got $actual"
tar -xzf "$tgz" -C "$work" package/libduckdb.so
mkdir -p "$dest"
# Rename into place so that two builds fetching at once never see a half-written library.
mv "$work/package/libduckdb.so" "$dest/libduckdb.so.$$"
mv -f "$dest/libduckdb.so.$$" "$dest/libduckdb.so"
