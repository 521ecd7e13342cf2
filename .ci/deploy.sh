#!/usr/bin/env bash
# CI, deployment part (called by .ci/run after the build): the production
# install and the replicas behind Caddy. Needs dist/ and build/ from
# `npm run build`. Ends with one line "N passed, N failed" that .ci/run adds
# to its totals.
#   1. production install: a copy with only package.json, the lock file, dist/
#      and build/, `npm ci --omit=dev`, then `npm run serve` serves the app
#      and `npm run admin` works, with node alone (no tsx, no vite installed)
#   2. tests/deploy: two replicas on PostgreSQL behind Caddy over HTTPS
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=${1:-"$ROOT/.tmp/ci"}
mkdir -p "$OUT"
passed=0
failed=0

echo "--- production install: npm ci --omit=dev && npm run serve"
prod=$(mktemp -d)
cp package.json package-lock.json "$prod/" && cp -r dist build "$prod/"
if (cd "$prod" && npm ci --omit=dev --no-audit --no-fund --prefer-offline >"$OUT/prod-ci.log" 2>&1); then
  if [ -e "$prod/node_modules/.bin/tsx" ] || [ -e "$prod/node_modules/vite" ]; then
    echo "npm ci --omit=dev installed dev tools"; failed=$((failed + 1))
  fi
  cd "$prod"
  PORT=18181 DATA_DIR="$prod/data" LOG_LEVEL=warn setsid npm run serve >"$OUT/prod-serve.log" 2>&1 &
  serve_pid=$!
  cd "$ROOT"
  ok=0
  for _ in $(seq 1 120); do
    kill -0 "$serve_pid" 2>/dev/null || break
    if node -e '
      Promise.all([fetch("http://127.0.0.1:18181/api/health").then((r) => r.json()), fetch("http://127.0.0.1:18181/").then((r) => r.text())])
        .then(([h, page]) => process.exit(h.status === "ok" && page.includes("<div id=\"root\"") ? 0 : 1), () => process.exit(1));
    ' 2>/dev/null; then ok=1; break; fi
    sleep 1
  done
  kill -TERM -- -"$serve_pid" 2>/dev/null # (setsid: npm and the server are one process group)
  wait "$serve_pid" 2>/dev/null
  if [ "$ok" = 1 ]; then echo "production build serves the app with node alone"; passed=$((passed + 1))
  else echo "production build did not serve:"; tail -20 "$OUT/prod-serve.log"; failed=$((failed + 1)); fi
  # the admin command on the production build (the server is stopped: PGlite has one user)
  if (cd "$prod" && DATA_DIR="$prod/data" npm run --silent admin -- create-account it@example.se >"$OUT/prod-admin.log" 2>&1) \
     && grep -q '^Password: ' "$OUT/prod-admin.log" \
     && (cd "$prod" && DATA_DIR="$prod/data" npm run --silent admin -- list-workplaces | grep 'No workplaces yet' >/dev/null); then
    echo "npm run admin works on the production build"; passed=$((passed + 1))
  else echo "npm run admin failed:"; cat "$OUT/prod-admin.log"; failed=$((failed + 1)); fi
else
  echo "npm ci --omit=dev failed:"; tail -20 "$OUT/prod-ci.log"; failed=$((failed + 1))
fi
rm -rf "$prod"

echo "--- replicas behind Caddy on PostgreSQL (tests/deploy)"
if ! command -v caddy >/dev/null 2>&1; then
  (apt-get install -y -qq caddy >/dev/null 2>&1) || echo "apt-get install caddy failed"
fi
npx vitest run --config tests/deploy/vitest.config.ts --reporter=default --reporter=json --outputFile.json="$OUT/deploy.json"
deploy_rc=$?
read -r p f < <(node -e '
  let r = null; try { r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); } catch {}
  if (!r) { console.log("0 1"); process.exit(0); }
  let f = r.numFailedTests; if (Number(process.argv[2]) !== 0 && f === 0) f = 1; if (r.numTotalTests === 0) f += 1;
  console.log(r.numPassedTests + " " + f);
' "$OUT/deploy.json" "$deploy_rc")
passed=$((passed + p)); failed=$((failed + f))

echo "$passed passed, $failed failed"
