#!/usr/bin/env bash
# Proves the README's run command as a new user meets it: `bash packaging/setup.sh run` installs what is
# missing, builds, makes the demo store and opens it in the app. Here the app runs offscreen; it must load the
# demo store (its "loaded …" log line) and still be running MB_RUN_SECONDS (default 20) later.
#   bash packaging/test-run.sh
# CI runs it inside ../shared/tools/fresh-debian.sh after the tests (.ci/run).
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${MB_RUN_SECONDS:-20}
say() { echo "test-run: $*"; }
log=$(mktemp)
QT_QPA_PLATFORM=offscreen bash packaging/setup.sh run >"$log" 2>&1 &
pid=$!
stop() { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; }

loaded=""
for ((i = 0; i < 600; i++)); do
  loaded=$(grep -m1 'loaded .*demo\.merchbench' "$log")
  [ -n "$loaded" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
if [ -z "$loaded" ]; then
  stop; say "the app did not load the demo store; its output:"; tail -n 40 "$log"; exit 1
fi
say "${loaded#*: }"
sleep "$seconds"
if ! kill -0 "$pid" 2>/dev/null; then
  wait "$pid"; rc=$?
  say "the app stopped by itself (exit $rc) within $seconds s of loading; its output:"; tail -n 40 "$log"; exit 1
fi
if grep -qiE 'could not load|segmentation|abort|fatal' "$log"; then
  stop; say "the app reported a problem:"; grep -iE 'could not load|segmentation|abort|fatal' "$log"; exit 1
fi
stop
say "passed: the app opened the demo store and kept running for $seconds s"
