/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-load-error.h"

G_DEFINE_QUARK (tp-load-error-quark, tp_load_error)
