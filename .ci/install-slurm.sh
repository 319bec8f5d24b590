#!/usr/bin/env bash
# Installs what the real Slurm job-array test (test/scenarios/sweep/slurm.test.ts)
# needs: Debian's slurm-wlm (slurmctld, slurmd, sbatch …) and munge.
# Idempotent: does nothing when they are already installed. Needs root.
set -euo pipefail
if command -v sbatch >/dev/null 2>&1 && command -v slurmctld >/dev/null 2>&1 && command -v slurmd >/dev/null 2>&1 \
  && command -v munged >/dev/null 2>&1 && command -v mungekey >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
