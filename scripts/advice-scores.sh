#!/usr/bin/env bash
# Precision and recall of the medication-advice detector on its labelled corpora
# (tests/fixtures/advice/en.tsv, tests/fixtures/advice/es.tsv): runs those unit tests and
# prints their score lines, English first.
#   scripts/advice-scores.sh   ->  en precision 1.00 recall 1.00 (n=330)
#                                  es precision 1.00 recall 1.00 (n=324)
set -euo pipefail
cd "$(dirname "$0")/.."
for lang in en es; do
  test=advice::tests::corpus
  [ "$lang" = en ] || test="${test}_$lang"
  line=$(cargo test --quiet --lib "$test" -- --exact --nocapture 2>/dev/null \
    | grep -E '^precision [0-9.]+ recall [0-9.]+ \(n=[0-9]+\)$')
  echo "$lang $line"
done
