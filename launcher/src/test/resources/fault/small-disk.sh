# Runs a command with the event files of a run directory on a full disk (a real ENOSPC), while
# the run's checkpoints and train.log stay on the real disk. Meant to run inside
# `unshare --user --map-root-user --mount` (a private mount namespace; no root needed where the
# kernel allows user namespaces), so that the mounts vanish with the process.
#
#   bash small-disk.sh RUN_DIR HOLD_DIR KIB COMMAND...
#
# RUN_DIR (an existing run directory) is covered by a tmpfs of KIB KiB. Every entry it had
# (checkpoints/, recipe.yaml, provenance.json, train.log) is bind-mounted back from HOLD_DIR, a view
# of the real directory, so only new files (the event files) land on the small disk. When the
# command ends, the event files are copied to the real directory and its status is returned.
set -eu
run="$1"; hold="$2"; kib="$3"; shift 3
mkdir -p "$hold"
mount --bind "$run" "$hold"
mount -t tmpfs -o "size=${kib}k" scale4j-small-disk "$run"
for entry in "$hold"/*; do
  name="${entry##*/}"
  if [ -d "$entry" ]; then mkdir "$run/$name"; else : > "$run/$name"; fi
  mount --bind "$entry" "$run/$name"
done
status=0
"$@" || status=$?
for f in "$run"/events.out.tfevents.*; do
  if [ -e "$f" ]; then cp "$f" "$hold/"; fi
done
exit "$status"
