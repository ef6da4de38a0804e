#!/usr/bin/env bash
# Starts a private single-node SLURM cluster (munged, slurmctld, slurmd) as root, without
# systemd, with every file under one folder, for tests that submit real jobs.
#
#   start-slurm.sh DIR
#
# Installs Debian's slurm-wlm and munge when they are missing (install-slurm.sh). Writes
# DIR/slurm.conf and DIR/env.sh (export SLURM_CONF=...), starts the three daemons with their
# sockets, state, spool, logs and pid files inside DIR, records the pids it started in
# DIR/pids, and returns once the node is idle. stop-slurm.sh DIR kills exactly those pids.
# Exit codes: 0 cluster up; 3 SLURM cannot be installed here (the caller may skip);
# anything else is a real failure, and the logs in DIR say why.
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: start-slurm.sh DIR (an empty or new folder for the cluster's files)" >&2
    exit 2
fi
mkdir -p "$1"
dir="$(cd "$1" && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
started=$(date +%s.%N)

if [ -s "$dir/pids" ]; then
    echo "start-slurm: $dir/pids exists; a cluster may already run from $dir (stop it first)" >&2
    exit 2
fi

# --- install ------------------------------------------------------------------------------
status=0
bash "$here/install-slurm.sh" || status=$?
[ "$status" -eq 0 ] || exit "$status"
installed=$(date +%s.%N)

# --- configuration ------------------------------------------------------------------------
node="$(hostname -s)"
mkdir -p "$dir/munge" "$dir/state" "$dir/spool" "$dir/log"
chmod 700 "$dir/munge"

# Two free TCP ports on loopback for slurmctld and slurmd; a fixed pair would collide with a
# cluster someone else runs on this machine.
free_port() {
    local port
    for _ in $(seq 1 200); do
        port=$((20000 + RANDOM % 20000))
        # A port is taken when something accepts a connection on it.
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}
ctld_port="$(free_port)"
slurmd_port="$(free_port)"
while [ "$slurmd_port" = "$ctld_port" ]; do slurmd_port="$(free_port)"; done

# slurmd -C reports this machine's sockets, cores, threads and memory as a NodeName line.
hw="$(slurmd -C | head -n 1)"
cpus="$(sed -n 's/.*CPUs=\([0-9]*\).*/\1/p' <<<"$hw")"
memory="$(sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' <<<"$hw")"
cpus="${cpus:-$(nproc)}"
memory="${memory:-1024}"

cat >"$dir/slurm.conf" <<EOF
# Single-node test cluster written by start-slurm.sh; every path lives under $dir.
ClusterName=nptest
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
KillWait=5
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
echo "export SLURM_CONF=$dir/slurm.conf" >"$dir/env.sh"
export SLURM_CONF="$dir/slurm.conf"

# --- daemons ------------------------------------------------------------------------------
# Each daemon runs in the foreground of a background job so that $! is its own pid.
record() { echo "$1 $2" >>"$dir/pids"; }

mungekey --create --keyfile "$dir/munge/munge.key" 2>>"$dir/log/munged.log" \
    || dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$dir/munge/munge.key"
# --force: munged refuses by default to run as root and to keep its socket under /tmp.
munged --foreground --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
    --pid-file="$dir/munge/munged.pid" --log-file="$dir/log/munged.log" \
    --seed-file="$dir/munge/munged.seed" </dev/null >>"$dir/log/munged.log" 2>&1 &
record munged $!
for _ in $(seq 1 100); do [ -S "$dir/munge/munge.socket" ] && break; sleep 0.05; done

slurmctld -D -i -f "$dir/slurm.conf" </dev/null >>"$dir/log/slurmctld.stdout" 2>&1 &
record slurmctld $!
slurmd -D -f "$dir/slurm.conf" -N "$node" </dev/null >>"$dir/log/slurmd.stdout" 2>&1 &
record slurmd $!

fail() {
    echo "start-slurm: $1; logs in $dir/log" >&2
    tail -n 20 "$dir"/log/*.log >&2 || true
    bash "$here/stop-slurm.sh" "$dir" >&2 || true
    exit 1
}

# --- wait for an idle node ----------------------------------------------------------------
state=""
for _ in $(seq 1 300); do
    while read -r name pid; do
        kill -0 "$pid" 2>/dev/null || fail "$name (pid $pid) exited during start"
    done <"$dir/pids"
    state="$(sinfo -h -n "$node" -o %T 2>/dev/null || true)"
    case "$state" in
        idle) break ;;
        down* | drain* | fail*) scontrol update NodeName="$node" State=RESUME >/dev/null 2>&1 || true ;;
    esac
    sleep 0.1
done
[ "$state" = "idle" ] || fail "node $node did not become idle within 30 s (last state: '${state:-none}')"

ready=$(date +%s.%N)
awk -v n="$node" -v c="$cpus" -v s="$started" -v i="$installed" -v r="$ready" 'BEGIN {
    printf "start-slurm: node %s idle with %s CPUs; install check %.1f s, daemons up in %.1f s\n", n, c, i - s, r - i
}' >&2
echo "$dir/slurm.conf"
