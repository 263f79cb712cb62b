"""storylens: who claims what about a contested news event, where sources agree and conflict.

The library does the work; the ``storylens`` command is a thin layer over it::

    from storylens import Store, ingest
    with Store("storylens.db") as store:
        summary = ingest(["corpus/"], store)
"""

__version__ = "0.1.0"

from storylens.config import Settings  # noqa: E402
from storylens.ingest import Summary, ingest  # noqa: E402
from storylens.store import Store  # noqa: E402

__all__ = ["Settings", "Store", "Summary", "ingest", "__version__"]
