#!/usr/bin/env bash
# Regenerate ops/k8s/configmap.yaml from the repository's config.yml (the one the image ships), so that the
# cluster runs the same configuration; environment-specific values come from the Deployment's env and Secret.
# ops/check.sh fails when the two differ.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
src="${1:-$root/config.yml}"
[ -f "$src" ] || { echo "no $src" >&2; exit 1; }
{
  cat <<'HEAD'
# GENERATED from config.yml by ops/k8s/sync-configmap.sh: edit config.yml, then re-run the script.
# Values are ${ENV_VAR:-default} placeholders filled from the Deployment's environment.
# A change here does not restart pods by itself: `kubectl rollout restart deployment/box-office`.
apiVersion: v1
kind: ConfigMap
metadata:
  name: box-office-config
  labels:
    app.kubernetes.io/name: box-office
data:
  config.yml: |
HEAD
  sed -e 's/^/    /' -e 's/^ *$//' "$src"
} > "$here/configmap.yaml"
echo "wrote $here/configmap.yaml from $src"
