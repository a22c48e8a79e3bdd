#!/usr/bin/env bash
# `npm test`: lint, type checks, unit, integration and security tests, then browser tests and
# the reliability suite (crashes, backups, conflicts, load) on the production build. The
# reliability suite runs short unless ARGUMAP_FULL_RELIABILITY=1 (CI sets it: .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-dependencies.sh
npm run check
npm run lint
npm run test:unit
npm run build
npm run test:e2e
npx vitest run --config tests/reliability/vitest.config.ts
