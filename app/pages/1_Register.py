"""Register page: every fine, deadline, period and threshold of the statutes in the store; each row opens its
article."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.register_view import laws, register_records, table_rows  # noqa: E402
from ingest.store import StoreError  # noqa: E402
from retrieval.register.build import RegisterError, today  # noqa: E402
from retrieval.register.records import KINDS, PARTIES  # noqa: E402

st.set_page_config(page_title="LexCite · Register", page_icon="⚖️", layout="wide")
st.title("Register of fines, deadlines and thresholds")

try:
    held = laws()
except StoreError as exc:
    st.error(str(exc))
    st.stop()

left, middle, right, last = st.columns(4)
law = left.selectbox("Law", [""] + sorted(held), format_func=lambda d: held.get(d, "all laws") if d else "all laws",
                     key="law")
kind = middle.selectbox("Kind", ("",) + KINDS, format_func=lambda k: k or "all kinds", key="kind")
party = right.selectbox("Party", ("",) + PARTIES, format_func=lambda p: p or "all parties", key="party")
as_of = last.text_input("As of (YYYY-MM-DD)", value=today(), key="as_of")

try:
    records = register_records(law, kind, party, as_of)
except RegisterError as exc:
    st.error(str(exc))
    st.stop()

if not records:
    st.info("no figures found")
    st.stop()

st.caption(f"{len(records)} figures. Click a column to sort; select a row to open its article.")
# dates are numbers too (20210901): shown as written ("%g"; "plain" prints 101 as 100.99999999999999 in the
# browser) and wide enough to read whole, not 20,210,901 cut to "20,2…"
figures = {name: st.column_config.NumberColumn(name, format="%g", width="small") for name in ("low", "high")}
figures["clause"] = st.column_config.TextColumn("clause", width="large")
# an open bound ("within 10 working days" has no low) is a blank, not Streamlit's "None"
picked = st.dataframe(table_rows(records), width="stretch", hide_index=True, on_select="rerun",
                      selection_mode="single-row", key="register", column_config=figures, placeholder="")
rows = picked.selection.rows if picked is not None and hasattr(picked, "selection") else []
if rows:
    record = records[rows[0]]
    st.subheader(f"{record.title} — {record.locator}")
    st.markdown(f"**{record.english or record.figure}** · {record.kind} · {record.party or 'no party'} · "
                f"{record.tier or ''} · {record.status}")
    st.markdown(f"> {record.quote}")
    if record.condition:
        st.markdown(f"Follows: {record.condition}")
    if record.translation:
        st.markdown(f"English: {record.translation}")
