#!/usr/bin/env bash
# Makes the JDK 25 AOT cache (JEP 483/514/515) of one Kadence function jar by a training run:
#
#   functions/aot-cache.sh <function.jar> <out.aot>
#
# Starts the jar with -XX:AOTCacheOutput=<out.aot> and the flags of functions/jvm-flags.txt, waits for /health,
# sends a short realistic workload (task-crud: sign-up, login, tasks created/listed/patched/completed; the event
# functions: binary CloudEvents on /events, reminder-fire also /reminder-sweep, notify also its API; assistant: quick
# add, assistant turns and MCP calls), then stops it with SIGTERM: the JVM writes the cache as it exits. The function is recognised by the jar's name
# (task-crud.jar, recurrence-handler.jar, reminder-fire.jar, notify.jar, assistant.jar).
#
# The cache is only used by a JVM with the same jar at the same path (same size and time) and the same flags:
# run this where the image will run the jar, e.g. as a Dockerfile RUN step after COPY of the jar.
#
# Environment (from the caller): KADENCE_DB_URL, KADENCE_DB_USER, KADENCE_DB_PASSWORD, KADENCE_SINKS_TASK_EVENTS,
# KADENCE_SINKS_TASK_UPDATES, KADENCE_SINKS_REMINDERS, KADENCE_JWT_SECRET (>= 32 chars) - a PostgreSQL that has the
# schema and KafkaSinks that take the workload's events (the local platform's stand-in) must be reachable; KADENCE_MIGRATE=true
# applies the schema migrations first, with the jar's entry point (dev.kadence.core.db.Migrate, as the chart's hook Job). Optional: JAVA_HOME, PORT (default: a free port from 18080), DAPR_HTTP_PORT (reminder-fire),
# KADENCE_TOKEN or KADENCE_TASK_CRUD_URL (notify, assistant: a token of task-crud's, or where to sign up for one),
# KADENCE_JVM_FLAGS_FILE (default: jvm-flags.txt next to this script), TRAINING_ROUNDS (default 5).
#
# Also sourced by functions/startup-benchmark.sh and deploy/image-test.sh for its helpers (nothing runs when sourced).
set -euo pipefail

AOT_SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Only the platform may deliver (POST /events, reminder-fire's /job/… and /reminder-sweep): the function started here
# (and by startup-benchmark.sh, which sources this) gets these tokens, and the workload sends them as the KafkaSources
# (ce-kadencetoken) and Dapr (dapr-api-token) do. Fresh ones unless the caller chose.
export KADENCE_DELIVERY_TOKEN=${KADENCE_DELIVERY_TOKEN:-aot-$RANDOM$RANDOM$RANDOM$RANDOM}
export APP_API_TOKEN=${APP_API_TOKEN:-aot-$RANDOM$RANDOM$RANDOM$RANDOM}

log() { printf '%s %-10s %s\n' "$(date +%H:%M:%S)" "$1" "${*:2}" >&2; }
die() { log error "$*"; exit 1; }

java_bin() {
    if [[ -n "${JAVA_HOME:-}" ]]; then echo "$JAVA_HOME/bin/java"; else command -v java || die "no java: set JAVA_HOME"; fi
}

# The flags of jvm-flags.txt, one per array element, comments and blank lines dropped.
read_jvm_flags() {
    local file=${KADENCE_JVM_FLAGS_FILE:-$AOT_SCRIPT_DIR/jvm-flags.txt} line
    [[ -r "$file" ]] || die "cannot read the JVM flags file $file"
    JVM_FLAGS=()
    while IFS= read -r line || [[ -n "$line" ]]; do
        line=${line%%#*}
        line=${line//[[:space:]]/}
        if [[ -n "$line" ]]; then JVM_FLAGS+=("$line"); fi
    done <"$file"
    ((${#JVM_FLAGS[@]} > 0)) || die "no flags in $file"
}

require_env() {
    local missing=() v
    for v in KADENCE_DB_URL KADENCE_DB_USER KADENCE_DB_PASSWORD KADENCE_SINKS_TASK_EVENTS KADENCE_SINKS_TASK_UPDATES \
        KADENCE_SINKS_REMINDERS KADENCE_JWT_SECRET; do
        [[ -n "${!v:-}" ]] || missing+=("$v")
    done
    ((${#missing[@]} == 0)) || die "missing environment: ${missing[*]} (PostgreSQL with the Kadence schema, the KafkaSinks, the JWT secret)"
    ((${#KADENCE_JWT_SECRET} >= 32)) || die "KADENCE_JWT_SECRET must be at least 32 characters"
    command -v curl >/dev/null || die "curl is needed"
    command -v openssl >/dev/null || die "openssl is needed (to sign the training's tokens)"
}

# task-crud | recurrence-handler | reminder-fire | notify | assistant, from the jar's file name.
function_of_jar() {
    local name
    name=$(basename "$1" .jar)
    case "$name" in
        task-crud | recurrence-handler | reminder-fire | notify | assistant) echo "$name" ;;
        *) die "cannot tell which function $1 is: expected task-crud.jar, recurrence-handler.jar, reminder-fire.jar, notify.jar or assistant.jar" ;;
    esac
}

free_port() {
    local port=${1:-18080}
    while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    echo "$port"
}

uuid() { local id; read -r id </proc/sys/kernel/random/uuid; echo "$id"; }

# Waits (polling every 20 ms) until GET <url> answers 200; fails after <seconds> or when <pid> dies.
wait_for_health() {
    local url=$1 pid=$2 seconds=${3:-90} deadline
    deadline=$(($(date +%s) + seconds))
    until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" 2>/dev/null) == 200 ]]; do
        kill -0 "$pid" 2>/dev/null || return 1
        (($(date +%s) < deadline)) || return 1
        sleep 0.02
    done
}

# The requests of a round go out through one curl (--next between them; one connection, kept alive), each printing its
# HTTP status on a line: a curl started per request, with a date and a cat forked for each event's headers, made the
# load generator of deploy/image-test.sh, not the function it loads, the busiest thing on the machine.
BATCH=()

# Queues one request (the curl options of one transfer) in BATCH; send_batch sends what is queued.
queue_request() {
    ((${#BATCH[@]} == 0)) || BATCH+=(--next)
    BATCH+=(-s -o /dev/null -w '%{http_code}\n' --max-time 10 "$@")
}

# Queues one binary-mode CloudEvent POSTed to <base>/events.
queue_event() {
    local base=$1 type=$2 subject=$3 data=$4 id now
    read -r id </proc/sys/kernel/random/uuid
    TZ=UTC printf -v now '%(%Y-%m-%dT%H:%M:%SZ)T' -1
    queue_request -X POST "$base/events" -H "ce-kadencetoken: $KADENCE_DELIVERY_TOKEN" \
        -H 'ce-specversion: 1.0' -H "ce-id: $id" -H 'ce-source: /kadence/task-crud' \
        -H "ce-type: $type" -H "ce-subject: $subject" -H "ce-partitionkey: $subject" \
        -H "ce-time: $now" -H 'Content-Type: application/json' -d "$data"
}

# Sends the queued requests in order; prints one HTTP status per request (000: no answer).
send_batch() {
    ((${#BATCH[@]} == 0)) || curl "${BATCH[@]}" || true
    BATCH=()
}

# POST one binary-mode CloudEvent to <base>/events; prints the HTTP status (one line).
post_event() {
    queue_event "$@"
    send_batch
}

# A fresh user of task-crud at <base>; prints its token.
signup() {
    curl -s --max-time 10 -X POST "$1/api/v1/auth/signup" -H 'Content-Type: application/json' \
        -d "{\"email\":\"aot-$(uuid)@example.com\",\"password\":\"correct horse battery\",\"timezone\":\"Europe/Berlin\"}" |
        sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
}

# One round of realistic requests for <function> at <base>; prints one HTTP status per request.
# task-crud, notify and assistant need <token>.
workload_round() {
    local fn=$1 base=$2 token=${3:-} task user id auth text message body
    read -r task </proc/sys/kernel/random/uuid
    read -r user </proc/sys/kernel/random/uuid
    case "$fn" in
        task-crud)
            auth="Authorization: Bearer $token"
            body=$(curl -s --max-time 10 -X POST "$base/api/v1/tasks" -H "$auth" -H 'Content-Type: application/json' \
                -d '{"title":"Prepare presentation","description":"slides","priority":"high","tags":["work","urgent"],"due_at":"2026-12-04T14:00:00+01:00","reminders":[{"before_due":"PT30M"}]}') || true
            [[ $body =~ ^\{\"id\":\"([^\"]*)\" ]] && id=${BASH_REMATCH[1]} && echo 201 || { id=""; echo 000; }
            queue_request "$base/api/v1/tasks?priority=high&tags=work&status=todo&sort_by=due_at" -H "$auth"
            queue_request "$base/api/v1/tasks/$id" -H "$auth"
            queue_request -X PATCH "$base/api/v1/tasks/$id" -H "$auth" \
                -H 'Content-Type: application/json' -d '{"priority":"low","title":"Prepare the presentation"}'
            queue_request -X POST "$base/api/v1/tasks/$id/complete" -H "$auth"
            queue_request "$base/api/v1/tags" -H "$auth"
            queue_request "$base/api/v1/me" -H "$auth"
            ;;
        recurrence-handler)
            queue_event "$base" dev.kadence.task.completed "$task" "{\"task_id\":\"$task\",\"user_id\":\"$user\"}"
            queue_event "$base" dev.kadence.task.updated "$task" "{\"task_id\":\"$task\",\"user_id\":\"$user\"}"
            ;;
        reminder-fire)
            queue_event "$base" dev.kadence.task.updated "$task" "{\"task_id\":\"$task\",\"user_id\":\"$user\"}"
            queue_event "$base" dev.kadence.task.deleted "$task" "{\"task_id\":\"$task\",\"user_id\":\"$user\"}"
            queue_request -X POST "$base/reminder-sweep" -H "dapr-api-token: $APP_API_TOKEN"
            ;;
        notify)
            queue_event "$base" dev.kadence.task.changed "$task" \
                "{\"task_id\":\"$task\",\"user_id\":\"$user\",\"change\":\"updated\",\"task\":{\"id\":\"$task\",\"title\":\"t\"}}"
            queue_request "$base/api/v1/notifications?unread=true&limit=20" -H "Authorization: Bearer $token"
            ;;
        assistant)
            auth="Authorization: Bearer $token"
            for text in 'Pay rent every month on the 1st p1 #home' 'Call mom tomorrow at 6pm remind me 30 minutes before' \
                'Prepare presentation friday 14:00 !high #work'; do
                queue_request -X POST "$base/api/v1/quick-add/parse" -H "$auth" \
                    -H 'Content-Type: application/json' -d "{\"text\":\"$text\"}"
            done
            # Bad input is part of a real run too: its status is printed as <status>-meant, and only 400-meant is as meant
            # (deploy/image-test.sh counts it so; the training counts 2xx).
            queue_request -X POST "$base/api/v1/quick-add/parse" -H "$auth" \
                -H 'Content-Type: application/json' -d '{"text":""}' -w '%{http_code}-meant\n'
            for text in 'Every Friday at 2 PM remind me to submit my weekly report' 'Show me all high-priority tasks' \
                'Change the priority of submit my weekly report to low'; do
                queue_request -X POST "$base/api/v1/assistant/messages" -H "$auth" \
                    -H 'Content-Type: application/json' -d "{\"text\":\"$text\"}"
            done
            # An AI client over MCP (docs/mcp.md): initialize, list the tools, call two.
            for message in '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"aot-training","version":"1"}}}' \
                '{"jsonrpc":"2.0","id":2,"method":"tools/list"}' \
                '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"add_task","arguments":{"title":"Water plants","due":"tomorrow at 8am","repeat":"every 3 days","tags":["home"]}}}' \
                '{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"find_tasks","arguments":{"search":"plants"}}}'; do
                queue_request -X POST "$base/mcp" -H "$auth" \
                    -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
                    -d "$message"
            done
            ;;
    esac
    send_batch
}

# The real request whose first 2xx ends a timed start (startup-benchmark.sh, deploy/image-test.sh); prints its HTTP
# status. task-crud's and assistant's need BENCH_TOKEN, a token of task-crud's (borrowed_token). task-crud's is the
# Spring Boot peer's (../shared/bench): a task with two tags, stored and its event written to the outbox.
real_request() {
    local fn=$1 base=$2 task user
    task=$(uuid)
    user=$(uuid)
    case "$fn" in
        task-crud)
            curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST "$base/api/v1/tasks" \
                -H "Authorization: Bearer ${BENCH_TOKEN:-}" -H 'Content-Type: application/json' \
                -d '{"title":"cold start probe","priority":"high","tags":["bench","coldstart"]}' || true ;;
        recurrence-handler) post_event "$base" dev.kadence.task.completed "$task" "{\"task_id\":\"$task\",\"user_id\":\"$user\"}" ;;
        reminder-fire) post_event "$base" dev.kadence.task.updated "$task" "{\"task_id\":\"$task\",\"user_id\":\"$user\"}" ;;
        notify) post_event "$base" dev.kadence.task.changed "$task" \
            "{\"task_id\":\"$task\",\"user_id\":\"$user\",\"change\":\"updated\",\"task\":{}}" ;;
        assistant)
            curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST "$base/api/v1/quick-add/parse" \
                -H "Authorization: Bearer ${BENCH_TOKEN:-}" -H 'Content-Type: application/json' \
                -d '{"text":"Pay rent every month on the 1st p1 #home"}' || true ;;
    esac
}

# A token for notify's or assistant's API, which validate task-crud's HS256 tokens but cannot issue them: KADENCE_TOKEN
# if the caller gives one; else a user signed up at the task-crud at KADENCE_TASK_CRUD_URL (same database), with a
# token signed here with KADENCE_JWT_SECRET (that task-crud may sign with another secret: the image build's sidecar
# does); else none, and their API is answered 401.
borrowed_token() {
    local id
    if [[ -n "${KADENCE_TOKEN:-}" ]]; then echo "$KADENCE_TOKEN"; return 0; fi
    [[ -n "${KADENCE_TASK_CRUD_URL:-}" ]] || return 0
    id=$(curl -s --max-time 10 -X POST "$KADENCE_TASK_CRUD_URL/api/v1/auth/signup" -H 'Content-Type: application/json' \
        -d "{\"email\":\"aot-$(uuid)@example.com\",\"password\":\"correct horse battery\",\"timezone\":\"Europe/Berlin\"}" |
        sed -n 's/^{"user":{"id":"\([^"]*\)".*/\1/p') || true
    if [[ -n "$id" ]]; then hs256_token "$id"; fi
}

# An HS256 JWT for user <id>, an hour long, signed with KADENCE_JWT_SECRET as task-crud signs its tokens.
hs256_token() {
    local now header payload signature
    now=$(date +%s)
    header=$(printf '{"alg":"HS256","typ":"JWT"}' | base64url)
    payload=$(printf '{"sub":"%s","jti":"%s","iat":%d,"exp":%d}' "$1" "$(uuid)" "$now" $((now + 3600)) | base64url)
    signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$KADENCE_JWT_SECRET" -binary | base64url)
    echo "$header.$payload.$signature"
}

base64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }

# KADENCE_MIGRATE=true: the schema migrations first, by the jar's one entry point for them (no function runs them).
migrate_if_asked() {
    local java=$1 jar=$2
    [[ ${KADENCE_MIGRATE:-false} == true ]] || return 0
    log migrate "$java -cp $jar dev.kadence.core.db.Migrate"
    "$java" -cp "$jar" dev.kadence.core.db.Migrate >&2 || die "the migrations failed"
}

# The training workload: a login, then TRAINING_ROUNDS rounds; fails if fewer than half the requests succeeded.
training_workload() {
    local fn=$1 base=$2 rounds=${TRAINING_ROUNDS:-5} token="" codes ok total path
    if [[ $fn == task-crud ]]; then
        token=$(signup "$base")
        [[ -n "$token" ]] || die "sign-up failed at $base"
    elif [[ $fn == notify || $fn == assistant ]]; then
        token=$(borrowed_token)
    fi
    codes=$(for ((i = 0; i < rounds; i++)); do workload_round "$fn" "$base" "$token"; done)
    [[ $fn == task-crud ]] && codes+=$'\n'$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/api/v1/auth/login" \
        -H 'Content-Type: application/json' -d '{"email":"nobody@example.com","password":"wrong password!"}')
    for path in /health /health/readiness /health/liveness; do curl -s -o /dev/null "$base$path" || true; done
    total=$(grep -c . <<<"$codes")
    ok=$(grep -c '^2' <<<"$codes" || true)
    log workload "$fn: $total requests, $ok answered 2xx ($(sort <<<"$codes" | uniq -c | awk '{printf "%s×%s ", $2, $1}'))"
    ((ok * 2 >= total)) || die "the training workload mostly failed: the cache would not reflect a real run"
}

main() {
    (($# == 2)) || { echo "usage: $0 <function.jar> <out.aot>" >&2; exit 2; }
    local jar=$1 out=$2 fn java port pid status logfile
    [[ -f "$jar" ]] || die "no jar at $jar"
    jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
    fn=$(function_of_jar "$jar")
    require_env
    read_jvm_flags
    java=$(java_bin)
    "$java" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput ' || die "$java has no -XX:AOTCacheOutput (JDK >= 25 needed)"
    if [[ $fn == reminder-fire && -z "${DAPR_HTTP_PORT:-}${DAPR_HTTP_ENDPOINT:-}" ]]; then
        die "reminder-fire needs a Dapr HTTP API (Jobs) for its training: set DAPR_HTTP_PORT or DAPR_HTTP_ENDPOINT (the local platform's, or a daprd sidecar's)"
    fi
    migrate_if_asked "$java" "$jar"
    port=${PORT:-$(free_port 18080)}
    mkdir -p "$(dirname "$out")"
    rm -f "$out"
    logfile=$(mktemp "${TMPDIR:-/tmp}/aot-training-$fn.XXXXXX.log")

    log training "$fn: $java ${JVM_FLAGS[*]} -XX:AOTCacheOutput=$out -jar $jar (port $port, log $logfile)"
    PORT=$port \
        "$java" "${JVM_FLAGS[@]}" -XX:AOTCacheOutput="$out" -jar "$jar" >"$logfile" 2>&1 &
    pid=$!
    # On failure: stop the JVM and remove what it wrote at exit, so no half-trained cache is left behind.
    trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -f "$out"' EXIT
    trap 'exit 143' TERM INT
    wait_for_health "http://127.0.0.1:$port/health" "$pid" 120 || { tail -30 "$logfile" >&2; die "$fn did not answer /health"; }
    log started "$fn answers /health"
    training_workload "$fn" "http://127.0.0.1:$port"
    log stopping "SIGTERM to $pid; the JVM writes the cache as it exits"
    kill -TERM "$pid"
    status=0
    wait "$pid" || status=$?
    trap - EXIT
    # 143 = ended by SIGTERM, which is how it was asked to stop.
    [[ $status == 0 || $status == 143 ]] || { tail -30 "$logfile" >&2; die "$fn exited with $status"; }
    [[ -s "$out" ]] || { tail -30 "$logfile" >&2; die "no AOT cache was written to $out"; }
    log done "$out ($(du -h "$out" | cut -f1)) for $jar"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    main "$@"
fi
