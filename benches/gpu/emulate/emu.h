// Runs CUDA C kernels on the CPU: one OS thread per CUDA thread, blocks one at a time (grids of
// one or two dimensions); __shared__ arrays are statics, which blocks one at a time may share.
#include <barrier>
#include <cmath>
#include <cstring>
#include <thread>
#include <vector>
#include <algorithm>
struct dim3e { unsigned x, y, z; };
inline thread_local dim3e threadIdx, blockIdx;
inline dim3e blockDim, gridDim;
inline std::barrier<>* g_block_bar;
inline std::vector<std::barrier<>*> g_warp_bars;
inline float g_xchg[1024];
#define __global__
#define __device__
#define __forceinline__ inline
#define __shared__ static
inline void __syncthreads() { g_block_bar->arrive_and_wait(); }
inline float __shfl_xor_sync(unsigned, float v, int o) {
  int t = threadIdx.x, w = t / 32;
  g_xchg[t] = v;
  g_warp_bars[w]->arrive_and_wait();
  float r = g_xchg[t ^ o];
  g_warp_bars[w]->arrive_and_wait();
  return r;
}
inline float __int_as_float(int i) { float f; memcpy(&f, &i, 4); return f; }
inline float __uint_as_float(unsigned i) { float f; memcpy(&f, &i, 4); return f; }
inline unsigned __float_as_uint(float f) { unsigned i; memcpy(&i, &f, 4); return i; }
inline int min(int a, int b) { return a < b ? a : b; }
using std::isfinite;
template <class F> void launch(unsigned grid, unsigned block, F f, unsigned grid_y = 1) {
  gridDim = {grid, grid_y, 1};
  blockDim = {block, 1, 1};
  for (unsigned b = 0; b < grid * grid_y; b++) {
    std::barrier<> bar(block);
    g_block_bar = &bar;
    std::vector<std::barrier<>*> wb;
    for (unsigned w = 0; w < (block + 31) / 32; w++) wb.push_back(new std::barrier<>(32));
    g_warp_bars = wb;
    std::vector<std::thread> ts;
    for (unsigned t = 0; t < block; t++)
      ts.emplace_back([&, t, b] { threadIdx = {t, 0, 0}; blockIdx = {b % grid, b / grid, 0}; f(); });
    for (auto& t : ts) t.join();
    for (auto* p : wb) delete p;
  }
}
