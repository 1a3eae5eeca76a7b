#include "TransformerKernels.h"

#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define GB_X86 1
#endif

// MARK: - Dense layers over int8 weights
//
// A message is a few dozen rows, so a product is many dot products of one
// input row with one weight row. Each kernel takes a block of 4 rows and a
// block of weight rows at a time: a weight row is loaded and turned into
// floats once for all 4 input rows, and the input rows (a few dozen KB) stay
// in the first caches while the weights stream past once. Outputs are blocked
// outermost so that every weight byte is read from memory once per product.

/// A vector of 4 floats in the compiler's own vector type: SSE on x86, NEON on Arm.
typedef float gb_float4 __attribute__((vector_size(16)));
typedef int8_t gb_int8x4 __attribute__((vector_size(4)));

/// The 4 input rows of the block starting at `row`; past the last row, the
/// first row again (computed, never written), so one loop serves every block.
static inline void gb_row_block(const float *input, int rows, int inputs, int row, const float *block[4]) {
    for (int i = 0; i < 4; i++) block[i] = input + (size_t)(row + i < rows ? row + i : row) * inputs;
}

/// One output for each row of a block: `bias + scale × dot`; output rows are `stride` floats apart.
static inline void gb_store(float *output, int rows, int stride, int row, int feature, const float dots[4], float scale,
                            float bias) {
    for (int i = 0; i < 4 && row + i < rows; i++) output[(size_t)(row + i) * stride + feature] = bias + scale * dots[i];
}

/// Plain C: 4 lanes at a time in the compiler's vector type. Output rows are
/// `stride` floats apart, so the vector kernels can hand it their last few weight rows.
static void gb_linear_q8_generic_strided(const float *input, int rows, int inputs, const int8_t *weights,
                                         const float *scales, const float *bias, int outputs, float *output,
                                         int stride) {
    int vectorized = inputs & ~3;
    for (int feature = 0; feature < outputs; feature++) {
        const int8_t *weight = weights + (size_t)feature * inputs;
        for (int row = 0; row < rows; row += 4) {
            const float *x[4];
            gb_row_block(input, rows, inputs, row, x);
            gb_float4 sum[4] = {{0}, {0}, {0}, {0}};
            for (int k = 0; k < vectorized; k += 4) {
                gb_int8x4 bytes;
                memcpy(&bytes, weight + k, 4);
                gb_float4 w = __builtin_convertvector(bytes, gb_float4);
                for (int i = 0; i < 4; i++) {
                    gb_float4 value;
                    memcpy(&value, x[i] + k, 16);
                    sum[i] += value * w;
                }
            }
            float dots[4];
            for (int i = 0; i < 4; i++) {
                dots[i] = (sum[i][0] + sum[i][1]) + (sum[i][2] + sum[i][3]);
                for (int k = vectorized; k < inputs; k++) dots[i] += x[i][k] * (float)weight[k];
            }
            gb_store(output, rows, stride, row, feature, dots, scales[feature], bias[feature]);
        }
    }
}


#ifdef GB_X86

__attribute__((target("avx2,fma"))) static inline float gb_sum8(__m256 v) {
    __m128 half = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    half = _mm_add_ps(half, _mm_movehl_ps(half, half));
    half = _mm_add_ss(half, _mm_movehdup_ps(half));
    return _mm_cvtss_f32(half);
}

/// AVX2 with FMA: 8 lanes, blocks of 4 rows × 2 weight rows (8 accumulators of the 16 registers).
__attribute__((target("avx2,fma"))) static void gb_linear_q8_avx2(const float *input, int rows, int inputs,
                                                                    const int8_t *weights, const float *scales,
                                                                    const float *bias, int outputs, float *output,
                                                                    int stride) {
    int vectorized = inputs & ~7;
    int feature = 0;
    for (; feature + 2 <= outputs; feature += 2) {
        const int8_t *w0 = weights + (size_t)feature * inputs;
        const int8_t *w1 = w0 + inputs;
        for (int row = 0; row < rows; row += 4) {
            const float *x[4];
            gb_row_block(input, rows, inputs, row, x);
            __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
            for (int k = 0; k < vectorized; k += 8) {
                __m256 u = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_loadl_epi64((const __m128i *)(w0 + k))));
                __m256 v = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_loadl_epi64((const __m128i *)(w1 + k))));
                __m256 x0 = _mm256_loadu_ps(x[0] + k), x1 = _mm256_loadu_ps(x[1] + k);
                __m256 x2 = _mm256_loadu_ps(x[2] + k), x3 = _mm256_loadu_ps(x[3] + k);
                a0 = _mm256_fmadd_ps(x0, u, a0);
                a1 = _mm256_fmadd_ps(x1, u, a1);
                a2 = _mm256_fmadd_ps(x2, u, a2);
                a3 = _mm256_fmadd_ps(x3, u, a3);
                b0 = _mm256_fmadd_ps(x0, v, b0);
                b1 = _mm256_fmadd_ps(x1, v, b1);
                b2 = _mm256_fmadd_ps(x2, v, b2);
                b3 = _mm256_fmadd_ps(x3, v, b3);
            }
            float first[4] = {gb_sum8(a0), gb_sum8(a1), gb_sum8(a2), gb_sum8(a3)};
            float second[4] = {gb_sum8(b0), gb_sum8(b1), gb_sum8(b2), gb_sum8(b3)};
            for (int k = vectorized; k < inputs; k++) {
                for (int i = 0; i < 4; i++) {
                    first[i] += x[i][k] * (float)w0[k];
                    second[i] += x[i][k] * (float)w1[k];
                }
            }
            gb_store(output, rows, stride, row, feature, first, scales[feature], bias[feature]);
            gb_store(output, rows, stride, row, feature + 1, second, scales[feature + 1], bias[feature + 1]);
        }
    }
    if (feature < outputs) {
        // An odd last weight row: the plain loop for it alone.
        gb_linear_q8_generic_strided(input, rows, inputs, weights + (size_t)feature * inputs, scales + feature,
                                     bias + feature, 1, output + feature, stride);
    }
}

/// The sums of 16 vectors at once: lane `4i + j` of the result is the sum of
/// the 16 lanes of `v[4j + i]`. A tree of 15 adds and 30 shuffles, against
/// about 120 operations for 16 separate horizontal sums (which took a third
/// of a product's time with 384 inputs).
__attribute__((target("avx512f"))) static inline __m512 gb_sum16x16(const __m512 v[16]) {
    // Each step adds the halves of two vectors' partial sums and packs both
    // results into one vector: 16 vectors of 16 partial sums, then 8 of 8, 4 of 4, 2 of 2, 1 of 1.
    __m512 eights[8], fours[4], twos[2];
    for (int p = 0; p < 8; p++) {
        eights[p] = _mm512_add_ps(_mm512_shuffle_f32x4(v[2 * p], v[2 * p + 1], _MM_SHUFFLE(1, 0, 1, 0)),
                                  _mm512_shuffle_f32x4(v[2 * p], v[2 * p + 1], _MM_SHUFFLE(3, 2, 3, 2)));
    }
    for (int p = 0; p < 4; p++) {
        fours[p] = _mm512_add_ps(_mm512_shuffle_f32x4(eights[2 * p], eights[2 * p + 1], _MM_SHUFFLE(2, 0, 2, 0)),
                                 _mm512_shuffle_f32x4(eights[2 * p], eights[2 * p + 1], _MM_SHUFFLE(3, 1, 3, 1)));
    }
    for (int p = 0; p < 2; p++) {
        twos[p] = _mm512_add_ps(_mm512_shuffle_ps(fours[2 * p], fours[2 * p + 1], _MM_SHUFFLE(1, 0, 1, 0)),
                                _mm512_shuffle_ps(fours[2 * p], fours[2 * p + 1], _MM_SHUFFLE(3, 2, 3, 2)));
    }
    return _mm512_add_ps(_mm512_shuffle_ps(twos[0], twos[1], _MM_SHUFFLE(2, 0, 2, 0)),
                         _mm512_shuffle_ps(twos[0], twos[1], _MM_SHUFFLE(3, 1, 3, 1)));
}

/// The inner loop of the AVX-512 kernel: `sum[4j + i]` = the 16 lane-wise partial
/// dot products of input row `x[i]` with float weight row `weights + j × stride`,
/// over the first `count` columns (a positive multiple of 16).
///
/// Assembly, because it is most of a deep read's time and debug builds compile
/// C without optimisation (SwiftPM offers no safe flag to change that): written
/// as intrinsics it ran ten times slower there, which every test that reads
/// deeply would pay. It is the loop the compiler makes of the intrinsics at -O2,
/// the same multiply-adds in the same order.
__attribute__((target("avx512f"))) static void gb_block_avx512(const float *x[4], const float *weights, int stride,
                                                                 int count, __m512 sum[16]) {
    if (count <= 0) {
        for (int n = 0; n < 16; n++) sum[n] = _mm512_setzero_ps();
        return;
    }
    size_t offset = 0, end = (size_t)count * sizeof(float);
    const float *c0 = weights, *c1 = weights + stride, *c2 = weights + 2 * stride, *c3 = weights + 3 * stride;
    __asm__ volatile(
        "vpxord %%zmm0, %%zmm0, %%zmm0\n\t"
        "vmovaps %%zmm0, %%zmm1\n\t"
        "vmovaps %%zmm0, %%zmm2\n\t"
        "vmovaps %%zmm0, %%zmm3\n\t"
        "vmovaps %%zmm0, %%zmm4\n\t"
        "vmovaps %%zmm0, %%zmm5\n\t"
        "vmovaps %%zmm0, %%zmm6\n\t"
        "vmovaps %%zmm0, %%zmm7\n\t"
        "vmovaps %%zmm0, %%zmm8\n\t"
        "vmovaps %%zmm0, %%zmm9\n\t"
        "vmovaps %%zmm0, %%zmm10\n\t"
        "vmovaps %%zmm0, %%zmm11\n\t"
        "vmovaps %%zmm0, %%zmm12\n\t"
        "vmovaps %%zmm0, %%zmm13\n\t"
        "vmovaps %%zmm0, %%zmm14\n\t"
        "vmovaps %%zmm0, %%zmm15\n\t"
        "1:\n\t"
        "vmovups (%[x0],%[offset]), %%zmm16\n\t"
        "vmovups (%[x1],%[offset]), %%zmm17\n\t"
        "vmovups (%[x2],%[offset]), %%zmm18\n\t"
        "vmovups (%[x3],%[offset]), %%zmm19\n\t"
        "vmovups (%[c0],%[offset]), %%zmm20\n\t"
        "vfmadd231ps %%zmm20, %%zmm16, %%zmm0\n\t"
        "vfmadd231ps %%zmm20, %%zmm17, %%zmm1\n\t"
        "vfmadd231ps %%zmm20, %%zmm18, %%zmm2\n\t"
        "vfmadd231ps %%zmm20, %%zmm19, %%zmm3\n\t"
        "vmovups (%[c1],%[offset]), %%zmm20\n\t"
        "vfmadd231ps %%zmm20, %%zmm16, %%zmm4\n\t"
        "vfmadd231ps %%zmm20, %%zmm17, %%zmm5\n\t"
        "vfmadd231ps %%zmm20, %%zmm18, %%zmm6\n\t"
        "vfmadd231ps %%zmm20, %%zmm19, %%zmm7\n\t"
        "vmovups (%[c2],%[offset]), %%zmm20\n\t"
        "vfmadd231ps %%zmm20, %%zmm16, %%zmm8\n\t"
        "vfmadd231ps %%zmm20, %%zmm17, %%zmm9\n\t"
        "vfmadd231ps %%zmm20, %%zmm18, %%zmm10\n\t"
        "vfmadd231ps %%zmm20, %%zmm19, %%zmm11\n\t"
        "vmovups (%[c3],%[offset]), %%zmm20\n\t"
        "vfmadd231ps %%zmm20, %%zmm16, %%zmm12\n\t"
        "vfmadd231ps %%zmm20, %%zmm17, %%zmm13\n\t"
        "vfmadd231ps %%zmm20, %%zmm18, %%zmm14\n\t"
        "vfmadd231ps %%zmm20, %%zmm19, %%zmm15\n\t"
        "add $64, %[offset]\n\t"
        "cmp %[end], %[offset]\n\t"
        "jb 1b\n\t"
        "vmovups %%zmm0, 0(%[sum])\n\t"
        "vmovups %%zmm1, 64(%[sum])\n\t"
        "vmovups %%zmm2, 128(%[sum])\n\t"
        "vmovups %%zmm3, 192(%[sum])\n\t"
        "vmovups %%zmm4, 256(%[sum])\n\t"
        "vmovups %%zmm5, 320(%[sum])\n\t"
        "vmovups %%zmm6, 384(%[sum])\n\t"
        "vmovups %%zmm7, 448(%[sum])\n\t"
        "vmovups %%zmm8, 512(%[sum])\n\t"
        "vmovups %%zmm9, 576(%[sum])\n\t"
        "vmovups %%zmm10, 640(%[sum])\n\t"
        "vmovups %%zmm11, 704(%[sum])\n\t"
        "vmovups %%zmm12, 768(%[sum])\n\t"
        "vmovups %%zmm13, 832(%[sum])\n\t"
        "vmovups %%zmm14, 896(%[sum])\n\t"
        "vmovups %%zmm15, 960(%[sum])\n\t"
        : [offset] "+&r"(offset)
        : [x0] "r"(x[0]), [x1] "r"(x[1]), [x2] "r"(x[2]), [x3] "r"(x[3]), [c0] "r"(c0), [c1] "r"(c1), [c2] "r"(c2),
          [c3] "r"(c3), [end] "r"(end), [sum] "r"(sum)
        : "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12",
          "xmm13", "xmm14", "xmm15", "xmm16", "xmm17", "xmm18", "xmm19", "xmm20", "cc", "memory");
}

/// AVX-512: 16 lanes, blocks of 4 rows × 4 weight rows (16 accumulators of the 32 registers).
///
/// The 4 weight rows are turned into floats once, into a buffer that stays in
/// the first-level cache, and read from there by every block of input rows:
/// converting them again for each block took a third of the time.
__attribute__((target("avx512f"))) static void gb_linear_q8_avx512(const float *input, int rows, int inputs,
                                                                     const int8_t *weights, const float *scales,
                                                                     const float *bias, int outputs, float *output,
                                                                     int stride) {
    enum { widest = 2048 };
    if (inputs > widest) {
        gb_linear_q8_generic_strided(input, rows, inputs, weights, scales, bias, outputs, output, stride);
        return;
    }
    __attribute__((aligned(64))) float converted[4 * widest];
    int vectorized = inputs & ~15;
    int feature = 0;
    for (; feature + 4 <= outputs; feature += 4) {
        const int8_t *w = weights + (size_t)feature * inputs;
        for (int j = 0; j < 4; j++) {
            for (int k = 0; k < vectorized; k += 16) {
                __m128i bytes = _mm_loadu_si128((const __m128i *)(w + (size_t)j * inputs + k));
                _mm512_store_ps(converted + j * widest + k, _mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(bytes)));
            }
        }
        for (int row = 0; row < rows; row += 4) {
            const float *x[4];
            gb_row_block(input, rows, inputs, row, x);
            // sum[4j + i]: input row i times weight row j.
            __m512 sum[16];
            gb_block_avx512(x, converted, widest, vectorized, sum);
            // Lane 4i + j: row i, weight row j, so each 128-bit quarter is one row's 4 outputs.
            __m512 dot = gb_sum16x16(sum);
            if (vectorized == inputs) {
                // bias + scale × dot for the 4 outputs of each row at once (one rounding, as the loop below).
                __m512 scale = _mm512_broadcast_f32x4(_mm_loadu_ps(scales + feature));
                __m512 shift = _mm512_broadcast_f32x4(_mm_loadu_ps(bias + feature));
                __m512 result = _mm512_fmadd_ps(scale, dot, shift);
                float *out = output + (size_t)row * stride + feature;
                _mm_storeu_ps(out, _mm512_extractf32x4_ps(result, 0));
                if (row + 1 < rows) _mm_storeu_ps(out + stride, _mm512_extractf32x4_ps(result, 1));
                if (row + 2 < rows) _mm_storeu_ps(out + 2 * (size_t)stride, _mm512_extractf32x4_ps(result, 2));
                if (row + 3 < rows) _mm_storeu_ps(out + 3 * (size_t)stride, _mm512_extractf32x4_ps(result, 3));
                continue;
            }
            float dots[16];
            _mm512_storeu_ps(dots, dot);
            for (int j = 0; j < 4; j++) {
                const int8_t *weight = w + (size_t)j * inputs;
                float column[4];
                for (int i = 0; i < 4; i++) {
                    column[i] = dots[4 * i + j];
                    for (int k = vectorized; k < inputs; k++) column[i] += x[i][k] * (float)weight[k];
                }
                gb_store(output, rows, stride, row, feature + j, column, scales[feature + j], bias[feature + j]);
            }
        }
    }
    if (feature < outputs) {
        gb_linear_q8_generic_strided(input, rows, inputs, weights + (size_t)feature * inputs, scales + feature,
                                     bias + feature, outputs - feature, output + feature, stride);
    }
}

#endif

/// A kernel computes `outputs` features of `rows` rows; output rows are `stride` floats apart.
typedef void (*gb_linear_kernel)(const float *, int, int, const int8_t *, const float *, const float *, int, float *,
                                 int);

/// The fastest kernel this processor runs, with its name.
static gb_linear_kernel gb_choose(const char **name) {
#ifdef GB_X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) {
        *name = "avx512";
        return gb_linear_q8_avx512;
    }
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        *name = "avx2";
        return gb_linear_q8_avx2;
    }
#endif
    *name = "generic";
    return gb_linear_q8_generic_strided;
}

// Chosen on first use. Threads that race here all store the same values.
static gb_linear_kernel gb_linear_chosen;
static const char *gb_linear_name;

static gb_linear_kernel gb_linear_kernel_for_this_cpu(void) {
    gb_linear_kernel kernel = __atomic_load_n(&gb_linear_chosen, __ATOMIC_ACQUIRE);
    if (!kernel) {
        const char *name;
        kernel = gb_choose(&name);
        __atomic_store_n(&gb_linear_name, name, __ATOMIC_RELEASE);
        __atomic_store_n(&gb_linear_chosen, kernel, __ATOMIC_RELEASE);
    }
    return kernel;
}

// MARK: - A second core
//
// A message's products are too small to share out in tasks, but large enough
// (a few million multiply-adds each) that a second core halves them: one
// helper thread, started on first use, computes the second half of a
// product's output features while the caller computes the first. Each
// feature is computed by the same code as on one core, so results are
// identical to the bit. The helper spins briefly after each half, since a
// forward pass's products follow each other within microseconds, then sleeps.

/// The second half of one product, handed to the helper.
typedef struct {
    gb_linear_kernel kernel;
    const float *input;
    int rows, inputs, outputs, stride;
    const int8_t *weights;
    const float *scales, *bias;
    float *output;
} gb_half;

/// Held by the one caller using the helper; any other caller computes alone.
static pthread_mutex_t gb_helper_owner = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t gb_helper_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gb_helper_wake = PTHREAD_COND_INITIALIZER;
static gb_half gb_helper_half;
/// What became of the half handed over.
enum { gb_idle, gb_handed, gb_running, gb_done, gb_taken_back };
static int gb_helper_state = gb_idle;
/// 0: not started; 1: running; -1: not available (one core, or no thread).
static int gb_helper_status;
static pthread_once_t gb_helper_once = PTHREAD_ONCE_INIT;

/// How long the helper waits for the next half before it sleeps, in pause
/// instructions (each 10 to 140 cycles, by processor): tens of microseconds,
/// longer than the gap between a pass's products and short enough to leave
/// a busy machine's cores to others.
enum { gb_helper_spins = 2000 };

static void gb_run(gb_half half) {
    half.kernel(half.input, half.rows, half.inputs, half.weights, half.scales, half.bias, half.outputs, half.output,
                half.stride);
}

static inline void gb_pause(void) {
#ifdef GB_X86
    _mm_pause();
#endif
}

static void *gb_helper_main(void *unused) {
    (void)unused;
    for (;;) {
        int spins = 0;
        while (__atomic_load_n(&gb_helper_state, __ATOMIC_ACQUIRE) != gb_handed) {
            if (++spins < gb_helper_spins) {
                gb_pause();
                continue;
            }
            pthread_mutex_lock(&gb_helper_lock);
            while (__atomic_load_n(&gb_helper_state, __ATOMIC_ACQUIRE) != gb_handed)
                pthread_cond_wait(&gb_helper_wake, &gb_helper_lock);
            pthread_mutex_unlock(&gb_helper_lock);
        }
        // The caller may have taken the half back meanwhile.
        int handed = gb_handed;
        if (!__atomic_compare_exchange_n(&gb_helper_state, &handed, gb_running, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
            continue;
        gb_half half = gb_helper_half;
        gb_run(half);
        __atomic_store_n(&gb_helper_state, gb_done, __ATOMIC_RELEASE);
    }
    return NULL;
}

static void gb_helper_start(void) {
    pthread_t thread;
    pthread_attr_t attributes;
    int started = sysconf(_SC_NPROCESSORS_ONLN) >= 2 && pthread_attr_init(&attributes) == 0;
    if (started) {
        pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
        started = pthread_create(&thread, &attributes, gb_helper_main, NULL) == 0;
        pthread_attr_destroy(&attributes);
    }
    __atomic_store_n(&gb_helper_status, started ? 1 : -1, __ATOMIC_RELEASE);
}

/// Fewer multiply-adds than this are done on one core: handing half over costs a few microseconds.
enum { gb_split_work = 1 << 20 };

/// One panel of rows, on two cores when the product is large and the helper is free.
static void gb_linear_panel(gb_linear_kernel kernel, const float *input, int rows, int inputs, const int8_t *weights,
                            const float *scales, const float *bias, int outputs, float *output) {
    // A multiple of 4, so that both halves run the same blocks of weight rows as one core would.
    int split = (outputs / 2) & ~3;
    if ((long long)rows * inputs * outputs >= gb_split_work && split > 0) {
        pthread_once(&gb_helper_once, gb_helper_start);
        if (__atomic_load_n(&gb_helper_status, __ATOMIC_ACQUIRE) == 1 && pthread_mutex_trylock(&gb_helper_owner) == 0) {
            pthread_mutex_lock(&gb_helper_lock);
            gb_helper_half = (gb_half){.kernel = kernel,
                                       .input = input,
                                       .rows = rows,
                                       .inputs = inputs,
                                       .outputs = outputs - split,
                                       .stride = outputs,
                                       .weights = weights + (size_t)split * inputs,
                                       .scales = scales + split,
                                       .bias = bias + split,
                                       .output = output + split};
            __atomic_store_n(&gb_helper_state, gb_handed, __ATOMIC_RELEASE);
            pthread_cond_signal(&gb_helper_wake);
            pthread_mutex_unlock(&gb_helper_lock);
            kernel(input, rows, inputs, weights, scales, bias, split, output, outputs);
            // A helper that has not started yet (asleep, or waiting for a core
            // another process holds) is not waited for: the caller does its half too.
            int handed = gb_handed;
            if (__atomic_compare_exchange_n(&gb_helper_state, &handed, gb_taken_back, 0, __ATOMIC_ACQ_REL,
                                            __ATOMIC_ACQUIRE)) {
                gb_run(gb_helper_half);
            } else {
                while (__atomic_load_n(&gb_helper_state, __ATOMIC_ACQUIRE) != gb_done) gb_pause();
            }
            __atomic_store_n(&gb_helper_state, gb_idle, __ATOMIC_RELEASE);
            pthread_mutex_unlock(&gb_helper_owner);
            return;
        }
    }
    kernel(input, rows, inputs, weights, scales, bias, outputs, output, outputs);
}

void gb_linear_q8(const float *input, int rows, int inputs, const int8_t *weights, const float *scales,
                  const float *bias, int outputs, float *output) {
    gb_linear_kernel kernel = gb_linear_kernel_for_this_cpu();
    // A batch (thousands of rows) goes 64 rows at a time, so the rows being
    // multiplied (under 400 KB) and the layer's weights stay in the second-level
    // cache together. Each row's result does not depend on the others.
    enum { panel = 64 };
    for (int row = 0; row < rows; row += panel) {
        int count = rows - row < panel ? rows - row : panel;
        gb_linear_panel(kernel, input + (size_t)row * inputs, count, inputs, weights, scales, bias, outputs,
                        output + (size_t)row * outputs);
    }
}

const char *gb_kernel_name(void) {
    gb_linear_kernel_for_this_cpu();
    return __atomic_load_n(&gb_linear_name, __ATOMIC_ACQUIRE);
}

int gb_linear_q8_on(gb_kernel kernel, const float *input, int rows, int inputs, const int8_t *weights,
                    const float *scales, const float *bias, int outputs, float *output) {
    gb_linear_kernel chosen = gb_linear_q8_generic_strided;
    switch (kernel) {
    case gb_kernel_generic: break;
#ifdef GB_X86
    case gb_kernel_avx2:
        __builtin_cpu_init();
        if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("fma")) return 0;
        chosen = gb_linear_q8_avx2;
        break;
    case gb_kernel_avx512:
        __builtin_cpu_init();
        if (!__builtin_cpu_supports("avx512f")) return 0;
        chosen = gb_linear_q8_avx512;
        break;
#endif
    default: return 0;
    }
    chosen(input, rows, inputs, weights, scales, bias, outputs, output, outputs);
    return 1;
}

// MARK: - Attention

void gb_attention(const float *queryKeyValue, int count, int hidden, int heads, float *context, float *scratch) {
    int headSize = hidden / heads;
    int stride = 3 * hidden;
    float scale = 1 / sqrtf((float)headSize);
    float *scores = scratch;
    // The head's keys, transposed (`headSize × count`), so both products below
    // run along contiguous rows, which the compiler turns into vector code.
    float *keys = scratch + (size_t)count * count;
    for (int head = 0; head < heads; head++) {
        const float *query = queryKeyValue + head * headSize;
        const float *key = query + hidden;
        const float *value = query + 2 * hidden;
        for (int j = 0; j < count; j++)
            for (int d = 0; d < headSize; d++) keys[(size_t)d * count + j] = key[(size_t)j * stride + d];
        for (int i = 0; i < count; i++) {
            // Scores = Q·Kᵀ / √headSize: how much token i attends to each token j.
            float *row = scores + (size_t)i * count;
            const float *q = query + (size_t)i * stride;
            for (int j = 0; j < count; j++) row[j] = 0;
            for (int d = 0; d < headSize; d++) {
                float component = q[d];
                const float *column = keys + (size_t)d * count;
                for (int j = 0; j < count; j++) row[j] += component * column[j];
            }
            // Softmax: exp(x − row max) / sum; the max keeps exp from overflowing.
            float largest = -INFINITY;
            for (int j = 0; j < count; j++) {
                row[j] *= scale;
                largest = row[j] > largest ? row[j] : largest;
            }
            float sum = 0;
            for (int j = 0; j < count; j++) {
                row[j] = expf(row[j] - largest);
                sum += row[j];
            }
            float inverse = 1 / sum;
            for (int j = 0; j < count; j++) row[j] *= inverse;
            // Context = softmax(scores)·V, into this head's components of token i.
            float *out = context + (size_t)i * hidden + head * headSize;
            for (int d = 0; d < headSize; d++) out[d] = 0;
            for (int j = 0; j < count; j++) {
                float weight = row[j];
                const float *v = value + (size_t)j * stride;
                for (int d = 0; d < headSize; d++) out[d] += weight * v[d];
            }
        }
    }
}
