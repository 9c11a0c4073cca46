/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-lane.h"

struct _TpLane
{
  TpElement parent_instance;
  char *name;
  TpLaneKind kind;
};

G_DEFINE_FINAL_TYPE (TpLane, tp_lane, TP_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tp_lane_finalize (GObject *object)
{
  TpLane *self = TP_LANE (object);

  g_free (self->name);

  G_OBJECT_CLASS (tp_lane_parent_class)->finalize (object);
}

static void
tp_lane_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  TpLane *self = TP_LANE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_lane_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  TpLane *self = TP_LANE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      if (tp_set_text_field (&self->name, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_KIND:
      if (self->kind != (TpLaneKind) g_value_get_enum (value))
        {
          self->kind = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_lane_class_init (TpLaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TpElementClass *element_class = TP_ELEMENT_CLASS (klass);

  object_class->finalize = tp_lane_finalize;
  object_class->get_property = tp_lane_get_property;
  object_class->set_property = tp_lane_set_property;
  element_class->id_prefix = "l";

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, TP_TYPE_LANE_KIND, TP_LANE_KIND_TOUCHPOINTS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_lane_init (TpLane *self)
{
  self->name = g_strdup ("");
  self->kind = TP_LANE_KIND_TOUCHPOINTS;
}

TpLane *
tp_lane_new (const char *id,
             const char *name,
             TpLaneKind  kind)
{
  return g_object_new (TP_TYPE_LANE, "id", id, "name", name, "kind", kind, NULL);
}

const char *
tp_lane_get_name (TpLane *self)
{
  g_return_val_if_fail (TP_IS_LANE (self), NULL);
  return self->name;
}

TpLaneKind
tp_lane_get_kind (TpLane *self)
{
  g_return_val_if_fail (TP_IS_LANE (self), TP_LANE_KIND_TOUCHPOINTS);
  return self->kind;
}
