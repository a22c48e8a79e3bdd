#!/usr/bin/env bash
# `npm test`: lint, type checks, unit and integration tests, then browser tests on the production build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-dependencies.sh
npm run check
npm run lint
npm run test:unit
npm run build
npm run test:e2e
