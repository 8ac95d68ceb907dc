#!/usr/bin/env bash
# Install headless Chromium and its WebDriver (Debian packages) for the browser tests.
# Idempotent: does nothing when both are already on PATH. apt-install.sh uses sudo only when not root.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    echo "chromium and chromedriver are already installed"
    exit 0
fi

bash "$(dirname "$0")/apt-install.sh" chromium chromium-driver fonts-noto-color-emoji
chromium --version
chromedriver --version
