#!/usr/bin/env bash
# Compile time of generated code, in one run: a clean `cargo build` (dev profile, a fresh
# target folder each) of a small binary using
#   1. the v1.0 crate generated from the docs, every v1.0 feature on;
#   2. the same crate with one area (`v1_0-users`, the area with the most types);
#   3. graph-rs-sdk =3.0.1 from crates.io, default features (the community SDK);
# then the times and the ratio ours/graph-rs-sdk. Dependencies are fetched before any
# timing. Not run by CI: it takes minutes; run it under `nice` and note the machine's load.
#
#   scripts/compile-time.sh [DOCS]      # DOCS defaults to ../shared/graph-docs
set -euo pipefail
cd "$(dirname "$0")/.."
docs="${1:-../shared/graph-docs}"
work="$PWD/target/compile-time"
mkdir -p "$work"

cargo build -q --release -p graph-docs-codegen
# Exit code 1 only says the docs have errors; the crate is generated all the same.
target/release/graph-docs-codegen generate --docs "$docs" --version v1.0 --out "$work/graph-crate" >/dev/null 2>&1 ||
  [ $? -eq 1 ]

# bin DIR DEPENDENCY-LINES MAIN: a standalone binary crate.
bin() {
  mkdir -p "$1/src"
  printf '[package]\nname = "%s"\nversion = "0.1.0"\nedition = "2021"\npublish = false\n\n[workspace]\n\n[dependencies]\n%s\n' \
    "$(basename "$1")" "$2" >"$1/Cargo.toml"
  printf '%s\n' "$3" >"$1/src/main.rs"
  (cd "$1" && cargo fetch -q)
}

ours_main='use graph_docs_generated::v1_0::{endpoints::Graph, User};

fn main() {
    let request = Graph::users().item("adele@contoso.com").get().into_request();
    println!("{}", request.url("https://graph.microsoft.com/v1.0"));
    let user: User = serde_json::from_str(r#"{"id": "1", "displayName": "Adele"}"#).expect("a user");
    println!("{:?}", user.display_name);
}'
ours_dependency='graph-docs-generated = { path = "../graph-crate", default-features = false, features = [%s] }
serde_json = "1"'
bin "$work/ours-all" "$(printf "$ours_dependency" '"v1_0"')" "$ours_main"
bin "$work/ours-users" "$(printf "$ours_dependency" '"v1_0-users"')" "$ours_main"
bin "$work/graph-rs-sdk" 'graph-rs-sdk = "=3.0.1"' 'fn main() {
    let client = graph_rs_sdk::Graph::new("ACCESS_TOKEN");
    let _request = client.users().list_user();
    println!("request built");
}'

# clean_build DIR NAME: sets NAME to "wall cpu", the seconds of `cargo build` into a new
# target folder (cpu: user and system time of every process, a fairer figure than wall
# time on a busy machine).
clean_build() {
  rm -rf "$1/target"
  local TIMEFORMAT='%R %U %S' times
  times=$({ time (cd "$1" && cargo build -q --offline >build.log 2>&1); } 2>&1) || {
    cat "$1/build.log" >&2
    exit 1
  }
  printf -v "$2" '%s' "$(echo "$times" | awk '{ print $1, $2 + $3 }')"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
clean_build "$work/ours-all" all
clean_build "$work/ours-users" one
clean_build "$work/graph-rs-sdk" sdk
read -r all all_cpu <<<"$all"
read -r one one_cpu <<<"$one"
read -r sdk sdk_cpu <<<"$sdk"
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
lines=$(cat "$work"/graph-crate/src/v1_0/*.rs | wc -l)
printf '%-44s %7s %7s\n' "clean build of a small binary using" "wall s" "cpu s"
printf '%-44s %7.1f %7.1f\n' "generated v1.0, all features ($lines lines)" "$all" "$all_cpu"
printf '%-44s %7.1f %7.1f\n' "generated v1.0, v1_0-users" "$one" "$one_cpu"
printf '%-44s %7.1f %7.1f\n' "graph-rs-sdk 3.0.1" "$sdk" "$sdk_cpu"
printf 'ratio all features / graph-rs-sdk: %.2f wall, %.2f cpu\n' \
  "$(awk "BEGIN { print $all / $sdk }")" "$(awk "BEGIN { print $all_cpu / $sdk_cpu }")"
