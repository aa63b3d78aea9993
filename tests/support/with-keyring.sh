#!/bin/sh
# Runs a test program against a real OS keychain, headless: a private D-Bus session with an
# unlocked gnome-keyring (the Secret Service that QtKeychain talks to on Linux) in a throwaway
# HOME, so that nothing of the user's own keyring is read or changed.
set -eu
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT INT TERM
HOME="$home" XDG_DATA_HOME="$home/.local/share" dbus-run-session -- sh -c '
    printf "\n" | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
    "$@"' sh "$@"
