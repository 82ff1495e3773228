//! The machine a worker declares on chain: GPUs from `nvidia-smi` when present (model and
//! memory), else none; CPU cores and main memory always.

use serde::{Deserialize, Serialize};

use crate::jobspec::Requirements;

/// One GPU.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gpu {
    pub model: String,
    /// Memory in MiB.
    pub memory_mib: u64,
}

/// A machine's inventory, stored on chain as compact JSON by `registerWorker`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inventory {
    /// The worker's chosen name (`--name`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default)]
    pub gpus: Vec<Gpu>,
    pub cpu_cores: u64,
    /// Main memory in MiB.
    pub memory_mib: u64,
    #[serde(default)]
    pub os: String,
    #[serde(default)]
    pub arch: String,
}

/// Parses `nvidia-smi --query-gpu=name,memory.total --format=csv,noheader,nounits` output.
pub fn parse_nvidia_smi(text: &str) -> Vec<Gpu> {
    text.lines()
        .filter_map(|l| {
            let (name, mem) = l.rsplit_once(',')?;
            Some(Gpu {
                model: name.trim().to_string(),
                memory_mib: mem.trim().parse().ok()?,
            })
        })
        .collect()
}

fn gpus() -> Vec<Gpu> {
    let out = std::process::Command::new("nvidia-smi")
        .args([
            "--query-gpu=name,memory.total",
            "--format=csv,noheader,nounits",
        ])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output();
    match out {
        Ok(o) if o.status.success() => parse_nvidia_smi(&String::from_utf8_lossy(&o.stdout)),
        _ => Vec::new(),
    }
}

fn memory_mib() -> u64 {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|t| {
            let line = t.lines().find(|l| l.starts_with("MemTotal:"))?.to_string();
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map(|kib| kib / 1024)
        .unwrap_or(0)
}

impl Inventory {
    /// Detects this machine.
    pub fn detect(name: Option<String>) -> Inventory {
        Inventory {
            name,
            gpus: gpus(),
            cpu_cores: std::thread::available_parallelism()
                .map(|n| n.get() as u64)
                .unwrap_or(1),
            memory_mib: memory_mib(),
            os: std::env::consts::OS.to_string(),
            arch: std::env::consts::ARCH.to_string(),
        }
    }

    /// Parses an inventory as stored on chain (None for free text).
    pub fn parse(text: &str) -> Option<Inventory> {
        serde_json::from_str(text).ok()
    }

    /// Compact JSON, as stored on chain.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("inventory serializes")
    }

    /// One line: `2 × NVIDIA H100 (80 GiB), 16 cores, 128 GiB` or `cpu: 2 cores, 8 GiB`.
    pub fn summary(&self) -> String {
        let gib = |m: u64| m as f64 / 1024.0;
        let mem = format!("{} cores, {:.1} GiB", self.cpu_cores, gib(self.memory_mib));
        let machine = if self.gpus.is_empty() {
            format!("cpu: {mem}")
        } else {
            let g = &self.gpus[0];
            format!(
                "{} × {} ({:.0} GiB), {mem}",
                self.gpus.len(),
                g.model,
                gib(g.memory_mib)
            )
        };
        match &self.name {
            Some(n) => format!("{n} ({machine})"),
            None => machine,
        }
    }

    /// Why this machine, with this cohort, does not meet `req`, or None when it does.
    pub fn unmet(&self, req: &Requirements) -> Option<String> {
        self.unmet_with(req, cfg!(feature = "cuda"))
    }

    /// As `unmet`, for a cohort built with CUDA support or not (`cuda_built`).
    pub fn unmet_with(&self, req: &Requirements, cuda_built: bool) -> Option<String> {
        let mem_gib = self.memory_mib as f64 / 1024.0;
        if mem_gib + 1e-9 < req.min_memory_gb {
            return Some(format!(
                "the job needs {} GiB of memory; this machine has {mem_gib:.1} GiB",
                req.min_memory_gb
            ));
        }
        if req.gpu {
            let best = self.gpus.iter().map(|g| g.memory_mib).max();
            match best {
                None => return Some("the job needs a GPU; this machine has none".into()),
                Some(m) if (m as f64 / 1024.0) + 1e-9 < req.min_gpu_memory_gb => {
                    return Some(format!(
                        "the job needs a GPU with {} GiB; the largest here has {:.1} GiB",
                        req.min_gpu_memory_gb,
                        m as f64 / 1024.0
                    ));
                }
                _ => {}
            }
            if !cuda_built {
                return Some(format!(
                    "the job needs a GPU; this cohort was built without CUDA support ({})",
                    crate::trainer::REINSTALL_WITH_CUDA
                ));
            }
        }
        None
    }
}

impl Inventory {
    /// Why this machine lacks the memory to train on `base` (the manifest's estimate: the
    /// frozen weights in f32, or bf16 on a GPU, plus a quarter), against main memory, or the
    /// largest GPU's for a GPU job; `None` when it has enough.
    pub fn unmet_memory(
        &self,
        base: &crate::lora::base::BaseManifest,
        gpu: bool,
    ) -> Option<String> {
        let need = base.memory_estimate_mib(gpu);
        let (have, what) = if gpu {
            (
                self.gpus.iter().map(|g| g.memory_mib).max().unwrap_or(0),
                "its largest GPU has",
            )
        } else {
            (self.memory_mib, "this machine has")
        };
        (have < need).then(|| {
            format!(
                "the base model ({} parameters) needs about {:.1} GiB to train ({} weights plus 25%); {what} {:.1} GiB",
                base.parameters,
                need as f64 / 1024.0,
                if gpu { "bf16" } else { "f32" },
                have as f64 / 1024.0
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_base_model_larger_than_memory_is_refused_with_the_estimate() {
        let base = crate::lora::base::BaseManifest {
            format: crate::lora::base::MANIFEST_FORMAT.into(),
            model_type: "qwen2".into(),
            parameters: 494_032_768, // Qwen2.5-0.5B
            weights_bytes: 988_097_824,
            files: Vec::new(),
        };
        // f32 + 25%: 2.3 GiB; bf16 on a GPU: half.
        assert_eq!(base.memory_estimate_mib(false), 2356);
        assert_eq!(base.memory_estimate_mib(true), 1178);
        let mut inv = Inventory {
            name: None,
            gpus: vec![Gpu {
                model: "T4".into(),
                memory_mib: 1024,
            }],
            cpu_cores: 2,
            memory_mib: 2048,
            os: "linux".into(),
            arch: "x86_64".into(),
        };
        let why = inv.unmet_memory(&base, false).unwrap();
        assert!(why.contains("2.3 GiB") && why.contains("2.0 GiB"), "{why}");
        assert!(inv.unmet_memory(&base, true).unwrap().contains("GPU"));
        inv.memory_mib = 2356;
        assert_eq!(inv.unmet_memory(&base, false), None);
        inv.gpus[0].memory_mib = 16_384;
        assert_eq!(inv.unmet_memory(&base, true), None);
    }

    #[test]
    fn nvidia_smi_lines_parse_into_gpus() {
        let g = parse_nvidia_smi("NVIDIA H100 80GB HBM3, 81559\nTesla T4, 15360\n");
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].model, "NVIDIA H100 80GB HBM3");
        assert_eq!(g[1].memory_mib, 15360);
    }

    #[test]
    fn requirements_name_what_is_missing() {
        let inv = Inventory {
            name: None,
            gpus: vec![],
            cpu_cores: 2,
            memory_mib: 4096,
            os: "linux".into(),
            arch: "x86_64".into(),
        };
        let mut req = Requirements {
            min_memory_gb: 2.0,
            gpu: false,
            min_gpu_memory_gb: 0.0,
        };
        assert!(inv.unmet(&req).is_none());
        req.min_memory_gb = 8.0;
        assert!(inv.unmet(&req).unwrap().contains("memory"));
        req.min_memory_gb = 0.0;
        req.gpu = true;
        assert!(inv.unmet(&req).unwrap().contains("GPU"));
        let with_gpu = Inventory {
            gpus: parse_nvidia_smi("NVIDIA H200, 143771\n"),
            ..inv
        };
        assert!(with_gpu.unmet_with(&req, true).is_none());
        let why = with_gpu.unmet_with(&req, false).unwrap();
        assert!(why.contains("without CUDA support"), "{why}");
        req.min_gpu_memory_gb = 200.0;
        assert!(with_gpu.unmet_with(&req, true).unwrap().contains("200 GiB"));
    }
}
