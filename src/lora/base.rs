//! A base model in storage: `cohort model upload-base DIR` puts every file of a Hugging Face
//! folder into storage and a manifest naming each (path, root, size, blake3) after them; the
//! manifest's root is what a `lora` job's `model.base` names. Workers, coordinators and
//! auditors fetch it once into `<cache>/bases/<root>/`, every file checked against its root
//! (by the storage client) and its recorded size and blake3 (here).

use std::path::{Path, PathBuf};

use alloy::primitives::B256;
use serde::{Deserialize, Serialize};

use super::Config;
use crate::chain::SignerChain;
use crate::datasets::files::{hash_file, safe_join};
use crate::error::{Error, Result};
use crate::jobs::context::place;
use crate::progress::Progress;
use crate::storage::cache::ObjectCache;

/// The manifest's `format`.
pub const MANIFEST_FORMAT: &str = "cohort-base-model/1";

/// One file of the base model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BaseFile {
    /// Relative path in the folder.
    pub path: String,
    pub root: B256,
    pub size: u64,
    /// Hex blake3 of the file.
    pub blake3: String,
}

/// What `model.base` names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BaseManifest {
    pub format: String,
    /// `model_type` of config.json (`llama`, `qwen2`, `mistral`).
    pub model_type: String,
    /// The model's parameters (from config.json's shapes).
    pub parameters: u64,
    /// Bytes of the weight files.
    pub weights_bytes: u64,
    pub files: Vec<BaseFile>,
}

impl BaseManifest {
    /// Memory a worker needs to train on it, in MiB: the frozen weights in f32 on the CPU
    /// (bf16 on a GPU) plus a quarter for activations, adapters and the optimizer.
    pub fn memory_estimate_mib(&self, gpu: bool) -> u64 {
        let bytes = self.parameters as f64 * if gpu { 2.0 } else { 4.0 } * 1.25;
        (bytes / (1024.0 * 1024.0)).ceil() as u64
    }

    fn check(&self, root: B256) -> Result<()> {
        let bad = |why: String| {
            Error::verification(
                "lora.bad_base",
                format!("the base model manifest {root:#x} {why}"),
            )
        };
        if self.format != MANIFEST_FORMAT {
            return Err(bad(format!(
                "has format {:?}, not {MANIFEST_FORMAT}",
                self.format
            )));
        }
        if !self.files.iter().any(|f| f.path == "config.json") {
            return Err(bad("has no config.json".into()));
        }
        for f in &self.files {
            if f.path.contains("..") || f.path.starts_with('/') {
                return Err(bad(format!("names an unsafe path {:?}", f.path)));
            }
        }
        Ok(())
    }
}

/// What `upload-base` did.
#[derive(Debug, Clone, Serialize)]
pub struct UploadedBase {
    /// The manifest's root: put it in the spec as `model.base`.
    pub root: B256,
    #[serde(serialize_with = "crate::fsutil::lossy::path")]
    pub folder: PathBuf,
    pub manifest: BaseManifest,
    /// Bytes of every file.
    pub bytes: u64,
}

/// The files of a Hugging Face folder that make the model (weights, config, tokenizer, chat
/// template), sorted; other files (README, .git, checkpoints) are left out.
pub fn model_files(dir: &Path) -> Result<Vec<String>> {
    let wanted = |n: &str| {
        n.ends_with(".safetensors")
            || n == "model.safetensors.index.json"
            || n.ends_with(".json") && !n.starts_with('.')
            || n.ends_with(".jinja")
            || n == "tokenizer.model"
    };
    let rd = std::fs::read_dir(dir).map_err(|e| Error::io("read folder", dir, e))?;
    let mut out: Vec<String> = rd
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| wanted(n))
        .collect();
    out.sort();
    Ok(out)
}

/// Uploads a Hugging Face folder (every model file, then the manifest) and returns the
/// manifest root. The folder must load as a supported model (exit 2 naming what is wrong).
pub async fn upload(
    store: &ObjectCache,
    s: &SignerChain,
    dir: &Path,
    progress: &dyn Progress,
) -> Result<UploadedBase> {
    let config = Config::load(dir)?;
    super::TextCodec::load(dir)?;
    let weights = super::model::weight_files(dir)?;
    let mut files = Vec::new();
    let mut bytes = 0;
    for name in model_files(dir)? {
        let path = dir.join(&name);
        let (size, hash) = hash_file(&path).map_err(|e| Error::io("read", &path, e))?;
        if size == 0 {
            continue;
        }
        progress.note(&format!("uploading {name} ({size} bytes)"));
        let root = store.put_file(s, &path, progress).await?;
        bytes += size;
        files.push(BaseFile {
            path: name,
            root,
            size,
            blake3: hex::encode(hash),
        });
    }
    let manifest = BaseManifest {
        format: MANIFEST_FORMAT.to_string(),
        model_type: config.model_type.clone(),
        parameters: config.parameters(),
        weights_bytes: weights
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum(),
        files,
    };
    let root = store
        .put_json(s, "base-model.json", &manifest, progress)
        .await?;
    Ok(UploadedBase {
        root,
        folder: dir.to_path_buf(),
        manifest,
        bytes,
    })
}

/// Parses `model.base` as a manifest root (exit 2 naming the key when it is something else).
pub fn parse_root(base: &str) -> Result<B256> {
    base.trim().parse::<B256>().map_err(|_| {
        Error::usage(
            "lora.base_root",
            format!("model.base {base:?} is not a storage root; pools need the base model in storage"),
        )
        .hint("upload the folder once with `cohort model upload-base DIR` and set model.base to the root it prints")
    })
}

/// The manifest of a base model root (checked: format, config.json, safe paths; exit 5 when
/// it is not a base-model manifest).
pub async fn manifest(
    store: &ObjectCache,
    root: B256,
    progress: &dyn Progress,
) -> Result<BaseManifest> {
    let m: BaseManifest = store
        .fetch_json(root, "the base model manifest", progress)
        .await?;
    m.check(root)?;
    Ok(m)
}

/// The base model's local folder: fetched once into `<cache>/bases/<root>/` and every file
/// checked against its root, size and blake3 on each call (exit 5 on any mismatch).
pub async fn fetch(store: &ObjectCache, root: B256, progress: &dyn Progress) -> Result<PathBuf> {
    let m = manifest(store, root, progress).await?;
    // Beside the object cache: `cohort verify`'s fresh cache gets a fresh copy.
    let dir = store
        .cache
        .parent()
        .unwrap_or(&store.cache)
        .join("bases")
        .join(format!("{root:#x}"));
    crate::fsutil::ensure_dir(&dir, 0o755)?;
    for f in &m.files {
        let target = safe_join(&dir, &f.path)?;
        if matches(&target, f) {
            continue;
        }
        let cached = store.fetch(f.root, progress).await?;
        if !matches(&cached, f) {
            let _ = std::fs::remove_file(&cached);
            return Err(Error::verification(
                "lora.base_file",
                format!(
                    "{} of the base model {root:#x} does not match its recorded size and blake3",
                    f.path
                ),
            ));
        }
        place(&cached, &target)?;
    }
    Ok(dir)
}

fn matches(path: &Path, f: &BaseFile) -> bool {
    let want = hex::decode(&f.blake3)
        .ok()
        .and_then(|v| <[u8; 32]>::try_from(v).ok());
    want.is_some() && crate::jobs::context::matches(path, f.size, want)
}
