{{/*
The operator names the objects it works with itself (WebhookOptions: Service paas-operator-webhook, configurations
paas-operator, Secret paas-operator-webhook-tls, Certificate paas-operator-webhook, Lease paas-operator-leader), so
the chart uses the same fixed names: one paas-operator per cluster, in the release namespace.
*/}}
{{- define "paas-operator.name" -}}paas-operator{{- end }}

{{- define "paas-operator.webhookService" -}}paas-operator-webhook{{- end }}

{{- define "paas-operator.serviceAccountName" -}}
{{- default "paas-operator" .Values.serviceAccount.name }}
{{- end }}

{{- define "paas-operator.image" -}}
{{ .Values.image.repository }}:{{ default .Chart.AppVersion .Values.image.tag }}
{{- end }}

{{- define "paas-operator.labels" -}}
app.kubernetes.io/name: paas-operator
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end }}

{{- define "paas-operator.selectorLabels" -}}
app.kubernetes.io/name: paas-operator
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: operator
{{- end }}

{{/* A caBundle the operator already published, kept across upgrades so admission never breaks in between. */}}
{{- define "paas-operator.existingCaBundle" -}}
{{- $existing := lookup "admissionregistration.k8s.io/v1" .kind "" "paas-operator" -}}
{{- if $existing -}}
{{- range $existing.webhooks -}}
{{- if and (eq .name $.webhook) .clientConfig.caBundle -}}{{ .clientConfig.caBundle }}{{- end -}}
{{- end -}}
{{- end -}}
{{- end }}
