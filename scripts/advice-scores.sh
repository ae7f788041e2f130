#!/usr/bin/env bash
# Precision and recall of the medication-advice detector on its labelled corpus
# (tests/fixtures/advice/en.tsv): runs that one unit test and prints its score line.
#   scripts/advice-scores.sh        ->  precision 1.00 recall 1.00 (n=330)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --quiet --bin prepcheck advice::tests::corpus -- --exact --nocapture 2>/dev/null \
  | grep -E '^precision [0-9.]+ recall [0-9.]+ \(n=[0-9]+\)$'
