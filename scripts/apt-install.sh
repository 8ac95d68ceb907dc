#!/usr/bin/env bash
# Install Debian packages non-interactively (sudo only when not root): scripts/apt-install.sh PKG...
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends "$@"
