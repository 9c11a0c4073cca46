/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tp-opportunity.h"

/* Text properties come first so they index the text[] array directly;
 * number properties follow and index number[]. */
enum {
  PROP_0,
  PROP_TEXT,
  PROP_OWNER,
  PROP_TOUCHPOINT_ID,
  PROP_STAGE_ID,
  PROP_DEPARTMENT,
  PROP_DUE,
  LAST_TEXT_PROP = PROP_DUE,
  PROP_STATUS,
  FIRST_NUMBER_PROP = PROP_STATUS,
  PROP_IMPACT,
  PROP_EFFORT,
  N_PROPS
};

#define NUMBER(self, prop) ((self)->number[(prop) - FIRST_NUMBER_PROP])
#define FIELDS(self) (&(TpFields) { (self)->text, LAST_TEXT_PROP, (self)->number, FIRST_NUMBER_PROP, N_PROPS })

struct _TpOpportunity
{
  TpElement parent_instance;
  char *text[LAST_TEXT_PROP + 1];
  int number[N_PROPS - FIRST_NUMBER_PROP];
};

G_DEFINE_FINAL_TYPE (TpOpportunity, tp_opportunity, TP_TYPE_ELEMENT)

static GParamSpec *properties[N_PROPS];

static void
tp_opportunity_finalize (GObject *object)
{
  TpOpportunity *self = TP_OPPORTUNITY (object);

  tp_fields_finalize (FIELDS (self));

  G_OBJECT_CLASS (tp_opportunity_parent_class)->finalize (object);
}

static void
tp_opportunity_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TpOpportunity *self = TP_OPPORTUNITY (object);

  tp_fields_get_property (FIELDS (self), object, prop_id, value, pspec);
}

static void
tp_opportunity_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TpOpportunity *self = TP_OPPORTUNITY (object);

  if (prop_id == PROP_DUE && !tp_date_is_valid (g_value_get_string (value)))
    {
      g_warning ("“%s” is not a date (YYYY-MM-DD)", g_value_get_string (value));
      return;
    }

  tp_fields_set_property (FIELDS (self), object, prop_id, value, pspec);
}

static void
tp_opportunity_class_init (TpOpportunityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TpElementClass *element_class = TP_ELEMENT_CLASS (klass);

  object_class->finalize = tp_opportunity_finalize;
  object_class->get_property = tp_opportunity_get_property;
  object_class->set_property = tp_opportunity_set_property;
  element_class->id_prefix = "o";

  properties[PROP_TEXT] = tp_param_spec_text ("text");
  properties[PROP_OWNER] = tp_param_spec_text ("owner");
  properties[PROP_TOUCHPOINT_ID] = tp_param_spec_text ("touchpoint-id");
  properties[PROP_STAGE_ID] = tp_param_spec_text ("stage-id");
  properties[PROP_DEPARTMENT] = tp_param_spec_text ("department");
  properties[PROP_DUE] = tp_param_spec_text ("due");
  properties[PROP_STATUS] =
    tp_param_spec_choice ("status", TP_TYPE_OPPORTUNITY_STATUS, TP_OPPORTUNITY_STATUS_IDEA);
  properties[PROP_IMPACT] = tp_param_spec_range ("impact", 0, TP_RATING_MAX, 0);
  properties[PROP_EFFORT] = tp_param_spec_range ("effort", 0, TP_RATING_MAX, 0);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_opportunity_init (TpOpportunity *self)
{
  tp_fields_init (FIELDS (self));
}

TpOpportunity *
tp_opportunity_new (const char *id,
                    const char *text)
{
  return g_object_new (TP_TYPE_OPPORTUNITY, "id", id, "text", text, NULL);
}

#define TEXT_GETTER(name, PROP) \
  const char * \
  tp_opportunity_get_##name (TpOpportunity *self) \
  { \
    g_return_val_if_fail (TP_IS_OPPORTUNITY (self), NULL); \
    return self->text[PROP]; \
  }

TEXT_GETTER (text, PROP_TEXT)
TEXT_GETTER (owner, PROP_OWNER)
TEXT_GETTER (touchpoint_id, PROP_TOUCHPOINT_ID)
TEXT_GETTER (stage_id, PROP_STAGE_ID)
TEXT_GETTER (department, PROP_DEPARTMENT)
TEXT_GETTER (due, PROP_DUE)

#define NUMBER_GETTER(type, name, PROP, fallback) \
  type \
  tp_opportunity_get_##name (TpOpportunity *self) \
  { \
    g_return_val_if_fail (TP_IS_OPPORTUNITY (self), fallback); \
    return (type) NUMBER (self, PROP); \
  }

NUMBER_GETTER (TpOpportunityStatus, status, PROP_STATUS, TP_OPPORTUNITY_STATUS_IDEA)
NUMBER_GETTER (int, impact, PROP_IMPACT, 0)
NUMBER_GETTER (int, effort, PROP_EFFORT, 0)

gboolean
tp_opportunity_is_open (TpOpportunity *self)
{
  g_return_val_if_fail (TP_IS_OPPORTUNITY (self), FALSE);
  return tp_opportunity_status_is_open (NUMBER (self, PROP_STATUS));
}

int
tp_opportunity_get_priority (TpOpportunity *self)
{
  int impact, effort;

  g_return_val_if_fail (TP_IS_OPPORTUNITY (self), 0);
  impact = NUMBER (self, PROP_IMPACT);
  effort = NUMBER (self, PROP_EFFORT);
  if (impact == 0 || effort == 0)
    return 0;
  return impact * (TP_RATING_MAX + 1 - effort);
}

const char *
tp_priority_get_display_name (int priority)
{
  if (priority >= TP_PRIORITY_HIGH)
    return _("High");
  if (priority >= TP_PRIORITY_MEDIUM)
    return _("Medium");
  if (priority > 0)
    return _("Low");
  return "";
}

gboolean
tp_date_is_valid (const char *text)
{
  guint64 year, month, day;

  if (text == NULL || *text == '\0')
    return TRUE;
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1
         && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}
