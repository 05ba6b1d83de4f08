{{/*
The templates of this chart use a small subset of Helm's template language, so that the build can render and check
them without the helm binary (docs/src/test/java/dev/meshprov/docs/HelmTemplate.java): value lookups, if/else if/else/
end, define/include, and the functions default, contains, not, quote, printf, trunc, trimSuffix, toYaml, indent,
nindent and sha256sum.
*/}}

{{- define "meshprov.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The release name alone when it already contains the chart's name (release "meshprov" -> "meshprov"). */}}
{{- define "meshprov.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else if contains (include "meshprov.name" .) .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "meshprov.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "meshprov.selectorLabels" -}}
app.kubernetes.io/name: {{ include "meshprov.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "meshprov.labels" -}}
{{ include "meshprov.selectorLabels" . }}
app.kubernetes.io/version: {{ quote .Chart.AppVersion }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "meshprov.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "meshprov.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}
