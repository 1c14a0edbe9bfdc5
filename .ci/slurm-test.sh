#!/usr/bin/env bash
# A ScaleSim sweep as a Slurm job array on a real, one-node Slurm of this script's own (docs/cluster.md, "Tested
# against a real Slurm"). It installs Debian's slurmctld, slurmd, slurm-client and munge when they are missing,
# writes a one-node configuration into a temporary directory, starts munged, slurmctld and slurmd, and then:
#   1. trains the experiment locally with `sweep run` (the reference tables);
#   2. submits it with `sweep submit --slurm` (a throttled job array) and waits for a task to be training its run;
#   3. cancels that task with `scancel JOB_TASK` (Slurm sends SIGTERM: the worker checkpoints and releases its claim);
#   4. waits for the array to drain, resubmits (only the cancelled run is left), and waits again;
#   5. checks that runs.csv and curves.csv equal the local ones byte for byte, that every run is completed, that the
#      cancelled run was resumed from the step it stopped at, and that no run was trained twice (the workers' logs
#      show each run's steps trained exactly once between them);
# and stops the daemons by the PIDs in their pid files. Where Slurm cannot be installed it says so and exits 0.
#
# Environment: SLURM_TEST_EXPERIMENT (default tiny-chinchilla-quick, 13 runs), SLURM_TEST_TIMEOUT (seconds for each
# wait, default 600), SLURM_TEST_KEEP=1 keeps the working directory.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
EXPERIMENT=${SLURM_TEST_EXPERIMENT:-tiny-chinchilla-quick}
WAIT=${SLURM_TEST_TIMEOUT:-600}
STARTED=$SECONDS

say() { echo "slurm-test [$((SECONDS - STARTED)) s]: $*"; }
skip() { echo "slurm-test: SKIPPED: $*"; exit 0; }

# --- Slurm and munge -------------------------------------------------------------------------------------------
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  [ "$(id -u)" = 0 ] || skip "Slurm is not installed and this is not root, so it cannot be installed"
  command -v apt-get >/dev/null || skip "Slurm is not installed and there is no apt-get to install it with"
  say "installing slurmctld slurmd slurm-client munge"
  export DEBIAN_FRONTEND=noninteractive
  if ! timeout 300 apt-get install -y --no-install-recommends slurmctld slurmd slurm-client munge >/tmp/slurm-test-apt.log 2>&1; then
    timeout 300 apt-get update >>/tmp/slurm-test-apt.log 2>&1 || true
    timeout 300 apt-get install -y --no-install-recommends slurmctld slurmd slurm-client munge >>/tmp/slurm-test-apt.log 2>&1 \
      || skip "apt-get could not install Slurm (see /tmp/slurm-test-apt.log)"
  fi
fi
[ "$(id -u)" = 0 ] || skip "slurmd must start as root to run jobs, and this is not root"
command -v dotnet >/dev/null || { echo "slurm-test: the .NET SDK (dotnet) is required" >&2; exit 1; }

WORK=$(mktemp -d /tmp/scalesim-slurm.XXXXXX)
STATE=$WORK/state
mkdir -p "$STATE/ctld" "$STATE/d"
STARTED_MUNGED=
cleanup() {
  local code=$?
  # Stop what this script started, by the PIDs in the pid files, and wait for the daemons to be gone: slurmctld writes
  # its state on the way out, and removing the directory under it failed the test once ("Directory not empty").
  local pids=()
  for pidfile in "$STATE/slurmd.pid" "$STATE/slurmctld.pid"; do
    [ -s "$pidfile" ] && pids+=("$(cat "$pidfile")") || true
  done
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  if [ -n "$STARTED_MUNGED" ] && [ -s /run/munge/munged.pid ]; then kill "$(cat /run/munge/munged.pid)" 2>/dev/null || true; fi
  if [ "$code" != 0 ]; then
    echo "slurm-test: FAILED (exit $code); logs follow" >&2
    for log in "$STATE/slurmctld.log" "$STATE/slurmd.log" "$WORK"/cluster/slurm/*.out; do
      [ -f "$log" ] && { echo "--- $log" >&2; tail -n 30 "$log" >&2; }
    done
  fi
  # Removing the scratch directory is tidying, not the test: it must not change the exit code.
  if [ "${SLURM_TEST_KEEP:-}" != 1 ] && [ "$code" = 0 ]; then
    rm -rf "$WORK" 2>/dev/null || { sleep 1; rm -rf "$WORK" 2>/dev/null; } || echo "slurm-test: could not remove $WORK" >&2
  fi
  exit "$code"
}
trap cleanup EXIT

if [ ! -s /etc/munge/munge.key ]; then
  mkdir -p /etc/munge
  dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none
  chown munge:munge /etc/munge/munge.key
  chmod 400 /etc/munge/munge.key
fi
if ! munge -n >/dev/null 2>&1; then
  # munged refuses to run as root; its socket directory must belong to it.
  mkdir -p /run/munge
  chown munge:munge /run/munge
  chmod 755 /run/munge
  runuser -u munge -- /usr/sbin/munged
  STARTED_MUNGED=1
  for _ in $(seq 50); do munge -n >/dev/null 2>&1 && break; sleep 0.1; done
fi

HOST=$(hostname -s)
# Ports of its own, so that a Slurm already on this machine is left alone.
cat >"$STATE/slurm.conf" <<EOF
ClusterName=scalesimci
SlurmctldHost=$HOST
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=cred_expire=10
StateSaveLocation=$STATE/ctld
SlurmdSpoolDir=$STATE/d
SlurmctldPidFile=$STATE/slurmctld.pid
SlurmdPidFile=$STATE/slurmd.pid
SlurmctldLogFile=$STATE/slurmctld.log
SlurmdLogFile=$STATE/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerParameters=sched_interval=2
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/filetxt
JobCompLoc=$STATE/jobcomp.log
MpiDefault=none
ReturnToService=2
MinJobAge=600
KillWait=30
NodeName=$HOST CPUs=2 State=UNKNOWN
PartitionName=ci Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$STATE/slurm.conf
slurmctld -i
slurmd
for _ in $(seq 100); do sinfo -h -o %t 2>/dev/null | grep -q idle && break; sleep 0.2; done
sinfo -h -o %t | grep -q idle || { echo "slurm-test: the node never became idle" >&2; exit 1; }
say "Slurm is up: $(sinfo -h -o '%P %D %t %c')"

# --- ScaleSim ----------------------------------------------------------------------------------------------------
DLL=$ROOT/src/ScaleSim.Cli/bin/Release/net10.0/scalesim.dll
[ -f "$DLL" ] || dotnet build src/ScaleSim.Cli -c Release -v quiet
scalesim() { dotnet "$DLL" "$@"; }
LOCAL=$WORK/local
CLUSTER=$WORK/cluster

say "training $EXPERIMENT locally (sweep run, 2 at once) for the reference tables"
scalesim sweep run "$EXPERIMENT" --out "$LOCAL" --parallel 2 2>"$WORK/local.log"

# waits until the job's tasks have all left the queue
drain() {
  local job=$1 deadline=$((SECONDS + WAIT))
  while [ -n "$(squeue -h -r -j "$job" -o %i 2>/dev/null)" ]; do
    [ $SECONDS -lt $deadline ] || { echo "slurm-test: job $job still queued after $WAIT s" >&2; squeue -r >&2; exit 1; }
    sleep 2
  done
}
field() { sed -n "s/.*\"$1\": *\"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}$/\1/p" | head -n 1; }

say "submitting $EXPERIMENT as a job array (sweep submit --slurm --max-parallel 2)"
scalesim sweep submit "$EXPERIMENT" --slurm --out "$CLUSTER" --max-parallel 2 --json >"$WORK/submit1.json"
JOB1=$(field job_id <"$WORK/submit1.json")
TASKS1=$(field tasks <"$WORK/submit1.json")
say "job $JOB1: $TASKS1 tasks"

# The run to cancel: the longest, once its task is running and has written a checkpoint past step 0.
scalesim sweep status "$EXPERIMENT" --out "$CLUSTER" --json >"$WORK/status0.json"
read -r VICTIM_INDEX VICTIM < <(awk '
  /"run":/ { gsub(/[",]/, "", $2); run = $2 }
  /"index":/ { gsub(/,/, "", $2); index_ = $2 }
  /"total_steps":/ { gsub(/,/, "", $2); if ($2 + 0 > best) { best = $2 + 0; pick = index_ " " run } }
  END { print pick }' "$WORK/status0.json")
say "waiting for task ${JOB1}_$VICTIM_INDEX ($VICTIM) to be training"
deadline=$((SECONDS + WAIT))
# The task's own log must show it training: a CI run once saw the victim's metrics ready and cancelled its task 0.2 s
# after Slurm launched it, before the worker had installed its SIGTERM handler.
until [ "$(squeue -h -j "${JOB1}_$VICTIM_INDEX" -o %T 2>/dev/null)" = RUNNING ] \
    && grep -q "training from step" "$CLUSTER/slurm/${JOB1}_$VICTIM_INDEX.out" 2>/dev/null \
    && [ -f "$CLUSTER/$VICTIM/metrics.csv" ] && [ "$(wc -l <"$CLUSTER/$VICTIM/metrics.csv")" -ge 4 ]; do
  [ $SECONDS -lt $deadline ] || { echo "slurm-test: $VICTIM never started training" >&2; squeue -r >&2; exit 1; }
  sleep 0.5
done
say "scancel ${JOB1}_$VICTIM_INDEX while it trains"
scancel "${JOB1}_$VICTIM_INDEX"
drain "$JOB1"
VICTIM_LOG=$CLUSTER/slurm/${JOB1}_$VICTIM_INDEX.out
grep -q "stopped by SIGTERM" "$VICTIM_LOG" || { echo "slurm-test: the cancelled worker did not report SIGTERM" >&2; cat "$VICTIM_LOG" >&2; exit 1; }
# A task may be a stem with its branches: the run the cancel interrupted is the one the worker's log names, which
# can be a later run of the task than the longest one waited for above.
INTERRUPTED=$(sed -n 's/^\([^ ]*\): interrupted (resumable).*/\1/p' "$VICTIM_LOG" | tail -n 1)
if [ -n "$INTERRUPTED" ] && [ "$INTERRUPTED" != "$VICTIM" ]; then say "the cancel interrupted $INTERRUPTED (a later run of the same task)"; VICTIM=$INTERRUPTED; fi
grep -q "JobState=CANCELLED.*ArrayJobId=$JOB1 ArrayTaskId=$VICTIM_INDEX " "$STATE/jobcomp.log" \
  || { echo "slurm-test: Slurm did not record ${JOB1}_$VICTIM_INDEX as cancelled" >&2; exit 1; }
scalesim sweep status "$EXPERIMENT" --out "$CLUSTER" >"$WORK/status1.txt"
say "after the first array: $(tail -n 1 "$WORK/status1.txt")"

say "resubmitting: only what is not completed"
scalesim sweep submit "$EXPERIMENT" --slurm --out "$CLUSTER" --max-parallel 2 --json >"$WORK/submit2.json"
JOB2=$(field job_id <"$WORK/submit2.json")
TASKS2=$(field tasks <"$WORK/submit2.json")
[ "$TASKS2" = 1 ] || { echo "slurm-test: the resubmission has $TASKS2 tasks, expected 1 (the cancelled run)" >&2; cat "$WORK/submit2.json" >&2; exit 1; }
grep -q "\"$VICTIM\"" "$WORK/submit2.json" || { echo "slurm-test: the resubmission is not the cancelled run" >&2; exit 1; }
drain "$JOB2"
grep -q "resumed and completed" "$CLUSTER/slurm/${JOB2}_$VICTIM_INDEX.out" \
  || { echo "slurm-test: the resubmitted task did not resume $VICTIM" >&2; cat "$CLUSTER/slurm/${JOB2}_$VICTIM_INDEX.out" >&2; exit 1; }

# --- checks ------------------------------------------------------------------------------------------------------
scalesim sweep status "$EXPERIMENT" --out "$CLUSTER" --json >"$WORK/status2.json"
RUNS=$(grep -c '"run":' "$WORK/status2.json")
COMPLETED=$(grep -c '"state": "completed"' "$WORK/status2.json")
[ "$COMPLETED" = "$RUNS" ] || { echo "slurm-test: $COMPLETED of $RUNS runs completed" >&2; exit 1; }
cmp "$LOCAL/runs.csv" "$CLUSTER/runs.csv" || { echo "slurm-test: runs.csv differs from the local sweep's" >&2; diff "$LOCAL/runs.csv" "$CLUSTER/runs.csv" >&2; exit 1; }
cmp "$LOCAL/curves.csv" "$CLUSTER/curves.csv" || { echo "slurm-test: curves.csv differs from the local sweep's" >&2; exit 1; }
# No run trained twice: each worker's log ends with "RUN: OUTCOME (steps A–B of N, …)"; for every run the sessions'
# step ranges must chain from its first step to N without overlapping (0 for a run or a stem, the branch step for a
# WSD branch, which starts from its stem's checkpoint), and every run must have one.
cat "$CLUSTER"/slurm/*.out | sed 's/–/-/g' | awk -v runs="$RUNS" '
  match($0, /^[^ ]+: (trained|resumed and completed|retrained[^(]*|interrupted \(resumable\)) \(steps [0-9]+-[0-9]+ of [0-9]+/) {
    line = substr($0, RSTART, RLENGTH); run = substr(line, 1, index(line, ":") - 1)
    split(substr(line, index(line, "(steps ") + 7), part, /[- ]/)
    from = part[1] + 0; to = part[2] + 0; total = part[4] + 0
    sessions[run] = sessions[run] " " from ":" to; totals[run] = total; trained[run] += to - from
    if (!(run in first) || from < first[run]) first[run] = from
  }
  END {
    bad = 0; n = 0
    for (run in totals) {
      n++
      if (trained[run] != totals[run] - first[run]) { print "slurm-test: " run " trained " trained[run] " steps of " totals[run] " (sessions" sessions[run] ")" > "/dev/stderr"; bad = 1 }
    }
    if (n != runs) { print "slurm-test: " n " runs trained, expected " runs > "/dev/stderr"; bad = 1 }
    exit bad
  }' || exit 1
grep -h "^$VICTIM: " "$CLUSTER"/slurm/*.out | sed "s/^/slurm-test:   /"
say "PASSED: $RUNS runs, runs.csv and curves.csv equal the local sweep's; ${JOB1}_$VICTIM_INDEX cancelled mid-run and resumed by job $JOB2; no run trained twice"
