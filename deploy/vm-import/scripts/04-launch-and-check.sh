#!/usr/bin/env bash
# Launches the imported image and runs the checks after launch: instance and system status
# checks, the kernel's boot messages on the console, then over SSH the disk, the network, the
# clock and the services the member server must run.
#
# Settings: SUBNET_ID, SECURITY_GROUP_ID, KEY_NAME (required), INSTANCE_TYPE (default m4.large:
# a Xen type, since the Debian 6 kernel has neither ENA nor NVMe drivers), SSH_USER (default
# root), EXPECTED_SERVICES (default "sshd apache2 postfix").
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

image_id="${IMAGE_ID:-$(cat "$STATE_DIR/image-id")}"
instance_type="${INSTANCE_TYPE:-m4.large}"
ssh_user="${SSH_USER:-root}"
expected_services="${EXPECTED_SERVICES:-sshd apache2 postfix}"
: "${SUBNET_ID:?set SUBNET_ID (a private subnet of the suite VPC)}"
: "${SECURITY_GROUP_ID:?set SECURITY_GROUP_ID}"
: "${KEY_NAME:?set KEY_NAME}"

instance_file="$STATE_DIR/instance-id"
if [[ -s "$instance_file" ]]; then
    instance_id="$(cat "$instance_file")"
    log "Reusing instance $instance_id"
else
    log "Launching $image_id as $instance_type"
    instance_id="$(aws ec2 run-instances --image-id "$image_id" --instance-type "$instance_type" \
        --subnet-id "$SUBNET_ID" --security-group-ids "$SECURITY_GROUP_ID" --key-name "$KEY_NAME" \
        --metadata-options HttpTokens=required \
        --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=foodtrace-member-server},{Key=suite,Value=foodtrace}]' \
        --query 'Instances[0].InstanceId' --output text)"
    echo "$instance_id" > "$instance_file"
fi

log "Waiting for the instance and system status checks"
aws ec2 wait instance-status-ok --instance-ids "$instance_id"

log "Checking the boot messages on the console"
console="$(aws ec2 get-console-output --instance-id "$instance_id" --latest --output text --query Output || true)"
if grep -qiE 'kernel panic|VFS: Unable to mount root' <<<"$console"; then
    echo "the kernel did not boot cleanly:" >&2
    tail -n 40 <<<"$console" >&2
    exit 1
fi

address="$(aws ec2 describe-instances --instance-ids "$instance_id" \
    --query 'Reservations[0].Instances[0].PrivateIpAddress' --output text)"
log "Checking $address over SSH"
remote() {
    ssh -o BatchMode=yes -o StrictHostKeyChecking=accept-new -o ConnectTimeout=10 "$ssh_user@$address" "$@"
}
remote 'cat /etc/debian_version; uname -r'
remote 'df -h / | tail -n 1'
remote 'ip -4 addr show eth0 | grep -q inet' || { echo "eth0 has no address (udev rules?)" >&2; exit 1; }
remote 'date -u'
failed=0
for service in $expected_services; do
    if remote "pgrep -x $service >/dev/null"; then
        log "  $service runs"
    else
        log "  $service is NOT running"
        failed=1
    fi
done
if [[ "$failed" -ne 0 ]]; then
    exit 1
fi
log "All checks passed for $instance_id ($address)"
