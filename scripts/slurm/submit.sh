#!/bin/bash
# The submission of docs/sweeps.md: the array job, then the merge once every shard has succeeded.
# Run from the repository (or a folder holding dist/, models/ and data/), built.
set -euo pipefail
here=$(dirname "${BASH_SOURCE[0]}")
mkdir -p logs
jid=$(sbatch --parsable "$here/mersey-sweep.sbatch")
sbatch --parsable --dependency=afterok:${jid} --output=logs/merge_%j.out \
  --wrap "node dist/cli/bin.js merge results/shard-* --out results/mersey-sweep"
