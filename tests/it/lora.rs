//! The `lora` trainer through the real binary: training lowers validation loss and is
//! reproducible, adapters are PEFT folders, merge/eval/generate agree, bad input exits 2.

use std::path::{Path, PathBuf};

use crate::common::{Home, write};

fn fx(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/lora")
        .join(p)
}

fn spec(dir: &Path, base: &Path, extra_model: &str, steps: u64) -> PathBuf {
    write(
        dir,
        "lora.toml",
        format!(
            r#"
[model]
trainer = "lora"
base = "{}"
rank = 4
alpha = 8
dropout = 0.05
targets = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
context = 64
{extra_model}

[training]
batch_size = 8
learning_rate = 1e-2
warmup_steps = 4
steps = {steps}
checkpoint_every = 10
eval_windows = 20
seed = 3
"#,
            base.display()
        ),
    )
}

fn hash(p: &Path) -> String {
    blake3::hash(&std::fs::read(p).unwrap())
        .to_hex()
        .to_string()
}

/// Fails with `args`, returning (exit code, stderr).
fn fails(home: &Home, args: &[&str]) -> (i32, String) {
    let out = home.cmd().args(args).output().unwrap();
    assert!(
        !out.status.success(),
        "cohort {args:?} should fail:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn chat_training_learns_is_reproducible_and_merges() {
    let home = Home::new();
    let dir = home.path();
    let cfg = spec(dir, &fx("qwen2"), "", 30);
    let data = fx("chat.jsonl");
    let run = |out: &str, more: &[&str]| {
        let out = dir.join(out);
        let mut args = vec![
            "train",
            "--data",
            data.to_str().unwrap(),
            "--config",
            cfg.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--device",
            "cpu",
        ];
        args.extend(more);
        home.json(&args)
    };
    let a = run("a", &[]);
    assert_eq!(a["recompute"], false, "memory is plenty here");
    let (v0, v1) = (
        a["initial_val_loss"].as_f64().unwrap(),
        a["final_val_loss"].as_f64().unwrap(),
    );
    assert!(v1 < v0 - 0.5, "validation loss {v0} → {v1}");
    let adapters: Vec<&str> = a["adapters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(adapters.len(), 4, "step 0, 10, 20, 30: {adapters:?}");
    let last = PathBuf::from(a["final_adapter"].as_str().unwrap());
    assert!(last.ends_with("step-000030"));
    let acfg: serde_json::Value =
        serde_json::from_slice(&std::fs::read(last.join("adapter_config.json")).unwrap()).unwrap();
    assert_eq!(acfg["peft_type"], "LORA");
    assert_eq!(acfg["r"], 4);
    assert_eq!(acfg["target_modules"].as_array().unwrap().len(), 7);
    assert!(a["adapter_bytes"].as_u64().unwrap() < a["base_bytes"].as_u64().unwrap());

    // Twice: the same adapter, bit for bit, the second time recomputing activations in
    // backward instead of keeping them, and timing each phase of the steps after the first.
    let b = run("b", &["--recompute", "--timings"]);
    assert_eq!(b["recompute"], true);
    assert!(a.get("timings").is_none());
    let t = &b["timings"];
    assert_eq!(t["steps"], 29, "{t}");
    for phase in [
        "batch",
        "forward + backward",
        "optimizer",
        "validation",
        "checkpoint",
    ] {
        let row = t["phases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["phase"] == phase);
        let calls = row.map(|r| r["calls"].as_u64().unwrap());
        let want = match phase {
            "validation" | "checkpoint" => 3,
            _ => 29,
        };
        assert_eq!(calls, Some(want), "{phase}: {t}");
    }
    let f = "step-000030/adapter_model.safetensors";
    assert_eq!(hash(&dir.join("a").join(f)), hash(&dir.join("b").join(f)));
    assert_eq!(a["final_val_loss"], b["final_val_loss"]);
    // A different seed trains a different adapter.
    let c = home.json(&[
        "train",
        "--data",
        data.to_str().unwrap(),
        "--config",
        cfg.to_str().unwrap(),
        "--out",
        dir.join("c").to_str().unwrap(),
        "--steps",
        "10",
        "--seed",
        "4",
        "--device",
        "cpu",
    ]);
    assert_eq!(c["end_step"], 10);
    assert_ne!(
        hash(&dir.join("a/step-000010/adapter_model.safetensors")),
        hash(&dir.join("c/step-000010/adapter_model.safetensors"))
    );

    // Resume from step 10 with its optimizer state: the same step-30 adapter.
    let r = home.json(&[
        "train",
        "--data",
        data.to_str().unwrap(),
        "--config",
        cfg.to_str().unwrap(),
        "--out",
        dir.join("r").to_str().unwrap(),
        "--init",
        dir.join("a/step-000010").to_str().unwrap(),
        "--steps",
        "20",
        "--device",
        "cpu",
    ]);
    assert_eq!(r["start_step"], 10);
    assert_eq!(hash(&dir.join("a").join(f)), hash(&dir.join("r").join(f)));

    // Merge; the merged folder scores like base + adapter, and better than the base.
    let merged = dir.join("merged");
    let m = home.json(&[
        "model",
        "merge",
        fx("qwen2").to_str().unwrap(),
        last.to_str().unwrap(),
        "-o",
        merged.to_str().unwrap(),
    ]);
    assert_eq!(m["merged_layers"], 14);
    // The validation split alone (every tenth line: 20, all of them under eval_windows) scores
    // what training reported for it; --max-windows takes that many sequences of it; without
    // --context a folder is scored at its max_position_embeddings (128) where that is under 256.
    let qwen2 = fx("qwen2");
    let val_eval = |more: &[&str]| {
        let mut v = vec![
            "model",
            "eval",
            qwen2.to_str().unwrap(),
            "--adapter",
            last.to_str().unwrap(),
            "--data",
            data.to_str().unwrap(),
            "--split",
            "val",
        ];
        v.extend_from_slice(more);
        home.json(&v)
    };
    let val = val_eval(&["--context", "64"]);
    assert_eq!(
        (val["split"].as_str(), val["sequences"].as_u64()),
        (Some("val"), Some(20))
    );
    let val_loss = val["loss"].as_f64().unwrap();
    assert!(
        (val_loss - v1).abs() <= 1e-5 * v1,
        "eval {val_loss} vs training's {v1}"
    );
    let capped = val_eval(&["--context", "64", "--max-windows", "5"]);
    assert_eq!(capped["sequences"], 5);
    assert_ne!(capped["loss"], val["loss"]);
    assert_eq!(val_eval(&[])["context"], 128);

    let eval = |args: &[&str]| {
        let mut v = vec!["model", "eval"];
        v.extend_from_slice(args);
        v.extend_from_slice(&["--data", data.to_str().unwrap(), "--context", "64"]);
        home.json(&v)["loss"].as_f64().unwrap()
    };
    let with_adapter = eval(&[
        fx("qwen2").to_str().unwrap(),
        "--adapter",
        last.to_str().unwrap(),
    ]);
    let merged_loss = eval(&[merged.to_str().unwrap()]);
    let base_loss = eval(&[fx("qwen2").to_str().unwrap()]);
    assert!(
        (with_adapter - merged_loss).abs() < 1e-4,
        "{with_adapter} vs {merged_loss}"
    );
    assert!(
        merged_loss < base_loss - 0.5,
        "{merged_loss} vs base {base_loss}"
    );

    // Greedy chat generation: the merged folder and base + adapter say the same.
    let prompt = "Who says: Before we proceed any further, hear me speak.";
    let gen_ = |args: &[&str]| {
        let mut v = vec!["model", "generate"];
        v.extend_from_slice(args);
        v.extend_from_slice(&[
            "--prompt",
            prompt,
            "--chat",
            "--temperature",
            "0",
            "--max-tokens",
            "12",
        ]);
        home.json(&v)
    };
    let g1 = gen_(&[merged.to_str().unwrap()]);
    let g2 = gen_(&[
        fx("qwen2").to_str().unwrap(),
        "--adapter",
        last.to_str().unwrap(),
    ]);
    assert_eq!(g1["text"], g2["text"]);
    assert!(g1["tokens"].as_u64().unwrap() > 0);
    // Without --json: a chat answer alone, a completion after its prompt.
    let plain = |more: &[&str]| {
        let mut v = vec![
            "model",
            "generate",
            merged.to_str().unwrap(),
            "--prompt",
            prompt,
        ];
        v.extend_from_slice(more);
        v.extend_from_slice(&["--temperature", "0", "--max-tokens", "12"]);
        home.stdout(&v).trim_end().to_string()
    };
    assert_eq!(plain(&["--chat"]), g1["text"].as_str().unwrap().trim_end());
    let completion = home.json(&[
        "model",
        "generate",
        merged.to_str().unwrap(),
        "--prompt",
        prompt,
        "--temperature",
        "0",
        "--max-tokens",
        "12",
    ]);
    assert_eq!(
        plain(&[]),
        format!("{prompt}{}", completion["text"].as_str().unwrap()).trim_end()
    );
    // Sampling with a seed is reproducible.
    let s = |seed: &str| {
        home.json(&[
            "model",
            "generate",
            merged.to_str().unwrap(),
            "--prompt",
            "First",
            "--temperature",
            "1",
            "--top-p",
            "0.9",
            "--seed",
            seed,
            "--max-tokens",
            "20",
        ])["text"]
            .clone()
    };
    assert_eq!(s("1"), s("1"));
    // --min-tokens holds EOS back: a seed whose sample ends at EOS early runs on past it.
    let chat = |seed: u64, min: usize| {
        home.json(&[
            "model",
            "generate",
            merged.to_str().unwrap(),
            "--prompt",
            "Who says:",
            "--chat",
            "--temperature",
            "1",
            "--seed",
            &seed.to_string(),
            "--max-tokens",
            "40",
            "--min-tokens",
            &min.to_string(),
        ])
    };
    let (seed, short) = (0..16)
        .map(|seed| (seed, chat(seed, 0)))
        .filter(|(_, g)| g["stop"] == "eos")
        .min_by_key(|(_, g)| g["tokens"].as_u64().unwrap())
        .expect("the tuned model ends some answer with EOS");
    let n = short["tokens"].as_u64().unwrap() as usize;
    assert!(n < 38, "{short}");
    let held = chat(seed, n + 2);
    assert!(held["tokens"].as_u64().unwrap() as usize >= n + 2, "{held}");
    let (code, err) = fails(
        &home,
        &[
            "model",
            "generate",
            merged.to_str().unwrap(),
            "--prompt",
            "x",
            "--max-tokens",
            "4",
            "--min-tokens",
            "5",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--min-tokens 5 is more than --max-tokens 4"),
        "{err}"
    );
}

#[test]
fn plain_text_training_on_llama_lowers_validation_loss() {
    let home = Home::new();
    let dir = home.path();
    let cfg = spec(dir, &fx("llama"), "", 20);
    let text = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus/shakespeare/part1.txt");
    let r = home.json(&[
        "train",
        "--data",
        text.to_str().unwrap(),
        "--config",
        cfg.to_str().unwrap(),
        "--out",
        dir.join("run").to_str().unwrap(),
        "--device",
        "cpu",
    ]);
    let (v0, v1) = (
        r["initial_val_loss"].as_f64().unwrap(),
        r["final_val_loss"].as_f64().unwrap(),
    );
    assert!(v1 < v0, "validation loss {v0} → {v1}");
    let m = r["metrics"].as_array().unwrap();
    assert!(!m.is_empty());
    // prompt/completion data trains too.
    let r = home.json(&[
        "train",
        "--data",
        fx("completions.jsonl").to_str().unwrap(),
        "--config",
        cfg.to_str().unwrap(),
        "--out",
        dir.join("pc").to_str().unwrap(),
        "--steps",
        "2",
        "--device",
        "cpu",
    ]);
    assert_eq!(r["end_step"], 2);
}

#[test]
fn bad_input_exits_2_naming_the_problem() {
    let home = Home::new();
    let dir = home.path();
    let data = fx("chat.jsonl");
    let train = |cfg: &Path, data: &Path| {
        fails(
            &home,
            &[
                "train",
                "--data",
                data.to_str().unwrap(),
                "--config",
                cfg.to_str().unwrap(),
                "--out",
                dir.join("out").to_str().unwrap(),
            ],
        )
    };

    // An architecture cohort does not run.
    let gpt2 = dir.join("gpt2");
    std::fs::create_dir_all(&gpt2).unwrap();
    write(
        &gpt2,
        "config.json",
        r#"{"architectures":["GPT2LMHeadModel"],"model_type":"gpt2","vocab_size":10,"hidden_size":8,"intermediate_size":8,"num_hidden_layers":1,"num_attention_heads":2}"#,
    );
    let (code, err) = train(&spec(dir, &gpt2, "", 2), &data);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("GPT2LMHeadModel") && err.contains("gpt2"),
        "{err}"
    );
    assert!(err.contains("llama") && err.contains("qwen2"), "{err}");

    // A model folder without tokenizer.json.
    let notok = dir.join("notok");
    std::fs::create_dir_all(&notok).unwrap();
    for f in ["config.json", "model.safetensors"] {
        std::fs::copy(fx("qwen2").join(f), notok.join(f)).unwrap();
    }
    let (code, err) = train(&spec(dir, &notok, "", 2), &data);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("tokenizer.json"), "{err}");

    // --chat without a chat template names the files it looked in.
    let notmpl = dir.join("notmpl");
    std::fs::create_dir_all(&notmpl).unwrap();
    for f in ["config.json", "model.safetensors", "tokenizer.json"] {
        std::fs::copy(fx("qwen2").join(f), notmpl.join(f)).unwrap();
    }
    let (code, err) = fails(
        &home,
        &[
            "model",
            "generate",
            notmpl.to_str().unwrap(),
            "--prompt",
            "hi",
            "--chat",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("chat_template.jinja") && err.contains("tokenizer_config.json"),
        "{err}"
    );

    // model eval: no sequence to score is refused, and so is --context on a builtin checkpoint.
    let chat = fx("chat.jsonl");
    let eval_fails = |what: &str, more: &[&str]| {
        let mut v = vec!["model", "eval", what, "--data", chat.to_str().unwrap()];
        v.extend_from_slice(more);
        fails(&home, &v)
    };
    let (code, err) = eval_fails(fx("qwen2").to_str().unwrap(), &["--max-windows", "0"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--max-windows must be at least 1"), "{err}");
    let ckpt = write(dir, "builtin.safetensors", b"");
    let (code, err) = eval_fails(ckpt.to_str().unwrap(), &["--context", "64"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--context applies to a Hugging Face model folder"),
        "{err}"
    );
    let (code, err) = fails(
        &home,
        &[
            "model",
            "generate",
            ckpt.to_str().unwrap(),
            "--min-tokens",
            "3",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--min-tokens applies to a Hugging Face model folder"),
        "{err}"
    );

    // --chat on a builtin checkpoint says what --chat needs.
    let (code, err) = fails(
        &home,
        &[
            "model",
            "generate",
            ckpt.to_str().unwrap(),
            "--prompt",
            "hi",
            "--chat",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--chat needs a Hugging Face model folder")
            && !err.contains("--adapter applies"),
        "{err}"
    );

    // A target the model does not have: the model's linear layers are listed.
    let bad = write(
        dir,
        "badtarget.toml",
        format!(
            "[model]\ntrainer = \"lora\"\nbase = \"{}\"\ntargets = [\"c_attn\"]\n",
            fx("qwen2").display()
        ),
    );
    let (code, err) = train(&bad, &data);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("c_attn") && err.contains("gate_proj") && err.contains("down_proj"),
        "{err}"
    );

    // Bad JSONL: file and line.
    let jsonl = write(
        dir,
        "bad.jsonl",
        "{\"prompt\": \"a\", \"completion\": \"b\"}\n{\"prompt\": \"a\"}\nnot json\n",
    );
    let (code, err) = train(&spec(dir, &fx("qwen2"), "", 2), &jsonl);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("bad.jsonl:2"), "{err}");
    let jsonl = write(dir, "bad2.jsonl", "{\"text\": \"fine\"}\nnot json\n");
    let (code, err) = train(&spec(dir, &fx("qwen2"), "", 2), &jsonl);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("bad2.jsonl:2"), "{err}");

    // A context longer than max_position_embeddings (128).
    let long = write(
        dir,
        "long.toml",
        format!(
            "[model]\ntrainer = \"lora\"\nbase = \"{}\"\ncontext = 512\n",
            fx("qwen2").display()
        ),
    );
    let (code, err) = train(&long, &data);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("max_position_embeddings"), "{err}");

    // lora keys with the builtin trainer, and a lora spec without a base.
    let mixed = write(dir, "mixed.toml", "[model]\nrank = 4\n");
    let (code, err) = train(&mixed, &data);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("lora"), "{err}");
    let nobase = write(dir, "nobase.toml", "[model]\ntrainer = \"lora\"\n");
    let (code, err) = train(&nobase, &data);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("model.base"), "{err}");
}

/// A prompt longer than the model's context (128) is refused up front, naming its tokens and the
/// context, instead of an empty sample that exits 0; so are sampling settings the server refuses.
#[test]
fn generate_refuses_a_prompt_past_the_context_and_bad_sampling() {
    let home = Home::new();
    let base = fx("qwen2");
    let long = "hello world ".repeat(200);
    for chat in [false, true] {
        let mut args = vec![
            "model",
            "generate",
            base.to_str().unwrap(),
            "--prompt",
            &long,
        ];
        if chat {
            args.push("--chat");
        }
        let (code, err) = fails(&home, &args);
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains("context of 128 tokens") && err.contains("the prompt is"),
            "{err}"
        );
        assert!(err.contains("hint: shorten the prompt"), "{err}");
    }
    for bad in [
        ["--temperature", "100"],
        ["--top-p", "0"],
        ["--top-p", "5"],
        ["--max-tokens", "0"],
    ] {
        let mut args = vec!["model", "generate", base.to_str().unwrap(), "--prompt", "x"];
        args.extend(bad);
        let (code, err) = fails(&home, &args);
        assert_eq!(code, 2, "{bad:?}: {err}");
        assert!(err.contains(bad[0]), "{bad:?}: {err}");
    }
}

/// `--init` with an adapter folder must match the spec's rank, alpha and targets (their order
/// aside) and its base; the builtin-checkpoint commands refuse adapter folders saying what to run.
#[test]
fn init_adapters_must_fit_the_spec_and_base_and_builtin_commands_name_the_lora_way() {
    let home = Home::new();
    let dir = home.path();
    let data = fx("chat.jsonl");
    let cfg = spec(dir, &fx("qwen2"), "", 2);
    let text = std::fs::read_to_string(&cfg).unwrap();
    let variant = |name: &str, from: &str, to: &str| {
        assert!(text.contains(from), "{from}");
        write(dir, name, text.replace(from, to))
    };
    let r8 = variant("r8.toml", "rank = 4", "rank = 8");
    let a16 = variant("a16.toml", "alpha = 8", "alpha = 16");
    let qv = variant(
        "qv.toml",
        r#"targets = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]"#,
        r#"targets = ["q_proj", "v_proj"]"#,
    );
    let reordered = variant(
        "reordered.toml",
        r#"targets = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]"#,
        r#"targets = ["down_proj", "up_proj", "gate_proj", "o_proj", "v_proj", "k_proj", "q_proj"]"#,
    );
    let llama = variant(
        "llama.toml",
        &format!("base = \"{}\"", fx("qwen2").display()),
        &format!("base = \"{}\"", fx("llama").display()),
    );
    let train = |cfg: &Path, out: &str, init: Option<&Path>| {
        let mut v = vec![
            "train".to_string(),
            "--data".into(),
            data.to_str().unwrap().into(),
            "--config".into(),
            cfg.to_str().unwrap().into(),
            "--out".into(),
            dir.join(out).to_str().unwrap().into(),
            "--steps".into(),
            "1".into(),
            "--device".into(),
            "cpu".into(),
        ];
        if let Some(i) = init {
            v.extend(["--init".to_string(), i.to_str().unwrap().into()]);
        }
        v
    };
    fn args(v: &[String]) -> Vec<&str> {
        v.iter().map(String::as_str).collect()
    }
    home.json(&args(&train(&cfg, "q", None)));
    let init = dir.join("q/step-000001");

    for (cfg, want) in [
        (&r8, ["rank 4", "rank 8"]),
        (&a16, ["alpha 8", "alpha 16"]),
        (&qv, ["down_proj", "[\"q_proj\", \"v_proj\"]"]),
    ] {
        let (code, err) = fails(&home, &args(&train(cfg, "x", Some(&init))));
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(want[0]) && err.contains(want[1]), "{err}");
        assert!(!dir.join("x/step-000002").exists(), "{err}");
    }
    // The same targets in another order fit; the run goes on from step 1.
    let r = home.json(&args(&train(&reordered, "y", Some(&init))));
    assert_eq!(r["end_step"], 2);

    // An adapter trained on the Qwen2 base is refused for the Llama one, naming both.
    let (code, err) = fails(&home, &args(&train(&llama, "z", Some(&init))));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("qwen2") && err.contains("llama"), "{err}");

    // The file inside the folder: the hint names the folder.
    let inner = init.join("adapter_model.safetensors");
    let (code, err) = fails(&home, &args(&train(&cfg, "w", Some(&inner))));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(&format!("folder {}", init.display())), "{err}");

    // Builtin-checkpoint commands say what the folder is and what to run instead.
    let first = dir.join("q/step-000000");
    let (code, err) = fails(
        &home,
        &[
            "model",
            "eval",
            init.to_str().unwrap(),
            "--data",
            data.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("LoRA adapter folder")
            && err.contains(&format!("--adapter {}", init.display())),
        "{err}"
    );
    let (code, err) = fails(
        &home,
        &[
            "model",
            "generate",
            init.to_str().unwrap(),
            "--prompt",
            "hi",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("LoRA adapter folder")
            && err.contains(&format!("--adapter {}", init.display())),
        "{err}"
    );
    let (code, err) = fails(
        &home,
        &[
            "model",
            "average",
            first.to_str().unwrap(),
            init.to_str().unwrap(),
            "-o",
            dir.join("avg").to_str().unwrap(),
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("LoRA adapter folder") && err.contains("builtin"),
        "{err}"
    );
    assert!(!dir.join("avg").exists());
    let tiny = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/jobs/tiny.toml");
    for spec in [&cfg, &tiny] {
        let (code, err) = fails(
            &home,
            &[
                "model",
                "verify",
                "--from",
                first.to_str().unwrap(),
                "--claimed",
                init.to_str().unwrap(),
                "--data",
                data.to_str().unwrap(),
                "--config",
                spec.to_str().unwrap(),
            ],
        );
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("cohort job audit"), "{err}");
    }
}

/// An adapter whose `base_model_name_or_path` is a Hugging Face folder here is refused on another
/// base by merge, eval, generate and serve (exit 2 naming both, nothing written), though its
/// tensors fit: the same tensors naming no base merge onto it, and onto the base they name.
#[test]
fn adapters_for_another_base_are_refused_by_merge_eval_generate_and_serve() {
    let home = Home::new();
    let dir = home.path();
    let (qwen2, llama) = (fx("qwen2"), fx("llama"));
    let reference = fx("reference/qwen2-adapter");
    // The reference adapter names no base; a copy names the Qwen2 folder.
    let adapter = dir.join("adapter");
    std::fs::create_dir(&adapter).unwrap();
    for f in ["adapter_config.json", "adapter_model.safetensors"] {
        std::fs::copy(reference.join(f), adapter.join(f)).unwrap();
    }
    let mut cfg: serde_json::Value =
        serde_json::from_slice(&std::fs::read(adapter.join("adapter_config.json")).unwrap())
            .unwrap();
    assert!(cfg["base_model_name_or_path"].is_null(), "{cfg}");
    cfg["base_model_name_or_path"] = qwen2.to_str().unwrap().into();
    write(&adapter, "adapter_config.json", cfg.to_string());
    let (a, q, l) = (
        adapter.to_str().unwrap(),
        qwen2.to_str().unwrap(),
        llama.to_str().unwrap(),
    );
    let names_both = |err: &str| {
        assert!(
            err.contains(&format!("trained on {q}")) && err.contains(l),
            "{err}"
        );
    };

    let out = dir.join("merged");
    let o = out.to_str().unwrap();
    let (code, err) = fails(&home, &["model", "merge", l, a, "-o", o]);
    assert_eq!(code, 2, "{err}");
    names_both(&err);
    assert!(!out.exists() && !out.with_extension("partial").exists());

    let data = fx("chat.jsonl");
    let (code, err) = fails(
        &home,
        &[
            "model",
            "eval",
            l,
            "--adapter",
            a,
            "--data",
            data.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 2, "{err}");
    names_both(&err);

    let (code, err) = fails(
        &home,
        &[
            "model",
            "generate",
            l,
            "--adapter",
            a,
            "--prompt",
            "hi",
            "--max-tokens",
            "2",
        ],
    );
    assert_eq!(code, 2, "{err}");
    names_both(&err);

    // A server that took the adapter would run until stopped: it gets a bounded while.
    let srv = home
        .cmd()
        .args(["model", "serve", l, "--adapter", a, "--free", "--port", "0"])
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .expect("model serve took an adapter trained on another base");
    let err = String::from_utf8_lossy(&srv.stderr);
    assert_eq!(srv.status.code(), Some(2), "{err}");
    names_both(&err);

    // The same tensors merge onto the base the adapter names, and, naming no base, onto Llama.
    let r = home.json(&["model", "merge", q, a, "-o", o]);
    assert!(r["merged_layers"].as_u64().unwrap() > 0, "{r}");
    let other = dir.join("merged-llama");
    let r = home.json(&[
        "model",
        "merge",
        l,
        reference.to_str().unwrap(),
        "-o",
        other.to_str().unwrap(),
    ]);
    assert!(r["merged_layers"].as_u64().unwrap() > 0, "{r}");
}

/// One `cohort train` at a time in an --out; a LoRA run into an earlier run's folder is refused
/// unless it continues it (--init), which by default ends at training.steps, with a fresh
/// optimizer if asked; Ctrl-C names the checkpoint to continue from.
#[test]
fn train_out_is_locked_resumed_to_the_schedule_and_interrupts_name_the_checkpoint() {
    let home = Home::new();
    let dir = home.path();
    let cfg = spec(dir, &fx("qwen2"), "", 4);
    let data = fx("chat.jsonl");
    let train = |out: &str, more: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = [
            "train",
            "--data",
            data.to_str().unwrap(),
            "--config",
            cfg.to_str().unwrap(),
            "--out",
            dir.join(out).to_str().unwrap(),
            "--device",
            "cpu",
        ]
        .map(String::from)
        .to_vec();
        v.extend(more.iter().map(|s| s.to_string()));
        v
    };
    fn args(v: &[String]) -> Vec<&str> {
        v.iter().map(String::as_str).collect()
    }
    let a = home.json(&args(&train("a", &["--steps", "2"])));
    assert_eq!(a["end_step"], 2);
    let second = dir.join("a/step-000002");
    let before = hash(&second.join("adapter_model.safetensors"));

    // Again into the same folder, not continuing it: refused, pointing at --init.
    let (code, err) = fails(&home, &args(&train("a", &["--steps", "1"])));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("earlier run") && err.contains(&format!("--init {}", second.display())),
        "{err}"
    );
    assert_eq!(hash(&second.join("adapter_model.safetensors")), before);

    // Continuing it (a fresh optimizer state, asked for): up to training.steps = 4, not 2 + 4.
    let init = second.to_str().unwrap().to_string();
    let r = home.json(&args(&train("a", &["--init", &init, "--fresh-optimizer"])));
    assert_eq!(
        (&r["start_step"], &r["end_step"]),
        (&2.into(), &4.into()),
        "{r}"
    );

    // While another process trains into a folder (this one holds its lock), a run is refused,
    // naming it.
    let held = cohort::fsutil::Lock::try_acquire_as_holder(&dir.join("b/.train.lock"))
        .unwrap()
        .unwrap();
    let (code, err) = fails(&home, &args(&train("b", &["--steps", "1"])));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(&format!("process {}", std::process::id())),
        "{err}"
    );
    assert!(!dir.join("b/step-000000").exists());
    drop(held);

    // Ctrl-C after the first checkpoints: exit 130 naming the last one and --init.
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("cohort"))
        .args(args(&train(
            "c",
            &["--steps", "100000", "--checkpoint-every", "1"],
        )))
        .env("COHORT_HOME", dir)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let out = crate::common::interrupt_once_exists(child, &dir.join("c/step-000002"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(
        err.contains("--init") && err.contains(&dir.join("c/step-").display().to_string()),
        "{err}"
    );
}
