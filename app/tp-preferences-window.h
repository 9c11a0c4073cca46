/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TP_TYPE_PREFERENCES_WINDOW (tp_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (TpPreferencesWindow, tp_preferences_window, TP, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Edits the application's settings: the defaults new journeys start with. */
GtkWidget *tp_preferences_window_new (GtkWindow *parent);

G_END_DECLS
