#!/bin/sh
# Regenerates the sample documents from their Markdown sources (samples/src/*.md).
# Needs pandoc (apt-get install -y pandoc). Usage: samples/make_samples.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
command -v pandoc >/dev/null 2>&1 || { echo "make_samples.sh: pandoc not found (apt-get install -y pandoc)" >&2; exit 2; }
conv() { # source format: docx or odt
	pandoc --from markdown --to "$2" --output "$here/$1.$2" "$here/src/$1.md"
	echo "wrote samples/$1.$2"
}
conv overeenkomst-compliant-nl docx
conv vendor-red-flags-en docx
conv aanbesteding-eisen-nl odt
conv verwerkersovereenkomst-nl docx
conv sensoren-camera-nl odt
conv saas-contract-en odt
