/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-opportunity.h"

enum {
  PROP_0,
  PROP_TEXT,
  PROP_OWNER,
  PROP_TOUCHPOINT_ID,
  N_PROPS
};

struct _TpOpportunity
{
  TpElement parent_instance;
  char *text[N_PROPS];
};

G_DEFINE_FINAL_TYPE (TpOpportunity, tp_opportunity, TP_TYPE_ELEMENT)

static GParamSpec *properties[N_PROPS];

static void
tp_opportunity_finalize (GObject *object)
{
  TpOpportunity *self = TP_OPPORTUNITY (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->text); i++)
    g_free (self->text[i]);

  G_OBJECT_CLASS (tp_opportunity_parent_class)->finalize (object);
}

static void
tp_opportunity_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TpOpportunity *self = TP_OPPORTUNITY (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    g_value_set_string (value, self->text[prop_id]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
tp_opportunity_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TpOpportunity *self = TP_OPPORTUNITY (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    {
      if (tp_set_text_field (&self->text[prop_id], g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
tp_opportunity_class_init (TpOpportunityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TpElementClass *element_class = TP_ELEMENT_CLASS (klass);
  const char *names[N_PROPS] = { NULL, "text", "owner", "touchpoint-id" };

  object_class->finalize = tp_opportunity_finalize;
  object_class->get_property = tp_opportunity_get_property;
  object_class->set_property = tp_opportunity_set_property;
  element_class->id_prefix = "o";

  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    properties[i] = tp_param_spec_text (names[i]);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_opportunity_init (TpOpportunity *self)
{
  for (guint i = 1; i < G_N_ELEMENTS (self->text); i++)
    self->text[i] = g_strdup ("");
}

TpOpportunity *
tp_opportunity_new (const char *id,
                    const char *text)
{
  return g_object_new (TP_TYPE_OPPORTUNITY, "id", id, "text", text, NULL);
}

const char *
tp_opportunity_get_text (TpOpportunity *self)
{
  g_return_val_if_fail (TP_IS_OPPORTUNITY (self), NULL);
  return self->text[PROP_TEXT];
}

const char *
tp_opportunity_get_owner (TpOpportunity *self)
{
  g_return_val_if_fail (TP_IS_OPPORTUNITY (self), NULL);
  return self->text[PROP_OWNER];
}

const char *
tp_opportunity_get_touchpoint_id (TpOpportunity *self)
{
  g_return_val_if_fail (TP_IS_OPPORTUNITY (self), NULL);
  return self->text[PROP_TOUCHPOINT_ID];
}
