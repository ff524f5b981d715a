#!/usr/bin/env bash
# Follows the import task until it completes or fails, printing status and progress.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

task_id="${1:-$(cat "$STATE_DIR/import-task-id")}"
interval="${POLL_SECONDS:-60}"
while true; do
    IFS=$'\t' read -r status progress message image < <(aws ec2 describe-import-image-tasks \
        --import-task-ids "$task_id" \
        --query 'ImportImageTasks[0].[Status,Progress,StatusMessage,ImageId]' --output text)
    log "$task_id: $status ${progress/None/-}% ${message/None/}"
    case "$status" in
        completed)
            echo "$image" > "$STATE_DIR/image-id"
            log "Image $image is ready; launch it with 04-launch-and-check.sh"
            exit 0
            ;;
        deleted|deleting)
            log "The import failed: $message"
            aws ec2 describe-import-image-tasks --import-task-ids "$task_id"
            exit 1
            ;;
    esac
    sleep "$interval"
done
