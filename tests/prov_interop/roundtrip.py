#!/usr/bin/env python3
"""Reads a PROV-JSON file with the `prov` package and writes it back.

    roundtrip.py IN.prov.json OUT_PREFIX

writes OUT_PREFIX.prov.json (PROV-JSON as `prov` serializes it) and
OUT_PREFIX.provn (PROV-N). Warnings are errors: a file `prov` only reads
with complaints fails here.
"""
import sys
import warnings

from prov.model import ProvDocument


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, prefix = sys.argv[1], sys.argv[2]
    warnings.simplefilter("error")
    doc = ProvDocument.deserialize(src, format="json")
    n_records = len(doc.get_records()) + sum(len(b.get_records()) for b in doc.bundles)
    with open(prefix + ".prov.json", "w") as f:
        f.write(doc.serialize(format="json"))
    with open(prefix + ".provn", "w") as f:
        f.write(doc.get_provn())
    print(f"prov read {n_records} records ({len(list(doc.bundles))} bundles) from {src}")


if __name__ == "__main__":
    main()
