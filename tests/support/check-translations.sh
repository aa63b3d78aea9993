#!/bin/sh
# Fails when the committed translations are behind the sources: lupdate run on copies of the
# .ts files must change nothing (no string added, changed or dropped since) and leave no
# string unfinished (in English, no plural form). Usage: check-translations.sh SOURCE_DIR LUPDATE
set -eu
src=$1
lupdate=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
cp "$src"/translations/*.ts "$work"/
cd "$src"
"$lupdate" -silent -no-obsolete -locations none -I . core ui app/desktop -ts "$work"/*.ts
status=0
for ts in translations/*.ts; do
    if ! cmp -s "$ts" "$work/$(basename "$ts")"; then
        echo "$ts is behind the sources: run cmake --build build --target update_translations" >&2
        diff "$ts" "$work/$(basename "$ts")" | head -20 >&2
        status=1
    fi
    # English is the source language: only its plural forms need writing.
    case "$ts" in
    *_en.ts) unfinished=$(grep -A2 'numerus="yes"' "$work/$(basename "$ts")" \
                 | grep -c 'type="unfinished"' || true) ;;
    *) unfinished=$(grep -c 'type="unfinished"' "$work/$(basename "$ts")" || true) ;;
    esac
    if [ "$unfinished" -ne 0 ]; then
        echo "$ts has $unfinished unfinished string(s)" >&2
        status=1
    fi
done
exit $status
