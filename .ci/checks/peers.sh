#!/usr/bin/env bash
# Quick whole-process comparison with the Python peers (N = 10^4): every
# depths file of `according` must equal the peers' byte for byte. Needs
# ../shared/peers and PyPI; fails loudly without them.
set -euo pipefail
shared="${1:?usage: peers.sh SHARED_DIR}"
ACCORDING_SHARED="$shared" bash "$(dirname "$0")/../../benches/compare_peers.sh" 10000
