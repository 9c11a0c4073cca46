/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TP_TYPE_APPLICATION (tp_application_get_type ())
G_DECLARE_FINAL_TYPE (TpApplication, tp_application, TP, APPLICATION, AdwApplication)

#define TP_JOURNEY_MIME_TYPE "application/x-touchpoint-journey"

TpApplication *tp_application_new              (void);
/* Recently used journeys, as "app.open-recent" items; kept up to date. */
GMenuModel    *tp_application_get_recent_menu  (TpApplication *self);
/* Records @file in the recently used files. */
void           tp_application_add_recent_file  (TpApplication *self,
                                                GFile         *file);
/* Adds the "Journey files" and "All files" filters to a file chooser. */
void           tp_application_add_file_filters (GtkFileChooser *chooser);

G_END_DECLS
