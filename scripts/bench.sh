#!/usr/bin/env bash
# Speed and size of `prepcheck sheet`: the whole process, from start to the last byte, for
# each format, on the built-in checklist and a typical patient's answers; and of `check`.
#   scripts/bench.sh            (installs hyperfine and jq from Debian's packages if missing)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hyperfine >/dev/null || ! command -v jq >/dev/null; then
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq hyperfine jq
fi
# The binary as it is shipped (statically linked on Linux: scripts/release-build.sh).
built=$(scripts/release-build.sh)
# Measured as installed: a copy. The linker writes the binary through a memory map, and a
# file written so starts 10% slower (paired runs) than the same bytes copied by `install`,
# dpkg or `cargo install`, until it is next read from disk (our reading: the kernel holds it
# in single pages, a copy in larger pieces that it maps faster).
installed=$(mktemp -d)
install -m 755 "$built" "$installed/prepcheck"
bin=$installed/prepcheck
answers=tests/fixtures/answers/blood-thinners.yaml
# Today's date is read from the clock, as for a patient: that loads the time zone.
unset PREPCHECK_TODAY
export NO_COLOR=1

# The plain sheet, saved, for `cat`: the floor a program that only prints it can reach.
plain=$(mktemp)
"$bin" sheet --answers "$answers" --format plain >"$plain"
args=(--command-name "cat" "cat $plain")
for format in text plain markdown html ics; do
  args+=(--command-name "$format" "$bin sheet --answers $answers --format $format")
done
# `check` on the built-in checklist, as a clinic runs it: the rules, reading level and words.
args+=(--command-name "check" "$bin check checklists/intrathecal-pump.yaml")
results=$(mktemp)
hyperfine --shell=none --warmup 20 --runs 200 --export-json "$results" "${args[@]}"
echo
echo "median, whole process:"
jq -r '.results[] | "  \(.command): \(.median * 1000 * 100 | round / 100) ms"' "$results"
# The goal: the plain sheet against `cat` of the same bytes, run in turn so that both see
# the same moment of a shared machine (hyperfine runs all of one command, then the other).
echo
echo "sheet --format plain / cat of the same bytes (goal: at most 1.6):"
scripts/paired-ratio.py 1000 -- cat "$plain" -- "$bin" sheet --answers "$answers" --format plain
# Instructions do not depend on what else the machine is doing: the figure to compare changes by.
if command -v valgrind >/dev/null; then
  count=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" sheet --answers "$answers" \
    --format plain 2>&1 >/dev/null | sed -n 's/.*refs: *//p')
  echo "instructions, sheet --format plain (callgrind): $count"
fi

# What GNU time says of one run of a command: `measured FORMAT COMMAND...`.
measured() { /usr/bin/time -f "$1" "${@:2}" 2>&1 >/dev/null | tail -n 1; }
# Page faults: each costs microseconds on this machine (scripts/function-order.py).
echo "page faults: cat $(measured %R cat "$plain"), sheet --format plain $(measured %R "$bin" \
  sheet --answers "$answers" --format plain)"

echo
for format in plain html; do
  echo "peak memory, $format: $(measured %M "$bin" sheet --answers "$answers" --format "$format") KB"
done
strip -o /tmp/prepcheck-stripped "$bin"
rm -rf "$plain" "$installed"
echo "stripped release binary: $(stat -c %s /tmp/prepcheck-stripped) bytes"
