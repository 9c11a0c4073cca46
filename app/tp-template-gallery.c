/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tp-layout.h"
#include "tp-open-progress.h"
#include "tp-renderer.h"
#include "tp-template-gallery.h"
#include "tp-templates.h"
#include "tp-window.h"

/* Thumbnails of the worked examples, in logical pixels. */
#define THUMBNAIL_WIDTH 208
#define THUMBNAIL_HEIGHT 104

/* What Enter opens right away: the scope most journeys are mapped at. */
#define DEFAULT_TEMPLATE "blank-customer-journey"

struct _TpTemplateGallery
{
  AdwWindow parent_instance;

  GtkSearchEntry *search_entry;
  GtkStack *stack;
  GtkWidget *blank_heading;
  GtkWidget *blank_caption;
  GtkFlowBox *blank_box;
  GtkWidget *example_heading;
  GtkWidget *example_caption;
  GtkFlowBox *example_box;

  gboolean dutch;
  /* Stops the thumbnails still being drawn when the dialog goes. */
  GCancellable *cancellable;
  char *search_key; /* case-folded; NULL: show everything */
};

G_DEFINE_FINAL_TYPE (TpTemplateGallery, tp_template_gallery, ADW_TYPE_WINDOW)

enum {
  TEMPLATE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---------------------------------------------------------------- texts */

/* One line per scope, after DOMAIN.md's scopes of a journey. */
static const char *
scope_explanation (TpScope scope)
{
  switch (scope)
    {
    case TP_SCOPE_HUMAN_LIFECYCLE:
      return _("Life phases and life events where a provider could matter");
    case TP_SCOPE_CONSUMER_JOURNEY:
      return _("Everything around a choice, from long before the first contact to long after");
    case TP_SCOPE_CUSTOMER_JOURNEY:
      return _("From the first contact with the provider to the last");
    case TP_SCOPE_USER_JOURNEY:
      return _("The actual use of the product or service");
    default:
      return "";
    }
}

/* The description's first sentence: a line under the title, not a text. */
static char *
dup_first_sentence (const char *text)
{
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  end = strstr (text, ". ");
  if (end == NULL)
    return g_strstrip (g_strdup (text));
  return g_strndup (text, end - text + 1);
}

/* "Orient · Select · Buy · Use · Leave" */
static char *
dup_stage_names (TpJourney *journey)
{
  GListModel *stages = tp_journey_get_stages (journey);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(TpStage) stage = g_list_model_get_item (stages, i);

      if (i > 0)
        g_string_append (names, " · ");
      g_string_append (names, tp_stage_get_name (stage));
    }
  return g_string_free (names, FALSE);
}

static GtkWidget *
new_label (const char *text,
           const char *css_class,
           int         lines,
           int         max_chars)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Wrapped labels ask for their whole text as one line; this keeps the
   * cards, and so the columns, of a size. */
  gtk_label_set_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_max_width_chars (GTK_LABEL (label), max_chars);
  if (lines > 0)
    {
      gtk_label_set_lines (GTK_LABEL (label), lines);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* ---------------------------------------------------------------- thumbnails */

typedef struct {
  char *name;
  gboolean dutch;
  gboolean dark;
  int scale;
} ThumbnailData;

static void
thumbnail_data_free (ThumbnailData *data)
{
  g_free (data->name);
  g_free (data);
}

/* The map's top left, filling the thumbnail, drawn as the canvas draws it;
 * from its own copy of the template, so nothing is shared with the dialog. */
static void
thumbnail_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ThumbnailData *data = task_data;
  g_autoptr(TpJourney) journey = NULL;
  g_autoptr(TpLayout) layout = NULL;
  GError *error = NULL;
  TpRenderOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height, zoom;

  if (g_task_return_error_if_cancelled (task))
    return;
  journey = tp_template_load (data->name, data->dutch, &error);
  if (journey == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  layout = tp_layout_new (journey, NULL);
  tp_layout_get_size (layout, &width, &height);
  zoom = MAX (THUMBNAIL_WIDTH / MAX (width, 1), THUMBNAIL_HEIGHT / MAX (height, 1));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, THUMBNAIL_WIDTH * data->scale,
                                        THUMBNAIL_HEIGHT * data->scale);
  tp_render_options_init (&options);
  options.palette = data->dark ? TP_PALETTE_DARK : TP_PALETTE_LIGHT;
  cr = cairo_create (surface);
  cairo_scale (cr, zoom * data->scale, zoom * data->scale);
  tp_render_journey (cr, layout, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

static void
draw_thumbnail_cb (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  cairo_surface_t *surface = g_object_get_data (G_OBJECT (area), "thumbnail");
  int scale = cairo_image_surface_get_width (surface) / THUMBNAIL_WIDTH;

  cairo_scale (cr, 1.0 / scale, 1.0 / scale);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
}

static void
on_thumbnail_drawn (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GtkDrawingArea) area = user_data;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = g_task_propagate_pointer (G_TASK (result), &error);

  if (surface == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not draw a template's thumbnail: %s", error->message);
      return;
    }
  g_object_set_data_full (G_OBJECT (area), "thumbnail", surface,
                          (GDestroyNotify) cairo_surface_destroy);
  gtk_drawing_area_set_draw_func (area, draw_thumbnail_cb, NULL, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (area), "loading");
}

/* The dialog shows at once with empty frames; the thumbnails follow from
 * worker threads. */
static GtkWidget *
new_thumbnail (TpTemplateGallery *self,
               const char        *name)
{
  GtkWidget *area = gtk_drawing_area_new ();
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, on_thumbnail_drawn, g_object_ref (area));
  ThumbnailData *data = g_new0 (ThumbnailData, 1);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), THUMBNAIL_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), THUMBNAIL_HEIGHT);
  gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
  gtk_widget_set_overflow (area, GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (area, "template-thumbnail");
  gtk_widget_add_css_class (area, "loading");

  data->name = g_strdup (name);
  data->dutch = self->dutch;
  data->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  data->scale = parent != NULL ? MAX (gtk_widget_get_scale_factor (GTK_WIDGET (parent)), 1) : 1;
  g_task_set_source_tag (task, new_thumbnail);
  g_task_set_task_data (task, data, (GDestroyNotify) thumbnail_data_free);
  g_task_run_in_thread (task, thumbnail_thread);
  return area;
}

/* ---------------------------------------------------------------- items */

static GtkWidget *
new_item (const char *name,
          GtkWidget  *content,
          const char *label,
          const char *description,
          const char *search_text)
{
  GtkWidget *child = gtk_flow_box_child_new ();

  gtk_widget_set_name (child, name);
  gtk_widget_add_css_class (child, "card");
  gtk_widget_add_css_class (child, "activatable");
  gtk_widget_add_css_class (child, "template-item");
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), content);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  g_object_set_data_full (G_OBJECT (child), "search-text",
                          g_utf8_casefold (search_text, -1), g_free);
  return child;
}

static void
add_blank (TpTemplateGallery *self,
           const char        *name,
           TpJourney         *journey)
{
  TpScope scope = tp_journey_get_scope (journey);
  const char *scope_name = tp_scope_get_display_name (scope);
  const char *explanation = scope_explanation (scope);
  g_autofree char *stages = dup_stage_names (journey);
  g_autofree char *search_text = g_strjoin ("\n", scope_name, explanation, stages,
                                            tp_journey_get_title (journey), NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_box_append (GTK_BOX (box), new_label (scope_name, "heading", 0, 30));
  gtk_box_append (GTK_BOX (box), new_label (explanation, "dim-label", 3, 30));
  gtk_box_append (GTK_BOX (box), new_label (stages, "caption", 2, 30));
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_flow_box_append (self->blank_box, new_item (name, box, scope_name, explanation, search_text));
}

static void
add_example (TpTemplateGallery *self,
             const char        *name,
             TpJourney         *journey)
{
  const char *title = tp_journey_get_title (journey);
  const char *scope_name = tp_scope_get_display_name (tp_journey_get_scope (journey));
  g_autofree char *line = dup_first_sentence (tp_journey_get_description (journey));
  g_autofree char *search_text = g_strjoin ("\n", title, scope_name,
                                            tp_journey_get_description (journey), NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *thumbnail = new_thumbnail (self, name);

  gtk_widget_set_margin_bottom (thumbnail, 6);
  gtk_box_append (GTK_BOX (box), thumbnail);
  gtk_box_append (GTK_BOX (box), new_label (title, "heading", 2, 20));
  gtk_box_append (GTK_BOX (box), new_label (line, "dim-label", 3, 20));
  gtk_box_append (GTK_BOX (box), new_label (scope_name, "caption", 1, 20));
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_flow_box_append (self->example_box, new_item (name, box, title, line, search_text));
}

static void
populate (TpTemplateGallery *self)
{
  guint n_templates;
  const TpTemplateInfo *templates = tp_templates_get_all (&n_templates);

  for (guint i = 0; i < n_templates; i++)
    {
      g_autoptr(GError) error = NULL;
      /* Templates are a few kilobytes: reading them here keeps the titles
       * in step with the files; only drawing goes to a thread. */
      g_autoptr(TpJourney) journey = tp_template_load (templates[i].name, self->dutch, &error);

      if (journey == NULL)
        {
          g_critical ("The template “%s” is not bundled: %s", templates[i].name, error->message);
          continue;
        }
      if (templates[i].blank)
        add_blank (self, templates[i].name, journey);
      else
        add_example (self, templates[i].name, journey);
    }
}

static const TpTemplateInfo *
find_template (const char *name)
{
  guint n_templates;
  const TpTemplateInfo *templates = tp_templates_get_all (&n_templates);

  for (guint i = 0; i < n_templates; i++)
    if (g_str_equal (templates[i].name, name))
      return &templates[i];
  return NULL;
}

/* ---------------------------------------------------------------- choosing */

static void
choose (TpTemplateGallery *self,
        const char        *name)
{
  const TpTemplateInfo *info = find_template (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpJourney) journey = NULL;
  g_autoptr(GtkWindow) parent = NULL;

  g_return_if_fail (info != NULL);

  /* A fresh copy: the document owns it and nothing else ever sees it. */
  journey = tp_template_load (name, self->dutch, &error);
  if (journey == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Open the Template"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* A blank journey is a new journey, with the thresholds of Preferences;
   * a worked example keeps its own, which its findings are about. */
  if (info->blank)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      g_object_set (journey,
                    "good-enough", g_settings_get_int (settings, "good-enough-threshold"),
                    "moment-target", g_settings_get_int (settings, "moment-target-threshold"),
                    NULL);
    }

  /* Out of the way before the new window shows, and no longer tied to the
   * parent, which a handler may close for the new window. */
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    g_object_ref (parent);
  g_object_ref (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  g_signal_emit (self, signals[TEMPLATE_CHOSEN], 0, journey, parent);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
on_child_activated (GtkFlowBox        *box,
                    GtkFlowBoxChild   *child,
                    TpTemplateGallery *self)
{
  choose (self, gtk_widget_get_name (GTK_WIDGET (child)));
}

/* ---------------------------------------------------------------- keyboard */

static GtkFlowBoxChild *
first_visible_child (GtkFlowBox *box)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_child_visible (child))
      return GTK_FLOW_BOX_CHILD (child);
  return NULL;
}

static GtkFlowBoxChild *
last_visible_child (GtkFlowBox *box)
{
  for (GtkWidget *child = gtk_widget_get_last_child (GTK_WIDGET (box));
       child != NULL; child = gtk_widget_get_prev_sibling (child))
    if (gtk_widget_get_child_visible (child))
      return GTK_FLOW_BOX_CHILD (child);
  return NULL;
}

/* Where a flow box child is in the dialog. */
static graphene_point_t
position_of (GtkWidget *child)
{
  graphene_point_t point = GRAPHENE_POINT_INIT (0, 0);

  if (!gtk_widget_compute_point (child, GTK_WIDGET (gtk_widget_get_root (child)),
                                 &GRAPHENE_POINT_INIT (0, 0), &point))
    return GRAPHENE_POINT_INIT (0, 0);
  return point;
}

/* The child of @box in the row of @row_child nearest @x. */
static GtkWidget *
nearest_in_row (GtkFlowBox *box,
                GtkWidget  *row_child,
                float       x)
{
  float row_y = position_of (row_child).y;
  GtkWidget *nearest = NULL;
  float distance = G_MAXFLOAT;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      graphene_point_t point = position_of (child);

      if (gtk_widget_get_child_visible (child) && point.y == row_y && ABS (point.x - x) < distance)
        {
          nearest = child;
          distance = ABS (point.x - x);
        }
    }
  return nearest;
}

/* Down from the last row of blank journeys goes on to the examples, to the
 * nearest in their first row, and Up from there comes back, as if the two
 * were one grid. (The flow box does not report failing upwards from its
 * first row.) Focusing a child through gtk_widget_child_focus() also
 * moves its box's cursor, which the arrow keys and Enter work from. */
static gboolean
on_move_cursor (GtkFlowBox        *box,
                GtkMovementStep    step,
                int                count,
                gboolean           extend,
                gboolean           modify,
                TpTemplateGallery *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkFlowBox *target;
  GtkWidget *edge, *target_edge, *next;
  GtkDirectionType direction;

  if (step != GTK_MOVEMENT_DISPLAY_LINES || focus == NULL || gtk_widget_get_parent (focus) != GTK_WIDGET (box))
    return FALSE;
  if (box == self->blank_box && count > 0)
    {
      target = self->example_box;
      edge = GTK_WIDGET (last_visible_child (box));
      target_edge = GTK_WIDGET (first_visible_child (target));
      direction = GTK_DIR_DOWN;
    }
  else if (box == self->example_box && count < 0)
    {
      target = self->blank_box;
      edge = GTK_WIDGET (first_visible_child (box));
      target_edge = GTK_WIDGET (last_visible_child (target));
      direction = GTK_DIR_UP;
    }
  else
    return FALSE;

  if (edge == NULL || target_edge == NULL || position_of (focus).y != position_of (edge).y)
    return FALSE;
  next = nearest_in_row (target, target_edge, position_of (focus).x);
  return next != NULL && gtk_widget_child_focus (next, direction);
}

/* ---------------------------------------------------------------- search */

static gboolean
filter_func (GtkFlowBoxChild *child,
             gpointer         user_data)
{
  TpTemplateGallery *self = user_data;
  const char *text = g_object_get_data (G_OBJECT (child), "search-text");

  return self->search_key == NULL || (text != NULL && strstr (text, self->search_key) != NULL);
}

static void
on_search_changed (TpTemplateGallery *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gboolean any_blank, any_example;

  g_clear_pointer (&self->search_key, g_free);
  if (*stripped != '\0')
    self->search_key = g_utf8_casefold (stripped, -1);
  gtk_flow_box_invalidate_filter (self->blank_box);
  gtk_flow_box_invalidate_filter (self->example_box);

  any_blank = first_visible_child (self->blank_box) != NULL;
  any_example = first_visible_child (self->example_box) != NULL;
  gtk_widget_set_visible (self->blank_heading, any_blank);
  gtk_widget_set_visible (self->blank_caption, any_blank);
  gtk_widget_set_visible (GTK_WIDGET (self->blank_box), any_blank);
  gtk_widget_set_visible (self->example_heading, any_example);
  gtk_widget_set_visible (self->example_caption, any_example);
  gtk_widget_set_visible (GTK_WIDGET (self->example_box), any_example);
  gtk_stack_set_visible_child_name (self->stack, any_blank || any_example ? "templates" : "empty");
}

/* Enter in the search field opens the first template that matches. */
static void
on_search_activate (TpTemplateGallery *self)
{
  GtkFlowBoxChild *child = first_visible_child (self->blank_box);

  if (child == NULL)
    child = first_visible_child (self->example_box);
  if (child != NULL)
    choose (self, gtk_widget_get_name (GTK_WIDGET (child)));
}

/* Escape in the search field clears it, and closes when it is empty. */
static void
on_stop_search (TpTemplateGallery *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (TP_TEMPLATE_GALLERY (widget)->search_entry));
}

/* ---------------------------------------------------------------- GObject */

/* The default template has the focus and the flow box's cursor, so that
 * Enter opens it and the arrow keys start from it. */
static void
tp_template_gallery_map (GtkWidget *widget)
{
  TpTemplateGallery *self = TP_TEMPLATE_GALLERY (widget);

  GTK_WIDGET_CLASS (tp_template_gallery_parent_class)->map (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->blank_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (gtk_widget_get_name (child), DEFAULT_TEMPLATE))
      gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);
}

static void
tp_template_gallery_dispose (GObject *object)
{
  TpTemplateGallery *self = TP_TEMPLATE_GALLERY (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->search_key, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_TEMPLATE_GALLERY);

  G_OBJECT_CLASS (tp_template_gallery_parent_class)->dispose (object);
}

static void
tp_template_gallery_class_init (TpTemplateGalleryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_template_gallery_dispose;
  widget_class->map = tp_template_gallery_map;

  signals[TEMPLATE_CHOSEN] =
    g_signal_new ("template-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, TP_TYPE_JOURNEY, GTK_TYPE_WINDOW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/ui/tp-template-gallery.ui");
  gtk_widget_class_bind_template_child (widget_class, TpTemplateGallery, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TpTemplateGallery, stack);
  gtk_widget_class_bind_template_child (widget_class, TpTemplateGallery, blank_heading);
  gtk_widget_class_bind_template_child (widget_class, TpTemplateGallery, blank_caption);
  gtk_widget_class_bind_template_child (widget_class, TpTemplateGallery, blank_box);
  gtk_widget_class_bind_template_child (widget_class, TpTemplateGallery, example_heading);
  gtk_widget_class_bind_template_child (widget_class, TpTemplateGallery, example_caption);
  gtk_widget_class_bind_template_child (widget_class, TpTemplateGallery, example_box);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_child_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_move_cursor);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* Not type-to-search: the search entry would take Enter from the cards. */
  gtk_widget_class_install_action (widget_class, "gallery.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "gallery.search", NULL);
}

static void
tp_template_gallery_init (TpTemplateGallery *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->dutch = tp_templates_prefer_dutch (g_get_language_names ());
  gtk_flow_box_set_filter_func (self->blank_box, filter_func, self, NULL);
  gtk_flow_box_set_filter_func (self->example_box, filter_func, self, NULL);
}

TpTemplateGallery *
tp_template_gallery_new (GtkWindow *parent)
{
  TpTemplateGallery *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (TP_TYPE_TEMPLATE_GALLERY, "transient-for", parent, NULL);
  /* After the parent is known: thumbnails match its scale. */
  populate (self);
  return self;
}

GtkFlowBox *
tp_template_gallery_get_flow_box (TpTemplateGallery *self,
                                  gboolean           blank)
{
  g_return_val_if_fail (TP_IS_TEMPLATE_GALLERY (self), NULL);
  return blank ? self->blank_box : self->example_box;
}

static gboolean
has_open_progress (GtkWidget *widget)
{
  if (TP_IS_OPEN_PROGRESS (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_open_progress (child))
      return TRUE;
  return FALSE;
}

gboolean
tp_template_gallery_can_replace (GtkWindow *window)
{
  TpDocument *document;
  TpHistory *history;

  if (!TP_IS_WINDOW (window))
    return FALSE;
  document = tp_window_get_document (TP_WINDOW (window));
  history = tp_document_get_history (document);
  if (tp_document_get_file (document) != NULL || tp_document_get_modified (document)
      || tp_history_can_undo (history) || tp_history_can_redo (history))
    return FALSE;
  /* Closing it would cancel a journey still being opened in it. */
  return !has_open_progress (GTK_WIDGET (window));
}
