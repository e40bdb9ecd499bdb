#!/usr/bin/env bash
# Installs Debian's Chromium if it is missing: browser tests (Playwright) and static image
# export (kaleido) drive it; neither may download a browser of its own on these machines.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing and apt-get is not available: install Chromium and make sure" >&2
  echo "/usr/bin/chromium exists (or set UTB_CHROMIUM to its path)." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "Chromium is missing; run as root: apt-get install -y chromium" >&2; exit 1
  fi
fi
echo "Installing Debian's chromium (once)…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
chromium --version
