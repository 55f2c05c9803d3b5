#!/bin/sh
# tests/e2e-report.sh — report.html and the employer view of the binary named
# by BIN_UNDER_TEST on the casebook: files and modes, byte-identical output
# for 1 and 2 threads, the page rendered by headless Chromium without network
# (no console message, the script ran, a named candidate's card shows the
# package's tasks, read from results.json by tests/tools/check_report_dom.py),
# screenshots kept as build/artefacts/report-casebook-BIN.png and
# employer-view-E04-BIN.png, and the
# employer view checked against candidates.csv by
# tests/tools/check_employer_view.py (which must also catch a planted leak).
# Prints "ok NAME" / "not ok NAME" and "e2e done".
set -u
BIN=$BIN_UNDER_TEST
W=$TMP/e2e-report-$(basename "$BIN")
rm -rf "$W"; mkdir -p "$W"
. "$ROOT/tests/e2e-lib.sh"
CB=$ROOT/datasets/casebook

check_rc "report: run casebook with --employer-view" 0 "$BIN" run "$CB" -o "$W/cb" --employer-view --quiet --threads 1
if [ -s "$W/cb/report.html" ] && [ "$(stat -c %a "$W/cb/report.html")" = 600 ] &&
   [ "$(stat -c %a "$W/cb/employers")" = 700 ] && [ "$(stat -c %a "$W/cb/employers/E04.html")" = 600 ]; then
    ok "report: report.html and employers/ written (modes 0600, 0700)"
else notok "report: report.html and employers/ written (modes 0600, 0700)" "$(ls -l "$W/cb" "$W/cb/employers" 2>&1 | head -n 6)"; fi
echo "report.html of the casebook: $(wc -c < "$W/cb/report.html") bytes"

"$BIN" run "$CB" -o "$W/cb2" --employer-view --quiet --threads 2 > /dev/null 2>&1
if cmp -s "$W/cb/report.html" "$W/cb2/report.html" && diff -r "$W/cb/employers" "$W/cb2/employers" > /dev/null; then
    ok "report: byte-identical report.html and employer view for --threads 1 and 2"
else notok "report: byte-identical report.html and employer view for --threads 1 and 2"; fi

"$BIN" run "$CB" -o "$W/only" --formats html --quiet > /dev/null 2>&1
if [ "$(ls "$W/only")" = "report.html" ]; then ok "report: --formats html writes report.html only"
else notok "report: --formats html writes report.html only" "$(ls "$W/only" 2>&1)"; fi
check_rc "report: --formats pdf exits 2" 2 "$BIN" run "$CB" -o "$W/bad" --formats pdf
if grep -q "^maatwerk: --formats: expected a list of json, csv and html, got 'pdf'$" "$W/err" && [ ! -e "$W/bad" ]; then
    ok "report: --formats pdf names the formats and writes nothing"
else notok "report: --formats pdf names the formats and writes nothing" "$(head -n 2 "$W/err")"; fi

# self-contained: the SVG namespace is the only URL in the page
n_http=$(grep -o 'http[s]*://[^"]*' "$W/cb/report.html" | grep -vc '^http://www.w3.org/2000/svg$')
if [ "$n_http" = 0 ] && ! grep -qE '<link|<img| src=|@import|url\(' "$W/cb/report.html"; then
    ok "report: no external resource in report.html"
else notok "report: no external resource in report.html" "$(grep -o 'http[s]*://[^"]*' "$W/cb/report.html" | head -n 3)"; fi

# --- headless Chromium, without network -------------------------------------------
if command -v chromium > /dev/null; then
    NONET=""
    unshare -n true 2> /dev/null && NONET="unshare -n"
    chrome() {
        ud=$(mktemp -d "$W/chrome.XXXXXX")
        timeout 120 $NONET chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
            --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$ud" \
            --proxy-server=127.0.0.1:9 --host-resolver-rules="MAP * ~NOTFOUND" \
            --enable-logging=stderr --v=0 "$@"
    }
    # console messages of the page (Chromium's own chrome:// pages may log too, e.g.
    # "Slow network is detected" on a busy machine: those are not the page's)
    console() { grep ':CONSOLE' "$1" | grep 'source: file://'; }
    # the console check must see an error when there is one
    printf '<!DOCTYPE html><html lang="nl"><body><script>nosuch();</script></body></html>\n' > "$W/broken.html"
    chrome --dump-dom "file://$W/broken.html" > /dev/null 2> "$W/broken.err"
    if console "$W/broken.err" > /dev/null; then ok "chromium: a script error shows up as a console message"
    else notok "chromium: a script error shows up as a console message" "$(tail -n 3 "$W/broken.err")"; fi

    chrome --dump-dom "file://$W/cb/report.html" > "$W/dom.html" 2> "$W/chrome.err"
    if [ -s "$W/dom.html" ] && ! console "$W/chrome.err" > /dev/null; then
        ok "chromium: report.html loads without console messages"
    else notok "chromium: report.html loads without console messages" "$(console "$W/chrome.err" | head -n 3)"; fi
    # C06 is Job (Flevoland), for whom a visual day board made the job work
    if python3 "$ROOT/tests/tools/check_report_dom.py" "$W/cb/results.json" "$W/dom.html" C06 > "$W/dom.out" 2>&1; then
        ok "chromium: the card of C06 shows the package's tasks in its day board"
    else notok "chromium: the card of C06 shows the package's tasks in its day board" "$(head -n 5 "$W/dom.out")"; fi
    chrome --dump-dom "file://$W/cb/employers/E04.html" > "$W/edom.html" 2> "$W/echrome.err"
    if grep -q 'data-candidate="C06"' "$W/edom.html" && ! console "$W/echrome.err" > /dev/null; then
        ok "chromium: the employer view of E04 loads and shows C06"
    else notok "chromium: the employer view of E04 loads and shows C06" "$(console "$W/echrome.err" | head -n 3)"; fi

    mkdir -p "$ROOT/build/artefacts"
    shot=$ROOT/build/artefacts/report-casebook-$(basename "$BIN").png
    rm -f "$shot"
    chrome --screenshot="$shot" --window-size=1280,2000 "file://$W/cb/report.html" > /dev/null 2>&1
    # and E04's employer view, which opens with C06's card and day board
    eshot=$ROOT/build/artefacts/employer-view-E04-$(basename "$BIN").png
    rm -f "$eshot"
    chrome --screenshot="$eshot" --window-size=1280,2000 "file://$W/cb/employers/E04.html" > /dev/null 2>&1
    if [ -s "$shot" ] && [ "$(head -c 4 "$shot" | od -An -c | tr -d ' ')" = "211PNG" ] &&
       [ -s "$eshot" ] && [ "$(head -c 4 "$eshot" | od -An -c | tr -d ' ')" = "211PNG" ]; then
        ok "chromium: screenshots kept as build/artefacts/$(basename "$shot") and $(basename "$eshot")"
    else notok "chromium: screenshots kept as build/artefacts/$(basename "$shot") and $(basename "$eshot")"; fi
else
    notok "chromium: render report.html" "chromium is not installed (Debian package chromium)"
fi

# --- the employer view: no limit of a non-consenting candidate -----------------------
if python3 "$ROOT/tests/tools/check_employer_view.py" "$CB" "$ROOT/models" "$W/cb" > "$W/ev.out" 2>&1; then
    ok "employer view: no limit of a non-consenting candidate ($(tail -n 1 "$W/ev.out"))"
else notok "employer view: no limit of a non-consenting candidate" "$(head -n 6 "$W/ev.out")"; fi
# the checker catches a planted leak: C02 (no consent) at E02 with a limit named
cp -r "$W/cb" "$W/leak"
sed -i 's|<section class="card geplaatst" data-candidate="C02">|&<p>lim.prikkels</p>|' "$W/leak/employers/E02.html"
if ! python3 "$ROOT/tests/tools/check_employer_view.py" "$CB" "$ROOT/models" "$W/leak" > "$W/leak.out" 2>&1 &&
   grep -q "C02 at E02 (html): names the limit 'lim.prikkels'" "$W/leak.out"; then
    ok "employer view: the checker catches a planted limit"
else notok "employer view: the checker catches a planted limit" "$(head -n 3 "$W/leak.out")"; fi

echo "e2e done"
