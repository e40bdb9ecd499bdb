#!/usr/bin/env bash
# Installs Debian's LibreOffice Impress and poppler (pdftoppm) if missing: a test renders a
# generated PowerPoint deck to PDF and PNG pages, as a presenter opening the file would see it.
set -euo pipefail
APT_NO_RECOMMENDS=1 bash "$(dirname "$0")/apt-install.sh" "LibreOffice Impress" \
  "command -v soffice && command -v pdftoppm" libreoffice-impress poppler-utils fonts-dejavu-core
