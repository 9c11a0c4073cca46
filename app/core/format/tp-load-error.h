/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TP_LOAD_ERROR (tp_load_error_quark ())

/* Why a journey file could not be opened. */
typedef enum {
  TP_LOAD_ERROR_IO,            /* cannot read */
  TP_LOAD_ERROR_TOO_LARGE,     /* over the size cap */
  TP_LOAD_ERROR_SYNTAX,        /* not well-formed XML / not XML / truncated */
  TP_LOAD_ERROR_FORBIDDEN,     /* DOCTYPE / entities: refused for safety */
  TP_LOAD_ERROR_TOO_DEEP,      /* nesting over the limit */
  TP_LOAD_ERROR_INVALID,       /* well-formed but not a valid journey (used by the format reader) */
  TP_LOAD_ERROR_NEWER_VERSION, /* written by a newer Touchpoint (used by the format reader) */
} TpLoadError;

GQuark tp_load_error_quark (void);

G_END_DECLS
