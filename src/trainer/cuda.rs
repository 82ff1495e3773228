//! The trainers' own CUDA kernels (`cuda` feature), so that a training step on a GPU makes no
//! host copy of weights, gradients or masks:
//! - dropout masks drawn on the device from the same BLAKE3 stream as on the host (each thread
//!   computes one 64-byte output block of the XOF from the root compression's inputs, see
//!   [`Root`]): the masks are the host's, value for value, and the same on every run;
//! - AdamW as one fused update per tensor with both moments kept on the device, after the global
//!   gradient norm is summed on the device in a fixed order (f64 partial sums per block, then one
//!   block over them), so the same GPU gives the same bits run to run.
//!
//! The kernels are compiled once per process with NVRTC (no fused multiply-add, IEEE division
//! and square root: the AdamW update rounds as the host's `cohort_kernels::adamw`).

use std::sync::OnceLock;

use candle_core::cuda::cudarc::driver::{CudaSlice, DeviceRepr, LaunchConfig, PushKernelArg};
use candle_core::cuda::cudarc::nvrtc::{CompileOptions, compile_ptx_with_opts};
use candle_core::cuda::{CudaDevice, CudaStorage, WrapErr};
use candle_core::{CpuStorage, CustomOp1, DType, Layout, Shape, Storage, Tensor};

use super::rng::{Root, Stream};

// SAFETY: `Root` is `repr(C)`, plain u32s, the layout of the kernels' `struct Root`.
unsafe impl DeviceRepr for Root {}

const SRC: &str = r#"
struct Root { unsigned int cv[8]; unsigned int block[16]; unsigned int block_len; unsigned int flags; };

__device__ __forceinline__ unsigned int rotr(unsigned int x, int n) { return (x >> n) | (x << (32 - n)); }

#define G(a, b, c, d, x, y) \
  s[a] = s[a] + s[b] + (x); s[d] = rotr(s[d] ^ s[a], 16); s[c] = s[c] + s[d]; s[b] = rotr(s[b] ^ s[c], 12); \
  s[a] = s[a] + s[b] + (y); s[d] = rotr(s[d] ^ s[a], 8); s[c] = s[c] + s[d]; s[b] = rotr(s[b] ^ s[c], 7);

// BLAKE3's compression of the root block with output counter t (rng.rs: compress).
__device__ void root_output(const Root& r, unsigned long long t, unsigned int out[16]) {
  const unsigned int IV[8] = {0x6A09E667u, 0xBB67AE85u, 0x3C6EF372u, 0xA54FF53Au,
                              0x510E527Fu, 0x9B05688Cu, 0x1F83D9ABu, 0x5BE0CD19u};
  const int P[16] = {2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8};
  unsigned int s[16], m[16], n[16];
#pragma unroll
  for (int i = 0; i < 8; i++) s[i] = r.cv[i];
#pragma unroll
  for (int i = 0; i < 4; i++) s[8 + i] = IV[i];
  s[12] = (unsigned int)t; s[13] = (unsigned int)(t >> 32); s[14] = r.block_len; s[15] = r.flags;
#pragma unroll
  for (int i = 0; i < 16; i++) m[i] = r.block[i];
#pragma unroll
  for (int round = 0; round < 7; round++) {
    G(0, 4, 8, 12, m[0], m[1]); G(1, 5, 9, 13, m[2], m[3]);
    G(2, 6, 10, 14, m[4], m[5]); G(3, 7, 11, 15, m[6], m[7]);
    G(0, 5, 10, 15, m[8], m[9]); G(1, 6, 11, 12, m[10], m[11]);
    G(2, 7, 8, 13, m[12], m[13]); G(3, 4, 9, 14, m[14], m[15]);
#pragma unroll
    for (int i = 0; i < 16; i++) n[i] = m[P[i]];
#pragma unroll
    for (int i = 0; i < 16; i++) m[i] = n[i];
  }
#pragma unroll
  for (int i = 0; i < 8; i++) { out[i] = s[i] ^ s[i + 8]; out[i + 8] = s[i + 8] ^ r.cv[i]; }
}

// out[j] for the stream's u64 number first + j: 0 when its top 53 bits are below threshold,
// else keep. One thread per 64-byte output block (8 u64s).
extern "C" __global__ void cohort_dropout(float* out, unsigned long long n, Root r,
    unsigned long long first, unsigned long long threshold, float keep) {
  unsigned long long blk = first / 8 + blockIdx.x * (unsigned long long)blockDim.x + threadIdx.x;
  unsigned long long end = first + n;
  if (blk * 8 >= end) return;
  unsigned int w[16];
  root_output(r, blk, w);
#pragma unroll
  for (int l = 0; l < 8; l++) {
    unsigned long long q = blk * 8 + l;
    if (q < first || q >= end) continue;
    unsigned long long v = (unsigned long long)w[2 * l] | ((unsigned long long)w[2 * l + 1] << 32);
    out[q - first] = (v >> 11) < threshold ? 0.0f : keep;
  }
}

// partial[blockIdx.x] = the sum of squares of this block's grid-strided entries (256 threads).
extern "C" __global__ void cohort_sum_sq(const float* g, unsigned long long n, double* partial) {
  __shared__ double sh[256];
  double acc = 0.0;
  for (unsigned long long i = blockIdx.x * 256ull + threadIdx.x; i < n; i += gridDim.x * 256ull) {
    double x = g[i];
    acc += x * x;
  }
  sh[threadIdx.x] = acc;
  __syncthreads();
  for (int s = 128; s > 0; s >>= 1) {
    if (threadIdx.x < s) sh[threadIdx.x] += sh[threadIdx.x + s];
    __syncthreads();
  }
  if (threadIdx.x == 0) partial[blockIdx.x] = sh[0];
}

// out[0] = the sum of partial[0..n] (one block of 256 threads, a fixed order).
extern "C" __global__ void cohort_sum(const double* partial, unsigned long long n, double* out) {
  __shared__ double sh[256];
  double acc = 0.0;
  for (unsigned long long i = threadIdx.x; i < n; i += 256) acc += partial[i];
  sh[threadIdx.x] = acc;
  __syncthreads();
  for (int s = 128; s > 0; s >>= 1) {
    if (threadIdx.x < s) sh[threadIdx.x] += sh[threadIdx.x + s];
    __syncthreads();
  }
  if (threadIdx.x == 0) out[0] = sh[0];
}

// One AdamW update in place, as cohort_kernels::adamw.
extern "C" __global__ void cohort_adamw(float* p, const float* g, float* m, float* v,
    unsigned long long n, float beta1, float beta2, float eps, float step_size, float bc2_sqrt,
    float decay, float clip) {
  for (unsigned long long i = blockIdx.x * (unsigned long long)blockDim.x + threadIdx.x; i < n;
       i += gridDim.x * (unsigned long long)blockDim.x) {
    float gi = g[i] * clip;
    float mi = beta1 * m[i] + (1.0f - beta1) * gi;
    float vi = beta2 * v[i] + (1.0f - beta2) * gi * gi;
    float denom = sqrtf(vi) / bc2_sqrt + eps;
    float pi = p[i];
    p[i] = pi - (pi * decay + step_size * mi / denom);
    m[i] = mi;
    v[i] = vi;
  }
}
"#;

/// `count` threads in blocks of 256 (the BLAKE3 kernel needs more registers than blocks of
/// 1,024 threads may have).
fn threads(count: u64) -> LaunchConfig {
    LaunchConfig {
        grid_dim: (count.div_ceil(256) as u32, 1, 1),
        block_dim: (256, 1, 1),
        shared_mem_bytes: 0,
    }
}

/// Blocks of the sum-of-squares pass per tensor (a fixed number: the order of the sum does not
/// depend on the tensor's size beyond it).
const SUM_BLOCKS: u32 = 132;

fn ptx() -> candle_core::Result<&'static str> {
    static PTX: OnceLock<Result<String, String>> = OnceLock::new();
    PTX.get_or_init(|| {
        let opts = CompileOptions {
            fmad: Some(false),
            prec_div: Some(true),
            prec_sqrt: Some(true),
            ftz: Some(false),
            name: Some("cohort_trainer.cu".into()),
            ..Default::default()
        };
        compile_ptx_with_opts(SRC, opts)
            .map(|p| p.to_src())
            .map_err(|e| format!("compiling the trainer's CUDA kernels: {e}"))
    })
    .as_deref()
    .map_err(|e| candle_core::Error::Msg(e.to_string()))
}

/// Loads kernel `name` of [`SRC`] on `dev` (once per device).
macro_rules! func {
    ($dev:expr, $name:literal) => {
        $dev.get_or_load_custom_func($name, "cohort_trainer", ptx()?)
    };
}

/// The mask of [`super::model::dropout_mask`] for `x`'s shape, drawn on x's GPU (f32), or None
/// where the stream's input is over one chunk (then the host draws it). Advances `rng` past it.
pub fn dropout_mask(x: &Tensor, p: f64, rng: &mut Stream) -> candle_core::Result<Option<Tensor>> {
    let Some((root, pos)) = rng.root_at() else {
        return Ok(None);
    };
    let op = Dropout {
        root,
        first: pos / 8,
        threshold: (p * (1u64 << 53) as f64) as u64,
        keep: 1.0 / (1.0 - p) as f32,
    };
    let mask = x.apply_op1_no_bwd(&op)?;
    rng.skip_u64(x.elem_count());
    Ok(Some(mask))
}

struct Dropout {
    root: Root,
    first: u64,
    threshold: u64,
    keep: f32,
}

impl CustomOp1 for Dropout {
    fn name(&self) -> &'static str {
        "cohort-dropout-mask"
    }

    fn cpu_fwd(&self, _: &CpuStorage, _: &Layout) -> candle_core::Result<(CpuStorage, Shape)> {
        candle_core::bail!("the device dropout mask runs on CUDA only")
    }

    fn cuda_fwd(&self, s: &CudaStorage, l: &Layout) -> candle_core::Result<(CudaStorage, Shape)> {
        let dev = &s.device;
        let n = l.shape().elem_count() as u64;
        let mut out = dev.alloc_zeros::<f32>(n as usize)?;
        if n > 0 {
            let blocks = (self.first + n).div_ceil(8) - self.first / 8;
            let f = func!(dev, "cohort_dropout")?;
            let mut b = f.builder();
            b.arg(&mut out)
                .arg(&n)
                .arg(&self.root)
                .arg(&self.first)
                .arg(&self.threshold)
                .arg(&self.keep);
            // SAFETY: the kernel writes out[0..n] only (it checks q < first + n).
            unsafe { b.launch(threads(blocks)) }.w()?;
        }
        Ok((
            CudaStorage::wrap_cuda_slice(out, dev.clone()),
            l.shape().clone(),
        ))
    }
}

/// AdamW's moments of every trained tensor, on the GPU, in the order of the tensors given to
/// [`Moments::step`].
pub struct Moments {
    dev: CudaDevice,
    m: Vec<CudaSlice<f32>>,
    v: Vec<CudaSlice<f32>>,
    partial: CudaSlice<f64>,
    total: CudaSlice<f64>,
}

/// The constants of one AdamW update, for every tensor (decay per tensor).
pub struct Update {
    pub beta1: f32,
    pub beta2: f32,
    pub eps: f32,
    pub step_size: f32,
    pub bc2_sqrt: f32,
    /// The clip threshold on the global gradient norm (≤ 0: none).
    pub grad_clip: f64,
}

fn cuda_of(t: &Tensor) -> candle_core::Result<CudaDevice> {
    match t.device() {
        candle_core::Device::Cuda(d) => Ok(d.clone()),
        _ => candle_core::bail!("the device optimizer needs CUDA tensors"),
    }
}

/// `f` on the f32 CUDA memory of the contiguous tensor `t` (from its first element).
fn with_slice<R>(
    t: &Tensor,
    f: impl FnOnce(&candle_core::cuda::cudarc::driver::CudaView<'_, f32>) -> candle_core::Result<R>,
) -> candle_core::Result<R> {
    let (storage, layout) = t.storage_and_layout();
    let Some((start, end)) = layout.contiguous_offsets() else {
        candle_core::bail!("the device optimizer needs contiguous tensors");
    };
    match &*storage {
        Storage::Cuda(s) => f(&s.as_cuda_slice::<f32>()?.slice(start..end)),
        _ => candle_core::bail!("the device optimizer needs CUDA tensors"),
    }
}

impl Moments {
    /// Moments with the given host values (one m and one v per tensor), copied to `like`'s GPU.
    pub fn upload(like: &Tensor, m: &[&[f32]], v: &[&[f32]]) -> candle_core::Result<Moments> {
        let dev = cuda_of(like)?;
        let up = |xs: &[&[f32]]| -> candle_core::Result<Vec<CudaSlice<f32>>> {
            xs.iter()
                .map(|x| dev.cuda_stream().clone_htod(*x).w())
                .collect()
        };
        let partial = dev.alloc_zeros::<f64>(SUM_BLOCKS as usize * m.len().max(1))?;
        let total = dev.alloc_zeros::<f64>(1)?;
        Ok(Moments {
            m: up(m)?,
            v: up(v)?,
            partial,
            total,
            dev,
        })
    }

    /// Host copies of both moments (m, then v), per tensor.
    pub fn download(&self) -> candle_core::Result<[Vec<Vec<f32>>; 2]> {
        let down = |xs: &[CudaSlice<f32>]| -> candle_core::Result<Vec<Vec<f32>>> {
            xs.iter().map(|x| self.dev.clone_dtoh(x)).collect()
        };
        Ok([down(&self.m)?, down(&self.v)?])
    }

    /// One AdamW update of every `params[i]` (f32, contiguous, on this GPU) with `grads[i]`,
    /// weight decay `decay[i]` (lr × weight decay, or 0); returns the global gradient norm
    /// before clipping (the one value read back).
    pub fn step(
        &mut self,
        params: &[&Tensor],
        grads: &[Tensor],
        decay: &[f32],
        u: &Update,
    ) -> candle_core::Result<f64> {
        let grads: Vec<Tensor> = grads
            .iter()
            .map(|g| g.to_dtype(DType::F32)?.contiguous())
            .collect::<candle_core::Result<_>>()?;
        let sum_sq = func!(self.dev, "cohort_sum_sq")?;
        for (i, g) in grads.iter().enumerate() {
            let n = g.elem_count() as u64;
            let at = i * SUM_BLOCKS as usize;
            let mut part = self.partial.slice_mut(at..at + SUM_BLOCKS as usize);
            with_slice(g, |gs| {
                let mut b = sum_sq.builder();
                b.arg(gs).arg(&n).arg(&mut part);
                let cfg = LaunchConfig {
                    grid_dim: (SUM_BLOCKS, 1, 1),
                    block_dim: (256, 1, 1),
                    shared_mem_bytes: 0,
                };
                // SAFETY: reads g[0..n], writes SUM_BLOCKS partial sums into its own range.
                unsafe { b.launch(cfg) }.w()?;
                Ok(())
            })?;
        }
        let sum = func!(self.dev, "cohort_sum")?;
        let count = (grads.len() * SUM_BLOCKS as usize) as u64;
        let mut b = sum.builder();
        b.arg(&self.partial).arg(&count).arg(&mut self.total);
        let cfg = LaunchConfig {
            grid_dim: (1, 1, 1),
            block_dim: (256, 1, 1),
            shared_mem_bytes: 0,
        };
        // SAFETY: reads partial[0..count] (allocated for every tensor), writes total[0].
        unsafe { b.launch(cfg) }.w()?;
        let norm = self.dev.clone_dtoh(&self.total)?[0].sqrt();
        let clip = if u.grad_clip > 0.0 && norm > u.grad_clip {
            (u.grad_clip / (norm + 1e-6)) as f32
        } else {
            1.0
        };
        let adamw = func!(self.dev, "cohort_adamw")?;
        for (i, (p, g)) in params.iter().zip(&grads).enumerate() {
            let n = p.elem_count() as u64;
            if g.elem_count() as u64 != n || self.m[i].len() as u64 != n {
                candle_core::bail!("tensor {i}: parameter, gradient and moments differ in size");
            }
            let (m, v) = (&mut self.m[i], &mut self.v[i]);
            with_slice(p, |ps| {
                with_slice(g, |gs| {
                    let mut b = adamw.builder();
                    b.arg(ps)
                        .arg(gs)
                        .arg(m)
                        .arg(v)
                        .arg(&n)
                        .arg(&u.beta1)
                        .arg(&u.beta2)
                        .arg(&u.eps)
                        .arg(&u.step_size)
                        .arg(&u.bc2_sqrt)
                        .arg(&decay[i])
                        .arg(&clip);
                    // SAFETY: every pointer covers n f32s (checked above); the kernel updates
                    // p, m and v in place, element by element. p is the parameter's own
                    // storage (a Var), written in place as `Var::set` does.
                    unsafe { b.launch(threads(n.min(1 << 20))) }.w()?;
                    Ok(())
                })
            })?;
        }
        Ok(norm)
    }
}

#[cfg(test)]
mod tests {
    //! Run on a machine with an NVIDIA GPU (a CUDA build's test binary); CI builds without CUDA.
    use super::*;
    use crate::trainer::model::dropout_mask as host_mask;
    use candle_core::{Device, Var};

    fn gpu() -> Device {
        Device::new_cuda(0).expect("these tests need a CUDA GPU")
    }

    #[test]
    fn device_dropout_masks_are_the_host_masks() {
        let dev = gpu();
        for (skip, n, p) in [
            (0usize, 1usize, 0.1),
            (3, 1000, 0.1),
            (5, 100_003, 0.25),
            (8, 64, 0.5),
        ] {
            let mut host = Stream::new("cohort.dropout.v1", &[&(n as u64).to_le_bytes()]);
            for _ in 0..skip {
                host.next_u64();
            }
            let mut device = host.clone();
            let want = host_mask(&mut host, n, p).expect("p > 0");
            let x = Tensor::zeros(n, DType::F32, &dev).unwrap();
            let got = dropout_mask(&x, p, &mut device)
                .unwrap()
                .expect("a one-chunk stream");
            let got = got.to_vec1::<f32>().unwrap();
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&got), bits(&want), "skip {skip} n {n} p {p}");
            assert_eq!(
                device.next_u64(),
                host.next_u64(),
                "stream position after the mask"
            );
        }
    }

    #[test]
    fn device_adamw_is_the_host_adamw() {
        use crate::trainer::optim::{AdamW, OnDevice};
        let dev = gpu();
        let cfg = crate::trainer::TrainConfig {
            grad_clip: 0.5,
            weight_decay: 0.1,
            ..Default::default()
        };
        let sizes = [("a", 7usize), ("b", 4096), ("c", 300_001)];
        let mut rng = Stream::new("test.adamw", &[]);
        let init: Vec<Vec<f32>> = sizes.iter().map(|(_, n)| rng.normals(*n, 1.0)).collect();
        let make = |d: &Device| -> Vec<(String, Var)> {
            sizes
                .iter()
                .zip(&init)
                .map(|((name, n), x)| {
                    let t = Tensor::from_vec(x.clone(), *n, d).unwrap();
                    (name.to_string(), Var::from_tensor(&t).unwrap())
                })
                .collect()
        };
        let (host_vars, dev_vars) = (make(&Device::Cpu), make(&dev));
        let names = || sizes.iter().map(|(n, l)| (n.to_string(), *l));
        let (mut host_opt, mut dev_opt) = (AdamW::zeros(names()), AdamW::zeros(names()));
        let mut on_device = OnDevice::default();
        let decays = |n: &str| n != "a";
        for step in 0..3 {
            let grads: Vec<Vec<f32>> = sizes
                .iter()
                .map(|(_, n)| rng.normals(*n, 0.01 * (step + 1) as f64))
                .collect();
            let host_named: Vec<(String, &Var)> =
                host_vars.iter().map(|(n, v)| (n.clone(), v)).collect();
            let params: Vec<Vec<f32>> = host_vars
                .iter()
                .map(|(_, v)| v.as_tensor().to_vec1().unwrap())
                .collect();
            let hn = host_opt
                .step_host(&host_named, params, grads.clone(), 1e-3, &cfg, &decays)
                .unwrap();
            let dev_named: Vec<&Tensor> = dev_vars.iter().map(|(_, v)| v.as_tensor()).collect();
            let dev_grads: Vec<Tensor> = grads
                .iter()
                .map(|g| Tensor::from_vec(g.clone(), g.len(), &dev).unwrap())
                .collect();
            // Through the optimizer's own entry: a GradStore is built by backward, so the
            // moments are driven here as `step_vars` drives them.
            let loss = dev_named
                .iter()
                .zip(&dev_grads)
                .map(|(p, g)| (*p * g).unwrap().sum_all().unwrap())
                .reduce(|a, b| (a + b).unwrap())
                .unwrap();
            let store = loss.backward().unwrap();
            let named: Vec<(String, &Var)> = dev_vars.iter().map(|(n, v)| (n.clone(), v)).collect();
            let dn = dev_opt
                .step_vars(
                    &mut on_device,
                    &named,
                    &store,
                    1e-3,
                    &cfg,
                    &decays,
                    ("x", "x"),
                )
                .unwrap();
            assert!(
                (hn - dn).abs() <= 1e-9 * hn,
                "step {step}: norm {hn} on the host, {dn} on the GPU"
            );
            for ((name, h), (_, d)) in host_vars.iter().zip(&dev_vars) {
                let h: Vec<u32> = h
                    .as_tensor()
                    .to_vec1::<f32>()
                    .unwrap()
                    .iter()
                    .map(|x| x.to_bits())
                    .collect();
                let d: Vec<u32> = d
                    .as_tensor()
                    .to_vec1::<f32>()
                    .unwrap()
                    .iter()
                    .map(|x| x.to_bits())
                    .collect();
                assert!(
                    h == d,
                    "step {step}: parameter {name} differs between host and GPU"
                );
            }
        }
        let synced = dev_opt.synced(&on_device).unwrap();
        assert_eq!(synced, host_opt, "the moments read back are the host's");
    }
}
