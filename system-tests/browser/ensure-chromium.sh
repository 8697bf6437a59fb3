#!/usr/bin/env bash
# The browser the pages test (DemoMonthIT) drives: Debian's chromium and chromium-driver, from Debian's package
# repository through apt, installed here when either is missing. Run by Maven before the integration tests
# (system-tests/pom.xml, exec-maven-plugin). It never skips: when it cannot install them, it says why and fails
# the build. Nothing is downloaded from anywhere but the machine's own apt sources.
set -u

CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

if [[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]]; then
  exit 0
fi

fail() {
  echo "ensure-chromium: $*" >&2
  echo "ensure-chromium: the pages test needs Debian's chromium and chromium-driver ($CHROMIUM, $CHROMEDRIVER);" \
       "install them (apt-get install chromium chromium-driver) or run with -DskipITs" >&2
  exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "apt-get is not available on this machine"
SUDO=""
if [[ "$(id -u)" -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || fail "not root and no sudo: cannot install packages"
  SUDO="sudo -n"
fi

echo "ensure-chromium: installing Debian's chromium and chromium-driver with apt-get"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q || fail "apt-get update failed"
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver || fail "apt-get install failed"
[[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]] || fail "installed, but $CHROMIUM or $CHROMEDRIVER is still missing"
echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null), $("$CHROMEDRIVER" --version 2>/dev/null)"
