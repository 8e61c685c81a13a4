#!/usr/bin/env bash
# Rebuild UD English-EWT's train, dev and test files from the repository's
# not-to-release/sources (the released train file is too large for some
# mirrors), as its not-to-release/tools/build.py does, and check the
# rebuilt dev and test files against the released ones.
#
#   scripts/train-parser/ewt.sh GIT_DIR OUT_DIR [COMMIT]
#
# GIT_DIR is a clone (or bare mirror) of UniversalDependencies/UD_English-EWT;
# COMMIT defaults to the one the shipped model was trained on.
set -euo pipefail
git_dir=${1:?usage: ewt.sh GIT_DIR OUT_DIR [COMMIT]}
out=${2:?usage: ewt.sh GIT_DIR OUT_DIR [COMMIT]}
commit=${3:-15d613d8447b3478787d4c278730a1e48a945efb}
g() { git --git-dir="$git_dir" "$@"; }
mkdir -p "$out"
for split in train dev test; do
	f="$out/en_ewt-ud-$split.conllu"
	: >"$f"
	g show "$commit:not-to-release/file-lists/files.$split" | while read -r p; do
		[ -n "$p" ] && g show "$commit:not-to-release/sources/$p" >>"$f"
	done
	echo "$f: $(grep -c '^# sent_id' "$f") sentences"
done
for split in dev test; do
	if g cat-file -e "$commit:en_ewt-ud-$split.conllu" 2>/dev/null; then
		if g show "$commit:en_ewt-ud-$split.conllu" | cmp -s - "$out/en_ewt-ud-$split.conllu"; then
			echo "$split: identical to the released file"
		else
			echo "$split: DIFFERS from the released file" >&2
			exit 1
		fi
	fi
done
