//! Tokenizer, chat template and training data for the `lora` trainer.
//!
//! Data: plain text files (tokenized whole, end-of-sequence appended, packed into windows of
//! `context + 1` tokens, every token scored) and JSONL files whose lines are
//! `{"messages":[{"role":…,"content":…},…]}` (rendered with the model's chat template; only
//! assistant tokens scored), `{"prompt":…,"completion":…}` (only the completion and the
//! end-of-sequence token scored) or `{"text":…}` (`.jsonl`, `.ndjson`, `.json`, in any case).
//! The last tenth of every text file's tokens and every tenth JSONL line are held out for
//! validation.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::trainer::rng::Stream;

/// A model folder's tokenizer, special tokens and chat template.
pub struct TextCodec {
    pub tokenizer: tokenizers::Tokenizer,
    pub chat_template: Option<String>,
    pub bos_token: Option<String>,
    pub eos_token: Option<String>,
    /// Where the chat template would be read from (for messages).
    pub dir: PathBuf,
}

fn token_text(v: Option<&serde_json::Value>) -> Option<String> {
    match v? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Object(o) => o.get("content")?.as_str().map(String::from),
        _ => None,
    }
}

impl TextCodec {
    /// Reads `tokenizer.json` (required), `tokenizer_config.json` (special tokens, the chat
    /// template) and `chat_template.jinja` (transformers ≥ 4.43 writes the template there).
    pub fn load(dir: &Path) -> Result<TextCodec> {
        let tpath = dir.join("tokenizer.json");
        if !tpath.is_file() {
            return Err(Error::usage(
                "lora.no_tokenizer",
                format!(
                    "{} is missing: cohort needs the model's tokenizer",
                    tpath.display()
                ),
            )
            .hint("copy tokenizer.json from the model's Hugging Face repository into the folder"));
        }
        let tokenizer = tokenizers::Tokenizer::from_file(&tpath).map_err(|e| {
            Error::usage(
                "lora.bad_tokenizer",
                format!("could not read {}: {e}", tpath.display()),
            )
        })?;
        let cpath = dir.join("tokenizer_config.json");
        let cfg: serde_json::Value = match std::fs::read_to_string(&cpath) {
            Ok(text) => serde_json::from_str(&text).map_err(|e| {
                Error::usage(
                    "lora.bad_tokenizer",
                    format!("{} is not JSON: {e}", cpath.display()),
                )
            })?,
            Err(_) => serde_json::Value::Null,
        };
        let mut chat_template = match cfg.get("chat_template") {
            Some(serde_json::Value::String(s)) => Some(s.clone()),
            // A list of named templates: the one named "default".
            Some(serde_json::Value::Array(list)) => list
                .iter()
                .find(|t| t.get("name").and_then(|n| n.as_str()) == Some("default"))
                .and_then(|t| t.get("template")?.as_str().map(String::from)),
            _ => None,
        };
        let jpath = dir.join("chat_template.jinja");
        if chat_template.is_none() && jpath.is_file() {
            chat_template = Some(std::fs::read_to_string(&jpath).map_err(|e| {
                Error::usage(
                    "lora.bad_tokenizer",
                    format!("could not read {}: {e}", jpath.display()),
                )
            })?);
        }
        Ok(TextCodec {
            tokenizer,
            chat_template,
            bos_token: token_text(cfg.get("bos_token")),
            eos_token: token_text(cfg.get("eos_token")),
            dir: dir.to_path_buf(),
        })
    }

    /// Token ids of `text`; `special` adds the tokenizer's own special tokens (e.g. BOS).
    pub fn encode(&self, text: &str, special: bool) -> Result<Vec<u32>> {
        Ok(self
            .tokenizer
            .encode(text, special)
            .map_err(|e| Error::failed("lora.tokenize", format!("tokenizing failed: {e}")))?
            .get_ids()
            .to_vec())
    }

    /// Text of `ids` (special tokens skipped).
    pub fn decode(&self, ids: &[u32]) -> Result<String> {
        self.tokenizer
            .decode(ids, true)
            .map_err(|e| Error::failed("lora.tokenize", format!("decoding failed: {e}")))
    }

    /// The id of the tokenizer's end-of-sequence token, if it has one.
    pub fn eos_id(&self) -> Option<u32> {
        self.eos_token
            .as_deref()
            .and_then(|t| self.tokenizer.token_to_id(t))
    }

    fn template(&self) -> Result<&str> {
        self.chat_template.as_deref().ok_or_else(|| {
            Error::usage(
                "lora.no_chat_template",
                format!(
                    "{} has no chat template: neither {} has a `chat_template` nor does {} exist",
                    self.dir.display(),
                    self.dir.join("tokenizer_config.json").display(),
                    self.dir.join("chat_template.jinja").display()
                ),
            )
            .hint("use an instruct model's folder, add its chat_template.jinja, or use plain prompts (no --chat / prompt+completion data)")
        })
    }

    /// Renders `messages` with the chat template, as transformers' `apply_chat_template`.
    pub fn render(&self, messages: &[Message], add_generation_prompt: bool) -> Result<String> {
        let src = self.template()?;
        let mut env = minijinja::Environment::new();
        env.set_unknown_method_callback(minijinja_contrib::pycompat::unknown_method_callback);
        env.add_function(
            "raise_exception",
            |msg: String| -> std::result::Result<String, minijinja::Error> {
                Err(minijinja::Error::new(
                    minijinja::ErrorKind::InvalidOperation,
                    msg,
                ))
            },
        );
        env.add_function("strftime_now", |_fmt: String| "01 Jan 2026".to_string());
        let bad = |e: minijinja::Error| {
            Error::usage(
                "lora.chat_template",
                format!("the chat template of {} failed: {e}", self.dir.display()),
            )
        };
        env.add_template("chat", src).map_err(bad)?;
        let tmpl = env.get_template("chat").map_err(bad)?;
        tmpl.render(minijinja::context! {
            messages => messages,
            add_generation_prompt => add_generation_prompt,
            bos_token => self.bos_token.clone().unwrap_or_default(),
            eos_token => self.eos_token.clone().unwrap_or_default(),
        })
        .map_err(bad)
    }

    /// Token ids of a conversation and which are assistant tokens (1) to score.
    pub fn chat_example(&self, messages: &[Message]) -> Result<(Vec<u32>, Vec<u8>)> {
        let full = self.render(messages, false)?;
        let enc = self
            .tokenizer
            .encode(full.as_str(), false)
            .map_err(|e| Error::failed("lora.tokenize", format!("tokenizing failed: {e}")))?;
        let mut spans = Vec::new();
        for (i, m) in messages.iter().enumerate() {
            if m.role != "assistant" {
                continue;
            }
            let before = self.render(&messages[..i], true)?;
            let upto = self.render(&messages[..=i], false)?;
            if full.starts_with(&before) && full.starts_with(&upto) {
                spans.push((before.len(), upto.len()));
            }
        }
        let mask = enc
            .get_offsets()
            .iter()
            .map(|&(s, _)| u8::from(spans.iter().any(|&(a, b)| s >= a && s < b)))
            .collect();
        Ok((enc.get_ids().to_vec(), mask))
    }
}

/// One chat message.
#[derive(Debug, Clone, serde::Serialize, Deserialize, PartialEq)]
pub struct Message {
    pub role: String,
    pub content: String,
}

/// One training sequence and which of its tokens are predicted (1) or only context (0).
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub ids: Vec<u32>,
    pub mask: Vec<u8>,
}

/// The training and validation sequences, each at most `context + 1` tokens.
pub struct Dataset {
    pub train: Vec<Example>,
    pub val: Vec<Example>,
    pub files: usize,
    /// JSONL examples cut to the context.
    pub truncated: usize,
    /// JSONL examples left out because no token to learn (assistant message, completion) lies
    /// within the context once cut.
    pub cut_away: usize,
    /// JSONL examples read (kept or not).
    pub examples: usize,
}

#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    messages: Option<Vec<Message>>,
    #[serde(default)]
    prompt: Option<String>,
    #[serde(default)]
    completion: Option<String>,
    #[serde(default)]
    text: Option<String>,
}

fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| {
                    Error::usage("data.read", format!("could not read {}: {e}", p.display()))
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                // Hidden entries are left out, as the builtin trainer's corpus does: a folder
                // being filled (`.name.tmp` before its rename) reads the same as once filled.
                .filter(|p| {
                    !p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                })
                .collect();
            entries.sort();
            out.extend(collect_files(&entries)?);
        } else if p.is_file() {
            out.push(p.clone());
        } else {
            return Err(Error::usage(
                "data.missing",
                format!("{} does not exist", p.display()),
            ));
        }
    }
    Ok(out)
}

/// Whether `f` is read as JSONL (by its extension, in any case): `.jsonl`, `.ndjson`, `.json`.
pub fn is_jsonl(f: &Path) -> bool {
    f.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["jsonl", "ndjson", "json"].contains(&e.to_ascii_lowercase().as_str()))
}

/// The paths as the user gave them, for messages.
fn shown(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

impl Dataset {
    /// Reads text and JSONL files (folders recursively) into sequences of at most
    /// `context + 1` tokens.
    pub fn load(paths: &[PathBuf], codec: &TextCodec, context: usize) -> Result<Dataset> {
        let files = collect_files(paths)?;
        if files.is_empty() {
            return Err(Error::usage(
                "data.empty",
                format!("{} holds no data file", shown(paths)),
            )
            .hint("check the --data path: give text or JSONL files, or folders holding them (hidden files are left out)"));
        }
        let window = context + 1;
        let (mut train, mut val, mut truncated) = (Vec::new(), Vec::new(), 0);
        let (mut cut_away, mut examples) = (0usize, 0usize);
        let eos = codec.eos_id();
        for f in &files {
            let bytes = std::fs::read(f).map_err(|e| {
                Error::usage("data.read", format!("could not read {}: {e}", f.display()))
            })?;
            let Ok(mut text) = String::from_utf8(bytes) else {
                continue;
            };
            // A UTF-8 byte order mark (some editors write one) is no text.
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            if !is_jsonl(f) {
                let mut ids = codec.encode(&text, true)?;
                ids.extend(eos);
                let cut = ids.len() - ids.len() / 10;
                for (part, dest) in [(&ids[..cut], &mut train), (&ids[cut..], &mut val)] {
                    for chunk in part.chunks(window) {
                        if chunk.len() >= 2 {
                            dest.push(Example {
                                ids: chunk.to_vec(),
                                mask: vec![1; chunk.len()],
                            });
                        }
                    }
                }
                continue;
            }
            let mut n = 0usize;
            for (lineno, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let at = format!("{}:{}", f.display(), lineno + 1);
                let l: Line = serde_json::from_str(line).map_err(|e| {
                    Error::usage("data.bad_jsonl", format!("{at}: not a valid example: {e}"))
                        .hint("each line is {\"messages\":[{\"role\":…,\"content\":…}]}, {\"prompt\":…,\"completion\":…} or {\"text\":…}")
                })?;
                let (mut ids, mut mask) = match (l.messages, l.prompt, l.completion, l.text) {
                    (Some(m), None, None, None) if !m.is_empty() => {
                        if !m.iter().any(|m| m.role == "assistant") {
                            return Err(Error::usage(
                                "data.bad_jsonl",
                                format!("{at}: `messages` has no assistant message to learn"),
                            ));
                        }
                        codec.chat_example(&m).map_err(|e| Error {
                            message: format!("{at}: {}", e.message),
                            ..e
                        })?
                    }
                    (None, Some(p), Some(c), None) => {
                        let mut ids = codec.encode(&p, true)?;
                        let np = ids.len();
                        ids.extend(codec.encode(&c, false)?);
                        ids.extend(eos);
                        let mut mask = vec![0u8; np];
                        mask.resize(ids.len(), 1);
                        (ids, mask)
                    }
                    (None, None, None, Some(t)) => {
                        let mut ids = codec.encode(&t, true)?;
                        ids.extend(eos);
                        let n = ids.len();
                        (ids, vec![1; n])
                    }
                    (Some(_), p, c, t) if p.is_some() || c.is_some() || t.is_some() => {
                        return Err(Error::usage(
                            "data.bad_jsonl",
                            format!(
                                "{at}: has both `messages` and `{}`: an example is one of them",
                                if t.is_some() {
                                    "text"
                                } else {
                                    "prompt`/`completion"
                                }
                            ),
                        ));
                    }
                    _ => {
                        return Err(Error::usage(
                            "data.bad_jsonl",
                            format!(
                                "{at}: needs `messages` (non-empty), or `prompt` and `completion`, or `text`"
                            ),
                        ));
                    }
                };
                examples += 1;
                let learns = |ids: &[u32], mask: &[u8]| ids.len() >= 2 && mask[1..].contains(&1);
                if ids.len() > window {
                    let before = learns(&ids, &mask);
                    ids.truncate(window);
                    mask.truncate(window);
                    truncated += 1;
                    if before && !learns(&ids, &mask) {
                        cut_away += 1;
                        continue;
                    }
                }
                if !learns(&ids, &mask) {
                    continue;
                }
                let ex = Example { ids, mask };
                if n % 10 == 9 {
                    val.push(ex);
                } else {
                    train.push(ex);
                }
                n += 1;
            }
        }
        if train.is_empty() {
            if cut_away > 0 {
                return Err(Error::usage(
                    "data.too_short",
                    format!(
                        "no example of {} has a token to learn within the context of {context} \
                         tokens: {cut_away} of {examples} examples have their assistant \
                         answer or completion beyond it",
                        shown(paths)
                    ),
                )
                .hint(
                    "raise the context (the spec's model.context; `model eval`: --context), or \
                     shorten the prompts",
                ));
            }
            return Err(Error::usage(
                "data.too_short",
                format!(
                    "{} has no sequence of at least 2 tokens to learn from ({} file{})",
                    shown(paths),
                    files.len(),
                    if files.len() == 1 { "" } else { "s" }
                ),
            )
            .hint("check the --data path: its files are empty, binary, or JSONL without a completion or assistant message"));
        }
        Ok(Dataset {
            train,
            val,
            files: files.len(),
            truncated,
            cut_away,
            examples,
        })
    }
}

/// A batch: inputs, targets and target weights, each `rows × seq` (row-major).
pub struct Batch {
    pub rows: usize,
    pub seq: usize,
    pub inputs: Vec<u32>,
    pub targets: Vec<u32>,
    pub weights: Vec<f32>,
}

/// Pads examples into a batch (shorter rows are padded with weight 0; causal attention keeps
/// padding from changing the scored positions).
pub fn make_batch(examples: &[&Example], pad: u32) -> Batch {
    let seq = examples.iter().map(|e| e.ids.len() - 1).max().unwrap_or(1);
    let rows = examples.len();
    let mut b = Batch {
        rows,
        seq,
        inputs: vec![pad; rows * seq],
        targets: vec![0; rows * seq],
        weights: vec![0.0; rows * seq],
    };
    for (r, e) in examples.iter().enumerate() {
        for t in 0..e.ids.len() - 1 {
            b.inputs[r * seq + t] = e.ids[t];
            b.targets[r * seq + t] = e.ids[t + 1];
            b.weights[r * seq + t] = e.mask[t + 1] as f32;
        }
    }
    b
}

/// Which training examples a step uses: a pure function of (seed, round, worker, step).
pub fn batch_indices(
    seed: u64,
    round: u64,
    worker: &[u8; 20],
    step: u64,
    batch: usize,
    n: usize,
) -> Vec<usize> {
    let mut rng = Stream::new(
        "cohort.lora.batch.v1",
        &[
            &seed.to_le_bytes(),
            &round.to_le_bytes(),
            worker,
            &step.to_le_bytes(),
        ],
    );
    (0..batch).map(|_| rng.below(n as u64) as usize).collect()
}
