"""Alembic migrations of the ghnt_desktop database.

``REVISIONS`` lists every revision oldest first, so opening a database can tell "current", "older"
and "newer than this app" without importing Alembic on the start-up path. A test keeps it equal to
Alembic's own history.
"""

REVISIONS: list[str] = [
    "0001_initial",
    "0002_search_index",
    "0003_meeting_record",
    "0004_confidential_indexes",
    "0005_action_trekker_organisation",
    "0006_report_texts",
    "0007_search_dutch",
    "0008_indicators",
    "0009_programme_tags",
    "0010_stored_documents",
    "0011_change_log",
    "0012_record_versions",
    "0013_offline_sync",
    "0014_versions_everywhere",
    "0015_qa_fixes",
    "0016_choice_columns",
]
HEAD = REVISIONS[-1]
