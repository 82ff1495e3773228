#!/usr/bin/env python3
"""Reference fixtures for cohort's `lora` trainer, from transformers and PEFT.

Run by hand in a throwaway venv (never in CI):

    python3 -m venv /tmp/venv-lora
    /tmp/venv-lora/bin/pip install torch transformers peft tokenizers safetensors
    /tmp/venv-lora/bin/python tests/reference/make_lora_fixtures.py            # writes fixtures/lora
    /tmp/venv-lora/bin/python tests/reference/make_lora_fixtures.py --model qwen2 \\
        --check-merged MERGED_DIR --check-adapter ADAPTER_DIR --cohort-json GENERATED.json

The first form builds two tiny randomly initialized models with transformers (a Llama with
untied embeddings, grouped-query attention and llama3 RoPE scaling; a Qwen2 with q/k/v biases
and tied embeddings), each with a small byte-level BPE tokenizer trained on
fixtures/corpus/shakespeare and a chat template, and records for each:

- `reference/<model>.safetensors`: transformers' logits for fixed inputs (`logits_ids`,
  `logits`), and a LoRA step: `grad_ids`, `grad_labels` (-100 = not scored) and the gradient of
  the mean loss with respect to every LoRA A and B (`grad.<PEFT tensor name>`).
- `reference/<model>-adapter/`: the PEFT adapter (rank 4, alpha 8, all seven targets) whose A
  and B were set to known random values before the gradient was taken.
- `reference/<model>.json`: the chat example (messages, the ids transformers' chat template
  gives and which of them are assistant tokens).

The second form loads a folder written by `cohort model merge` and an adapter written by
`cohort train` back into transformers / PEFT, compares their logits with each other (the merged
folder vs base + adapter through PEFT), and compares transformers' greedy continuation of a chat
prompt with cohort's (`cohort model generate DIR --chat --temperature 0 --json`).
"""

import argparse
import json
import os
import sys

import torch
from safetensors.torch import save_file, load_file

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(ROOT, "fixtures", "lora")
CORPUS = os.path.join(ROOT, "fixtures", "corpus", "shakespeare")
TARGETS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]

CHATML = (
    "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] "
    "+ '<|im_end|>' + '\\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)
LLAMA_TEMPLATE = (
    "{{ bos_token }}{% for message in messages %}{{ '<|start_header_id|>' + message['role'] + "
    "'<|end_header_id|>\\n\\n' + message['content'] | trim + '<|eot_id|>' }}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}"
)


def corpus_texts():
    texts = []
    for dirpath, _, files in sorted(os.walk(CORPUS)):
        for f in sorted(files):
            with open(os.path.join(dirpath, f), encoding="utf-8", errors="replace") as fh:
                texts.append(fh.read())
    return texts


def speaker_pairs(texts, n):
    """(line, speaker) pairs from the play: the instruction data set."""
    pairs = []
    for t in texts:
        blocks = [b for b in t.split("\n\n") if ":\n" in b]
        for b in blocks:
            who, rest = b.split(":\n", 1)
            line = rest.split("\n")[0].strip()
            if who and line and len(who) < 20 and len(line) < 60:
                pairs.append((line, who.strip()))
    return pairs[:n]


def build_tokenizer(kind, texts):
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    if kind == "llama":
        specials = ["<|begin_of_text|>", "<|end_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"]
    else:
        specials = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=384,
        special_tokens=specials,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer)
    if kind == "llama":
        bos = tok.token_to_id("<|begin_of_text|>")
        tok.post_processor = processors.TemplateProcessing(
            single="<|begin_of_text|> $A", pair="<|begin_of_text|> $A $B", special_tokens=[("<|begin_of_text|>", bos)]
        )
        fast = PreTrainedTokenizerFast(
            tokenizer_object=tok, bos_token="<|begin_of_text|>", eos_token="<|eot_id|>", pad_token="<|end_of_text|>"
        )
        fast.chat_template = LLAMA_TEMPLATE
    else:
        tok.post_processor = processors.ByteLevel(trim_offsets=False)
        fast = PreTrainedTokenizerFast(tokenizer_object=tok, eos_token="<|im_end|>", pad_token="<|endoftext|>")
        fast.chat_template = CHATML
    return fast


def build_model(kind, tok):
    from transformers import LlamaConfig, LlamaForCausalLM, Qwen2Config, Qwen2ForCausalLM

    common = dict(
        vocab_size=len(tok),
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=128,
        rms_norm_eps=1e-5,
        initializer_range=0.1,
        eos_token_id=tok.eos_token_id,
        pad_token_id=tok.pad_token_id,
    )
    if kind == "llama":
        cfg = LlamaConfig(
            **common,
            bos_token_id=tok.bos_token_id,
            tie_word_embeddings=False,
            rope_theta=500000.0,
            rope_scaling={
                "rope_type": "llama3",
                "factor": 8.0,
                "low_freq_factor": 1.0,
                "high_freq_factor": 4.0,
                "original_max_position_embeddings": 16,
            },
        )
        model = LlamaForCausalLM(cfg)
    else:
        cfg = Qwen2Config(**common, tie_word_embeddings=True, rope_theta=1000000.0)
        model = Qwen2ForCausalLM(cfg)
    # Norm weights and biases start at 1 and 0: perturb them so the test sees them.
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("norm.weight"):
                p.add_(0.1 * torch.randn_like(p))
            elif name.endswith(".bias"):
                p.normal_(0.0, 0.1)
    return model.float().eval()


def make(kind, texts, pairs):
    from peft import LoraConfig, get_peft_model

    torch.manual_seed(1234 if kind == "llama" else 5678)
    tok = build_tokenizer(kind, texts)
    model = build_model(kind, tok)
    folder = os.path.join(OUT, kind)
    model.save_pretrained(folder, safe_serialization=True)
    tok.save_pretrained(folder)

    ref = {}
    text = texts[0][:2000]
    ids = tok(text, add_special_tokens=False)["input_ids"]
    logits_ids = torch.tensor([ids[0:16], ids[16:32]])
    with torch.no_grad():
        ref["logits"] = model(logits_ids).logits.float().contiguous()
    ref["logits_ids"] = logits_ids.to(torch.int64)

    # The chat example and its assistant mask.
    line, who = pairs[0]
    messages = [
        {"role": "user", "content": "Who says: " + line},
        {"role": "assistant", "content": who},
    ]
    full = tok.apply_chat_template(messages, tokenize=True, add_generation_prompt=False)
    if hasattr(full, "keys"):
        full = full["input_ids"]
    prompt = tok.apply_chat_template(messages[:1], tokenize=True, add_generation_prompt=True)
    if hasattr(prompt, "keys"):
        prompt = prompt["input_ids"]
    assert full[: len(prompt)] == prompt
    mask = [0] * len(prompt) + [1] * (len(full) - len(prompt))
    chat = {
        "messages": messages,
        "rendered": tok.apply_chat_template(messages, tokenize=False),
        "ids": full,
        "assistant_mask": mask,
        "plain_text": text[:200],
        "plain_ids": tok(text[:200])["input_ids"],
    }

    # One LoRA step: a chat row (loss on the answer) and a plain-text row (loss everywhere).
    L = len(full) + 3
    row0 = (full + [tok.pad_token_id] * L)[:L]
    lab0 = ([-100 if m == 0 else t for t, m in zip(full, mask)] + [-100] * L)[:L]
    row1 = ids[40 : 40 + L]
    grad_ids = torch.tensor([row0, row1])
    grad_labels = torch.tensor([lab0, row1])
    cfg = LoraConfig(r=4, lora_alpha=8, lora_dropout=0.0, target_modules=TARGETS, bias="none", task_type="CAUSAL_LM")
    peft_model = get_peft_model(model, cfg)
    g = torch.Generator().manual_seed(99)
    with torch.no_grad():
        for name, p in peft_model.named_parameters():
            if "lora_" in name:
                p.copy_(torch.randn(p.shape, generator=g) * 0.1)
    peft_model.train()
    loss = peft_model(input_ids=grad_ids, labels=grad_labels).loss
    loss.backward()
    for name, p in peft_model.named_parameters():
        if "lora_" in name:
            ref["grad." + name.replace(".default", "")] = p.grad.detach().float().contiguous()
    ref["grad_ids"] = grad_ids.to(torch.int64)
    ref["grad_labels"] = grad_labels.to(torch.int64)
    ref["grad_loss"] = loss.detach().reshape(1).float()
    adir = os.path.join(OUT, "reference", kind + "-adapter")
    peft_model.save_pretrained(adir)
    os.remove(os.path.join(adir, "README.md"))
    # PEFT writes target_modules from a set: sort it so reruns write the same bytes.
    cpath = os.path.join(adir, "adapter_config.json")
    with open(cpath) as fh:
        acfg = json.load(fh)
    acfg["target_modules"] = sorted(acfg["target_modules"])
    with open(cpath, "w") as fh:
        json.dump(acfg, fh, indent=2, sort_keys=True)
    os.makedirs(os.path.join(OUT, "reference"), exist_ok=True)
    save_file(ref, os.path.join(OUT, "reference", kind + ".safetensors"))
    with open(os.path.join(OUT, "reference", kind + ".json"), "w") as fh:
        json.dump(chat, fh, indent=1)
    print(f"{kind}: vocab {len(tok)}, {sum(p.numel() for p in model.base_model.parameters())} base parameters, "
          f"loss {loss.item():.6f}, {len([k for k in ref if k.startswith('grad.')])} LoRA gradients")


def write_data(pairs):
    with open(os.path.join(OUT, "chat.jsonl"), "w") as fh:
        for line, who in pairs:
            fh.write(json.dumps({"messages": [{"role": "user", "content": "Who says: " + line},
                                              {"role": "assistant", "content": who}]}) + "\n")
    with open(os.path.join(OUT, "completions.jsonl"), "w") as fh:
        for line, who in pairs[:40]:
            fh.write(json.dumps({"prompt": line + "\nSpeaker:", "completion": " " + who}) + "\n")


def check(args):
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    base_dir = os.path.join(OUT, args.model)
    ref = load_file(os.path.join(OUT, "reference", args.model + ".safetensors"))
    ids = ref["logits_ids"]
    ok = True
    with torch.no_grad():
        merged = AutoModelForCausalLM.from_pretrained(args.check_merged, dtype=torch.float32).eval()
        base = AutoModelForCausalLM.from_pretrained(base_dir, dtype=torch.float32).eval()
        peft = PeftModel.from_pretrained(base, args.check_adapter).eval()
        lm = merged(ids).logits
        lp = peft(ids).logits
        d = (lm - lp).abs().max().item()
        print(f"transformers(merged folder) vs PEFT(base + cohort adapter): max |logit diff| {d:.3e}")
        ok &= d < 1e-4
        delta = (lp - ref["logits"]).abs().max().item()
        print(f"the adapter moves the base logits by up to {delta:.3e}")
        ok &= delta > 1e-3
        if args.cohort_json:
            with open(args.cohort_json) as fh:
                c = json.load(fh)
            tok = AutoTokenizer.from_pretrained(args.check_merged)
            msgs = [{"role": "user", "content": c["prompt"]}]
            p = tok.apply_chat_template(msgs, tokenize=True, add_generation_prompt=True)
            if hasattr(p, "keys"):
                p = p["input_ids"]
            x = torch.tensor([p])
            for name, m in [("merged", merged), ("base + adapter", peft)]:
                # One more token where cohort stopped at EOS (to see it); none where it stopped at
                # its max_tokens or at the end of the context (transformers would go past it).
                out = m.generate(x, max_new_tokens=c["tokens"] + (1 if c["stop"] == "eos" else 0), do_sample=False,
                                 eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id)
                new = out[0, len(p):].tolist()
                if new and new[-1] == tok.eos_token_id:
                    new = new[:-1]
                text = tok.decode(new, skip_special_tokens=True)
                same = text == c["text"]
                print(f"greedy text, transformers({name}): {text!r} {'==' if same else '!='} cohort's {c['text']!r}")
                ok &= same
    print("OK" if ok else "MISMATCH")
    sys.exit(0 if ok else 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check-merged")
    ap.add_argument("--check-adapter")
    ap.add_argument("--model", default="qwen2")
    ap.add_argument("--cohort-json", help="`cohort model generate --chat --temperature 0 --json` output")
    args = ap.parse_args()
    if args.check_merged:
        return check(args)
    import transformers, peft
    print(f"torch {torch.__version__}, transformers {transformers.__version__}, peft {peft.__version__}")
    torch.use_deterministic_algorithms(True)
    os.makedirs(OUT, exist_ok=True)
    texts = corpus_texts()
    pairs = speaker_pairs(texts, 200)
    write_data(pairs)
    for kind in ["llama", "qwen2"]:
        make(kind, texts, pairs)


if __name__ == "__main__":
    main()
