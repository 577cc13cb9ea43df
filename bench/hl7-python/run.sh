#!/bin/sh
# Installs Debian's python3-hl7 if missing, then runs the benchmark with the
# system Python 3 (the Debian package installs there).
set -e
if ! /usr/bin/python3 -c 'import hl7' 2>/dev/null; then
	apt-get install -y python3-hl7 >&2 || sudo apt-get install -y python3-hl7 >&2
fi
exec /usr/bin/python3 "$(dirname "$0")/bench.py" "$@"
