"""The PySide6 user interface: main window, pages, Qt item models and dialogs.

Modules here import nothing heavy at module level (no SQLAlchemy models, services or document
libraries): the main window paints before the database is opened, and start-up time is measured.
"""
