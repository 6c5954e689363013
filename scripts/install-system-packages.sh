#!/bin/sh
# Install the Debian packages the browser test needs: chromium (driven by Playwright through
# executable_path, never a browser download) and CJK fonts so Chinese text renders.
set -e
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing="$missing fonts-noto-cjk"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "Missing Debian packages:$missing. Install them as root (apt-get install$missing);" \
       "without them the browser test is skipped." >&2
  exit 0
fi
echo "Installing Debian packages:$missing"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
