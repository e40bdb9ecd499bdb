#!/usr/bin/env bash
# Installs Debian's nginx with its brotli filter if missing: the production mode (make serve)
# runs several app processes behind it, and its integration test and the load benchmark use it.
set -euo pipefail
bash "$(dirname "$0")/apt-install.sh" "nginx with brotli" \
  "command -v nginx && test -e /usr/share/nginx/modules-available/mod-http-brotli-filter.conf" \
  nginx libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static
# Debian starts the packaged server on port 80 after installing it; ours run on their own
# configuration and ports, so the system one is stopped where a service manager started it.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet nginx 2>/dev/null; then
  systemctl stop nginx || true
fi
nginx -v
