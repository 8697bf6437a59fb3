#!/usr/bin/env bash
# The tools the deploy module's tests check deploy/ with, installed when missing, never skipped: Debian's
# docker-compose (v1.29, validates compose.yaml without a Docker engine) and psql, kubectl (renders the kustomize
# overlays offline), and Node.js with the npm packages of src/test/node (kubernetes-models' schemas, dclint) installed into
# CHECKS_DIR. Run by Maven before the tests (deploy/pom.xml). When something cannot be installed it says why and
# fails the build. Only the machine's apt sources and npm registry are used.
#   ensure-tools.sh CHECKS_DIR
set -u
checks_dir=${1:?usage: ensure-tools.sh CHECKS_DIR}
node_sources="$(cd "$(dirname "$0")/../src/test/node" && pwd)"
apt_updated=0

fail() {
  echo "ensure-tools: $*" >&2
  echo "ensure-tools: the deploy module's tests need docker-compose, psql, kubectl (1.27 or newer) and Node.js 20 or newer" \
       "with npm; install them, or run with -DskipTests" >&2
  exit 1
}

apt_install() {
  command -v apt-get >/dev/null 2>&1 || fail "apt-get is not available to install $*"
  local sudo=""
  if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || fail "not root and no sudo: cannot install $*"
    sudo="sudo -n"
  fi
  export DEBIAN_FRONTEND=noninteractive
  if [[ $apt_updated == 0 ]]; then
    $sudo apt-get update -q >/dev/null || fail "apt-get update failed"
    apt_updated=1
  fi
  echo "ensure-tools: installing $* with apt-get"
  $sudo apt-get install -y -q --no-install-recommends "$@" >/dev/null || fail "apt-get install $* failed"
}

command -v docker-compose >/dev/null 2>&1 || apt_install docker-compose
# psql runs init-databases.sh in its test, as the postgres image's entrypoint does.
command -v psql >/dev/null 2>&1 || apt_install postgresql-client
docker-compose version >/dev/null 2>&1 || fail "docker-compose is installed but does not run"

# Debian's kubernetes-client is kubectl 1.20, whose kustomize cannot read these overlays: no package to fall back to.
command -v kubectl >/dev/null 2>&1 || fail "kubectl is missing (Debian's kubernetes-client is 1.20, too old)"
kubectl_minor=$(kubectl version --client -o json 2>/dev/null | sed -n 's/.*"minor": *"\([0-9]*\).*/\1/p' | head -n 1)
[[ -n "$kubectl_minor" && "$kubectl_minor" -ge 27 ]] || fail "kubectl 1.27 or newer is needed, found 1.${kubectl_minor:-?}"

command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || apt_install nodejs npm
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)
[[ -n "$node_major" && "$node_major" -ge 20 ]] || fail "Node.js 20 or newer is needed (dclint), found ${node_major:-none}"

# npm ci only when the lock file changed since the last install: a second build needs no network.
mkdir -p "$checks_dir" || fail "cannot create $checks_dir"
stamp="$checks_dir/node_modules/.installed-from"
if ! cmp -s "$node_sources/package-lock.json" "$stamp"; then
  cp "$node_sources/package.json" "$node_sources/package-lock.json" "$checks_dir/" || fail "cannot copy to $checks_dir"
  echo "ensure-tools: installing the npm packages of $node_sources into $checks_dir"
  (cd "$checks_dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || fail "npm ci in $checks_dir failed"
  cp "$node_sources/package-lock.json" "$stamp"
fi
cp "$node_sources/validate-manifests.mjs" "$checks_dir/" || fail "cannot copy the validator to $checks_dir"
