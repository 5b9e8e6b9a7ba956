"""LexCite chat UI (Streamlit). Thin: every answer comes from the one AnswerService, every phrase from the
renderer's message table (app/render.py, app/messages.toml) in the language of the question asked."""

from __future__ import annotations

import html
import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `streamlit run app/chat.py` from a checkout

from app.chat_view import (  # noqa: E402
    delete_document,
    documents_listing,
    ingest_uploads,
    latest_language,
    previous_questions,
)
from app.export import DOCX_MIME, Exchange, exchanges, memo_docx, memo_markdown  # noqa: E402
from app.history import clear_history, load_history, save_history  # noqa: E402
from app.render import QuoteBlock, kind_label, message, parts, read_as, source_parts  # noqa: E402
from ingest.normalise import detect_language  # noqa: E402
from ingest.settings import Settings  # noqa: E402
from ingest.store import StoreError  # noqa: E402
from retrieval.followup import FOLLOW_UP_RULE  # noqa: E402
from retrieval.service import AnswerService, EmptyStoreError, Options, QuestionError  # noqa: E402
from retrieval.source import source_view  # noqa: E402

KINDS = ["statute", "regulation", "judicial-interpretation", "departmental-rule", "guide", "article", "document"]

st.set_page_config(page_title="LexCite", page_icon="⚖️", layout="wide")


@st.cache_resource(show_spinner=False)
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


# ---------------------------------------------------------------------------- one answer
def source_panel(service: AnswerService, block: QuoteBlock, answer, language: str) -> None:
    """The whole article with the quote marked, beside it the translation's matching paragraph marked."""
    citation = next(c for c in (answer.citations or answer.closest) if c.n == block.n)
    shown = source_parts(source_view(service.searcher.table(), citation, service.manifest), citation, language)
    left, right = st.columns(2) if shown.translation_html else (st.container(), None)
    with left:
        st.caption(shown.label)
        st.markdown(shown.html, unsafe_allow_html=True)
        if shown.url:
            st.markdown(f"{html.escape(shown.url_label)}: <{shown.url}>")
    if right is not None:
        with right:
            st.caption(shown.translation_label)
            st.markdown(shown.translation_html, unsafe_allow_html=True)
            st.caption(shown.translation_note)


def quote_expander(service, block: QuoteBlock, answer, language: str, expanded: bool = False) -> None:
    with st.expander(block.label, expanded=expanded):
        st.caption(block.facts)
        source_panel(service, block, answer, language)


def render_answer(service: AnswerService, answer, index: int) -> None:
    # the newest answer opens its first citation on its source; its quote is shown there, marked, not twice
    view, language = parts(answer, opened=1 if index == 0 else 0), answer.language
    if answer.read_as:
        line, button = st.columns([5, 2])
        line.caption(read_as(answer))
        # only a question read with the conversation can be asked on its own instead
        followed = any(step.rule == FOLLOW_UP_RULE for step in answer.trace)
        if followed and button.button(message("ask_alone", language), key=f"alone-{index}"):
            st.session_state["ask_alone"] = index
            st.rerun()
    if view.abstained:
        st.info(view.body)
        for note in view.notes:
            st.caption(note)
        if view.closest:
            st.caption(view.closest_title + ":")
            for block in view.closest:
                quote_expander(service, block, answer, language)
        return
    if view.headline:
        st.markdown(f"### {html.escape(view.headline)}")
    st.markdown(view.body)
    if view.badge is not None:
        getattr(st, view.badge.level)(view.badge.text)
    for note in view.notes:
        st.caption(f"⚠ {note}")
    for line in view.register:
        st.caption(line)
    for block in view.quotes:
        quote_expander(service, block, answer, language, expanded=block.n == 1 and index == 0)
    st.download_button(message("answer_docx", language), memo_docx([Exchange(answer.question, answer)],
                                                                    len(service.store.documents())),
                       file_name="lexcite-answer.docx", mime=DOCX_MIME, key=f"docx-{index}")


def render_exchange(service: AnswerService, item: Exchange, index: int) -> None:
    with st.chat_message("user"):
        st.markdown(item.question)
    with st.chat_message("assistant"):
        if item.answer is None:
            st.error(item.error)
        else:
            render_answer(service, item.answer, index)


# ---------------------------------------------------------------------------- sidebar
def sidebar(service: AnswerService, language: str, history: list[dict]) -> Options:
    stats = service.stats() if service.store.exists else {"documents": 0, "chunks": 0, "document_list": []}
    bar = st.sidebar
    bar.title("LexCite")
    bar.metric(message("documents", language), stats["documents"])
    bar.caption(message("passages_count", language, n=str(stats["chunks"])))
    bar.subheader(message("filters", language))
    choose = message("choose", language)
    kinds = bar.multiselect(message("filter_kinds", language), KINDS, key="kinds", placeholder=choose,
                            format_func=lambda kind: kind_label(kind, language))
    names = {d["doc_id"]: d.get("short") or d["title"] for d in stats["document_list"]}
    doc_ids = bar.multiselect(message("filter_documents", language), list(names),
                              format_func=lambda d: names.get(d, d), key="docs", placeholder=choose)
    languages = bar.multiselect(message("filter_language", language), ["zh", "en"], key="langs", placeholder=choose)
    in_force = bar.toggle(message("filter_in_force", language), value=False, key="in_force")
    k = bar.slider(message("filter_k", language), 1, 10, service.settings.top_k, key="k")
    upload_panel(service, language)
    documents_panel(service, language, stats["document_list"])
    export_panel(service, language, history, stats["documents"])
    return Options(k=k, kinds=tuple(kinds), doc_ids=tuple(doc_ids), languages=tuple(languages),
                   in_force_only=in_force)


def upload_panel(service: AnswerService, language: str) -> None:
    st.sidebar.subheader(message("add_documents", language))
    files = st.sidebar.file_uploader(message("upload_types", language), type=["pdf", "docx", "txt", "md", "html", "htm"],
                                     accept_multiple_files=True, key="uploads")
    if not files or not st.sidebar.button(message("ingest_uploads", language), key="ingest_uploads"):
        return
    progress = st.sidebar.progress(0.0)
    outcomes = ingest_uploads(service, [(f.name, f.getvalue()) for f in files], language,
                              lambda i, n, name: progress.progress(i / n, text=message(
                                  "ingesting", language, name=name, i=str(i), n=str(n))))
    st.session_state["flash"] = outcomes  # shown at the top of the page, over the fresh document count
    st.rerun()


def documents_panel(service: AnswerService, language: str, documents: list[dict]) -> None:
    listing = documents_listing(service, documents)
    with st.sidebar.expander(message("all_documents", language, n=str(len(listing))),
                             expanded=any(doc.uploaded for doc in listing)):
        for doc in listing:
            name, button = st.columns([4, 1])
            name.caption(doc.label)
            if button.button("✕", key=f"delete-{doc.doc_id}", help=message("delete", language)):
                delete_document(service, doc.doc_id)
                st.session_state["flash"] = [("success", message("deleted", language, name=doc.label))]
                st.rerun()


def export_panel(service: AnswerService, language: str, history: list[dict], documents: int) -> None:
    bar = st.sidebar
    bar.subheader(message("take_away", language))
    bar.download_button(message("export_docx", language), memo_docx(history, documents) if history else b"",
                        file_name="lexcite-memo.docx", mime=DOCX_MIME, disabled=not history, key="export-docx")
    bar.download_button(message("export_md", language), memo_markdown(history, documents) if history else "",
                        file_name="lexcite-memo.md", mime="text/markdown", disabled=not history, key="export-md")
    bar.caption(message("history_kept", language))
    if bar.button(message("clear_history", language), disabled=not history, key="clear-history"):
        history.clear()
        clear_history(service.settings.store)
        st.rerun()


# ---------------------------------------------------------------------------- the page
def ask(service: AnswerService, history: list[dict], question: str, options: Options, alone: bool = False) -> None:
    context = [] if alone else previous_questions(history)
    history.append({"role": "user", "content": question})
    try:
        with st.spinner("…"):
            answer = service.answer_in_context(question, context, options)
    except (QuestionError, EmptyStoreError) as exc:
        history.append({"role": "assistant", "content": str(exc)})
        return
    history.append({"role": "assistant", "content": answer.text, "answer": answer})


def redo_alone(service: AnswerService, history: list[dict], options: Options) -> bool:
    """"Ask it on its own instead": the exchange shown at that place is asked again without the conversation."""
    index = st.session_state.pop("ask_alone", None)
    items = exchanges(history)
    if index is None or not 0 <= index < len(items):
        return False
    position = len(items) - 1 - index  # exchanges are shown newest first
    question = items[position].question
    del history[2 * position: 2 * position + 2]
    ask(service, history, question, options, alone=True)
    return True


def main() -> None:
    service = load_service()
    if service is None:
        return
    store = service.settings.store
    history = st.session_state.setdefault("history", load_history(store))
    header, box = st.container(), st.container()
    question = box.chat_input(message("ask_placeholder", latest_language(history)), key="question")
    language = detect_language(question) if question else latest_language(history)
    options = sidebar(service, language, history)
    if question:
        ask(service, history, question, options)
    if question or redo_alone(service, history, options):
        save_history(store, history)
        st.rerun()  # the whole page again, every label in the language of the question just asked
    with header:
        st.title("LexCite")
        st.caption(message("app_caption", language))
        for level, text in st.session_state.pop("flash", []):
            getattr(st, level)(text)
        if not service.store.exists or service.store.count() == 0:
            st.warning(message("empty_store", language))
            if service.settings.corpus_root.is_dir() and st.button(message("ingest_root", language), key="ingest_root"):
                with st.spinner("…"):
                    report = service.ingest([service.settings.corpus_root])
                st.success(report.summary())
    items = exchanges(history)
    # the newest exchange first, right under the question box: its headline figure stays in view
    for index, item in enumerate(reversed(items)):
        if index == 1:
            st.divider()
            st.caption(message("earlier", language))
        render_exchange(service, item, index)


main()
