#!/usr/bin/env bash
# Debian packages the portal needs beyond Python: gettext to compile the Vietnamese
# catalogue, fonts with full Vietnamese for the PDF (Tinos, Liberation 2.x), Pango for
# WeasyPrint and poppler for reading PDFs in tests. Installs them when run as root on
# Debian; elsewhere says what is missing and stops.
set -euo pipefail

packages=(gettext fonts-croscore fonts-liberation2 libpango-1.0-0 libpangoft2-1.0-0 poppler-utils)
if [ "${WITH_BROWSER:-0}" = "1" ]; then
  packages+=(chromium)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  if ! command -v msgfmt >/dev/null 2>&1; then
    echo "Missing: gettext (msgfmt). Install it with your system's package manager." >&2
    exit 1
  fi
  echo "Not a Debian system: make sure these (or their equivalents) are installed: ${packages[*]}" >&2
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "Missing system packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
