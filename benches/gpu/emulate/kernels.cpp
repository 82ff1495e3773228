// The trainers' kernels (layer norm, bias+GELU, cross-entropy, causal softmax, the optimizer's) under emu.h against f64 references and numerical
// derivatives (benches/gpu/emulate.sh builds and runs it).
#include "emu.h"
#include KERNELS
#include <cstdio>
#include <random>
static std::mt19937 rng(7);
static std::vector<float> rnd(size_t n, float s = 1.0f) {
  std::normal_distribution<float> d(0, s);
  std::vector<float> v(n);
  for (auto& x : v) x = d(rng);
  return v;
}
static double worst = 0;
static void check(const char* what, double got, double want, double tol) {
  double e = fabs(got - want) / std::max(1.0, fabs(want));
  if (e > worst) worst = e;
  if (e > tol) { printf("FAIL %s: got %.9g want %.9g\n", what, got, want); exit(1); }
}
// double references
static void ln_ref(const std::vector<double>& x, const std::vector<double>& g, const std::vector<double>& b,
                   int rows, int d, std::vector<double>& y) {
  y.assign(rows * d, 0);
  for (int r = 0; r < rows; r++) {
    double m = 0, v = 0;
    for (int c = 0; c < d; c++) m += x[r * d + c];
    m /= d;
    for (int c = 0; c < d; c++) v += (x[r * d + c] - m) * (x[r * d + c] - m);
    v /= d;
    double rs = 1 / sqrt(v + 1e-5);
    for (int c = 0; c < d; c++) y[r * d + c] = (x[r * d + c] - m) * rs * g[c] + b[c];
  }
}
static std::vector<double> D(const std::vector<float>& v) { return std::vector<double>(v.begin(), v.end()); }
static double dot(const std::vector<double>& a, const std::vector<float>& w) { double s = 0; for (size_t i = 0; i < a.size(); i++) s += a[i] * w[i]; return s; }
static double gelu(double v) { return 0.5 * v * (1 + tanh(sqrt(2 / M_PI) * v * (1 + 0.044715 * v * v))); }

int main() {
  // ---- layer norm: rows 5, d 200 (not a multiple of 128)
  for (int d : {200, 64, 256}) {
    int rows = 5;
    auto x = rnd(rows * d, 2.0f), g = rnd(d), b = rnd(d), w = rnd(rows * d);
    for (auto& v : x) v += 3.0f;
    std::vector<float> y(rows * d), out(2 * rows * d);
    launch(rows, 128, [&] { cohort_layer_norm_f32(x.data(), g.data(), b.data(), y.data(), d, 1e-5f); });
    std::vector<double> yr;
    ln_ref(D(x), D(g), D(b), rows, d, yr);
    for (int i = 0; i < rows * d; i++) check("ln fwd", y[i], yr[i], 1e-5);
    launch(rows, 128, [&] { cohort_layer_norm_bwd_f32(x.data(), g.data(), w.data(), out.data(), d, 1e-5f, rows); });
    // numeric gradients of L = sum w*y
    auto xd = D(x), gd = D(g), bd = D(b);
    for (int i = 0; i < rows * d; i += 7) {
      double h = 1e-5, o = xd[i];
      xd[i] = o + h; ln_ref(xd, gd, bd, rows, d, yr); double lp = dot(yr, w);
      xd[i] = o - h; ln_ref(xd, gd, bd, rows, d, yr); double lm = dot(yr, w);
      xd[i] = o;
      check("ln dx", out[i], (lp - lm) / (2 * h), 1e-3);
    }
    for (int c = 0; c < d; c += 5) {
      double sg = 0;  // the weight's gradient: the kernel's per-row terms summed over rows
      for (int r = 0; r < rows; r++) sg += out[rows * d + r * d + c];
      double h = 1e-5, o = gd[c];
      gd[c] = o + h; ln_ref(xd, gd, bd, rows, d, yr); double lp = dot(yr, w);
      gd[c] = o - h; ln_ref(xd, gd, bd, rows, d, yr); double lm = dot(yr, w);
      gd[c] = o;
      check("ln dg", sg, (lp - lm) / (2 * h), 1e-3);
    }
  }
  // ---- bias gelu: rows 3, f 100
  {
    int rows = 3, f = 100, n = rows * f;
    auto x = rnd(n, 2.0f), b = rnd(f), dy = rnd(n);
    std::vector<float> y(n), dx(n);
    launch(2, 256, [&] { cohort_bias_gelu_f32(x.data(), b.data(), y.data(), f, n); });
    launch(1, 128, [&] { cohort_bias_gelu_bwd_f32(x.data(), b.data(), dy.data(), dx.data(), f, n); });
    for (int i = 0; i < n; i++) {
      double v = (double)x[i] + b[i % f];
      check("gelu fwd", y[i], gelu(v), 1e-5);
      double h = 1e-5;
      check("gelu bwd", dx[i], dy[i] * (gelu(v + h) - gelu(v - h)) / (2 * h), 1e-4);
    }
  }
  // ---- cross entropy: rows 37, v 256 and 300
  for (int v : {256, 300, 50}) {
    int rows = 37;
    auto x = rnd(rows * v, 3.0f);
    std::vector<unsigned> t(rows);
    for (int r = 0; r < rows; r++) t[r] = (r * 97 + 13) % v;
    std::vector<float> loss(rows), mean(1), dx(rows * v), g = {0.7f};
    launch(rows, 128, [&] { cohort_cross_entropy_rows(x.data(), t.data(), loss.data(), v); });
    launch(1, 256, [&] { cohort_mean(loss.data(), rows, mean.data()); });
    launch(rows, 128, [&] { cohort_cross_entropy_bwd(x.data(), t.data(), g.data(), dx.data(), v, rows); });
    auto L = [&](const std::vector<double>& xd) {
      double tot = 0;
      for (int r = 0; r < rows; r++) {
        double m = -1e300, s = 0;
        for (int c = 0; c < v; c++) m = std::max(m, xd[r * v + c]);
        for (int c = 0; c < v; c++) s += exp(xd[r * v + c] - m);
        tot += m + log(s) - xd[r * v + t[r]];
      }
      return tot / rows;
    };
    auto xd = D(x);
    check("ce fwd", mean[0], L(xd), 1e-6);
    for (int i = 0; i < rows * v; i += 11) {
      double h = 1e-5, o = xd[i];
      xd[i] = o + h; double lp = L(xd); xd[i] = o - h; double lm = L(xd); xd[i] = o;
      check("ce bwd", dx[i], 0.7 * (lp - lm) / (2 * h), 1e-4);
    }
  }
  // ---- causal softmax and its backward: [1, 2, t, t + offset] scores, f32
  for (auto [t, offset] : {std::pair{5, 4}, std::pair{9, 0}, std::pair{3, 200}}) {
    int cols = t + offset, rows = 2 * t, n = rows * cols;
    float scale = 0.125f;
    auto x = rnd(n, 3.0f), g = rnd(n);
    std::vector<float> y(n), gx(n);
    launch(rows, 128, [&] { cohort_causal_softmax_f32(x.data(), y.data(), cols, t, offset, scale); });
    launch(rows, 128, [&] { cohort_causal_softmax_bwd_f32(y.data(), g.data(), gx.data(), cols, t, offset, scale); });
    auto sm = [&](const std::vector<double>& xd, std::vector<double>& yd) {
      yd.assign(n, 0);
      for (int r = 0; r < rows; r++) {
        int vis = std::min(r % t + offset + 1, cols);
        double m = -1e300, s = 0;
        for (int c = 0; c < vis; c++) m = std::max(m, scale * xd[r * cols + c]);
        for (int c = 0; c < vis; c++) s += exp(scale * xd[r * cols + c] - m);
        for (int c = 0; c < vis; c++) yd[r * cols + c] = exp(scale * xd[r * cols + c] - m) / s;
      }
    };
    auto xd = D(x);
    std::vector<double> yd;
    sm(xd, yd);
    for (int i = 0; i < n; i++) check("softmax fwd", y[i], yd[i], 1e-6);
    for (int i = 0; i < n; i += 3) {
      double h = 1e-5, o = xd[i];
      xd[i] = o + h; sm(xd, yd); double lp = dot(yd, g);
      xd[i] = o - h; sm(xd, yd); double lm = dot(yd, g);
      xd[i] = o;
      check("softmax bwd", gx[i], (lp - lm) / (2 * h), 1e-4);
    }
  }
  // ---- the optimizer: sums of squares and AdamW over a list of tensors, in one launch each
  {
    std::vector<size_t> sizes = {7, 4096, 30001};
    int count = sizes.size(), blocks = 5;
    Tensors l{};
    std::vector<std::vector<float>> p, g, m, v;
    for (int j = 0; j < count; j++) {
      p.push_back(rnd(sizes[j])); g.push_back(rnd(sizes[j], 0.1f));
      m.push_back(rnd(sizes[j], 0.01f)); v.push_back(rnd(sizes[j], 0.01f));
      for (auto& x : v[j]) x = x * x;
    }
    auto p0 = p, m0 = m, v0 = v;
    for (int j = 0; j < count; j++) {
      l.p[j] = (unsigned long long)p[j].data(); l.g[j] = (unsigned long long)g[j].data();
      l.m[j] = (unsigned long long)m[j].data(); l.v[j] = (unsigned long long)v[j].data();
      l.n[j] = sizes[j]; l.decay[j] = j == 0 ? 0.0f : 1e-4f;
    }
    std::vector<double> partial(count * blocks, -1.0), total(1);
    launch(blocks, 256, [&] { cohort_sum_sq(l, partial.data()); }, count);
    launch(1, 256, [&] { cohort_sum(partial.data(), count * blocks, total.data()); });
    double want = 0;
    for (int j = 0; j < count; j++) for (float x : g[j]) want += (double)x * x;
    check("sum of squares", total[0], want, 1e-12);
    float b1 = 0.9f, b2 = 0.95f, eps = 1e-8f, ss = 1e-3f, bc = 0.3f;
    // A loss that is not finite: nothing moves.
    for (float bad : {NAN, INFINITY}) {
      launch(3, 256, [&] { cohort_adamw(l, b1, b2, eps, ss, bc, total.data(), 0.5, &bad); }, count);
      if (p != p0 || m != m0 || v != v0) { printf("FAIL adamw moved with loss %g\n", bad); exit(1); }
    }
    // The clip factor as the host computes it (f64, then rounded to f32); the norm is about 17.
    double norm = sqrt(total[0]), grad_clip = 0.5;
    float clip = grad_clip > 0 && norm > grad_clip ? (float)(grad_clip / (norm + 1e-6)) : 1.0f;
    if (!(clip < 0.05f)) { printf("FAIL the test's gradients are not clipped (%g)\n", clip); exit(1); }
    float loss = 2.5f;
    launch(3, 256, [&] { cohort_adamw(l, b1, b2, eps, ss, bc, total.data(), grad_clip, &loss); }, count);
    for (int j = 0; j < count; j++)
      for (size_t i = 0; i < sizes[j]; i++) {
        // cohort_kernels::adamw's arithmetic, step by step in f32
        float gi = g[j][i] * clip;
        float mi = b1 * m0[j][i] + (1.0f - b1) * gi;
        float vi = b2 * v0[j][i] + (1.0f - b2) * gi * gi;
        float denom = sqrtf(vi) / bc + eps;
        float pi = p0[j][i];
        float want_p = pi - (pi * l.decay[j] + ss * mi / denom);
        if (p[j][i] != want_p || m[j][i] != mi || v[j][i] != vi) {
          printf("FAIL adamw tensor %d [%zu]\n", j, i);
          exit(1);
        }
      }
  }
  printf("all kernels match (worst relative error %.3g)\n", worst);
}
