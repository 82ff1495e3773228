//! Checkpoints: safetensors files holding the weights (f32), optionally the AdamW state
//! (`optim.m.<name>`, `optim.v.<name>`), and metadata: `format`, `config` (the model config as
//! JSON), `step` (global step), `optim.t` (AdamW's update count, with optimizer state) and a
//! few informational keys (`seed`, `round`, `worker`, `averaged_from`).
//!
//! The writer is cohort's own: tensors and metadata in sorted order and no timestamps, so the
//! same state always gives the same bytes (and the same BLAKE3). Any safetensors reader
//! (Python's `safetensors`, candle) can read the files.

use std::collections::BTreeMap;
use std::path::Path;

use super::config::ModelConfig;
use super::model::parameter_shapes;
use super::optim::AdamW;
use crate::error::{Error, Result};

pub const FORMAT: &str = "cohort-byte-lm/1";
const OPT_M: &str = "optim.m.";
const OPT_V: &str = "optim.v.";

/// Host values of named tensors: shape and data.
pub type Tensors = BTreeMap<String, (Vec<usize>, Vec<f32>)>;

/// A checkpoint in memory.
#[derive(Debug, Clone)]
pub struct Checkpoint {
    pub config: ModelConfig,
    /// The global step the weights are at (steps trained so far).
    pub step: u64,
    pub weights: Tensors,
    /// The optimizer state needed to continue exactly (absent in averaged checkpoints).
    pub optimizer: Option<AdamW>,
    /// Informational metadata (seed, round, worker, averaged_from); not needed to resume.
    pub info: BTreeMap<String, String>,
}

impl Checkpoint {
    /// Serializes to safetensors bytes (deterministic).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut tensors: BTreeMap<String, (&[usize], &[f32])> = BTreeMap::new();
        for (name, (shape, data)) in &self.weights {
            tensors.insert(name.clone(), (shape, data));
        }
        if let Some(opt) = &self.optimizer {
            for (name, (shape, _)) in &self.weights {
                tensors.insert(format!("{OPT_M}{name}"), (shape, &opt.m[name]));
                tensors.insert(format!("{OPT_V}{name}"), (shape, &opt.v[name]));
            }
        }
        let mut md: BTreeMap<String, String> = self.info.clone();
        md.insert("format".into(), FORMAT.into());
        md.insert(
            "config".into(),
            serde_json::to_string(&self.config).expect("config serializes"),
        );
        md.insert("step".into(), self.step.to_string());
        if let Some(opt) = &self.optimizer {
            md.insert("optim.t".into(), opt.t.to_string());
        }
        let views: Vec<(&str, &[usize], Data<'_>)> = tensors
            .iter()
            .map(|(n, (shape, data))| (n.as_str(), *shape, Data::F32(data)))
            .collect();
        write_safetensors(&views, &md)
    }

    /// Writes the checkpoint atomically.
    pub fn save(&self, path: &Path) -> Result<()> {
        crate::fsutil::write_atomic(path, &self.to_bytes(), 0o644)
    }

    /// Reads a checkpoint, checking that its tensors match its config.
    pub fn load(path: &Path) -> Result<Checkpoint> {
        let bytes = std::fs::read(path).map_err(|e| {
            Error::usage(
                "checkpoint.read",
                format!("could not read checkpoint {}: {e}", path.display()),
            )
        })?;
        Checkpoint::from_bytes(&bytes, path)
    }

    pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Checkpoint> {
        let bad = |why: String| {
            Error::usage(
                "checkpoint.invalid",
                format!("{} is not a cohort checkpoint: {why}", path.display()),
            )
        };
        let (_, meta) =
            safetensors::SafeTensors::read_metadata(bytes).map_err(|e| bad(e.to_string()))?;
        let md = meta.metadata().clone().unwrap_or_default();
        if md.get("format").map(String::as_str) != Some(FORMAT) {
            return Err(bad(format!("metadata `format` is not {FORMAT}")));
        }
        let config: ModelConfig = serde_json::from_str(md.get("config").map_or("", |s| s))
            .map_err(|e| bad(format!("metadata `config`: {e}")))?;
        let step: u64 = md
            .get("step")
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| bad("metadata `step` is missing".into()))?;
        let st = safetensors::SafeTensors::deserialize(bytes).map_err(|e| bad(e.to_string()))?;
        let mut all = Tensors::new();
        for (name, view) in st.tensors() {
            if view.dtype() != safetensors::Dtype::F32 {
                return Err(bad(format!("tensor {name} is {:?}, not F32", view.dtype())));
            }
            let data: Vec<f32> = view
                .data()
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes(c.try_into().expect("4 bytes")))
                .collect();
            all.insert(name, (view.shape().to_vec(), data));
        }
        let mut weights = Tensors::new();
        let (mut m, mut v) = (BTreeMap::new(), BTreeMap::new());
        for (name, tensor) in all {
            if let Some(n) = name.strip_prefix(OPT_M) {
                m.insert(n.to_string(), tensor.1);
            } else if let Some(n) = name.strip_prefix(OPT_V) {
                v.insert(n.to_string(), tensor.1);
            } else {
                weights.insert(name, tensor);
            }
        }
        check_shapes(&config, &weights, path)?;
        let optimizer = match md.get("optim.t").and_then(|s| s.parse().ok()) {
            Some(t) if m.len() == weights.len() && v.len() == weights.len() => {
                Some(AdamW { t, m, v })
            }
            _ => None,
        };
        let info = md
            .into_iter()
            .filter(|(k, _)| !matches!(k.as_str(), "format" | "config" | "step" | "optim.t"))
            .collect();
        Ok(Checkpoint {
            config,
            step,
            weights,
            optimizer,
            info,
        })
    }

    /// Refuses a checkpoint whose config differs from `expected`, naming both shapes.
    pub fn check_config(&self, expected: &ModelConfig, path: &Path) -> Result<()> {
        let (a, b) = (&self.config, expected);
        if shape(a) != shape(b) {
            return Err(Error::usage(
                "checkpoint.config_mismatch",
                format!(
                    "checkpoint {} was trained with {} but the config asks for {}",
                    path.display(),
                    shape(a),
                    shape(b)
                ),
            )
            .hint("use a checkpoint of the same model shape, or the config it was trained with"));
        }
        Ok(())
    }
}

/// A config's model shape as errors name it (`layers=2 width=64 heads=4 context=128`): two
/// checkpoints fit together when theirs are the same.
pub fn shape(c: &ModelConfig) -> String {
    format!(
        "layers={} width={} heads={} context={}",
        c.layers, c.width, c.heads, c.context
    )
}

/// Checks that `weights` are exactly the tensors (names and shapes) of `config`.
pub fn check_shapes(config: &ModelConfig, weights: &Tensors, path: &Path) -> Result<()> {
    let expected = parameter_shapes(config);
    for (name, (shape, _)) in &expected {
        match weights.get(name) {
            None => {
                return Err(Error::usage(
                    "checkpoint.invalid",
                    format!(
                        "checkpoint {} lacks tensor {name} {shape:?}",
                        path.display()
                    ),
                ));
            }
            Some((s, _)) if s != shape => {
                return Err(Error::usage(
                    "checkpoint.config_mismatch",
                    format!(
                        "checkpoint {} has {name} of shape {s:?} but its config needs {shape:?}",
                        path.display()
                    ),
                ));
            }
            _ => {}
        }
    }
    if let Some(extra) = weights.keys().find(|k| !expected.contains_key(*k)) {
        return Err(Error::usage(
            "checkpoint.invalid",
            format!(
                "checkpoint {} has unexpected tensor {extra}",
                path.display()
            ),
        ));
    }
    Ok(())
}

/// One tensor's values for [`write_safetensors`].
pub(crate) enum Data<'a> {
    F32(&'a [f32]),
    U8(&'a [u8]),
}

impl Data<'_> {
    fn dtype(&self) -> &'static str {
        match self {
            Data::F32(_) => "F32",
            Data::U8(_) => "U8",
        }
    }
    fn bytes(&self) -> usize {
        match self {
            Data::F32(d) => d.len() * 4,
            Data::U8(d) => d.len(),
        }
    }
}

/// cohort's one safetensors writer: the header's keys sorted (serde_json's map is ordered) and
/// padded to 8 bytes, string metadata (none: no `__metadata__`), the tensors' data in the given
/// order, little-endian, no timestamps: the same tensors always give the same bytes (and the
/// same BLAKE3). Checkpoints, adapters, outer-loop state and compressed deltas are written with
/// it; any safetensors reader (Python's `safetensors`, candle) reads them.
pub(crate) fn write_safetensors(
    tensors: &[(&str, &[usize], Data<'_>)],
    meta: &BTreeMap<String, String>,
) -> Vec<u8> {
    let mut header = serde_json::Map::new();
    if !meta.is_empty() {
        header.insert("__metadata__".into(), serde_json::json!(meta));
    }
    let mut offset = 0usize;
    for (name, shape, data) in tensors {
        let end = offset + data.bytes();
        header.insert(
            name.to_string(),
            serde_json::json!({"dtype": data.dtype(), "shape": shape, "data_offsets": [offset, end]}),
        );
        offset = end;
    }
    let mut h = serde_json::to_string(&serde_json::Value::Object(header)).expect("json");
    while !h.len().is_multiple_of(8) {
        h.push(' ');
    }
    let mut out = Vec::with_capacity(8 + h.len() + offset);
    out.extend_from_slice(&(h.len() as u64).to_le_bytes());
    out.extend_from_slice(h.as_bytes());
    for (_, _, data) in tensors {
        match data {
            Data::F32(d) => d
                .iter()
                .for_each(|v| out.extend_from_slice(&v.to_le_bytes())),
            Data::U8(d) => out.extend_from_slice(d),
        }
    }
    out
}

/// f32 tensors by name (in the map's sorted order) as safetensors bytes ([`write_safetensors`]).
pub fn tensors_bytes(tensors: &Tensors, meta: &BTreeMap<String, String>) -> Vec<u8> {
    let views: Vec<(&str, &[usize], Data<'_>)> = tensors
        .iter()
        .map(|(n, (shape, data))| (n.as_str(), shape.as_slice(), Data::F32(data)))
        .collect();
    write_safetensors(&views, meta)
}
