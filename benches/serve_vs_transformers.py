"""Serving speed of `cohort model serve` against Hugging Face transformers' `generate` on the same
weights (see benches/serve_vs_transformers.sh, which runs every step and prints the table).

Subcommands:
  convert CHECKPOINT OUT    a cohort checkpoint (safetensors) -> a transformers GPT2LMHeadModel folder
  loss MODEL_DIR --data F   the loss `cohort model eval --split all` computes, in transformers
  hf MODEL_DIR ...          greedy outputs of the prompts (for the check) and generate's timings
  cohort URL ...            greedy outputs (for the check) or timings of a running `model serve`
  table ...                 the table from the JSON of the other steps

The builtin model is GPT-2's architecture (src/trainer/model.rs): byte vocabulary of 256 tied with
the output layer, learned positions, pre-norm LayerNorm blocks (eps 1e-5), fused qkv, GELU-tanh MLP of
4W. Its linear weights are stored [out, in] (x @ W^T); GPT-2's Conv1D stores [in, out], hence the
transposes. Every timing is the median of RUNS runs after one untimed warm-up run.

Only `convert`, `loss` and `hf` need torch and transformers; `cohort` and `table` use the standard library.
"""

import argparse
import json
import statistics
import sys
import threading
import time
import urllib.request


def convert(args):
    import torch
    from safetensors import safe_open
    from transformers import GPT2Config, GPT2LMHeadModel

    with safe_open(args.checkpoint, framework="pt") as f:
        meta = f.metadata()
        if meta.get("format") != "cohort-byte-lm/1":
            sys.exit(f"{args.checkpoint} is not a cohort checkpoint (format {meta.get('format')})")
        c = json.loads(meta["config"])
        w = {k: f.get_tensor(k) for k in f.keys() if not k.startswith("optim.")}
    config = GPT2Config(
        vocab_size=256,
        n_positions=c["context"],
        n_embd=c["width"],
        n_layer=c["layers"],
        n_head=c["heads"],
        n_inner=4 * c["width"],
        activation_function="gelu_new",
        layer_norm_epsilon=1e-5,
        resid_pdrop=0.0,
        embd_pdrop=0.0,
        attn_pdrop=0.0,
        tie_word_embeddings=True,
        bos_token_id=None,
        eos_token_id=None,
        pad_token_id=0,
    )
    sd = {
        "transformer.wte.weight": w["tok_emb"],
        "transformer.wpe.weight": w["pos_emb"],
        "transformer.ln_f.weight": w["ln_f.weight"],
        "transformer.ln_f.bias": w["ln_f.bias"],
    }
    for i in range(c["layers"]):
        b, h = f"blocks.{i}.", f"transformer.h.{i}."
        # cohort's Linear is x @ W^T with W [out, in]; GPT-2's Conv1D is x @ W with W [in, out].
        pairs = [("ln1", "ln_1"), ("ln2", "ln_2"), ("attn.qkv", "attn.c_attn"),
                 ("attn.proj", "attn.c_proj"), ("mlp.fc", "mlp.c_fc"), ("mlp.proj", "mlp.c_proj")]
        for ours, theirs in pairs:
            weight = w[b + ours + ".weight"]
            sd[h + theirs + ".weight"] = weight if ours.startswith("ln") else weight.t().contiguous()
            sd[h + theirs + ".bias"] = w[b + ours + ".bias"]
    model = GPT2LMHeadModel(config)
    expected = set(model.state_dict().keys()) - {"lm_head.weight"}
    # Buffers some versions keep (attention masks) are not weights.
    expected = {k for k in expected if not k.endswith((".attn.bias", ".attn.masked_bias"))}
    missing = expected - set(sd)
    if missing:
        sys.exit(f"conversion misses {sorted(missing)}")
    model.load_state_dict(sd, strict=False)
    model.tie_weights()
    assert torch.equal(model.lm_head.weight, w["tok_emb"]), "output layer is not tied"
    model.save_pretrained(args.out)
    print(json.dumps({"out": args.out, "config": c}))


def loss(args):
    """Mean cross-entropy over the windows `cohort model eval --split all` scores: non-overlapping
    windows of context + 1 bytes, stride context (src/trainer/data.rs `eval_offsets`)."""
    import torch
    import torch.nn.functional as F
    from transformers import GPT2LMHeadModel

    torch.set_num_threads(args.threads)
    model = GPT2LMHeadModel.from_pretrained(args.model).eval()
    t = model.config.n_positions
    data = open(args.data, "rb").read()
    n = (len(data) - 1) // t
    x = torch.tensor([list(data[i * t : i * t + t]) for i in range(n)], dtype=torch.long)
    y = torch.tensor([list(data[i * t + 1 : i * t + t + 1]) for i in range(n)], dtype=torch.long)
    with torch.inference_mode():
        logits = model(x).logits.double()
    print(json.dumps({"loss": F.cross_entropy(logits.reshape(-1, 256), y.reshape(-1)).item(),
                      "windows": n}))


def load_prompts(path):
    prompts = json.load(open(path))
    assert len({len(p.encode()) for p in prompts}) == 1, "prompts must have one byte length"
    return prompts


def hf(args):
    import torch
    import transformers
    from transformers import GPT2LMHeadModel
    from transformers.generation.streamers import BaseStreamer

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = GPT2LMHeadModel.from_pretrained(args.model).eval()
    prompts = load_prompts(args.prompts)
    ids = torch.tensor([list(p.encode()) for p in prompts], dtype=torch.long)
    n = args.max_tokens

    class FirstToken(BaseStreamer):
        """Records when generate hands out its first new token (its first put is the prompt)."""

        def __init__(self):
            self.puts, self.first = 0, None

        def put(self, value):
            self.puts += 1
            if self.puts == 2 and self.first is None:
                self.first = time.perf_counter()

        def end(self):
            pass

    def gen(x, streamer=None):
        with torch.inference_mode():
            return model.generate(
                x, attention_mask=torch.ones_like(x), max_new_tokens=n,
                do_sample=False, use_cache=True, pad_token_id=0, eos_token_id=None,
                streamer=streamer)

    def timed(x):
        s = FirstToken()
        c0, t0 = cpu_s(), time.perf_counter()
        out = gen(x, s)
        t1 = time.perf_counter()
        new = out.shape[1] - x.shape[1]
        return {"tokens": new * x.shape[0], "wall_s": t1 - t0, "ttft_s": [s.first - t0] * x.shape[0],
                "cpu_s": cpu_s() - c0}

    def threaded(xs):
        """One generate per request, each on its own Python thread, all started together."""
        results, go = [None] * len(xs), threading.Barrier(len(xs) + 1)

        def one(i):
            go.wait()
            s = FirstToken()
            t0 = time.perf_counter()
            out = gen(xs[i], s)
            results[i] = (out.shape[1] - xs[i].shape[1], s.first - t0, time.perf_counter())

        ts = [threading.Thread(target=one, args=(i,)) for i in range(len(xs))]
        for t in ts:
            t.start()
        go.wait()
        c0, t0 = cpu_s(), time.perf_counter()
        for t in ts:
            t.join()
        return {"tokens": sum(r[0] for r in results),
                "wall_s": max(r[2] for r in results) - t0,
                "ttft_s": [r[1] for r in results], "cpu_s": cpu_s() - c0}

    # Greedy outputs of every prompt, one at a time (the check compares them with cohort's).
    greedy = [bytes(gen(ids[i : i + 1])[0, ids.shape[1]:].tolist()).decode("utf-8", "replace")
              for i in range(len(prompts))]
    rows = {}
    if not args.check_only:
        modes = {"1": lambda: timed(ids[:1])}
        if len(prompts) > 1:
            modes[f"{len(prompts)} batched"] = lambda: timed(ids)
            modes[f"{len(prompts)} threads"] = lambda: threaded([ids[i : i + 1] for i in range(len(prompts))])
        for name, f in modes.items():
            f()  # warm-up
            rows[name] = summarize([f() for _ in range(args.runs)])
    print(json.dumps({"greedy": greedy, "rows": rows, "threads": torch.get_num_threads(),
                      "torch": torch.__version__, "transformers": transformers.__version__}))


def cpu_s(pid=None):
    """CPU seconds (user + system, all threads) used so far by this process or by `pid`."""
    if pid is None:
        import resource
        u = resource.getrusage(resource.RUSAGE_SELF)
        return u.ru_utime + u.ru_stime
    import os
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def summarize(runs):
    """Medians over runs. Besides wall-clock rates, tokens per CPU-second: the other builds on a
    shared machine stretch wall time far more than the CPU time a generation needs."""
    rates = [r["tokens"] / r["wall_s"] for r in runs]
    ttfts = [t for r in runs for t in r["ttft_s"]]
    return {"tokens_per_s": statistics.median(rates), "ttft_s": statistics.median(ttfts),
            "tokens": runs[0]["tokens"], "rates": rates,
            "tokens_per_cpu_s": statistics.median(r["tokens"] / r["cpu_s"] for r in runs)}


def request(url, model, prompt, max_tokens, stream):
    body = {"model": model, "prompt": prompt, "max_tokens": max_tokens, "temperature": 0,
            "stream": stream}
    return urllib.request.urlopen(urllib.request.Request(
        url + "/v1/completions", data=json.dumps(body).encode(),
        headers={"content-type": "application/json"}), timeout=3600)


def stream_one(url, model, prompt, max_tokens, t0):
    """One streamed completion: (completion tokens from the server's usage, time to the first
    chunk that carries text, end time)."""
    first, usage, text = None, None, []
    with request(url, model, prompt, max_tokens, True) as r:
        for line in r:
            line = line.strip()
            if not line.startswith(b"data: ") or line == b"data: [DONE]":
                continue
            ev = json.loads(line[6:])
            if "error" in ev:
                raise RuntimeError(f"server error: {ev['error']}")
            if ev.get("choices") and ev["choices"][0].get("text"):
                if first is None:
                    first = time.perf_counter()
                text.append(ev["choices"][0]["text"])
            if ev.get("usage"):
                usage = ev["usage"]
    if usage is None:
        raise RuntimeError("the stream ended without usage counts")
    return usage["completion_tokens"], first - t0, time.perf_counter()


def cohort(args):
    prompts = load_prompts(args.prompts)
    if args.check_only:
        greedy = []
        for p in prompts:
            with request(args.url, args.model, p, args.max_tokens, False) as r:
                out = json.load(r)
            assert out["usage"]["completion_tokens"] == args.max_tokens, out["usage"]
            greedy.append(out["choices"][0]["text"])
        print(json.dumps({"greedy": greedy}))
        return

    def run(k):
        results, go = [None] * k, threading.Barrier(k + 1)

        def one(i):
            go.wait()
            t0 = time.perf_counter()
            results[i] = stream_one(args.url, args.model, prompts[i % len(prompts)], args.max_tokens, t0)

        ts = [threading.Thread(target=one, args=(i,)) for i in range(k)]
        for t in ts:
            t.start()
        go.wait()
        c0, t0 = cpu_s(args.pid), time.perf_counter()
        for t in ts:
            t.join()
        if any(r is None for r in results):
            raise RuntimeError("a client failed")
        return {"tokens": sum(r[0] for r in results), "wall_s": max(r[2] for r in results) - t0,
                "ttft_s": [r[1] for r in results], "cpu_s": cpu_s(args.pid) - c0}

    run(1)  # warm-up (the server's first request pays for page faults and thread start-up)
    rows = {str(k): summarize([run(k) for _ in range(args.runs)]) for k in args.clients}
    print(json.dumps({"rows": rows}))


def check(args):
    """Greedy decoding of the same prompts must give the same text on both sides."""
    a, b = json.load(open(args.cohort))["greedy"], json.load(open(args.hf))["greedy"]
    prompts = load_prompts(args.prompts)
    bad = 0
    for p, x, y in zip(prompts, a, b):
        if x != y:
            bad += 1
            i = next((j for j, (u, v) in enumerate(zip(x, y)) if u != v), min(len(x), len(y)))
            print(f"MISMATCH for {p!r} at character {i}:\n  cohort:       {x!r}\n"
                  f"  transformers: {y!r}", file=sys.stderr)
    if bad or len(a) != len(b):
        sys.exit(f"conversion check FAILED ({args.label}): {bad} of {len(prompts)} greedy outputs differ")
    print(f"conversion check ({args.label}): {len(a)} greedy outputs of {len(a[0])} characters "
          "identical in cohort and transformers", file=sys.stderr)


def table(args):
    c, h = json.load(open(args.cohort)), json.load(open(args.hf))
    k = args.clients
    print(f"cohort model serve vs transformers {h['transformers']} (torch {h['torch']}), "
          f"{h['threads']} threads each, {args.max_tokens} new tokens per request, "
          f"prompts of {args.prompt_bytes} bytes, greedy, median of {args.runs} runs")
    print()
    print("| clients | cohort tok/s | transformers tok/s | ratio | cohort TTFT | transformers TTFT |")
    print("|---:|---:|---:|---:|---:|---:|")
    cpu = []
    for n in ["1", str(k)]:
        co = c["rows"][n]
        if n == "1":
            tr, how = h["rows"]["1"], "generate"
        else:
            # The better of one batched generate and one generate per thread.
            cands = [(h["rows"][f"{k} batched"], "batched generate"), (h["rows"][f"{k} threads"], f"{k} threads")]
            tr, how = max(cands, key=lambda x: x[0]["tokens_per_s"])
        ratio = co["tokens_per_s"] / tr["tokens_per_s"]
        print(f"| {n} | {co['tokens_per_s']:,.1f} | {tr['tokens_per_s']:,.1f} ({how}) | {ratio:.2f}× "
              f"| {co['ttft_s'] * 1000:,.0f} ms | {tr['ttft_s'] * 1000:,.0f} ms |")
        cpu.append(f"{n} client(s) {co['tokens_per_cpu_s'] / tr['tokens_per_cpu_s']:.2f}×")
    print()
    print("tokens per CPU-second, cohort ÷ transformers: " + ", ".join(cpu))
    for name, r in h["rows"].items():
        print(f"transformers {name}: {r['tokens_per_s']:,.1f} tok/s, TTFT {r['ttft_s'] * 1000:,.1f} ms "
              f"(runs: {', '.join(f'{x:,.1f}' for x in r['rates'])}); "
              f"{r['tokens_per_cpu_s']:,.1f} tokens per CPU-second")
    for name, r in c["rows"].items():
        print(f"cohort {name} client(s): {r['tokens_per_s']:,.1f} tok/s, TTFT {r['ttft_s'] * 1000:,.1f} ms "
              f"(runs: {', '.join(f'{x:,.1f}' for x in r['rates'])}); "
              f"{r['tokens_per_cpu_s']:,.1f} tokens per CPU-second (server process)")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("convert")
    p.add_argument("checkpoint")
    p.add_argument("out")
    p = sub.add_parser("loss")
    p.add_argument("model")
    p.add_argument("--data", required=True)
    p.add_argument("--threads", type=int, default=2)
    p = sub.add_parser("hf")
    p.add_argument("model")
    p.add_argument("--prompts", required=True, help="a JSON list of prompts of one byte length")
    p.add_argument("--max-tokens", type=int, default=128)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--check-only", action="store_true")
    p = sub.add_parser("cohort")
    p.add_argument("url")
    p.add_argument("--model", required=True)
    p.add_argument("--prompts", required=True)
    p.add_argument("--max-tokens", type=int, default=128)
    p.add_argument("--clients", type=int, nargs="+", default=[1, 8])
    p.add_argument("--pid", type=int, required=True, help="the server's process id (for its CPU time)")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--check-only", action="store_true")
    p = sub.add_parser("check")
    p.add_argument("--cohort", required=True)
    p.add_argument("--hf", required=True)
    p.add_argument("--prompts", required=True)
    p.add_argument("--label", default="")
    p = sub.add_parser("table")
    p.add_argument("--cohort", required=True)
    p.add_argument("--hf", required=True)
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--max-tokens", type=int, default=128)
    p.add_argument("--prompt-bytes", type=int, default=32)
    p.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    {"convert": convert, "loss": loss, "hf": hf, "cohort": cohort, "check": check, "table": table}[args.cmd](args)


if __name__ == "__main__":
    main()
