#!/usr/bin/env bash
# Puts Debian's chromium and the Noto CJK fonts in place for the browser tests (never a
# downloaded browser). Does nothing when they are there; installs them with apt-get when run as
# root on a Debian/Ubuntu machine; otherwise says what to run and exits 1.
set -euo pipefail

have_fonts() { fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || [ -d /usr/share/fonts/opentype/noto ]; }

if [ -x /usr/bin/chromium ] && have_fonts; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: installing chromium and fonts-noto-cjk from Debian (about 35 s)" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  [ -x /usr/bin/chromium ] && exit 0
fi
echo "ensure-chromium: /usr/bin/chromium is missing. Install it with:" >&2
echo "  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk" >&2
exit 1
