#!/usr/bin/env bash
# Creates the import bucket (private, encrypted) and the vmimport service role with its policy.
# Idempotent: existing resources are kept, the role policy is rewritten.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if aws s3api head-bucket --bucket "$IMPORT_BUCKET" 2>/dev/null; then
    log "Bucket $IMPORT_BUCKET exists"
else
    log "Creating bucket $IMPORT_BUCKET in $AWS_REGION"
    aws s3api create-bucket --bucket "$IMPORT_BUCKET" \
        --create-bucket-configuration "LocationConstraint=$AWS_REGION"
fi
log "Blocking public access and enabling default encryption"
aws s3api put-public-access-block --bucket "$IMPORT_BUCKET" --public-access-block-configuration \
    BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
aws s3api put-bucket-encryption --bucket "$IMPORT_BUCKET" --server-side-encryption-configuration \
    '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"AES256"}}]}'

if aws iam get-role --role-name vmimport >/dev/null 2>&1; then
    log "Role vmimport exists"
else
    log "Creating role vmimport"
    aws iam create-role --role-name vmimport \
        --assume-role-policy-document "file://$VM_IMPORT_DIR/policies/vmimport-trust-policy.json"
fi
policy="$STATE_DIR/vmimport-role-policy.json"
render "$VM_IMPORT_DIR/policies/vmimport-role-policy.json.template" > "$policy"
log "Writing the vmimport role policy for bucket $IMPORT_BUCKET"
aws iam put-role-policy --role-name vmimport --policy-name vmimport \
    --policy-document "file://$policy"
