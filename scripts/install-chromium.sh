#!/usr/bin/env bash
# Installs Debian's Chromium if it is missing: browser tests (Playwright) and static image
# export (kaleido) drive it; neither may download a browser of its own on these machines.
set -euo pipefail
bash "$(dirname "$0")/apt-install.sh" "Chromium" \
  "command -v chromium || test -x /usr/bin/chromium" chromium
chromium --version
