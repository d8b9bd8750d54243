#!/bin/sh
# Serial/HID access for the kiosk user and the systemd unit.
set -e
if [ -f /opt/onething-kiosk/resources/packaging/linux/99-onething-kiosk.rules ]; then
  cp /opt/onething-kiosk/resources/packaging/linux/99-onething-kiosk.rules /etc/udev/rules.d/
  udevadm control --reload-rules || true
fi
