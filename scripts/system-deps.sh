#!/usr/bin/env bash
# Debian packages the test suite drives for real: PostgreSQL (store), Postfix (gateway), Chromium (web pages,
# SCORM), Japanese fonts (Noto CJK for screenshots; IPAex Gothic, a TrueType font reportlab can embed, for
# certificates), systemd (systemd-analyze verify of deploy/systemd/), OpenLDAP's slapd and ldap-utils (the
# directory sync of accounts), nginx and openssl (deploy/nginx/mamori.conf with a test certificate).
# Called by `make test` and `make run`.
# Installs what is missing when it can (root + apt-get); otherwise says what is missing and goes on: the tests
# that need a missing part skip with a message naming it.
set -uo pipefail

PACKAGES=(postgresql postfix chromium fonts-noto-cjk fonts-ipaexfont-gothic swaks systemd slapd ldap-utils nginx openssl)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "system-deps: not installed (needs root and apt-get): ${missing[*]}; the tests that need them will skip" >&2
  exit 0
fi
echo "system-deps: installing ${missing[*]}" >&2
# Postfix asks debconf questions; "No configuration" leaves it unconfigured (the tests write their own main.cf).
# slapd asks too: no initial database (the tests start their own slapd with a slapd.conf of their own).
echo "slapd slapd/no_configuration boolean true" | debconf-set-selections 2>/dev/null || true
echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections 2>/dev/null || true
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >/tmp/mamori-system-deps.log 2>&1; then
  apt-get update -q >>/tmp/mamori-system-deps.log 2>&1 || true
  apt-get install -y -q --no-install-recommends "${missing[@]}" >>/tmp/mamori-system-deps.log 2>&1 \
    || echo "system-deps: apt-get failed (see /tmp/mamori-system-deps.log); the tests that need ${missing[*]} will skip" >&2
fi
# The Debian postgresql, postfix, slapd and nginx packages start services of their own; the tests start private instances.
exit 0
