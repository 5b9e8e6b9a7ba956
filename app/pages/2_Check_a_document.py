"""Check-a-document page: upload a policy, see each of its figures beside the law's."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.register_view import check_upload  # noqa: E402
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
st.dataframe([{"topic": f.topic, "binds": f.binds, "policy": f.policy.figure, "policy says": f.policy.quote,
               "where": f.policy.locator, "law": f.law.figure if f.law else "",
               "law says": f.law.quote if f.law else "", "article": f"{f.law.doc_id} {f.law.locator}" if f.law else "",
               "verdict": f.verdict + (f" ({f.route})" if f.route else "")} for f in report.findings],
             width="stretch", hide_index=True)
st.download_button("Download the memo (Markdown)", to_markdown(report), file_name="policy-check.md")
