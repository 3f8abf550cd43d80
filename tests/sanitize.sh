#!/usr/bin/env bash
# The sanitizer stage of CI: one clang build with AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer
# coverage on every target (-DMB_FUZZ=ON, see cmake/CommonConfig.cmake) serves two runs:
#   1. every Qt Test (ctest) under ASan/UBSan, with leak detection: any report fails the test;
#   2. every libFuzzer target in tests/fuzz for MB_FUZZ_SECONDS (default 60) with coverage feedback from the
#      whole engine, starting from its seed corpus in tests/data: any crash, sanitizer report, leak, or
#      time-out fails.
#
#   bash tests/sanitize.sh                       # install what is missing, build, test, fuzz
#   MB_FUZZ_SECONDS=300 bash tests/sanitize.sh   # fuzz longer
#   bash tests/sanitize.sh build|test|fuzz       # one phase (test and fuzz need the build)
#
# Environment: MB_SAN_BUILD_DIR (default build-san), MB_FUZZ_SECONDS (60), MB_JOBS (nproc: build and ctest
# parallelism), MB_FUZZ_PARALLEL (nproc: fuzzers run side by side, each on one core), CXX_SAN (clang++).
# A crashing fuzz input is kept as $MB_SAN_BUILD_DIR/fuzz-artifacts/<target>-crash-*; replay it with
# `$MB_SAN_BUILD_DIR/tests/<target> FILE`.
set -euo pipefail
cd "$(dirname "$0")/.."
src_dir=$PWD
phase=${1:-all}
build_dir=${MB_SAN_BUILD_DIR:-build-san}
fuzz_seconds=${MB_FUZZ_SECONDS:-60}
jobs=${MB_JOBS:-$(nproc)}
fuzz_parallel=${MB_FUZZ_PARALLEL:-$(nproc)}
cxx=${CXX_SAN:-clang++}
case "$phase" in all|build|test|fuzz) ;; *) echo "usage: $0 [all|build|test|fuzz]" >&2; exit 1 ;; esac

now() { date +%s; }
elapsed() { local s=$(( $(now) - $1 )); printf '%dm%02ds' $((s / 60)) $((s % 60)); }
# CPU seconds used so far by finished child processes (the compilers, the tests, the fuzzers), into
# $child_cpu: with the wall time it tells a busy shared machine from a slow phase. (`times` must run in
# this shell, not in a pipeline's or a $(...)'s subshell, hence the file and the variable.)
times_file=$(mktemp)
trap 'rm -f "$times_file"' EXIT
child_cpu=0
measure_cpu() {
  times >"$times_file"
  child_cpu=$(awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d", u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$times_file")
}
# took[phase] = "<wall> wall, <cpu> CPU" since the phase's start time and CPU reading.
phase_done() {
  local phase=$1 start=$2 cpu0=$3 c
  measure_cpu
  c=$(( child_cpu - cpu0 ))
  took[$phase]="$(elapsed "$start") wall, $((c / 60))m$(printf '%02d' $((c % 60)))s CPU"
}
declare -A took=()

# --- Tools --------------------------------------------------------------------------------------------
# clang with its sanitizer and libFuzzer runtimes, llvm-symbolizer for readable stacks, lld for fast links
# (optional: CMake falls back to the default linker). The Qt, SQLite
# and Eigen development packages are packaging/setup.sh's list.
install_missing() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "sanitize: installing missing packages: ${missing[*]}"
  local sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
if [ "$phase" = all ] || [ "$phase" = build ]; then
  install_missing clang libclang-rt-14-dev llvm lld
  for p in qt6-base-dev qt6-charts-dev qt6-svg-dev libsqlite3-dev libeigen3-dev libxlsxwriter-dev cmake ninja-build; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      bash packaging/setup.sh deps
      break
    fi
  done
fi
symbolizer=$(command -v llvm-symbolizer || command -v llvm-symbolizer-14 || true)

# --- Sanitizer settings (the test run and the fuzzers share them) --------------------------------------
# halt_on_error: the first report ends the process with a failure. detect_leaks: LeakSanitizer at exit
# (and after fuzz inputs); tests/lsan.supp lists the only leaks tolerated, all inside Qt or system
# libraries. UBSan aborts on its first finding (the build has -fno-sanitize-recover=undefined).
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:check_initialization_order=1:detect_odr_violation=2${symbolizer:+:external_symbolizer_path=$symbolizer}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:report_error_type=1${symbolizer:+:external_symbolizer_path=$symbolizer}"
export LSAN_OPTIONS="suppressions=$src_dir/tests/lsan.supp:print_suppressions=0"
[ -n "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH="$symbolizer"
export QT_QPA_PLATFORM=offscreen

# --- Build ---------------------------------------------------------------------------------------------
# -O1: ASan's recommendation (fast enough to run the real data sets, stacks still exact); line tables only,
# which is all a stack trace needs and much cheaper to compile and link than full debug information.
if [ "$phase" = all ] || [ "$phase" = build ]; then
  start=$(now); measure_cpu; cpu=$child_cpu
  launcher=()
  command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" -DMB_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" \
    "${launcher[@]}" >/dev/null
  cmake --build "$build_dir" -j "$jobs"
  phase_done build "$start" "$cpu"
  echo "sanitize: build done in ${took[build]}"
fi

status=0

# --- Qt Tests under ASan/UBSan -------------------------------------------------------------------------
if [ "$phase" = all ] || [ "$phase" = test ]; then
  start=$(now); measure_cpu; cpu=$child_cpu
  if ctest --test-dir "$build_dir" --output-on-failure -j "$jobs"; then
    test_result=passed
  else
    test_result=FAILED
    status=1
  fi
  phase_done test "$start" "$cpu"
  echo "sanitize: ctest under ASan/UBSan $test_result in ${took[test]}"
fi

# --- libFuzzer targets ---------------------------------------------------------------------------------
# tests/CMakeLists.txt writes the list: target, binary, seed corpus, -max_len. New inputs go to a per-target
# working corpus in the build directory (kept between runs, so a longer CI history fuzzes deeper); the
# seeds are only read.
fuzz_summary=()
if [ "$phase" = all ] || [ "$phase" = fuzz ]; then
  start=$(now); measure_cpu; cpu=$child_cpu
  manifest="$build_dir/tests/fuzz-targets.txt"
  [ -f "$manifest" ] || { echo "sanitize: $manifest is missing: build first (MB_FUZZ=ON)" >&2; exit 1; }
  mkdir -p "$build_dir/fuzz-logs" "$build_dir/fuzz-artifacts"
  names=() pids=()
  run_fuzzer() {  # name binary seeds max_len
    local name=$1 bin=$2 seeds=$3 max_len=$4 corpus="$build_dir/fuzz-corpus/$1"
    mkdir -p "$corpus"
    "$bin" "$corpus" "$seeds" -max_total_time="$fuzz_seconds" -max_len="$max_len" -timeout=30 -rss_limit_mb=3072 \
      -print_final_stats=1 -artifact_prefix="$build_dir/fuzz-artifacts/$name-" >"$build_dir/fuzz-logs/$name.log" 2>&1
  }
  report_fuzzer() {  # name rc
    local name=$1 rc=$2 log="$build_dir/fuzz-logs/$1.log" counters execs cov ft corpus_size result
    counters=$(grep -m1 -o '([0-9]* inline 8-bit counters)' "$log" | sed 's/^(\([0-9]*\) .*/\1/' || true)
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tr -dc '0-9' || true)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | tr -dc '0-9' || true)
    ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | tr -dc '0-9' || true)
    corpus_size=$(find "$build_dir/fuzz-corpus/$name" -type f | wc -l)
    if [ "$rc" -eq 0 ]; then result=ok; else result="FAILED (exit $rc; log $log)"; status=1; fi
    fuzz_summary+=("$(printf '%-20s %8s counters  %9s execs  cov %5s  ft %6s  corpus %5s  %s' \
      "$name" "${counters:-?}" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$corpus_size" "$result")")
    if [ "$rc" -ne 0 ]; then
      echo "sanitize: $name failed; the end of its log:" >&2
      tail -n 60 "$log" >&2
    fi
  }
  while read -r name bin seeds max_len; do
    case "$name" in ''|'#'*) continue ;; esac
    echo "sanitize: fuzzing $name for ${fuzz_seconds}s (seeds $seeds, max_len $max_len)"
    run_fuzzer "$name" "$bin" "$seeds" "$max_len" &
    names+=("$name") pids+=($!)
    if [ ${#pids[@]} -ge "$fuzz_parallel" ]; then
      rc=0; wait "${pids[0]}" || rc=$?
      report_fuzzer "${names[0]}" "$rc"
      names=("${names[@]:1}") pids=("${pids[@]:1}")
    fi
  done <"$manifest"
  for i in "${!pids[@]}"; do
    rc=0; wait "${pids[$i]}" || rc=$?
    report_fuzzer "${names[$i]}" "$rc"
  done
  phase_done fuzz "$start" "$cpu"
fi

# --- Summary -------------------------------------------------------------------------------------------
echo
echo "sanitize: summary"
[ -n "${took[build]:-}" ] && echo "  build (clang, ASan+UBSan+fuzzer-no-link, -j$jobs): ${took[build]}"
[ -n "${took[test]:-}" ] && echo "  ctest under ASan/UBSan/LSan (-j$jobs): $test_result, ${took[test]}"
if [ -n "${took[fuzz]:-}" ]; then
  echo "  fuzzing, ${fuzz_seconds}s per target, $fuzz_parallel at a time: ${took[fuzz]}"
  for line in "${fuzz_summary[@]}"; do echo "    $line"; done
fi
if [ "$status" -eq 0 ]; then echo "sanitize: all clean"; else echo "sanitize: FAILED" >&2; fi
exit "$status"
