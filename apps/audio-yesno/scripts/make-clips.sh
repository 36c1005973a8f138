#!/usr/bin/env bash
# Writes the app's embedded clips: "yes" and "no" spoken by Debian's espeak-ng in 8 English
# accents x 6 voice variants, trimmed of silence by sox and stored as 8 kHz 16-bit mono WAV
# (YESNO's format). Run once by hand (apt-get install espeak-ng sox); the clips are committed,
# so neither the app nor its tests need these programs.
#   bash scripts/make-clips.sh            # from apps/audio-yesno
set -euo pipefail
cd "$(dirname "$0")/.."
out=clips
rm -rf "$out"
mkdir -p "$out/yes" "$out/no"
accents=(en-us en-gb en-gb-scotland en-gb-x-gbclan en-gb-x-rp en-gb-x-gbcwmd en-029 en-us-nyc)
variants=(m1 m3 m7 f1 f3 f4)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
i=0
for accent in "${accents[@]}"; do
  for variant in "${variants[@]}"; do
    # Speed (words per minute) and pitch vary with the index, deterministically.
    speed=$((130 + (i * 37) % 60))
    pitch=$((30 + (i * 23) % 40))
    for word in yes no; do
      espeak-ng -v "${accent}+${variant}" -s "$speed" -p "$pitch" -w "$tmp/raw.wav" "$word"
      # Trim leading/trailing silence, then 8 kHz, 16-bit, mono.
      sox "$tmp/raw.wav" -r 8000 -b 16 -c 1 "$out/$word/${accent}+${variant}.wav" \
        silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse
    done
    i=$((i + 1))
  done
done
ls "$out"/yes | wc -l
du -sh "$out"
