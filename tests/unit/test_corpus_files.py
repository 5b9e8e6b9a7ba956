"""The shipped statutes, pulling the rest, the document states and the user manifest (no store, no model)."""

from __future__ import annotations

import fnmatch
import shutil
import tomllib

import pytest

from corpus import CORPUS_DIR, MANIFEST_PATH
from ingest.corpus_files import add_document, document_states, missing_line, pull_corpus, shipped_file
from ingest.manifest import ManifestError, apply_user_entries, load_manifest, read_entries, sha256_file
from tests.conftest import REPO, SHARED_CORPUS

REFERENCE = load_manifest(MANIFEST_PATH)
ZH_STATUTES = [e for e in REFERENCE.entries if e.path.startswith("statutes/zh/")]


def test_the_17_chinese_texts_ship_byte_identical_and_nothing_else_does():
    assert len(ZH_STATUTES) == 17
    for e in ZH_STATUTES:
        assert shipped_file(e) == CORPUS_DIR / e.path, e.id  # present, with the manifest's sha256
    shipped = {p.relative_to(CORPUS_DIR).as_posix() for p in (CORPUS_DIR / "statutes").rglob("*") if p.is_file()}
    assert shipped == {e.path for e in ZH_STATUTES}  # no translation, no guide in the repository
    assert not (CORPUS_DIR / "guides").exists()
    assert "Article 5" in (CORPUS_DIR / "SOURCES.md").read_text(encoding="utf-8")


def test_shipped_texts_are_the_mirrors_own():
    if not SHARED_CORPUS.is_dir():
        pytest.skip("no mirror beside the checkout")
    for e in ZH_STATUTES:
        assert sha256_file(SHARED_CORPUS / e.path) == sha256_file(CORPUS_DIR / e.path), e.id


def test_package_data_takes_every_shipped_file():
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    data = pyproject["tool"]["setuptools"]["package-data"]
    # each package's globs, written relative to the corpus folder (corpus.statutes.zh's are under statutes/zh/)
    globs = [f"{package.removeprefix('corpus').strip('.').replace('.', '/')}/{g}".lstrip("/")
             for package, patterns in data.items() if package.startswith("corpus") for g in patterns]
    for rel in [e.path for e in ZH_STATUTES] + ["manifest.toml", "SOURCES.md"]:
        assert any(fnmatch.fnmatch(rel, g) for g in globs), rel


def test_every_entry_has_an_address_or_says_it_has_none():
    text = MANIFEST_PATH.read_text(encoding="utf-8")
    assert text.count("\nurl = ") == len(REFERENCE.entries)
    by_id = {e.id: e for e in REFERENCE.entries}
    assert by_id["pipl"].url.startswith("http://www.npc.gov.cn/")
    assert by_id["cbdt-provisions"].url.startswith("https://www.cac.gov.cn/")
    guides = [e for e in REFERENCE.entries if e.kind in ("guide", "article")]
    assert len(guides) == 5 and all(not e.url for e in guides)
    assert text.count('url = ""  # no recorded address') == sum(not e.url for e in REFERENCE.entries)


def test_pull_without_a_mirror_installs_the_shipped_texts_and_names_the_rest_in_one_line(tmp_path):
    root = tmp_path / "root"
    result = pull_corpus(root, tmp_path / "no-such-mirror", REFERENCE)
    assert sorted(result.installed) == sorted(e.path for e in ZH_STATUTES)
    assert result.failed == [] and result.copied == []
    assert missing_line(result.missing) == \
        "5 guides and 2 translations not available: pull them with `lexcite corpus pull --from DIR`"
    for e in ZH_STATUTES:
        assert sha256_file(root / e.path) == e.sha256
    again = pull_corpus(root, None, REFERENCE)
    assert again.installed == [] and len(again.unchanged) == 17 and len(again.missing) == 7


def test_pull_from_a_mirror_copies_the_rest_and_never_installs_a_wrong_digest(tmp_path):
    mirror = tmp_path / "mirror"
    guide = next(e for e in REFERENCE.entries if e.kind == "guide")
    translation = next(e for e in REFERENCE.entries if e.translation_of)
    for e, text in ((guide, "not the guide"), (translation, "")):
        (mirror / e.path).parent.mkdir(parents=True, exist_ok=True)
        (mirror / e.path).write_text(text, encoding="utf-8")
    if SHARED_CORPUS.is_dir():
        shutil.copyfile(SHARED_CORPUS / translation.path, mirror / translation.path)
    result = pull_corpus(tmp_path / "root", mirror, REFERENCE)
    assert [p for p, _ in result.failed] == [guide.path]
    assert "sha256 mismatch in the mirror copy" in result.failed[0][1]
    assert not (tmp_path / "root" / guide.path).exists()
    if SHARED_CORPUS.is_dir():
        assert result.copied == [translation.path]
        states = {s.entry.id: s.state for s in document_states(tmp_path / "root", REFERENCE)}
        assert states[translation.id] == "pulled" and states["pipl"] == "shipped" and states[guide.id] == "missing"
    assert missing_line(result.missing) == \
        "4 guides and 1 translation not available: pull them with `lexcite corpus pull --from DIR`"


def _entry(**kw):
    raw = {"id": "x", "path": "added/x.md", "sha256": "0" * 64, "title": "X", "kind": "statute", "authority": 1,
           "language": "zh", "status": "in-force"}
    raw.update(kw)
    lines = ["[[documents]]"] + [f'{k} = "{v}"' if isinstance(v, str) else f"{k} = {v}" for k, v in raw.items()]
    return lines


def _user_entries(tmp_path, **kw):
    path = tmp_path / "user-manifest.toml"
    path.write_text("\n".join(_entry(**kw)) + "\n", encoding="utf-8")
    return read_entries(path, "user")


def test_a_text_in_force_supersedes_the_one_it_amends_and_takes_its_names(tmp_path):
    user = _user_entries(tmp_path, id="pipl-2026", effective="2026-06-01", supersedes="pipl", title="PIPL new")
    merged = {e.id: e for e in apply_user_entries(list(REFERENCE.entries), user, "2026-12-01")}
    old, new = merged["pipl"], merged["pipl-2026"]
    assert (old.status, old.superseded_by, old.superseded_on) == ("amended", "pipl-2026", "2026-06-01")
    assert new.status == "in-force" and new.short == "PIPL" and "个保法" in new.aliases
    assert old.short == "PIPL (2021 text)" and old.aliases == ("PIPL (2021 text)",)
    from ingest.manifest import Manifest
    from retrieval.laws import resolve_laws

    manifest = Manifest(tuple(apply_user_entries(list(REFERENCE.entries), user, "2026-12-01")))
    assert resolve_laws("What is the maximum fine under the PIPL?", manifest)[0] == "pipl-2026"
    assert resolve_laws("the personal information protection law", manifest)[0] == "pipl-2026"
    assert resolve_laws("What did PIPL (2021 text) say?", manifest)[0] == "pipl"


def test_a_chain_of_amendments_leaves_the_names_with_the_latest(tmp_path):
    path = tmp_path / "user-manifest.toml"
    later = _entry(id="dsl-2026", effective="2026-03-01", supersedes="dsl-2025", path="added/b.md")
    earlier = _entry(id="dsl-2025", effective="2025-03-01", supersedes="dsl", path="added/a.md")
    path.write_text("\n".join(later + earlier) + "\n", encoding="utf-8")  # listed out of order
    merged = {e.id: e for e in apply_user_entries(list(REFERENCE.entries), read_entries(path, "user"), "2026-12-01")}
    assert [merged[i].status for i in ("dsl", "dsl-2025", "dsl-2026")] == ["amended", "amended", "in-force"]
    assert merged["dsl-2025"].superseded_by == "dsl-2026" and merged["dsl-2026"].short == "DSL"


def test_before_its_effective_date_the_new_text_is_not_in_force(tmp_path):
    user = _user_entries(tmp_path, id="pipl-2027", effective="2027-01-01", supersedes="pipl")
    merged = {e.id: e for e in apply_user_entries(list(REFERENCE.entries), user, "2026-12-01")}
    assert merged["pipl"].status == "in-force" and merged["pipl"].short == "PIPL"
    assert merged["pipl-2027"].status == "draft" and "In force from 2027-01-01" in merged["pipl-2027"].note


def test_a_user_entry_naming_an_unknown_text_or_a_reference_id_is_refused(tmp_path):
    with pytest.raises(ManifestError, match="supersedes 'nope'"):
        apply_user_entries(list(REFERENCE.entries), _user_entries(tmp_path, supersedes="nope"), "2026-12-01")
    with pytest.raises(ManifestError, match="already in the reference manifest"):
        apply_user_entries(list(REFERENCE.entries), _user_entries(tmp_path, id="dsl"), "2026-12-01")


def test_corpus_add_writes_the_user_manifest_beside_the_texts(tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    text = tmp_path / "dsl-new.md"
    text.write_text((CORPUS_DIR / "statutes/zh/dsl.md").read_text(encoding="utf-8").replace("一千万", "两千万"),
                    encoding="utf-8")
    entry = add_document(text, root, doc_id="dsl-2026", kind="statute", effective="2026-03-01", supersedes="dsl")
    assert entry.origin == "user" and entry.path == "added/dsl-2026.md"
    assert entry.sha256 == sha256_file(text) == sha256_file(root / entry.path)
    assert entry.title == "Data Security Law of the PRC" and entry.authority == 1 and entry.supersedes == "dsl"
    manifest = load_manifest(corpus_root=root)
    assert manifest.by_id("dsl").status == "amended" and manifest.by_id("dsl").superseded_by == "dsl-2026"
    assert manifest.entries[0].id == "dsl-2026"
    states = {s.entry.id: s.state for s in document_states(root)}
    assert states["dsl-2026"] == "added" and states["dsl"] == "shipped"
    before = (root / "user-manifest.toml").read_text(encoding="utf-8")
    for bad, match in ((dict(kind="law"), "--kind 'law'"), (dict(supersedes="nope"), "--supersedes 'nope'"),
                       (dict(doc_id="dsl-2026"), "already in the manifest"), (dict(effective="1 May"), "not a date")):
        kwargs = dict(doc_id="other", kind="statute", effective="2026-03-01", supersedes="dsl") | bad
        with pytest.raises(ManifestError, match=match):
            add_document(text, root, **kwargs)
        assert (root / "user-manifest.toml").read_text(encoding="utf-8") == before
    # the reference manifest alone is what an explicit path reads
    assert load_manifest(MANIFEST_PATH).by_id("dsl").status == "in-force"


def test_corpus_list_names_each_document_shipped_pulled_or_missing(tmp_path, capsys):
    from app.cli import main

    assert main(["corpus", "list", "--root", str(tmp_path / "empty")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(REFERENCE.entries)
    states = {line.split()[1]: line.split()[0] for line in lines}
    assert states["pipl"] == "shipped" and states["pipl-en"] == "missing" and states["zhonglun-dpp-2025"] == "missing"
    assert all("<no recorded address>" in line for line in lines if "Lawzana" in line)
    root = tmp_path / "root"
    assert main(["corpus", "pull", "--root", str(root), "--from", str(tmp_path / "none")]) == 0
    out = capsys.readouterr().out
    assert "17 shipped text(s) installed" in out
    assert out.count("not available: pull them with `lexcite corpus pull --from DIR`") == 1
    assert main(["corpus", "verify", "--root", str(root)]) == 0  # guides and translations are optional
    (root / "statutes/zh/dsl.md").write_text("tampered", encoding="utf-8")
    assert main(["corpus", "verify", "--root", str(root)]) == 1
    assert "sha256 MISMATCH" in capsys.readouterr().out

