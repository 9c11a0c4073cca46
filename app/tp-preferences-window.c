/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-preferences-window.h"

struct _TpPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;
  GtkSpinButton *good_enough_spin;
  GtkSpinButton *moment_target_spin;
};

G_DEFINE_FINAL_TYPE (TpPreferencesWindow, tp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
tp_preferences_window_dispose (GObject *object)
{
  TpPreferencesWindow *self = TP_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tp_preferences_window_parent_class)->dispose (object);
}

static void
tp_preferences_window_class_init (TpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/ui/tp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TpPreferencesWindow, good_enough_spin);
  gtk_widget_class_bind_template_child (widget_class, TpPreferencesWindow, moment_target_spin);
}

static void
tp_preferences_window_init (TpPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "good-enough-threshold",
                   gtk_spin_button_get_adjustment (self->good_enough_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "moment-target-threshold",
                   gtk_spin_button_get_adjustment (self->moment_target_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
}

GtkWidget *
tp_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (TP_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
