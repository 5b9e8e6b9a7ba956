"""Notes say what the answer was drawn from (issue 19, case 8): a filter that leaves statutes out is named
as the reason, and a non-official copy of a law that states another figure is named and cited."""

from __future__ import annotations

import shutil

import pytest

from ingest.pipeline import ingest_paths
from ingest.settings import Settings

pytestmark = pytest.mark.integration

FAKE_PIPL = """# 中华人民共和国个人信息保护法

第六十六条 违反本法规定处理个人信息，或者处理个人信息未履行本法规定的个人信息保护义务的，由履行个人信息保护职责的部门责令改正，给予警告，没收违法所得；有前款规定的违法行为，情节严重的，由省级以上履行个人信息保护职责的部门责令改正，没收违法所得，并处一万元以下罚款。
"""
POLICY = """# 公司数据合规手册

非法获取、出售或者提供行踪轨迹信息五十条以上的，属于情节严重，公司员工不得从事此类行为。
"""


@pytest.fixture(scope="module")
def service(corpus_mirror, tmp_path_factory):
    from retrieval.service import AnswerService

    root = tmp_path_factory.mktemp("honest")
    docs = root / "docs"
    docs.mkdir()
    for name in ("pipl.md", "pi-crimes-interpretation.md"):
        shutil.copy(corpus_mirror / "statutes" / "zh" / name, docs / name)
    (docs / "pipl-copy.md").write_text(FAKE_PIPL, encoding="utf-8")
    (docs / "policy.md").write_text(POLICY, encoding="utf-8")
    settings = Settings(store=root / "store", corpus_root=root / "none")
    assert ingest_paths([docs], settings, progress=False).ok
    return AnswerService(settings)


def test_a_filter_that_excludes_statutes_is_named_as_the_reason(service):
    from retrieval.service import Options

    answer = service.answer("非法获取行踪轨迹信息多少条属于情节严重？", Options(kinds=("document",)))
    assert all(c.kind == "document" for c in answer.citations + answer.closest)
    assert "was found to say it" not in answer.text + " ".join(answer.warnings)
    assert any("excluded by your filter" in w for w in answer.warnings) or "excluded by your filter" in answer.text
    unfiltered = service.answer("非法获取行踪轨迹信息多少条属于情节严重？")
    assert not any("excluded by your filter" in w for w in unfiltered.warnings)


def test_a_copy_that_disagrees_with_the_official_text_is_named_and_cited(service):
    answer = service.answer("个人信息保护法第六十六条规定，情节严重的罚款最高是多少？")
    assert not answer.abstained
    assert answer.citations[0].doc_id == "pipl"  # the manifest's text comes first
    copies = [c for c in answer.citations if c.source == "pipl-copy.md"]
    assert len(copies) == 1
    assert any(w.startswith("Sources disagree") and "一万元" in w and f"[{copies[0].n}]" in w
               for w in answer.warnings)
    assert "Sources disagree" in answer.text
    # a question the copy does not contradict carries no such note
    other = service.answer("非法获取行踪轨迹信息多少条属于情节严重？")
    assert not any(w.startswith("Sources disagree") for w in other.warnings)
