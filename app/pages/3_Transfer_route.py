"""Transfer-route page: which route the law requires for personal information sent abroad."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.register_view import transfer_route  # noqa: E402
from ingest.store import StoreError  # noqa: E402
from retrieval.transfer import TransferError  # noqa: E402

st.set_page_config(page_title="LexCite · Transfer route", page_icon="⚖️", layout="wide")
st.title("Personal information sent abroad: which route?")

with st.form("transfer"):
    individuals = st.number_input("Individuals (not sensitive) since 1 January", min_value=0, step=1000,
                                  key="individuals")
    sensitive = st.number_input("Individuals whose sensitive personal information is sent", min_value=0, step=100,
                                key="sensitive")
    cii = st.checkbox("We are a critical information infrastructure operator", key="cii")
    important = st.checkbox("Important data is sent", key="important")
    purpose = st.selectbox("Purpose", ["", "contract", "hr", "emergency"], key="purpose",
                           format_func=lambda p: {"": "none of these", "contract": "a contract with the individual",
                                                  "hr": "cross-border HR management",
                                                  "emergency": "an emergency"}[p])
    zone = st.checkbox("Sent from a pilot free trade zone, off its negative list", key="zone")
    submitted = st.form_submit_button("Find the route")

if submitted:
    try:
        decided = transfer_route(int(individuals), int(sensitive), cii, important, purpose, zone)
    except (TransferError, StoreError) as exc:
        st.error(str(exc))
        st.stop()
    st.subheader(decided.route.replace("_", " "))
    for n, step in enumerate(decided.steps, start=1):
        st.markdown(f"{n}. {step.text}  \n`{step.citation.doc_id} {step.citation.locator}` “{step.citation.quote}”")
    for note in decided.notes:
        st.caption(note)
