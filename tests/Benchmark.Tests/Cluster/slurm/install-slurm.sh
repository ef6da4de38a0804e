#!/usr/bin/env bash
# Installs Debian's slurm-wlm and munge with apt when they are missing, without starting the
# packaged daemons. Exit codes: 0 installed (or already there); 3 they cannot be installed here
# (not root, no apt-get, or apt-get failed), with the reason on standard error.
set -uo pipefail

installed() {
    local program
    for program in slurmctld slurmd munged mungekey sbatch squeue scancel sinfo scontrol; do
        command -v "$program" >/dev/null || return 1
    done
}
installed && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "install-slurm: slurm-wlm and munge are not installed, and installing them needs root" >&2
    exit 3
fi
if ! command -v apt-get >/dev/null; then
    echo "install-slurm: slurm-wlm and munge are not installed, and this system has no apt-get" >&2
    exit 3
fi

echo "install-slurm: installing slurm-wlm and munge with apt-get" >&2
log="$(mktemp)"
# Debian's maintainer scripts would start the packaged daemons; a policy-rc.d answering 101
# (action forbidden) keeps the machine free of daemons nobody asked for.
made_policy=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
fi
ok=1
{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    slurm-wlm munge; } >"$log" 2>&1 || ok=0
[ "$made_policy" -eq 0 ] || rm -f /usr/sbin/policy-rc.d

if [ "$ok" -eq 0 ] || ! installed; then
    echo "install-slurm: apt-get could not install slurm-wlm and munge:" >&2
    tail -n 5 "$log" >&2
    rm -f "$log"
    exit 3
fi
rm -f "$log"
