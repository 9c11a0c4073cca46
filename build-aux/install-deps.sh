#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what Touchpoint needs to build, run and test on Debian 12.
# Safe to run again: apt skips what is already there.
set -eu

PACKAGES="
  build-essential pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libxml2-dev libxml2-utils libcairo2-dev libpango1.0-dev libpng-dev
  libharfbuzz-dev zlib1g-dev
  desktop-file-utils appstream shared-mime-info
  adwaita-icon-theme hicolor-icon-theme librsvg2-common fonts-cantarell fonts-dejavu-core
  xvfb xauth dbus dbus-x11 at-spi2-core
  poppler-utils librsvg2-bin imagemagick locales libcap2-bin util-linux
"

missing=""
for pkg in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $pkg"
  fi
done

if [ -n "$missing" ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "Installing:$missing"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
fi

# The Dutch locale lets tests and users see the nl translation.
if ! locale -a 2>/dev/null | grep -qi '^nl_NL\.utf-\?8$'; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO sed -i 's/^# *\(nl_NL.UTF-8 UTF-8\)/\1/; s/^# *\(en_US.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  $SUDO locale-gen >/dev/null
fi
