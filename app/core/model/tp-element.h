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

/* The fields of an element whose text properties 1..last_text index
 * text[] and whose number properties first_number..n_props - 1 index
 * number[]: what its get_property, set_property, init and finalize do. */
typedef struct {
  char  **text;
  guint   last_text;
  int    *number;
  guint   first_number;
  guint   n_props;
} TpFields;

void        tp_fields_init         (const TpFields *fields);
void        tp_fields_finalize     (const TpFields *fields);
void        tp_fields_get_property (const TpFields *fields,
                                    GObject        *object,
                                    guint           prop_id,
                                    GValue         *value,
                                    GParamSpec     *pspec);
void        tp_fields_set_property (const TpFields *fields,
                                    GObject        *object,
                                    guint           prop_id,
                                    const GValue   *value,
                                    GParamSpec     *pspec);

GParamSpec *tp_param_spec_range (const char *name,
                                 int         min,
                                 int         max,
                                 int         default_value);
GParamSpec *tp_param_spec_choice (const char *name,
                                  GType       enum_type,
                                  int         default_value);

G_END_DECLS
