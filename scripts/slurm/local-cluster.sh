#!/bin/bash
# The cluster path on a real SLURM, on this machine: installs Debian's slurm-wlm and munge (when
# missing; needs root or sudo and apt-get), starts munged, slurmctld and slurmd on localhost with
# a generated configuration, submits the sweep of docs/sweeps.md as an array job of 4 shards and
# its merge (scripts/slurm/submit.sh, as written there), runs the same sweep on this machine alone,
# and checks that the merged result is byte-equal to it. Stops the daemons it started on exit.
#
#   npm run build && bash scripts/slurm/local-cluster.sh
#
# Exit 0: byte-equal (or skipped: "SKIP: <reason>" when SLURM cannot be installed or started here).
# Exit 1: the cluster run failed or its result differs. MERSEY_SLURM_REQUIRED=1 turns a skip into a failure.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/mersey-slurm.XXXXXX")
pids=()

skip() {
  echo "SKIP: $*"
  [[ "${MERSEY_SLURM_REQUIRED:-0}" == 1 ]] && exit 1
  exit 0
}
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
cleanup() {
  # Clean-up never changes the verdict: keep the status the script exits with, whatever fails here.
  local status=$?
  set +e
  command -v scancel >/dev/null 2>&1 && [[ -n "${SLURM_CONF:-}" ]] && scancel --user="$(id -un)" >/dev/null 2>&1 || true
  # Only the daemons this script started, by their own process ids.
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for f in "$work"/run/*.pid; do [[ -f "$f" ]] && kill "$(cat "$f")" 2>/dev/null || true; done
  # The daemons may still be writing their logs as they stop (a first rm can fail under them).
  sleep 1
  rm -rf "$work" 2>/dev/null || rm -rf "$work" 2>/dev/null
  exit "$status"
}
trap cleanup EXIT

[[ -f "$repo/dist/cli/bin.js" ]] || fail "build first: npm run build (no dist/cli/bin.js in $repo)"

# 1. Packages.
as_root=()
if [[ $(id -u) -ne 0 ]]; then
  sudo -n true 2>/dev/null || skip "not root and no passwordless sudo: cannot install or start SLURM daemons"
  as_root=(sudo -n)
fi
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  command -v apt-get >/dev/null || skip "slurm-wlm and munge are not installed and there is no apt-get to install them"
  echo "Installing slurm-wlm and munge (apt-get)..."
  if ! "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends slurm-wlm munge \
    >"$work/apt.log" 2>&1; then
    "${as_root[@]}" apt-get update >>"$work/apt.log" 2>&1 || true
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends slurm-wlm munge \
      >>"$work/apt.log" 2>&1 || skip "apt-get could not install slurm-wlm and munge: $(tail -1 "$work/apt.log")"
  fi
fi
echo "SLURM $(slurmctld -V | awk '{print $2}'), munge $(munged -V 2>&1 | awk '{print $1}' | sed 's/munge-//')"

# 2. munge: its own socket and key in the work folder, run as the munge user when there is one.
mkdir -p "$work/run" "$work/munge" "$work/spool/ctld" "$work/spool/d" "$work/log"
chmod 755 "$work"
munge_user=root
id munge >/dev/null 2>&1 && munge_user=munge
"${as_root[@]}" dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
"${as_root[@]}" chmod 700 "$work/munge"
"${as_root[@]}" chmod 400 "$work/munge/munge.key"
"${as_root[@]}" chown -R "$munge_user" "$work/munge"
socket="$work/munge/munge.socket"
"${as_root[@]}" runuser -u "$munge_user" -- munged --force --key-file="$work/munge/munge.key" --socket="$socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log" --seed-file="$work/munge/seed" ||
  skip "munged would not start: $(tail -2 "$work/munge/munged.log" 2>/dev/null)"
pids+=("$("${as_root[@]}" cat "$work/munge/munged.pid")")
munge -n --socket="$socket" | unmunge --socket="$socket" >/dev/null || fail "munge does not decode its own credential"

# 3. SLURM: one node (this machine) with room for the 4 shards' 4 CPUs and 2 GB each.
host=$(hostname -s)
export SLURM_CONF="$work/slurm.conf"
cat >"$SLURM_CONF" <<CONF
ClusterName=mersey-local
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SlurmdParameters=config_overrides
ReturnToService=2
SlurmctldPidFile=$work/run/slurmctld.pid
SlurmdPidFile=$work/run/slurmd.pid
SlurmctldPort=16817
SlurmdPort=16818
StateSaveLocation=$work/spool/ctld
SlurmdSpoolDir=$work/spool/d
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 CPUs=16 RealMemory=16384 State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
"${as_root[@]}" env SLURM_CONF="$SLURM_CONF" slurmctld -f "$SLURM_CONF" -i || skip "slurmctld would not start: $(tail -3 "$work/log/slurmctld.log" 2>/dev/null)"
"${as_root[@]}" env SLURM_CONF="$SLURM_CONF" slurmd -f "$SLURM_CONF" || skip "slurmd would not start: $(tail -3 "$work/log/slurmd.log" 2>/dev/null)"
for _ in $(seq 60); do
  state=$(sinfo -h -o %T 2>/dev/null | head -1 || true)
  [[ "$state" == idle* ]] && break
  sleep 1
done
[[ "$state" == idle* ]] || skip "the SLURM node did not come up (state '${state:-none}'): $(tail -3 "$work/log/slurmd.log" 2>/dev/null)"
echo "SLURM up: node $host $(sinfo -h -o '%c CPUs, %m MB')"

# 4. The recipe, as docs/sweeps.md gives it, in a folder holding the built package.
cluster="$work/cluster"
mkdir -p "$cluster"
for f in dist models data node_modules package.json; do ln -s "$repo/$f" "$cluster/$f"; done
cd "$cluster"
ids=$(bash "$repo/scripts/slurm/submit.sh")
merge_id=$(echo "$ids" | tail -1 | cut -d';' -f1)
echo "Submitted the array job and the merge (job $merge_id)"
t0=$(date +%s)
while squeue -h -o %i 2>/dev/null | grep -q .; do
  (($(date +%s) - t0 > 1800)) && fail "the jobs did not finish in 30 minutes: $(squeue)"
  sleep 2
done
for log in logs/*; do
  if grep -qi "error" "$log"; then echo "--- $log" && cat "$log"; fi
done
[[ -f results/mersey-sweep/designs.csv ]] || fail "no merged result: $(cat logs/* 2>/dev/null | tail -20)"
echo "Array job and merge done in $(($(date +%s) - t0)) s: $(ls -d results/shard-* | wc -l) shards merged"

# 5. The same sweep on this machine alone, then byte-equality of every file both wrote.
node dist/cli/bin.js sweep models/mersey-sweep.json --quiet --out "$work/single" >/dev/null
same=0
for f in "$work"/single/*; do
  name=$(basename "$f")
  [[ -f "results/mersey-sweep/$name" ]] || fail "the merged result has no $name"
  cmp -s "$f" "results/mersey-sweep/$name" || fail "$name differs between the merged SLURM run and the single-machine sweep"
  same=$((same + 1))
done
echo "PASS: the SLURM array run (4 shards) merged byte-equal to the single-machine sweep ($same files: $(ls "$work/single" | tr '\n' ' '))"
