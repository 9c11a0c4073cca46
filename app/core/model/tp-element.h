/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TP_TYPE_ELEMENT (tp_element_get_type ())
G_DECLARE_DERIVABLE_TYPE (TpElement, tp_element, TP, ELEMENT, GObject)

/* Base of everything in a journey that has a stable id: stages, lanes,
 * touchpoints, employee notes and opportunities. */
struct _TpElementClass
{
  GObjectClass parent_class;

  /* Prefix for generated ids ("t" gives "t1", "t2", ...). */
  const char *id_prefix;
};

const char *tp_element_get_id (TpElement *self);

/* Normalises text for the model so it survives a save/load round trip:
 * valid UTF-8, line ends as \n, no control characters XML cannot carry. */
char       *tp_text_normalize (const char *text);

/* For property setters: replaces *field with a normalised copy of @value.
 * Returns TRUE when the stored text changed. */
gboolean    tp_set_text_field (char       **field,
                               const char  *value);

/* A readable, writable text property, as every free-text field of the model has. */
GParamSpec *tp_param_spec_text (const char *name);

/* Number fields (int, enum or boolean properties) kept as ints: store and
 * notify only on change; read and write a GValue of any of those types. */
void        tp_set_number_field (GObject    *object,
                                 int        *field,
                                 int         value,
                                 GParamSpec *pspec);
int         tp_value_get_number (const GValue *value);
void        tp_value_set_number (GValue       *value,
                                 int           number);
GParamSpec *tp_param_spec_range (const char *name,
                                 int         min,
                                 int         max,
                                 int         default_value);
GParamSpec *tp_param_spec_choice (const char *name,
                                  GType       enum_type,
                                  int         default_value);

G_END_DECLS
