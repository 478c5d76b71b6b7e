#ifndef MINERISK_CLINEARALGEBRA_SHIM_H
#define MINERISK_CLINEARALGEBRA_SHIM_H
// CBLAS and LAPACKE as Debian ships them (libopenblas-dev, liblapacke-dev).
#include <cblas.h>
#include <lapacke.h>
#endif
