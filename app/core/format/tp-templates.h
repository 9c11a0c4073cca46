/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tp-journey.h"

G_BEGIN_DECLS

/* The journeys a new journey can start from, bundled in the application's
 * resources (data/templates, resources/touchpoint.gresource.xml): NAME.journey
 * and its Dutch twin NAME.nl.journey. The resources are the application's;
 * the core only knows where they are and how to read them. */

#define TP_TEMPLATES_RESOURCE_FOLDER "/io/github/touchpoint/Touchpoint/templates/"

typedef struct {
  const char *name;    /* "newspaper-holiday-stop" */
  gboolean    blank;   /* stages and lanes, no cards or persona */
} TpTemplateInfo;

/* Every template, in the order a gallery shows them: the blank journeys
 * from the widest scope to the narrowest, then the worked cases, the
 * bundled sample first. */
const TpTemplateInfo *tp_templates_get_all            (guint        *n_templates);

/* TRUE when the Dutch twins fit @languages (as g_get_language_names()
 * gives them) better than the English ones: the bundled sample's rule. */
gboolean              tp_templates_prefer_dutch       (const char * const *languages);

/* "/io/github/…/templates/NAME.nl.journey" (or NAME.journey). */
char                 *tp_template_dup_resource_path   (const char   *name,
                                                       gboolean      dutch);

/* Reads a template from the registered resources. Errors name the
 * template's file. */
TpJourney            *tp_template_load                (const char   *name,
                                                       gboolean      dutch,
                                                       GError      **error);

G_END_DECLS
