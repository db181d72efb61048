"""Who may do what on a team database, enforced by PostgreSQL itself: group roles, grants and row-level security.

Three group roles (cluster-wide, made once; ``server init`` runs ``install_roles``, which is safe to run again):

- ``ghnt_beheer`` (projectleider, secretaris): everything.
- ``ghnt_partner`` (werkgroep, partner): reads what a lezer reads; records progress (``progress_update``) on its
  own action items and updates their status and deadline; nothing else. "Own": the action's trekker is the
  login's person (``team_login``) or that person's organisation (also one of several trekker organisations).
- ``ghnt_lezer`` (alleen lezen): reads the programme, meetings and lists; writes nothing.

Vertrouwelijk content is not even sent to a partner or lezer: row-level security on every table the rule of
``services.confidentiality`` covers, mirrored in SQL (``ghnt_item_secret`` and friends, SECURITY DEFINER so the
walk itself sees every row): an agenda item covers its decisions, action items, progress, stukken and guests; a
decision covers the agenda item of the bestuurlijk overleg it was escalated to (recursively); an action item its
progress; an indicator its targets and measurements. The search index shows a partner only the records it may
read. The change log and the older
per-field history (``change_record``) of a record follow the record: shown only while the reader may read it.
Not given to partners and lezers: the logins. The table owner (who ran ``server
init``) is not bound by the policies.
"""

from __future__ import annotations

from typing import Any

ROLES = {
    "beheer": "ghnt_beheer",
    "partner": "ghnt_partner",
    "lezer": "ghnt_lezer",
}
ROLE_LABELS = {
    "beheer": "projectleider/secretaris (alles)",
    "partner": "werkgroep/partner (lezen, voortgang op eigen acties)",
    "lezer": "alleen lezen",
}
# Tables a partner or lezer never reads.
HIDDEN = ("change_context", "team_login")
# The tables that hold vertrouwelijk rows (by their uuid ``id``): the history of one of their records is shown to
# a partner or lezer only while the record itself is (a deleted record's history not at all: its last values may
# have been vertrouwelijk).
_COVERED = ("agenda_item", "decision", "action_item", "progress_update", "attendance", "stored_document", "indicator",
            "indicator_target", "measurement")  # fmt: skip


def _history_secret(table_column: str, id_column: str) -> str:
    """A history row is vertrouwelijk unless the reader can read the record it is about (its own policies)."""
    cases = " ".join(
        f"WHEN '{table}' THEN NOT EXISTS (SELECT 1 FROM {table} r WHERE r.id = {id_column})" for table in _COVERED
    )
    return f"CASE {table_column} {cases} ELSE false END"


_FUNCTIONS = """
CREATE OR REPLACE FUNCTION ghnt_item_secret(item uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    WITH RECURSIVE up(id, depth) AS (
        SELECT item, 0
        UNION
        SELECT d.agenda_item_id, up.depth + 1 FROM decision d JOIN up ON d.escalation_agenda_item_id = up.id
        WHERE d.agenda_item_id IS NOT NULL AND up.depth < 50
    )
    SELECT item IS NOT NULL AND (
        EXISTS (SELECT 1 FROM up JOIN agenda_item a ON a.id = up.id WHERE a.confidential)
        OR EXISTS (SELECT 1 FROM up JOIN decision d ON d.escalation_agenda_item_id = up.id WHERE d.confidential))
$$;
CREATE OR REPLACE FUNCTION ghnt_decision_secret(decision_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT COALESCE((SELECT d.confidential OR ghnt_item_secret(d.agenda_item_id) FROM decision d
                     WHERE d.id = decision_id), false)
$$;
CREATE OR REPLACE FUNCTION ghnt_action_secret(action_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT COALESCE((SELECT a.confidential OR ghnt_item_secret(a.origin_agenda_item_id) FROM action_item a
                     WHERE a.id = action_id), false)
$$;
CREATE OR REPLACE FUNCTION ghnt_update_secret(update_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT COALESCE((SELECT u.confidential OR ghnt_item_secret(u.agenda_item_id) OR ghnt_action_secret(u.action_item_id)
                     FROM progress_update u WHERE u.id = update_id), false)
$$;
CREATE OR REPLACE FUNCTION ghnt_own_action(action_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (
        SELECT 1 FROM action_item a
        JOIN team_login l ON l.login = session_user
        LEFT JOIN person p ON p.id = l.person_id
        WHERE a.id = action_id AND l.person_id IS NOT NULL AND (
            a.trekker_person_id = l.person_id
            OR a.trekker_organisation_id = p.organisation_id
            OR EXISTS (SELECT 1 FROM action_trekker_organisation t
                       WHERE t.action_item_id = a.id AND t.organisation_id = p.organisation_id)))
$$;
"""

# (table, the condition under which a row is vertrouwelijk for a partner or lezer)
SECRET_ROWS = (
    ("agenda_item", "ghnt_item_secret(id)"),
    ("decision", "confidential OR ghnt_item_secret(agenda_item_id)"),
    ("action_item", "confidential OR ghnt_item_secret(origin_agenda_item_id)"),
    (
        "progress_update",
        "confidential OR ghnt_item_secret(agenda_item_id) OR (action_item_id IS NOT NULL AND ghnt_action_secret(action_item_id))",
    ),
    ("attendance", "agenda_item_id IS NOT NULL AND ghnt_item_secret(agenda_item_id)"),
    ("stored_document", "ghnt_item_secret(agenda_item_id)"),
    ("indicator", "confidential"),
    ("indicator_target", "EXISTS (SELECT 1 FROM indicator i WHERE i.id = indicator_id AND i.confidential)"),
    ("measurement", "EXISTS (SELECT 1 FROM indicator i WHERE i.id = indicator_id AND i.confidential)"),
    ("change_log", _history_secret("table_name", "record_id::uuid")),
    ("change_record", _history_secret("entity", "entity_id")),
    (
        "search_document",
        "CASE kind WHEN 1 THEN ghnt_item_secret(id) WHEN 2 THEN ghnt_decision_secret(id) "
        "WHEN 3 THEN ghnt_action_secret(id) WHEN 4 THEN ghnt_update_secret(id) ELSE false END",
    ),
)


def _quote(connection: Any, name: str) -> str:
    return str(connection.dialect.identifier_preparer.quote(name))


def install_roles(connection: Any) -> None:
    """Create the group roles, grants and policies on the team database ``connection`` is on (as its owner)."""
    from sqlalchemy import inspect

    tables = set(inspect(connection).get_table_names())
    connection.exec_driver_sql(
        "DO $$ BEGIN "
        + " ".join(
            f"IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN CREATE ROLE {role} NOLOGIN; END IF;"
            for role in ROLES.values()
        )
        + " END $$"
    )
    connection.exec_driver_sql("GRANT ghnt_lezer TO ghnt_partner")
    connection.exec_driver_sql("GRANT USAGE ON SCHEMA public TO ghnt_beheer, ghnt_lezer")
    connection.exec_driver_sql(_FUNCTIONS)
    connection.exec_driver_sql("GRANT ALL ON ALL TABLES IN SCHEMA public TO ghnt_beheer")
    connection.exec_driver_sql("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO ghnt_beheer")
    readable = sorted(tables - set(HIDDEN))
    for table in readable:
        connection.exec_driver_sql(f"GRANT SELECT ON {_quote(connection, table)} TO ghnt_lezer")
    for table in HIDDEN:
        if table in tables:
            connection.exec_driver_sql(f"REVOKE ALL ON {_quote(connection, table)} FROM ghnt_lezer, ghnt_partner")
    # A partner's progress: the row, the action's status and deadline, and the search index the triggers keep.
    connection.exec_driver_sql("GRANT INSERT, UPDATE ON progress_update TO ghnt_partner")
    # row_version: every ORM update of an action item raises it (services.versions), so progress needs it too.
    action_columns = {
        name
        for (name,) in connection.exec_driver_sql(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'action_item'"
        )
    }
    granted = [c for c in ("status", "deadline", "deadline_text", "times_postponed", "closed_on", "updated_at",
                           "row_version") if c in action_columns]  # fmt: skip
    connection.exec_driver_sql(f"GRANT UPDATE ({', '.join(granted)}) ON action_item TO ghnt_partner")
    if "search_document" in tables:
        connection.exec_driver_sql("GRANT INSERT, UPDATE, DELETE ON search_document TO ghnt_partner")
        connection.exec_driver_sql("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ghnt_partner")
    for table, secret in SECRET_ROWS:
        if table not in tables:
            continue
        name = _quote(connection, table)
        connection.exec_driver_sql(f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY")
        for policy in ("ghnt_beheer_all", "ghnt_read", "ghnt_partner_insert", "ghnt_partner_update", "ghnt_index",
                       "ghnt_index_update", "ghnt_index_delete"):
            connection.exec_driver_sql(f"DROP POLICY IF EXISTS {policy} ON {name}")
        connection.exec_driver_sql(f"CREATE POLICY ghnt_beheer_all ON {name} TO ghnt_beheer USING (true) WITH CHECK (true)")
        connection.exec_driver_sql(f"CREATE POLICY ghnt_read ON {name} FOR SELECT TO ghnt_lezer USING (NOT ({secret}))")
    connection.exec_driver_sql(
        "CREATE POLICY ghnt_partner_insert ON progress_update FOR INSERT TO ghnt_partner "
        "WITH CHECK (action_item_id IS NOT NULL AND ghnt_own_action(action_item_id) AND NOT confidential "
        "AND NOT ghnt_action_secret(action_item_id))"
    )
    connection.exec_driver_sql(
        "CREATE POLICY ghnt_partner_update ON progress_update FOR UPDATE TO ghnt_partner "
        "USING (NOT ghnt_update_secret(id)) "
        "WITH CHECK (action_item_id IS NOT NULL AND ghnt_own_action(action_item_id) AND NOT confidential)"
    )
    # USING every row the partner reads, CHECK its own: another trekker's action is then refused with an error
    # (42501, the Dutch "geen rechten" message) instead of silently matching no row.
    connection.exec_driver_sql(
        "CREATE POLICY ghnt_partner_update ON action_item FOR UPDATE TO ghnt_partner "
        "USING (NOT (confidential OR ghnt_item_secret(origin_agenda_item_id))) WITH CHECK (ghnt_own_action(id))"
    )
    if "search_document" in tables:
        # The index's triggers run as the writer: they may write the rows of what the partner may write.
        # (Per command: a policy for all commands would also let a partner read the index rows of vertrouwelijke
        # action items.)
        connection.exec_driver_sql(
            "CREATE POLICY ghnt_index ON search_document FOR INSERT TO ghnt_partner WITH CHECK (kind IN (3, 4))"
        )
        connection.exec_driver_sql(
            "CREATE POLICY ghnt_index_update ON search_document FOR UPDATE TO ghnt_partner USING (kind IN (3, 4)) "
            "WITH CHECK (kind IN (3, 4))"
        )
        connection.exec_driver_sql(
            "CREATE POLICY ghnt_index_delete ON search_document FOR DELETE TO ghnt_partner USING (kind IN (3, 4))"
        )


def add_user(connection: Any, name: str, role: str, password: str, person_id: Any = None) -> None:
    """Create (or update) the login ``name`` in the group role ``role`` ("beheer", "partner", "lezer")."""
    from sqlalchemy import text

    if role not in ROLES:
        raise ValueError(f"Onbekende rol {role!r}; kies uit {', '.join(ROLES)}.")
    if not name or len(name) > 63:
        raise ValueError("Geef een gebruikersnaam van 1 tot 63 tekens.")
    quoted = _quote(connection, name)
    exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first()
    literal = connection.exec_driver_sql("SELECT quote_literal(%(p)s)", {"p": password}).scalar()
    connection.exec_driver_sql(f"{'ALTER' if exists else 'CREATE'} ROLE {quoted} LOGIN PASSWORD {literal}")
    for other in ROLES.values():
        if other != ROLES[role]:
            connection.exec_driver_sql(f"REVOKE {other} FROM {quoted}")
    connection.exec_driver_sql(f"GRANT {ROLES[role]} TO {quoted}")
    connection.execute(
        text(
            "INSERT INTO team_login (login, person_id, role) VALUES (:l, :p, :r) "
            "ON CONFLICT (login) DO UPDATE SET person_id = EXCLUDED.person_id, role = EXCLUDED.role"
        ),
        {"l": name, "p": person_id, "r": role},
    )
