/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tp-journey-format.h"
#include "tp-sample.h"
#include "tp-templates.h"

/* Keep in step with data/meson.build; tests/test-template-catalogue.c
 * checks that every template there is here and bundled. */
static const TpTemplateInfo templates[] = {
  { "blank-human-lifecycle", TRUE },
  { "blank-consumer-journey", TRUE },
  { "blank-customer-journey", TRUE },
  { "blank-user-journey", TRUE },
  { "hospital", FALSE },
  { "newspaper-holiday-stop", FALSE },
  { "hotel-never-says-no", FALSE },
  { "moving-to-a-flat", FALSE },
  { "telecom-roaming-notice", FALSE },
  { "windscreen-repair", FALSE },
  { "parcel-delivery", FALSE },
};

const TpTemplateInfo *
tp_templates_get_all (guint *n_templates)
{
  if (n_templates != NULL)
    *n_templates = G_N_ELEMENTS (templates);
  return templates;
}

gboolean
tp_templates_prefer_dutch (const char * const *languages)
{
  /* One rule for the sample and the templates, so that they never differ. */
  return g_str_equal (tp_sample_resource_for_languages (languages), TP_SAMPLE_RESOURCE_NL);
}

char *
tp_template_dup_resource_path (const char *name,
                               gboolean    dutch)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_strconcat (TP_TEMPLATES_RESOURCE_FOLDER, name, dutch ? ".nl.journey" : ".journey", NULL);
}

TpJourney *
tp_template_load (const char  *name,
                  gboolean     dutch,
                  GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length = 0;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = tp_template_dup_resource_path (name, dutch);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return tp_journey_format_read (data, length, strrchr (path, '/') + 1, error);
}
