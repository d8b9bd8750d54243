#!/usr/bin/env bash
# Set-up for a fresh Debian machine with Node 20: the system packages the
# kiosk and its tests need, the npm dependencies, native modules that load,
# and a built renderer. Each step is skipped when already done.
#   bash scripts/setup.sh          # what `npm start` needs
#   bash scripts/setup.sh --test   # plus what `npm test` needs
set -euo pipefail
cd "$(dirname "$0")/.."

# Runtime: a browser to show the UI, udev for serial port listing, libusb for node-hid, CJK fonts
# (Noto CJK for the BMP and Ext A, HanaMin for Ext B and beyond), CUPS for the A4 printer,
# Mosquitto and coturn as the local broker and TURN server of demo mode.
APT_RUNTIME=(chromium udev libusb-1.0-0 fonts-noto-cjk fonts-noto-cjk-extra fonts-hanazono socat espeak-ng
  cups cups-client cups-ipp-utils printer-driver-cups-pdf mosquitto mosquitto-clients coturn)
# Tests: zbar decodes printed receipts independently of our encoder; pdftotext reads A4 documents back;
# libfiu injects write/fsync failures; dpkg-dev, fakeroot and lintian build and check the .deb; systemd
# gives systemd-analyze to verify the units; unicode-data's Unihan checks the keyboard's character table;
# openssl makes the throw-away CA and broker certificate of the fleet link's TLS test.
APT_TEST=(zbar-tools poppler-utils fiu-utils dpkg-dev fakeroot lintian systemd unicode-data openssl)

want=("${APT_RUNTIME[@]}")
[[ "${1:-}" == "--test" ]] && want+=("${APT_TEST[@]}")

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Tests: the A4 printer is CUPS's virtual PDF printer. cups-pdf reads its configuration only from /etc/cups
# (`cups-pdf:/onething-test` → cups-pdf-onething-test.conf); its PDFs go to one fixed spool folder, where each
# test finds its own by the print job id in the file name (test/support/cupsd.ts). Anonymous output (the kiosk
# asks as user "kiosk", not a local account) is world-readable so the tests can read it back.
if [[ "${1:-}" == "--test" ]]; then
  CUPS_PDF_CONF=/etc/cups/cups-pdf-onething-test.conf
  CUPS_PDF_OUT=/var/spool/onething-cups-pdf
  want_conf=$(printf '%s\n' "# onething-kiosk tests (scripts/setup.sh --test)" "Out ${CUPS_PDF_OUT}" "AnonDirName ${CUPS_PDF_OUT}" \
    "AnonUMask 0022" "UserUMask 0022" "Label 2" "TitlePref 0" "Log ${CUPS_PDF_OUT}" "LogType 1")
  if [[ ! -d "$CUPS_PDF_OUT" ]] || [[ "$(cat "$CUPS_PDF_CONF" 2>/dev/null)" != "$want_conf" ]]; then
    echo "setup: cups-pdf instance for the tests ($CUPS_PDF_CONF → $CUPS_PDF_OUT)"
    SUDO=""
    if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
    $SUDO mkdir -p "$CUPS_PDF_OUT"
    $SUDO chmod 1777 "$CUPS_PDF_OUT"
    printf '%s\n' "$want_conf" | $SUDO tee "$CUPS_PDF_CONF" >/dev/null
  fi
fi

# npm dependencies, reinstalled only when the lock file changed.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f node_modules/.kiosk-lock-hash ]] || [[ "$(cat node_modules/.kiosk-lock-hash)" != "$lock_hash" ]]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.kiosk-lock-hash
fi

# Native modules must load on this Node (npm may skip install scripts it has not approved).
if ! node -e "require('better-sqlite3')(':memory:').close(); require('@serialport/bindings-cpp'); require('node-hid')" 2>/dev/null; then
  echo "setup: rebuilding native modules"
  npm rebuild better-sqlite3 @serialport/bindings-cpp node-hid --foreground-scripts --loglevel=error
  node -e "require('better-sqlite3')(':memory:').close(); require('@serialport/bindings-cpp'); require('node-hid')"
fi

# The renderer bundle, rebuilt when its sources are newer than the build.
if [[ ! -f dist/renderer/index.html ]] || [[ -n "$(find renderer contract vite.config.ts package-lock.json -newer dist/renderer/index.html -type f -print -quit)" ]]; then
  echo "setup: building the renderer"
  npx vite build --logLevel error
fi
