#!/usr/bin/env bash
# Build the release binary as it is shipped (scripts/deb.sh) and measured (scripts/bench.sh),
# and print its path. On Linux with glibc it is linked statically and is not
# position-independent: the kernel maps it and it runs, with no dynamic loader, no shared
# libraries to map and no relocations to apply first. That start-up was over a third of what
# `prepcheck sheet` took (1.68 ms -> 1.27 ms, scripts/bench.sh). Elsewhere it is the plain
# `cargo build --release`.
#   scripts/release-build.sh     -> target/HOST/release/prepcheck (or target/release/prepcheck)
set -euo pipefail
cd "$(dirname "$0")/.."
host=$(rustc -vV | sed -n 's/^host: //p')
case "$host" in
  *-linux-gnu)
    # With --target, RUSTFLAGS reach only the binary's code, not the build scripts and
    # procedural macros, which must stay shared objects.
    RUSTFLAGS="-C target-feature=+crt-static -C relocation-model=static" \
      cargo build --release --locked --quiet --target "$host"
    echo "target/$host/release/prepcheck"
    ;;
  *)
    cargo build --release --locked --quiet
    echo "target/release/prepcheck"
    ;;
esac
