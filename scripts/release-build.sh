#!/usr/bin/env bash
# Build the release binary as it is shipped (scripts/deb.sh) and measured (scripts/bench.sh),
# and print its path. On Linux with glibc it is linked statically and is not
# position-independent: the kernel maps it and it runs, with no dynamic loader, no shared
# libraries to map and no relocations to apply first. That start-up was over a third of what
# `prepcheck sheet` took (1.68 ms -> 1.27 ms, scripts/bench.sh). Its functions are laid out
# in the order a sheet first runs them (scripts/function-order.txt, made by
# scripts/function-order.py): 37 fewer page faults a run. Elsewhere it is the plain
# `cargo build --release`.
#   scripts/release-build.sh     -> target/HOST/release/prepcheck (or target/release/prepcheck)
set -euo pipefail
cd "$(dirname "$0")/.."
host=$(rustc -vV | sed -n 's/^host: //p')
case "$host" in
  *-linux-gnu)
    # With --target, RUSTFLAGS reach only the binary's code, not the build scripts and
    # procedural macros, which must stay shared objects.
    export RUSTFLAGS="-C target-feature=+crt-static -C relocation-model=static"
    minor=$(rustc --version | sed -n 's/^rustc 1\.\([0-9]*\).*/\1/p')
    if [ "${minor:-0}" -lt 90 ]; then # before 1.90, the linker is not lld
      cargo build --release --locked --quiet --target "$host"
      echo "target/$host/release/prepcheck"
      exit
    fi
    # The functions a sheet runs, side by side (scripts/function-order.py says why), and
    # the linker's map of where each went, to check the list against.
    release="target/$host/release"
    cargo rustc --release --locked --quiet --target "$host" --bin prepcheck -- \
      -C link-arg=-Wl,--symbol-ordering-file=scripts/function-order.txt \
      -C link-arg=-Wl,--no-warn-symbol-ordering \
      -C link-arg=-Wl,--no-demangle -C link-arg=-Wl,-Map="$release/prepcheck.map"
    read -r found listed < <(awk 'NR == FNR { listed++; want[$0] = 1; next }
      ($NF in want) && !($NF in seen) { seen[$NF] = 1; found++ }
      END { print found + 0, listed + 0 }' scripts/function-order.txt "$release/prepcheck.map")
    if [ $((found * 10)) -lt $((listed * 9)) ]; then
      echo "release-build: only $found of the $listed functions in scripts/function-order.txt" \
        "are in this build (a new toolchain or dependency?): run scripts/function-order.py" >&2
    fi
    echo "$release/prepcheck"
    ;;
  *)
    cargo build --release --locked --quiet
    echo "target/release/prepcheck"
    ;;
esac
