"""Reading Excel files back into the app: returned actielijsten and lists kept by hand.

``workbook`` opens a file safely (clear Dutch messages for anything that is not a usable workbook),
``roundtrip`` compares a returned actielijst with the database, ``existing_list`` reads a region's own
action or programme list with a column mapping the user can correct. Nothing here writes to the
database or imports Qt: the preview is plain data, ``ghnt_desktop.services.importing`` applies it.
"""
