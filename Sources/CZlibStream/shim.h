#ifndef MINERISK_CZLIB_SHIM_H
#define MINERISK_CZLIB_SHIM_H
// zlib as Debian ships it (zlib1g-dev; the module is not called CZlib because ZIPFoundation has one): the monitoring readings are read from .csv.gz exports by
// streaming inflate, and the synthetic readings are written by deflate.
#include <zlib.h>
#endif
