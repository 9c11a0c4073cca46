/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkFileChooserNative *tp_export_chooser_new (GtkWindow           *parent,
                                             const char          *title,
                                             const char          *current_name,
                                             const char          *mime_type,
                                             AdwComboRow         *format_row,
                                             const char          *fallback_filter_name,
                                             GSettings           *settings);

AdwComboRow          *tp_export_add_combo   (AdwPreferencesGroup *group,
                                             const char          *title,
                                             const char * const  *items);

G_END_DECLS
