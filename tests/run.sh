#!/usr/bin/env bash
# The test command (README): installs what the tests need, builds, runs every test project, and ends with
# one line "tests: N passed, M failed" (exit status non-zero when anything failed).
set -uo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests use: headless Chromium (page tests); for the rendering tests fontconfig (SkiaSharp finds
# fonts through it), DejaVu (the themes' faces, condensed and italic ones in -extra), the colour emoji font and
# poppler-utils (pdftotext/pdfinfo read the PDFs back), e2fsprogs (chattr makes a SQLite file read-only in a fault test). PostgreSQL 15 binaries are on every machine already.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s libfontconfig1 >/dev/null 2>&1 || missing+=(libfontconfig1)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
dpkg -s fonts-dejavu-extra >/dev/null 2>&1 || missing+=(fonts-dejavu-extra)
dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || missing+=(fonts-noto-color-emoji)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v chattr >/dev/null 2>&1 || missing+=(e2fsprogs)
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
[ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "could not install ${missing[*]}"; echo "tests: 0 passed, 1 failed"; exit 1; }
fi

# The k8s manifest test validates the rendered objects against the Kubernetes schemas with the kubernetes-models npm
# package (offline at test time; installed here from the lock file).
if ! (cd tests/k8s-validate && npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1); then
  echo "could not install tests/k8s-validate (npm ci)"
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

results=TestResults
rm -rf "$results"
if ! dotnet build Orleans.sln -c Debug -nologo -clp:ErrorsOnly; then
  echo "build failed"
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

dotnet test Orleans.sln -c Debug --no-build -nologo --results-directory "$results" --logger "trx" --logger "console;verbosity=minimal"
status=$?

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

# A crashed test host or a project that ran nothing still counts as a failure; say what the runner reported.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status although no test failed; run-level messages:"
  grep -ho '<RunInfo [^>]*outcome="[A-Za-z]*"[^>]*>[[:space:]]*<Text>[^<]*' "$results"/*.trx 2>/dev/null | sed 's/<[^>]*>//g' | head -20
  failed=1
fi

echo "tests: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
