//! The Llama family as Hugging Face stores it (Llama 2/3, SmolLM2, Mistral, Qwen2/2.5): RMSNorm,
//! RoPE (the config's theta; `linear` and `llama3` scaling), grouped-query attention, SwiGLU,
//! optional q/k/v biases, tied or untied embeddings. Loaded from a local folder's
//! `config.json` and `model.safetensors` (or shards listed in `model.safetensors.index.json`).
//!
//! Every op on the gradient's path has a backward pass: candle's fused `rms_norm` and
//! `softmax_last_dim` pass no gradient, so both are written out here from primitives (the GPU
//! and bf16 path), and on the CPU in f32 the hot ops run as this module's fused kernels with
//! their own backward ([`super::ops`]).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use candle_core::{D, DType, Device, Tensor};
use serde::Deserialize;

use super::lora::Adapter;
use super::ops;
use crate::error::{Error, Result};
use crate::trainer::model::apply_dropout;
use crate::trainer::rng::Stream;

/// Whether every value of `t` is finite (a tensor that cannot be read counts as not).
pub(crate) fn all_finite(t: &Tensor) -> bool {
    t.flatten_all()
        .and_then(|t| t.to_dtype(DType::F32))
        .and_then(|t| t.to_vec1::<f32>())
        .is_ok_and(|v| v.iter().all(|x| x.is_finite()))
}

/// Maps a candle error into the core error type.
pub(crate) fn ce(e: candle_core::Error) -> Error {
    Error::failed("lora.compute", format!("tensor computation failed: {e}"))
}

/// The `model_type`s this module runs.
pub const SUPPORTED: &[&str] = &["llama", "mistral", "qwen2"];

/// The linear layers of every block, in PEFT's names.
pub const LINEARS: &[&str] = &[
    "q_proj",
    "k_proj",
    "v_proj",
    "o_proj",
    "gate_proj",
    "up_proj",
    "down_proj",
];

/// `rope_scaling` in config.json.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct RopeScaling {
    #[serde(default, alias = "type")]
    pub rope_type: Option<String>,
    #[serde(default)]
    pub factor: Option<f64>,
    #[serde(default)]
    pub low_freq_factor: Option<f64>,
    #[serde(default)]
    pub high_freq_factor: Option<f64>,
    #[serde(default)]
    pub original_max_position_embeddings: Option<usize>,
    /// transformers ≥ 5 keeps the theta here (`rope_parameters`).
    #[serde(default)]
    pub rope_theta: Option<f64>,
}

/// The fields of config.json this module reads.
#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    #[serde(default)]
    pub architectures: Vec<String>,
    #[serde(default)]
    pub model_type: String,
    pub vocab_size: usize,
    pub hidden_size: usize,
    pub intermediate_size: usize,
    pub num_hidden_layers: usize,
    pub num_attention_heads: usize,
    #[serde(default)]
    pub num_key_value_heads: Option<usize>,
    #[serde(default)]
    pub head_dim: Option<usize>,
    #[serde(default = "d_eps")]
    pub rms_norm_eps: f64,
    /// transformers 4's `rope_theta` and `rope_scaling`; transformers 5 writes both into
    /// `rope_parameters`.
    #[serde(default)]
    pub rope_theta: Option<f64>,
    #[serde(default)]
    pub rope_scaling: Option<RopeScaling>,
    #[serde(default)]
    pub rope_parameters: Option<RopeScaling>,
    #[serde(default = "d_max_pos")]
    pub max_position_embeddings: usize,
    #[serde(default)]
    pub tie_word_embeddings: bool,
    /// Llama's `attention_bias` (Qwen2 always has q/k/v biases).
    #[serde(default)]
    pub attention_bias: bool,
    #[serde(default)]
    pub mlp_bias: bool,
    #[serde(default)]
    pub hidden_act: Option<String>,
    #[serde(default)]
    pub bos_token_id: Option<serde_json::Value>,
    #[serde(default)]
    pub eos_token_id: Option<serde_json::Value>,
}

fn d_eps() -> f64 {
    1e-6
}
fn d_max_pos() -> usize {
    2048
}

fn ids_of(v: &Option<serde_json::Value>) -> Vec<u32> {
    match v {
        Some(serde_json::Value::Number(n)) => {
            n.as_u64().map(|n| vec![n as u32]).unwrap_or_default()
        }
        Some(serde_json::Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_u64().map(|n| n as u32))
            .collect(),
        _ => Vec::new(),
    }
}

impl Config {
    /// Reads and checks `dir/config.json`: a supported architecture, consistent shapes.
    pub fn load(dir: &Path) -> Result<Config> {
        let path = dir.join("config.json");
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Error::usage(
                "lora.no_config",
                format!("could not read {}: {e}", path.display()),
            )
            .hint(
                "pass a Hugging Face model folder (config.json, model.safetensors, tokenizer.json)",
            )
        })?;
        let c: Config = serde_json::from_str(&text).map_err(|e| {
            Error::usage(
                "lora.bad_config",
                format!(
                    "{} is not a model config cohort can read: {e}",
                    path.display()
                ),
            )
        })?;
        // A classification or other head on the same blocks is no causal LM: its lm_head is
        // missing or another shape, and generating from it is meaningless.
        if !SUPPORTED.contains(&c.model_type.as_str())
            || c.architectures.iter().any(|a| !a.ends_with("ForCausalLM"))
        {
            return Err(Error::usage(
                "lora.unsupported_architecture",
                format!(
                    "{}: architectures {:?}, model_type {:?} is not supported",
                    path.display(),
                    c.architectures,
                    c.model_type
                ),
            )
            .hint(format!(
                "supported: model_type {} (LlamaForCausalLM, MistralForCausalLM, Qwen2ForCausalLM)",
                SUPPORTED.join(", ")
            )));
        }
        if let Some(act) = &c.hidden_act
            && act != "silu"
        {
            return Err(Error::usage(
                "lora.unsupported_architecture",
                format!(
                    "{}: hidden_act {act:?} is not supported (only silu)",
                    path.display()
                ),
            ));
        }
        let heads = c.num_attention_heads;
        let kv = c.kv_heads();
        if heads == 0 || kv == 0 || !heads.is_multiple_of(kv) || !c.head_dim().is_multiple_of(2) {
            return Err(Error::usage(
                "lora.bad_config",
                format!(
                    "{}: {heads} attention heads, {kv} key/value heads, head_dim {} are inconsistent",
                    path.display(),
                    c.head_dim()
                ),
            ));
        }
        if let Some(s) = c.scaling() {
            match s.rope_type.as_deref() {
                None | Some("default") | Some("linear") | Some("llama3") => {}
                Some(other) => {
                    return Err(Error::usage(
                        "lora.unsupported_architecture",
                        format!(
                            "{}: rope_scaling type {other:?} is not supported",
                            path.display()
                        ),
                    )
                    .hint("supported: default, linear, llama3"));
                }
            }
        }
        Ok(c)
    }

    /// RoPE's base: `rope_parameters.rope_theta`, else `rope_theta`, else 10000.
    pub fn theta(&self) -> f64 {
        self.rope_parameters
            .as_ref()
            .and_then(|p| p.rope_theta)
            .or(self.rope_theta)
            .unwrap_or(10000.0)
    }

    /// The RoPE scaling, from `rope_parameters` or `rope_scaling`.
    pub fn scaling(&self) -> Option<&RopeScaling> {
        self.rope_parameters.as_ref().or(self.rope_scaling.as_ref())
    }

    pub fn kv_heads(&self) -> usize {
        self.num_key_value_heads.unwrap_or(self.num_attention_heads)
    }

    pub fn head_dim(&self) -> usize {
        self.head_dim
            .unwrap_or(self.hidden_size / self.num_attention_heads.max(1))
    }

    /// Whether q/k/v projections carry biases.
    pub fn qkv_bias(&self) -> bool {
        self.model_type == "qwen2" || self.attention_bias
    }

    pub fn eos_ids(&self) -> Vec<u32> {
        ids_of(&self.eos_token_id)
    }

    pub fn bos_id(&self) -> Option<u32> {
        ids_of(&self.bos_token_id).first().copied()
    }

    /// (out, in) of a block's linear layer.
    pub fn linear_shape(&self, module: &str) -> Option<(usize, usize)> {
        let (h, d, f) = (self.hidden_size, self.head_dim(), self.intermediate_size);
        Some(match module {
            "q_proj" => (self.num_attention_heads * d, h),
            "k_proj" | "v_proj" => (self.kv_heads() * d, h),
            "o_proj" => (h, self.num_attention_heads * d),
            "gate_proj" | "up_proj" => (f, h),
            "down_proj" => (h, f),
            _ => return None,
        })
    }

    /// The inverse frequencies of RoPE, as transformers computes them (with scaling).
    pub fn inv_freq(&self) -> Vec<f32> {
        let d = self.head_dim();
        let base: Vec<f32> = (0..d / 2)
            .map(|i| 1.0 / (self.theta() as f32).powf((2 * i) as f32 / d as f32))
            .collect();
        let Some(s) = self.scaling() else {
            return base;
        };
        match s.rope_type.as_deref() {
            Some("linear") => {
                let f = s.factor.unwrap_or(1.0) as f32;
                base.iter().map(|x| x / f).collect()
            }
            Some("llama3") => {
                let factor = s.factor.unwrap_or(8.0) as f32;
                let low = s.low_freq_factor.unwrap_or(1.0) as f32;
                let high = s.high_freq_factor.unwrap_or(4.0) as f32;
                let old = s.original_max_position_embeddings.unwrap_or(8192) as f32;
                let low_wl = old / low;
                let high_wl = old / high;
                base.iter()
                    .map(|&f| {
                        let wl = 2.0 * std::f32::consts::PI / f;
                        let scaled = if wl > low_wl { f / factor } else { f };
                        let smooth = (old / wl - low) / (high - low);
                        let medium = wl >= high_wl && wl <= low_wl;
                        if medium {
                            (1.0 - smooth) * scaled / factor + smooth * scaled
                        } else {
                            scaled
                        }
                    })
                    .collect()
            }
            _ => base,
        }
    }

    /// Parameters of the base model.
    pub fn parameters(&self) -> u64 {
        let (h, v) = (self.hidden_size as u64, self.vocab_size as u64);
        let per_layer: u64 = LINEARS
            .iter()
            .map(|m| {
                let (o, i) = self.linear_shape(m).expect("known module");
                (o * i) as u64
            })
            .sum::<u64>()
            + 2 * h;
        let emb = if self.tie_word_embeddings {
            v * h
        } else {
            2 * v * h
        };
        emb + self.num_hidden_layers as u64 * per_layer + h
    }
}

/// The weight files of a folder: `model.safetensors`, or the shards its index lists.
pub fn weight_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let single = dir.join("model.safetensors");
    if single.is_file() {
        return Ok(vec![single]);
    }
    let index = dir.join("model.safetensors.index.json");
    if index.is_file() {
        let text = std::fs::read_to_string(&index).map_err(|e| {
            Error::usage(
                "lora.bad_index",
                format!("could not read {}: {e}", index.display()),
            )
        })?;
        let v: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
            Error::usage(
                "lora.bad_index",
                format!("{} is not JSON: {e}", index.display()),
            )
        })?;
        let map = v
            .get("weight_map")
            .and_then(|m| m.as_object())
            .ok_or_else(|| {
                Error::usage(
                    "lora.bad_index",
                    format!("{} has no weight_map", index.display()),
                )
            })?;
        let mut files: Vec<String> = map
            .values()
            .filter_map(|f| f.as_str().map(String::from))
            .collect();
        files.sort();
        files.dedup();
        let mut out = Vec::new();
        for f in files {
            if f.contains('/') || f.contains("..") {
                return Err(Error::usage(
                    "lora.bad_index",
                    format!("{} names a file outside the folder: {f}", index.display()),
                ));
            }
            let p = dir.join(&f);
            if !p.is_file() {
                return Err(Error::usage(
                    "lora.missing_weights",
                    format!("{} lists {f}, which is missing", index.display()),
                ));
            }
            out.push(p);
        }
        return Ok(out);
    }
    Err(Error::usage(
        "lora.missing_weights",
        format!(
            "{} has neither model.safetensors nor model.safetensors.index.json",
            dir.display()
        ),
    )
    .hint("cohort reads safetensors weights; convert pytorch_model.bin with transformers' save_pretrained(safe_serialization=True)"))
}

/// `x Wᵀ` for a frozen weight `W` [out, in]. candle's matmul backward also computes the
/// gradient of its right-hand side, whether it is trained or not: for a frozen weight that is a
/// product as large as the forward one, thrown away (on Qwen2.5-0.5B's tied output head alone,
/// a trillion operations per 4,096 tokens). While `x` carries a gradient, the product runs as a
/// custom op whose backward gives `x` alone its gradient (`g W`): on the CPU in f32 with this
/// module's kernel, on a GPU as candle's own matrix product (cuBLAS) on the tensors' memory.
fn frozen_matmul(x: &Tensor, w: &Tensor) -> candle_core::Result<Tensor> {
    let custom = (x.device().is_cpu() && x.dtype() == DType::F32) || x.device().is_cuda();
    if custom && x.track_op() && x.dtype() == w.dtype() {
        x.contiguous()?.apply_op1(FrozenMatmul { w: w.clone() })
    } else {
        x.broadcast_matmul(&w.t()?)
    }
}

struct FrozenMatmul {
    w: Tensor,
}

impl candle_core::CustomOp1 for FrozenMatmul {
    fn name(&self) -> &'static str {
        "frozen-matmul"
    }

    fn cpu_fwd(
        &self,
        s: &candle_core::CpuStorage,
        l: &candle_core::Layout,
    ) -> candle_core::Result<(candle_core::CpuStorage, candle_core::Shape)> {
        super::ops::frozen_product(s, l, &self.w)
    }

    #[cfg(feature = "cuda")]
    fn cuda_fwd(
        &self,
        s: &candle_core::CudaStorage,
        l: &candle_core::Layout,
    ) -> candle_core::Result<(candle_core::CudaStorage, candle_core::Shape)> {
        use candle_core::backend::BackendStorage;
        use candle_core::{Layout, Shape};
        let (n, k) = self.w.dims2()?;
        let (ws, wl) = self.w.storage_and_layout();
        let candle_core::Storage::Cuda(ws) = &*ws else {
            candle_core::bail!("frozen-matmul: the weight is not on the GPU")
        };
        let (Some((w_at, _)), Some((x_at, _))) = (wl.contiguous_offsets(), l.contiguous_offsets())
        else {
            candle_core::bail!("frozen-matmul: the weight and the input must be contiguous")
        };
        let m = l.shape().elem_count() / k;
        // x as [1, m, k] times Wᵀ as [1, k, n] (W's memory, transposed by its strides).
        let lhs = Layout::contiguous_with_offset((1, m, k), x_at);
        let rhs = Layout::new(Shape::from((1, k, n)), vec![n * k, 1, k], w_at);
        let out = s.matmul(ws, (1, m, n, k), &lhs, &rhs)?;
        let mut dims = l.dims().to_vec();
        *dims.last_mut().expect("x has dimensions") = n;
        Ok((out, Shape::from(dims)))
    }

    fn bwd(&self, _x: &Tensor, _y: &Tensor, g: &Tensor) -> candle_core::Result<Option<Tensor>> {
        Ok(Some(g.broadcast_matmul(&self.w)?))
    }
}

/// Where each tensor of a folder's safetensors files lies: (file, dtype, shape, byte range).
struct WeightReader {
    files: Vec<(PathBuf, std::fs::File)>,
    tensors: HashMap<String, (usize, String, Vec<usize>, u64, u64)>,
}

impl WeightReader {
    fn open(paths: &[PathBuf]) -> Result<WeightReader> {
        use std::os::unix::fs::FileExt;
        let bad = |p: &Path, why: String| {
            Error::usage(
                "lora.bad_weights",
                format!("could not read the weights in {}: {why}", p.display()),
            )
        };
        let mut files = Vec::new();
        let mut tensors = HashMap::new();
        for (i, p) in paths.iter().enumerate() {
            let f = std::fs::File::open(p).map_err(|e| bad(p, e.to_string()))?;
            let mut len = [0u8; 8];
            f.read_exact_at(&mut len, 0)
                .map_err(|e| bad(p, e.to_string()))?;
            let n = u64::from_le_bytes(len);
            if n > 100 << 20 {
                return Err(bad(p, format!("a header of {n} bytes")));
            }
            let mut header = vec![0u8; n as usize];
            f.read_exact_at(&mut header, 8)
                .map_err(|e| bad(p, e.to_string()))?;
            let v: serde_json::Map<String, serde_json::Value> =
                serde_json::from_slice(&header).map_err(|e| bad(p, e.to_string()))?;
            for (name, t) in v {
                if name == "__metadata__" {
                    continue;
                }
                let dtype = t["dtype"].as_str().unwrap_or_default().to_string();
                let shape: Vec<usize> = t["shape"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|x| x.as_u64())
                            .map(|x| x as usize)
                            .collect()
                    })
                    .unwrap_or_default();
                let off = t["data_offsets"].as_array().cloned().unwrap_or_default();
                let (Some(a), Some(b)) = (
                    off.first().and_then(|x| x.as_u64()),
                    off.get(1).and_then(|x| x.as_u64()),
                ) else {
                    return Err(bad(p, format!("tensor {name} has no data_offsets")));
                };
                tensors.insert(name, (i, dtype, shape, 8 + n + a, 8 + n + b));
            }
            files.push((p.clone(), f));
        }
        Ok(WeightReader { files, tensors })
    }

    fn has(&self, name: &str) -> bool {
        self.tensors.contains_key(name)
    }

    /// One tensor, converted to `dtype` on `device`.
    fn load(&self, name: &str, device: &Device, dtype: DType) -> Result<Tensor> {
        use std::os::unix::fs::FileExt;
        let (i, st_dtype, shape, a, b) = self
            .tensors
            .get(name)
            .ok_or_else(|| Error::usage("lora.missing_weights", format!("no tensor {name}")))?;
        let (path, f) = &self.files[*i];
        let from = match st_dtype.as_str() {
            "F32" => DType::F32,
            "BF16" => DType::BF16,
            "F16" => DType::F16,
            "F64" => DType::F64,
            other => {
                return Err(Error::usage(
                    "lora.bad_weights",
                    format!("{}: tensor {name} has dtype {other}", path.display()),
                ));
            }
        };
        let count: usize = shape.iter().product();
        if (b - a) as usize != count * from.size_in_bytes() {
            return Err(Error::usage(
                "lora.bad_weights",
                format!(
                    "{}: tensor {name} has the wrong byte length",
                    path.display()
                ),
            ));
        }
        let t = if from == DType::F32 && dtype == DType::F32 && cfg!(target_endian = "little") {
            // Straight into the tensor's memory: no second buffer, no hole left in the heap.
            let mut v = vec![0f32; count];
            f.read_exact_at(bytemuck::cast_slice_mut(&mut v), *a)
                .map_err(|e| Error::io("read", path, e))?;
            Tensor::from_vec(v, shape.as_slice(), device).map_err(ce)?
        } else {
            let mut bytes = vec![0u8; (b - a) as usize];
            f.read_exact_at(&mut bytes, *a)
                .map_err(|e| Error::io("read", path, e))?;
            Tensor::from_raw_buffer(&bytes, from, shape, &Device::Cpu)
                .and_then(|t| t.to_dtype(dtype))
                .and_then(|t| t.to_device(device))
                .map_err(ce)?
        };
        Ok(t)
    }
}

/// The frozen base model: its config and weights (by Hugging Face name) on one device.
pub struct Model {
    pub config: Config,
    pub dir: PathBuf,
    pub device: Device,
    /// The dtype of the frozen weights and the activations (f32 on CPU, bf16 on a GPU).
    pub dtype: DType,
    pub weights: HashMap<String, Tensor>,
    cos: Tensor,
    sin: Tensor,
}

/// A per-layer key/value cache for generation.
#[derive(Default)]
pub struct KvCache {
    layers: Vec<Option<(Tensor, Tensor)>>,
}

impl KvCache {
    /// Tokens already in the cache.
    pub fn len(&self) -> usize {
        self.layers
            .first()
            .and_then(|l| l.as_ref())
            .map_or(0, |(k, _)| k.dims()[2])
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Model {
    /// Loads a Hugging Face folder. Weights are read tensor by tensor and converted to `dtype`.
    pub fn load(dir: &Path, device: &Device, dtype: DType) -> Result<Model> {
        let config = Config::load(dir)?;
        let files = weight_files(dir)?;
        // Tensor by tensor with positioned reads, not a memory map: the process never holds a
        // tensor twice (mapped pages would count in its resident memory until unmapped), so
        // peak memory stays the weights in `dtype` plus one tensor.
        let st = WeightReader::open(&files)?;
        let mut weights = HashMap::new();
        let want = Model::weight_names(&config);
        for (name, shape) in &want {
            let t = st.load(name, device, dtype).map_err(|e| {
                Error::usage(
                    "lora.missing_weights",
                    format!(
                        "{}: tensor {name} is missing or unreadable: {}",
                        dir.display(),
                        e.message
                    ),
                )
            })?;
            if t.dims() != shape.as_slice() {
                return Err(Error::usage(
                    "lora.bad_weights",
                    format!(
                        "{}: tensor {name} has shape {:?}, config.json implies {:?}",
                        dir.display(),
                        t.dims(),
                        shape
                    ),
                ));
            }
            weights.insert(name.clone(), t);
        }
        // Tied embeddings: some checkpoints still store lm_head.weight; use it when present.
        if config.tie_word_embeddings && st.has("lm_head.weight") {
            weights.insert(
                "lm_head.weight".into(),
                st.load("lm_head.weight", device, dtype)?,
            );
        }
        let (cos, sin) = rope_tables(&config, device, dtype)?;
        Ok(Model {
            config,
            dir: dir.to_path_buf(),
            device: device.clone(),
            dtype,
            weights,
            cos,
            sin,
        })
    }

    /// The first weight (in name order) holding a NaN or an infinity, if any: what makes every
    /// loss non-finite before any update. Reads each tensor back once (for the error path).
    pub fn non_finite_weight(&self) -> Option<String> {
        let mut names: Vec<&String> = self.weights.keys().collect();
        names.sort();
        names
            .into_iter()
            .find(|n| !all_finite(&self.weights[*n]))
            .cloned()
    }

    /// Every tensor the model needs, with its shape.
    pub fn weight_names(c: &Config) -> BTreeMap<String, Vec<usize>> {
        let mut m = BTreeMap::new();
        let h = c.hidden_size;
        m.insert("model.embed_tokens.weight".into(), vec![c.vocab_size, h]);
        m.insert("model.norm.weight".into(), vec![h]);
        if !c.tie_word_embeddings {
            m.insert("lm_head.weight".into(), vec![c.vocab_size, h]);
        }
        for i in 0..c.num_hidden_layers {
            let p = |s: &str| format!("model.layers.{i}.{s}");
            m.insert(p("input_layernorm.weight"), vec![h]);
            m.insert(p("post_attention_layernorm.weight"), vec![h]);
            for module in LINEARS {
                let (o, inp) = c.linear_shape(module).expect("known");
                m.insert(format!("{}.weight", module_path(i, module)), vec![o, inp]);
                let bias = match *module {
                    "q_proj" | "k_proj" | "v_proj" => c.qkv_bias(),
                    "gate_proj" | "up_proj" | "down_proj" => c.mlp_bias,
                    _ => false,
                };
                if bias {
                    m.insert(format!("{}.bias", module_path(i, module)), vec![o]);
                }
            }
        }
        m
    }

    fn w(&self, name: &str) -> candle_core::Result<&Tensor> {
        self.weights
            .get(name)
            .ok_or_else(|| candle_core::Error::Msg(format!("missing weight {name}")))
    }

    fn lm_head(&self) -> candle_core::Result<&Tensor> {
        match self.weights.get("lm_head.weight") {
            Some(t) => Ok(t),
            None => self.w("model.embed_tokens.weight"),
        }
    }

    /// A block's linear layer with its adapter (when it has one): `x Wᵀ + b + s·(drop(x) Aᵀ Bᵀ)`.
    /// Without `track`, the adapter enters detached: nothing takes a gradient and no graph is kept.
    fn linear(
        &self,
        x: &Tensor,
        layer: usize,
        module: &str,
        adapter: Option<&Adapter>,
        dropout: &mut Option<&mut Stream>,
        p: &Pass,
    ) -> candle_core::Result<Tensor> {
        let track = p.track;
        let path = module_path(layer, module);
        let w = self.w(&format!("{path}.weight"))?;
        let pair = adapter.and_then(|ad| ad.pair(&path)).map(|(a, b)| {
            if track {
                (a.clone(), b.clone())
            } else {
                (a.detach(), b.detach())
            }
        });
        if ops::enabled(x)
            && let Some(ad) = adapter
            && let Some((a, b)) = &pair
        {
            let mask = match dropout.as_deref_mut() {
                Some(rng) if ad.spec.dropout > 0.0 => {
                    Some(dropout_bytes(x.elem_count(), ad.spec.dropout, rng))
                }
                // Drawn beforehand from the whole batch's draws ([`Draws::sequence`]).
                None if ad.spec.dropout > 0.0 => {
                    p.masks.as_ref().and_then(|m| m.lock().ok()?.pop_front())
                }
                _ => None,
            };
            let bias = self.weights.get(&format!("{path}.bias"));
            return ops::lora_linear(x, w, bias, a, b, ad.scale(), mask);
        }
        let mut y = frozen_matmul(x, w)?;
        if let Some(b) = self.weights.get(&format!("{path}.bias")) {
            y = y.broadcast_add(b)?;
        }
        if let Some(ad) = adapter
            && let Some((a, b)) = &pair
        {
            let xin = match dropout.as_deref_mut() {
                // The GPU path: the mask drawn and applied on the device (`apply_dropout`).
                Some(rng) if ad.spec.dropout > 0.0 => apply_dropout(x, ad.spec.dropout, rng)?,
                _ => x.clone(),
            };
            let a = a.to_dtype(self.dtype)?;
            // The scale goes on B (rank × out), not on the product (tokens × out): one tensor
            // of the product's size fewer for the graph to keep.
            let b = (b.to_dtype(self.dtype)? * ad.scale())?;
            let delta = xin.broadcast_matmul(&a.t()?)?.broadcast_matmul(&b.t()?)?;
            y = (y + delta)?;
        }
        Ok(y)
    }

    /// The token embeddings [batch, seq, hidden] of ids [batch, seq], and what every block of
    /// the pass shares. Positions start at `offset`.
    fn embed(
        &self,
        ids: &Tensor,
        offset: usize,
        track: bool,
    ) -> candle_core::Result<(Tensor, Pass)> {
        let c = &self.config;
        let (b, t) = ids.dims2()?;
        if offset + t > c.max_position_embeddings {
            candle_core::bail!(
                "sequence of {} tokens is longer than max_position_embeddings {}",
                offset + t,
                c.max_position_embeddings
            );
        }
        let emb = self.w("model.embed_tokens.weight")?;
        let x = emb
            .embedding(&ids.flatten_all()?)?
            .reshape((b, t, c.hidden_size))?;
        let pass = Pass {
            b,
            t,
            offset,
            cos: self.cos.narrow(0, offset, t)?,
            sin: self.sin.narrow(0, offset, t)?,
            mask: causal_mask(t, offset, &self.device, self.dtype)?,
            track,
            masks: None,
            split: true,
        };
        Ok((x, pass))
    }

    /// Decoder block `i` on the residual stream `x` [batch, seq, hidden].
    fn block(
        &self,
        i: usize,
        x: &Tensor,
        p: &Pass,
        adapter: Option<&Adapter>,
        cache: Option<&mut KvCache>,
        dropout: &mut Option<&mut Stream>,
    ) -> candle_core::Result<Tensor> {
        let c = &self.config;
        let (b, t) = (p.b, p.t);
        let (nh, nkv, hd) = (c.num_attention_heads, c.kv_heads(), c.head_dim());
        let eps = c.rms_norm_eps;
        let w = |s: &str| self.w(&format!("model.layers.{i}.{s}"));
        let h = norm(x, w("input_layernorm.weight")?, eps)?;
        let q = self.linear(&h, i, "q_proj", adapter, dropout, p)?;
        let k = self.linear(&h, i, "k_proj", adapter, dropout, p)?;
        let v = self.linear(&h, i, "v_proj", adapter, dropout, p)?;
        let (q, mut k) = if ops::enabled(&q) {
            (
                ops::rope_heads(&q.reshape((b, t, nh, hd))?, &p.cos, &p.sin)?,
                ops::rope_heads(&k.reshape((b, t, nkv, hd))?, &p.cos, &p.sin)?,
            )
        } else if q.device().is_cuda() {
            (
                ops::rope_heads_gpu(&q.reshape((b, t, nh, hd))?, &p.cos, &p.sin)?,
                ops::rope_heads_gpu(&k.reshape((b, t, nkv, hd))?, &p.cos, &p.sin)?,
            )
        } else {
            let q = q.reshape((b, t, nh, hd))?.transpose(1, 2)?.contiguous()?;
            let k = k.reshape((b, t, nkv, hd))?.transpose(1, 2)?.contiguous()?;
            (rope(&q, &p.cos, &p.sin)?, rope(&k, &p.cos, &p.sin)?)
        };
        let mut v = v.reshape((b, t, nkv, hd))?.transpose(1, 2)?.contiguous()?;
        if let Some(kc) = cache {
            if let Some((pk, pv)) = &kc.layers[i] {
                k = Tensor::cat(&[pk, &k], 2)?;
                v = Tensor::cat(&[pv, &v], 2)?;
            }
            kc.layers[i] = Some((k.clone(), v.clone()));
        }
        let k = repeat_kv(&k, nh / nkv)?;
        let v = repeat_kv(&v, nh / nkv)?;
        let scale = 1.0 / (hd as f64).sqrt();
        let probs = if ops::fused_norm_softmax(&q) {
            ops::causal_softmax(&q.matmul(&k.t()?)?, scale, p.offset)?
        } else {
            let scores = (q.matmul(&k.t()?)? * scale)?;
            softmax_last(&scores.broadcast_add(&p.mask)?)?
        };
        let a = probs
            .matmul(&v)?
            .transpose(1, 2)?
            .reshape((b, t, nh * hd))?;
        let a = self.linear(&a, i, "o_proj", adapter, dropout, p)?;
        let x = (x + a)?;
        let h = norm(&x, w("post_attention_layernorm.weight")?, eps)?;
        let g = self.linear(&h, i, "gate_proj", adapter, dropout, p)?;
        let u = self.linear(&h, i, "up_proj", adapter, dropout, p)?;
        let f = if ops::enabled(&g) || g.device().is_cuda() {
            ops::silu_mul(&g, &u)?
        } else {
            (g.silu()? * u)?
        };
        let f = self.linear(&f, i, "down_proj", adapter, dropout, p)?;
        x + f
    }

    /// The final norm and the output head: logits [batch, seq, vocab] in f32.
    fn head(&self, x: &Tensor) -> candle_core::Result<Tensor> {
        let x = norm(x, self.w("model.norm.weight")?, self.config.rms_norm_eps)?;
        frozen_matmul(&x, self.lm_head()?)?.to_dtype(DType::F32)
    }

    /// The mean cross-entropy from the residual stream after the last block: the final norm,
    /// then on the CPU in f32 the fused head and loss (logits in chunks, never whole), else the
    /// logits and [`masked_cross_entropy`].
    pub(crate) fn head_loss(
        &self,
        x: &Tensor,
        targets: &Tensor,
        weights: &Tensor,
    ) -> candle_core::Result<Tensor> {
        if ops::enabled(x) {
            let x = norm(x, self.w("model.norm.weight")?, self.config.rms_norm_eps)?;
            let h = x.dim(D::Minus1)?;
            let targets = targets.flatten_all()?.to_vec1::<u32>()?;
            let weights = weights
                .flatten_all()?
                .to_dtype(DType::F32)?
                .to_vec1::<f32>()?;
            return ops::head_cross_entropy(
                &x.reshape(((), h))?,
                self.lm_head()?,
                targets,
                weights,
            );
        }
        masked_cross_entropy(&self.head(x)?, targets, weights)
    }

    /// The loss and its gradient with respect to `top`, the last block's output (a leaf). On
    /// the CPU in f32 the fused head computes the logits in chunks itself; elsewhere (a GPU)
    /// the rows go through the head in chunks of about 256 MiB of f32 logits, each chunk's
    /// share of the loss (a sum over rows) and its gradient at once, so the whole logits
    /// (2.4 GiB in f32 for Qwen2.5's vocabulary at 4,096 tokens) and their graph never exist.
    fn head_grad(
        &self,
        top: &Tensor,
        targets: &Tensor,
        weights: &Tensor,
    ) -> candle_core::Result<(f32, Tensor)> {
        let rows = ((64usize << 20) / self.config.vocab_size.max(1)).max(64);
        self.head_grad_by(top, targets, weights, rows)
    }

    /// [`Self::head_grad`] with chunks of `rows` rows where the head is not fused.
    pub(crate) fn head_grad_by(
        &self,
        top: &Tensor,
        targets: &Tensor,
        weights: &Tensor,
        rows: usize,
    ) -> candle_core::Result<(f32, Tensor)> {
        let no_grad = || candle_core::Error::Msg("the head passed no gradient".into());
        if ops::enabled(top) {
            let loss = self.head_loss(top, targets, weights)?;
            let value = loss.to_scalar::<f32>()?;
            let g = loss.backward()?.remove(top).ok_or_else(no_grad)?;
            return Ok((value, g));
        }
        let (b, t, h) = top.dims3()?;
        let n = b * t;
        let x = top.reshape((n, h))?;
        let targets = targets.flatten_all()?;
        let weights = weights.flatten_all()?.to_dtype(DType::F32)?;
        let count = weights.sum_all()?.to_scalar::<f32>()?;
        if count == 0.0 {
            candle_core::bail!("no position is scored");
        }
        let rows = rows.max(1);
        // The chunks' losses are summed on the device, in the order the host summed them, and
        // read once: a read per chunk would wait for the GPU each time (and leave it idle while
        // the next chunk is queued).
        let (mut value, mut parts) = (None::<Tensor>, Vec::new());
        for start in (0..n).step_by(rows) {
            let len = rows.min(n - start);
            let xc = candle_core::Var::from_tensor(&x.narrow(0, start, len)?)?;
            let logits = self.head(xc.as_tensor())?;
            let (tc, wc) = (
                targets.narrow(0, start, len)?,
                weights.narrow(0, start, len)?,
            );
            let loss = (masked_nll_sum(&logits, &tc, &wc)? / count as f64)?;
            value = Some(match value {
                None => loss.detach(),
                Some(v) => (v + loss.detach())?,
            });
            parts.push(
                loss.backward()?
                    .remove(xc.as_tensor())
                    .ok_or_else(no_grad)?,
            );
        }
        let value = value.map_or(Ok(0.0), |v| v.to_scalar::<f32>())?;
        Ok((value, Tensor::cat(&parts, 0)?.reshape((b, t, h))?))
    }

    /// Logits [batch, seq, vocab] (f32) for token ids [batch, seq]. With a cache, the ids
    /// continue the cached sequence (positions start at the cache's length) and the cache grows.
    /// Inference: nothing takes a gradient.
    pub fn forward(
        &self,
        ids: &Tensor,
        adapter: Option<&Adapter>,
        cache: Option<&mut KvCache>,
        mut dropout: Option<&mut Stream>,
    ) -> candle_core::Result<Tensor> {
        let x = self.trunk(ids, false, adapter, cache, &mut dropout)?;
        self.head(&x)
    }

    /// The residual stream after the last block: the embeddings of `ids`, then every block.
    /// With a cache, positions start at its length and it grows.
    fn trunk(
        &self,
        ids: &Tensor,
        track: bool,
        adapter: Option<&Adapter>,
        mut cache: Option<&mut KvCache>,
        dropout: &mut Option<&mut Stream>,
    ) -> candle_core::Result<Tensor> {
        let n = self.config.num_hidden_layers;
        let offset = cache.as_ref().map_or(0, |k| k.len());
        let (mut x, p) = self.embed(ids, offset, track)?;
        if let Some(k) = cache.as_deref_mut()
            && k.layers.len() != n
        {
            k.layers = vec![None; n];
        }
        for i in 0..n {
            x = match (cache.as_deref_mut(), adapter) {
                (None, Some(ad)) if !track => self.block_quiet(i, &x, &p, ad, dropout)?,
                (cache, _) => self.block(i, &x, &p, adapter, cache, dropout)?,
            };
        }
        Ok(x)
    }

    /// Mean cross-entropy of predicting `targets` from `inputs` (both [batch, seq]), counting
    /// only positions whose `weights` is 1. Returns the loss tensor (scalar, f32) with the whole
    /// graph, so `backward` gives the adapter its gradients. [`Model::loss_and_grads`] does the
    /// same block by block in less memory.
    pub fn loss(
        &self,
        inputs: &Tensor,
        targets: &Tensor,
        weights: &Tensor,
        adapter: Option<&Adapter>,
        mut dropout: Option<&mut Stream>,
    ) -> candle_core::Result<Tensor> {
        let x = self.trunk(inputs, true, adapter, None, &mut dropout)?;
        self.head_loss(&x, targets, weights)
    }

    /// The loss of [`Model::loss`] as a number, with nothing kept for backward (evaluation).
    pub fn loss_value(
        &self,
        inputs: &Tensor,
        targets: &Tensor,
        weights: &Tensor,
        adapter: Option<&Adapter>,
    ) -> candle_core::Result<f32> {
        let x = self.trunk(inputs, false, adapter, None, &mut None)?;
        self.head_loss(&x, targets, weights)?.to_scalar::<f32>()
    }

    /// The loss of [`Model::loss`] and the adapter's gradients, computed block by block:
    /// backward runs through the head, then through each block from the last, seeded with the
    /// gradient of the block's output; a block's graph is dropped as soon as its backward is done.
    ///
    /// With `recompute` (activation checkpointing), the forward pass keeps only the inputs of
    /// every [`segment_len`]-th block (about √n of the n blocks). Backward takes the segments
    /// from the last: it runs the segment's blocks forward again from its first input, keeping
    /// each block's input, then runs each block again, with the same dropout draws, just before
    /// its backward. Memory for activations falls from every block's to one block's, and for
    /// block inputs from n to about 2√n, for about two more forward passes of time. Both ways
    /// run the same ops on the same values in the same order, so the loss and the gradients are
    /// the same bits with and without it.
    ///
    /// On the CPU, a block whose linear layers all have an adapter runs one sequence at a time
    /// in every pass, the sequences in parallel ([`Model::by_sequence`]): the same bits again.
    pub fn loss_and_grads(
        &self,
        inputs: &Tensor,
        targets: &Tensor,
        weights: &Tensor,
        adapter: &Adapter,
        dropout: Option<&mut Stream>,
        recompute: bool,
    ) -> candle_core::Result<(f32, candle_core::backprop::GradStore)> {
        let segment = recompute.then(|| segment_len(self.config.num_hidden_layers));
        self.loss_and_grads_in(inputs, targets, weights, adapter, dropout, segment, true)
    }

    /// [`Model::loss_and_grads`], keeping every block's graph (`segment` None) or recomputing
    /// in segments of `segment` blocks (1: every block's input kept, each block run again once);
    /// `split`: blocks may run one sequence at a time ([`Model::by_sequence`]; the same bits).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn loss_and_grads_in(
        &self,
        inputs: &Tensor,
        targets: &Tensor,
        weights: &Tensor,
        adapter: &Adapter,
        mut dropout: Option<&mut Stream>,
        segment: Option<usize>,
        split: bool,
    ) -> candle_core::Result<(f32, candle_core::backprop::GradStore)> {
        let n = self.config.num_hidden_layers;
        let (x0, mut p) = self.embed(inputs, 0, true)?;
        p.split = split;
        // Forward passes whose graphs nobody reads: the adapter enters detached.
        let quiet = Pass {
            track: false,
            ..p.clone()
        };
        // Where each block's dropout draws start, for running it again.
        let mut starts: Vec<Option<Stream>> = Vec::with_capacity(n);
        // What backward needs of each block ([`Kept`]); recomputing, only the inputs of the
        // segments' first blocks.
        let mut kept: Vec<Kept> = Vec::with_capacity(n);
        // Recomputing on the CPU, what a stretch of passes freed (a block's activations over the
        // whole batch) goes back to the system at the end of each segment: glibc would keep it
        // resident between the longer-lived tensors.
        let trim = segment.is_some() && ops::enabled(&x0);
        let mut x = x0;
        for i in 0..n {
            starts.push(dropout.as_deref().cloned());
            match segment {
                None if self.by_sequence(i, &x, &p, adapter) => {
                    // Keeping on the CPU, every layer with an adapter: the sequences run the
                    // block in parallel, each with its own graph (the same bits, as below).
                    let draws = self.block_draws(i, p.b * p.t, adapter, dropout.as_deref_mut());
                    let parts = p.by_sequences(draws.as_ref(), |j, one| {
                        let xj = x.narrow(0, j, 1)?;
                        let xj = if i == 0 { xj } else { leaf(&xj)? };
                        let out = self.block(i, &xj, &one, Some(adapter), None, &mut None)?;
                        Ok((xj, out))
                    })?;
                    let outs: Vec<Tensor> = parts.iter().map(|(_, o)| o.detach()).collect();
                    x = Tensor::cat(&outs, 0)?;
                    kept.push(Kept::Sequences(parts));
                }
                None => {
                    let xin = if i == 0 { x } else { leaf(&x)? };
                    let out = self.block(i, &xin, &p, Some(adapter), None, &mut dropout)?;
                    x = out.detach();
                    kept.push(Kept::Graph(xin, out));
                }
                Some(len) => {
                    let out = self.block_quiet(i, &x, &quiet, adapter, &mut dropout)?;
                    if i % len == 0 {
                        kept.push(Kept::Input(x));
                    }
                    x = out.detach();
                    if trim && (i + 1) % len == 0 {
                        crate::lora::release_free_memory();
                    }
                }
            }
        }
        if trim {
            crate::lora::release_free_memory();
        }
        let top = leaf(&x)?;
        drop(x);
        let (value, mut g) = self.head_grad(&top, targets, weights)?;
        drop(top);
        if trim {
            crate::lora::release_free_memory();
        }
        let mut grads = candle_core::backprop::GradStore::default();
        // What backward needs of each block, `ins[j]` for block `first + j`, refilled segment
        // by segment when recomputing.
        let (mut first, mut ins) = match segment {
            None => (0, std::mem::take(&mut kept)),
            Some(_) => (n, Vec::new()),
        };
        for i in (0..n).rev() {
            if i < first {
                // Recomputing: the segment that ends at block i, forward from its first input,
                // without graphs, keeping each block's input.
                let len = segment.expect("only recomputing runs out of inputs");
                first = i / len * len;
                let Some(Kept::Input(mut x)) = kept.pop() else {
                    candle_core::bail!("one input kept per segment");
                };
                ins.clear();
                for (j, start) in starts.iter().enumerate().take(i).skip(first) {
                    let mut s = start.clone();
                    let out = self.block_quiet(j, &x, &quiet, adapter, &mut s.as_mut())?;
                    ins.push(Kept::Input(x));
                    x = out;
                }
                ins.push(Kept::Input(x));
                if trim {
                    crate::lora::release_free_memory();
                }
            }
            let parts = match ins.pop().expect("one entry per block") {
                Kept::Graph(xin, out) => {
                    if let Some(gin) = block_backward(i, &out, &g, &xin, adapter, &mut grads)? {
                        g = gin;
                    }
                    continue;
                }
                Kept::Sequences(parts) => by_sequences_of(parts, |j, (xj, out)| {
                    let gj = g.narrow(0, j, 1)?;
                    let mut gs = candle_core::backprop::GradStore::default();
                    Ok((block_backward(i, &out, &gj, &xj, adapter, &mut gs)?, gs))
                })?,
                Kept::Input(x) if self.by_sequence(i, &x, &p, adapter) => {
                    // Recomputing on the CPU, every layer with an adapter: the block again and
                    // its backward one sequence at a time, so a block's graph is one sequence's
                    // (two at once on two threads).
                    let mut s = starts[i].clone();
                    let draws = self.block_draws(i, p.b * p.t, adapter, s.as_mut());
                    let parts = p.by_sequences(draws.as_ref(), |j, one| {
                        let xj = x.narrow(0, j, 1)?;
                        let xj = if i == 0 { xj } else { leaf(&xj)? };
                        let out = self.block(i, &xj, &one, Some(adapter), None, &mut None)?;
                        let gj = g.narrow(0, j, 1)?;
                        let mut gs = candle_core::backprop::GradStore::default();
                        Ok((block_backward(i, &out, &gj, &xj, adapter, &mut gs)?, gs))
                    })?;
                    // The block's freed sequence-sized pieces go back to the system (as above).
                    crate::lora::release_free_memory();
                    parts
                }
                Kept::Input(x) => {
                    let xin = if i == 0 { x } else { leaf(&x)? };
                    let mut s = starts[i].clone();
                    let out = self.block(i, &xin, &p, Some(adapter), None, &mut s.as_mut())?;
                    if let Some(gin) = block_backward(i, &out, &g, &xin, adapter, &mut grads)? {
                        g = gin;
                    }
                    continue;
                }
            };
            // One sequence at a time: the bits are the whole batch's. Every op works row by row
            // or within a sequence, the adapter's products run sequence by sequence
            // ([`ops::lora_linear`]), and its sums over rows add up sequence by sequence, in
            // this order.
            let mut gins = Vec::with_capacity(parts.len());
            for (j, (gin, mut gs)) in parts.into_iter().enumerate() {
                add_grads(adapter, &mut gs, &mut grads, j > 0)?;
                gins.extend(gin);
            }
            if i > 0 {
                g = Tensor::cat(&gins, 0)?;
            }
        }
        Ok((value, grads))
    }
}

/// What the forward pass keeps of a block for its backward.
enum Kept {
    /// The block's input (recomputing): the block runs again before its backward.
    Input(Tensor),
    /// The block's input (a leaf that takes a gradient, except block 0's) and its output with
    /// its graph.
    Graph(Tensor, Tensor),
    /// [`Kept::Graph`] for each sequence of the batch, in order.
    Sequences(Vec<(Tensor, Tensor)>),
}

/// The backward of block `i`'s output `out` seeded with `g`: its adapter tensors' gradients go
/// into `grads`, and, above block 0, the gradient of its input `xin` is returned.
fn block_backward(
    i: usize,
    out: &Tensor,
    g: &Tensor,
    xin: &Tensor,
    adapter: &Adapter,
    grads: &mut candle_core::backprop::GradStore,
) -> candle_core::Result<Option<Tensor>> {
    // Σ out ⊙ g: its gradient with respect to `out` is `g` exactly (1 · g).
    let mut gs = (out * g)?.sum_all()?.backward()?;
    add_grads(adapter, &mut gs, grads, false)?;
    if i == 0 {
        return Ok(None);
    }
    gs.remove(xin).map(Some).ok_or_else(|| {
        candle_core::Error::Msg(format!("block {i} passed no gradient to its input"))
    })
}

/// `f(j, item)` for each of `items` (one per sequence), in parallel: a thread spends a whole
/// block in one sequence instead of meeting the other threads at every op. The results come in
/// sequence order.
fn by_sequences_of<T: Send, R: Send>(
    items: Vec<T>,
    f: impl Fn(usize, T) -> candle_core::Result<R> + Sync,
) -> candle_core::Result<Vec<R>> {
    use rayon::prelude::*;
    items
        .into_par_iter()
        .enumerate()
        .with_max_len(1)
        .map(|(j, item)| f(j, item))
        .collect()
}

/// Moves the adapter tensors' gradients in `from` into `into`, added to what is there with `add`
/// (only one block's adapter tensors are in a block's graph).
fn add_grads(
    adapter: &Adapter,
    from: &mut candle_core::backprop::GradStore,
    into: &mut candle_core::backprop::GradStore,
    add: bool,
) -> candle_core::Result<()> {
    for v in adapter.pairs.values().flat_map(|(a, b)| [a, b]) {
        if let Some(d) = from.remove(v.as_tensor()) {
            let d = match into.remove(v.as_tensor()) {
                Some(sum) if add => (sum + d)?,
                _ => d,
            };
            into.insert(v.as_tensor(), d);
        }
    }
    Ok(())
}

impl Model {
    /// Block `i`'s dropout draws on the CPU for `rows` rows from `stream`: where they start,
    /// and the input width of each of its masks in the order its layers draw them
    /// ([`Model::block`]). `stream` moves past them, as a pass of the block over the whole
    /// batch would move it.
    fn block_draws(
        &self,
        i: usize,
        rows: usize,
        adapter: &Adapter,
        stream: Option<&mut Stream>,
    ) -> Option<Draws> {
        let s = stream?;
        if adapter.spec.dropout <= 0.0 {
            return None;
        }
        let widths: Vec<usize> = LINEARS
            .iter()
            .filter(|m| adapter.pair(&module_path(i, m)).is_some())
            .filter_map(|m| self.config.linear_shape(m))
            .map(|(_, k)| k)
            .collect();
        let start = s.clone();
        s.skip_u64(rows * widths.iter().sum::<usize>());
        Some(Draws {
            start,
            widths,
            p: adapter.spec.dropout,
        })
    }

    /// Whether block `i` of pass `p` over `x` may run one sequence at a time and give the whole
    /// batch's bits: on the CPU, with every linear layer of the block adapted (the adapter's
    /// op runs its products sequence by sequence; every other op works row by row or within a
    /// sequence).
    fn by_sequence(&self, i: usize, x: &Tensor, p: &Pass, adapter: &Adapter) -> bool {
        p.split
            && p.b > 1
            && ops::enabled(x)
            && LINEARS
                .iter()
                .all(|m| adapter.pair(&module_path(i, m)).is_some())
    }

    /// Block `i` over the whole batch with no graph (the pass `p` does not track), one sequence
    /// at a time where [`Model::by_sequence`] allows, with the block's dropout draws taken from
    /// `dropout` for the whole batch first: the same bits and the same stream afterwards as
    /// [`Model::block`], with one sequence's activations alive at a time on each thread.
    fn block_quiet(
        &self,
        i: usize,
        x: &Tensor,
        p: &Pass,
        adapter: &Adapter,
        dropout: &mut Option<&mut Stream>,
    ) -> candle_core::Result<Tensor> {
        if !self.by_sequence(i, x, p, adapter) {
            return self.block(i, x, p, Some(adapter), None, dropout);
        }
        let draws = self.block_draws(i, p.b * p.t, adapter, dropout.as_deref_mut());
        let outs = p.by_sequences(draws.as_ref(), |j, one| {
            self.block(i, &x.narrow(0, j, 1)?, &one, Some(adapter), None, &mut None)
        })?;
        Tensor::cat(&outs, 0)
    }
}

/// A copy of `x` as a leaf that takes a gradient.
fn leaf(x: &Tensor) -> candle_core::Result<Tensor> {
    Ok(candle_core::Var::from_tensor(x)?.as_tensor().clone())
}

/// The blocks in a recomputed segment: ⌈√n⌉ of n, which keeps the fewest block inputs at once
/// (about 2√n: one per segment, and one per block of the segment being taken back).
pub fn segment_len(n: usize) -> usize {
    (1..=n.max(1)).find(|s| s * s >= n).unwrap_or(1)
}

/// What every block of one pass shares.
#[derive(Clone)]
struct Pass {
    b: usize,
    t: usize,
    /// The position of the first token.
    offset: usize,
    cos: Tensor,
    sin: Tensor,
    /// The additive causal mask (the primitive path).
    mask: Tensor,
    /// Whether the adapter takes gradients (training); else it enters detached.
    track: bool,
    /// Dropout masks drawn beforehand, in the order the block's layers take them (when no
    /// stream is given).
    masks: Option<std::sync::Arc<std::sync::Mutex<std::collections::VecDeque<ops::Mask>>>>,
    /// Whether blocks may run one sequence at a time where that gives the same bits.
    split: bool,
}

impl Pass {
    /// `f(j, pass)` for each sequence `j` of this pass, on its own with its rows of the batch's
    /// dropout `draws` ([`Pass::sequence`], made as it starts), the sequences in parallel; the
    /// results in sequence order.
    fn by_sequences<R: Send>(
        &self,
        draws: Option<&Draws>,
        f: impl Fn(usize, Pass) -> candle_core::Result<R> + Sync,
    ) -> candle_core::Result<Vec<R>> {
        by_sequences_of((0..self.b).collect(), |j, _| f(j, self.sequence(j, draws)))
    }

    /// Sequence `j` of this pass on its own, with its rows of the batch's dropout `draws`.
    fn sequence(&self, j: usize, draws: Option<&Draws>) -> Pass {
        let masks = draws.map_or_else(Default::default, |d| d.sequence(j, self.b, self.t));
        Pass {
            b: 1,
            masks: Some(std::sync::Arc::new(std::sync::Mutex::new(masks))),
            ..self.clone()
        }
    }
}

/// A block's dropout draws for a whole batch ([`Model::block_draws`]).
struct Draws {
    /// The stream where the block's first draw starts.
    start: Stream,
    /// Each mask's input width, in draw order: a mask draws one value per entry of its
    /// `rows × width` input.
    widths: Vec<usize>,
    p: f64,
}

impl Draws {
    /// Sequence `j`'s rows (`t` of `b × t`) of each mask: read from the stream where the whole
    /// batch's draw puts them (the stream is seekable), so the same values, and no mask is ever
    /// drawn for the whole batch.
    fn sequence(&self, j: usize, b: usize, t: usize) -> std::collections::VecDeque<ops::Mask> {
        let mut at = 0;
        self.widths
            .iter()
            .map(|&k| {
                let mut s = self.start.clone();
                s.skip_u64(at + j * t * k);
                at += b * t * k;
                dropout_bytes(t * k, self.p, &mut s)
            })
            .collect()
    }
}

/// The folder path of a block's linear layer, as Hugging Face names it.
pub fn module_path(layer: usize, module: &str) -> String {
    let group = match module {
        "gate_proj" | "up_proj" | "down_proj" => "mlp",
        _ => "self_attn",
    };
    format!("model.layers.{layer}.{group}.{module}")
}

fn rope_tables(c: &Config, dev: &Device, dtype: DType) -> Result<(Tensor, Tensor)> {
    let inv = c.inv_freq();
    let half = inv.len();
    let n = c.max_position_embeddings;
    let (mut cos, mut sin) = (
        Vec::with_capacity(n * half * 2),
        Vec::with_capacity(n * half * 2),
    );
    for p in 0..n {
        let row: Vec<f32> = inv.iter().map(|f| p as f32 * f).collect();
        for _ in 0..2 {
            cos.extend(row.iter().map(|a| a.cos()));
            sin.extend(row.iter().map(|a| a.sin()));
        }
    }
    let mk = |v: Vec<f32>| {
        Tensor::from_vec(v, (n, 2 * half), dev)
            .and_then(|t| t.to_dtype(dtype))
            .map_err(ce)
    };
    Ok((mk(cos)?, mk(sin)?))
}

/// RMSNorm: the fused kernel on the CPU in f32 and on a GPU, else [`rms_norm`].
fn norm(x: &Tensor, w: &Tensor, eps: f64) -> candle_core::Result<Tensor> {
    if ops::fused_norm_softmax(x) && x.dtype() == w.dtype() {
        ops::rms_norm(x, w, eps)
    } else {
        rms_norm(x, w, eps)
    }
}

/// RMSNorm from primitives: x / sqrt(mean(x²) + eps) · w, computed in f32.
pub fn rms_norm(x: &Tensor, w: &Tensor, eps: f64) -> candle_core::Result<Tensor> {
    let dt = x.dtype();
    let xf = x.to_dtype(DType::F32)?;
    let ms = xf.sqr()?.mean_keepdim(D::Minus1)?;
    let r = (ms + eps)?.sqrt()?.recip()?;
    xf.broadcast_mul(&r)?.to_dtype(dt)?.broadcast_mul(w)
}

/// Softmax over the last dimension from primitives (the max is a constant shift).
pub fn softmax_last(x: &Tensor) -> candle_core::Result<Tensor> {
    let dt = x.dtype();
    let x = x.to_dtype(DType::F32)?;
    let max = x.max_keepdim(D::Minus1)?.detach();
    let e = x.broadcast_sub(&max)?.exp()?;
    let s = e.sum_keepdim(D::Minus1)?;
    e.broadcast_div(&s)?.to_dtype(dt)
}

/// Rotary embedding (rotate-half form, as transformers) of x [b, h, t, d].
fn rope(x: &Tensor, cos: &Tensor, sin: &Tensor) -> candle_core::Result<Tensor> {
    let d = x.dim(D::Minus1)?;
    let x1 = x.narrow(D::Minus1, 0, d / 2)?;
    let x2 = x.narrow(D::Minus1, d / 2, d / 2)?;
    let rot = Tensor::cat(&[&x2.neg()?, &x1], D::Minus1)?;
    x.broadcast_mul(cos)? + rot.broadcast_mul(sin)?
}

fn repeat_kv(x: &Tensor, n: usize) -> candle_core::Result<Tensor> {
    if n == 1 {
        return Ok(x.clone());
    }
    let (b, kv, t, d) = x.dims4()?;
    x.unsqueeze(2)?
        .broadcast_as((b, kv, n, t, d))?
        .contiguous()?
        .reshape((b, kv * n, t, d))
}

pub(crate) fn causal_mask(
    t: usize,
    offset: usize,
    dev: &Device,
    dtype: DType,
) -> candle_core::Result<Tensor> {
    let total = offset + t;
    let m: Vec<f32> = (0..t * total)
        .map(|i| {
            let (r, c) = (i / total, i % total);
            if c > r + offset {
                f32::NEG_INFINITY
            } else {
                0.0
            }
        })
        .collect();
    Tensor::from_vec(m, (t, total), dev)?.to_dtype(dtype)
}

/// A dropout mask drawn from `rng`: one byte per entry (1 keeps, 0 drops) and the keep scale.
fn dropout_bytes(n: usize, p: f64, rng: &mut Stream) -> ops::Mask {
    let threshold = (p * (1u64 << 53) as f64) as u64;
    let mut keep = vec![0u8; n];
    rng.fill_map(&mut keep, |r| ((r >> 11) >= threshold) as u8);
    ops::Mask {
        keep,
        scale: 1.0 / (1.0 - p) as f32,
    }
}

/// Mean cross-entropy of logits [b, t, v] against u32 targets [b, t], over positions whose f32
/// weight is nonzero (weights are 0 or 1). From primitives, so it has a backward pass.
pub fn masked_cross_entropy(
    logits: &Tensor,
    targets: &Tensor,
    weights: &Tensor,
) -> candle_core::Result<Tensor> {
    let count = weights
        .to_dtype(DType::F32)?
        .sum_all()?
        .to_scalar::<f32>()?;
    if count == 0.0 {
        candle_core::bail!("no position is scored");
    }
    masked_nll_sum(logits, targets, weights)? / count as f64
}

/// The sum of [`masked_cross_entropy`]'s per-position losses (weights 0 or 1), from primitives.
fn masked_nll_sum(
    logits: &Tensor,
    targets: &Tensor,
    weights: &Tensor,
) -> candle_core::Result<Tensor> {
    let v = logits.dim(D::Minus1)?;
    let logits = logits.reshape(((), v))?.to_dtype(DType::F32)?;
    let max = logits.max_keepdim(D::Minus1)?.detach();
    let shifted = logits.broadcast_sub(&max)?;
    let lse = shifted.exp()?.sum_keepdim(D::Minus1)?.log()?;
    let picked = shifted.gather(&targets.flatten_all()?.unsqueeze(1)?, 1)?;
    let nll = (lse - picked)?.squeeze(1)?;
    let w = weights.flatten_all()?.to_dtype(DType::F32)?;
    (nll * w)?.sum_all()
}

#[cfg(all(test, feature = "cuda"))]
mod cuda_tests {
    //! Run on a machine with an NVIDIA GPU (a CUDA build's test binary); CI builds without CUDA.
    use super::*;
    use candle_core::Var;

    /// A tensor's entries as f32s.
    fn f32s(t: &Tensor) -> Vec<f32> {
        t.to_dtype(DType::F32)
            .unwrap()
            .flatten_all()
            .unwrap()
            .to_vec1()
            .unwrap()
    }

    #[test]
    fn frozen_matmul_on_the_gpu_is_the_plain_product_with_the_inputs_gradient() {
        let dev = crate::trainer::DeviceChoice::Cuda
            .device()
            .expect("this test needs a CUDA GPU");
        let mut rng = Stream::new("test.frozen", &[]);
        let (b, t, k, n) = (2, 5, 64, 48);
        let mut tensor = |len: usize, shape: &[usize]| {
            Tensor::from_vec(rng.normals(len, 1.0), shape, &dev)
                .and_then(|x| x.to_dtype(DType::BF16))
                .unwrap()
        };
        let x = Var::from_tensor(&tensor(b * t * k, &[b, t, k])).unwrap();
        let w = tensor(n * k, &[n, k]);
        let r = tensor(b * t * n, &[b, t, n]);
        let ours = frozen_matmul(x.as_tensor(), &w).unwrap();
        let plain = x.as_tensor().broadcast_matmul(&w.t().unwrap()).unwrap();
        assert_eq!(ours.dims(), plain.dims());
        assert_eq!(f32s(&ours), f32s(&plain), "the same cuBLAS product");
        let grad = |y: &Tensor| {
            let loss = (y * &r)
                .unwrap()
                .to_dtype(DType::F32)
                .unwrap()
                .sum_all()
                .unwrap();
            f32s(loss.backward().unwrap().get(x.as_tensor()).unwrap())
        };
        let (g1, g2) = (grad(&ours), grad(&plain));
        for (i, (a, b)) in g1.iter().zip(&g2).enumerate() {
            assert!(
                (a - b).abs() <= 1e-2 * b.abs().max(1.0),
                "grad[{i}]: {a} vs {b}"
            );
        }
    }

    /// `ours` against `plain` (values, and the gradients of Σ y·r with respect to `x`).
    fn close(x: &Var, ours: &Tensor, plain: &Tensor, tol: f32, what: &str) {
        let check = |a: Vec<f32>, b: Vec<f32>, part: &str| {
            assert_eq!(a.len(), b.len());
            for (i, (a, b)) in a.iter().zip(&b).enumerate() {
                assert!(
                    (a - b).abs() <= tol * b.abs().max(1.0),
                    "{what} {part}[{i}]: {a} vs {b}"
                );
            }
        };
        check(f32s(ours), f32s(plain), "value");
        let r = Tensor::ones_like(plain).unwrap();
        let r = (r.cumsum(D::Minus1).unwrap() * 0.37)
            .unwrap()
            .sin()
            .unwrap();
        let grad = |y: &Tensor| {
            let loss = (y * &r)
                .unwrap()
                .to_dtype(DType::F32)
                .unwrap()
                .sum_all()
                .unwrap();
            f32s(loss.backward().unwrap().get(x.as_tensor()).unwrap())
        };
        check(grad(ours), grad(plain), "gradient");
    }

    #[test]
    fn fused_gpu_kernels_match_the_primitives_values_and_gradients() {
        let dev = crate::trainer::DeviceChoice::Cuda
            .device()
            .expect("this test needs a CUDA GPU");
        let mut rng = Stream::new("test.fused", &[]);
        for (dtype, tol) in [(DType::F32, 1e-5), (DType::BF16, 2e-2)] {
            let mut tensor = |shape: &[usize]| {
                let n = shape.iter().product();
                Tensor::from_vec(rng.normals(n, 1.0), shape, &dev)
                    .and_then(|x| x.to_dtype(dtype))
                    .unwrap()
            };
            let x = Var::from_tensor(&tensor(&[3, 7, 96])).unwrap();
            let w = tensor(&[96]);
            let ours = ops::rms_norm(x.as_tensor(), &w, 1e-6).unwrap();
            let plain = rms_norm(x.as_tensor(), &w, 1e-6).unwrap();
            close(&x, &ours, &plain, tol, &format!("rms_norm {dtype:?}"));
            let a = Var::from_tensor(&tensor(&[3, 7, 40])).unwrap();
            let u = tensor(&[3, 7, 40]);
            let ours = ops::silu_mul(a.as_tensor(), &u).unwrap();
            let plain = (a.as_tensor().silu().unwrap() * &u).unwrap();
            close(&a, &ours, &plain, tol, &format!("silu_mul {dtype:?}"));
            let x = Var::from_tensor(&tensor(&[2, 5, 3, 8])).unwrap();
            let (cos, sin) = (tensor(&[5, 8]), tensor(&[5, 8]));
            let ours = ops::rope_heads_gpu(x.as_tensor(), &cos, &sin).unwrap();
            let heads = x.as_tensor().transpose(1, 2).unwrap().contiguous().unwrap();
            let plain = rope(&heads, &cos, &sin).unwrap();
            close(&x, &ours, &plain, tol, &format!("rope {dtype:?}"));
            // Scores of 5 queries at positions 4..9 against 9 keys (a cache of 4), and of a
            // fresh sequence (offset 0), 2 × 3 heads.
            for (t, offset) in [(5usize, 4usize), (9, 0)] {
                let s = Var::from_tensor(&tensor(&[2, 3, t, t + offset])).unwrap();
                let scale = 0.125;
                let ours = ops::causal_softmax(s.as_tensor(), scale, offset).unwrap();
                let mask = causal_mask(t, offset, &dev, dtype).unwrap();
                let scores = (s.as_tensor() * scale)
                    .unwrap()
                    .broadcast_add(&mask)
                    .unwrap();
                let plain = softmax_last(&scores).unwrap();
                close(
                    &s,
                    &ours,
                    &plain,
                    tol,
                    &format!("causal_softmax {dtype:?} t {t} offset {offset}"),
                );
            }
        }
    }
}
