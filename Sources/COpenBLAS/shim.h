// OpenBLAS's CBLAS interface from Debian's libopenblas-dev (cblas.h lives in the
// multiarch include directory, e.g. /usr/include/x86_64-linux-gnu/).
#include <cblas.h>
