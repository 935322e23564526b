#!/usr/bin/env bash
# Makes the attachment fixtures of the tests and benchmarks in OUTDIR (default: build/fixtures):
# PDFs printed by headless Chromium from HTML, images drawn by ImageMagick, an encrypted PDF by
# qpdf, and a few broken files. Runs once per OUTDIR and content of this script (a stamp file);
# concurrent callers wait on a lock. Tools: chromium, convert (imagemagick), qpdf (scripts/deps.sh).
set -euo pipefail
out=${1:-build/fixtures}
mkdir -p "$out"
out=$(cd "$out" && pwd)
stamp="$out/.stamp-$(sha256sum "$0" | cut -c1-16)"
exec 9>"$out/.lock"
flock 9
[[ -f $stamp ]] && exit 0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The card number of issue 16 (a valid Luhn number) and ordinary text.
card='Refund approved for card 4539 1488 0343 6467'
clean='Our quarterly press release: the new bicycle range ships in spring.'
font=DejaVu-Sans

page() {  # page FILE TITLE BODY...: one HTML document, one <p> per body argument
  local file=$1 title=$2
  shift 2
  {
    echo '<!doctype html><html><head><meta charset="utf-8"><style>'
    echo 'body{font-family:"DejaVu Sans",sans-serif;font-size:13pt;margin:2cm}'
    echo '.break{page-break-before:always}</style></head><body>'
    echo "<h1>$title</h1>"
    for p in "$@"; do echo "<p>$p</p>"; done
    echo '</body></html>'
  } >"$file"
}

print_pdf() {  # print_pdf HTML PDF
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --user-data-dir="$tmp/profile-$(basename "$2")" --print-to-pdf="$2" "file://$1" \
    >/dev/null 2>&1
}

# Images first: the scanned PDF embeds one.
convert -size 1000x240 xc:white -font "$font" -pointsize 28 -fill black \
  -annotate +30+80 "$card" -annotate +30+160 'Customer: J. Example' "$tmp/card.png"
convert -size 1000x240 xc:white -font "$font" -pointsize 28 -fill black \
  -annotate +30+80 "$clean" "$tmp/clean.png"
# A dense 1000x800 screenshot: two dozen lines of small text, as the OCR benchmark wants.
args=()
for i in $(seq 1 24); do
  args+=(-annotate "+20+$((i * 32))" "Line $i: the shipment of order $((41000 + i * 7)) left the warehouse in Lyon on day $i.")
done
convert -size 1000x800 xc:white -font "$font" -pointsize 18 -fill black "${args[@]}" "$tmp/dense.png"
convert "$tmp/card.png" -quality 90 "$tmp/card.jpg"
convert "$tmp/card.png" "$tmp/card.webp"
convert "$tmp/card.png" "$tmp/card.gif"
convert "$tmp/card.png" "$tmp/card.tiff"
# The card on the second frame or page only: an animation, a two-page TIFF (a fax).
convert -delay 100 "$tmp/clean.png" "$tmp/card.png" "$tmp/animated.gif"
convert "$tmp/clean.png" "$tmp/card.png" -compress lzw "$tmp/pages.tiff"

page "$tmp/card.html" "Refunds" "Ordinary first page about returns." \
  "<span class=break></span>$card"
sed -i 's|<p><span class=break></span>|<p class=break>|' "$tmp/card.html"
page "$tmp/clean.html" "Press" "$clean"
base64 -w0 "$tmp/card.png" >"$tmp/card.b64"
{
  echo '<!doctype html><html><body style="margin:0">'
  printf '<img style="width:100%%" src="data:image/png;base64,%s">' "$(cat "$tmp/card.b64")"
  echo '</body></html>'
} >"$tmp/scanned.html"
# 40 pages of ordinary prose for the extraction benchmark.
{
  echo '<!doctype html><html><head><meta charset="utf-8"><style>body{font-family:"DejaVu Sans";'
  echo 'font-size:11pt}p{page-break-after:always}</style></head><body>'
  for i in $(seq 1 40); do
    echo "<p>Page $i. "
    for j in $(seq 1 30); do echo "The committee reviewed item $j of the agenda and agreed to revisit the schedule next quarter. "; done
    echo '</p>'
  done
  echo '</body></html>'
} >"$tmp/long.html"

print_pdf "$tmp/card.html" "$tmp/card.pdf" &
print_pdf "$tmp/clean.html" "$tmp/clean.pdf" &
wait
print_pdf "$tmp/scanned.html" "$tmp/scanned.pdf" &
print_pdf "$tmp/long.html" "$tmp/long.pdf" &
wait
qpdf --encrypt secret owner 256 -- "$tmp/card.pdf" "$tmp/encrypted.pdf"
printf 'name,card\nJ. Example,4539 1488 0343 6467\n' >"$tmp/card.csv"
# Clean pages carrying the card elsewhere: in an attached file, and in the document's title.
qpdf "$tmp/clean.pdf" --add-attachment "$tmp/card.csv" --key=card.csv -- "$tmp/attached.pdf"
page "$tmp/titled.html" "Press" "$clean"
sed -i "s|<head>|<head><title>$card</title>|" "$tmp/titled.html"
print_pdf "$tmp/titled.html" "$tmp/titled.pdf"
# Broken files: a PDF cut in half, and bytes that are no format at all.
head -c 600 "$tmp/card.pdf" >"$tmp/corrupt.pdf"
head -c 4096 /dev/zero | tr '\0' '\7' >"$tmp/garbage.bin"

for f in card.png clean.png dense.png card.jpg card.webp card.gif card.tiff animated.gif pages.tiff \
  card.pdf clean.pdf scanned.pdf long.pdf encrypted.pdf corrupt.pdf attached.pdf titled.pdf \
  garbage.bin card.csv; do
  [[ -s $tmp/$f ]] || { echo "make_fixtures: $f was not made" >&2; exit 1; }
  mv "$tmp/$f" "$out/$f"
done
rm -f "$out"/.stamp-*
touch "$stamp"
