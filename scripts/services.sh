#!/usr/bin/env bash
# Installs and starts what the test suite needs beside Python: nothing yet.
set -euo pipefail
