#!/usr/bin/env bash
# Installs Debian's LibreOffice Impress and poppler (pdftoppm) if missing: a test renders a PowerPoint
# deck to PDF and then PNG pages, as a presenter opening the file would see it.
set -euo pipefail
if command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "LibreOffice is missing and apt-get is not available: install LibreOffice Impress" >&2
  echo "so that 'soffice' is on PATH." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "LibreOffice is missing; run as root: apt-get install -y libreoffice-impress" >&2; exit 1
  fi
fi
echo "Installing Debian's LibreOffice Impress (once)…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
  libreoffice-impress poppler-utils fonts-dejavu-core >/dev/null
soffice --version
