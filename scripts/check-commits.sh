#!/usr/bin/env bash
# Checks that every commit since BASE has a subject of at most 72 characters (the project's rule;
# the reasoning goes in the body). Characters, not bytes: «æøå» count one each.
#
#   scripts/check-commits.sh [BASE]
#
# BASE is any commit (a branch, a hash, main~5); without it, where HEAD left main. Exit code 0
# when all subjects fit, 1 when one does not (each listed), 2 on a usage error.
set -euo pipefail
export LC_ALL=C.UTF-8
max=72

if [ "$#" -gt 1 ] || [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  echo "usage: scripts/check-commits.sh [BASE]   (default BASE: git merge-base HEAD main)" >&2
  exit 2
fi
if [ "$#" -eq 1 ]; then
  base=$1
elif git rev-parse --verify -q main > /dev/null; then
  base=$(git merge-base HEAD main)
else
  echo "check-commits: there is no branch main here; name the base: scripts/check-commits.sh BASE" >&2
  exit 2
fi
if ! git rev-parse --verify -q "$base^{commit}" > /dev/null; then
  echo "check-commits: '$base' is not a commit here" >&2
  exit 2
fi

count=0
long=0
while IFS=$'\t' read -r hash subject; do
  count=$((count + 1))
  if [ "${#subject}" -gt "$max" ]; then
    echo "$hash: subject of ${#subject} characters (at most $max): $subject"
    long=$((long + 1))
  fi
done < <(git log --format='%h%x09%s' "$base..HEAD")

if [ "$long" -gt 0 ]; then
  echo "check-commits: $long of $count commits since $(git rev-parse --short "$base") have a subject over $max characters" >&2
  exit 1
fi
echo "check-commits: $count commits since $(git rev-parse --short "$base"), every subject at most $max characters"
