#!/usr/bin/env bash
# Do our Flesch-Kincaid grades (src/reading.rs) agree with the reference tool
# (shared/tools/reading-level, Python textstat 0.7.3)? Recomputes the reference grade of every
# sentence in tests/fixtures/reading/sentences.txt and of the built-in checklist, then prints
# ours vs theirs for each and the biggest difference (it fails if one is over 1.0).
#   scripts/reading-agreement.sh            compare
#   scripts/reading-agreement.sh --update   also write the new reference grades into the
#                                           fixture and into the checklist test
# READING_LEVEL=PATH names the reference tool; by default shared/ beside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

update=false
if [ "${1:-}" = "--update" ]; then update=true; fi

common=$(cd "$(git rev-parse --git-common-dir)/.." && pwd)
tool=${READING_LEVEL:-$(dirname "$common")/shared/tools/reading-level}
[ -x "$tool" ] || { echo "no reference tool at $tool (set READING_LEVEL)" >&2; exit 2; }

fixture=tests/fixtures/reading/sentences.txt
checklist=checklists/intrathecal-pump.yaml
fresh=$(mktemp)
trap 'rm -f "$fresh"' EXIT

# "-: Flesch-Kincaid grade 2.9, SMOG ..., 5 words" -> 2.9
fk() { sed -n 's/.*Flesch-Kincaid grade \(-\{0,1\}[0-9.]*\),.*/\1/p'; }

while IFS= read -r line; do
  case "$line" in
    '#'* | '') printf '%s\n' "$line" >>"$fresh"; continue ;;
  esac
  sentence=${line#*$'\t'}
  grade=$(printf '%s' "$sentence" | "$tool" - | fk)
  printf '%s\t%s\n' "$grade" "$sentence" >>"$fresh"
done <"$fixture"
checklist_grade=$("$tool" "$checklist" | fk)

READING_SENTENCES="$fresh" READING_CHECKLIST="$checklist_grade" \
  cargo test --quiet --lib reading::tests::agreement_report -- \
  --ignored --exact --nocapture 2>&1 | grep -v '^running \|^test \|^\.*$'

if $update; then
  cp "$fresh" "$fixture"
  sed -i "s/^\(    const CHECKLIST_REFERENCE: f64 = \).*;/\1$checklist_grade;/" src/reading.rs
  echo "updated $fixture and CHECKLIST_REFERENCE ($checklist_grade) in src/reading.rs"
fi
