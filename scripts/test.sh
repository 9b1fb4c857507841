#!/usr/bin/env bash
# The whole test suite, runnable on a fresh machine: installs the Debian
# packages the integration and browser tests need when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if ((${#need[@]})); then
  echo "test: installing Debian packages: ${need[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

[ -d node_modules ] || npm install --no-audit --no-fund
[ -f services/db/generated/client.ts ] || node scripts/generate-prisma.mjs
npx tsc --noEmit
npx eslint .
npx vitest run "$@"
