#!/bin/sh
# deb post-install: device access rules and the systemd units that start the
# kiosk at boot, restart it on exit and check its health.
set -e
RES=/opt/onething-kiosk/resources/packaging/linux
if [ -d "$RES" ]; then
  cp "$RES/99-onething-kiosk.rules" /etc/udev/rules.d/
  udevadm control --reload-rules 2>/dev/null || true
  for unit in onething-kiosk.service onething-kiosk-health.service onething-kiosk-health.timer onething-kiosk-restart.service onething-kiosk-nightly.timer; do
    cp "$RES/$unit" /etc/systemd/system/
  done
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    systemctl enable onething-kiosk.service onething-kiosk-health.timer || true
  fi
fi
