#!/usr/bin/env bash
# Builds the ISA-L gzip inflater's JNI library (see isal_inflater.c). Run by Maven's isal-inflater
# profile, which is active when ISA-L's headers are installed (Debian: libisal-dev).
#   build.sh JNI_HEADER_DIR OUTPUT_DIR
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
headers="$1"
out="$2"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
cc="${CC:-cc}"
if ! command -v "$cc" >/dev/null 2>&1; then
  echo "build.sh: ISA-L's headers are installed but there is no C compiler ($cc) to bind them:" \
    "install gcc, or build without the binding (gzip then read by java.util.zip):" \
    "mvn -P '!isal-inflater' ..." >&2
  exit 1
fi
mkdir -p "$out"
"$cc" -O2 -fPIC -shared -Wall -Wextra -Werror -Wno-unused-parameter \
  -I"$java_home/include" -I"$java_home/include/linux" -I"$headers" \
  "$here/isal_inflater.c" -o "$out/libcfsim-isal.so" -lisal
