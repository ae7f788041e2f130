#!/usr/bin/env bash
# Build the Debian package: the release binary, its manual page and shell completions (made
# by the binary itself, from the same clap definition as the commands), the README and the
# change log. The binary is the one scripts/release-build.sh makes (statically linked on
# Linux). Needs cargo-deb (`cargo install cargo-deb --locked --no-default-features`).
#   scripts/deb.sh        -> target/debian/prepcheck_VERSION-1_ARCH.deb (its path printed)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(scripts/release-build.sh)
assets=target/deb-assets
mkdir -p "$assets"
"$bin" man >"$assets/prepcheck.1"
"$bin" completions bash >"$assets/prepcheck.bash"
"$bin" completions zsh >"$assets/_prepcheck"
"$bin" completions fish >"$assets/prepcheck.fish"
# cargo-deb takes the binary from target/TRIPLE/release/ when given --target.
target=$(basename "$(dirname "$(dirname "$bin")")")
if [ "$target" = target ]; then
  cargo deb --no-build --quiet
else
  cargo deb --no-build --quiet --target "$target"
fi
