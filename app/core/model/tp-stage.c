/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-stage.h"

struct _TpStage
{
  TpElement parent_instance;
  char *name;
  char *description;
};

G_DEFINE_FINAL_TYPE (TpStage, tp_stage, TP_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tp_stage_finalize (GObject *object)
{
  TpStage *self = TP_STAGE (object);

  g_free (self->name);
  g_free (self->description);

  G_OBJECT_CLASS (tp_stage_parent_class)->finalize (object);
}

static void
tp_stage_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  TpStage *self = TP_STAGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_stage_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  TpStage *self = TP_STAGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      if (tp_set_text_field (&self->name, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_DESCRIPTION:
      if (tp_set_text_field (&self->description, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_stage_class_init (TpStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TpElementClass *element_class = TP_ELEMENT_CLASS (klass);

  object_class->finalize = tp_stage_finalize;
  object_class->get_property = tp_stage_get_property;
  object_class->set_property = tp_stage_set_property;
  element_class->id_prefix = "s";

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_stage_init (TpStage *self)
{
  self->name = g_strdup ("");
  self->description = g_strdup ("");
}

TpStage *
tp_stage_new (const char *id,
              const char *name)
{
  return g_object_new (TP_TYPE_STAGE, "id", id, "name", name, NULL);
}

const char *
tp_stage_get_name (TpStage *self)
{
  g_return_val_if_fail (TP_IS_STAGE (self), NULL);
  return self->name;
}

const char *
tp_stage_get_description (TpStage *self)
{
  g_return_val_if_fail (TP_IS_STAGE (self), NULL);
  return self->description;
}
