{{/*
Shared fragments. Every resource lives in its own <thing>.<kind>.yaml file; only fragments live here.
*/}}

{{/* The image of one function: {{ include "kadence.image" (list . "task-crud") }} */}}
{{- define "kadence.image" -}}
{{- $root := index . 0 -}}
{{ $root.Values.image.registry }}/kadence-{{ index . 1 }}:{{ $root.Values.image.tag }}
{{- end }}

{{/*
A KafkaSink: what is POSTed to it (a binary-mode CloudEvent) it writes to its topic, and answers 2xx once Kafka has the
record. The broker's address and, for managed Kafka, its credentials are the sink's: the functions have neither.
{{ include "kadence.kafkaSink" (list . "sink-name" "topic") }}
*/}}
{{- define "kadence.kafkaSink" -}}
{{- $root := index . 0 -}}
apiVersion: eventing.knative.dev/v1alpha1
kind: KafkaSink
metadata:
  name: {{ index . 1 }}
  labels:
    app.kubernetes.io/part-of: kadence
spec:
  topic: {{ index . 2 }}
  bootstrapServers:
    {{- toYaml $root.Values.kafka.bootstrapServers | nindent 4 }}
  contentMode: binary
  {{- if $root.Values.kafka.auth.enabled }}
  auth:
    secret:
      ref:
        name: {{ $root.Values.kafka.auth.secretName }}
  {{- end }}
{{- end }}

{{/* The URL of one of the chart's KafkaSinks, at Knative's KafkaSink ingress: {{ include "kadence.sinkUrl" (list . "task-events") }} */}}
{{- define "kadence.sinkUrl" -}}
{{- $root := index . 0 -}}
{{ trimSuffix "/" $root.Values.sinks.ingress }}/{{ $root.Release.Namespace }}/{{ index . 1 }}
{{- end }}

{{/* A value from an existing Secret: {{ include "kadence.secretRef" (list "secret-name" "key") }} */}}
{{- define "kadence.secretRef" -}}
valueFrom:
  secretKeyRef:
    name: {{ index . 0 }}
    key: {{ index . 1 | quote }}
{{- end }}

{{/*
The log format and the database, as every function and the migrations Job read them: the password (and, for managed
databases, the URL and user) only by reference to database.secret, a Secret that exists before the chart is installed.
{{ include "kadence.databaseEnv" . }}
*/}}
{{- define "kadence.databaseEnv" -}}
{{- $db := .Values.database -}}
- name: KADENCE_LOG_FORMAT
  value: {{ .Values.logFormat | quote }}
- name: KADENCE_DB_URL
{{- if $db.secret.urlKey }}
  {{- include "kadence.secretRef" (list $db.secret.name $db.secret.urlKey) | nindent 2 }}
{{- else }}
  value: {{ $db.url | quote }}
{{- end }}
- name: KADENCE_DB_USER
{{- if $db.secret.userKey }}
  {{- include "kadence.secretRef" (list $db.secret.name $db.secret.userKey) | nindent 2 }}
{{- else }}
  value: {{ $db.user | quote }}
{{- end }}
- name: KADENCE_DB_PASSWORD
  {{- include "kadence.secretRef" (list $db.secret.name $db.secret.passwordKey) | nindent 2 }}
{{- end }}

{{/*
The environment every function reads. Secrets come only by reference.
{{ include "kadence.env" (dict "root" . "jwt" true) }}
*/}}
{{- define "kadence.env" -}}
{{ include "kadence.databaseEnv" .root }}
{{- /* The outbox relay publishes each event to the KafkaSink of its topic: no Kafka address or credentials here. */}}
- name: KADENCE_SINKS_TASK_EVENTS
  value: {{ include "kadence.sinkUrl" (list .root "task-events") | quote }}
- name: KADENCE_SINKS_TASK_UPDATES
  value: {{ include "kadence.sinkUrl" (list .root "task-updates") | quote }}
- name: KADENCE_SINKS_REMINDERS
  value: {{ include "kadence.sinkUrl" (list .root "reminders") | quote }}
{{- if .jwt }}
- name: KADENCE_JWT_SECRET
  {{- include "kadence.secretRef" (list .root.Values.jwt.secret.name .root.Values.jwt.secret.key) | nindent 2 }}
{{- end }}
{{- /* The pod's network is its own: listen on every interface of it (the functions default to 127.0.0.1). */}}
- name: KADENCE_BIND_HOST
  value: "0.0.0.0"
{{- if .events }}
{{- /* What its KafkaSources send as the extension kadencetoken; POST /events without it is a 401. */}}
- name: KADENCE_DELIVERY_TOKEN
  {{- include "kadence.secretRef" (list .root.Values.platform.deliveryToken.secret "token") | nindent 2 }}
{{- end }}
{{- if .dapr }}
{{- /* What the Dapr sidecar sends as dapr-api-token (the same Secret as dapr.io/app-token-secret). */}}
- name: APP_API_TOKEN
  {{- include "kadence.secretRef" (list .root.Values.platform.appApiToken.secret "token") | nindent 2 }}
{{- end }}
{{- end }}

{{/*
The token of one of the platform's Secrets (platform.deliveryToken or platform.appApiToken), the same wherever it is
used in one rendering: {{ include "kadence.platformToken" (list . "deliveryToken") }}. platform.<name>.value if given;
else the key `token` of the Secret as it is in the cluster (Helm's lookup, unless platform.lookup is false: made by
hand, or by an earlier install of this release, so upgrades keep it); else a new random 48-character token. It also notes whether the chart owns the
Secret (it does not exist yet, or this release made it): then <name>.secret.yaml renders it with that token.
*/}}
{{- define "kadence.platformToken" -}}
{{- $root := index . 0 -}}
{{- $config := index $root.Values.platform (index . 1) -}}
{{- if not (hasKey $config "resolvedToken") -}}
{{- $existing := dict -}}
{{- if $root.Values.platform.lookup -}}
{{- $existing = lookup "v1" "Secret" $root.Release.Namespace $config.secret | default dict -}}
{{- end -}}
{{- $token := $config.value | default "" -}}
{{- if not $token -}}
{{- $token = dig "data" "token" "" $existing | b64dec -}}
{{- end -}}
{{- if not $token -}}
{{- $token = randAlphaNum 48 -}}
{{- end -}}
{{- $owner := dig "metadata" "annotations" "meta.helm.sh/release-name" "" $existing -}}
{{- $_ := set $config "resolvedToken" $token -}}
{{- $_ := set $config "chartOwned" (or (empty $existing) (eq $owner $root.Release.Name)) -}}
{{- end -}}
{{- $config.resolvedToken -}}
{{- end }}

{{/*
One of the platform's Secrets, when the chart owns it (see kadence.platformToken): {{ include "kadence.platformSecret"
(list . "deliveryToken" "what it is for") }}. Its token is random per release, never a value of the chart.
*/}}
{{- define "kadence.platformSecret" -}}
{{- $root := index . 0 -}}
{{- $config := index $root.Values.platform (index . 1) -}}
{{- $token := include "kadence.platformToken" (list $root (index . 1)) -}}
{{- if $config.chartOwned }}
# {{ index . 2 }}
apiVersion: v1
kind: Secret
metadata:
  name: {{ $config.secret }}
  labels:
    app.kubernetes.io/part-of: kadence
  annotations:
    # Made at the first install with a random token; later installs read it back (lookup) and keep it.
    kadence.dev/token: generated
type: Opaque
data:
  token: {{ $token | b64enc | quote }}
{{- end }}
{{- end }}

{{/*
What a KafkaSource sets on every event it delivers: the extension kadencetoken (the header ce-kadencetoken), the
delivery token the event functions require on POST /events (KADENCE_DELIVERY_TOKEN, from the Secret). A KafkaSource
cannot take an extension's value from a Secret (ceOverrides.extensions are plain strings), so the token read from or
written to the Secret (kadence.platformToken) is in the KafkaSources' spec: whoever may read KafkaSources in the
namespace may read it (docs/decisions.md, "Only the platform delivers").
*/}}
{{- define "kadence.ceOverrides" -}}
ceOverrides:
  extensions:
    kadencetoken: {{ include "kadence.platformToken" (list . "deliveryToken") | quote }}
{{- end }}

{{/*
The proxies whose X-Forwarded-For entries task-crud and the front door believe (KADENCE_TRUSTED_PROXIES): loopback
(queue-proxy in the pod), the cluster's pod networks and any proxies in front of the cluster (values: clientAddress).
*/}}
{{- define "kadence.trustedProxies" -}}
{{- $proxies := concat (list "127.0.0.0/8" "::1/128") .Values.clientAddress.podNetworks .Values.clientAddress.extraTrustedProxies -}}
- name: KADENCE_TRUSTED_PROXIES
  value: {{ join "," $proxies | quote }}
{{- end }}

{{/*
What a function's container may do: run as the image's non-root user, write nothing to its filesystem (the JVM is
started with -XX:-UsePerfData), gain no privilege, hold no capability.
*/}}
{{- define "kadence.securityContext" -}}
securityContext:
  runAsNonRoot: true
  readOnlyRootFilesystem: true
  allowPrivilegeEscalation: false
  capabilities:
    drop: ["ALL"]
  seccompProfile:
    type: RuntimeDefault
{{- end }}

{{/*
Where Prometheus finds a function's metrics (Micrometer at /prometheus on the container port), in the prometheus.io
annotations that Prometheus' usual kubernetes-pods scrape job reads from the pods.
*/}}
{{- define "kadence.scrapeAnnotations" -}}
prometheus.io/scrape: "true"
prometheus.io/port: "8080"
prometheus.io/path: /prometheus
{{- end }}

{{/* The functions' health endpoints; Knative probes the container port, so no port here. */}}
{{- define "kadence.probes" -}}
livenessProbe:
  httpGet:
    path: /health/liveness
  periodSeconds: 10
  failureThreshold: 3
readinessProbe:
  httpGet:
    path: /health/readiness
{{- end }}

{{/* How a KafkaSource retries a function, then parks the event on the dead-letter topic. */}}
{{- define "kadence.delivery" -}}
retry: {{ int .Values.delivery.retry }}
backoffPolicy: {{ .Values.delivery.backoffPolicy }}
backoffDelay: {{ .Values.delivery.backoffDelay | quote }}
deadLetterSink:
  ref:
    apiVersion: eventing.knative.dev/v1alpha1
    kind: KafkaSink
    name: kadence-dead-letters
{{- end }}

{{/* A KafkaSource's SASL/TLS settings, taken from the Kafka auth Secret (managed Kafka only). */}}
{{- define "kadence.kafkaSourceNet" -}}
{{- $secret := .Values.kafka.auth.secretName -}}
net:
  sasl:
    enable: true
    type:
      secretKeyRef: {name: {{ $secret }}, key: sasl.mechanism}
    user:
      secretKeyRef: {name: {{ $secret }}, key: user}
    password:
      secretKeyRef: {name: {{ $secret }}, key: password}
  tls:
    enable: true
    caCert:
      secretKeyRef: {name: {{ $secret }}, key: ca.crt, optional: true}
{{- end }}

{{/*
Who may connect to a function's pods: the Knative data plane (every request to a Knative Service passes the
activator or an ingress gateway, so the KafkaSource dispatcher and the front door arrive from there) and Prometheus
(/prometheus on the container port). Nothing else in the cluster, nothing from outside. The Dapr sidecar is in the
pod and needs no rule. {{ include "kadence.networkPolicy" (list . "notify") }}
*/}}
{{- define "kadence.networkPolicy" -}}
{{- $root := index . 0 -}}
{{- $function := index . 1 -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ $function }}
  labels:
    app.kubernetes.io/name: {{ $function }}
    app.kubernetes.io/part-of: kadence
spec:
  podSelector:
    matchLabels:
      serving.knative.dev/service: {{ $function }}
  policyTypes: [Ingress]
  ingress:
    - from:
        {{- range $root.Values.networkPolicy.knativeNamespaces }}
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ . }}
        {{- end }}
        {{- range $root.Values.networkPolicy.monitoringNamespaces }}
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ . }}
        {{- end }}
{{- end }}
