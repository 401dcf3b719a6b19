#!/usr/bin/env bash
# The images, built and run here: every function's image (with its AOT training stage) and the web app's, each
# function run as its pod runs — the chart's memory limit, one CPU, a read-only root filesystem, its image's non-root
# user — against the local platform's PostgreSQL, KafkaSinks and Dapr stand-in; 400 requests or events each, every
# answer a 2xx; then deploy/smoke-test.sh through the web app's container as the front door. Run by .ci/run:
#
#   mvn -q package -DskipTests && deploy/image-test.sh          # as root, from anywhere
#   deploy/image-test.sh debian-root                           # only the Debian root of the bases (.ci/run makes it
#                                                              # while Maven builds)
#
# Needs podman with runc, mmdebstrap, curl, jq, a C compiler (cc), a JDK 25 (JAVA_HOME) and node 20+ on the PATH. No
# registry image is pulled: the bases are made from what the machine has — a Debian bookworm root (mmdebstrap, with
# curl and openssl for the training stage; cached as $KADENCE_IMAGE_CACHE/debian-bookworm.tar, default
# ~/.cache/kadence-images) plus a JRE linked from JAVA_HOME (the functions' JRE build argument) or this machine's node
# (the web app's NODE); the functions' libaotprefault.so is compiled by this machine's cc (AOT_PREFAULT=prebuilt).
# Starts its own local platform (local/target/kadence-local.jar, data in a temporary directory; ports as its
# defaults: 8080-8085, 3501-3505, 55432, 59092-59094) for the training stages and the containers, and stops it.
#
# Per function it prints the cold start (podman start -> the first 2xx of a real request, the one
# functions/startup-benchmark.sh times; and from the process's start, the budget's measure, without the container
# runtime's part), what the image's libaotprefault.so did with the AOT cache (it must have populated its writable
# part) and, from the container's memory cgroup, its anonymous memory and mapped files,
# the times the limit was hit, the major page faults while serving (thrashing shows as thousands) and OOM kills. Each function is measured
# alone, after the files it maps (jar, AOT cache, libjvm.so, the module image) were dropped from the page cache, so
# its pages are charged to it as on a node that just pulled the image, and once the machine is quiet (>= 80 % idle, or
# 30 s waited: the previous function's events keep the platform busy for a while). Ends with one line, e.g.
#   images: 6 built; 5 functions served 400 requests each under 128 MiB
#
# Environment: IMAGE_TEST_MEMORY (default: the chart's limit for the functions, in m), IMAGE_TEST_REQUESTS (default 400),
# IMAGE_TEST_LOAD_TIMEOUT (default 120 s for the REQUESTS), IMAGE_TEST_STREAMS (notify's open streams while it is
# loaded, default 1), IMAGE_TEST_PORT (default 18280:
# the web app; the functions take the next five), KADENCE_IMAGE_CACHE, IMAGE_TEST_BUILD=no (run the images the
# last run built, when changing only this script) or fresh (no layer cache, as on a clean machine). To take a cold
# start apart (docs/startup-and-memory.md): IMAGE_TEST_CPUS (default 1, the chart's limit) and IMAGE_TEST_EVICT=no
# (the mapped files stay in the page cache, as on a node where another pod of the function just ran). To try a JVM
# flag without building: IMAGE_TEST_JAVA_OPTIONS (the containers' JAVA_TOOL_OPTIONS, added to the image's flags).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# workload_round, real_request, post_event, uuid, log, die: the training's helpers, so the load is the training's.
source functions/aot-cache.sh

# The functions' memory limit in the chart (knative/values.yaml, functionResources).
CHART_MIB=$(sed -n '/&functionResources/,/limits:/s/.*limits:.*memory: *\([0-9]*\)Mi.*/\1/p' knative/values.yaml)
MEMORY=${IMAGE_TEST_MEMORY:-${CHART_MIB}m}
LOAD_TIMEOUT=${IMAGE_TEST_LOAD_TIMEOUT:-120}
REQUESTS=${IMAGE_TEST_REQUESTS:-400}
STREAMS=${IMAGE_TEST_STREAMS:-1}
PARALLEL=8
WEBAPP_PORT=${IMAGE_TEST_PORT:-18280}
CACHE=${KADENCE_IMAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kadence-images}
FUNCTIONS=(task-crud recurrence-handler reminder-fire notify assistant)
TAG=localhost/kadence-test
LIMITS=(--ulimit nofile=1024:1024 --ulimit nproc=1024:1024)
PG=jdbc:postgresql://127.0.0.1:55432/kadence
PLATFORM_URL=http://127.0.0.1:8080
SINKS=http://127.0.0.1:59094/kadence
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kadence-images.XXXXXX")
PLATFORM_PID=""
STARTED=$SECONDS

# This host's cgroups may be hybrid (v1), which crun refuses: runc, and podman's own cgroup manager (no systemd).
pm() { podman --runtime runc --cgroup-manager cgroupfs "$@"; }

cleanup() {
    local status=$?
    pm rm -f -t 5 $(pm ps -a -q --filter label=kadence-image-test) >/dev/null 2>&1 || true
    if [[ -n $PLATFORM_PID ]]; then
        kill -TERM "$PLATFORM_PID" 2>/dev/null || true
        wait "$PLATFORM_PID" 2>/dev/null || true
    fi
    if ((status != 0)); then log failed "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 143' TERM INT

port_of() {
    local i
    for i in "${!FUNCTIONS[@]}"; do
        if [[ ${FUNCTIONS[$i]} == "$1" ]]; then echo $((WEBAPP_PORT + 1 + i)); fi
    done
}

# The Debian root of the bases, made once and kept in CACHE.
debian_root() {
    local tar=$CACHE/debian-bookworm.tar
    if [[ ! -s $tar ]]; then
        log base "mmdebstrap bookworm (minbase, curl, openssl) -> $tar"
        mkdir -p "$CACHE"
        mmdebstrap --quiet --format=tar --variant=minbase --include=ca-certificates,curl,openssl \
            --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
            --dpkgopt='path-exclude=/usr/share/locale/*' bookworm "$tar.part" http://deb.debian.org/debian >"$WORK/mmdebstrap.log" 2>&1 ||
            { tail -20 "$WORK/mmdebstrap.log" >&2; die "mmdebstrap failed"; }
        mv "$tar.part" "$tar"
    fi
}

# The bases: the Debian root + the JRE linked from JAVA_HOME; the Debian root + this machine's node.
base_images() {
    local modules
    debian_root
    pm import -q "$CACHE/debian-bookworm.tar" "$TAG/debian:bookworm" >/dev/null
    # The JRE a temurin JRE image has: every module but the development tools.
    modules=$("$JAVA_HOME/bin/java" --list-modules | sed 's/@.*//' |
        grep -Ev '^jdk\.(jshell|javadoc|compiler|jdeps|jlink|jpackage|jartool|jconsole|hotspot\.agent|editpad|jstatd|jdi|jdwp|internal\.(le|opt|vm\.ci)|incubator|graal)' |
        paste -sd,)
    mkdir -p "$WORK/jre" "$WORK/node"
    "$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --output "$WORK/jre/jre"
    printf '%s\n' "FROM $TAG/debian:bookworm" 'COPY jre /opt/java/openjdk' \
        'ENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        >"$WORK/jre/Containerfile"
    pm build -q "${LIMITS[@]}" -t "$TAG/jre:25" "$WORK/jre" >/dev/null
    cp "$(command -v node)" "$WORK/node/node"
    printf '%s\n' "FROM $TAG/debian:bookworm" 'COPY node /usr/local/bin/node' >"$WORK/node/Containerfile"
    pm build -q "${LIMITS[@]}" -t "$TAG/node:20" "$WORK/node" >/dev/null
    log base "$TAG/jre:25 ($("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p)), $TAG/node:20 (node $(node --version))"
}

# The local platform, for the training stages and the containers: started first, waited for once the bases are made.
start_platform() {
    KADENCE_DATA=$WORK/platform java -jar local/target/kadence-local.jar >"$WORK/platform.log" 2>&1 &
    PLATFORM_PID=$!
}

await_platform() {
    local deadline=$((SECONDS + 240))
    until grep -q '^Kadence is running' "$WORK/platform.log"; do
        kill -0 "$PLATFORM_PID" 2>/dev/null || { tail -30 "$WORK/platform.log" >&2; die "the local platform did not start"; }
        ((SECONDS < deadline)) || die "the local platform was not ready in 240 s"
        sleep 1
    done
    log platform "ready (log $WORK/platform.log)"
    KADENCE_JWT_SECRET=$(cat "$WORK/platform/secrets/jwt-secret")
    export KADENCE_JWT_SECRET
}

# build <image> <log name> <podman build arguments...>: one podman build, from the repository root.
build() {
    local image=$1 name=$2 start=$SECONDS
    shift 2
    [[ ${IMAGE_TEST_BUILD:-yes} != fresh ]] || set -- --no-cache "$@"
    pm build "${LIMITS[@]}" --network host -t "$image" "$@" . >"$WORK/build-$name.log" 2>&1 ||
        { tail -40 "$WORK/build-$name.log" >&2; die "the image $image did not build"; }
    log built "$image in $((SECONDS - start)) s$(grep -o 'workload .*' "$WORK/build-$name.log" | sed 's/^workload */; training: /')"
}

# The function images two at a time: a build is mostly one JVM at a time (the training run, then the cache's
# assembly) and this machine has two cores. Each training listens on a port of its own.
build_images() {
    local i running=0 failed=0
    # functions/Dockerfile's AOT_PREFAULT=prebuilt: no compiler image can be pulled here, the host's compiler makes it.
    mkdir -p functions/target/aot-prefault
    cc -O2 -Wall -shared -fPIC -o functions/target/aot-prefault/libaotprefault.so functions/aot-prefault.c -ldl ||
        die "functions/aot-prefault.c did not compile"
    for i in "${!FUNCTIONS[@]}"; do
        if ((running == 2)); then
            wait -n || failed=1
            running=$((running - 1))
        fi
        build "$TAG/${FUNCTIONS[$i]}:test" "${FUNCTIONS[$i]}" -f functions/Dockerfile --build-arg JRE="$TAG/jre:25" \
            --build-arg FUNCTION="${FUNCTIONS[$i]}" --build-arg TRAINING_PORT=$((18080 + i)) --build-arg AOT_PREFAULT=prebuilt &
        running=$((running + 1))
    done
    for ((; running > 0; running--)); do wait -n || failed=1; done
    ((failed == 0)) || die "an image did not build (above)"
    [[ -f frontend/dist/index.html ]] || die "no frontend/dist: build the web app first (mvn package)"
    build "$TAG/webapp:test" webapp -f frontend/Dockerfile --build-arg NODE="$TAG/node:20" --build-arg WEBAPP_DIST=prebuilt
}

# A function's container as its pod: the chart's environment, the limits, read-only, no tmpfs added.
create_function() {
    local fn=$1
    pm rm -f "kadence-it-$fn" >/dev/null 2>&1 || true
    pm create --name "kadence-it-$fn" --label kadence-image-test --network host "${LIMITS[@]}" \
        --memory "$MEMORY" --memory-swap "$MEMORY" --cpus ${IMAGE_TEST_CPUS:-1} --read-only --read-only-tmpfs=false \
        -e PORT="$(port_of "$fn")" -e KADENCE_DB_URL="$PG" -e KADENCE_DB_USER=postgres -e KADENCE_DB_PASSWORD=postgres \
        -e KADENCE_JWT_SECRET -e KADENCE_DELIVERY_TOKEN -e APP_API_TOKEN -e DAPR_HTTP_PORT=3503 \
        -e KADENCE_SINKS_TASK_EVENTS="$SINKS/task-events" -e KADENCE_SINKS_TASK_UPDATES="$SINKS/task-updates" \
        -e KADENCE_SINKS_REMINDERS="$SINKS/reminders" ${IMAGE_TEST_JAVA_OPTIONS:+-e JAVA_TOOL_OPTIONS="$IMAGE_TEST_JAVA_OPTIONS"} \
        -e KADENCE_AOT_PREFAULT_LOG=1 "$TAG/$fn:test" >/dev/null
}

# Sets PREFAULT to what the image's libaotprefault.so said it did with the function's AOT cache (functions/aot-prefault.c):
# fails if it said nothing — the image did not preload it into the JVM, or it no longer finds the cache's mapping.
prefault_of() {
    local logs said
    # The whole log first: grep -m1 reading a pipe would stop podman's writing mid-way (SIGPIPE, and pipefail).
    logs=$(pm logs "kadence-it-$1" 2>&1)
    said=$(grep -m1 "^aot-prefault: /app/$1.aot: " <<<"$logs") ||
        die "$1: no line of libaotprefault.so in its log: the AOT cache's writable part was not populated at start"
    PREFAULT=${said#aot-prefault: /app/$1.aot: }
    [[ $said == *" populated for writing" ]] || log warning "$1: $PREFAULT (the JVM faults those pages in as it writes them; MADV_POPULATE_WRITE needs Linux 5.14+)"
}

# The files a function maps, out of the page cache, so that the container that reads them is charged for them.
evict_files() {
    [[ ${IMAGE_TEST_EVICT:-yes} == yes ]] || return 0
    local root file
    root=$(pm mount "kadence-it-$1")
    for file in "app/$1.jar" "app/$1.aot" opt/java/openjdk/lib/server/libjvm.so opt/java/openjdk/lib/modules; do
        dd if="$root/$file" iflag=nocache count=0 status=none
    done
    pm unmount "kadence-it-$1" >/dev/null
}

# Waits until the machine is quiet — at least 80 % of its CPU time idle over half a second — or 30 s have passed; sets
# IDLE_PCT to the last share measured. The previous function's load leaves work behind in the platform (its events
# delivered to the platform's own functions), and a cold start measured under that measures the machine, not the
# function (the budget is for a quiet two-core node).
await_quiet() {
    local deadline=$((SECONDS + 30)) a b
    while :; do
        read -r -a a < <(sed -n 's/^cpu  //p' /proc/stat)
        sleep 0.5
        read -r -a b < <(sed -n 's/^cpu  //p' /proc/stat)
        IDLE_PCT=$(awk -v a="${a[*]}" -v b="${b[*]}" 'BEGIN {
            n = split(a, x, " "); split(b, y, " "); total = 0
            for (i = 1; i <= n; i++) total += y[i] - x[i]
            idle = (y[4] - x[4]) + (y[5] - x[5])
            printf "%d", (total > 0 ? 100 * idle / total : 100) }')
        ((IDLE_PCT >= 80 || SECONDS >= deadline)) && return 0
    done
}

# Sets COLD_MS: podman start -> the first 2xx of the function's real request. The polling costs next to nothing — a
# connect to the port, then the request once it accepts; a podman call (~150 ms of CPU each) only to tell a dead
# container from a slow one after 5 s — so that the measuring does not slow what it measures on this two-core machine.
cold_start() {
    local fn=$1 port base start code
    port=$(port_of "$fn")
    base=http://127.0.0.1:$port
    start=$(date +%s%N)
    pm start "kadence-it-$fn" >/dev/null
    until (: <>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && code=$(real_request "$fn" "$base") && [[ $code == 2* ]]; do
        if (($(date +%s%N) - start > 5000000000)); then
            [[ $(pm inspect -f '{{.State.Running}}' "kadence-it-$fn") == true ]] ||
                { pm logs "kadence-it-$fn" 2>&1 | tail -30 >&2; die "$fn exited before answering"; }
        fi
        (($(date +%s%N) - start < 60000000000)) || die "$fn did not answer in 60 s"
        sleep 0.01
    done
    COLD_MS=$((($(date +%s%N) - start) / 1000000))
    # The budget's own measure (DESIGN §8): from the process's start, not the container runtime's, to that 2xx. The
    # kernel's clock since boot at the 2xx minus the process's start on it (both in 10 ms ticks; the process is the
    # entry point's shell, which execs java).
    local up pid ticks
    up=$(cut -d' ' -f1 /proc/uptime)
    pid=$(pm inspect -f '{{.State.Pid}}' "kadence-it-$fn")
    ticks=$(sed 's/.*) //' "/proc/$pid/stat" | cut -d' ' -f20)
    PROCESS_MS=$(awk -v up="$up" -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%d", up * 1000 - t * 1000 / hz}')
}

# A user of task-crud's: sets USER_ID and TOKEN.
sign_up() {
    local answer
    answer=$(curl -s --max-time 10 -X POST "http://127.0.0.1:$(port_of task-crud)/api/v1/auth/signup" \
        -H 'Content-Type: application/json' \
        -d "{\"email\":\"image-test-$(uuid)@example.com\",\"password\":\"correct horse battery\",\"timezone\":\"UTC\"}")
    USER_ID=$(jq -r '.user.id // empty' <<<"$answer")
    TOKEN=$(jq -r '.token // empty' <<<"$answer")
    [[ -n $USER_ID && -n $TOKEN ]] || die "no sign-up at task-crud: $answer"
}

# REQUESTS requests of the training's workload, PARALLEL at a time; one status per line in <out>. Sets LOAD_S; gives
# up after LOAD_TIMEOUT seconds (a function thrashing at its memory limit answers a few requests a second).
load() {
    local fn=$1 base=$2 token=$3 out=$4 quota=$(((REQUESTS + PARALLEL - 1) / PARALLEL)) w workers=() start=$SECONDS answered
    for ((w = 0; w < PARALLEL; w++)); do
        (
            set +e     # a request that times out is counted (000), not the end of its worker
            : >"$out.$w"
            while mapfile -t answered <"$out.$w" && ((${#answered[@]} < quota)); do
                workload_round "$fn" "$base" "$token" >>"$out.$w"
            done
        ) &
        workers+=($!)
    done
    LOAD_TIMED_OUT=""
    for w in "${workers[@]}"; do
        while kill -0 "$w" 2>/dev/null; do
            if ((SECONDS - start > LOAD_TIMEOUT)); then
                LOAD_TIMED_OUT=1
                pkill -P "$w" 2>/dev/null || true
                kill "$w" 2>/dev/null || true
                disown "$w" 2>/dev/null || true
            fi
            sleep 0.2
        done
        wait "$w" 2>/dev/null || true
    done
    LOAD_S=$((SECONDS - start))
    cat "$out".? >"$out"
}

# notify's live streams for USER_ID (STREAMS of them, as that many open tabs), open while notify is loaded; each load
# round's events are another user's, so a few of this user's are sent after, and must arrive on every stream.
open_stream() {
    local base=$1 ticket i
    STREAM_PIDS=()
    for ((i = 0; i < STREAMS; i++)); do
        ticket=$(curl -s --max-time 10 -X POST "$base/api/v1/notifications/stream-tickets" -H "Authorization: Bearer $TOKEN" |
            jq -r '.ticket // empty')
        [[ -n $ticket ]] || die "notify gave no stream ticket (stream $((i + 1)) of $STREAMS)"
        curl -s -N --no-buffer -H 'Accept: text/event-stream' "$base/api/v1/notifications/stream?ticket=$ticket" \
            >"$WORK/stream.$i" &
        STREAM_PIDS+=($!)
    done
}

close_stream() {
    local base=$1 out=$2 i task
    for ((i = 0; i < PARALLEL; i++)); do
        task=$(uuid)
        post_event "$base" dev.kadence.task.changed "$task" \
            "{\"task_id\":\"$task\",\"user_id\":\"$USER_ID\",\"change\":\"updated\",\"task\":{\"id\":\"$task\",\"title\":\"t\"}}" >>"$out"
    done
    for ((i = 0; i < 100 && $(least_events) < PARALLEL; i++)); do sleep 0.1; done
    kill "${STREAM_PIDS[@]}" 2>/dev/null || true
    wait "${STREAM_PIDS[@]}" 2>/dev/null || true
    STREAM_EVENTS=$(least_events)
    ((STREAM_EVENTS >= PARALLEL)) || die "a stream of notify's got $STREAM_EVENTS of its user's $PARALLEL events"
}

# The fewest events any of the open streams has received.
least_events() {
    local i least="" n
    for ((i = 0; i < STREAMS; i++)); do
        n=$(grep -c '^event:' "$WORK/stream.$i" || true)
        if [[ -z $least ]] || ((n < least)); then least=$n; fi
    done
    echo "${least:-0}"
}

cgroup_dir() {
    local path
    path=$(pm inspect -f '{{.State.CgroupPath}}' "kadence-it-$1")
    if [[ -d /sys/fs/cgroup/memory$path ]]; then echo "/sys/fs/cgroup/memory$path"; else echo "/sys/fs/cgroup$path"; fi
}

# From the container's memory cgroup (v1, else v2): PEAK_MIB (the most ever charged, page cache included: under a
# limit it fills up to it), ANON_MIB (anonymous memory: heap, code, stacks, malloc, the cache's written pages),
# MAPPED_MIB (file pages mapped: the AOT cache, libjvm.so...), LIMIT_HITS, MAJFLT (major page faults), OOM_KILLS.
memory_of() {
    local dir mib='{printf "%.1f", $1 / 1048576}'
    dir=$(cgroup_dir "$1")
    if [[ -f $dir/memory.max_usage_in_bytes ]]; then
        PEAK_MIB=$(awk "$mib" "$dir/memory.max_usage_in_bytes")
        LIMIT_HITS=$(cat "$dir/memory.failcnt")
        OOM_KILLS=$(awk '$1 == "oom_kill" {print $2}' "$dir/memory.oom_control")
        ANON_MIB=$(awk '$1 == "total_rss" {print $2}' "$dir/memory.stat" | awk "$mib")
        MAPPED_MIB=$(awk '$1 == "total_mapped_file" {print $2}' "$dir/memory.stat" | awk "$mib")
        MAJFLT=$(awk '$1 == "total_pgmajfault" {print $2}' "$dir/memory.stat")
    else
        PEAK_MIB=$(awk "$mib" "$dir/memory.peak")
        LIMIT_HITS=$(awk '$1 == "max" {print $2}' "$dir/memory.events")
        OOM_KILLS=$(awk '$1 == "oom_kill" {print $2}' "$dir/memory.events")
        ANON_MIB=$(awk '$1 == "anon" {print $2}' "$dir/memory.stat" | awk "$mib")
        MAPPED_MIB=$(awk '$1 == "file_mapped" {print $2}' "$dir/memory.stat" | awk "$mib")
        MAJFLT=$(awk '$1 == "pgmajfault" {print $2}' "$dir/memory.stat")
    fi
}

# One function alone: cold start, REQUESTS requests, its memory; stopped after.
serve() {
    local fn=$1 base out=$WORK/codes-$1 token="" total ok faults_before
    base=http://127.0.0.1:$(port_of "$fn")
    create_function "$fn"
    evict_files "$fn"
    BENCH_TOKEN=${TOKEN:-}
    # task-crud's real request, the peer's POST /api/v1/tasks, is a user's: one signed up at the platform's own.
    [[ $fn == task-crud ]] && BENCH_TOKEN=$(KADENCE_TASK_CRUD_URL=$PLATFORM_URL borrowed_token)
    [[ -n $BENCH_TOKEN || $fn != task-crud ]] || die "no user at the platform's task-crud ($PLATFORM_URL) for task-crud's real request"
    await_quiet
    cold_start "$fn"
    prefault_of "$fn"
    [[ $fn == task-crud ]] && sign_up
    [[ $fn == task-crud || $fn == notify || $fn == assistant ]] && token=$TOKEN
    [[ $fn == notify ]] && open_stream "$base"
    memory_of "$fn"
    faults_before=$MAJFLT
    load "$fn" "$base" "$token" "$out"
    memory_of "$fn"
    total=$(grep -c . "$out" || true)
    [[ -z $LOAD_TIMED_OUT ]] || die "$fn (cold start ${COLD_MS} ms) answered only $total requests in ${LOAD_TIMEOUT} s: memory: ${ANON_MIB} MiB anonymous + ${MAPPED_MIB} MiB mapped files, limit $MEMORY hit $LIMIT_HITS times, $((MAJFLT - faults_before)) major faults while serving (thrashing), $OOM_KILLS OOM kills"
    [[ $fn == notify ]] && close_stream "$base" "$out"
    memory_of "$fn"
    total=$(grep -c . "$out" || true)
    # 2xx, or the 400 of a request of bad input the workload sends on purpose (assistant's empty quick add).
    ok=$(grep -Ec '^(2[0-9][0-9]|400-meant)$' "$out" || true)
    [[ $(pm inspect -f '{{.State.Running}}' "kadence-it-$fn") == true ]] || die "$fn is no longer running"
    log served "$fn: cold start ${COLD_MS} ms (${PROCESS_MS} ms from the process's start; the machine ${IDLE_PCT} % idle before; the AOT cache's writable part: $PREFAULT); $ok of $total answered as meant in ${LOAD_S} s ($(sort "$out" | uniq -c | awk '{printf "%s×%s ", $2, $1}'| sed 's/ $//'))$([[ $fn == notify ]] && echo ", $STREAM_EVENTS events on each of its $STREAMS open stream(s)"); memory: ${ANON_MIB} MiB anonymous + ${MAPPED_MIB} MiB mapped files after it, ${PEAK_MIB} MiB charged at most (limit $MEMORY, page cache included), limit hit $LIMIT_HITS times, $((MAJFLT - faults_before)) major faults while serving, $OOM_KILLS OOM kills"
    ((ok == total && total >= REQUESTS)) || die "$fn: $((total - ok)) answers were not 2xx"
    ((OOM_KILLS == 0)) || die "$fn was OOM-killed"
    SUMMARY+=("$fn ${COLD_MS} ms (${PROCESS_MS}) ${ANON_MIB}+${MAPPED_MIB} MiB")
    pm stop -t 10 "kadence-it-$fn" >/dev/null
}

# All functions together behind the web app's container, the front door: the smoke test through it.
smoke() {
    local fn
    for fn in "${FUNCTIONS[@]}"; do pm start "kadence-it-$fn" >/dev/null; done
    pm rm -f kadence-it-webapp >/dev/null 2>&1 || true
    pm run -d --name kadence-it-webapp --label kadence-image-test --network host "${LIMITS[@]}" \
        --memory "$MEMORY" --memory-swap "$MEMORY" --cpus ${IMAGE_TEST_CPUS:-1} --read-only --read-only-tmpfs=false \
        -e PORT="$WEBAPP_PORT" -e TASK_CRUD_URL="http://127.0.0.1:$(port_of task-crud)" \
        -e NOTIFY_URL="http://127.0.0.1:$(port_of notify)" -e ASSISTANT_URL="http://127.0.0.1:$(port_of assistant)" \
        "$TAG/webapp:test" >/dev/null
    for fn in "${FUNCTIONS[@]}"; do
        until curl -sf -o /dev/null "http://127.0.0.1:$(port_of "$fn")/health/readiness"; do
            [[ $(pm inspect -f '{{.State.Running}}' "kadence-it-$fn") == true ]] || die "$fn exited"
            sleep 0.1
        done
    done
    until curl -sf -o /dev/null "http://127.0.0.1:$WEBAPP_PORT/healthz"; do
        [[ $(pm inspect -f '{{.State.Running}}' kadence-it-webapp) == true ]] ||
            { pm logs kadence-it-webapp 2>&1 | tail -20 >&2; die "the web app's container exited"; }
        sleep 0.1
    done
    log smoke "deploy/smoke-test.sh through the web app's container at http://127.0.0.1:$WEBAPP_PORT"
    # The functions already run (started above), so the reminder can be nearer than a wake from zero needs.
    SMOKE_REMINDER_LEAD=8 BASE_URL=http://127.0.0.1:$WEBAPP_PORT deploy/smoke-test.sh ||
        die "the smoke test failed through the containers"
    # (Started again, the functions' file pages are mostly charged to their first containers: anonymous memory only.)
    for fn in "${FUNCTIONS[@]}" webapp; do
        memory_of "$fn"
        log memory "$fn after the smoke test: ${ANON_MIB} MiB anonymous, limit hit $LIMIT_HITS times, $OOM_KILLS OOM kills"
        ((OOM_KILLS == 0)) || die "$fn was OOM-killed"
    done
}

main() {
    local fn
    if [[ ${1:-} == debian-root ]]; then debian_root; return; fi
    [[ -x local/target/kadence-local.jar || -f local/target/kadence-local.jar ]] || die "no local/target/kadence-local.jar: mvn package first"
    for fn in podman runc mmdebstrap curl jq node cc; do command -v "$fn" >/dev/null || die "$fn is needed"; done
    export JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
    start_platform
    [[ ${IMAGE_TEST_BUILD:-yes} == no ]] || base_images
    await_platform
    [[ ${IMAGE_TEST_BUILD:-yes} == no ]] || build_images
    SUMMARY=()
    for fn in "${FUNCTIONS[@]}"; do serve "$fn"; done
    smoke
    log summary "${SUMMARY[*]} (cold start from podman start (from the process's start); anonymous+mapped after 400 requests); load average $(cut -d' ' -f1-3 /proc/loadavg); $((SECONDS - STARTED)) s in all"
    echo "images: $((${#FUNCTIONS[@]} + 1)) built; ${#FUNCTIONS[@]} functions served $REQUESTS requests each under $(numfmt --from=iec --to-unit=1048576 "${MEMORY^^}") MiB"
}

main "$@"
