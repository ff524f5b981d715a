#!/usr/bin/env bash
# Installs (or updates) the Postfix relay that hands the member server's mail to Amazon SES.
# Idempotent: renders main.cf from main.cf.template, checks the configuration and starts the
# instance, or reloads it when it is already running.
#
# Settings (environment):
#   SES_REGION             SES region of the SMTP endpoint          (default ap-northeast-1)
#   RELAY_HOST, RELAY_PORT relay target                              (default email-smtp.<region>.amazonaws.com, 587)
#   SASL_CREDENTIALS_FILE  root-only file "[host]:port user:password" (default /etc/postfix/sasl/ses-smtp-credentials)
#   CLIENT_NETWORKS        who may relay                             (default 127.0.0.0/8)
#   LISTEN_INTERFACES      inet_interfaces                           (default loopback-only)
#   RELAY_HOSTNAME         myhostname                                (default: hostname -f)
#   TLS_LEVEL              smtp_tls_security_level                   (default encrypt; "none" only against a local test sink)
#   POSTFIX_CONFIG_DIR     instance configuration directory          (default /etc/postfix)
#   POSTFIX_QUEUE_DIR, POSTFIX_DATA_DIR, MAILLOG_FILE                (defaults: the Debian ones)
#   SMTPD_LISTEN           smtpd listener of master.cf              (default smtp, i.e. port 25)
#   POSTFIX_CHROOT         y/n: run services chrooted                (default: keep master.cf as it is)
# Options: --render-only   write main.cf and master.cf, do not start or reload
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
render_only=false
if [[ "${1:-}" == "--render-only" ]]; then
    render_only=true
fi

ses_region="${SES_REGION:-ap-northeast-1}"
relay_host="${RELAY_HOST:-email-smtp.${ses_region}.amazonaws.com}"
relay_port="${RELAY_PORT:-587}"
credentials="${SASL_CREDENTIALS_FILE:-/etc/postfix/sasl/ses-smtp-credentials}"
client_networks="${CLIENT_NETWORKS:-127.0.0.0/8}"
listen_interfaces="${LISTEN_INTERFACES:-loopback-only}"
relay_hostname="${RELAY_HOSTNAME:-$(hostname -f 2>/dev/null || hostname)}"
tls_level="${TLS_LEVEL:-encrypt}"
config_dir="${POSTFIX_CONFIG_DIR:-/etc/postfix}"
queue_dir="${POSTFIX_QUEUE_DIR:-/var/spool/postfix}"
data_dir="${POSTFIX_DATA_DIR:-/var/lib/postfix}"
maillog_file="${MAILLOG_FILE:-/var/log/postfix-relay.log}"
smtpd_listen="${SMTPD_LISTEN:-smtp}"

if ! command -v postconf >/dev/null 2>&1; then
    echo "Installing postfix from Debian"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        postfix libsasl2-modules ca-certificates
fi

case "$credentials" in
    "$here"/*)
        echo "refusing $credentials: credentials must live outside the repository" >&2
        exit 1
        ;;
esac
if [[ ! -f "$credentials" ]]; then
    echo "missing $credentials: write one line '[${relay_host}]:${relay_port} SMTP_USER:SMTP_PASSWORD'" >&2
    exit 1
fi
chmod 600 "$credentials"
if [[ "$tls_level" != "encrypt" ]]; then
    echo "WARNING: TLS_LEVEL=$tls_level; only use this against a local test sink"
fi

echo "Rendering $config_dir/main.cf (relay [$relay_host]:$relay_port, TLS $tls_level)"
mkdir -p "$config_dir" "$queue_dir" "$data_dir"
sed -e "s|@RELAY_HOSTNAME@|${relay_hostname}|g" \
    -e "s|@LISTEN_INTERFACES@|${listen_interfaces}|g" \
    -e "s|@CLIENT_NETWORKS@|${client_networks}|g" \
    -e "s|@QUEUE_DIRECTORY@|${queue_dir}|g" \
    -e "s|@DATA_DIRECTORY@|${data_dir}|g" \
    -e "s|@MAILLOG_FILE@|${maillog_file}|g" \
    -e "s|@MAILLOG_DIRECTORY@|$(dirname "$maillog_file")|g" \
    -e "s|@RELAY_HOST@|${relay_host}|g" \
    -e "s|@RELAY_PORT@|${relay_port}|g" \
    -e "s|@SASL_CREDENTIALS_FILE@|${credentials}|g" \
    -e "s|@TLS_LEVEL@|${tls_level}|g" \
    "$here/main.cf.template" > "$config_dir/main.cf.new"
if grep -q '@[A-Z_]*@' "$config_dir/main.cf.new"; then
    echo "unrendered placeholders left in main.cf" >&2
    exit 1
fi
mv "$config_dir/main.cf.new" "$config_dir/main.cf"
# The master's lock and the TLS caches live here; Postfix creates the queue's own subdirectories.
chown "$(postconf -h mail_owner)" "$data_dir"

if [[ ! -f "$config_dir/master.cf" ]]; then
    cp /etc/postfix/master.cf "$config_dir/master.cf"
fi
if [[ "$smtpd_listen" != "smtp" ]]; then
    echo "smtpd listens on $smtpd_listen"
    postconf -c "$config_dir" -MX smtp/inet || true
    postconf -c "$config_dir" -M -e "${smtpd_listen}/inet = ${smtpd_listen} inet n - n - - smtpd"
fi
if [[ -n "${POSTFIX_CHROOT:-}" ]]; then
    postconf -c "$config_dir" -F -e "*/*/chroot = ${POSTFIX_CHROOT}"
fi

echo "Checking the configuration"
postfix -c "$config_dir" check

if [[ "$render_only" == true ]]; then
    echo "Rendered only; not starting"
    exit 0
fi
if postfix -c "$config_dir" status >/dev/null 2>&1; then
    echo "Reloading the running relay"
    postfix -c "$config_dir" reload
else
    echo "Starting the relay"
    postfix -c "$config_dir" start
fi
