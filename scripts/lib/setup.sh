# Sourced by scripts/test and scripts/demo: installs what a fresh clone needs, each step only when needed.
# npm packages (node_modules), the TypeScript build (dist/) and the toolchain (cached outside the repository).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

step() { printf '\n== %s\n' "$*" >&2; }

if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  step "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi
node scripts/link-self.js

step "compiling TypeScript"
npm run --silent build

step "toolchain (built once per version into ${PULUMI_PHOTON_CACHE:-$HOME/.cache/pulumi-photon})"
scripts/toolchain
