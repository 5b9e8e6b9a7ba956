"""LexCite chat UI (Streamlit). Thin: every answer comes from the one AnswerService."""

from __future__ import annotations

import html
import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `streamlit run app/chat.py` from a checkout

from app.chat_view import conversation_markdown, save_upload  # noqa: E402
from app.render import QuoteBlock, parts  # noqa: E402
from ingest.settings import Settings  # noqa: E402
from ingest.store import StoreError  # noqa: E402
from retrieval.service import AnswerService, EmptyStoreError, Options, QuestionError  # noqa: E402

KINDS = ["statute", "regulation", "judicial-interpretation", "departmental-rule", "guide", "article", "document"]

st.set_page_config(page_title="LexCite", page_icon="⚖️", layout="wide")


@st.cache_resource(show_spinner="Loading the model and the store…")
def get_service(store: str, embedder: str) -> AnswerService:
    # one service per store and model for the whole server: no reload on each rerun
    return AnswerService(Settings(store=Path(store), embedder=embedder))


def load_service() -> AnswerService | None:
    settings = Settings()
    try:
        return get_service(str(settings.store), settings.embedder)
    except StoreError as exc:
        st.error(str(exc))
        return None


def quote_expander(block: QuoteBlock, expanded: bool = False) -> None:
    with st.expander(block.label, expanded=expanded):
        st.caption(block.facts)
        st.markdown(block.passage_html, unsafe_allow_html=True)
        if block.linked_text:
            st.caption(block.linked_label)
            st.markdown(f"<div style='white-space: pre-wrap'>{html.escape(block.linked_text)}</div>",
                        unsafe_allow_html=True)


def render_answer(answer) -> None:
    view = parts(answer)
    if view.abstained:
        st.info(view.body)
        if view.closest:
            st.caption(view.closest_title + ":")
            for block in view.closest:
                quote_expander(block)
        return
    if view.headline:
        st.markdown(f"### {html.escape(view.headline)}")
    st.markdown(view.body)
    if view.badge is not None:
        getattr(st, view.badge.level)(view.badge.text)
    for block in view.quotes:
        quote_expander(block, expanded=block.n == 1)


def sidebar(service: AnswerService) -> Options:
    st.sidebar.title("LexCite")
    stats = service.stats() if service.store.exists else {"documents": 0, "chunks": 0, "by_kind": {},
                                                          "by_language": {}, "document_list": []}
    st.sidebar.metric("Documents", stats["documents"])
    st.sidebar.caption(f"{stats['chunks']} passages · " + ", ".join(
        f"{k}: {v['documents']}" for k, v in sorted(stats["by_kind"].items())))
    st.sidebar.subheader("Filters")
    kinds = st.sidebar.multiselect("Document kinds", KINDS, key="kinds")
    docs = {d["doc_id"]: f"{d.get('short') or d['title']}" for d in stats["document_list"]}
    doc_ids = st.sidebar.multiselect("Documents", list(docs), format_func=lambda d: docs.get(d, d), key="docs")
    languages = st.sidebar.multiselect("Passage language", ["zh", "en"], key="langs")
    in_force = st.sidebar.toggle("In force only", value=False, key="in_force")
    k = st.sidebar.slider("Passages cited at most", 1, 10, service.settings.top_k, key="k")
    upload_panel(service)
    history = st.session_state.get("history", [])
    st.sidebar.download_button("Download conversation (Markdown)", conversation_markdown(history),
                               file_name="lexcite-conversation.md", mime="text/markdown",
                               disabled=not history)
    return Options(k=k, kinds=tuple(kinds), doc_ids=tuple(doc_ids), languages=tuple(languages),
                   in_force_only=in_force)


def upload_panel(service: AnswerService) -> None:
    st.sidebar.subheader("Add documents")
    files = st.sidebar.file_uploader("PDF, txt, md or html", type=["pdf", "txt", "md", "html", "htm"],
                                     accept_multiple_files=True, key="uploads")
    if not files or not st.sidebar.button("Ingest uploads", key="ingest_uploads"):
        return
    ingest_uploads(service, [(f.name, f.getvalue()) for f in files])


def ingest_uploads(service: AnswerService, files: list[tuple[str, bytes]]) -> None:
    settings = service.settings
    progress = st.sidebar.progress(0.0, text="Ingesting…")
    for i, (name, data) in enumerate(files, start=1):
        saved = save_upload(name, data, settings.uploads_dir, int(settings.max_file_mb * 1e6))
        if saved.status == "rejected":
            st.sidebar.error(f"{name}: {saved.reason}")
        else:
            report = service.ingest([saved.path], display_names={saved.path: name})
            result = report.files[0]
            if result.status == "skipped":
                st.sidebar.error(f"{name}: skipped — {result.reason}")
            else:
                st.sidebar.success(f"{name}: {result.status} ({result.chunks} passages)")
        progress.progress(i / len(files), text=f"{i}/{len(files)} files")


def main() -> None:
    service = load_service()
    if service is None:
        return
    options = sidebar(service)
    st.title("LexCite")
    st.caption("Cited, figure-verified answers from Chinese data-protection and cybersecurity law.")
    if not service.store.exists or service.store.count() == 0:
        st.warning("The store is empty — ingest first: upload documents in the sidebar, or ingest the corpus root.")
        if service.settings.corpus_root.is_dir() and st.button("Ingest the corpus root", key="ingest_root"):
            with st.spinner("Ingesting…"):
                report = service.ingest([service.settings.corpus_root])
            st.success(report.summary())
    history = st.session_state.setdefault("history", [])
    for turn in history:
        with st.chat_message(turn["role"]):
            if turn.get("answer") is not None:
                render_answer(turn["answer"])
            else:
                st.markdown(turn["content"])
    question = st.chat_input("Ask about the PIPL, DSL, CSL and their regulations… (English or 中文)")
    if not question:
        return
    with st.chat_message("user"):
        st.markdown(question)
    history.append({"role": "user", "content": question})
    with st.chat_message("assistant"):
        try:
            answer = service.answer(question, options)
        except (QuestionError, EmptyStoreError) as exc:
            st.error(str(exc))
            history.append({"role": "assistant", "content": str(exc)})
            return
        render_answer(answer)
        history.append({"role": "assistant", "content": answer.text, "answer": answer})


main()
