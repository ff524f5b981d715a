#!/usr/bin/env bash
# Shared settings of the VM Import scripts. Source it; every value can be set beforehand.
# shellcheck disable=SC2034  # the variables are used by the scripts that source this file

AWS_REGION="${AWS_REGION:-ap-northeast-1}"
IMPORT_BUCKET="${IMPORT_BUCKET:?set IMPORT_BUCKET to the bucket that receives the VMware export}"
IMAGE_FILE="${IMAGE_FILE:-member-server-disk1.vmdk}"
IMAGE_KEY="${IMAGE_KEY:-vm-import/$(basename "$IMAGE_FILE")}"
STATE_DIR="${STATE_DIR:-$HOME/.foodtrace-vm-import}"
VM_IMPORT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export AWS_REGION

mkdir -p "$STATE_DIR"

log() {
    printf '%s %s\n' "$(date '+%H:%M:%S')" "$*"
}

# Replaces @NAME@ placeholders of a template with the shell variables of the same name.
render() {
    local template="$1"
    sed -e "s|@IMPORT_BUCKET@|${IMPORT_BUCKET}|g" \
        -e "s|@IMAGE_KEY@|${IMAGE_KEY}|g" \
        -e "s|@DISK_FORMAT@|${DISK_FORMAT:-vmdk}|g" \
        "$template"
}
