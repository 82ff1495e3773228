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

use candle_core::backend::BackendStorage;
use candle_core::cuda::cudarc::driver::result::{device, mem_pool};
use candle_core::cuda::cudarc::driver::sys::{CUmemPool_attribute, CUmemoryPool};
use candle_core::cuda::cudarc::driver::{
    CudaSlice, CudaView, DevicePtr, DeviceRepr, LaunchArgs, LaunchConfig, PushKernelArg,
};
use candle_core::cuda::cudarc::nvrtc::{CompileOptions, compile_ptx_with_opts};
use candle_core::cuda::{CudaDevice, CudaStorage, CudaStorageSlice, WrapErr};
use candle_core::{CpuStorage, CustomOp1, DType, Layout, Shape, Storage, Tensor};

use super::ops::column_sums;
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

__device__ __forceinline__ float bf2f(unsigned short h) { return __uint_as_float(((unsigned int)h) << 16); }
// f32 -> bf16, rounding to nearest even (as the `half` crate).
__device__ __forceinline__ unsigned short f2bf(float f) {
  unsigned int u = __float_as_uint(f);
  if ((u & 0x7fffffffu) > 0x7f800000u) return (unsigned short)((u >> 16) | 0x40);
  u += 0x7fffu + ((u >> 16) & 1u);
  return (unsigned short)(u >> 16);
}
__device__ __forceinline__ float ld(const float* p, unsigned long long i) { return p[i]; }
__device__ __forceinline__ float ld(const unsigned short* p, unsigned long long i) { return bf2f(p[i]); }
__device__ __forceinline__ void st(float* p, unsigned long long i, float v) { p[i] = v; }
__device__ __forceinline__ void st(unsigned short* p, unsigned long long i, float v) { p[i] = f2bf(v); }
// The value as stored in T (bf16 rounds).
__device__ __forceinline__ float as_t(const float*, float v) { return v; }
__device__ __forceinline__ float as_t(const unsigned short*, float v) { return bf2f(f2bf(v)); }

// y = x * mask for the stream's u64s first.. (x and y contiguous, T = float or bf16): the mask
// entry is 0 when the u64's top 53 bits are below threshold, else keep (rounded to T), so the
// product is the one of x and the host's mask tensor. Backward applies it to the gradient.
template <typename T>
__device__ void dropout_apply(const T* x, T* y, unsigned long long n, const Root& r,
    unsigned long long first, unsigned long long threshold, float keep) {
  unsigned long long blk = first / 8 + blockIdx.x * (unsigned long long)blockDim.x + threadIdx.x;
  unsigned long long end = first + n;
  if (blk * 8 >= end) return;
  float k = as_t(x, keep);
  unsigned int w[16];
  root_output(r, blk, w);
#pragma unroll
  for (int l = 0; l < 8; l++) {
    unsigned long long q = blk * 8 + l;
    if (q < first || q >= end) continue;
    unsigned long long v = (unsigned long long)w[2 * l] | ((unsigned long long)w[2 * l + 1] << 32);
    st(y, q - first, (v >> 11) < threshold ? ld(x, q - first) * 0.0f : ld(x, q - first) * k);
  }
}
extern "C" __global__ void cohort_dropout_f32(const float* x, float* y, unsigned long long n, Root r,
    unsigned long long first, unsigned long long threshold, float keep) {
  dropout_apply(x, y, n, r, first, threshold, keep);
}
extern "C" __global__ void cohort_dropout_bf16(const unsigned short* x, unsigned short* y,
    unsigned long long n, Root r, unsigned long long first, unsigned long long threshold, float keep) {
  dropout_apply(x, y, n, r, first, threshold, keep);
}

__device__ __forceinline__ float warp_max(float v) {
  for (int o = 16; o > 0; o >>= 1) v = fmaxf(v, __shfl_xor_sync(0xffffffffu, v, o));
  return v;
}
__device__ __forceinline__ float warp_sum(float v) {
  for (int o = 16; o > 0; o >>= 1) v += __shfl_xor_sync(0xffffffffu, v, o);
  return v;
}
// Reductions over one block of 128 threads (a fixed order: the same bits on every run).
__device__ float block_max(float v, float* red) {
  v = warp_max(v);
  if (threadIdx.x % 32 == 0) red[threadIdx.x / 32] = v;
  __syncthreads();
  v = fmaxf(fmaxf(red[0], red[1]), fmaxf(red[2], red[3]));
  __syncthreads();
  return v;
}
__device__ float block_sum(float v, float* red) {
  v = warp_sum(v);
  if (threadIdx.x % 32 == 0) red[threadIdx.x / 32] = v;
  __syncthreads();
  v = (red[0] + red[1]) + (red[2] + red[3]);
  __syncthreads();
  return v;
}

// Row i of scores [rows, cols] (query i % t + offset of a [b, h, t, cols] tensor):
// softmax(scale * x) over the visible keys c <= i % t + offset, 0 beyond. One block of 128
// threads per row, in f32.
template <typename T>
__device__ void causal_softmax(const T* x, T* y, int cols, int t, int offset, float scale) {
  __shared__ float red[4];
  unsigned long long row = blockIdx.x;
  const T* xr = x + row * cols;
  T* yr = y + row * cols;
  int visible = min((int)(row % t) + offset + 1, cols);
  float m = __int_as_float(0xff800000);
  for (int c = threadIdx.x; c < visible; c += 128) m = fmaxf(m, ld(xr, c) * scale);
  m = block_max(m, red);
  float sum = 0.0f;
  for (int c = threadIdx.x; c < visible; c += 128) sum += expf(ld(xr, c) * scale - m);
  float inv = 1.0f / block_sum(sum, red);
  for (int c = threadIdx.x; c < cols; c += 128)
    st(yr, c, c < visible ? expf(ld(xr, c) * scale - m) * inv : 0.0f);
}
extern "C" __global__ void cohort_causal_softmax_f32(const float* x, float* y, int cols, int t,
    int offset, float scale) {
  causal_softmax(x, y, cols, t, offset, scale);
}
extern "C" __global__ void cohort_causal_softmax_bf16(const unsigned short* x, unsigned short* y,
    int cols, int t, int offset, float scale) {
  causal_softmax(x, y, cols, t, offset, scale);
}

// The gradient of causal_softmax for the output's gradient g: scale * y * (g - sum(g * y)) over
// the visible keys, 0 beyond (y is 0 there). One block of 128 threads per row, in f32.
template <typename T>
__device__ void causal_softmax_bwd(const T* y, const T* g, T* out, int cols, int t, int offset,
    float scale) {
  __shared__ float red[4];
  unsigned long long row = blockIdx.x;
  const T* yr = y + row * cols;
  const T* gr = g + row * cols;
  T* o = out + row * cols;
  int visible = min((int)(row % t) + offset + 1, cols);
  float dot = 0.0f;
  for (int c = threadIdx.x; c < visible; c += 128) dot += ld(gr, c) * ld(yr, c);
  dot = block_sum(dot, red);
  for (int c = threadIdx.x; c < cols; c += 128)
    st(o, c, c < visible ? scale * ld(yr, c) * (ld(gr, c) - dot) : 0.0f);
}
extern "C" __global__ void cohort_causal_softmax_bwd_f32(const float* y, const float* g, float* out,
    int cols, int t, int offset, float scale) {
  causal_softmax_bwd(y, g, out, cols, t, offset, scale);
}
extern "C" __global__ void cohort_causal_softmax_bwd_bf16(const unsigned short* y,
    const unsigned short* g, unsigned short* out, int cols, int t, int offset, float scale) {
  causal_softmax_bwd(y, g, out, cols, t, offset, scale);
}

// RMSNorm of each row of x [rows, h]: y = T(x * r) * w with r = 1 / sqrt(mean(x^2) + eps) in
// f32 (the primitives' order: the normalized value is rounded to T before the weight).
template <typename T>
__device__ void rms_norm(const T* x, const T* w, T* y, int h, float eps) {
  __shared__ float red[4];
  unsigned long long row = blockIdx.x;
  const T* xr = x + row * h;
  T* yr = y + row * h;
  float ss = 0.0f;
  for (int c = threadIdx.x; c < h; c += 128) { float v = ld(xr, c); ss += v * v; }
  float r = 1.0f / sqrtf(block_sum(ss, red) / h + eps);
  for (int c = threadIdx.x; c < h; c += 128) st(yr, c, as_t(x, ld(xr, c) * r) * ld(w, c));
}
extern "C" __global__ void cohort_rms_norm_f32(const float* x, const float* w, float* y, int h, float eps) {
  rms_norm(x, w, y, h, eps);
}
extern "C" __global__ void cohort_rms_norm_bf16(const unsigned short* x, const unsigned short* w,
    unsigned short* y, int h, float eps) {
  rms_norm(x, w, y, h, eps);
}

// SwiGLU: y = silu(a) * u, and its backward into out = [ga, gu] (2n entries), in f32.
template <typename T>
__device__ void silu_mul(const T* a, const T* u, T* y, unsigned long long n) {
  for (unsigned long long i = blockIdx.x * (unsigned long long)blockDim.x + threadIdx.x; i < n;
       i += gridDim.x * (unsigned long long)blockDim.x) {
    float av = ld(a, i), s = 1.0f / (1.0f + expf(-av));
    st(y, i, av * s * ld(u, i));
  }
}
template <typename T>
__device__ void silu_mul_bwd(const T* a, const T* u, const T* g, T* out, unsigned long long n) {
  for (unsigned long long i = blockIdx.x * (unsigned long long)blockDim.x + threadIdx.x; i < n;
       i += gridDim.x * (unsigned long long)blockDim.x) {
    float av = ld(a, i), uv = ld(u, i), gv = ld(g, i), s = 1.0f / (1.0f + expf(-av));
    st(out, i, gv * uv * s * (1.0f + av * (1.0f - s)));
    st(out, n + i, gv * av * s);
  }
}
extern "C" __global__ void cohort_silu_mul_f32(const float* a, const float* u, float* y,
    unsigned long long n) { silu_mul(a, u, y, n); }
extern "C" __global__ void cohort_silu_mul_bf16(const unsigned short* a, const unsigned short* u,
    unsigned short* y, unsigned long long n) { silu_mul(a, u, y, n); }
extern "C" __global__ void cohort_silu_mul_bwd_f32(const float* a, const float* u, const float* g,
    float* out, unsigned long long n) { silu_mul_bwd(a, u, g, out, n); }
extern "C" __global__ void cohort_silu_mul_bwd_bf16(const unsigned short* a,
    const unsigned short* u, const unsigned short* g, unsigned short* out, unsigned long long n) {
  silu_mul_bwd(a, u, g, out, n);
}

// The rotary embedding (rotate-half form) with the heads' transpose: x [b, t, h, d] ->
// y [b, h, t, d] = x * cos + rotate_half(x) * sin, cos and sin [t, d]; backward (bwd = 1) takes
// g [b, h, t, d] to gx [b, t, h, d] (the transpose of the same linear map). One thread per
// output entry, in f32.
template <typename T>
__device__ void rope(const T* x, const T* cs, const T* sn, T* y, int t, int h, int d, int bwd,
    unsigned long long n) {
  int half = d / 2;
  for (unsigned long long o = blockIdx.x * (unsigned long long)blockDim.x + threadIdx.x; o < n;
       o += gridDim.x * (unsigned long long)blockDim.x) {
    int i = (int)(o % d);
    unsigned long long r = o / d;
    if (!bwd) {
      int tt = (int)(r % t), hh = (int)((r / t) % h);
      unsigned long long bb = r / ((unsigned long long)t * h);
      const T* xr = x + ((bb * t + tt) * h + hh) * d;
      float rot = i < half ? -ld(xr, i + half) : ld(xr, i - half);
      st(y, o, ld(xr, i) * ld(cs, tt * d + i) + rot * ld(sn, tt * d + i));
    } else {
      int hh = (int)(r % h), tt = (int)((r / h) % t);
      unsigned long long bb = r / ((unsigned long long)t * h);
      const T* gr = x + ((bb * h + hh) * t + tt) * d;
      float rot = i < half ? ld(gr, i + half) * ld(sn, tt * d + i + half)
                           : -ld(gr, i - half) * ld(sn, tt * d + i - half);
      st(y, o, ld(gr, i) * ld(cs, tt * d + i) + rot);
    }
  }
}
extern "C" __global__ void cohort_rope_f32(const float* x, const float* c, const float* s, float* y,
    int t, int h, int d, int bwd, unsigned long long n) { rope(x, c, s, y, t, h, d, bwd, n); }
extern "C" __global__ void cohort_rope_bf16(const unsigned short* x, const unsigned short* c,
    const unsigned short* s, unsigned short* y, int t, int h, int d, int bwd, unsigned long long n) {
  rope(x, c, s, y, t, h, d, bwd, n);
}

// Layer norm of each row of x [rows, d]: y = (x - mean) * rstd * g + b, rstd = 1 / sqrt(var +
// eps), the mean and the variance in two passes in f32. One block of 128 threads per row.
__device__ void row_stats(const float* xr, int d, float eps, float* red, float* mean, float* rstd) {
  float s = 0.0f;
  for (int c = threadIdx.x; c < d; c += 128) s += xr[c];
  float m = block_sum(s, red) / d;
  float v = 0.0f;
  for (int c = threadIdx.x; c < d; c += 128) { float e = xr[c] - m; v += e * e; }
  *mean = m;
  *rstd = 1.0f / sqrtf(block_sum(v, red) / d + eps);
}
extern "C" __global__ void cohort_layer_norm_f32(const float* x, const float* g, const float* b,
    float* y, int d, float eps) {
  __shared__ float red[4];
  unsigned long long row = blockIdx.x;
  const float* xr = x + row * d;
  float mean, rstd;
  row_stats(xr, d, eps, red, &mean, &rstd);
  for (int c = threadIdx.x; c < d; c += 128) y[row * d + c] = (xr[c] - mean) * rstd * g[c] + b[c];
}
// Its backward for the output's gradient dy: out[0 .. rows*d] = dx = rstd * (dy*g - mean(dy*g)
// - xhat * mean(dy*g*xhat)), out[rows*d ..] = dy * xhat (summed over rows, the gradient of g).
extern "C" __global__ void cohort_layer_norm_bwd_f32(const float* x, const float* g,
    const float* dy, float* out, int d, float eps, unsigned long long rows) {
  __shared__ float red[4];
  unsigned long long row = blockIdx.x;
  const float* xr = x + row * d;
  const float* dr = dy + row * d;
  float mean, rstd;
  row_stats(xr, d, eps, red, &mean, &rstd);
  float a1 = 0.0f, a2 = 0.0f;
  for (int c = threadIdx.x; c < d; c += 128) {
    float h = dr[c] * g[c];
    a1 += h;
    a2 += h * ((xr[c] - mean) * rstd);
  }
  a1 = block_sum(a1, red) / d;
  a2 = block_sum(a2, red) / d;
  for (int c = threadIdx.x; c < d; c += 128) {
    float xh = (xr[c] - mean) * rstd;
    out[row * d + c] = rstd * (dr[c] * g[c] - a1 - xh * a2);
    out[rows * d + row * d + c] = dr[c] * xh;
  }
}

// GELU (tanh approximation) of x + b, b [f] added along rows of f; and its backward into
// dx = dy * gelu'(x + b). Grid-stride, in f32.
__device__ __forceinline__ float gelu_tanh(float v) {
  return 0.5f * v * (1.0f + tanhf(0.7978846f * v * (1.0f + 0.044715f * v * v)));
}
extern "C" __global__ void cohort_bias_gelu_f32(const float* x, const float* b, float* y, int f,
    unsigned long long n) {
  for (unsigned long long i = blockIdx.x * (unsigned long long)blockDim.x + threadIdx.x; i < n;
       i += gridDim.x * (unsigned long long)blockDim.x)
    y[i] = gelu_tanh(x[i] + b[i % f]);
}
extern "C" __global__ void cohort_bias_gelu_bwd_f32(const float* x, const float* b,
    const float* dy, float* dx, int f, unsigned long long n) {
  for (unsigned long long i = blockIdx.x * (unsigned long long)blockDim.x + threadIdx.x; i < n;
       i += gridDim.x * (unsigned long long)blockDim.x) {
    float v = x[i] + b[i % f];
    float t = tanhf(0.7978846f * v * (1.0f + 0.044715f * v * v));
    float du = 0.7978846f * (1.0f + 3.0f * 0.044715f * v * v);
    dx[i] = dy[i] * (0.5f * (1.0f + t) + 0.5f * v * (1.0f - t * t) * du);
  }
}

// Cross-entropy of each row of logits [rows, v] against its target: loss[row] = logsumexp(row)
// - row[target]. One block of 128 threads per row.
__device__ float row_logsumexp(const float* xr, int v, float* red, float* max) {
  float m = __int_as_float(0xff800000);
  for (int c = threadIdx.x; c < v; c += 128) m = fmaxf(m, xr[c]);
  m = block_max(m, red);
  float s = 0.0f;
  for (int c = threadIdx.x; c < v; c += 128) s += expf(xr[c] - m);
  *max = m;
  return block_sum(s, red);
}
extern "C" __global__ void cohort_cross_entropy_rows(const float* logits, const unsigned int* t,
    float* loss, int v) {
  __shared__ float red[4];
  unsigned long long row = blockIdx.x;
  const float* xr = logits + row * v;
  float m;
  float s = row_logsumexp(xr, v, red, &m);
  if (threadIdx.x == 0) loss[row] = m + logf(s) - xr[t[row]];
}
// out[0] = the mean of x[0..n] (one block of 256 threads, a fixed order, summed in f64).
extern "C" __global__ void cohort_mean(const float* x, unsigned long long n, float* out) {
  __shared__ double sh[256];
  double acc = 0.0;
  for (unsigned long long i = threadIdx.x; i < n; i += 256) acc += x[i];
  sh[threadIdx.x] = acc;
  __syncthreads();
  for (int s = 128; s > 0; s >>= 1) {
    if (threadIdx.x < s) sh[threadIdx.x] += sh[threadIdx.x + s];
    __syncthreads();
  }
  if (threadIdx.x == 0) out[0] = (float)(sh[0] / (double)n);
}
// The gradient of the mean loss times g[0] (read on the device): dx = (softmax(row) -
// onehot(target)) * g[0] / rows.
extern "C" __global__ void cohort_cross_entropy_bwd(const float* logits, const unsigned int* t,
    const float* g, float* dx, int v, unsigned long long rows) {
  __shared__ float red[4];
  unsigned long long row = blockIdx.x;
  const float* xr = logits + row * v;
  float m;
  float inv = 1.0f / row_logsumexp(xr, v, red, &m);
  float k = g[0] / (float)rows;
  unsigned int tr = t[row];
  for (int c = threadIdx.x; c < v; c += 128)
    dx[row * v + c] = (expf(xr[c] - m) * inv - (c == (int)tr ? 1.0f : 0.0f)) * k;
}

// Up to LIST tensors of one optimizer step, by address (a kernel argument, so that one launch
// covers them all): parameter, gradient, both moments, size and weight decay of each.
#define LIST 32
struct Tensors {
  unsigned long long p[LIST], g[LIST], m[LIST], v[LIST], n[LIST];
  float decay[LIST];
};

// partial[blockIdx.y * gridDim.x + blockIdx.x] = the sum of squares of gradient blockIdx.y's
// entries that block blockIdx.x strides over (256 threads, gridDim.x blocks per tensor).
extern "C" __global__ void cohort_sum_sq(Tensors l, double* partial) {
  __shared__ double sh[256];
  const float* g = (const float*)l.g[blockIdx.y];
  unsigned long long n = l.n[blockIdx.y];
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
  if (threadIdx.x == 0) partial[blockIdx.y * gridDim.x + blockIdx.x] = sh[0];
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

// One AdamW update in place of tensor blockIdx.y, as cohort_kernels::adamw. The clip factor
// comes from total[0], the squared global norm, with the host's arithmetic in f64 (sqrt and
// division round exactly in CUDA's f64, as on the host): grad_clip / (norm + 1e-6) where the
// norm is over grad_clip > 0, else 1. Where loss is given and not finite, nothing is updated
// (the host reports the divergence when it reads the loss).
extern "C" __global__ void cohort_adamw(Tensors l, float beta1, float beta2, float eps,
    float step_size, float bc2_sqrt, const double* total, double grad_clip, const float* loss) {
  if (loss != 0 && !isfinite(*loss)) return;
  double norm = sqrt(total[0]);
  float clip = grad_clip > 0.0 && norm > grad_clip ? (float)(grad_clip / (norm + 1e-6)) : 1.0f;
  unsigned int j = blockIdx.y;
  float* p = (float*)l.p[j];
  const float* g = (const float*)l.g[j];
  float* m = (float*)l.m[j];
  float* v = (float*)l.v[j];
  unsigned long long n = l.n[j];
  float decay = l.decay[j];
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

/// Tensors per launch of the optimizer's kernels (`LIST` in [`SRC`]).
const LIST: usize = 32;

/// The kernels' `struct Tensors`: up to [`LIST`] tensors by device address.
#[repr(C)]
#[derive(Clone, Copy, Default)]
struct Tensors {
    p: [u64; LIST],
    g: [u64; LIST],
    m: [u64; LIST],
    v: [u64; LIST],
    n: [u64; LIST],
    decay: [f32; LIST],
}

// SAFETY: `Tensors` is `repr(C)`, plain u64s then f32s, the layout of the kernels' struct.
unsafe impl DeviceRepr for Tensors {}

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
    ($dev:expr, $name:expr) => {
        $dev.get_or_load_custom_func($name, "cohort_trainer", ptx()?)
    };
}

/// `x` times the dropout mask of [`super::model::dropout_mask`] (0, or 1/(1-p) in x's dtype),
/// drawn on x's GPU; None where the stream's input is over one chunk (then the host draws it).
/// Backward draws the same mask again from the stream's position (the generator is counter-
/// based), so no mask is kept. Advances `rng` past the mask.
pub fn dropout_apply(x: &Tensor, p: f64, rng: &mut Stream) -> candle_core::Result<Option<Tensor>> {
    match Dropout::next(p, rng, x.elem_count()) {
        Some(op) => Ok(Some(x.contiguous()?.apply_op1(op)?)),
        None => Ok(None),
    }
}

/// A dropout mask drawn on a GPU by a kernel: applying it again (to a gradient) draws it again.
pub(crate) struct Dropout {
    root: Root,
    first: u64,
    threshold: u64,
    keep: f32,
}

impl Dropout {
    /// The mask of the next `n` entries of `rng` (which it advances past them), or None where
    /// the stream's input is over one chunk (then the host draws it).
    pub(crate) fn next(p: f64, rng: &mut Stream, n: usize) -> Option<Dropout> {
        let (root, pos) = rng.root_at()?;
        rng.skip_u64(n);
        Some(Dropout {
            root,
            first: pos / 8,
            threshold: (p * (1u64 << 53) as f64) as u64,
            keep: 1.0 / (1.0 - p) as f32,
        })
    }

    /// `x` (on the GPU) times the mask, outside any graph.
    pub(crate) fn apply(&self, x: &Tensor) -> candle_core::Result<Tensor> {
        x.contiguous()?.apply_op1_no_bwd(self)
    }
}

impl CustomOp1 for Dropout {
    fn name(&self) -> &'static str {
        "cohort-dropout"
    }

    fn cpu_fwd(&self, _: &CpuStorage, _: &Layout) -> candle_core::Result<(CpuStorage, Shape)> {
        candle_core::bail!("the device dropout runs on CUDA only")
    }

    fn cuda_fwd(&self, s: &CudaStorage, l: &Layout) -> candle_core::Result<(CudaStorage, Shape)> {
        let n = l.shape().elem_count();
        let blocks = (self.first + n as u64).div_ceil(8) - self.first / 8;
        let scalars = [
            Scalar::U64(n as u64),
            Scalar::Root(self.root),
            Scalar::U64(self.first),
            Scalar::U64(self.threshold),
            Scalar::F32(self.keep),
        ];
        // The kernel reads x[0..n] and writes y[0..n] (it checks q < first + n).
        let out = launch_storages(
            &[(s, l)],
            n,
            "cohort_dropout",
            &scalars,
            threads(blocks.max(1)),
        )?;
        Ok((out, l.shape().clone()))
    }

    fn bwd(&self, _x: &Tensor, _y: &Tensor, g: &Tensor) -> candle_core::Result<Option<Tensor>> {
        Ok(Some(self.apply(g)?))
    }
}

/// One block of 128 threads per row.
fn rows(count: usize) -> LaunchConfig {
    LaunchConfig {
        grid_dim: (count as u32, 1, 1),
        block_dim: (128, 1, 1),
        shared_mem_bytes: 0,
    }
}

/// The causal softmax of `lora::ops::causal_softmax` on a GPU: scores [b, h, t, cols] (f32 or
/// bf16) → probabilities in the same dtype, computed in f32.
pub fn causal_softmax(
    s: &CudaStorage,
    l: &Layout,
    scale: f32,
    offset: usize,
    t: usize,
) -> candle_core::Result<CudaStorage> {
    let cols = *l.dims().last().unwrap_or(&1);
    let n = l.shape().elem_count();
    let scalars = softmax_scalars(cols, t, offset, scale);
    // One block per row of `cols` entries.
    launch_storages(
        &[(s, l)],
        n,
        "cohort_causal_softmax",
        &scalars,
        rows(n / cols.max(1)),
    )
}

/// The causal softmax kernels' scalar arguments, forward and backward alike.
fn softmax_scalars(cols: usize, t: usize, offset: usize, scale: f32) -> [Scalar; 4] {
    [
        Scalar::I32(cols as i32),
        Scalar::I32(t as i32),
        Scalar::I32(offset as i32),
        Scalar::F32(scale),
    ]
}

/// The gradient of [`causal_softmax`] for the output's gradient `g`, from its output `y` (both
/// [b, h, t, cols], one dtype), without a graph.
pub fn causal_softmax_bwd(
    y: &Tensor,
    g: &Tensor,
    scale: f32,
    offset: usize,
    t: usize,
) -> candle_core::Result<Tensor> {
    let cols = y.dim(candle_core::D::Minus1)?;
    let n = y.elem_count();
    entries("causal_softmax_bwd", n, &[g.elem_count()])?;
    let scalars = softmax_scalars(cols, t, offset, scale);
    // One block per row of `cols` entries.
    launch_into(
        &[y, g],
        n,
        y.shape().clone(),
        "cohort_causal_softmax_bwd",
        &scalars,
        rows(n / cols.max(1)),
    )
}

/// RMSNorm of `lora::ops::rms_norm` on a GPU: x [.., h] with weight w [h], the same dtype.
pub fn rms_norm(
    s: &CudaStorage,
    l: &Layout,
    ws: &CudaStorage,
    wl: &Layout,
    eps: f32,
) -> candle_core::Result<CudaStorage> {
    let h = *l.dims().last().unwrap_or(&1);
    if wl.shape().elem_count() != h {
        candle_core::bail!("rms-norm: the weight must be [{h}]");
    }
    let n = l.shape().elem_count();
    let scalars = [Scalar::I32(h as i32), Scalar::F32(eps)];
    // One block per row of h entries.
    launch_storages(
        &[(s, l), (ws, wl)],
        n,
        "cohort_rms_norm",
        &scalars,
        rows(n / h.max(1)),
    )
}

/// Refuses inputs of a kernel with other than `want` entries each (`counts`): a kernel reads
/// `want` from each, so a shorter input would be read past its end instead of refused.
fn entries(name: &str, want: usize, counts: &[usize]) -> candle_core::Result<()> {
    if let Some(n) = counts.iter().find(|&&n| n != want) {
        candle_core::bail!("{name}: an input has {n} entries where the kernel reads {want}");
    }
    Ok(())
}

/// A fresh tensor (no graph) of `n` entries of `inputs[0]`'s dtype on its GPU, written by one
/// launch of kernel `{base}_f32` or `{base}_bf16` ([`launch_storages`]).
fn launch_into(
    inputs: &[&Tensor],
    n: usize,
    shape: Shape,
    base: &str,
    scalars: &[Scalar],
    cfg: LaunchConfig,
) -> candle_core::Result<Tensor> {
    let inputs: Vec<Tensor> = inputs
        .iter()
        .map(|t| t.contiguous())
        .collect::<candle_core::Result<_>>()?;
    let guards: Vec<_> = inputs.iter().map(|t| t.storage_and_layout()).collect();
    let mut ins = Vec::new();
    for (g, l) in &guards {
        match &**g {
            Storage::Cuda(s) => ins.push((s, *l)),
            _ => candle_core::bail!("{base}: the inputs must be on the GPU"),
        }
    }
    let out = launch_storages(&ins, n, base, scalars, cfg)?;
    drop(ins);
    drop(guards);
    Ok(Tensor::from_storage(
        Storage::Cuda(out),
        shape,
        candle_core::op::BackpropOp::none(),
        false,
    ))
}

/// A fresh storage of `n` entries of the first input's dtype, written by one launch of kernel
/// `{base}_f32` or `{base}_bf16` with the inputs' memory (contiguous, all of one dtype), the
/// output, then `scalars`. The kernel must write every entry of the output.
pub(crate) fn launch_storages(
    inputs: &[(&CudaStorage, &Layout)],
    n: usize,
    base: &str,
    scalars: &[Scalar],
    cfg: LaunchConfig,
) -> candle_core::Result<CudaStorage> {
    let dev = &inputs[0].0.device;
    let slice = match inputs[0].0.dtype() {
        DType::F32 => CudaStorageSlice::F32(launch_typed(
            dev,
            inputs,
            |s| match s {
                CudaStorageSlice::F32(x) => Some(x),
                _ => None,
            },
            n,
            &format!("{base}_f32"),
            scalars,
            cfg,
        )?),
        DType::BF16 => CudaStorageSlice::BF16(launch_typed(
            dev,
            inputs,
            |s| match s {
                CudaStorageSlice::BF16(x) => Some(x),
                _ => None,
            },
            n,
            &format!("{base}_bf16"),
            scalars,
            cfg,
        )?),
        other => candle_core::bail!("{base}: {other:?} is not supported (f32 or bf16)"),
    };
    Ok(CudaStorage {
        slice,
        device: dev.clone(),
    })
}

/// [`launch_storages`] for one element type `T`, whose slices `pick` takes from the inputs.
#[allow(clippy::too_many_arguments)]
fn launch_typed<T: DeviceRepr>(
    dev: &CudaDevice,
    inputs: &[(&CudaStorage, &Layout)],
    pick: impl Fn(&CudaStorageSlice) -> Option<&CudaSlice<T>>,
    n: usize,
    name: &str,
    scalars: &[Scalar],
    cfg: LaunchConfig,
) -> candle_core::Result<CudaSlice<T>> {
    let mut views: Vec<CudaView<'_, T>> = Vec::with_capacity(inputs.len());
    for (s, l) in inputs {
        let Some((start, end)) = l.contiguous_offsets() else {
            candle_core::bail!("{name}: an input is not contiguous");
        };
        let Some(x) = pick(&s.slice) else {
            candle_core::bail!("{name}: the inputs must all be of one dtype");
        };
        views.push(x.slice(start..end));
    }
    // SAFETY: the kernel writes every entry of the output (launch_storages' contract).
    let mut y = unsafe { dev.alloc::<T>(n) }?;
    let f = func!(dev, name)?;
    let mut b = f.builder();
    for v in &views {
        b.arg(v);
    }
    b.arg(&mut y);
    push(&mut b, scalars);
    // SAFETY: the kernel's contract (its comment in SRC) holds for these sizes.
    unsafe { b.launch(cfg) }.w()?;
    Ok(y)
}

/// A kernel's scalar argument.
pub(crate) enum Scalar {
    I32(i32),
    U64(u64),
    F32(f32),
    Root(Root),
}

fn push<'a>(b: &mut LaunchArgs<'a>, scalars: &'a [Scalar]) {
    for s in scalars {
        match s {
            Scalar::I32(v) => b.arg(v),
            Scalar::U64(v) => b.arg(v),
            Scalar::F32(v) => b.arg(v),
            Scalar::Root(v) => b.arg(v),
        };
    }
}

/// Grid-stride threads for `n` entries.
pub(crate) fn spread(n: usize) -> LaunchConfig {
    threads((n as u64).clamp(1, 1 << 20))
}

/// `silu(a) · u` on a GPU (the forward of `lora::ops::silu_mul`), without a graph.
pub fn silu_mul(a: &Tensor, u: &Tensor) -> candle_core::Result<Tensor> {
    let n = a.elem_count();
    entries("silu_mul", n, &[u.elem_count()])?;
    let scalars = [Scalar::U64(n as u64)];
    launch_into(
        &[a, u],
        n,
        a.shape().clone(),
        "cohort_silu_mul",
        &scalars,
        spread(n),
    )
}

/// [`silu_mul`] on storages (a custom op's forward).
pub fn silu_mul_storage(
    a: (&CudaStorage, &Layout),
    u: (&CudaStorage, &Layout),
) -> candle_core::Result<CudaStorage> {
    let n = a.1.shape().elem_count();
    entries("silu_mul", n, &[u.1.shape().elem_count()])?;
    let scalars = [Scalar::U64(n as u64)];
    launch_storages(&[a, u], n, "cohort_silu_mul", &scalars, spread(n))
}

/// The gradients (ga, gu) of `silu(a) · u` for the output's gradient `g`, without a graph.
pub fn silu_mul_bwd(a: &Tensor, u: &Tensor, g: &Tensor) -> candle_core::Result<(Tensor, Tensor)> {
    let n = a.elem_count();
    entries("silu_mul_bwd", n, &[u.elem_count(), g.elem_count()])?;
    let scalars = [Scalar::U64(n as u64)];
    let shape = Shape::from(2 * n);
    let out = launch_into(
        &[a, u, g],
        2 * n,
        shape,
        "cohort_silu_mul_bwd",
        &scalars,
        spread(n),
    )?;
    let ga = out.narrow(0, 0, n)?.reshape(a.shape())?;
    Ok((ga, out.narrow(0, n, n)?.reshape(a.shape())?))
}

/// The rotary embedding with the heads' transpose on a GPU (`lora::ops::rope_heads`): x
/// [b, t, h, d] → [b, h, t, d]; with `bwd`, a gradient [b, h, t, d] back to [b, t, h, d]. cos
/// and sin [t, d] in x's dtype. Without a graph.
pub fn rope(x: &Tensor, cos: &Tensor, sin: &Tensor, bwd: bool) -> candle_core::Result<Tensor> {
    let (b, a1, a2, d) = x.dims4()?;
    let (t, h) = if bwd { (a2, a1) } else { (a1, a2) };
    let shape = if bwd {
        Shape::from((b, t, h, d))
    } else {
        Shape::from((b, h, t, d))
    };
    let n = x.elem_count();
    entries(
        "rope: cos and sin",
        t * d,
        &[cos.elem_count(), sin.elem_count()],
    )?;
    let scalars = [
        Scalar::I32(t as i32),
        Scalar::I32(h as i32),
        Scalar::I32(d as i32),
        Scalar::I32(bwd as i32),
        Scalar::U64(n as u64),
    ];
    launch_into(&[x, cos, sin], n, shape, "cohort_rope", &scalars, spread(n))
}

/// [`rope`]'s forward on x's storage (a custom op's), x [b, t, h, d] → [b, h, t, d].
pub fn rope_storage(
    x: (&CudaStorage, &Layout),
    cos: &Tensor,
    sin: &Tensor,
) -> candle_core::Result<CudaStorage> {
    let (_, t, h, d) = x.1.shape().dims4()?;
    let n = x.1.shape().elem_count();
    entries(
        "rope: cos and sin",
        t * d,
        &[cos.elem_count(), sin.elem_count()],
    )?;
    let (cg, sg) = (cos.storage_and_layout(), sin.storage_and_layout());
    let (Storage::Cuda(cs), Storage::Cuda(ss)) = (&*cg.0, &*sg.0) else {
        candle_core::bail!("rope: cos and sin must be on the GPU");
    };
    let scalars = [
        Scalar::I32(t as i32),
        Scalar::I32(h as i32),
        Scalar::I32(d as i32),
        Scalar::I32(0),
        Scalar::U64(n as u64),
    ];
    let ins = [x, (cs, cg.1), (ss, sg.1)];
    launch_storages(&ins, n, "cohort_rope", &scalars, spread(n))
}

/// Checks that the builtin trainer's kernels get f32 (they have no bf16 form).
fn f32_only(what: &str, dtype: DType) -> candle_core::Result<()> {
    if dtype != DType::F32 {
        candle_core::bail!("{what}: the builtin trainer's GPU kernels take f32, not {dtype:?}");
    }
    Ok(())
}

/// The layer norm of `trainer::ops` on a GPU: x [.., d], weight and bias [d], f32.
pub fn layer_norm(
    x: (&CudaStorage, &Layout),
    g: (&CudaStorage, &Layout),
    b: (&CudaStorage, &Layout),
    eps: f32,
) -> candle_core::Result<CudaStorage> {
    f32_only("layer-norm", x.0.dtype())?;
    let d = *x.1.dims().last().unwrap_or(&1);
    if g.1.shape().elem_count() != d || b.1.shape().elem_count() != d {
        candle_core::bail!("layer-norm: the weight and the bias must be [{d}]");
    }
    let n = x.1.shape().elem_count();
    let scalars = [Scalar::I32(d as i32), Scalar::F32(eps)];
    // One block per row of d entries.
    launch_storages(
        &[x, g, b],
        n,
        "cohort_layer_norm",
        &scalars,
        rows(n / d.max(1)),
    )
}

/// The gradients (dx, dweight, dbias) of [`layer_norm`] for the output's gradient `dy`, without
/// a graph. The weight's and the bias's are sums over rows ([`column_sums`]: one product with a
/// row of ones in cuBLAS, the same order every run).
pub fn layer_norm_bwd(
    x: &Tensor,
    g: &Tensor,
    dy: &Tensor,
    eps: f32,
) -> candle_core::Result<(Tensor, Tensor, Tensor)> {
    f32_only("layer-norm", x.dtype())?;
    let d = x.dim(candle_core::D::Minus1)?;
    let n = x.elem_count();
    let count = n / d.max(1);
    entries("layer-norm backward", d, &[g.elem_count()])?;
    entries("layer-norm backward", n, &[dy.elem_count()])?;
    let scalars = [
        Scalar::I32(d as i32),
        Scalar::F32(eps),
        Scalar::U64(count as u64),
    ];
    let out = launch_into(
        &[x, g, dy],
        2 * n,
        Shape::from(2 * n),
        "cohort_layer_norm_bwd",
        &scalars,
        rows(count),
    )?;
    let dx = out.narrow(0, 0, n)?.reshape(x.shape())?;
    let dg = column_sums(&out.narrow(0, n, n)?.reshape((count, d))?)?;
    let db = column_sums(&dy.reshape((count, d))?)?;
    Ok((dx, dg, db))
}

/// Refuses a bias of `f` entries for an input whose last dimension is not `f`.
fn bias_width(what: &str, x_dims: &[usize], f: usize) -> candle_core::Result<()> {
    if x_dims.last() != Some(&f) {
        candle_core::bail!("{what}: the bias must be [{f}], the last dimension of x");
    }
    Ok(())
}

/// GELU (tanh approximation) of x [.., f] + bias [f] on a GPU, f32.
pub fn bias_gelu(
    x: (&CudaStorage, &Layout),
    b: (&CudaStorage, &Layout),
) -> candle_core::Result<CudaStorage> {
    f32_only("bias-gelu", x.0.dtype())?;
    let f = b.1.shape().elem_count();
    let n = x.1.shape().elem_count();
    bias_width("bias-gelu", x.1.dims(), f)?;
    let scalars = [Scalar::I32(f as i32), Scalar::U64(n as u64)];
    launch_storages(&[x, b], n, "cohort_bias_gelu", &scalars, spread(n))
}

/// The gradients (dx, dbias) of [`bias_gelu`] for the output's gradient `dy`, without a graph.
pub fn bias_gelu_bwd(x: &Tensor, b: &Tensor, dy: &Tensor) -> candle_core::Result<(Tensor, Tensor)> {
    f32_only("bias-gelu", x.dtype())?;
    let (n, f) = (x.elem_count(), b.elem_count());
    bias_width("bias-gelu backward", x.dims(), f)?;
    entries("bias-gelu backward", n, &[dy.elem_count()])?;
    let scalars = [Scalar::I32(f as i32), Scalar::U64(n as u64)];
    let dx = launch_into(
        &[x, b, dy],
        n,
        x.shape().clone(),
        "cohort_bias_gelu_bwd",
        &scalars,
        spread(n),
    )?;
    let db = column_sums(&dx.reshape((n / f.max(1), f))?)?;
    Ok((dx, db))
}

/// The mean cross-entropy of logits [rows, v] (f32) against u32 targets [rows] on a GPU: one
/// entry, computed there (each row's loss, then their mean in a fixed order).
pub fn cross_entropy(
    logits: (&CudaStorage, &Layout),
    targets: (&CudaStorage, &Layout),
) -> candle_core::Result<CudaStorage> {
    let (x, t, v, count) = ce_views(logits, targets)?;
    let dev = &logits.0.device;
    // SAFETY: the kernel writes one loss per row.
    let mut loss = unsafe { dev.alloc::<f32>(count) }?;
    let f = func!(dev, "cohort_cross_entropy_rows")?;
    let mut b = f.builder();
    let vi = v as i32;
    b.arg(&x).arg(&t).arg(&mut loss).arg(&vi);
    // SAFETY: x holds count rows of v, t count targets below v (checked by the caller's data).
    unsafe { b.launch(rows(count)) }.w()?;
    // SAFETY: the kernel writes its one entry.
    let mut mean = unsafe { dev.alloc::<f32>(1) }?;
    let f = func!(dev, "cohort_mean")?;
    let mut b = f.builder();
    let n = count as u64;
    b.arg(&loss).arg(&n).arg(&mut mean);
    // SAFETY: loss holds n entries; one block of 256 threads, as the kernel expects.
    unsafe { b.launch(threads(256)) }.w()?;
    Ok(CudaStorage {
        slice: CudaStorageSlice::F32(mean),
        device: dev.clone(),
    })
}

/// The gradient of [`cross_entropy`] for the loss's gradient `g` (one entry, read on the
/// device), without a graph.
pub fn cross_entropy_bwd(
    logits: &Tensor,
    targets: &Tensor,
    g: &Tensor,
) -> candle_core::Result<Tensor> {
    let (logits, targets, g) = (logits.contiguous()?, targets.contiguous()?, g.contiguous()?);
    f32_only("cross-entropy", g.dtype())?;
    let (ls, ts, gs) = (
        logits.storage_and_layout(),
        targets.storage_and_layout(),
        g.storage_and_layout(),
    );
    let (Storage::Cuda(lc), Storage::Cuda(tc), Storage::Cuda(gc)) = (&*ls.0, &*ts.0, &*gs.0) else {
        candle_core::bail!("cross-entropy: the inputs must be on the GPU");
    };
    let (x, t, v, count) = ce_views((lc, ls.1), (tc, ts.1))?;
    let Some((g0, g1)) = gs.1.contiguous_offsets().filter(|(a, b)| b - a == 1) else {
        candle_core::bail!("cross-entropy: the loss's gradient must be one entry");
    };
    let gv = gc.as_cuda_slice::<f32>()?.slice(g0..g1);
    let dev = &lc.device;
    // SAFETY: the kernel writes every entry of every row.
    let mut dx = unsafe { dev.alloc::<f32>(count * v) }?;
    let f = func!(dev, "cohort_cross_entropy_bwd")?;
    let mut b = f.builder();
    let (vi, n) = (v as i32, count as u64);
    b.arg(&x).arg(&t).arg(&gv).arg(&mut dx).arg(&vi).arg(&n);
    // SAFETY: as in cross_entropy; g holds one entry.
    unsafe { b.launch(rows(count)) }.w()?;
    let storage = CudaStorage {
        slice: CudaStorageSlice::F32(dx),
        device: dev.clone(),
    };
    Ok(Tensor::from_storage(
        Storage::Cuda(storage),
        logits.shape().clone(),
        candle_core::op::BackpropOp::none(),
        false,
    ))
}

/// The f32 logits and u32 targets of a cross-entropy, with the row width and the row count.
fn ce_views<'a>(
    logits: (&'a CudaStorage, &Layout),
    targets: (&'a CudaStorage, &Layout),
) -> candle_core::Result<(CudaView<'a, f32>, CudaView<'a, u32>, usize, usize)> {
    let v = *logits.1.dims().last().unwrap_or(&1);
    let count = logits.1.shape().elem_count() / v.max(1);
    if targets.1.shape().elem_count() != count {
        candle_core::bail!(
            "cross-entropy: {count} rows of logits but {} targets",
            targets.1.shape().elem_count()
        );
    }
    let (Some((a, b)), Some((c, d))) = (
        logits.1.contiguous_offsets(),
        targets.1.contiguous_offsets(),
    ) else {
        candle_core::bail!("cross-entropy: the inputs must be contiguous");
    };
    Ok((
        logits.0.as_cuda_slice::<f32>()?.slice(a..b),
        targets.0.as_cuda_slice::<u32>()?.slice(c..d),
        v,
        count,
    ))
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

    /// The global gradient norm before clipping of the last [`Moments::step`] (a read back: it
    /// waits for the GPU).
    pub fn norm(&self) -> candle_core::Result<f64> {
        Ok(self.dev.clone_dtoh(&self.total)?[0].sqrt())
    }

    /// Queues one AdamW update of every `params[i]` (f32, contiguous, on this GPU) with
    /// `grads[i]`, weight decay `decay[i]` (lr × weight decay, or 0), clipped by the global
    /// gradient norm, all on the GPU: nothing is read back, so the host goes on while it runs.
    /// Where `loss` (a scalar f32 on this GPU) is given, the update applies only if it is
    /// finite.
    pub fn step(
        &mut self,
        params: &[&Tensor],
        grads: &[Tensor],
        decay: &[f32],
        loss: Option<&Tensor>,
        u: &Update,
    ) -> candle_core::Result<()> {
        let grads: Vec<Tensor> = grads
            .iter()
            .map(|g| g.to_dtype(DType::F32)?.contiguous())
            .collect::<candle_core::Result<_>>()?;
        if params.len() != grads.len() || params.len() != self.m.len() {
            candle_core::bail!("the optimizer step needs one gradient and moment per parameter");
        }
        let stream = self.dev.cuda_stream();
        let guards: Vec<_> = params
            .iter()
            .copied()
            .chain(&grads)
            .map(|t| t.storage_and_layout())
            .collect();
        let mut views = Vec::with_capacity(guards.len());
        for (storage, layout) in &guards {
            let Some((start, end)) = layout.contiguous_offsets() else {
                candle_core::bail!("the device optimizer needs contiguous tensors");
            };
            match &**storage {
                Storage::Cuda(s) => views.push(s.as_cuda_slice::<f32>()?.slice(start..end)),
                _ => candle_core::bail!("the device optimizer needs CUDA tensors"),
            }
        }
        let (pv, gv) = views.split_at(params.len());
        // The loss's address, or 0 (null: no condition).
        let loss_guard = loss.map(|t| (t.storage_and_layout(), t.dtype(), t.elem_count()));
        let mut loss_view = None;
        if let Some(((storage, layout), dtype, count)) = &loss_guard {
            let at = layout.start_offset();
            match &**storage {
                Storage::Cuda(s) if *dtype == DType::F32 && *count == 1 => {
                    loss_view = Some(s.as_cuda_slice::<f32>()?.slice(at..at + 1));
                }
                _ => {
                    candle_core::bail!("the device optimizer needs the loss as one f32 on its GPU")
                }
            }
        }
        let (loss, _loss_held) = match &loss_view {
            Some(v) => {
                let (ptr, sync) = v.device_ptr(&stream);
                (ptr, Some(sync))
            }
            None => (0, None),
        };
        // The addresses, held (with their stream events) until every launch is queued.
        let mut held = Vec::with_capacity(4 * pv.len());
        let mut lists = Vec::new();
        for (i, (p, g)) in pv.iter().zip(gv).enumerate() {
            let n = p.len();
            if g.len() != n || self.m[i].len() != n || self.v[i].len() != n {
                candle_core::bail!("tensor {i}: parameter, gradient and moments differ in size");
            }
            if i % LIST == 0 {
                lists.push((i, Tensors::default()));
            }
            let l = &mut lists.last_mut().expect("pushed above").1;
            let k = i % LIST;
            let (pp, ps) = p.device_ptr(&stream);
            let (gp, gs) = g.device_ptr(&stream);
            let (mp, ms) = self.m[i].device_ptr(&stream);
            let (vp, vs) = self.v[i].device_ptr(&stream);
            held.extend([ps, gs, ms, vs]);
            (l.p[k], l.g[k], l.m[k], l.v[k]) = (pp, gp, mp, vp);
            l.n[k] = n as u64;
            l.decay[k] = decay[i];
        }
        let sum_sq = func!(self.dev, "cohort_sum_sq")?;
        let grid = |x: u32, count: usize| LaunchConfig {
            grid_dim: (x, count.min(LIST) as u32, 1),
            block_dim: (256, 1, 1),
            shared_mem_bytes: 0,
        };
        for (first, l) in &lists {
            let at = first * SUM_BLOCKS as usize;
            let count = (params.len() - first).min(LIST);
            let mut part = self.partial.slice_mut(at..at + count * SUM_BLOCKS as usize);
            let mut b = sum_sq.builder();
            b.arg(l).arg(&mut part);
            // SAFETY: every address in `l` covers its n f32s (checked above) and stays alive
            // (`guards`, `self`); block (x, y) writes partial entry y * SUM_BLOCKS + x of its own
            // range.
            unsafe { b.launch(grid(SUM_BLOCKS, count)) }.w()?;
        }
        let sum = func!(self.dev, "cohort_sum")?;
        let count = (params.len() * SUM_BLOCKS as usize) as u64;
        let mut b = sum.builder();
        b.arg(&self.partial).arg(&count).arg(&mut self.total);
        // SAFETY: reads partial[0..count] (allocated for every tensor), writes total[0]; one
        // block of 256 threads.
        unsafe { b.launch(threads(256)) }.w()?;
        let adamw = func!(self.dev, "cohort_adamw")?;
        for (first, l) in &lists {
            let count = (params.len() - first).min(LIST);
            let most = l.n[..count].iter().copied().max().unwrap_or(1);
            let mut b = adamw.builder();
            b.arg(l)
                .arg(&u.beta1)
                .arg(&u.beta2)
                .arg(&u.eps)
                .arg(&u.step_size)
                .arg(&u.bc2_sqrt)
                .arg(&self.total)
                .arg(&u.grad_clip)
                .arg(&loss);
            // SAFETY: as for the sums; block row y updates tensor y's p, m and v in place,
            // element by element (p is the parameter's own storage, a Var, written in place as
            // `Var::set` does); every thread reads total[0] (written by the sum above, in stream
            // order) and, where not null, the loss's one f32 (`loss_guard` holds it).
            unsafe { b.launch(grid(most.div_ceil(256).clamp(1, 4096) as u32, count)) }.w()?;
        }
        drop(held);
        Ok(())
    }
}

/// Makes the device's memory pool keep the memory a step frees for the next step.
///
/// cudarc allocates with `cuMemAllocAsync` from the device's memory pool, whose release threshold
/// is 0 unless set: at every synchronization (a step's loss read, the `lora` head's per-chunk
/// loss reads, each phase under `--timings`) the pool hands all its free memory back to the
/// driver, and the next step maps it again, allocation by allocation. Every step allocates the
/// same buffers, so the pool keeps them (threshold `u64::MAX`, what PyTorch's caching allocator
/// does in effect and RMM's and CCCL's pools set); its size stays the step's peak. [`free_memory`]
/// hands the unused part back before it measures. A device without stream-ordered allocation
/// (cudarc then allocates with `cuMemAlloc`) has no pool: nothing to do.
pub(crate) fn keep_freed_memory(dev: &CudaDevice) -> candle_core::Result<()> {
    let Some(pool) = mem_pool(dev)? else {
        return Ok(());
    };
    set_pool_u64(
        pool,
        CUmemPool_attribute::CU_MEMPOOL_ATTR_RELEASE_THRESHOLD,
        u64::MAX,
    )
}

/// A 64-bit attribute of a pool: the release threshold or a watermark, all `cuuint64_t` (an
/// attribute of another type is not read or written through these two).
fn pool_u64(pool: CUmemoryPool, attr: CUmemPool_attribute) -> candle_core::Result<u64> {
    let mut v = 0u64;
    // SAFETY: a live pool of the device; the attribute is a cuuint64_t, written into `v`.
    unsafe { mem_pool::get_attribute(pool, attr, (&mut v as *mut u64).cast()) }.w()?;
    Ok(v)
}

/// Sets one of [`pool_u64`]'s attributes.
fn set_pool_u64(
    pool: CUmemoryPool,
    attr: CUmemPool_attribute,
    mut v: u64,
) -> candle_core::Result<()> {
    // SAFETY: a live pool of the device; the attribute is a cuuint64_t, read from `v`.
    unsafe { mem_pool::set_attribute(pool, attr, (&mut v as *mut u64).cast()) }.w()
}

/// The pool `cuMemAllocAsync` takes the device's memory from, or `None` where cudarc does not
/// allocate from one.
fn mem_pool(dev: &CudaDevice) -> candle_core::Result<Option<CUmemoryPool>> {
    let ctx = dev.cuda_stream().context().clone();
    if !ctx.has_async_alloc() {
        return Ok(None);
    }
    ctx.bind_to_thread().w()?;
    // SAFETY: the ordinal of a live context's device.
    unsafe { device::get_mem_pool(ctx.cu_device()) }
        .w()
        .map(Some)
}

/// The device's free memory in bytes, counting what its pool keeps unused as free: the stream's
/// work is waited for (memory freed by queued work is only unused after it), the pool trimmed to
/// what is in use, then the driver asked.
pub(crate) fn free_memory(dev: &CudaDevice) -> candle_core::Result<u64> {
    let stream = dev.cuda_stream();
    if let Some(pool) = mem_pool(dev)? {
        stream.synchronize().w()?;
        // SAFETY: a live pool of the device; trimming releases only memory not in use.
        unsafe { mem_pool::trim_to(pool, 0) }.w()?;
    }
    let (free, _) = stream.context().mem_get_info().w()?;
    Ok(free as u64)
}

/// The most memory the device's pool has had in use and held (bytes) since the last
/// [`reset_peak_memory`], or `None` where cudarc does not allocate from a pool. What candle's
/// tensors and cohort's kernels allocate comes from the pool; cuBLAS's workspace and the CUDA
/// context itself do not, so the driver's (nvidia-smi's) figure is higher by those.
pub(crate) fn peak_memory(dev: &CudaDevice) -> candle_core::Result<Option<(u64, u64)>> {
    let Some(pool) = mem_pool(dev)? else {
        return Ok(None);
    };
    Ok(Some((
        pool_u64(pool, CUmemPool_attribute::CU_MEMPOOL_ATTR_USED_MEM_HIGH)?,
        pool_u64(pool, CUmemPool_attribute::CU_MEMPOOL_ATTR_RESERVED_MEM_HIGH)?,
    )))
}

/// Starts [`peak_memory`]'s watermarks again from what the pool has in use and holds now (the
/// driver accepts only 0 as the value to reset them with).
pub(crate) fn reset_peak_memory(dev: &CudaDevice) -> candle_core::Result<()> {
    let Some(pool) = mem_pool(dev)? else {
        return Ok(());
    };
    for attr in [
        CUmemPool_attribute::CU_MEMPOOL_ATTR_USED_MEM_HIGH,
        CUmemPool_attribute::CU_MEMPOOL_ATTR_RESERVED_MEM_HIGH,
    ] {
        set_pool_u64(pool, attr, 0)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    //! Run on a machine with an NVIDIA GPU (a CUDA build's test binary); CI builds without CUDA.
    use super::*;
    use crate::trainer::model::dropout_mask as host_mask;
    use candle_core::{Device, Var};

    fn gpu() -> Device {
        crate::trainer::DeviceChoice::Cuda
            .device()
            .expect("these tests need a CUDA GPU")
    }

    #[test]
    fn work_queued_on_one_thread_is_ordered_before_work_from_another() {
        let dev = gpu();
        let c = dev.as_cuda_device().unwrap();
        // Its own stream, not CUDA's per-thread handle (0x2) or the legacy default (null).
        let s = c.cuda_stream().cu_stream() as usize;
        assert!(s != 0 && s != 2, "the device runs on stream {s:#x}");
        assert!(!c.is_event_tracking());
        // Many queued kernels on this thread, then a read from another, as a step on a pool
        // thread reads what the caller's thread uploaded: on per-thread streams the sum could
        // start before the additions end.
        let n = 1 << 24;
        let mut t = Tensor::zeros(n, DType::F32, &dev).unwrap();
        for _ in 0..64 {
            t = (t + 1.0).unwrap();
        }
        let sum = std::thread::scope(|sc| {
            sc.spawn(|| t.sum_all().unwrap().to_dtype(DType::F64).unwrap())
                .join()
                .unwrap()
        });
        assert_eq!(sum.to_scalar::<f64>().unwrap(), 64.0 * n as f64);
    }

    #[test]
    fn the_pool_keeps_freed_memory_and_free_memory_counts_it_free() {
        let dev = gpu();
        let c = dev.as_cuda_device().unwrap();
        let pool = mem_pool(c)
            .unwrap()
            .expect("a GPU with stream-ordered allocation");
        let mut threshold = 0u64;
        // SAFETY: a live pool; the release threshold is a cuuint64_t.
        unsafe {
            mem_pool::get_attribute(
                pool,
                CUmemPool_attribute::CU_MEMPOOL_ATTR_RELEASE_THRESHOLD,
                (&mut threshold as *mut u64).cast(),
            )
        }
        .unwrap();
        assert_eq!(threshold, u64::MAX);
        let gib = 1u64 << 30;
        let before = free_memory(c).unwrap();
        let t = Tensor::zeros((gib / 4) as usize, DType::F32, &dev).unwrap();
        drop(t);
        c.cuda_stream().synchronize().unwrap();
        // Freed, and synchronized: with the default threshold (0) the driver would have it back.
        let (driver, _) = c.cuda_stream().context().mem_get_info().unwrap();
        assert!(
            driver as u64 + gib / 2 < before,
            "the pool kept nothing: {driver} bytes free after, {before} before"
        );
        let after = free_memory(c).unwrap();
        assert!(
            after + gib / 2 > before,
            "free_memory counts the pool's unused memory as used: {after} bytes, {before} before"
        );
    }

    #[test]
    fn peak_memory_counts_what_was_in_use_since_the_reset() {
        let dev = gpu();
        let c = dev.as_cuda_device().unwrap();
        let mib = 1u64 << 20;
        c.cuda_stream().synchronize().unwrap();
        reset_peak_memory(c).unwrap();
        let (used0, _) = peak_memory(c).unwrap().expect("a pool");
        let t = Tensor::zeros((256 * mib / 4) as usize, DType::F32, &dev).unwrap();
        let (used, reserved) = peak_memory(c).unwrap().unwrap();
        assert!(
            used >= used0 + 256 * mib,
            "peak in use {used} after 256 MiB, {used0} before"
        );
        assert!(reserved >= used, "held {reserved} < in use {used}");
        drop(t);
        c.cuda_stream().synchronize().unwrap();
        // The watermark outlives the tensor, and a reset brings it back under it.
        assert_eq!(peak_memory(c).unwrap().unwrap().0, used);
        reset_peak_memory(c).unwrap();
        let (after, _) = peak_memory(c).unwrap().unwrap();
        assert!(
            after < used0 + 256 * mib,
            "peak in use {after} after a reset"
        );
    }

    #[test]
    fn device_dropout_is_the_host_mask_and_backward_draws_it_again() {
        let dev = gpu();
        let bits = |t: &Tensor| -> Vec<u32> {
            let t = t.to_dtype(DType::F32).unwrap().flatten_all().unwrap();
            t.to_vec1::<f32>()
                .unwrap()
                .iter()
                .map(|x| x.to_bits())
                .collect()
        };
        for dtype in [DType::F32, DType::BF16] {
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
                let mut other = Stream::new("values", &[]);
                let x = Tensor::from_vec(other.normals(n, 1.0), n, &dev)
                    .and_then(|x| x.to_dtype(dtype))
                    .unwrap();
                // The host path: the host's mask as a tensor, times x.
                let mask = host_mask(&mut host, n, p).expect("p > 0");
                let mask = Tensor::from_vec(mask, n, &dev)
                    .unwrap()
                    .to_dtype(dtype)
                    .unwrap();
                let want = x.mul(&mask).unwrap();
                let var = candle_core::Var::from_tensor(&x).unwrap();
                let got = dropout_apply(var.as_tensor(), p, &mut device)
                    .unwrap()
                    .expect("one chunk");
                assert_eq!(bits(&got), bits(&want), "{dtype:?} skip {skip} n {n} p {p}");
                assert_eq!(
                    device.next_u64(),
                    host.next_u64(),
                    "stream position after the mask"
                );
                // Backward: the gradient of Σ y·r is r times the same mask (added to candle's
                // zero-initialized gradient, which turns a -0 into +0).
                let r = Tensor::from_vec(other.normals(n, 1.0), n, &dev)
                    .and_then(|r| r.to_dtype(dtype))
                    .unwrap();
                let loss = got
                    .mul(&r)
                    .unwrap()
                    .to_dtype(DType::F32)
                    .unwrap()
                    .sum_all()
                    .unwrap();
                let g = loss.backward().unwrap().remove(var.as_tensor()).unwrap();
                let want = r.mul(&mask).unwrap();
                let want = want.zeros_like().unwrap().add(&want).unwrap();
                assert_eq!(bits(&g), bits(&want), "{dtype:?} gradient, n {n}");
            }
        }
    }

    /// The value of `f()` and the gradients of Σ f()·r with respect to `vars`, as f32s.
    fn value_and_grads(f: impl Fn() -> Tensor, vars: &[&Var], r: &Tensor) -> Vec<Vec<f32>> {
        let f32s = |t: &Tensor| -> Vec<f32> { t.flatten_all().unwrap().to_vec1().unwrap() };
        let y = f();
        let grads = y.mul(r).unwrap().sum_all().unwrap().backward().unwrap();
        let mut out = vec![f32s(&y)];
        out.extend(
            vars.iter()
                .map(|v| f32s(grads.get(v.as_tensor()).expect("a gradient"))),
        );
        out
    }

    #[test]
    fn builtin_kernels_match_the_primitives_and_repeat_bit_for_bit() {
        use crate::trainer::ops::Kernels;
        let dev = gpu();
        let mut rng = Stream::new("test.builtin.kernels", &[]);
        let mut var = |shape: &[usize], mean: f64, std: f64| {
            let n = shape.iter().product();
            let v: Vec<f32> = rng
                .normals(n, std)
                .iter()
                .map(|x| x + mean as f32)
                .collect();
            Var::from_tensor(&Tensor::from_vec(v, shape, &dev).unwrap()).unwrap()
        };
        // Widths below, at and above one block of 128 threads, not all multiples of it.
        let (x, g, b, r) = (
            var(&[37, 200], 3.0, 2.0),
            var(&[200], 1.0, 0.5),
            var(&[200], 0.0, 0.5),
            var(&[37, 200], 0.0, 1.0),
        );
        let (h, bias, rh) = (
            var(&[3, 11, 100], 0.0, 2.0),
            var(&[100], 0.0, 1.0),
            var(&[3, 11, 100], 0.0, 1.0),
        );
        let logits = var(&[37, 300], 0.0, 3.0);
        let t: Vec<u32> = (0..37u32).map(|i| (i * 97 + 13) % 300).collect();
        let t = Tensor::from_vec(t, 37, &dev).unwrap();
        let scale = Tensor::new(0.7f32, &dev).unwrap();
        type Case<'a> = (
            &'a str,
            Box<dyn Fn(Kernels) -> Tensor + 'a>,
            Vec<&'a Var>,
            &'a Tensor,
        );
        let cases: Vec<Case> = vec![
            (
                "layer_norm",
                Box::new(|k: Kernels| {
                    k.layer_norm(x.as_tensor(), g.as_tensor(), b.as_tensor())
                        .unwrap()
                }),
                vec![&x, &g, &b],
                r.as_tensor(),
            ),
            (
                "bias_gelu",
                Box::new(|k: Kernels| k.bias_gelu(h.as_tensor(), bias.as_tensor()).unwrap()),
                vec![&h, &bias],
                rh.as_tensor(),
            ),
            (
                "cross_entropy",
                Box::new(|k: Kernels| k.cross_entropy(logits.as_tensor(), &t).unwrap()),
                vec![&logits],
                &scale,
            ),
        ];
        for (what, f, vars, r) in &cases {
            let ours = value_and_grads(|| f(Kernels::Device), vars, r);
            let again = value_and_grads(|| f(Kernels::Device), vars, r);
            let plain = value_and_grads(|| f(Kernels::Reference), vars, r);
            let bits = |v: &[Vec<f32>]| -> Vec<Vec<u32>> {
                v.iter()
                    .map(|x| x.iter().map(|f| f.to_bits()).collect())
                    .collect()
            };
            assert_eq!(
                bits(&ours),
                bits(&again),
                "{what}: the same bits run to run"
            );
            for (part, (a, b)) in ours.iter().zip(&plain).enumerate() {
                assert_eq!(a.len(), b.len(), "{what} part {part}");
                for (i, (a, b)) in a.iter().zip(b).enumerate() {
                    assert!(
                        (a - b).abs() <= 1e-4 * b.abs().max(1.0),
                        "{what} part {part} (0: value, then each input's gradient) [{i}]: {a} vs {b}"
                    );
                }
            }
        }
        // The backwards refuse an input shorter than the kernel reads, rather than read past it.
        let short = |v: &Var, len: usize| v.as_tensor().narrow(0, 0, len).unwrap();
        let refused = |r: candle_core::Result<_>| match r {
            Err(e) => e.to_string(),
            Ok(_) => panic!("a short input was taken"),
        };
        for e in [
            refused(layer_norm_bwd(x.as_tensor(), g.as_tensor(), &short(&r, 36), 1e-5).map(|_| ())),
            refused(
                layer_norm_bwd(x.as_tensor(), &short(&g, 199), r.as_tensor(), 1e-5).map(|_| ()),
            ),
            refused(bias_gelu_bwd(h.as_tensor(), bias.as_tensor(), &short(&rh, 2)).map(|_| ())),
            refused(bias_gelu_bwd(h.as_tensor(), &short(&bias, 99), rh.as_tensor()).map(|_| ())),
        ] {
            assert!(e.contains("backward"), "{e}");
        }
    }

    /// Three rows of 32 random bytes (inputs) and the next byte of each (targets), from stream
    /// `name`.
    fn byte_rows(name: &str) -> (Vec<u32>, Vec<u32>) {
        let mut data = Stream::new(name, &[]);
        let bytes: Vec<u32> = (0..3 * 33)
            .map(|_| (data.next_u64() % 256) as u32)
            .collect();
        bytes
            .chunks(33)
            .flat_map(|s| s[..32].iter().copied().zip(s[1..].iter().copied()))
            .unzip()
    }

    /// The builtin model's shape in these tests: 2 blocks of width 64, 4 heads, context 32.
    fn two_blocks(dropout: f64) -> crate::trainer::config::ModelConfig {
        crate::trainer::config::ModelConfig {
            layers: 2,
            width: 64,
            heads: 4,
            context: 32,
            dropout,
        }
    }

    #[test]
    fn builtin_model_on_the_gpu_matches_the_primitives() {
        use crate::trainer::model::Model;
        use crate::trainer::ops::Kernels;
        let dev = gpu();
        let config = two_blocks(0.0);
        let ours = Model::init(&config, 7, &dev).unwrap();
        assert_eq!(ours.kernels, Kernels::Device);
        let mut plain = Model::from_values(&config, ours.values().unwrap(), &dev).unwrap();
        plain.kernels = Kernels::Reference;
        let (inputs, targets) = byte_rows("test.builtin.model");
        let run = |m: &Model| -> (f32, Vec<Vec<f32>>) {
            let loss = m.loss(&inputs, &targets, 3, None).unwrap();
            let grads = loss.backward().unwrap();
            let g = m
                .named()
                .iter()
                .map(|(_, v)| {
                    let g = grads
                        .get(v.as_tensor())
                        .expect("every parameter has a gradient");
                    g.flatten_all().unwrap().to_vec1().unwrap()
                })
                .collect();
            (loss.to_scalar().unwrap(), g)
        };
        let ((la, ga), (lb, gb)) = (run(&ours), run(&plain));
        assert!((la - lb).abs() <= 1e-5 * lb.abs(), "loss {la} vs {lb}");
        for (((name, _), a), b) in ours.named().iter().zip(&ga).zip(&gb) {
            for (i, (a, b)) in a.iter().zip(b).enumerate() {
                assert!(
                    (a - b).abs() <= 1e-4 * b.abs().max(1e-2),
                    "{name}[{i}]: {a} vs {b}"
                );
            }
        }
    }

    /// The graph-free step `cohort train` runs on a GPU (`trainer::direct`) against candle's
    /// graph over the same kernels on the GPU and against the same pass on the CPU, with dropout
    /// (drawn on the GPU, on the host on the CPU: the same masks): the loss within 1e-5, every
    /// gradient within 1e-4 of its tensor's largest entry; and bit for bit run to run.
    #[test]
    fn builtin_direct_step_matches_the_graph_and_repeats_bit_for_bit() {
        use crate::trainer::direct;
        use crate::trainer::model::Model;
        let dev = gpu();
        let config = two_blocks(0.1);
        let model = Model::init(&config, 9, &dev).unwrap();
        let cpu = Model::from_values(&config, model.values().unwrap(), &Device::Cpu).unwrap();
        let (inputs, targets) = byte_rows("test.builtin.direct");
        let masks = || Stream::new("test.builtin.direct.masks", &[]);
        let host = |t: &Tensor| -> Vec<f32> { t.flatten_all().unwrap().to_vec1().unwrap() };
        let run = |m: &Model| -> (f32, Vec<Vec<f32>>) {
            let (l, g) =
                direct::loss_and_grads(m, &inputs, &targets, 3, Some(&mut masks()), None).unwrap();
            (l.to_scalar().unwrap(), g.iter().map(host).collect())
        };
        let (loss, grads) = run(&model);
        assert_eq!(run(&model), (loss, grads.clone()), "run to run");
        let graph = {
            let l = model
                .loss(&inputs, &targets, 3, Some(&mut masks()))
                .unwrap();
            let store = l.backward().unwrap();
            let g: Vec<Vec<f32>> = model
                .named()
                .iter()
                .map(|(_, v)| host(store.get(v.as_tensor()).unwrap()))
                .collect();
            (l.to_scalar::<f32>().unwrap(), g)
        };
        for (what, (l, g)) in [("the graph", graph), ("the CPU", run(&cpu))] {
            assert!(
                (l - loss).abs() <= 1e-5 * loss.abs(),
                "{what}: loss {l} vs {loss}"
            );
            for (((name, _), a), b) in model.named().iter().zip(&grads).zip(&g) {
                let scale = b.iter().fold(1e-6f32, |m, v| m.max(v.abs()));
                let worst = a.iter().zip(b).fold(0f32, |m, (a, b)| m.max((a - b).abs()));
                assert!(
                    worst <= 1e-4 * scale,
                    "{what}: {name} differs by {worst} (scale {scale})"
                );
            }
        }
    }

    #[test]
    fn device_adamw_updates_nothing_where_the_loss_is_not_finite() {
        let dev = gpu();
        let var = Var::from_tensor(&Tensor::new(&[1f32, -2.0, 3.0], &dev).unwrap()).unwrap();
        let grad = Tensor::new(&[0.5f32, 0.25, -1.0], &dev).unwrap();
        let mut moments = Moments::upload(var.as_tensor(), &[&[0.0; 3]], &[&[0.0; 3]]).unwrap();
        let u = Update {
            beta1: 0.9,
            beta2: 0.95,
            eps: 1e-8,
            step_size: 1e-2,
            bc2_sqrt: 0.3,
            grad_clip: 1.0,
        };
        let values = || var.as_tensor().to_vec1::<f32>().unwrap();
        let before = values();
        // One update of the parameter with a loss of `value`.
        let step = |moments: &mut Moments, value: f32| {
            let loss = Tensor::new(value, &dev).unwrap();
            let params = [var.as_tensor()];
            let grads = std::slice::from_ref(&grad);
            moments
                .step(&params, grads, &[0.0], Some(&loss), &u)
                .unwrap();
        };
        for bad in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY] {
            step(&mut moments, bad);
            assert_eq!(values(), before, "loss {bad}: the parameters moved");
            assert_eq!(
                moments.download().unwrap(),
                [vec![vec![0.0; 3]], vec![vec![0.0; 3]]],
                "loss {bad}: the moments moved"
            );
        }
        step(&mut moments, 2.5);
        assert!(values().iter().zip(&before).all(|(a, b)| a != b));
        let norm = moments.norm().unwrap();
        assert!((norm - 1.3125f64.sqrt()).abs() < 1e-12, "norm {norm}");
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
        // More tensors than one launch of the optimizer's kernels takes (LIST), of mixed sizes.
        let sizes: Vec<(String, usize)> = [("a".to_string(), 7usize), ("b".into(), 4096)]
            .into_iter()
            .chain((0..LIST + 3).map(|i| (format!("t{i:02}"), 1 + 37 * i)))
            .chain([("z".to_string(), 300_001)])
            .collect();
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
        let names = || sizes.iter().map(|(n, l)| (n.clone(), *l));
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
            let queued = dev_opt
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
            assert_eq!(queued, None, "the GPU's update reads nothing back");
            let dn = on_device.norm().unwrap().expect("an update ran on the GPU");
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
        assert_eq!(*synced, host_opt, "the moments read back are the host's");
    }

    /// A checker whose GPU has no memory left still re-executes a span of a GPU job: the GPU
    /// does not open for it, or its run fails in the computation and the CPU re-executes it
    /// (`jobs::trainers::on_gpu_else_cpu`, as `job coordinate` does); never a rejection for
    /// the checker's own memory. The claim is CPU work, so the CPU's re-execution is it bit for bit.
    #[test]
    fn a_span_is_re_executed_while_the_gpu_has_no_memory_left() {
        use crate::trainer::verify::{VerifyOptions, verify_span};
        use crate::trainer::{Corpus, DeviceChoice, Session, TrainConfig};
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("text.txt");
        std::fs::write(&data, crate::trainer::tests::sample_text()).unwrap();
        let model = crate::trainer::tests::tiny_model();
        let training = TrainConfig {
            batch_size: 4,
            steps: 4,
            ..TrainConfig::default()
        };
        let corpus = Corpus::load(std::slice::from_ref(&data)).unwrap();
        let (seed, worker) = (3, [7; 20]);
        let mut s = Session::new(
            &model,
            &training,
            &corpus,
            None,
            false,
            seed,
            0,
            worker,
            None,
            &Device::Cpu,
        )
        .unwrap();
        let (from, to) = (
            dir.path().join("a.safetensors"),
            dir.path().join("b.safetensors"),
        );
        s.checkpoint(true).unwrap().save(&from).unwrap();
        s.step().unwrap();
        s.step().unwrap();
        s.checkpoint(true).unwrap().save(&to).unwrap();
        let opts = VerifyOptions {
            data: vec![data],
            model,
            training,
            seed: Some(seed),
            round: 0,
            worker,
            device: DeviceChoice::Auto,
            steps: None,
        };
        // Every byte the device gives is taken: 1 GiB at a time, then 1 MiB at a time.
        let dev = gpu();
        let mut hog = Vec::new();
        for size in [1usize << 30, 1 << 20] {
            while let Ok(t) = Tensor::zeros(size, DType::U8, &dev) {
                hog.push(t);
            }
        }
        assert!(!hog.is_empty());
        let r = crate::jobs::trainers::on_gpu_else_cpu(
            DeviceChoice::Auto,
            crate::trainer::gpu_present,
            |device| {
                verify_span(
                    &from,
                    &to,
                    &VerifyOptions {
                        device,
                        ..opts.clone()
                    },
                )
            },
        );
        drop(hog);
        // Give the pool's memory back to the driver for the tests after this one.
        free_memory(dev.as_cuda_device().unwrap()).unwrap();
        let (report, gpu_failure) = r.expect("the span is re-executed");
        if let Some(e) = &gpu_failure {
            assert!(e.code.ends_with(".compute"), "{e}");
        }
        assert!(
            report.identical,
            "{report:?} (the GPU's failure: {gpu_failure:?})"
        );
    }
}
