#!/usr/bin/env bash
# W3C PROV interoperability with the Python `prov` package and the peer
# scripts (needs PyPI and ../shared/peers); fails loudly without them.
set -euo pipefail
shared="${1:?usage: prov_interop.sh SHARED_DIR}"
ACCORDING_SHARED="$shared" bash tests/prov_interop/run.sh
