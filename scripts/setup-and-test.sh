#!/usr/bin/env bash
# One command: set up a fresh machine and run every test (unit, parser, site, browser).
# Browser tests use Debian's chromium and fonts-noto-cjk (installed here when running as root).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  if [ "$(id -u)" = "0" ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk fontconfig >/dev/null
  else
    echo "setup: browser tests need Debian's chromium and fonts-noto-cjk: sudo apt-get install chromium fonts-noto-cjk" >&2
  fi
fi

# npm install, not npm ci: npm 11 here writes lock files without other platforms' optional
# packages, which `npm ci` then refuses; install still honours the locked versions
npm install --no-audit --no-fund
npm test
