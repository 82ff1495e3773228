//! LoRA adapters: a low-rank update `W + (alpha/r)·B·A` on chosen linear layers, stored in
//! PEFT's format (`adapter_model.safetensors` + `adapter_config.json`).

use std::collections::BTreeMap;
use std::path::Path;

use candle_core::{DType, Device, Tensor, Var};
use serde::{Deserialize, Serialize};

use super::model::{Config, LINEARS, ce, module_path};
use crate::error::{Error, Result};
use crate::trainer::rng::Stream;

/// Host tensors by name: (shape, f32 values).
pub type Tensors = BTreeMap<String, (Vec<usize>, Vec<f32>)>;

/// What the adapter adapts and how strongly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoraSpec {
    pub rank: usize,
    pub alpha: f64,
    pub dropout: f64,
    /// Module names, e.g. `q_proj`, `v_proj`.
    pub targets: Vec<String>,
}

impl LoraSpec {
    /// Checks rank, dropout and that every target is one of the model's linear layers.
    pub fn validate(&self, config: Option<&Config>) -> Result<()> {
        if self.rank == 0 || self.rank > 4096 {
            return Err(Error::usage(
                "jobspec.invalid",
                format!("model.rank: {} is not in 1..=4096", self.rank),
            ));
        }
        if !(self.alpha > 0.0 && self.alpha.is_finite()) {
            return Err(Error::usage(
                "jobspec.invalid",
                format!("model.alpha: {} must be positive", self.alpha),
            ));
        }
        if !(0.0..1.0).contains(&self.dropout) {
            return Err(Error::usage(
                "jobspec.invalid",
                format!("model.dropout: {} is not in [0, 1)", self.dropout),
            ));
        }
        if self.targets.is_empty() {
            return Err(Error::usage(
                "jobspec.invalid",
                "model.targets is empty: name the linear layers to adapt",
            )
            .hint(format!(
                "e.g. targets = [\"q_proj\", \"v_proj\"]; the model's linear layers: {}",
                LINEARS.join(", ")
            )));
        }
        for t in &self.targets {
            let known = match config {
                Some(c) => c.linear_shape(t).is_some(),
                None => LINEARS.contains(&t.as_str()),
            };
            if !known {
                return Err(Error::usage(
                    "lora.unknown_target",
                    format!("model.targets: {t:?} is not a linear layer of this model"),
                )
                .hint(format!("the model's linear layers: {}", LINEARS.join(", "))));
            }
        }
        Ok(())
    }
}

/// A trainable adapter: one (A [r, in], B [out, r]) pair per adapted layer, by module path
/// (`model.layers.0.self_attn.q_proj`).
pub struct Adapter {
    pub spec: LoraSpec,
    pub pairs: BTreeMap<String, (Var, Var)>,
}

impl Adapter {
    /// A fresh adapter: every A drawn (in sorted-path order) from the stream
    /// `cohort.lora.init.v1(seed)` as PEFT does (uniform in ±1/√in, Kaiming with a = √5), B zero.
    pub fn init(spec: &LoraSpec, config: &Config, seed: u64, device: &Device) -> Result<Adapter> {
        spec.validate(Some(config))?;
        let mut rng = Stream::new("cohort.lora.init.v1", &[&seed.to_le_bytes()]);
        let mut values = Tensors::new();
        for (path, (out, inp)) in targets(spec, config) {
            let bound = 1.0 / (inp as f64).sqrt();
            let a: Vec<f32> = (0..spec.rank * inp)
                .map(|_| ((rng.next_f64() * 2.0 - 1.0) * bound) as f32)
                .collect();
            values.insert(format!("{path}.lora_A.weight"), (vec![spec.rank, inp], a));
            values.insert(
                format!("{path}.lora_B.weight"),
                (vec![out, spec.rank], vec![0.0; out * spec.rank]),
            );
        }
        Adapter::from_values(spec, config, values, device)
    }

    /// An adapter from host values named `<path>.lora_A.weight` / `<path>.lora_B.weight`.
    pub fn from_values(
        spec: &LoraSpec,
        config: &Config,
        mut values: Tensors,
        device: &Device,
    ) -> Result<Adapter> {
        let mut pairs = BTreeMap::new();
        for (path, (out, inp)) in targets(spec, config) {
            let mut take = |which: &str, shape: Vec<usize>| -> Result<Var> {
                let name = format!("{path}.{which}.weight");
                let (s, v) = values.remove(&name).ok_or_else(|| {
                    Error::usage(
                        "lora.bad_adapter",
                        format!("the adapter has no tensor {name}"),
                    )
                })?;
                if s != shape {
                    return Err(Error::usage(
                        "lora.bad_adapter",
                        format!("adapter tensor {name} has shape {s:?}, the model needs {shape:?}"),
                    ));
                }
                let t = Tensor::from_vec(v, s, device).map_err(ce)?;
                Var::from_tensor(&t).map_err(ce)
            };
            let a = take("lora_A", vec![spec.rank, inp])?;
            let b = take("lora_B", vec![out, spec.rank])?;
            pairs.insert(path, (a, b));
        }
        Ok(Adapter {
            spec: spec.clone(),
            pairs,
        })
    }

    /// The (A, B) of a layer, if adapted.
    pub fn pair(&self, path: &str) -> Option<(&Tensor, &Tensor)> {
        self.pairs
            .get(path)
            .map(|(a, b)| (a.as_tensor(), b.as_tensor()))
    }

    pub fn scale(&self) -> f64 {
        self.spec.alpha / self.spec.rank as f64
    }

    pub fn dropout_p(&self) -> f64 {
        self.spec.dropout
    }

    /// Every trainable tensor with its name (`<path>.lora_A.weight`), in sorted order.
    pub fn vars(&self) -> Vec<(String, &Var)> {
        let mut out = Vec::new();
        for (path, (a, b)) in &self.pairs {
            out.push((format!("{path}.lora_A.weight"), a));
            out.push((format!("{path}.lora_B.weight"), b));
        }
        out
    }

    /// Host copies of every tensor.
    pub fn values(&self) -> Result<Tensors> {
        let mut out = Tensors::new();
        for (name, v) in self.vars() {
            let t = v.as_tensor();
            let data = t
                .flatten_all()
                .and_then(|t| t.to_dtype(DType::F32)?.to_vec1::<f32>())
                .map_err(ce)?;
            out.insert(name, (t.dims().to_vec(), data));
        }
        Ok(out)
    }

    /// Trainable parameters.
    pub fn parameters(&self) -> u64 {
        self.pairs
            .values()
            .map(|(a, b)| (a.as_tensor().elem_count() + b.as_tensor().elem_count()) as u64)
            .sum()
    }

    /// Writes the adapter as a PEFT folder: `adapter_model.safetensors` (tensor names
    /// `base_model.model.<path>.lora_{A,B}.weight`, f32) and `adapter_config.json`.
    pub fn save_peft(&self, dir: &Path, base: &str) -> Result<()> {
        crate::fsutil::ensure_dir(dir, 0o755)?;
        let values = self.values()?;
        let named: Tensors = values
            .into_iter()
            .map(|(k, v)| (format!("{PEFT_PREFIX}{k}"), v))
            .collect();
        let mut meta = BTreeMap::new();
        meta.insert("format".to_string(), "pt".to_string());
        crate::fsutil::write_atomic(
            &dir.join("adapter_model.safetensors"),
            &safetensors_bytes(&named, &meta),
            0o644,
        )?;
        let cfg = PeftConfig {
            peft_type: "LORA".into(),
            task_type: Some("CAUSAL_LM".into()),
            r: self.spec.rank,
            lora_alpha: self.spec.alpha,
            lora_dropout: self.spec.dropout,
            target_modules: self.spec.targets.clone(),
            bias: "none".into(),
            fan_in_fan_out: false,
            inference_mode: true,
            base_model_name_or_path: Some(base.to_string()),
            use_rslora: false,
            use_dora: false,
            init_lora_weights: true,
            modules_to_save: None,
            ..PeftConfig::default()
        };
        let json = serde_json::to_vec_pretty(&cfg).expect("config serializes");
        crate::fsutil::write_atomic(&dir.join("adapter_config.json"), &json, 0o644)
    }

    /// Reads a PEFT LoRA folder for `config`'s model.
    pub fn load_peft(dir: &Path, config: &Config, device: &Device) -> Result<Adapter> {
        let spec = PeftConfig::load(dir)?.spec();
        spec.validate(Some(config))?;
        let wpath = dir.join("adapter_model.safetensors");
        let bytes = std::fs::read(&wpath).map_err(|e| {
            Error::usage(
                "lora.bad_adapter",
                format!("could not read {}: {e}", wpath.display()),
            )
        })?;
        let st = safetensors::SafeTensors::deserialize(&bytes).map_err(|e| {
            Error::usage(
                "lora.bad_adapter",
                format!("{} is not a safetensors file: {e}", wpath.display()),
            )
        })?;
        let wanted: std::collections::BTreeSet<String> = targets(&spec, config)
            .into_keys()
            .flat_map(|p| [format!("{p}.lora_A.weight"), format!("{p}.lora_B.weight")])
            .collect();
        let mut values = Tensors::new();
        for (name, view) in st.tensors() {
            let key = name
                .strip_prefix(PEFT_PREFIX)
                .unwrap_or(&name)
                .replace(".default.", ".");
            if !wanted.contains(&key) {
                // A full weight (modules_to_save), a bias, a DoRA magnitude or another layer's
                // pair: applying the adapter without it would be wrong, silently.
                return Err(Error::usage(
                    "lora.bad_adapter",
                    format!(
                        "{} holds tensor {name}, which is not the lora_A/lora_B of a target \
                         module ({:?}) of this model: cohort does not apply it",
                        wpath.display(),
                        spec.targets
                    ),
                )
                .hint(
                    "cohort applies plain LoRA adapters only (lora_A/lora_B pairs of \
                     target_modules in every layer); merge the adapter with PEFT instead",
                ));
            }
            let t = candle_core::safetensors::Load::load(&view, &Device::Cpu)
                .and_then(|t| t.to_dtype(DType::F32))
                .map_err(ce)?;
            let data = t
                .flatten_all()
                .and_then(|t| t.to_vec1::<f32>())
                .map_err(ce)?;
            values.insert(key, (t.dims().to_vec(), data));
        }
        Adapter::from_values(&spec, config, values, device)
    }
}

/// PEFT's prefix of adapter tensor names for a causal LM.
pub const PEFT_PREFIX: &str = "base_model.model.";

/// adapter_config.json (the fields PEFT needs to load a LoRA adapter, and those that change
/// what a LoRA adapter does, which cohort refuses when set: [`PeftConfig::load`]).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PeftConfig {
    pub peft_type: String,
    #[serde(default)]
    pub task_type: Option<String>,
    pub r: usize,
    pub lora_alpha: f64,
    #[serde(default)]
    pub lora_dropout: f64,
    pub target_modules: Vec<String>,
    #[serde(default = "d_bias")]
    pub bias: String,
    #[serde(default)]
    pub fan_in_fan_out: bool,
    #[serde(default)]
    pub inference_mode: bool,
    #[serde(default)]
    pub base_model_name_or_path: Option<String>,
    #[serde(default)]
    pub use_rslora: bool,
    #[serde(default)]
    pub use_dora: bool,
    #[serde(default = "d_true")]
    pub init_lora_weights: bool,
    #[serde(default)]
    pub modules_to_save: Option<Vec<String>>,
    /// Per-module alpha and rank overrides (module name patterns).
    #[serde(default, skip_serializing_if = "is_empty_or_null")]
    pub alpha_pattern: serde_json::Value,
    #[serde(default, skip_serializing_if = "is_empty_or_null")]
    pub rank_pattern: serde_json::Value,
    /// Only these layer indices adapted.
    #[serde(default, skip_serializing_if = "is_empty_or_null")]
    pub layers_to_transform: serde_json::Value,
    #[serde(default, skip_serializing_if = "is_empty_or_null")]
    pub exclude_modules: serde_json::Value,
    #[serde(default, skip_serializing_if = "is_empty_or_null")]
    pub layer_replication: serde_json::Value,
    #[serde(default, skip_serializing_if = "is_empty_or_null")]
    pub trainable_token_indices: serde_json::Value,
    /// LoRA on parameters rather than modules, activated LoRA, QA-LoRA, BD-LoRA.
    #[serde(default, skip_serializing_if = "is_empty_or_null")]
    pub target_parameters: serde_json::Value,
    #[serde(default, skip_serializing_if = "is_empty_or_null")]
    pub alora_invocation_tokens: serde_json::Value,
    #[serde(default, skip_serializing_if = "is_empty_or_null")]
    pub use_qalora: serde_json::Value,
    #[serde(default, skip_serializing_if = "is_empty_or_null")]
    pub use_bdlora: serde_json::Value,
    /// A trainable bias on lora_B.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub lora_bias: bool,
}

/// Whether a JSON value says nothing: null, false, an empty string, list or map.
fn is_empty_or_null(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::Null | serde_json::Value::Bool(false) => true,
        serde_json::Value::String(s) => s.is_empty(),
        serde_json::Value::Array(a) => a.is_empty(),
        serde_json::Value::Object(o) => o.is_empty(),
        serde_json::Value::Number(_) | serde_json::Value::Bool(true) => false,
    }
}

impl PeftConfig {
    /// Reads `adapter_config.json` of a PEFT folder, refusing what is not plain LoRA.
    pub fn load(dir: &Path) -> Result<PeftConfig> {
        let cpath = dir.join("adapter_config.json");
        let text = std::fs::read_to_string(&cpath).map_err(|e| {
            Error::usage(
                "lora.bad_adapter",
                format!("could not read {}: {e}", cpath.display()),
            )
            .hint("pass a PEFT adapter folder (adapter_config.json + adapter_model.safetensors)")
        })?;
        let cfg: PeftConfig = serde_json::from_str(&text).map_err(|e| {
            Error::usage(
                "lora.bad_adapter",
                format!("{} is not a PEFT LoRA config: {e}", cpath.display()),
            )
        })?;
        if cfg.peft_type != "LORA" || cfg.use_rslora || cfg.use_dora || cfg.fan_in_fan_out {
            return Err(Error::usage(
                "lora.bad_adapter",
                format!(
                    "{}: only plain LoRA adapters are supported (peft_type LORA, no rslora/dora/fan_in_fan_out)",
                    cpath.display()
                ),
            ));
        }
        if let Some(field) = cfg.unapplied() {
            return Err(Error::usage(
                "lora.bad_adapter",
                format!(
                    "{}: `{field}` is set, and cohort does not apply it: the adapter would act \
                     differently from what PEFT loads",
                    cpath.display()
                ),
            )
            .hint(
                "cohort applies plain LoRA adapters only (one r and lora_alpha for every target \
                 module of every layer, no modules_to_save, bias \"none\"); merge the adapter \
                 with PEFT instead",
            ));
        }
        Ok(cfg)
    }

    /// The first field set that changes what the adapter does and that cohort does not apply.
    fn unapplied(&self) -> Option<String> {
        if self.bias != "none" {
            return Some(format!("bias = {:?}", self.bias));
        }
        if self.modules_to_save.as_ref().is_some_and(|m| !m.is_empty()) {
            return Some("modules_to_save".into());
        }
        [
            ("alpha_pattern", &self.alpha_pattern),
            ("rank_pattern", &self.rank_pattern),
            ("layers_to_transform", &self.layers_to_transform),
            ("exclude_modules", &self.exclude_modules),
            ("layer_replication", &self.layer_replication),
            ("trainable_token_indices", &self.trainable_token_indices),
            ("target_parameters", &self.target_parameters),
            ("alora_invocation_tokens", &self.alora_invocation_tokens),
            ("use_qalora", &self.use_qalora),
            ("use_bdlora", &self.use_bdlora),
        ]
        .into_iter()
        .find(|(_, v)| !is_empty_or_null(v))
        .map(|(k, _)| k.to_string())
        .or(self.lora_bias.then(|| "lora_bias".into()))
    }

    /// The adapter's rank, alpha, dropout and targets.
    pub fn spec(&self) -> LoraSpec {
        LoraSpec {
            rank: self.r,
            alpha: self.lora_alpha,
            dropout: self.lora_dropout,
            targets: self.target_modules.clone(),
        }
    }
}

fn d_bias() -> String {
    "none".into()
}
fn d_true() -> bool {
    true
}

/// Every adapted layer's path and (out, in), in sorted order.
fn targets(spec: &LoraSpec, config: &Config) -> BTreeMap<String, (usize, usize)> {
    let mut m = BTreeMap::new();
    for i in 0..config.num_hidden_layers {
        for t in &spec.targets {
            if let Some(shape) = config.linear_shape(t) {
                m.insert(module_path(i, t), shape);
            }
        }
    }
    m
}

/// Serializes f32 tensors to safetensors bytes (names sorted: the same bytes every time).
pub use crate::trainer::checkpoint::tensors_bytes as safetensors_bytes;
