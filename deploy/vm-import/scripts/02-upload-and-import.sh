#!/usr/bin/env bash
# Uploads the VMware disk (stream-optimized VMDK, or OVA with DISK_FORMAT=ova) and starts the
# import. The task id is kept in $STATE_DIR/import-task-id; running again while a task is active
# reports that task instead of starting a second one.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

task_file="$STATE_DIR/import-task-id"
if [[ -s "$task_file" ]]; then
    task_id="$(cat "$task_file")"
    status="$(aws ec2 describe-import-image-tasks --import-task-ids "$task_id" \
        --query 'ImportImageTasks[0].Status' --output text)"
    if [[ "$status" == "active" ]]; then
        log "Import $task_id is already running; follow it with 03-watch-import.sh"
        exit 0
    fi
fi

if [[ ! -f "$IMAGE_FILE" ]]; then
    echo "no image file $IMAGE_FILE (export the VM from VMware as OVF/OVA first)" >&2
    exit 1
fi
log "Uploading $IMAGE_FILE to s3://$IMPORT_BUCKET/$IMAGE_KEY"
aws s3 cp "$IMAGE_FILE" "s3://$IMPORT_BUCKET/$IMAGE_KEY" --sse AES256

containers="$STATE_DIR/disk-containers.json"
render "$VM_IMPORT_DIR/policies/disk-containers.json.template" > "$containers"
log "Starting the import"
task_id="$(aws ec2 import-image \
    --description "foodtrace member server (Debian 6)" \
    --disk-containers "file://$containers" \
    --license-type BYOL \
    --boot-mode legacy-bios \
    --encrypted \
    --tag-specifications 'ResourceType=import-image-task,Tags=[{Key=suite,Value=foodtrace}]' \
    --query ImportTaskId --output text)"
echo "$task_id" > "$task_file"
log "Import task $task_id started; follow it with 03-watch-import.sh"
