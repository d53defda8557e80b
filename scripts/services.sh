#!/usr/bin/env bash
# Installs (when missing) and starts what the test suite needs beside Python.
# Each scripts/services/*.sh handles one service and is safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
for s in scripts/services/*.sh; do
  [ -e "$s" ] || continue
  bash "$s"
done
