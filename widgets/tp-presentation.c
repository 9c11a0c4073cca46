/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "tp-presentation.h"

/* The slides come from the core (tp-slides.h), the same drawing as the
 * PDF deck; this window only shows one at a time, scaled to the screen,
 * with a small counter. */

/* The counter, in slide units: as small as slide text may be. */
#define COUNTER_SIZE TP_SLIDES_MIN_TEXT

struct _TpPresentation
{
  GtkWindow        parent_instance;

  GtkWidget       *area;
  TpJourney       *journey;   /* a snapshot */
  TpSlidesOptions  options;
  GHashTable      *hidden_departments;
  TpSlides        *slides;
  guint            index;
};

G_DEFINE_FINAL_TYPE (TpPresentation, tp_presentation, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_INDEX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
draw_counter (TpPresentation *self,
              cairo_t        *cr,
              int             width,
              int             height)
{
  double scale = MIN (width / TP_SLIDES_WIDTH, height / TP_SLIDES_HEIGHT);
  double x0 = (width - TP_SLIDES_WIDTH * scale) / 2, y0 = (height - TP_SLIDES_HEIGHT * scale) / 2;
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, Sans");
  int text_width, text_height;

  /* Translators: the slide counter of the presentation, “3 / 7” */
  text = g_strdup_printf (_("%u / %u"), self->index + 1, tp_slides_get_n_slides (self->slides));
  layout = pango_cairo_create_layout (cr);
  pango_font_description_set_absolute_size (font, COUNTER_SIZE * scale * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);

  /* Top right, in the margin above the slide's header. */
  if (self->options.dark)
    cairo_set_source_rgba (cr, 1, 1, 1, 0.55);
  else
    cairo_set_source_rgba (cr, 0, 0, 0, 0.55);
  cairo_move_to (cr, x0 + (TP_SLIDES_WIDTH - 24) * scale - text_width, y0 + 6 * scale);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_slide (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  TpPresentation *self = TP_PRESENTATION (user_data);

  tp_slides_draw_slide (self->slides, cr, self->index, width, height, NULL);
  draw_counter (self, cr, width, height);
}

void
tp_presentation_set_index (TpPresentation *self,
                           guint           index)
{
  g_return_if_fail (TP_IS_PRESENTATION (self));

  index = MIN (index, tp_slides_get_n_slides (self->slides) - 1);
  if (index == self->index)
    return;
  self->index = index;
  gtk_widget_queue_draw (self->area);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
}

guint
tp_presentation_get_index (TpPresentation *self)
{
  g_return_val_if_fail (TP_IS_PRESENTATION (self), 0);
  return self->index;
}

TpSlides *
tp_presentation_get_slides (TpPresentation *self)
{
  g_return_val_if_fail (TP_IS_PRESENTATION (self), NULL);
  return self->slides;
}

gboolean
tp_presentation_get_dark (TpPresentation *self)
{
  g_return_val_if_fail (TP_IS_PRESENTATION (self), FALSE);
  return self->options.dark;
}

static void
rebuild (TpPresentation *self)
{
  g_clear_pointer (&self->slides, tp_slides_unref);
  self->slides = tp_slides_new (self->journey, &self->options);
  self->index = MIN (self->index, tp_slides_get_n_slides (self->slides) - 1);
  gtk_widget_queue_draw (self->area);
}

/* The keys: a capturing controller, since GtkWindow's own bindings would
 * take the arrows (focus moves) and Space (activation) first. */
static const struct {
  guint       key;
  const char *action;
} bindings[] = {
  { GDK_KEY_Right, "presentation.next" },
  { GDK_KEY_space, "presentation.next" },
  { GDK_KEY_Page_Down, "presentation.next" },
  { GDK_KEY_Down, "presentation.next" },
  { GDK_KEY_KP_Right, "presentation.next" },
  { GDK_KEY_Left, "presentation.previous" },
  { GDK_KEY_Page_Up, "presentation.previous" },
  { GDK_KEY_Up, "presentation.previous" },
  { GDK_KEY_BackSpace, "presentation.previous" },
  { GDK_KEY_KP_Left, "presentation.previous" },
  { GDK_KEY_Home, "presentation.first" },
  { GDK_KEY_End, "presentation.last" },
  { GDK_KEY_d, "presentation.toggle-dark" },
  { GDK_KEY_Escape, "presentation.close" },
};
static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TpPresentation *self = TP_PRESENTATION (widget);
  guint last = tp_slides_get_n_slides (self->slides) - 1;

  if (g_str_equal (action_name, "presentation.next"))
    tp_presentation_set_index (self, MIN (self->index + 1, last));
  else if (g_str_equal (action_name, "presentation.previous"))
    tp_presentation_set_index (self, self->index > 0 ? self->index - 1 : 0);
  else if (g_str_equal (action_name, "presentation.first"))
    tp_presentation_set_index (self, 0);
  else if (g_str_equal (action_name, "presentation.last"))
    tp_presentation_set_index (self, last);
}

static void
toggle_dark_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TpPresentation *self = TP_PRESENTATION (widget);

  self->options.dark = !self->options.dark;
  rebuild (self);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
tp_presentation_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TpPresentation *self = TP_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_presentation_finalize (GObject *object)
{
  TpPresentation *self = TP_PRESENTATION (object);

  g_clear_pointer (&self->slides, tp_slides_unref);
  g_clear_pointer (&self->hidden_departments, g_hash_table_unref);
  g_clear_object (&self->journey);
  G_OBJECT_CLASS (tp_presentation_parent_class)->finalize (object);
}

static void
tp_presentation_class_init (TpPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);


  object_class->get_property = tp_presentation_get_property;
  object_class->finalize = tp_presentation_finalize;

  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presentation.toggle-dark", NULL, toggle_dark_action);
  gtk_widget_class_install_action (widget_class, "presentation.close", NULL, close_action);
}

static void
tp_presentation_init (TpPresentation *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (bindings[i].key, 0),
                                                            gtk_named_action_new (bindings[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  self->area = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_slide, self, NULL);
  /* Nothing to point at: the keys do everything. */
  gtk_widget_set_cursor_from_name (self->area, "none");
  gtk_window_set_child (GTK_WINDOW (self), self->area);
  gtk_window_set_decorated (GTK_WINDOW (self), FALSE);
  gtk_window_set_title (GTK_WINDOW (self), _("Presentation"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
}

static void
options_from_canvas (TpSlidesOptions *options,
                     TpCanvas        *canvas)
{
  tp_slides_options_init (options);
  options->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  if (canvas != NULL)
    {
      g_object_get (canvas, "show-employee-overlay", &options->show_employee_layer, NULL);
      options->hidden_departments = tp_canvas_get_hidden_departments (canvas);
    }
}

TpPresentation *
tp_presentation_new (GtkWindow *parent,
                     TpJourney *journey,
                     TpCanvas  *canvas)
{
  TpPresentation *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);
  g_return_val_if_fail (canvas == NULL || TP_IS_CANVAS (canvas), NULL);

  self = g_object_new (TP_TYPE_PRESENTATION, NULL);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }
  self->journey = tp_journey_snapshot (journey);
  options_from_canvas (&self->options, canvas);
  /* A copy: the window's filter may change while we show. */
  if (self->options.hidden_departments != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      self->hidden_departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_iter_init (&iter, self->options.hidden_departments);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (self->hidden_departments, g_strdup (key));
    }
  self->options.hidden_departments = self->hidden_departments;
  self->slides = tp_slides_new (self->journey, &self->options);

  /* On the window's monitor (the projector, when the window is there);
   * its size too, for a desktop without a window manager to ask. */
  if (parent != NULL && gtk_widget_get_realized (GTK_WIDGET (parent)))
    {
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (parent));
      GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface);

      if (monitor != NULL)
        {
          GdkRectangle geometry;

          gdk_monitor_get_geometry (monitor, &geometry);
          gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
          gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
          return self;
        }
    }
  gtk_window_fullscreen (GTK_WINDOW (self));
  return self;
}

/* ------------------------------------------------------------ PDF export */

typedef struct {
  GtkWindow       *parent;
  TpSlides        *slides;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->parent);
  g_clear_pointer (&data->slides, tp_slides_unref);
  g_free (data);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  ExportData *data = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && !tp_slides_export_to_file (data->slides, file, NULL, FALSE, NULL, NULL, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (data->parent, _("Could not export the slides"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  export_data_free (data);
  g_object_unref (chooser);
}

void
tp_presentation_export_pdf (GtkWindow  *parent,
                            TpJourney  *journey,
                            TpCanvas   *canvas,
                            const char *basename)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(TpJourney) snapshot = NULL;
  g_autofree char *name = NULL;
  ExportData *data;
  TpSlidesOptions options;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (TP_IS_JOURNEY (journey));

  /* Paper and projectors read best dark on light, whatever the desktop. */
  options_from_canvas (&options, canvas);
  options.dark = FALSE;
  snapshot = tp_journey_snapshot (journey);
  data = g_new0 (ExportData, 1);
  data->parent = g_object_ref (parent);
  data->slides = tp_slides_new (snapshot, &options);

  chooser = gtk_file_chooser_native_new (_("Export Slides"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested file name of a slide deck; %s is the
   * journey's file name without its extension */
  {
    g_autofree char *stem = g_strdup (basename != NULL && *basename != '\0' ? basename : _("Journey"));

    if (g_str_has_suffix (stem, ".journey"))
      stem[strlen (stem) - strlen (".journey")] = '\0';
    name = g_strdup_printf (_("%s slides.pdf"), stem);
  }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
