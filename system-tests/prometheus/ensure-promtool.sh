#!/usr/bin/env bash
# promtool, which checks deploy/prometheus (PrometheusRulesIT): taken from Debian's prometheus package, fetched with
# apt-get download and unpacked into the path given (nothing is installed, no service is started; only promtool is
# kept, 48 MB, from a 19 MB package). Run by Maven before the integration tests (system-tests/pom.xml). It never
# skips: when it cannot fetch it, it says why and fails the build. Nothing comes from anywhere but the apt sources.
set -u

PROMTOOL="${1:?usage: ensure-promtool.sh <path of promtool>}"

if [[ -x "$PROMTOOL" ]] && "$PROMTOOL" --version >/dev/null 2>&1; then
  exit 0
fi

fail() {
  echo "ensure-promtool: $*" >&2
  echo "ensure-promtool: the Prometheus rules test needs promtool at $PROMTOOL (from Debian's prometheus package:" \
       "apt-get download prometheus; dpkg-deb -x prometheus_*.deb DIR; copy DIR/usr/bin/promtool) or run with -DskipITs" >&2
  exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "apt-get is not available on this machine"
command -v dpkg-deb >/dev/null 2>&1 || fail "dpkg-deb is not available on this machine"
WORK="$(mktemp -d)" || fail "could not make a temporary directory"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || fail "could not enter $WORK"

echo "ensure-promtool: fetching Debian's prometheus package with apt-get download"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get download -q prometheus >/dev/null 2>&1; then
  SUDO=""
  if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || fail "not root and no sudo: cannot update the package lists"
    SUDO="sudo -n"
  fi
  $SUDO apt-get update -q || fail "apt-get update failed"
  apt-get download -q prometheus || fail "apt-get download prometheus failed"
fi
dpkg-deb -x prometheus_*.deb unpacked || fail "could not unpack the prometheus package"
[[ -x unpacked/usr/bin/promtool ]] || fail "the prometheus package holds no usr/bin/promtool"
mkdir -p "$(dirname "$PROMTOOL")" || fail "could not make $(dirname "$PROMTOOL")"
cp unpacked/usr/bin/promtool "$PROMTOOL.partial" && mv "$PROMTOOL.partial" "$PROMTOOL" || fail "could not copy promtool"
echo "ensure-promtool: $("$PROMTOOL" --version 2>&1 | head -1)"
