#!/usr/bin/env bash
# Start-up time of one Kadence function jar, plain vs with its AOT cache, and its memory under a memory limit:
#
#   functions/startup-benchmark.sh [--runs N] [--requests N] [--limit-mib N] [--no-memory] [--no-startup] [--peer DIR] <function.jar> <cache.aot>
#
# Start-up: N runs (default 7) of each mode, alternating plain/cached, same jar, same flags (functions/jvm-flags.txt);
# each run times process start -> the first HTTP 2xx answer to a real request, polled every 5 ms:
#   task-crud: POST /api/v1/tasks, the peer's request, with a token of task-crud's (KADENCE_TOKEN or
#   KADENCE_TASK_CRUD_URL, as aot-cache.sh) (201); recurrence-handler: POST /events
#   dev.kadence.task.completed (200); reminder-fire: POST /events dev.kadence.task.updated (200);
#   notify: POST /events dev.kadence.task.changed (200); assistant: POST /api/v1/quick-add/parse with a token of
#   task-crud's (KADENCE_TOKEN or KADENCE_TASK_CRUD_URL, as aot-cache.sh) (200). /health is not used: it is not a real
#   request.
# Prints min / median / max per mode and cached/plain of the medians (the budget is <= 1/3).
# --peer DIR: also time, in each run, the Spring Boot peer's cached start (DESIGN §8's yardstick) from DIR, a copy of
# ../shared/bench whose infrastructure is up (infra/up.sh) and whose AOT cache is made (RUNS=1 ./measure-peer.sh
# jdk25-extracted-aot): extracted jar + AOT cache, process start -> the first 2xx of its POST /api/v1/tasks; prints
# cached/peer of the medians (the budget is <= 0.3).
# When <cache.aot> does not exist it is made first with functions/aot-cache.sh.
#
# Memory: one run with the cache inside a memory cgroup limited to --limit-mib MiB (default 128) (cgroup v2 memory.max, else cgroup v1
# memory.limit_in_bytes; needs root), then --requests (default 400) requests of the training workload, 8 in parallel;
# prints the process's peak RSS (VmHWM), the cgroup's peak, and whether anything was OOM-killed.
#
# Environment: as functions/aot-cache.sh (KADENCE_DB_URL, KADENCE_DB_USER, KADENCE_DB_PASSWORD,
# KADENCE_SINKS_TASK_EVENTS, KADENCE_SINKS_TASK_UPDATES, KADENCE_SINKS_REMINDERS, KADENCE_JWT_SECRET; JAVA_HOME, DAPR_HTTP_PORT, KADENCE_MIGRATE=true to apply the schema
# migrations once first, as aot-cache.sh; no function runs them at start).
set -euo pipefail

source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/aot-cache.sh"

RUNS=7
PEER=""
REQUESTS=400
PARALLEL=8
MEMORY=1
STARTUP=1
LIMIT_BYTES=$((128 * 1024 * 1024))
PIDS=()
CGROUP=""

cleanup() {
    local pid i
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    # A JVM thrashing at its memory limit can take long to stop: SIGKILL after 10 s.
    for pid in "${PIDS[@]}"; do
        for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    if [[ -n "$CGROUP" && -d "$CGROUP" ]]; then rmdir "$CGROUP" 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 143' TERM INT

# One timed start: sets MS to the milliseconds from fork to the first 2xx of the real request.
timed_start() {
    local fn=$1 jar=$2 mode=$3 aot=$4 port extra=()
    [[ $mode == cached ]] && extra=(-XX:AOTMode=on -XX:AOTCache="$aot")
    port=$(free_port 18180)
    time_to_first_2xx "$fn ($mode)" "$WORK/$fn-$mode.log" "real_request $fn http://127.0.0.1:$port" \
        env PORT="$port" "$JAVA" "${JVM_FLAGS[@]}" "${extra[@]}" -jar "$jar"
}

# One timed start of the Spring Boot peer (extracted, AOT cache) from $PEER: sets MS as timed_start does.
timed_peer_start() {
    local app=$PEER/spring-peer/target/aot port
    port=$(free_port 18380)
    time_to_first_2xx "the peer" "$WORK/peer.log" "peer_request http://127.0.0.1:$port" \
        env PORT="$port" "$JAVA" -XX:AOTCache="$app/peer.aot" -jar "$app/app/spring-peer-0.1.0.jar"
}

# The peer's real request (the one ../shared/bench times): a task with two tags, stored and published.
peer_request() {
    curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST "$1/api/v1/tasks" -H 'Content-Type: application/json' \
        -d '{"title":"cold start probe","priority":"high","tags":["bench","coldstart"]}' || true
}

# time_to_first_2xx <what> <log> <request command> <command...>: starts the command, runs the request command every
# 5 ms until it prints a 2xx status, stops the process; sets MS to the milliseconds from fork to that answer.
time_to_first_2xx() {
    local what=$1 logfile=$2 request=$3 pid start end code
    shift 3
    start=$(date +%s%N)
    "$@" >"$logfile" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    while :; do
        code=$($request)
        [[ $code == 2* ]] && break
        kill -0 "$pid" 2>/dev/null || { tail -20 "$logfile" >&2; die "$what exited before answering"; }
        (($(date +%s%N) - start < 120000000000)) || die "$what did not answer in 120 s"
        sleep 0.005
    done
    end=$(date +%s%N)
    kill -TERM "$pid"
    wait "$pid" 2>/dev/null || true
    PIDS=()
    MS=$(((end - start) / 1000000))
}

# The peer's settings, exported for its starts: its infrastructure's (infra/up.sh writes them to /tmp/bench-infra/env.sh).
peer_env() {
    [[ -s $PEER/spring-peer/target/aot/peer.aot ]] || die "no peer AOT cache in $PEER: run RUNS=1 ./measure-peer.sh jdk25-extracted-aot there"
    [[ -r /tmp/bench-infra/env.sh ]] || die "the peer's infrastructure is not up: run $PEER/infra/up.sh"
    # shellcheck disable=SC1091
    source /tmp/bench-infra/env.sh   # JDBC_URL (the peer's database), JDBC_USER, JDBC_PASSWORD, KAFKA_BOOTSTRAP
}

# min median max of the numbers given
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2); print a[1], m, a[NR]}'; }

startup() {
    local fn=$1 jar=$2 aot=$3 i ms MS plain=() cached=() peer=() p c r
    log startup "$fn: $RUNS runs each, plain and cached${PEER:+ and the peer cached} alternating; flags: ${JVM_FLAGS[*]}"
    for ((i = 1; i <= RUNS; i++)); do
        timed_start "$fn" "$jar" plain "$aot"; ms=$MS; plain+=("$ms")
        log run "$fn #$i plain  ${ms} ms"
        timed_start "$fn" "$jar" cached "$aot"; ms=$MS; cached+=("$ms")
        log run "$fn #$i cached ${ms} ms"
        if [[ -n $PEER ]]; then
            timed_peer_start; ms=$MS; peer+=("$ms")
            log run "peer #$i cached ${ms} ms"
        fi
    done
    read -r -a p <<<"$(stats "${plain[@]}")"
    read -r -a c <<<"$(stats "${cached[@]}")"
    printf '\n%-20s %-7s %5s %9s %9s %9s   %s\n' function mode runs "min ms" "median ms" "max ms" "all (ms)"
    printf '%-20s %-7s %5s %9s %9s %9s   %s\n' "$fn" plain "$RUNS" "${p[0]}" "${p[1]}" "${p[2]}" "${plain[*]}"
    printf '%-20s %-7s %5s %9s %9s %9s   %s\n' "$fn" cached "$RUNS" "${c[0]}" "${c[1]}" "${c[2]}" "${cached[*]}"
    if [[ -n $PEER ]]; then
        read -r -a r <<<"$(stats "${peer[@]}")"
        printf '%-20s %-7s %5s %9s %9s %9s   %s\n' spring-peer cached "$RUNS" "${r[0]}" "${r[1]}" "${r[2]}" "${peer[*]}"
    fi
    awk -v c="${c[1]}" -v p="${p[1]}" 'BEGIN { r = c / p; printf "cached/plain (medians) = %.2f — budget <= 0.33: %s\n", r, (r <= 1/3) ? "met" : "NOT met" }'
    if [[ -n $PEER ]]; then
        awk -v c="${c[1]}" -v p="${r[1]}" 'BEGIN { r = c / p; printf "cached/peer cached (medians) = %.2f — budget <= 0.3: %s\n", r, (r <= 0.3) ? "met" : "NOT met" }'
    fi
    echo
}

# Creates a memory cgroup limited to LIMIT_BYTES under this shell's own cgroup; sets CGROUP and CGROUP_VERSION.
make_cgroup() {
    local own
    own=$(awk -F: '$1 == "0" {print $3}' /proc/self/cgroup)
    if [[ -f /sys/fs/cgroup/cgroup.controllers ]] && grep -qw memory "/sys/fs/cgroup$own/cgroup.controllers" 2>/dev/null; then
        CGROUP=/sys/fs/cgroup$own/kadence-bench-$$ CGROUP_VERSION=2
        mkdir "$CGROUP" && echo "$LIMIT_BYTES" >"$CGROUP/memory.max" && echo 0 >"$CGROUP/memory.swap.max" 2>/dev/null || true
    elif [[ -d /sys/fs/cgroup/memory ]]; then
        own=$(awk -F: '$2 == "memory" {print $3}' /proc/self/cgroup)
        CGROUP=/sys/fs/cgroup/memory$own/kadence-bench-$$ CGROUP_VERSION=1
        mkdir "$CGROUP" && echo "$LIMIT_BYTES" >"$CGROUP/memory.limit_in_bytes"
        echo "$LIMIT_BYTES" >"$CGROUP/memory.memsw.limit_in_bytes" 2>/dev/null || true
    else
        die "no memory cgroup (v2 or v1) to limit the function in"
    fi
    [[ -d "$CGROUP" ]] || die "could not create $CGROUP (root needed)"
    log cgroup "v$CGROUP_VERSION $CGROUP, limit $LIMIT_BYTES bytes"
}

cgroup_peak() { if [[ $CGROUP_VERSION == 2 ]]; then cat "$CGROUP/memory.peak" 2>/dev/null || echo "?"; else cat "$CGROUP/memory.max_usage_in_bytes"; fi; }
cgroup_ooms() {
    if [[ $CGROUP_VERSION == 2 ]]; then awk '$1 == "oom_kill" {print $2}' "$CGROUP/memory.events"
    else awk '$1 == "oom_kill" {print $2}' "$CGROUP/memory.oom_control"; fi
}

memory() {
    local fn=$1 jar=$2 aot=$3 port pid base token="" hwm rss anon alive codes ok total start total_rounds w i
    make_cgroup
    # Drop the jar's and the cache's pages from the page cache so that, as in a fresh container, they are read
    # (and charged) inside the limited cgroup; cgroup v1 charges a cached page to the cgroup that first read it.
    # fsync first: a cache file just written by the training run is still dirty, and dirty pages are not dropped.
    # The JVM's own libjvm.so and module image too - but pages that another running JVM maps stay (and stay charged
    # elsewhere): the line says how much is still resident; a JDK that no other process uses gives a fair test.
    local files=("$jar" "$aot")
    local home
    home=$(dirname "$(dirname "$(readlink -f "$JAVA")")")
    for f in "$home/lib/server/libjvm.so" "$home/lib/modules"; do [[ -r $f ]] && files+=("$f"); done
    if command -v python3 >/dev/null; then
        python3 -c 'import os,sys
for f in sys.argv[1:]:
    fd = os.open(f, os.O_RDONLY); os.fsync(fd); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED); os.close(fd)' "${files[@]}"
        if command -v fincore >/dev/null; then
            log memory "evicted from the page cache; still resident: $(fincore -n -o RES,FILE "${files[@]}" | awk '{printf "%s %s; ", $2, $1}')"
            if fincore -n -b -o RES "${files[@]}" | awk '$1 > 0 {found = 1} END {exit !found}'; then
                log warning "not a fair test: pages above are still in the page cache, charged to another cgroup (another JVM maps this JDK?); the limit will look roomier than in a container - use a JDK no other process runs (e.g. a copy) as JAVA_HOME"
            fi
        else
            log memory "evicted ${files[*]} from the page cache"
        fi
    fi
    port=$(free_port 18280)
    base=http://127.0.0.1:$port
    log memory "$fn with the cache, under the limit; then $REQUESTS requests, $PARALLEL in parallel"
    PORT=$port CG=$CGROUP/cgroup.procs \
        bash -c 'echo $$ > "$CG" && exec "$@"' _ "$JAVA" "${JVM_FLAGS[@]}" -XX:AOTMode=on -XX:AOTCache="$aot" -jar "$jar" \
        >"$WORK/$fn-memory.log" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    wait_for_health "$base/health" "$pid" 120 || { tail -20 "$WORK/$fn-memory.log" >&2; die "$fn did not start under the limit"; }
    log memory "started: RSS $(awk '/VmRSS/ {print $2}' /proc/$pid/status) kB"
    if [[ $fn == task-crud ]]; then token=$(signup "$base"); elif [[ $fn == notify || $fn == assistant ]]; then token=$(borrowed_token); fi
    total_rounds=$((REQUESTS / $(workload_round "$fn" "$base" "$token" | wc -l)))
    start=$(date +%s%N)
    codes=$(for ((w = 0; w < PARALLEL; w++)); do
        (for ((i = w; i < total_rounds; i += PARALLEL)); do workload_round "$fn" "$base" "$token"; done) &
    done; wait)
    total=$(grep -c . <<<"$codes")
    ok=$(grep -c '^2' <<<"$codes" || true)
    log load "$total requests in $((($(date +%s%N) - start) / 1000000)) ms, $ok answered 2xx ($(sort <<<"$codes" | uniq -c | awk '{printf "%s×%s ", $2, $1}'))"
    alive=yes
    if kill -0 "$pid" 2>/dev/null; then
        hwm=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
        rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
        anon=$(awk '/RssAnon/ {print $2}' /proc/$pid/status)
    else
        alive=no hwm=0 rss=0 anon=0
    fi
    # peak RSS (VmHWM) counts clean file pages (libjvm.so, the jar, the mapped AOT cache) that the kernel can drop;
    # the cgroup's peak is what the limit is enforced on.
    printf '\n%-20s %-9s %-10s %-11s %-15s %-12s %-10s %s\n' function limit "peak RSS" "RSS after" "of which anon" "cgroup peak" "OOM kills" "alive"
    printf '%-20s %-9s %-10s %-11s %-15s %-12s %-10s %s\n\n' "$fn" "$((LIMIT_BYTES / 1024 / 1024)) MiB" "$((hwm / 1024)) MiB" "$((rss / 1024)) MiB" \
        "$((anon / 1024)) MiB" "$(($(cgroup_peak) / 1048576)) MiB" "$(cgroup_ooms)" "$alive"
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

bench_main() {
    local jar aot fn
    while (($#)); do
        case "$1" in
            --runs) RUNS=$2; shift 2 ;;
            --requests) REQUESTS=$2; shift 2 ;;
            --no-memory) MEMORY=0; shift ;;
            --no-startup) STARTUP=0; shift ;;
            --limit-mib) LIMIT_BYTES=$(($2 * 1024 * 1024)); shift 2 ;;
            --peer) PEER=$(cd "$2" && pwd); shift 2 ;;
            -*) die "unknown option $1" ;;
            *) break ;;
        esac
    done
    (($# == 2)) || { echo "usage: $0 [--runs N] [--requests N] [--limit-mib N] [--no-memory] [--no-startup] [--peer DIR] <function.jar> <cache.aot>" >&2; exit 2; }
    jar=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
    aot=$2
    fn=$(function_of_jar "$jar")
    require_env
    read_jvm_flags
    JAVA=$(java_bin)
    if [[ -n $PEER ]]; then peer_env; fi
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/kadence-bench-$fn.XXXXXX")
    log setup "$fn: $jar ($(stat -c %s "$jar") bytes), $("$JAVA" -version 2>&1 | sed -n 2p), $(nproc) cpus, logs in $WORK"
    migrate_if_asked "$JAVA" "$jar"
    if [[ ! -s "$aot" ]]; then
        log cache "no $aot: making it with aot-cache.sh"
        "$AOT_SCRIPT_DIR/aot-cache.sh" "$jar" "$aot"
    fi
    BENCH_TOKEN=""
    if [[ $fn == task-crud || $fn == assistant ]]; then
        BENCH_TOKEN=$(borrowed_token)
        [[ -n "$BENCH_TOKEN" ]] || die "$fn's real request needs a token: set KADENCE_TOKEN or KADENCE_TASK_CRUD_URL"
    fi
    ((STARTUP)) && startup "$fn" "$jar" "$aot"
    ((MEMORY)) && memory "$fn" "$jar" "$aot"
    return 0
}

bench_main "$@"
