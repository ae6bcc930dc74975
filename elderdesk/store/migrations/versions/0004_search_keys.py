"""Search at city scale: name index with the ID number, pinyin keys carry the ID number.

Results are sorted by ID number; with the ID number inside both indexes, a name prefix or a
pinyin-initials prefix is sorted from the index alone (no row read per match).
"""

from alembic import op

from elderdesk.store import ddl

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_KEYS = (
    "CREATE TABLE {name} ("
    "key VARCHAR(32) NOT NULL, "
    "id_number VARCHAR(18) NOT NULL, "
    "person_id INTEGER NOT NULL, "
    "PRIMARY KEY (key, id_number), "
    "FOREIGN KEY(person_id) REFERENCES people (id) ON DELETE CASCADE) WITHOUT ROWID"
)
_FOLLOW_ID = "UPDATE person_keys SET id_number = new.id_number WHERE person_id = new.id;"


def upgrade() -> None:
    op.execute("DROP INDEX ix_people_name")
    op.execute("CREATE INDEX ix_people_name ON people (name, id_number)")
    ddl.table(_KEYS.format(name="person_keys_new"))
    op.execute(
        "INSERT INTO person_keys_new (key, id_number, person_id) "
        "SELECT k.key, p.id_number, k.person_id FROM person_keys k JOIN people p "
        "ON p.id = k.person_id ORDER BY k.key, p.id_number"
    )
    op.execute("DROP TABLE person_keys")
    ddl.rename_table("person_keys_new", "person_keys")
    op.execute("CREATE INDEX ix_person_keys_person_id ON person_keys (person_id)")
    ddl.trigger("person_keys_follow_id", "people", "AFTER UPDATE OF id_number", _FOLLOW_ID,
                _FOLLOW_ID)


def downgrade() -> None:
    op.execute("DROP TRIGGER person_keys_follow_id")
    op.execute(
        "CREATE TABLE person_keys_old (key VARCHAR(32) NOT NULL, person_id INTEGER NOT NULL, "
        "PRIMARY KEY (key, person_id), "
        "FOREIGN KEY(person_id) REFERENCES people (id) ON DELETE CASCADE)"
    )
    op.execute("INSERT INTO person_keys_old (key, person_id) SELECT key, person_id FROM person_keys")
    op.execute("DROP TABLE person_keys")
    op.execute("ALTER TABLE person_keys_old RENAME TO person_keys")
    op.execute("CREATE INDEX ix_person_keys_person_id ON person_keys (person_id)")
    op.execute("DROP INDEX ix_people_name")
    op.execute("CREATE INDEX ix_people_name ON people (name)")
