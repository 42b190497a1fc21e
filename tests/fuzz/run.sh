#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for a while over seed
# corpora made from tests/data. Not part of packaging/test.sh.
#
#   tests/fuzz/run.sh                 # every target, 60 s each
#   FUZZ_SECONDS=600 tests/fuzz/run.sh fuzz_arxiv_rss fuzz_backup
#
# Environment: FUZZ_SECONDS (per target, default 60), FUZZ_BUILD_DIR (default build-fuzz),
# FUZZ_JOBS (build parallelism, default 2), FUZZ_MAX_LEN (longest input, default 262144; the
# whole-feed seeds make RSS/JSONL/detection slow; with 16384 they ran 10-60x as many inputs
# in the same 180 s, so run both). Crashes land in $FUZZ_BUILD_DIR/artifacts/TARGET/;
# keep each in tests/fuzz/regressions/TARGET/ with a test in tests/unit/tst_fuzz_regressions.cpp. The
# summary (also in $FUZZ_BUILD_DIR/fuzz-summary.txt) gives executions, coverage and findings.
# Exits 1 when any target found a crash or could not run. Run it under nice on a shared machine.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="$root/tests/data"
# Absolute: each target runs inside its own work folder.
build="$(realpath -m "${FUZZ_BUILD_DIR:-$root/build-fuzz}")"
seconds="${FUZZ_SECONDS:-60}"

command -v clang++ >/dev/null || { echo "run.sh: needs clang (apt-get install clang libclang-rt-dev)" >&2; exit 1; }
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ "${launcher[@]}" -DPAPERBOY_FUZZ=ON \
    -DPAPERBOY_BUILD_TESTS=OFF -DPAPERBOY_BUILD_BENCH=OFF >/dev/null
CCACHE_BASEDIR="$root" cmake --build "$build" --target fuzz_targets -j "${FUZZ_JOBS:-2}"

# Seeds per target: the recorded responses of its format (and, for detection, all of them).
seeds_for() {
    case "$1" in
        fuzz_digest_text) echo "$data"/digest-text/* ;;
        fuzz_arxiv_atom) echo "$data"/arxiv-api/*.xml ;;
        fuzz_arxiv_rss) echo "$data"/arxiv-rss/* ;;
        fuzz_oai_pmh) echo "$data"/oai-pmh/*.xml ;;
        fuzz_hf_daily) echo "$data"/hf-daily/* ;;
        fuzz_digest_jsonl) echo "$data"/digest-json/* ;;
        fuzz_arxiv_snapshot) echo "$data"/arxiv-snapshot/* ;;
        fuzz_format_detect) echo "$data"/*/*.xml "$data"/*/*.json* "$data"/digest-text/* ;;
        fuzz_tex_text) echo "$data"/digest-text/* "$data"/arxiv-snapshot/* ;;
        fuzz_tex_math) echo "$data"/arxiv-snapshot/* ;;
        *) ;;
    esac
    [ -d "$here/seeds/${1#fuzz_}" ] && echo "$here/seeds/${1#fuzz_}"/*
    # Past findings (tests/unit/tst_fuzz_regressions.cpp replays them) start every run.
    [ -d "$here/regressions/$1" ] && echo "$here/regressions/$1"/*
    return 0
}

dict_for() {
    case "$1" in
        fuzz_arxiv_atom | fuzz_arxiv_rss | fuzz_oai_pmh) echo "$here/dicts/xml.dict" ;;
        fuzz_hf_daily | fuzz_digest_jsonl | fuzz_arxiv_snapshot | fuzz_backup) echo "$here/dicts/json.dict" ;;
        fuzz_digest_text) echo "$here/dicts/digest_text.dict" ;;
        fuzz_search_query) echo "$here/dicts/search_query.dict" ;;
        fuzz_tex_math) echo "$here/dicts/tex_math.dict" ;;
        fuzz_http_dates) echo "$here/dicts/http_dates.dict" ;;
        *) ;;
    esac
}

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for f in "$here"/fuzz_*.cpp; do targets+=("$(basename "$f" .cpp)"); done
fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
found=0
summary=()
for target in "${targets[@]}"; do
    corpus="$build/corpus/$target"
    artifacts="$build/artifacts/$target"
    work="$build/work/$target"
    mkdir -p "$corpus" "$artifacts" "$work"
    for seed in $(seeds_for "$target"); do
        [ -f "$seed" ] && cp -n "$seed" "$corpus/" 2>/dev/null || true
    done
    dict=()
    d="$(dict_for "$target")"
    [ -n "$d" ] && [ -f "$d" ] && dict=(-dict="$d")
    log="$build/$target.log"
    # Only what this run leaves in the artifact folder is a finding; older files stay for the
    # regression tests they became.
    marker="$work/started"
    touch "$marker"
    echo "== $target: ${seconds}s over $(ls "$corpus" | wc -l) inputs"
    set +e
    # -jobs=1: one worker process on one core, its log copied into ours when it ends; the
    # worker writes fuzz-0.log into the current folder, hence the per-target work folder.
    (cd "$work" && "$build/tests/fuzz/$target" "$corpus" "${dict[@]}" -jobs=1 \
        -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-262144}" -rss_limit_mb=4096 -timeout=20 \
        -print_final_stats=1 -artifact_prefix="$artifacts/") >"$log" 2>&1
    rc=$?
    set -e
    # A crashed or failed run lacks some of these lines: no match must not end the script.
    execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+$' || true)
    rate=$(grep -Eo 'stat::average_exec_per_sec: *[0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+$' || true)
    last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 || true)
    cov=$(grep -Eo 'cov: [0-9]+' <<<"$last" | grep -Eo '[0-9]+' || true)
    ft=$(grep -Eo 'ft: [0-9]+' <<<"$last" | grep -Eo '[0-9]+' || true)
    corp=$(grep -Eo 'corp: [0-9]+' <<<"$last" | grep -Eo '[0-9]+' || true)
    new=$(find "$artifacts" -type f -newer "$marker" -printf '%f ')
    line=$(printf '%-20s %10s execs %6s/s  cov %5s  ft %6s  corpus %5s' "$target" \
        "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}")
    if [ -n "$new" ]; then
        found=1
        summary+=("$line  FOUND: $new")
        grep -E 'ERROR|SUMMARY|fuzz check failed|runtime error' "$log" | head -5 || true
    elif [ $rc -ne 0 ]; then
        # No input to blame: the fuzzer itself did not run (a bad dictionary, a missing
        # binary, a bad flag). Say so instead of reporting a finding.
        found=1
        why=$(grep -E 'ParseDictionaryFile|ERROR|error|No such file' "$log" | head -1 || true)
        summary+=("$line  FAILED (exit $rc, no input saved): ${why:-see $log}")
    else
        summary+=("$line  ok")
    fi
done
echo
printf '%s\n' "${summary[@]}" | tee "$build/fuzz-summary.txt"
exit $found
