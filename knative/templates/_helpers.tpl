{{/*
Shared fragments. Every resource lives in its own <thing>.<kind>.yaml file; only fragments live here.
*/}}

{{/* The image of one function: {{ include "kadence.image" (list . "task-crud") }} */}}
{{- define "kadence.image" -}}
{{- $root := index . 0 -}}
{{ $root.Values.image.registry }}/kadence-{{ index . 1 }}:{{ $root.Values.image.tag }}
{{- end }}

{{/* The Kafka bootstrap servers as the functions take them: one comma-separated string. */}}
{{- define "kadence.kafkaBootstrap" -}}
{{ join "," .Values.kafka.bootstrapServers }}
{{- end }}

{{/* A value from an existing Secret: {{ include "kadence.secretRef" (list "secret-name" "key") }} */}}
{{- define "kadence.secretRef" -}}
valueFrom:
  secretKeyRef:
    name: {{ index . 0 }}
    key: {{ index . 1 | quote }}
{{- end }}

{{/*
The environment every function reads. Secrets come only by reference.
{{ include "kadence.env" (dict "root" . "jwt" true) }}
*/}}
{{- define "kadence.env" -}}
{{- $db := .root.Values.database -}}
- name: KADENCE_LOG_FORMAT
  value: {{ .root.Values.logFormat | quote }}
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
- name: KADENCE_KAFKA_BOOTSTRAP
  value: {{ include "kadence.kafkaBootstrap" .root | quote }}
{{- if .root.Values.kafka.auth.enabled }}
{{- $kafkaSecret := .root.Values.kafka.auth.secretName }}
- name: KADENCE_KAFKA_SECURITY_PROTOCOL
  {{- include "kadence.secretRef" (list $kafkaSecret "protocol") | nindent 2 }}
- name: KADENCE_KAFKA_SASL_MECHANISM
  {{- include "kadence.secretRef" (list $kafkaSecret "sasl.mechanism") | nindent 2 }}
- name: KADENCE_KAFKA_SASL_USER
  {{- include "kadence.secretRef" (list $kafkaSecret "user") | nindent 2 }}
- name: KADENCE_KAFKA_SASL_PASSWORD
  {{- include "kadence.secretRef" (list $kafkaSecret "password") | nindent 2 }}
- name: KADENCE_KAFKA_CA_CERT
  valueFrom:
    secretKeyRef:
      name: {{ $kafkaSecret }}
      key: ca.crt
      optional: true
{{- end }}
{{- if .jwt }}
- name: KADENCE_JWT_SECRET
  {{- include "kadence.secretRef" (list .root.Values.jwt.secret.name .root.Values.jwt.secret.key) | nindent 2 }}
{{- end }}
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
