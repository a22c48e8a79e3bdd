#!/usr/bin/env bash
# `npm start`: install, build, then serve. The server migrates and seeds its database at start-up.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-dependencies.sh
npm run build --silent
export PORT="${PORT:-3000}"
export ORIGIN="${ORIGIN:-http://localhost:$PORT}"
export DATABASE_PATH="${DATABASE_PATH:-db/argumap.db}"
# Commentaries may be 200,000 characters; the default 512 KB body limit would refuse some.
export BODY_SIZE_LIMIT="${BODY_SIZE_LIMIT:-4M}"
if [ -n "${DATABASE_URL:-}" ]; then
	echo "Starting Argumap on $ORIGIN (database: PostgreSQL at DATABASE_URL) ..."
else
	echo "Starting Argumap on $ORIGIN (database: $DATABASE_PATH) ..."
fi
exec node build
