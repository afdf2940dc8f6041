#!/usr/bin/env bash
# Install the Debian packages the tests need, if they are missing.
# chromium: browser tests (Playwright drives /usr/bin/chromium; it cannot download its own).
# fonts-noto-cjk: Chinese glyphs in screenshots and PDFs.
# poppler-utils: pdftotext / pdffonts / pdftoppm read the generated PDFs back in tests.
# libreoffice-writer-nogui, libreoffice-calc-nogui: tests open and convert every generated DOCX / XLSX.
# libreoffice-impress-nogui: tests convert every generated PPTX deck (coursekit slides) to PDF.
# nginx: tests/test_nginx.py serves built sites with deploy/nginx/shequn.conf (the school-server config).
set -euo pipefail
packages=(chromium fonts-noto-cjk poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui nginx)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages: ${missing[*]}. Install them as root: apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
