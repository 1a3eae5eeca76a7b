// The transformer encoder's matrix products, for the few dozen rows a message has.
//
// The weights stay int8 with one float scale per output row, as the model file
// stores them: nothing is turned into floats at load, and each product reads a
// quarter of the bytes a float copy would. The products run on AVX-512 or
// AVX2 with FMA when the processor has them (chosen once, at run time), else
// on plain C. Every function is pure: it reads its inputs and writes its
// output, so any number of threads may call them at once. `gb_linear_q8`
// shares a large product with one helper thread, started on first use, when
// the machine has a second core and no other caller is using it.
#ifndef GUTBOT_TRANSFORMER_KERNELS_H
#define GUTBOT_TRANSFORMER_KERNELS_H

#include <stdint.h>

/// A dense layer over int8 weights: for each of `rows` input rows,
/// `output[r * outputs + o] = bias[o] + scales[o] * Σₖ input[r * inputs + k] * weights[o * inputs + k]`.
/// `weights` is `outputs × inputs`, row-major (one row per output feature, as PyTorch stores it).
void gb_linear_q8(const float *input, int rows, int inputs, const int8_t *weights, const float *scales,
                  const float *bias, int outputs, float *output);

/// Multi-head self-attention over one text's `count` tokens.
///
/// `queryKeyValue` holds each token's query, key and value side by side
/// (`3 × hidden` floats a row); head `h` reads components `h × headSize ..< (h + 1) × headSize`
/// of each and writes the same components of `context` (`hidden` floats a row).
/// `scratch` must hold `count × count + count × headSize` floats.
void gb_attention(const float *queryKeyValue, int count, int hidden, int heads, float *context, float *scratch);

/// Which code the products run on: "avx512", "avx2" or "generic".
const char *gb_kernel_name(void);

/// The kinds of code `gb_linear_q8` chooses from.
typedef enum { gb_kernel_generic = 0, gb_kernel_avx2 = 1, gb_kernel_avx512 = 2 } gb_kernel;

/// `gb_linear_q8` on the given kind of code, for tests (each must give the
/// same products); returns 0 without computing anything when this processor cannot run it.
int gb_linear_q8_on(gb_kernel kernel, const float *input, int rows, int inputs, const int8_t *weights,
                    const float *scales, const float *bias, int outputs, float *output);

#endif
