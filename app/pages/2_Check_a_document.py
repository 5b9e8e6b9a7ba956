"""Check-a-document page: upload a policy, see each of its figures beside the law's."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.register_view import check_rows, check_upload  # noqa: E402
from ingest.store import StoreError  # noqa: E402
from retrieval.policy_check import CheckError, to_markdown  # noqa: E402

st.set_page_config(page_title="LexCite · Check a document", page_icon="⚖️", layout="wide")
st.title("Check a policy against the law")

upload = st.file_uploader("Policy (.txt .md .html .pdf .docx)", type=["txt", "md", "html", "htm", "pdf", "docx"],
                          key="policy")
if upload is None:
    st.stop()
try:
    report = check_upload(upload.name, upload.getvalue())
except (CheckError, StoreError) as exc:
    st.error(str(exc))
    st.stop()
if not report.findings:
    st.info("no figures found")
    st.stop()
st.dataframe(check_rows(report), width="stretch", hide_index=True)
st.download_button("Download the memo (Markdown)", to_markdown(report), file_name="policy-check.md")
