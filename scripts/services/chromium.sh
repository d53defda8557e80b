#!/usr/bin/env bash
# Debian's chromium for the browser tests (Playwright for Python drives it; never
# `playwright install`). Installs the package when /usr/bin/chromium is missing.
# Idempotent: does nothing when chromium is already there.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium.sh: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium) is installed"
  exit 0
fi

echo "chromium.sh: installing Debian chromium" >&2
export DEBIAN_FRONTEND=noninteractive
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
test -x /usr/bin/chromium
echo "chromium.sh: $(/usr/bin/chromium --version 2>/dev/null) installed"
