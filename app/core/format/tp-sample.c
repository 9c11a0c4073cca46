/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-sample.h"

/* The resource path of the bundled sample for a list of language names in
 * order of preference, as g_get_language_names() returns them: the Dutch
 * sample when Dutch comes before English or the C locale, else the English one. */
const char *
tp_sample_resource_for_languages (const char * const *languages)
{
  if (languages == NULL)
    return TP_SAMPLE_RESOURCE_EN;

  for (gsize i = 0; languages[i] != NULL; i++)
    {
      const char *name = languages[i];

      if (g_str_has_prefix (name, "nl") && (name[2] == '\0' || name[2] == '_' || name[2] == '.' || name[2] == '@'))
        return TP_SAMPLE_RESOURCE_NL;
      if ((g_str_has_prefix (name, "en") && (name[2] == '\0' || name[2] == '_' || name[2] == '.' || name[2] == '@'))
          || g_str_equal (name, "C") || g_str_has_prefix (name, "C.")
          || g_str_equal (name, "POSIX"))
        return TP_SAMPLE_RESOURCE_EN;
    }

  return TP_SAMPLE_RESOURCE_EN;
}
