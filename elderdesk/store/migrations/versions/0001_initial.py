"""First schema: people, search keys (pinyin, ID trigram index), users, settings, audit log."""

import sqlalchemy as sa
from alembic import op

from elderdesk.store import ddl

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("id_number", sa.String(18), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("sex", sa.String(1), nullable=False),
        sa.Column("ethnicity", sa.String(32)),
        sa.Column("birth_date", sa.Date, nullable=False),
        sa.Column("household_address", sa.String(200)),
        sa.Column("current_address", sa.String(200)),
        sa.Column("street", sa.String(64)),
        sa.Column("community", sa.String(64)),
        sa.Column("phone", sa.String(40)),
        sa.Column("bank", sa.String(64)),
        sa.Column("account", sa.String(40)),
        sa.Column("household_type", sa.String(10)),
        sa.Column("residence_permit_expiry", sa.Date),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("death_date", sa.Date),
        sa.Column("moved_out_on", sa.Date),
        sa.Column("notes", sa.Text),
        sa.Column("checksum_override", sa.Text),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.CheckConstraint("status IN ('active','deceased','moved_out')", name="ck_people_status"),
        sa.CheckConstraint("sex IN ('M','F')", name="ck_people_sex"),
    )
    op.create_index("ux_people_id_number", "people", ["id_number"], unique=True)
    op.create_index("ix_people_name", "people", ["name"])
    op.create_index("ix_people_community", "people", ["community"])
    op.create_table(
        "person_keys",
        sa.Column("key", sa.String(32), primary_key=True),
        sa.Column(
            "person_id",
            sa.Integer,
            sa.ForeignKey("people.id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    op.create_index("ix_person_keys_person_id", "person_keys", ["person_id"])
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("roles", sa.String(100), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("failed_logins", sa.Integer, nullable=False),
        sa.Column("locked_until", sa.DateTime),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "policies",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("loaded_at", sa.DateTime, nullable=False),
        sa.Column("operator", sa.String(64), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("operator", sa.String(64), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("entity_key", sa.String(64)),
        sa.Column("before_json", sa.Text),
        sa.Column("after_json", sa.Text),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_audit_log_action", "audit_log", ["action"])
    op.create_index("ix_audit_log_entity_key", "audit_log", ["entity_key"])
    # The audit log is append-only: the database itself refuses edits and deletes.
    ddl.refuse("audit_log_no_update", "audit_log", "UPDATE", "audit_log is append-only")
    ddl.refuse("audit_log_no_delete", "audit_log", "DELETE", "audit_log is append-only")
    if ddl.is_pg():  # PostgreSQL: a pg_trgm index instead of the FTS5 table and its triggers
        ddl.id_search_index()
        return
    # Substring search in ID numbers: an FTS5 trigram index kept in step by triggers.
    op.execute(
        "CREATE VIRTUAL TABLE people_id_fts USING fts5("
        "id_number, content='people', content_rowid='id', tokenize='trigram', detail='none')"
    )
    op.execute(
        "CREATE TRIGGER people_fts_ai AFTER INSERT ON people BEGIN "
        "INSERT INTO people_id_fts(rowid, id_number) VALUES (new.id, new.id_number); END"
    )
    op.execute(
        "CREATE TRIGGER people_fts_ad AFTER DELETE ON people BEGIN "
        "INSERT INTO people_id_fts(people_id_fts, rowid, id_number) "
        "VALUES ('delete', old.id, old.id_number); END"
    )
    op.execute(
        "CREATE TRIGGER people_fts_au AFTER UPDATE OF id_number ON people BEGIN "
        "INSERT INTO people_id_fts(people_id_fts, rowid, id_number) "
        "VALUES ('delete', old.id, old.id_number); "
        "INSERT INTO people_id_fts(rowid, id_number) VALUES (new.id, new.id_number); END"
    )
