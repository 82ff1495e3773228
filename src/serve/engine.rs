//! What the server generates with: the [`Engine`] seam. Two engines: the builtin byte-level model
//! ([`Builtin`]) and a Hugging Face folder of the Llama family with an optional PEFT adapter
//! ([`HfModel`]: the `lora` trainer's models, with their tokenizer and chat template).

use std::path::Path;

use crate::error::Result;
use crate::trainer::checkpoint::Checkpoint;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::decode::{Batcher, Decoder, Job};

/// One chat message, as the server checked it: its role one of system, user, assistant, tool (a
/// `developer` message arrives as system), its content text.
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
pub struct ChatMessage {
    pub role: String,
    #[serde(default)]
    pub content: String,
}

/// What to generate.
#[derive(Debug, Clone)]
pub struct GenRequest {
    /// The prompt, as tokens of this engine.
    pub prompt: Vec<u32>,
    pub max_tokens: usize,
    /// No end of sequence before this many new tokens (vLLM's `min_tokens`; the builtin
    /// byte-level model has none, so it always writes `max_tokens`).
    pub min_tokens: usize,
    /// 0: greedy.
    pub temperature: f64,
    /// Nucleus sampling: keep the smallest set of tokens whose probability reaches `top_p`.
    pub top_p: f64,
    pub seed: u64,
}

/// A model that generates text token by token.
pub trait Engine: Send + Sync + 'static {
    /// The model's context length in tokens.
    fn context(&self) -> usize;
    /// Whether a prompt longer than the context slides over it, and an empty prompt is taken (the
    /// builtin model: it reads the last three quarters of its context, [`Engine::prompt_read`],
    /// and starts an empty prompt from a newline). Otherwise the server refuses such prompts
    /// before generating.
    fn slides(&self) -> bool {
        false
    }
    /// How many of a prompt's last tokens the model reads, of `len` sent: all of them unless the
    /// engine slides over a prompt longer than its context. The server cuts the prompt to these
    /// and charges only them.
    fn prompt_read(&self, len: usize) -> usize {
        len
    }
    /// How many token ids the model knows (a prompt sent as token ids holds ids below this).
    fn vocab(&self) -> usize;
    /// What kind of model it is ("builtin", …), for /v1/models.
    fn kind(&self) -> &'static str;
    /// Text to tokens.
    fn encode(&self, text: &str) -> Vec<u32>;
    /// The text of `tokens` decoded together, as bytes (the server decodes everything generated
    /// so far after each token and sends what is new and complete).
    fn decode(&self, tokens: &[u32]) -> Vec<u8>;
    /// The tokens a chat becomes through the engine's chat template (with the assistant's turn
    /// opened), or why it cannot be rendered.
    fn chat_tokens(&self, messages: &[ChatMessage]) -> std::result::Result<Vec<u32>, String>;
    /// Generates up to `req.max_tokens` tokens, calling `on_token` after each; generation stops
    /// when it returns false. Returns how many tokens were generated.
    fn generate(&self, req: &GenRequest, on_token: &mut dyn FnMut(u32) -> bool) -> Result<usize>;
}

/// The builtin byte-level model: tokens are bytes, decoded with a key/value cache on the host,
/// concurrent generations batched together (see [`super::decode`]).
pub struct Builtin {
    context: usize,
    batcher: Batcher,
}

impl Builtin {
    /// Loads a checkpoint (safetensors) and starts its decode thread.
    pub fn load(path: &Path) -> Result<Builtin> {
        let ck = Checkpoint::load(path)?;
        let decoder = Decoder::new(&ck.config, &ck.weights)?;
        Ok(Builtin {
            context: decoder.context(),
            batcher: Batcher::start(Arc::new(decoder)),
        })
    }
}

impl Engine for Builtin {
    fn context(&self) -> usize {
        self.context
    }

    fn kind(&self) -> &'static str {
        "builtin"
    }

    fn slides(&self) -> bool {
        true
    }

    fn prompt_read(&self, len: usize) -> usize {
        if len > self.context {
            super::decode::window_len(self.context)
        } else {
            len
        }
    }

    fn vocab(&self) -> usize {
        crate::trainer::config::VOCAB
    }

    fn encode(&self, text: &str) -> Vec<u32> {
        text.bytes().map(u32::from).collect()
    }

    fn decode(&self, tokens: &[u32]) -> Vec<u8> {
        tokens.iter().map(|&t| t as u8).collect()
    }

    fn chat_tokens(&self, messages: &[ChatMessage]) -> std::result::Result<Vec<u32>, String> {
        let mut s = String::new();
        for m in messages {
            s.push_str(&m.role);
            s.push_str(": ");
            s.push_str(&m.content);
            s.push('\n');
        }
        s.push_str("assistant: ");
        Ok(self.encode(&s))
    }

    fn generate(&self, req: &GenRequest, on_token: &mut dyn FnMut(u32) -> bool) -> Result<usize> {
        let (tx, rx) = std::sync::mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let job = Job {
            prompt: req.prompt.clone(),
            max_tokens: req.max_tokens,
            temperature: req.temperature,
            top_p: req.top_p,
            seed: req.seed,
            out: tx,
            cancel: cancel.clone(),
        };
        if !self.batcher.submit(job) {
            return Err(crate::error::Error::failed(
                "serve.decoder_gone",
                "the model's decode thread has stopped",
            ));
        }
        let mut n = 0;
        for tok in rx {
            n += 1;
            if !on_token(tok) {
                cancel.store(true, Ordering::Relaxed);
                break;
            }
        }
        Ok(n)
    }
}

/// A Hugging Face folder (Llama, Qwen2, Mistral, SmolLM…) with an optional PEFT adapter, as
/// `cohort model generate` runs it: its tokenizer, chat template and end-of-sequence tokens, a
/// key/value cache per request. Requests run side by side, each on its own thread.
pub struct HfModel {
    generator: crate::lora::Generator,
}

impl HfModel {
    /// Loads the folder (memory-mapped weights) and the adapter, on the best device.
    pub fn load(dir: &Path, adapter: Option<&Path>) -> Result<HfModel> {
        Ok(HfModel {
            generator: crate::lora::Generator::load(
                dir,
                adapter,
                crate::trainer::DeviceChoice::Auto,
            )?,
        })
    }
}

impl Engine for HfModel {
    fn context(&self) -> usize {
        self.generator.model.config.max_position_embeddings
    }

    fn kind(&self) -> &'static str {
        if self.generator.adapter.is_some() {
            "lora"
        } else {
            "hf"
        }
    }

    fn vocab(&self) -> usize {
        self.generator.model.config.vocab_size
    }

    fn encode(&self, text: &str) -> Vec<u32> {
        self.generator.codec.encode(text, true).unwrap_or_default()
    }

    fn decode(&self, tokens: &[u32]) -> Vec<u8> {
        self.generator
            .codec
            .decode(tokens)
            .unwrap_or_default()
            .into_bytes()
    }

    fn chat_tokens(&self, messages: &[ChatMessage]) -> std::result::Result<Vec<u32>, String> {
        let msgs: Vec<crate::lora::data::Message> = messages
            .iter()
            .map(|m| crate::lora::data::Message {
                role: m.role.clone(),
                content: m.content.clone(),
            })
            .collect();
        self.generator.chat_ids(&msgs).map_err(|e| e.message)
    }

    fn generate(&self, req: &GenRequest, on_token: &mut dyn FnMut(u32) -> bool) -> Result<usize> {
        let opts = crate::lora::SampleOptions {
            max_tokens: req.max_tokens,
            min_tokens: req.min_tokens,
            temperature: req.temperature,
            top_p: req.top_p,
            seed: req.seed,
        };
        let (out, _) = self.generator.generate(&req.prompt, opts, on_token)?;
        Ok(out.len())
    }
}
