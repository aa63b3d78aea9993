#!/usr/bin/env bash
# Installs every build and test dependency of QuantEnergx from Debian 12's packages.
# Idempotent: when everything is already installed it prints nothing and exits 0.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config file clang-format
    # Qt 6.4 and QtKeychain
    qt6-base-dev qt6-websockets-dev qt6-charts-dev qt6-httpserver-dev qtkeychain-qt6-dev
    qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools qt6-declarative-dev qt6-svg-dev
    qt6-pdf-dev libgl1-mesa-dev
    # storage, cache, crypto, OCR, HTTP client
    libsqlite3-dev libpqxx-dev libhiredis-dev libssl-dev libargon2-dev libcurl4-openssl-dev
    libtesseract-dev libleptonica-dev tesseract-ocr-eng tesseract-ocr-deu tesseract-ocr
    # what the security tests check tokens with: PyJWT (as another service would)
    python3-jwt python3-cryptography
    # and TOTP codes with oathtool, as an authenticator app makes them
    oathtool
    # the matching engine's order index (header-only)
    robin-map-dev
    # the OS keychain the desktop keeps its refresh token in, run headless by the keychain test
    # (a Secret Service inside a private D-Bus session)
    gnome-keyring dbus-x11 libsecret-tools
    # servers the integration tests start on loopback, and a real SMTP server (STARTTLS, AUTH)
    # for the email channel's
    postgresql redis-server python3-aiosmtpd
    # the desktop's platform plugins and a font (only Recommends of Qt, absent on minimal systems),
    # headless desktop runs and screenshots
    qt6-qpa-plugins fonts-dejavu-core xvfb xauth
    # Qt's own strings (OK, Cancel, the file dialog) in German and French
    qt6-translations-l10n
    # the desktop entry's check
    desktop-file-utils
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "deps-debian.sh: run as root or install sudo" >&2; exit 1; }
    sudo="sudo"
fi
echo "deps-debian.sh: installing ${#missing[@]} package(s): ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# Debian's postgresql package would start a cluster through systemd/invoke-rc.d; in a container
# without an init system that only prints noise, so a policy-rc.d keeps services from starting
# during the install. The tests start their own servers.
policy=/usr/sbin/policy-rc.d
added_policy=0
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
    $sudo chmod +x "$policy"
    added_policy=1
fi
trap '[ $added_policy -eq 1 ] && $sudo rm -f "$policy"' EXIT
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "deps-debian.sh: done"
