#!/usr/bin/env bash
# Kadence end-to-end smoke test against a front door (the web app's server in a cluster, or the local platform).
#
#   BASE_URL=https://kadence.example.net deploy/smoke-test.sh
#   BASE_URL=http://127.0.0.1:8080       deploy/smoke-test.sh      # the local platform
#
# What it proves, through the front door only: sign-up (task-crud), a daily recurring task with a reminder 20 s
# ahead (SMOKE_REMINDER_LEAD), the reminder arriving as `event: notification` on the user's live stream (reminder-fire via Dapr Jobs or the
# sweep → Kafka `reminders` → KafkaSource → notify → SSE), and completing the task creating the series' next
# instance (task-crud outbox → Kafka `task-events` → KafkaSource → recurrence-handler); and quick add (assistant)
# reading a line into a task body.
#
# Needs only bash, curl and jq. Each run signs up a fresh user, so it can be run again and again; it leaves that
# user and its tasks behind (there is no account deletion in the API).
#
# Environment:
#   BASE_URL                  the front door, no trailing /api/v1 (required)
#   SMOKE_REMINDER_LEAD       seconds from now to the reminder (default 20: room for a create that wakes functions
#                             from zero; deploy/image-test.sh, whose functions run, takes 8)
#   SMOKE_NOTIFY_TIMEOUT      seconds to wait for the notification after the reminder is due (default 90)
#   SMOKE_NEXT_TIMEOUT        seconds to wait for the next instance after completing (default 60)
#   SMOKE_CURL_TIMEOUT        seconds for one API request (default 30: a function may be starting from zero)
#   SMOKE_CURL_OPTS           extra curl options, e.g. "--cacert ca.pem" or "-k" for a self-signed certificate
set -euo pipefail
export LC_ALL=C

missing=()
for tool in curl jq; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "smoke-test: missing required tool(s): ${missing[*]} (install them, e.g. apt-get install ${missing[*]})" >&2
  exit 2
fi
if [[ -z "${BASE_URL:-}" ]]; then
  echo "smoke-test: set BASE_URL to the front door, e.g. BASE_URL=http://127.0.0.1:8080 $0" >&2
  exit 2
fi

BASE_URL=${BASE_URL%/}
API="$BASE_URL/api/v1"
NOTIFY_TIMEOUT=${SMOKE_NOTIFY_TIMEOUT:-90}
REMINDER_LEAD=${SMOKE_REMINDER_LEAD:-20}
[[ $REMINDER_LEAD =~ ^[0-9]+$ ]] && ((REMINDER_LEAD >= 2)) ||
  { echo "smoke-test: SMOKE_REMINDER_LEAD must be a whole number of seconds, 2 or more, not '$REMINDER_LEAD'" >&2; exit 2; }
NEXT_TIMEOUT=${SMOKE_NEXT_TIMEOUT:-60}
CURL_TIMEOUT=${SMOKE_CURL_TIMEOUT:-30}
read -r -a CURL_EXTRA <<<"${SMOKE_CURL_OPTS:-}"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kadence-smoke.XXXXXX")
STREAM_PID=""
cleanup() {
  if [[ -n "$STREAM_PID" ]] && kill -0 "$STREAM_PID" 2>/dev/null; then
    kill "$STREAM_PID" 2>/dev/null || true
    wait "$STREAM_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Milliseconds since the epoch (GNU date has %N; elsewhere whole seconds are good enough).
now_ms() {
  local ms
  ms=$(date +%s%3N 2>/dev/null || true)
  if [[ "$ms" =~ ^[0-9]+$ ]]; then echo "$ms"; else echo "$(($(date +%s) * 1000))"; fi
}
START_MS=$(now_ms)
STEP_MS=$START_MS

# One line per step: time since start, the step's own duration, what happened.
step() {
  local now
  now=$(now_ms)
  printf '[%6.1fs] ok    %-13s %s (%d ms)\n' "$(((now - START_MS) / 100))e-1" "$1" "$2" "$((now - STEP_MS))"
  STEP_MS=$now
}
fail() {
  local now
  now=$(now_ms)
  printf '[%6.1fs] FAIL  %-13s %s\n' "$(((now - START_MS) / 100))e-1" "$1" "$2" >&2
  exit 1
}

# api STEP METHOD PATH [JSON] — prints the body; fails the step unless the answer is 2xx.
api() {
  local name=$1 method=$2 path=$3 body=${4:-} status rc=0
  local args=(-sS -o "$WORK/body" -w '%{http_code}' -X "$method" --max-time "$CURL_TIMEOUT"
    -H 'Accept: application/json' ${CURL_EXTRA[@]+"${CURL_EXTRA[@]}"})
  [[ -n "${TOKEN:-}" ]] && args+=(-H "Authorization: Bearer $TOKEN")
  [[ -n "$body" ]] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
  status=$(curl "${args[@]}" "$API$path" 2>"$WORK/curl.err") || rc=$?
  if ((rc != 0)); then
    fail "$name" "$method $API$path: curl failed (exit $rc): $(tr '\n' ' ' <"$WORK/curl.err")"
  fi
  if [[ ! "$status" =~ ^2 ]]; then
    fail "$name" "$method $API$path answered HTTP $status: $(head -c 600 "$WORK/body")"
  fi
  cat "$WORK/body"
}

# RFC 3339 UTC time N seconds from now (jq's todate: the same on GNU and BSD systems).
in_seconds() { jq -nr --argjson t "$(($(date +%s) + $1))" '$t | todate'; }

echo "Kadence smoke test against $BASE_URL"

# 1. A fresh user in UTC.
EMAIL="smoke-$(date +%s)-$RANDOM@example.com"
RESPONSE=$(api signup POST /auth/signup \
  "$(jq -nc --arg e "$EMAIL" '{email: $e, password: "smoke test password 1", timezone: "UTC"}')")
TOKEN=$(jq -r '.token // empty' <<<"$RESPONSE")
[[ -n "$TOKEN" ]] || fail signup "no token in the answer: $RESPONSE"
step signup "$EMAIL"

# 1b. Quick add (assistant, routed by the front door): a line read into a task body, nothing stored.
RESPONSE=$(api quick-add POST /quick-add/parse '{"text":"Water the plants every day p2 #home"}')
jq -e '(.task.title | type) == "string" and (.recognised | length) > 0' >/dev/null <<<"$RESPONSE" ||
  fail quick-add "no task read with its spans: $RESPONSE"
step quick-add "read as $(jq -c '[.recognised[].kind]' <<<"$RESPONSE")"

# 2. The live stream, opened first so that nothing the task does is missed (a stream without Last-Event-ID
#    starts with what happens from now on).
RESPONSE=$(api stream-ticket POST /notifications/stream-tickets)
TICKET=$(jq -r '.ticket // empty' <<<"$RESPONSE")
[[ -n "$TICKET" ]] || fail stream-ticket "no ticket in the answer: $RESPONSE"
STREAM="$WORK/stream"
: >"$STREAM"
curl -sS -N --no-buffer -H 'Accept: text/event-stream' ${CURL_EXTRA[@]+"${CURL_EXTRA[@]}"} \
  "$API/notifications/stream?ticket=$TICKET" >"$STREAM" 2>"$WORK/stream.err" &
STREAM_PID=$!
for ((i = 0; i < 100; i++)); do
  grep -q '^: connected' "$STREAM" && break
  kill -0 "$STREAM_PID" 2>/dev/null || fail stream "the stream closed: $(cat "$WORK/stream.err" "$STREAM" | head -c 600)"
  sleep 0.1
done
grep -q '^: connected' "$STREAM" || fail stream "no ': connected' on the stream within 10 s"
step stream "open (ticket, then GET /notifications/stream)"

# 3. A daily recurring task due in ~2 minutes, with a reminder REMINDER_LEAD seconds from now.
TITLE="Smoke test $(date -u +%H%M%S)-$RANDOM"
DUE_AT=$(in_seconds 120)
REMIND_AT=$(in_seconds "$REMINDER_LEAD")
RESPONSE=$(api create-task POST /tasks "$(jq -nc --arg t "$TITLE" --arg due "$DUE_AT" --arg at "$REMIND_AT" \
  '{title: $t, priority: "high", tags: ["smoke"], due_at: $due,
    recurrence: {rule: "FREQ=DAILY", timezone: "UTC"}, reminders: [{at: $at}]}')")
TASK_ID=$(jq -r '.id // empty' <<<"$RESPONSE")
SERIES_ID=$(jq -r '.recurrence.series_id // empty' <<<"$RESPONSE")
[[ -n "$TASK_ID" ]] || fail create-task "no id in the answer: $RESPONSE"
[[ -n "$SERIES_ID" ]] || fail create-task "the task has no recurrence.series_id: $RESPONSE"
[[ "$(jq '.reminders | length' <<<"$RESPONSE")" == 1 ]] || fail create-task "the task has no reminder: $RESPONSE"
step create-task "$TASK_ID (series $SERIES_ID, due $DUE_AT, reminder at $REMIND_AT)"

# 4. The reminder on the stream: an `event: notification` whose data names the task.
notified() {
  awk -v id="$TASK_ID" '
    /^event:/ { ev = $2 }
    /^data:/  { if (ev == "notification" && index($0, id)) { found = 1 } }
    /^$/      { ev = "" }
    END       { exit found ? 0 : 1 }' "$STREAM"
}
DEADLINE=$(($(date +%s) + REMINDER_LEAD + NOTIFY_TIMEOUT))
until notified; do
  kill -0 "$STREAM_PID" 2>/dev/null || fail notification "the stream closed before the notification: $(head -c 600 "$WORK/stream.err")"
  if (($(date +%s) > DEADLINE)); then
    fail notification "no 'event: notification' for task $TASK_ID within ${NOTIFY_TIMEOUT}s after the reminder time $REMIND_AT (stream so far: $(grep -c '^event:' "$STREAM" || true) events)"
  fi
  sleep 0.2
done
LATE_MS=$(($(now_ms) - $(jq -nr --arg t "$REMIND_AT" '$t | fromdate') * 1000))
step notification "event: notification for the task on the stream, ${LATE_MS} ms after the reminder time"

# 5. Complete it; the series' next instance must appear in the list.
RESPONSE=$(api complete POST "/tasks/$TASK_ID/complete")
[[ "$(jq -r '.status' <<<"$RESPONSE")" == done ]] || fail complete "the task is not done: $RESPONSE"
step complete "$TASK_ID done"

DEADLINE=$(($(date +%s) + NEXT_TIMEOUT))
while :; do
  # A fresh user: the open tasks are this series' instances only.
  RESPONSE=$(api next-instance GET "/tasks?status=todo,in_progress&limit=50")
  NEXT=$(jq -c --arg id "$TASK_ID" --arg s "$SERIES_ID" \
    'first(.items[] | select(.id != $id and .recurrence.series_id == $s)) // empty' <<<"$RESPONSE")
  [[ -n "$NEXT" ]] && break
  if (($(date +%s) > DEADLINE)); then
    fail next-instance "no next instance of series $SERIES_ID in GET /api/v1/tasks within ${NEXT_TIMEOUT}s of completing"
  fi
  sleep 0.25
done
step next-instance "$(jq -r '"\(.id) (instance \(.recurrence.instance), due \(.due_at))"' <<<"$NEXT")"

printf 'PASS  %s in %d s\n' "$BASE_URL" "$((($(now_ms) - START_MS) / 1000))"
