#!/usr/bin/env bash
# Precision and recall of the medication-advice detector, and the share of harmless
# sentences it rejects, on its labelled corpora in both languages: the tuning corpus
# (tests/fixtures/advice/en.tsv, es.tsv) and the held-out corpus written before issue 22
# and never tuned against (heldout-en.tsv, heldout-es.tsv; see HELDOUT.md), and the second
# held-out set written after that tuning (heldout2-en.tsv, heldout2-es.tsv). Each sentence is
# read as `check` reads a line of an item that asks about medicines. Runs those unit tests
# and prints their score lines:
#   scripts/advice-scores.sh   ->  en tuning    precision 1.00 recall 1.00 harmless-rejected 0.00 (n=...)
#                                  en held-out  precision ... recall ... harmless-rejected ... (n=153)
#                                  en held-out2 ...
#                                  es tuning    ...
# The held-out tests fail below the goals (recall >= 0.97, harmless rejected <= 0.02); their
# score line is printed either way.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --quiet --lib --no-run 2>/dev/null
for lang in en es; do
  suffix=""
  [ "$lang" = en ] || suffix="_$lang"
  for set in tuning held-out held-out2; do
    case $set in
      tuning) test=advice::tests::corpus$suffix ;;
      held-out) test=advice::tests::held_out$suffix ;;
      held-out2) test=advice::tests::held_out_second$suffix ;;
    esac
    line=$(cargo test --quiet --lib "$test" -- --exact --nocapture 2>/dev/null \
      | grep -m1 -E '^precision [0-9.]+ recall [0-9.]+ harmless-rejected [0-9.]+ \(n=[0-9]+\)$' || true)
    printf '%s %-10s %s\n' "$lang" "$set" "${line:-(no score: the test did not run)}"
  done
done
