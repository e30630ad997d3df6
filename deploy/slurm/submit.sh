#!/usr/bin/env bash
# Submits a sharded presidium experiment to Slurm: an array job of N tasks, task K running shard K/N,
# then a merge job that starts only when every task has succeeded (--dependency=afterok on the array).
#
#   deploy/slurm/submit.sh N OUTDIR montecarlo --scenario october-1964 --runs 100000 --seed 1
#   deploy/slurm/submit.sh N OUTDIR sweep --scenario june-1957 --set globals.fear=0,0.5,1 --runs 20000
#   deploy/slurm/submit.sh N OUTDIR calibrate --samples 200 --runs 200
#
# sensitivity --method both (the default) runs in two rounds, since the Sobol phase takes the
# screening's top parameters: first the screening's shards (no merge job), then, when they are done,
# the Sobol phase's shards in another OUTDIR with --screening and the screening's partials (last on the
# line), whose merge job puts both rounds together:
#   deploy/slurm/submit.sh 8 OUT1 sensitivity --scenario october-1964 --outcome removal --runs 200
#   deploy/slurm/submit.sh 4 OUT2 sensitivity --scenario october-1964 --outcome removal --runs 200 --screening OUT1/partials/*
#
# OUTDIR must be on a file system every node sees. It receives partials/shard-K-of-N.json (.jsonl for
# sensitivity and calibrate), logs/, and
# the merged result: result.txt (the table), result.json, runs.csv and report.html, exactly what the
# same command run unsharded prints and writes. Leave out --workers, --csv, --report and --json: each
# task uses the CPUs Slurm gives it (--cpus-per-task in shard.sbatch), and merge writes the outputs.
#
# PRESIDIUM says how to start the command on the nodes (default: `presidium` on the PATH), e.g.
#   PRESIDIUM="node $HOME/presidium/bin/presidium.js"            (a checkout after npm ci)
#   PRESIDIUM="apptainer exec presidium.sif presidium"            (the image of deploy/Containerfile)
# Extra sbatch options (partition, account, time) can go in SBATCH_EXTRA, e.g. SBATCH_EXTRA="-p short".
set -euo pipefail
if [ "$#" -lt 3 ]; then
  sed -n '2,20p' "$0" >&2
  exit 2
fi
shards=$1
outdir=$2
shift 2
case "$shards" in '' | *[!0-9]* | 0) echo "submit.sh: N must be a positive whole number, got '$shards'" >&2; exit 2 ;; esac
case "$1" in montecarlo | sweep | sensitivity | calibrate) ;; *) echo "submit.sh: the command must be montecarlo, sweep, sensitivity or calibrate, got '$1'" >&2; exit 2 ;; esac
# sensitivity --method both: without --screening this is the screening's round (no merge yet); with
# it, the merge job also takes the screening's partials (the files after --screening).
screening=()
round=whole
if [ "$1" = sensitivity ]; then
  round=screening
  prev=
  taking=no
  for a in "${@:2}"; do
    if [ "$taking" = yes ]; then
      case "$a" in --*) taking=no ;; *) screening+=("$a") ;; esac
    fi
    case "$prev $a" in "--method morris" | "--method sobol") round=whole ;; esac
    case "$a" in --method=morris | --method=sobol) round=whole ;; --screening) taking=yes round=sobol ;; esac
    prev=$a
  done
fi
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$outdir/partials" "$outdir/logs"
outdir=$(cd "$outdir" && pwd)
export PRESIDIUM="${PRESIDIUM:-presidium}" PRESIDIUM_SHARDS="$shards" PRESIDIUM_OUT="$outdir"
read -r -a extra <<< "${SBATCH_EXTRA:-}"

# Array indices 1..N are the shard numbers K of --shard K/N.
array=$(sbatch --parsable "${extra[@]}" --array="1-$shards" --output="$outdir/logs/shard-%a.out" --export=ALL "$here/shard.sbatch" "$@")
array=${array%%;*}
if [ "$round" = screening ]; then
  echo "array job $array ($shards shards of the screening); when it is done, submit the Sobol phase with the same arguments and --screening $outdir/partials/* (in another OUTDIR)"
  exit 0
fi
merge=$(sbatch --parsable "${extra[@]}" --dependency="afterok:$array" --kill-on-invalid-dep=yes --output="$outdir/logs/merge.out" --export=ALL "$here/merge.sbatch" "${screening[@]}")
merge=${merge%%;*}
echo "array job $array ($shards shards), merge job $merge; results in $outdir"
