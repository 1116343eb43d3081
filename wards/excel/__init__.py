"""One Excel import and export mechanism for every domain (DESIGN §12): a sheet is described by a
layout (`layout.py`), read and written safely (`io.py`), and imported through a domain importer that
plans, then saves all rows or none through the domain's services (`plan.py`)."""
