#!/usr/bin/env bash
# Stops the cluster that start-slurm.sh DIR started: kills exactly the pids recorded in
# DIR/pids (slurmd, slurmctld, munged, in that order), waits for them, and removes DIR/pids.
#
#   stop-slurm.sh DIR
#
# Processes of jobs still running are ended first with scancel, so no job outlives the cluster.
set -uo pipefail

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
    echo "usage: stop-slurm.sh DIR (the folder given to start-slurm.sh)" >&2
    exit 2
fi
dir="$(cd "$1" && pwd)"
[ -s "$dir/pids" ] || exit 0

if [ -f "$dir/slurm.conf" ] && command -v scancel >/dev/null; then
    export SLURM_CONF="$dir/slurm.conf"
    if scancel --full --quiet --partition=debug 2>/dev/null; then
        for _ in $(seq 1 100); do
            [ -z "$(squeue -h -o %i 2>/dev/null)" ] && break
            sleep 0.1
        done
    fi
fi

# Reverse order of start: the daemons that talk to munged go first.
mapfile -t lines < <(tac "$dir/pids")
for line in "${lines[@]}"; do
    read -r name pid <<<"$line"
    # Only a process that is still the daemon we started is signalled (pids are reused).
    if [ -r "/proc/$pid/comm" ] && [ "$(cat "/proc/$pid/comm")" = "$name" ]; then
        kill -TERM "$pid" 2>/dev/null
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        if kill -0 "$pid" 2>/dev/null; then
            echo "stop-slurm: $name (pid $pid) ignored SIGTERM for 5 s; sending SIGKILL" >&2
            kill -KILL "$pid" 2>/dev/null
        fi
    fi
done
rm -f "$dir/pids"
