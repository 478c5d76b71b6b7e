#ifndef MINERISK_CCRYPTO_SHIM_H
#define MINERISK_CCRYPTO_SHIM_H
// OpenSSL's libcrypto as Debian ships it (libssl-dev): SHA-256 of the input files, with the CPU's SHA
// instructions where it has them.
#include <openssl/evp.h>
#endif
