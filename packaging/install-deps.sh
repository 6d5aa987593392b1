#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs everything Sasquatch Browser needs to build, test and run its demo on Debian 12.
# Run as root. Safe to run again: apt-get skips what is already installed.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-svg-dev libqt6svg6 libgl-dev qt6-qpa-plugins
  libqcustomplot-dev libqcustomplot2.1-qt6
  libcurl4-openssl-dev nlohmann-json3-dev
  librdkafka-dev libavro-dev qtkeychain-qt6-dev
  influxdb kcat
  xvfb xauth imagemagick appstream desktop-file-utils dpkg-dev file zlib1g-dev
  fonts-dejavu-core clang libclang-rt-14-dev lld
)

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps.sh: run as root (or with sudo)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}"
# Debian's influxdb package starts a system service on install; the program runs its own
# private influxd on loopback and does not need the system one.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet influxdb 2>/dev/null; then
  systemctl stop influxdb || true
fi
