#!/usr/bin/env bash
# Installs Debian packages when a command the tests need is missing, as root or with sudo.
# Usage: apt-install.sh "<what, for the message>" "<command that succeeds when present>" PACKAGE…
# APT_NO_RECOMMENDS=1 leaves out recommended packages (LibreOffice's would pull in Java).
set -euo pipefail
what="$1"; check="$2"; shift 2
if bash -c "$check" >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "$what is missing and apt-get is not available: install $* yourself." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "$what is missing; run as root: apt-get install -y $*" >&2; exit 1
  fi
fi
echo "Installing Debian's $what (once)…"
$SUDO apt-get update -qq
extra=()
if [ "${APT_NO_RECOMMENDS:-0}" = "1" ]; then extra=(--no-install-recommends); fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${extra[@]}" "$@" >/dev/null
