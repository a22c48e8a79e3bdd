#!/usr/bin/env bash
# `npm test`: lint, type checks, unit, integration and security tests, then browser tests and
# the reliability suite (crashes, backups, conflicts, load) on the production build. The
# reliability suite runs short unless ARGUMAP_FULL_RELIABILITY=1 (CI sets it: .ci/run).
# With ARGUMAP_TEST_POSTGRES_URL (a PostgreSQL server; .ci/run starts one), the integration and
# security tests run again on PostgreSQL, then tests/postgres (several app servers on one database).
set -euo pipefail
cd "$(dirname "$0")/.."
# Everything before the PostgreSQL part runs on SQLite, whatever the environment says.
postgres_url="${ARGUMAP_TEST_POSTGRES_URL:-}"
unset ARGUMAP_TEST_POSTGRES_URL
bash scripts/ensure-dependencies.sh
npm run check
npm run lint
npm run test:unit
npm run build
npm run test:e2e
npx vitest run --config tests/reliability/vitest.config.ts
if [ -n "$postgres_url" ]; then
	export ARGUMAP_TEST_POSTGRES_URL="$postgres_url"
	npx vitest run --project integration --project security
	npx vitest run --config tests/postgres/vitest.config.ts
else
	echo "PostgreSQL tests skipped: ARGUMAP_TEST_POSTGRES_URL is not set (bash scripts/postgres-for-tests.sh start prints one)."
fi
