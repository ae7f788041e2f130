#!/usr/bin/env bash
# Build the Debian package: the release binary, its manual page and shell completions (made
# by the binary itself, from the same clap definition as the commands), the README and the
# change log. Needs cargo-deb (`cargo install cargo-deb --locked --no-default-features`).
#   scripts/deb.sh        -> target/debian/prepcheck_VERSION-1_ARCH.deb (its path printed)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
assets=target/deb-assets
mkdir -p "$assets"
bin=target/release/prepcheck
"$bin" man >"$assets/prepcheck.1"
"$bin" completions bash >"$assets/prepcheck.bash"
"$bin" completions zsh >"$assets/_prepcheck"
"$bin" completions fish >"$assets/prepcheck.fish"
cargo deb --no-build --quiet
