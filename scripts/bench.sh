#!/usr/bin/env bash
# Speed and size of `prepcheck sheet`: the whole process, from start to the last byte, for
# each format, on the built-in checklist and a typical patient's answers.
#   scripts/bench.sh            (installs hyperfine from Debian's packages if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hyperfine >/dev/null; then
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq hyperfine
fi
cargo build --release --quiet
bin=target/release/prepcheck
answers=tests/fixtures/answers/blood-thinners.yaml
export PREPCHECK_TODAY=2026-11-25 NO_COLOR=1

args=()
for format in text plain markdown html ics; do
  args+=(--command-name "$format" "$bin sheet --answers $answers --format $format")
done
hyperfine --shell=none --warmup 20 --runs 200 "${args[@]}"

echo
for format in plain html; do
  peak=$(/usr/bin/time -f %M "$bin" sheet --answers "$answers" --format "$format" 2>&1 >/dev/null | tail -n 1)
  echo "peak memory, $format: ${peak} KB"
done
strip -o /tmp/prepcheck-stripped "$bin"
echo "stripped release binary: $(stat -c %s /tmp/prepcheck-stripped) bytes"
