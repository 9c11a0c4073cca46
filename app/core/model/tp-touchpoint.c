/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-touchpoint.h"

/* Text properties come first so they index the text[] array directly;
 * number properties follow and index number[]. */
enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_STAGE_ID,
  PROP_LANE_ID,
  PROP_DEPARTMENT,
  PROP_ROLE,
  PROP_QUOTE,
  PROP_NOTES,
  LAST_TEXT_PROP = PROP_NOTES,
  PROP_CHANNEL,
  FIRST_NUMBER_PROP = PROP_CHANNEL,
  PROP_SCORE,
  PROP_MOMENT_OF_TRUTH,
  PROP_KIND,
  PROP_EVIDENCE,
  PROP_RESPONDENTS,
  N_PROPS
};

#define NUMBER(self, prop) ((self)->number[(prop) - FIRST_NUMBER_PROP])
#define FIELDS(self) (&(TpFields) { (self)->text, LAST_TEXT_PROP, (self)->number, FIRST_NUMBER_PROP, N_PROPS })

struct _TpTouchpoint
{
  TpElement parent_instance;
  char *text[LAST_TEXT_PROP + 1];
  int number[N_PROPS - FIRST_NUMBER_PROP];
};

G_DEFINE_FINAL_TYPE (TpTouchpoint, tp_touchpoint, TP_TYPE_ELEMENT)

static GParamSpec *properties[N_PROPS];

static void
tp_touchpoint_finalize (GObject *object)
{
  TpTouchpoint *self = TP_TOUCHPOINT (object);

  tp_fields_finalize (FIELDS (self));

  G_OBJECT_CLASS (tp_touchpoint_parent_class)->finalize (object);
}

static void
tp_touchpoint_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TpTouchpoint *self = TP_TOUCHPOINT (object);

  tp_fields_get_property (FIELDS (self), object, prop_id, value, pspec);
}

static void
tp_touchpoint_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TpTouchpoint *self = TP_TOUCHPOINT (object);

  tp_fields_set_property (FIELDS (self), object, prop_id, value, pspec);
}

static void
tp_touchpoint_class_init (TpTouchpointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TpElementClass *element_class = TP_ELEMENT_CLASS (klass);

  object_class->finalize = tp_touchpoint_finalize;
  object_class->get_property = tp_touchpoint_get_property;
  object_class->set_property = tp_touchpoint_set_property;
  element_class->id_prefix = "t";

  properties[PROP_TITLE] = tp_param_spec_text ("title");
  properties[PROP_DESCRIPTION] = tp_param_spec_text ("description");
  properties[PROP_STAGE_ID] = tp_param_spec_text ("stage-id");
  properties[PROP_LANE_ID] = tp_param_spec_text ("lane-id");
  properties[PROP_DEPARTMENT] = tp_param_spec_text ("department");
  properties[PROP_ROLE] = tp_param_spec_text ("role");
  properties[PROP_QUOTE] = tp_param_spec_text ("quote");
  properties[PROP_NOTES] = tp_param_spec_text ("notes");
  properties[PROP_CHANNEL] = tp_param_spec_choice ("channel", TP_TYPE_CHANNEL, TP_CHANNEL_OTHER);
  properties[PROP_SCORE] = tp_param_spec_range ("score", TP_SCORE_UNSET, TP_SCORE_MAX, TP_SCORE_UNSET);
  properties[PROP_MOMENT_OF_TRUTH] =
    g_param_spec_boolean ("moment-of-truth", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] = tp_param_spec_choice ("kind", TP_TYPE_CARD_KIND, TP_CARD_KIND_TOUCHPOINT);
  properties[PROP_EVIDENCE] = tp_param_spec_choice ("evidence", TP_TYPE_EVIDENCE, TP_EVIDENCE_NONE);
  properties[PROP_RESPONDENTS] = tp_param_spec_range ("respondents", 0, TP_RESPONDENTS_MAX, 0);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_touchpoint_init (TpTouchpoint *self)
{
  tp_fields_init (FIELDS (self));
  NUMBER (self, PROP_CHANNEL) = TP_CHANNEL_OTHER;
}

TpTouchpoint *
tp_touchpoint_new (const char *id,
                   const char *title,
                   const char *stage_id,
                   const char *lane_id,
                   TpChannel   channel)
{
  return g_object_new (TP_TYPE_TOUCHPOINT,
                       "id", id,
                       "title", title,
                       "stage-id", stage_id,
                       "lane-id", lane_id,
                       "channel", channel,
                       NULL);
}

#define TEXT_GETTER(name, PROP) \
  const char * \
  tp_touchpoint_get_##name (TpTouchpoint *self) \
  { \
    g_return_val_if_fail (TP_IS_TOUCHPOINT (self), NULL); \
    return self->text[PROP]; \
  }

TEXT_GETTER (title, PROP_TITLE)
TEXT_GETTER (description, PROP_DESCRIPTION)
TEXT_GETTER (stage_id, PROP_STAGE_ID)
TEXT_GETTER (lane_id, PROP_LANE_ID)
TEXT_GETTER (department, PROP_DEPARTMENT)
TEXT_GETTER (role, PROP_ROLE)
TEXT_GETTER (quote, PROP_QUOTE)
TEXT_GETTER (notes, PROP_NOTES)

#define NUMBER_GETTER(type, name, PROP, fallback) \
  type \
  tp_touchpoint_get_##name (TpTouchpoint *self) \
  { \
    g_return_val_if_fail (TP_IS_TOUCHPOINT (self), fallback); \
    return (type) NUMBER (self, PROP); \
  }

NUMBER_GETTER (TpChannel, channel, PROP_CHANNEL, TP_CHANNEL_OTHER)
NUMBER_GETTER (int, score, PROP_SCORE, TP_SCORE_UNSET)
NUMBER_GETTER (gboolean, moment_of_truth, PROP_MOMENT_OF_TRUTH, FALSE)
NUMBER_GETTER (TpCardKind, kind, PROP_KIND, TP_CARD_KIND_TOUCHPOINT)
NUMBER_GETTER (TpEvidence, evidence, PROP_EVIDENCE, TP_EVIDENCE_NONE)
NUMBER_GETTER (int, respondents, PROP_RESPONDENTS, 0)

gboolean
tp_touchpoint_is_online (TpTouchpoint *self)
{
  g_return_val_if_fail (TP_IS_TOUCHPOINT (self), FALSE);
  return tp_channel_is_online (NUMBER (self, PROP_CHANNEL));
}

gboolean
tp_touchpoint_is_contact (TpTouchpoint *self)
{
  g_return_val_if_fail (TP_IS_TOUCHPOINT (self), FALSE);
  return NUMBER (self, PROP_KIND) == TP_CARD_KIND_TOUCHPOINT;
}

gboolean
tp_touchpoint_is_moment (TpTouchpoint *self)
{
  g_return_val_if_fail (TP_IS_TOUCHPOINT (self), FALSE);
  return NUMBER (self, PROP_MOMENT_OF_TRUTH) && NUMBER (self, PROP_KIND) == TP_CARD_KIND_TOUCHPOINT;
}
