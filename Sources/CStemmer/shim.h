// Snowball stemmer from Debian's libstemmer-dev.
#include <libstemmer.h>
