"""Allowance: enrollments, proofs of life, rosters with lines and items, the ledger, recoveries."""

import sqlalchemy as sa
from alembic import op

from elderdesk.store import ddl

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "enrollments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("applied_on", sa.Date, nullable=False),
        sa.Column("applied_by", sa.String(64), nullable=False),
        sa.Column("reviewed_on", sa.Date),
        sa.Column("reviewed_by", sa.String(64)),
        sa.Column("approved_on", sa.Date),
        sa.Column("approved_by", sa.String(64)),
        sa.Column("decision_reason", sa.Text),
        sa.Column("ended_on", sa.Date),
        sa.Column("end_reason", sa.String(20)),
        sa.Column("end_note", sa.Text),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.CheckConstraint(
            "status IN ('applied','returned','reviewed','approved','rejected','cancelled','stopped')",
            name="ck_enrollments_status",
        ),
    )
    op.create_index("ix_enrollments_person_id", "enrollments", ["person_id"])
    op.create_table(
        "lifecerts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("cert_date", sa.Date, nullable=False),
        sa.Column("recorded_by", sa.String(64), nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_lifecerts_person_id", "lifecerts", ["person_id"])
    op.create_table(
        "rosters",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("period", sa.String(7), nullable=False),
        sa.Column("status", sa.String(6), nullable=False),
        sa.Column("built_at", sa.DateTime, nullable=False),
        sa.Column("built_by", sa.String(64), nullable=False),
        sa.Column("built_audit_id", sa.Integer, nullable=False),
        sa.Column("frozen_at", sa.DateTime),
        sa.Column("frozen_by", sa.String(64)),
        sa.Column("people", sa.Integer, nullable=False),
        sa.Column("regular_fen", sa.Integer, nullable=False),
        sa.Column("arrears_fen", sa.Integer, nullable=False),
        sa.Column("recovery_fen", sa.Integer, nullable=False),
        sa.CheckConstraint("status IN ('draft','frozen')", name="ck_rosters_status"),
    )
    op.create_index("ux_rosters_frozen_period", "rosters", ["period"], unique=True,
                    sqlite_where=sa.text("status = 'frozen'"),
                    postgresql_where=sa.text("status = 'frozen'"))
    op.create_index("ux_rosters_one_draft", "rosters", ["status"], unique=True,
                    sqlite_where=sa.text("status = 'draft'"),
                    postgresql_where=sa.text("status = 'draft'"))
    op.create_table(
        "roster_lines",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("roster_id", sa.Integer, sa.ForeignKey("rosters.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("id_number", sa.String(18), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("sex", sa.String(1), nullable=False),
        sa.Column("birth_date", sa.Date, nullable=False),
        sa.Column("street", sa.String(64)),
        sa.Column("community", sa.String(64)),
        sa.Column("bank", sa.String(64)),
        sa.Column("account", sa.String(40)),
        sa.Column("band", sa.String(20)),
        sa.Column("monthly_fen", sa.Integer, nullable=False),
        sa.Column("paid_fen", sa.Integer, nullable=False),
        sa.Column("recovery_fen", sa.Integer, nullable=False),
    )
    op.create_index("ux_roster_lines_person", "roster_lines", ["roster_id", "person_id"],
                    unique=True)
    op.create_index("ix_roster_lines_person_id", "roster_lines", ["person_id"])
    op.create_table(
        "roster_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("line_id", sa.Integer, sa.ForeignKey("roster_lines.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("amount_fen", sa.Integer, nullable=False),
        sa.CheckConstraint("kind IN ('regular','arrears','recovery')", name="ck_roster_items_kind"),
        sa.CheckConstraint("amount_fen > 0", name="ck_roster_items_amount"),
    )
    op.create_index("ix_roster_items_line_id", "roster_items", ["line_id"])
    op.create_table(
        "ledger",
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id"), primary_key=True),
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("paid_fen", sa.Integer, nullable=False),
    )
    op.create_table(
        "recoveries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("roster_id", sa.Integer, sa.ForeignKey("rosters.id"), nullable=False),
        sa.Column("period", sa.String(7), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("amount_fen", sa.Integer, nullable=False),
        sa.Column("settled_on", sa.Date),
        sa.Column("settled_by", sa.String(64)),
    )
    op.create_index("ix_recoveries_person_id", "recoveries", ["person_id"])
    # Frozen rosters and their lines and items are history: the database refuses changes.
    for table, cond in (
        ("rosters", "old.status = 'frozen'"),
        ("roster_lines", "(SELECT status FROM rosters WHERE id = old.roster_id) = 'frozen'"),
        ("roster_items", "(SELECT r.status FROM rosters r JOIN roster_lines l ON l.roster_id = r.id"
                         " WHERE l.id = old.line_id) = 'frozen'"),
    ):
        for event in ("UPDATE", "DELETE"):
            ddl.refuse(f"{table}_frozen_no_{event.lower()}", table, event,
                       "frozen roster is immutable", cond)
