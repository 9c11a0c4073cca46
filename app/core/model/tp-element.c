/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tp-element.h"

typedef struct
{
  char *id;
} TpElementPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TpElement, tp_element, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tp_element_finalize (GObject *object)
{
  TpElementPrivate *priv = tp_element_get_instance_private (TP_ELEMENT (object));

  g_free (priv->id);

  G_OBJECT_CLASS (tp_element_parent_class)->finalize (object);
}

static void
tp_element_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TpElementPrivate *priv = tp_element_get_instance_private (TP_ELEMENT (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_element_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TpElementPrivate *priv = tp_element_get_instance_private (TP_ELEMENT (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_free (priv->id);
      priv->id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_element_class_init (TpElementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_element_finalize;
  object_class->get_property = tp_element_get_property;
  object_class->set_property = tp_element_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_element_init (TpElement *self)
{
}

const char *
tp_element_get_id (TpElement *self)
{
  TpElementPrivate *priv;

  g_return_val_if_fail (TP_IS_ELEMENT (self), NULL);

  priv = tp_element_get_instance_private (self);
  return priv->id;
}

static gboolean
is_xml_char (gunichar c)
{
  return c == '\t' || c == '\n'
         || (c >= 0x20 && c <= 0xD7FF)
         || (c >= 0xE000 && c <= 0xFFFD)
         || (c >= 0x10000 && c <= 0x10FFFF);
}

/* TRUE when tp_text_normalize() would return @text unchanged: valid UTF-8
 * (which already excludes surrogates and values past U+10FFFF) without \r,
 * other C0 controls than \t and \n, U+FFFE or U+FFFF. Almost all text is. */
static gboolean
is_normal_text (const char *text,
                gsize      *length)
{
  const guchar *p = (const guchar *) text;
  gboolean ascii = TRUE;

  for (; *p != '\0'; p++)
    {
      if (*p < 0x20 && *p != '\t' && *p != '\n')
        return FALSE;
      if (*p >= 0x80)
        {
          ascii = FALSE;
          /* U+FFFE and U+FFFF are EF BF BE and EF BF BF. */
          if (*p == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
            return FALSE;
        }
    }

  *length = (const char *) p - text;
  return ascii || g_utf8_validate_len (text, *length, NULL);
}

char *
tp_text_normalize (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  gsize length;

  if (text == NULL)
    return g_strdup ("");

  if (is_normal_text (text, &length))
    return g_memdup2 (text, length + 1);

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          /* \r\n and a lone \r both become \n, as an XML reader would read them. */
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else if (is_xml_char (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

gboolean
tp_set_text_field (char       **field,
                   const char  *value)
{
  g_autofree char *normalized = tp_text_normalize (value);

  if (g_strcmp0 (*field, normalized) == 0)
    return FALSE;

  g_free (*field);
  *field = g_steal_pointer (&normalized);
  return TRUE;
}

GParamSpec *
tp_param_spec_text (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

/* Number fields (int, enum or boolean properties) are kept as ints: stored
 * and notified only on change, read from and written to a GValue of any of
 * those types. */
static void
tp_set_number_field (GObject    *object,
                     int        *field,
                     int         value,
                     GParamSpec *pspec)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (object, pspec);
}

static int
tp_value_get_number (const GValue *value)
{
  if (G_VALUE_HOLDS_ENUM (value))
    return g_value_get_enum (value);
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_value_get_boolean (value);
  return g_value_get_int (value);
}

static void
tp_value_set_number (GValue *value,
                     int     number)
{
  if (G_VALUE_HOLDS_ENUM (value))
    g_value_set_enum (value, number);
  else if (G_VALUE_HOLDS_BOOLEAN (value))
    g_value_set_boolean (value, number);
  else
    g_value_set_int (value, number);
}

GParamSpec *
tp_param_spec_range (const char *name,
                     int         min,
                     int         max,
                     int         default_value)
{
  return g_param_spec_int (name, NULL, NULL, min, max, default_value,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

GParamSpec *
tp_param_spec_choice (const char *name,
                      GType       enum_type,
                      int         default_value)
{
  return g_param_spec_enum (name, NULL, NULL, enum_type, default_value,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

void
tp_fields_init (const TpFields *fields)
{
  for (guint i = 1; i <= fields->last_text; i++)
    fields->text[i] = g_strdup ("");
}

void
tp_fields_finalize (const TpFields *fields)
{
  for (guint i = 0; i <= fields->last_text; i++)
    g_free (fields->text[i]);
}

void
tp_fields_get_property (const TpFields *fields,
                        GObject        *object,
                        guint           prop_id,
                        GValue         *value,
                        GParamSpec     *pspec)
{
  if (prop_id > 0 && prop_id <= fields->last_text)
    g_value_set_string (value, fields->text[prop_id]);
  else if (prop_id >= fields->first_number && prop_id < fields->n_props)
    tp_value_set_number (value, fields->number[prop_id - fields->first_number]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

void
tp_fields_set_property (const TpFields *fields,
                        GObject        *object,
                        guint           prop_id,
                        const GValue   *value,
                        GParamSpec     *pspec)
{
  if (prop_id > 0 && prop_id <= fields->last_text)
    {
      if (tp_set_text_field (&fields->text[prop_id], g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
    }
  else if (prop_id >= fields->first_number && prop_id < fields->n_props)
    tp_set_number_field (object, &fields->number[prop_id - fields->first_number],
                         tp_value_get_number (value), pspec);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}
