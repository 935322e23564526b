#!/usr/bin/env bash
# Installs what the build and the tests need, from Debian's archive and npm only. Idempotent and
# quick when everything is present: it asks dpkg first and calls apt only for what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config ccache git
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libssl-dev libre2-dev libyaml-cpp-dev libgtest-dev libgmock-dev libbenchmark-dev
  libicu-dev libjemalloc-dev libcli11-dev
  libpoppler-cpp-dev libtesseract-dev libleptonica-dev
  tesseract-ocr-eng tesseract-ocr-deu tesseract-ocr-fra tesseract-ocr-spa
  imagemagick poppler-utils qpdf fonts-dejavu-core
  nginx-light wrk nghttp2-client curl openssl ca-certificates
  chromium
  docker-compose
)

missing=()
# Node.js may come from another Debian-format source (nodesource); any node with npm will do.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then packages+=(nodejs npm); fi
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "deps: installing ${missing[*]}"
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages for the end-to-end tests, pinned by package-lock.json. Reinstall only when the lock
# changed since the last install.
if [[ -f tests/e2e/package-lock.json ]]; then
  stamp=tests/e2e/node_modules/.switchyard-lock
  if [[ ! -f $stamp ]] || ! cmp -s tests/e2e/package-lock.json "$stamp"; then
    echo "deps: npm ci (tests/e2e)"
    (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
    cp tests/e2e/package-lock.json "$stamp"
  fi
fi
