#!/usr/bin/env bash
# Installs the locked dependencies when node_modules is missing or older than package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	echo "Installing dependencies (better-sqlite3 may compile from source: a minute or two) ..."
	# Not `npm ci`: it refuses lock files that lack optional platform packages missing from the
	# registry (paraglide's @lix-js/sdk-darwin-arm64 and friends); `npm install` honours the lock.
	npm install --no-audit --no-fund
fi
