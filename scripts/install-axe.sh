#!/usr/bin/env bash
# Installs axe-core (the accessibility rules the browser tests inject into every page) from
# npm, at the version locked in tests/browser/axe/package-lock.json. Debian's npm is installed
# first if it is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dir="$here/tests/browser/axe"
if [ -f "$dir/node_modules/axe-core/axe.min.js" ] && \
   [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]; then
  exit 0
fi
bash "$here/scripts/apt-install.sh" "npm" "command -v npm" npm
npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
