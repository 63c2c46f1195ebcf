#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests if it is missing. Browser downloads do not work here.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "chromium is not installed: run 'sudo apt-get install chromium' (Debian) and retry" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
