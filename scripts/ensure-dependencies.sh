#!/usr/bin/env bash
# Installs the locked dependencies when node_modules is missing or older than package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	echo "Installing dependencies (npm ci; better-sqlite3 may compile from source, a minute or two) ..."
	npm ci --no-audit --no-fund
fi
