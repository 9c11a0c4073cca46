/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tp-canvas.h"
#include "tp-renderer.h"

/* The journey canvas.
 *
 * Geometry comes from a TpLayout in document units; widget_to_document()
 * and document_to_widget() are the only places that know about scrolling
 * and zoom. The snapshot is one cairo node exactly the size of the
 * viewport, translated and scaled, drawing only what is visible.
 *
 * The primary button runs through one GtkGestureDrag: a press selects,
 * a drag past the threshold moves a touchpoint card, sets a curve dot's
 * score or draws a rubber band, and only the release changes the
 * document (one undo step). GtkDragSource/GtkDropTarget are used only for
 * palette items dropped on the canvas. */

#define ZOOM_WHEEL_FACTOR 1.2
/* Pointer slack for curve dots, in pixels on screen. */
#define DOT_TOLERANCE_PX 8.0

static const double zoom_steps[] = {
  0.1, 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0,
};

/* What the cached scene of a card drag was drawn for. */
typedef struct {
  double zoom, ox, oy;
  int width, height;
  int palette;
  gpointer element;
  guint layout_serial;
  guint selection_serial;
} SceneKey;

typedef enum {
  DRAG_NONE,
  DRAG_PENDING,   /* pressed, not yet past the threshold */
  DRAG_CARD,
  DRAG_NOTE,      /* an employee note or opportunity, to re-attach */
  DRAG_HEADER,    /* a stage or lane header, to reorder */
  DRAG_DOT,
  DRAG_BAND,
} DragMode;

struct _TpCanvas
{
  GtkWidget parent_instance;

  TpDocument *document;
  TpJourney *journey;            /* borrowed from the document */
  TpLayout *layout;
  gboolean layout_dirty;
  guint relayout_id;

  double zoom;
  gboolean show_employee_overlay;
  GHashTable *finding_marks;      /* TpElement -> TpSeverity, or NULL */
  GHashTable *hidden_departments; /* department keys, or NULL */
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;

  /* Selection: a set for the renderer, an array for order of clicks. */
  GHashTable *selection;         /* TpElement (ref) -> same */
  TpElement *cursor;             /* keyboard focus card (ref), may be unselected */
  TpElement *hover;              /* borrowed; cleared on relayout */

  double pointer_x;
  double pointer_y;

  /* The primary-button gesture. */
  GtkGesture *drag_gesture;
  DragMode drag_mode;
  GdkModifierType drag_state;
  double drag_x0, drag_y0;       /* widget coordinates of the press */
  double drag_x, drag_y;         /* widget coordinates now */
  double gesture_x, gesture_y;   /* where the gesture started; drag_x0/y0 follow autoscrolling */
  TpElement *drag_element;       /* ref */
  gboolean drag_was_selected;
  GHashTable *band_base;         /* selection before a band with Shift/Ctrl */
  gboolean drag_on_dot;
  guint dot_lane;
  int dot_score;
  gboolean drop_valid;
  TpLayoutDrop drop;
  TpElement *note_target;        /* borrowed: touchpoint or stage a dragged note would go to */
  guint header_insert;           /* where a dragged header would go: before this stage/lane */
  GskRenderNode *scene_node;
  SceneKey scene_key;
  guint autoscroll_id;
  guint layout_serial;
  guint selection_serial;

  /* Palette drops. */
  gboolean dnd_active;
  gboolean dnd_drop_valid;
  TpLayoutDrop dnd_drop;
  TpElement *dnd_target;         /* borrowed: the card notes would attach to */

  double zoom_gesture_start;

  /* In-place editing. */
  GtkWidget *editor;
  TpElement *editing;            /* ref */
  char *editing_property;
  gboolean committing;
  guint edit_idle_id;
  guint editor_focus_id;
  TpElement *edit_pending;       /* ref */

  /* Context menu. */
  GtkWidget *menu;
  TpElement *menu_target;        /* ref: a card, stage or lane */
};

static void tp_canvas_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TpCanvas, tp_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, tp_canvas_scrollable_init))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ZOOM,
  PROP_SHOW_EMPLOYEE_OVERLAY,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void canvas_update_actions (TpCanvas *self);
static void update_drop (TpCanvas *self);
static gboolean cancel_drag (TpCanvas *self);
static void clear_drag (TpCanvas *self);
static TpTouchpoint *touchpoint_at (TpCanvas *self, double doc_x, double doc_y);
static TpStage *stage_at (TpCanvas *self, double doc_x, double doc_y);
static guint header_insert_at (TpCanvas *self, double x, double y);
static void stop_editing (TpCanvas *self, gboolean commit);
static void update_accessible_description (TpCanvas *self);

/* Cut and copied touchpoints, detached copies shared by all canvases (so
 * they can be pasted into another window's journey). */
static GPtrArray *clipboard;
static gboolean first_cell_drop (TpCanvas *self, TpLayoutDrop *drop);
static guint list_position_for_drop (TpCanvas *self, const TpLayoutDrop *drop);

/* ---------------------------------------------------------------- layout */

static void
prune_selection (TpCanvas *self)
{
  GHashTableIter iter;
  gpointer key;
  gboolean changed = FALSE;

  g_hash_table_iter_init (&iter, self->selection);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      TpElement *element = key;

      if (self->journey == NULL || tp_journey_lookup (self->journey, tp_element_get_id (element)) != element)
        {
          g_hash_table_iter_remove (&iter);
          changed = TRUE;
        }
    }

  if (self->cursor != NULL
      && (self->journey == NULL
          || tp_journey_lookup (self->journey, tp_element_get_id (self->cursor)) != self->cursor))
    g_clear_object (&self->cursor);

  if (changed)
    {
      self->selection_serial++;
      update_accessible_description (self);
      canvas_update_actions (self);
      g_signal_emit (self, signals[SELECTION_CHANGED], 0);
    }
}

/* Brings the layout up to date; every geometry query goes through here. */
static void
ensure_layout (TpCanvas *self)
{
  if (self->layout == NULL || !self->layout_dirty)
    return;

  self->layout_dirty = FALSE;
  self->hover = NULL;
  self->dnd_target = NULL;
  self->layout_serial++;
  tp_layout_update (self->layout);

  /* Drop positions point into the old geometry. */
  self->dnd_drop_valid = FALSE;
  self->drop_valid = FALSE;
  self->note_target = NULL;
  if (self->drag_mode == DRAG_CARD || self->drag_mode == DRAG_NOTE)
    update_drop (self);
}

static void
get_content_size (TpCanvas *self,
                  double   *width,
                  double   *height)
{
  double w = 0, h = 0;

  ensure_layout (self);
  if (self->layout != NULL)
    tp_layout_get_size (self->layout, &w, &h);
  *width = w * self->zoom;
  *height = h * self->zoom;
}

/* Where document (0, 0) is in the widget: scrolled, or centred
 * horizontally when the whole width fits. */
static void
get_origin (TpCanvas *self,
            double   *x,
            double   *y)
{
  double content_w, content_h;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  get_content_size (self, &content_w, &content_h);

  if (content_w < width)
    *x = floor ((width - content_w) / 2);
  else
    *x = self->hadjustment != NULL ? -round (gtk_adjustment_get_value (self->hadjustment)) : 0;
  *y = self->vadjustment != NULL ? -round (gtk_adjustment_get_value (self->vadjustment)) : 0;
}

/* Where the pinned headers' document origin is in the widget: the stage
 * header row stays at the top, the lane header column at the left. */
static void
get_header_origin (TpCanvas *self,
                   double   *x,
                   double   *y)
{
  double ox, oy;

  get_origin (self, &ox, &oy);
  *x = MAX (ox, 0);
  *y = MAX (oy, 0);
}

/* Like tp_canvas_widget_to_document(), but a point over a pinned header
 * maps to that header. For hit testing. */
static void
widget_to_document_pinned (TpCanvas *self,
                           double    x,
                           double    y,
                           double   *doc_x,
                           double   *doc_y)
{
  double hx, hy;

  tp_canvas_widget_to_document (self, x, y, doc_x, doc_y);
  get_header_origin (self, &hx, &hy);
  if (x >= hx && x < hx + TP_LAYOUT_LANE_HEADER_WIDTH * self->zoom)
    *doc_x = (x - hx) / self->zoom;
  if (y >= hy && y < hy + TP_LAYOUT_STAGE_HEADER_HEIGHT * self->zoom)
    *doc_y = (y - hy) / self->zoom;
}

void
tp_canvas_widget_to_document (TpCanvas *self,
                              double    widget_x,
                              double    widget_y,
                              double   *doc_x,
                              double   *doc_y)
{
  double ox, oy;

  g_return_if_fail (TP_IS_CANVAS (self));

  get_origin (self, &ox, &oy);
  if (doc_x != NULL)
    *doc_x = (widget_x - ox) / self->zoom;
  if (doc_y != NULL)
    *doc_y = (widget_y - oy) / self->zoom;
}

void
tp_canvas_document_to_widget (TpCanvas *self,
                              double    doc_x,
                              double    doc_y,
                              double   *widget_x,
                              double   *widget_y)
{
  double ox, oy;

  g_return_if_fail (TP_IS_CANVAS (self));

  get_origin (self, &ox, &oy);
  if (widget_x != NULL)
    *widget_x = doc_x * self->zoom + ox;
  if (widget_y != NULL)
    *widget_y = doc_y * self->zoom + oy;
}

static void
document_rect_to_widget (TpCanvas     *self,
                         const TpRect *rect,
                         graphene_rect_t *out)
{
  double x, y;

  tp_canvas_document_to_widget (self, rect->x, rect->y, &x, &y);
  graphene_rect_init (out, x, y, rect->width * self->zoom, rect->height * self->zoom);
}

static void
configure_adjustments (TpCanvas *self)
{
  double content_w, content_h;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  get_content_size (self, &content_w, &content_h);

  if (self->hadjustment != NULL)
    {
      double upper = MAX (content_w, width);
      double value = CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, MAX (0, upper - width));

      gtk_adjustment_configure (self->hadjustment, value, 0, upper,
                                width * 0.1, width * 0.9, width);
    }
  if (self->vadjustment != NULL)
    {
      double upper = MAX (content_h, height);
      double value = CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, MAX (0, upper - height));

      gtk_adjustment_configure (self->vadjustment, value, 0, upper,
                                height * 0.1, height * 0.9, height);
    }
}

static gboolean
relayout_idle_cb (gpointer user_data)
{
  TpCanvas *self = user_data;

  self->relayout_id = 0;
  ensure_layout (self);
  prune_selection (self);
  /* The card or dot being dragged went away (undone, deleted elsewhere). */
  if (self->drag_element != NULL
      && (self->journey == NULL
          || tp_journey_lookup (self->journey, tp_element_get_id (self->drag_element)) != self->drag_element))
    {
      if (!cancel_drag (self))
        clear_drag (self);
    }
  if (self->editing != NULL
      && (self->journey == NULL
          || tp_journey_lookup (self->journey, tp_element_get_id (self->editing)) != self->editing))
    stop_editing (self, FALSE);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
on_journey_changed (TpCanvas *self)
{
  /* One edit emits many signals (a delete touches several lists): lay out
   * once, before the next frame, or earlier when something asks. */
  self->layout_dirty = TRUE;
  if (self->relayout_id == 0)
    self->relayout_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, relayout_idle_cb, self, NULL);
}

TpLayout *
tp_canvas_get_layout (TpCanvas *self)
{
  g_return_val_if_fail (TP_IS_CANVAS (self), NULL);

  ensure_layout (self);
  return self->layout;
}

/* ---------------------------------------------------------------- selection */

static const char *
element_text (TpElement *element)
{
  if (TP_IS_TOUCHPOINT (element))
    return tp_touchpoint_get_title (TP_TOUCHPOINT (element));
  if (TP_IS_EMPLOYEE_NOTE (element))
    return tp_employee_note_get_text (TP_EMPLOYEE_NOTE (element));
  if (TP_IS_OPPORTUNITY (element))
    return tp_opportunity_get_text (TP_OPPORTUNITY (element));
  return "";
}

/* Drawn cards are not accessible objects in GTK 4.8: say what is selected
 * in the canvas's description (the outline lists the touchpoints). */
static void
update_accessible_description (TpCanvas *self)
{
  guint n = g_hash_table_size (self->selection);
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("Nothing selected. The journey outline lists the same touchpoints."));
  else if (n == 1)
    {
      GHashTableIter iter;
      gpointer key = NULL;

      g_hash_table_iter_init (&iter, self->selection);
      g_hash_table_iter_next (&iter, &key, NULL);
      /* Translators: the accessible description of the journey map */
      text = g_strdup_printf (_("Selected: %s"), element_text (key));
    }
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card selected", "%u cards selected", n), n);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static TpPalette current_palette (void);
static void scroll_to_stage (TpCanvas *self,
                             TpStage  *stage);

static void
selection_changed (TpCanvas *self)
{
  self->selection_serial++;
  update_accessible_description (self);
  canvas_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
set_cursor (TpCanvas  *self,
            TpElement *element)
{
  g_set_object (&self->cursor, element);
}

static void
select_only (TpCanvas  *self,
             TpElement *element)
{
  if (element != NULL && g_hash_table_size (self->selection) == 1
      && g_hash_table_contains (self->selection, element))
    {
      set_cursor (self, element);
      return;
    }
  if (element == NULL && g_hash_table_size (self->selection) == 0)
    return;

  g_hash_table_remove_all (self->selection);
  if (element != NULL)
    g_hash_table_add (self->selection, g_object_ref (element));
  set_cursor (self, element);
  selection_changed (self);
}

static void
toggle_selected (TpCanvas  *self,
                 TpElement *element)
{
  if (!g_hash_table_remove (self->selection, element))
    g_hash_table_add (self->selection, g_object_ref (element));
  set_cursor (self, element);
  selection_changed (self);
}

GPtrArray *
tp_canvas_get_selection (TpCanvas *self)
{
  GPtrArray *out;

  g_return_val_if_fail (TP_IS_CANVAS (self), NULL);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->journey == NULL || g_hash_table_size (self->selection) == 0)
    return out;

  /* Journey order, in one pass over the lists that have cards. */
  {
    GListModel *lists[] = {
      tp_journey_get_touchpoints (self->journey),
      tp_journey_get_employee_notes (self->journey),
      tp_journey_get_opportunities (self->journey),
    };

    for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
      {
        guint n = g_list_model_get_n_items (lists[l]);

        for (guint i = 0; i < n && out->len < g_hash_table_size (self->selection); i++)
          {
            g_autoptr(TpElement) element = g_list_model_get_item (lists[l], i);

            if (g_hash_table_contains (self->selection, element))
              g_ptr_array_add (out, g_steal_pointer (&element));
          }
      }
  }
  return out;
}

void
tp_canvas_select (TpCanvas  *self,
                  TpElement *element)
{
  g_return_if_fail (TP_IS_CANVAS (self));
  g_return_if_fail (element == NULL || TP_IS_ELEMENT (element));

  select_only (self, element);
}

void
tp_canvas_set_finding_marks (TpCanvas   *self,
                             GHashTable *marks)
{
  g_return_if_fail (TP_IS_CANVAS (self));

  if (marks == self->finding_marks)
    return;
  if (marks != NULL)
    g_hash_table_ref (marks);
  g_clear_pointer (&self->finding_marks, g_hash_table_unref);
  self->finding_marks = marks;
  g_clear_pointer (&self->scene_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GHashTable *
tp_canvas_get_finding_marks (TpCanvas *self)
{
  g_return_val_if_fail (TP_IS_CANVAS (self), NULL);
  return self->finding_marks;
}

void
tp_canvas_set_hidden_departments (TpCanvas   *self,
                                  GHashTable *departments)
{
  g_return_if_fail (TP_IS_CANVAS (self));

  if (departments == self->hidden_departments)
    return;
  if (departments != NULL)
    g_hash_table_ref (departments);
  g_clear_pointer (&self->hidden_departments, g_hash_table_unref);
  self->hidden_departments = departments;
  g_clear_pointer (&self->scene_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GHashTable *
tp_canvas_get_hidden_departments (TpCanvas *self)
{
  g_return_val_if_fail (TP_IS_CANVAS (self), NULL);
  return self->hidden_departments;
}

void
tp_canvas_render_options (TpCanvas        *self,
                          TpRenderOptions *options)
{
  g_return_if_fail (TP_IS_CANVAS (self));
  g_return_if_fail (options != NULL);

  tp_render_options_init (options);
  options->palette = current_palette ();
  options->selection = self->selection;
  options->show_employee_overlay = self->show_employee_overlay;
  options->finding_marks = self->finding_marks;
  options->hidden_departments = self->hidden_departments;
}

void
tp_canvas_select_ids (TpCanvas           *self,
                      const char * const *ids)
{
  TpElement *first = NULL;
  TpStage *stage = NULL;

  g_return_if_fail (TP_IS_CANVAS (self));

  if (self->journey == NULL || ids == NULL)
    return;

  g_hash_table_remove_all (self->selection);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      TpElement *element = tp_journey_lookup (self->journey, ids[i]);

      if (element == NULL)
        continue;
      if (TP_IS_STAGE (element))
        {
          if (stage == NULL)
            stage = TP_STAGE (element);
          continue;
        }
      if (!TP_IS_TOUCHPOINT (element) && !TP_IS_EMPLOYEE_NOTE (element) && !TP_IS_OPPORTUNITY (element))
        continue;
      g_hash_table_add (self->selection, g_object_ref (element));
      if (first == NULL)
        first = element;
    }
  set_cursor (self, first);
  selection_changed (self);

  if (first != NULL)
    tp_canvas_scroll_to_element (self, first);
  else if (stage != NULL)
    scroll_to_stage (self, stage);
}

void
tp_canvas_select_all (TpCanvas *self)
{
  GListModel *touchpoints;
  guint n;

  g_return_if_fail (TP_IS_CANVAS (self));

  if (self->journey == NULL)
    return;

  touchpoints = tp_journey_get_touchpoints (self->journey);
  n = g_list_model_get_n_items (touchpoints);
  g_hash_table_remove_all (self->selection);
  for (guint i = 0; i < n; i++)
    g_hash_table_add (self->selection, g_list_model_get_item (touchpoints, i));
  selection_changed (self);
}

/* The first selected element in journey order, or the cursor. */
static TpElement *
get_primary_selected (TpCanvas *self)
{
  g_autoptr(GPtrArray) selection = NULL;

  if (self->cursor != NULL && g_hash_table_contains (self->selection, self->cursor))
    return self->cursor;
  selection = tp_canvas_get_selection (self);
  return selection->len > 0 ? g_ptr_array_index (selection, 0) : NULL;
}

/* Brings a stage's column into view from its header. */
static void
scroll_to_stage (TpCanvas *self,
                 TpStage  *stage)
{
  GListModel *stages;
  guint n;
  int width;

  ensure_layout (self);
  if (self->layout == NULL || self->hadjustment == NULL)
    return;

  width = gtk_widget_get_width (GTK_WIDGET (self));
  configure_adjustments (self);
  stages = tp_journey_get_stages (self->journey);
  n = g_list_model_get_n_items (stages);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpStage) item = g_list_model_get_item (stages, i);
      TpRect rect;
      double value, x0, x1;

      if (item != stage || !tp_layout_get_stage_header_rect (self->layout, i, &rect))
        continue;
      value = gtk_adjustment_get_value (self->hadjustment);
      x0 = (rect.x - TP_LAYOUT_LANE_HEADER_WIDTH) * self->zoom - 24;
      x1 = (rect.x + rect.width) * self->zoom + 24;
      if (x0 < value)
        gtk_adjustment_set_value (self->hadjustment, x0);
      else if (width > 0 && x1 > value + width)
        gtk_adjustment_set_value (self->hadjustment, MIN (x0, x1 - width));
      if (self->vadjustment != NULL)
        gtk_adjustment_set_value (self->vadjustment, 0);
      break;
    }
}

void
tp_canvas_scroll_to_element (TpCanvas  *self,
                             TpElement *element)
{
  TpRect rect;
  int width, height;

  g_return_if_fail (TP_IS_CANVAS (self));

  ensure_layout (self);
  if (self->layout == NULL || element == NULL || !tp_layout_get_card_rect (self->layout, element, &rect))
    return;

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  configure_adjustments (self);

  /* The pinned headers cover the top and left of the view. */
  if (self->hadjustment != NULL && width > 0)
    {
      double value = gtk_adjustment_get_value (self->hadjustment);
      double x0 = (rect.x - TP_LAYOUT_LANE_HEADER_WIDTH) * self->zoom - 24;
      double x1 = (rect.x + rect.width) * self->zoom + 24;

      if (x0 < value)
        gtk_adjustment_set_value (self->hadjustment, x0);
      else if (x1 > value + width)
        gtk_adjustment_set_value (self->hadjustment, MIN (x0, x1 - width));
    }
  if (self->vadjustment != NULL && height > 0)
    {
      double value = gtk_adjustment_get_value (self->vadjustment);
      double y0 = (rect.y - TP_LAYOUT_STAGE_HEADER_HEIGHT) * self->zoom - 24;
      double y1 = (rect.y + rect.height) * self->zoom + 24;

      if (y0 < value)
        gtk_adjustment_set_value (self->vadjustment, y0);
      else if (y1 > value + height)
        gtk_adjustment_set_value (self->vadjustment, MIN (y0, y1 - height));
    }
}

/* ---------------------------------------------------------------- zoom */

void
tp_canvas_zoom_at (TpCanvas *self,
                   double    zoom,
                   double    x,
                   double    y)
{
  double doc_x, doc_y;

  g_return_if_fail (TP_IS_CANVAS (self));

  zoom = CLAMP (zoom, TP_CANVAS_MIN_ZOOM, TP_CANVAS_MAX_ZOOM);
  if (fabs (zoom - self->zoom) < 1e-9)
    return;

  tp_canvas_widget_to_document (self, x, y, &doc_x, &doc_y);
  self->zoom = zoom;
  configure_adjustments (self);

  /* Scroll so that the same document point is under (x, y) again. */
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, doc_x * zoom - x);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, doc_y * zoom - y);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  canvas_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
tp_canvas_set_zoom (TpCanvas *self,
                    double    zoom)
{
  g_return_if_fail (TP_IS_CANVAS (self));

  tp_canvas_zoom_at (self, zoom,
                     gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                     gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

double
tp_canvas_get_zoom (TpCanvas *self)
{
  g_return_val_if_fail (TP_IS_CANVAS (self), 1.0);
  return self->zoom;
}

void
tp_canvas_zoom_to_fit (TpCanvas *self)
{
  double w = 0, h = 0;
  int width, height;
  double zoom;

  g_return_if_fail (TP_IS_CANVAS (self));

  ensure_layout (self);
  if (self->layout != NULL)
    tp_layout_get_size (self->layout, &w, &h);
  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (w <= 0 || h <= 0 || width <= 0 || height <= 0)
    return;

  zoom = MIN (width / w, height / h);
  tp_canvas_zoom_at (self, zoom, 0, 0);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
}

static double
next_zoom_step (double zoom,
                int    direction)
{
  if (direction > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
        if (zoom_steps[i] > zoom + 1e-6)
          return zoom_steps[i];
      return TP_CANVAS_MAX_ZOOM;
    }
  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < zoom - 1e-6)
      return zoom_steps[i - 1];
  return TP_CANVAS_MIN_ZOOM;
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           TpCanvas                 *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  double x = self->pointer_x, y = self->pointer_y;
  double ex, ey;

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;

  /* Where the pointer is now, even before any motion reached us. */
  if (event != NULL && gdk_event_get_position (event, &ex, &ey))
    {
      GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
      double nx = 0, ny = 0;

      if (native != NULL)
        {
          gtk_native_get_surface_transform (native, &nx, &ny);
          gtk_widget_translate_coordinates (GTK_WIDGET (native), GTK_WIDGET (self),
                                            ex - nx, ey - ny, &x, &y);
        }
    }

  tp_canvas_zoom_at (self, self->zoom * pow (ZOOM_WHEEL_FACTOR, -dy), x, y);
  return TRUE;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               TpCanvas         *self)
{
  self->zoom_gesture_start = self->zoom;
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       TpCanvas       *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  tp_canvas_zoom_at (self, self->zoom_gesture_start * scale, x, y);
}

/* ---------------------------------------------------------------- editing */

static const char *
text_property_for (TpElement *element)
{
  if (TP_IS_TOUCHPOINT (element))
    return "title";
  if (TP_IS_EMPLOYEE_NOTE (element) || TP_IS_OPPORTUNITY (element))
    return "text";
  if (TP_IS_STAGE (element) || TP_IS_LANE (element))
    return "name";
  return NULL;
}

/* The rectangle an element is edited in, in document units. */
static gboolean
get_edit_rect (TpCanvas  *self,
               TpElement *element,
               TpRect    *rect)
{
  guint n, position = 0;

  if (tp_layout_get_card_rect (self->layout, element, rect))
    return TRUE;

  if (TP_IS_STAGE (element) && tp_journey_get_position (self->journey, element, &position))
    return tp_layout_get_stage_header_rect (self->layout, position, rect);

  if (TP_IS_LANE (element))
    {
      n = tp_layout_get_n_lanes (self->layout);
      for (guint i = 0; i < n; i++)
        {
          TpLayoutHit hit;
          TpRect lane;

          if (!tp_layout_get_lane_header_rect (self->layout, i, &lane))
            continue;
          hit = tp_layout_hit_test (self->layout, lane.x + 1, lane.y + 1, 0);
          if (hit.lane == TP_LANE (element))
            {
              *rect = lane;
              return TRUE;
            }
        }
    }
  return FALSE;
}

static void
stop_editing (TpCanvas *self,
              gboolean  commit)
{
  g_autoptr(TpElement) element = NULL;
  g_autofree char *property = NULL;
  g_autofree char *text = NULL;
  GtkWidget *editor;

  if (self->editor == NULL || self->committing)
    return;

  self->committing = TRUE;
  element = g_steal_pointer (&self->editing);
  property = g_steal_pointer (&self->editing_property);
  editor = g_steal_pointer (&self->editor);
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor)));

  {
    GtkRoot *root = gtk_widget_get_root (editor);
    GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

    /* Keep the keyboard on the map when the editor had it. */
    if (focus != NULL && (focus == editor || gtk_widget_is_ancestor (focus, editor)))
      gtk_widget_grab_focus (GTK_WIDGET (self));
  }
  gtk_widget_unparent (editor);

  /* Not when the element left the journey meanwhile (an undo). */
  if (commit && element != NULL && self->document != NULL
      && tp_journey_lookup (self->journey, tp_element_get_id (element)) == element)
    {
      g_autofree char *old = NULL;

      g_object_get (element, property, &old, NULL);
      g_strstrip (text);
      if (*text != '\0' && g_strcmp0 (old, text) != 0)
        tp_document_set_string (self->document, element, property, text, NULL);
    }

  self->committing = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_editor_activate (GtkEntry *entry,
                    TpCanvas *self)
{
  stop_editing (self, TRUE);
}

static gboolean
on_editor_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       TpCanvas              *self)
{
  if (keyval == GDK_KEY_Escape)
    {
      stop_editing (self, FALSE);
      return TRUE;
    }
  return FALSE;
}

static gboolean
editor_has_focus (TpCanvas *self)
{
  GtkRoot *root = self->editor != NULL ? gtk_widget_get_root (self->editor) : NULL;
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == self->editor || gtk_widget_is_ancestor (focus, self->editor));
}

static gboolean
editor_focus_idle_cb (gpointer user_data)
{
  TpCanvas *self = user_data;

  self->editor_focus_id = 0;
  if (self->editor != NULL && !editor_has_focus (self))
    stop_editing (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* Focus went elsewhere: commit, but not while GTK is still moving the
 * focus (the editor must not go away under it). */
static void
on_editor_focus_leave (GtkEventControllerFocus *controller,
                       TpCanvas                *self)
{
  if (self->editor_focus_id == 0 && !self->committing)
    self->editor_focus_id = g_idle_add (editor_focus_idle_cb, self);
}

void
tp_canvas_start_editing (TpCanvas  *self,
                         TpElement *element)
{
  const char *property;
  g_autofree char *text = NULL;
  GtkEventController *controller;
  TpRect rect;

  g_return_if_fail (TP_IS_CANVAS (self));
  g_return_if_fail (TP_IS_ELEMENT (element));

  stop_editing (self, TRUE);
  ensure_layout (self);

  property = text_property_for (element);
  if (property == NULL || self->layout == NULL || !get_edit_rect (self, element, &rect))
    return;

  tp_canvas_scroll_to_element (self, element);
  g_object_get (element, property, &text, NULL);

  self->editing = g_object_ref (element);
  self->editing_property = g_strdup (property);
  self->editor = gtk_entry_new ();
  gtk_widget_add_css_class (self->editor, "canvas-editor");
  gtk_editable_set_text (GTK_EDITABLE (self->editor), text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  g_str_equal (property, "title") ? _("Title")
                                  : g_str_equal (property, "name") ? _("Name") : _("Text"),
                                  -1);
  g_signal_connect (self->editor, "activate", G_CALLBACK (on_editor_activate), self);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_editor_key_pressed), self);
  gtk_widget_add_controller (self->editor, controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_editor_focus_leave), self);
  gtk_widget_add_controller (self->editor, controller);

  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
  gtk_widget_grab_focus (self->editor);
  gtk_editable_select_region (GTK_EDITABLE (self->editor), 0, -1);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

GtkEditable *
tp_canvas_get_editor (TpCanvas *self)
{
  g_return_val_if_fail (TP_IS_CANVAS (self), NULL);
  return self->editor != NULL ? GTK_EDITABLE (self->editor) : NULL;
}

/* ---------------------------------------------------------------- hit testing */

static TpLayoutHit
hit_test_widget (TpCanvas *self,
                 double    x,
                 double    y)
{
  TpLayoutHit none = { TP_LAYOUT_HIT_NONE, NULL, NULL, NULL, G_MAXUINT, G_MAXUINT };
  double doc_x, doc_y;

  ensure_layout (self);
  if (self->layout == NULL)
    return none;
  widget_to_document_pinned (self, x, y, &doc_x, &doc_y);
  return tp_layout_hit_test (self->layout, doc_x, doc_y, DOT_TOLERANCE_PX / self->zoom);
}

static gboolean
hit_is_card (const TpLayoutHit *hit)
{
  return hit->kind == TP_LAYOUT_HIT_TOUCHPOINT
         || hit->kind == TP_LAYOUT_HIT_EMPLOYEE_NOTE
         || hit->kind == TP_LAYOUT_HIT_OPPORTUNITY;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TpCanvas                 *self)
{
  TpLayoutHit hit;
  TpElement *hover = NULL;

  self->pointer_x = x;
  self->pointer_y = y;

  if (self->drag_mode != DRAG_NONE && self->drag_mode != DRAG_PENDING)
    return;

  hit = hit_test_widget (self, x, y);
  if (hit_is_card (&hit) || hit.kind == TP_LAYOUT_HIT_CURVE_DOT)
    hover = hit.element;
  if (hover != self->hover)
    {
      self->hover = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Cards cut long titles short: the tooltip has all of it. */
static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  TpCanvas *self = TP_CANVAS (widget);
  TpLayoutHit hit;
  GString *text;
  TpRect rect;
  graphene_rect_t bounds;

  if (keyboard_mode || self->drag_mode != DRAG_NONE || self->editor != NULL)
    return FALSE;

  hit = hit_test_widget (self, x, y);
  if (!hit_is_card (&hit) && hit.kind != TP_LAYOUT_HIT_CURVE_DOT)
    return FALSE;

  text = g_string_new (element_text (hit.element));
  if (TP_IS_TOUCHPOINT (hit.element))
    {
      TpTouchpoint *touchpoint = TP_TOUCHPOINT (hit.element);
      int score = tp_touchpoint_get_score (touchpoint);

      g_string_append_c (text, '\n');
      g_string_append (text, tp_channel_get_display_name (tp_touchpoint_get_channel (touchpoint)));
      if (score != TP_SCORE_UNSET)
        /* Translators: in a card's tooltip, after the channel */
        g_string_append_printf (text, _(" · score %d"), score);
      if (tp_touchpoint_get_moment_of_truth (touchpoint))
        g_string_append_printf (text, " · %s", _("Moment of truth"));
    }
  gtk_tooltip_set_text (tooltip, text->str);
  g_string_free (text, TRUE);

  if (hit_is_card (&hit) && tp_layout_get_card_rect (self->layout, hit.element, &rect))
    {
      GdkRectangle area;

      document_rect_to_widget (self, &rect, &bounds);
      area.x = (int) bounds.origin.x;
      area.y = (int) bounds.origin.y;
      area.width = (int) bounds.size.width;
      area.height = (int) bounds.size.height;
      gtk_tooltip_set_tip_area (tooltip, &area);
    }
  return TRUE;
}

static void
on_leave (GtkEventControllerMotion *controller,
          TpCanvas                 *self)
{
  if (self->hover != NULL)
    {
      self->hover = NULL;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* ---------------------------------------------------------------- dragging */

static double
score_at (TpCanvas *self,
          guint     lane,
          double    doc_y)
{
  double y1 = tp_layout_score_to_y (self->layout, lane, TP_SCORE_MIN);
  double y10 = tp_layout_score_to_y (self->layout, lane, TP_SCORE_MAX);

  if (fabs (y10 - y1) < 1e-6)
    return TP_SCORE_MIN;
  return TP_SCORE_MIN + (doc_y - y1) / (y10 - y1) * (TP_SCORE_MAX - TP_SCORE_MIN);
}

static void
clear_drag (TpCanvas *self)
{
  if (self->autoscroll_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->autoscroll_id);
      self->autoscroll_id = 0;
    }
  self->drag_mode = DRAG_NONE;
  self->drop_valid = FALSE;
  self->note_target = NULL;
  g_clear_object (&self->drag_element);
  g_clear_pointer (&self->band_base, g_hash_table_unref);
  g_clear_pointer (&self->scene_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
canvas_press (TpCanvas        *self,
              double           x,
              double           y,
              GdkModifierType  state)
{
  TpLayoutHit hit;
  gboolean extend = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;

  stop_editing (self, TRUE);
  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));

  clear_drag (self);
  self->drag_mode = DRAG_PENDING;
  self->drag_state = state;
  self->drag_x0 = self->drag_x = x;
  self->drag_y0 = self->drag_y = y;
  self->drag_on_dot = FALSE;
  self->drag_was_selected = FALSE;

  hit = hit_test_widget (self, x, y);
  if (hit.kind == TP_LAYOUT_HIT_CURVE_DOT)
    {
      self->drag_on_dot = TRUE;
      self->drag_element = g_object_ref (hit.element);
      self->dot_lane = hit.lane_index;
      self->dot_score = 0;
      return;
    }

  if (!hit_is_card (&hit))
    {
      if (!extend)
        select_only (self, NULL);
      /* A header can be dragged to reorder the stages or lanes. */
      if (hit.kind == TP_LAYOUT_HIT_STAGE_HEADER || hit.kind == TP_LAYOUT_HIT_LANE_HEADER)
        self->drag_element = g_object_ref (hit.element);
      return;
    }

  self->drag_element = g_object_ref (hit.element);
  self->drag_was_selected = g_hash_table_contains (self->selection, hit.element);
  if (extend)
    toggle_selected (self, hit.element);
  else if (!self->drag_was_selected)
    select_only (self, hit.element);
  else
    set_cursor (self, hit.element);
}

static void
update_drop (TpCanvas *self)
{
  double doc_x, doc_y;

  widget_to_document_pinned (self, self->drag_x, self->drag_y, &doc_x, &doc_y);
  if (self->drag_mode == DRAG_NOTE)
    {
      /* Notes go to the touchpoint under the pointer, or its stage;
       * opportunities only to a touchpoint. */
      TpTouchpoint *touchpoint = touchpoint_at (self, doc_x, doc_y);

      self->note_target = (TpElement *) touchpoint;
      if (touchpoint == NULL && TP_IS_EMPLOYEE_NOTE (self->drag_element))
        self->note_target = (TpElement *) stage_at (self, doc_x, doc_y);
      self->drop_valid = FALSE;
      return;
    }
  self->drop_valid = tp_layout_get_drop_position (self->layout, doc_x, doc_y, &self->drop);
}

static void canvas_drag_to (TpCanvas *self, double x, double y);

#define AUTOSCROLL_EDGE 32.0

/* How far past (or into) the edge zone the pointer is, per axis. */
static double
edge_speed (double position,
            double size)
{
  if (position < AUTOSCROLL_EDGE)
    return -(AUTOSCROLL_EDGE - MAX (position, -AUTOSCROLL_EDGE));
  if (position > size - AUTOSCROLL_EDGE)
    return MIN (position, size + AUTOSCROLL_EDGE) - (size - AUTOSCROLL_EDGE);
  return 0;
}

/* Dragging a card or a band near the edge scrolls the view. */
static gboolean
autoscroll_tick (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  TpCanvas *self = TP_CANVAS (widget);
  double sx, sy;

  if (self->drag_mode != DRAG_CARD && self->drag_mode != DRAG_NOTE && self->drag_mode != DRAG_BAND
      && self->drag_mode != DRAG_HEADER)
    {
      self->autoscroll_id = 0;
      return G_SOURCE_REMOVE;
    }

  sx = edge_speed (self->drag_x, gtk_widget_get_width (widget)) / 2;
  sy = edge_speed (self->drag_y, gtk_widget_get_height (widget)) / 2;
  if (sx == 0 && sy == 0)
    return G_SOURCE_CONTINUE;

  {
    double ox0, oy0, ox1, oy1;

    get_origin (self, &ox0, &oy0);
    if (self->hadjustment != NULL && sx != 0)
      gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + sx);
    if (self->vadjustment != NULL && sy != 0)
      gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + sy);
    get_origin (self, &ox1, &oy1);
    if (ox1 == ox0 && oy1 == oy0)
      return G_SOURCE_CONTINUE;

    /* The start of the drag moves with the document. */
    self->drag_x0 += ox1 - ox0;
    self->drag_y0 += oy1 - oy0;
  }
  canvas_drag_to (self, self->drag_x, self->drag_y);
  return G_SOURCE_CONTINUE;
}

static void
canvas_drag_to (TpCanvas *self,
                double    x,
                double    y)
{
  if (self->drag_mode == DRAG_NONE)
    return;

  self->drag_x = x;
  self->drag_y = y;
  ensure_layout (self);

  if (self->drag_mode == DRAG_PENDING)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), (int) self->drag_x0, (int) self->drag_y0,
                                     (int) x, (int) y))
        return;

      if (self->drag_element == NULL)
        {
          self->drag_mode = DRAG_BAND;
          if (self->drag_state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK))
            {
              GHashTableIter iter;
              gpointer key;

              self->band_base = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
              g_hash_table_iter_init (&iter, self->selection);
              while (g_hash_table_iter_next (&iter, &key, NULL))
                g_hash_table_add (self->band_base, g_object_ref (key));
            }
        }
      else if (self->drag_on_dot)
        self->drag_mode = DRAG_DOT;
      else if (TP_IS_STAGE (self->drag_element) || TP_IS_LANE (self->drag_element))
        self->drag_mode = DRAG_HEADER;
      else if (TP_IS_TOUCHPOINT (self->drag_element))
        self->drag_mode = DRAG_CARD;
      else
        self->drag_mode = DRAG_NOTE;
    }

  if ((self->drag_mode == DRAG_CARD || self->drag_mode == DRAG_NOTE || self->drag_mode == DRAG_BAND
       || self->drag_mode == DRAG_HEADER)
      && self->autoscroll_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->autoscroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), autoscroll_tick, NULL, NULL);

  if (self->drag_mode == DRAG_CARD || self->drag_mode == DRAG_NOTE)
    {
      update_drop (self);
    }
  else if (self->drag_mode == DRAG_HEADER)
    {
      self->header_insert = header_insert_at (self, x, y);
    }
  else if (self->drag_mode == DRAG_DOT)
    {
      double doc_y;

      tp_canvas_widget_to_document (self, x, y, NULL, &doc_y);
      self->dot_score = CLAMP ((int) round (score_at (self, self->dot_lane, doc_y)), TP_SCORE_MIN, TP_SCORE_MAX);
    }
  else if (self->drag_mode == DRAG_BAND)
    {
      double x0, y0, x1, y1;
      g_autoptr(GPtrArray) items = NULL;
      TpRect band;

      tp_canvas_widget_to_document (self, MIN (self->drag_x0, x), MIN (self->drag_y0, y), &x0, &y0);
      tp_canvas_widget_to_document (self, MAX (self->drag_x0, x), MAX (self->drag_y0, y), &x1, &y1);
      band = TP_RECT_INIT (x0, y0, x1 - x0, y1 - y0);
      items = tp_layout_items_in_rect (self->layout, &band);

      g_hash_table_remove_all (self->selection);
      if (self->band_base != NULL)
        {
          GHashTableIter iter;
          gpointer key;

          g_hash_table_iter_init (&iter, self->band_base);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            g_hash_table_add (self->selection, g_object_ref (key));
        }
      for (guint i = 0; i < items->len; i++)
        if (!g_hash_table_contains (self->selection, g_ptr_array_index (items, i)))
          g_hash_table_add (self->selection, g_object_ref (g_ptr_array_index (items, i)));
      selection_changed (self);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The index @drop means for tp_document_move_touchpoint(), which counts
 * the cell's touchpoints without the one being moved. */
static guint
drop_index_without (TpCanvas           *self,
                    const TpLayoutDrop *drop,
                    TpTouchpoint       *moving)
{
  g_autoptr(GPtrArray) cell = NULL;
  guint index;

  if (drop->before == NULL)
    return G_MAXUINT;
  if (drop->before == moving)
    return drop->index;

  cell = tp_journey_get_cell_touchpoints (self->journey,
                                          tp_element_get_id (TP_ELEMENT (drop->stage)),
                                          tp_element_get_id (TP_ELEMENT (drop->lane)));
  g_ptr_array_remove (cell, moving);
  if (g_ptr_array_find (cell, drop->before, &index))
    return index;
  return G_MAXUINT;
}

static void
move_touchpoint_to (TpCanvas           *self,
                    TpTouchpoint       *touchpoint,
                    const TpLayoutDrop *drop)
{
  g_autoptr(GPtrArray) cell = NULL;
  const char *stage_id = tp_element_get_id (TP_ELEMENT (drop->stage));
  const char *lane_id = tp_element_get_id (TP_ELEMENT (drop->lane));
  guint index = drop_index_without (self, drop, touchpoint);
  guint current;

  /* Nothing to record when it would land where it is. */
  if (g_strcmp0 (stage_id, tp_touchpoint_get_stage_id (touchpoint)) == 0
      && g_strcmp0 (lane_id, tp_touchpoint_get_lane_id (touchpoint)) == 0)
    {
      cell = tp_journey_get_cell_touchpoints (self->journey, stage_id, lane_id);
      if (g_ptr_array_find (cell, touchpoint, &current)
          && (index == current || (index == G_MAXUINT && current == cell->len - 1)))
        return;
    }

  tp_document_move_touchpoint (self->document, touchpoint, stage_id, lane_id, index, NULL);
}

/* The number of stages (lanes) before the pointer: where a dragged stage
 * (lane) header would be put. */
static guint
header_insert_at (TpCanvas *self,
                  double    x,
                  double    y)
{
  gboolean stage = TP_IS_STAGE (self->drag_element);
  guint n = stage ? tp_layout_get_n_stages (self->layout) : tp_layout_get_n_lanes (self->layout);
  double doc_x, doc_y;
  guint insert = 0;

  tp_canvas_widget_to_document (self, x, y, &doc_x, &doc_y);
  for (guint i = 0; i < n; i++)
    {
      TpRect rect;

      if (stage ? !tp_layout_get_stage_rect (self->layout, i, &rect)
                : !tp_layout_get_lane_rect (self->layout, i, &rect))
        continue;
      if (stage ? doc_x > rect.x + rect.width / 2 : doc_y > rect.y + rect.height / 2)
        insert = i + 1;
    }
  return insert;
}

/* Moves a stage or lane to just before the one at @insert (or last);
 * one undo step, none when it stays. */
static void
move_header_to (TpCanvas  *self,
                TpElement *element,
                guint      insert)
{
  guint from = 0, to;

  if (!tp_journey_get_position (self->journey, element, &from))
    return;
  to = insert > from ? insert - 1 : insert;
  if (to != from)
    tp_document_reorder (self->document, element, to);
}

/* Attaches a dragged note to a touchpoint or stage, or links a dragged
 * opportunity to a touchpoint: one undo step, none when nothing changes. */
static void
reattach (TpCanvas  *self,
          TpElement *element,
          TpElement *target)
{
  const char *target_id = tp_element_get_id (target);

  if (TP_IS_EMPLOYEE_NOTE (element))
    {
      TpEmployeeNote *note = TP_EMPLOYEE_NOTE (element);

      if (TP_IS_TOUCHPOINT (target))
        {
          if (g_strcmp0 (tp_employee_note_get_touchpoint_id (note), target_id) != 0)
            tp_document_attach_note (self->document, note, target_id, NULL, NULL);
        }
      else if (TP_IS_STAGE (target))
        {
          if (g_strcmp0 (tp_employee_note_get_stage_id (note), target_id) != 0)
            tp_document_attach_note (self->document, note, NULL, target_id, NULL);
        }
    }
  else if (TP_IS_OPPORTUNITY (element) && TP_IS_TOUCHPOINT (target))
    {
      if (g_strcmp0 (tp_opportunity_get_touchpoint_id (TP_OPPORTUNITY (element)), target_id) != 0)
        tp_document_set_string (self->document, element, "touchpoint-id", target_id, NULL);
    }
}

static void
canvas_release (TpCanvas *self,
                double    x,
                double    y)
{
  if (self->drag_mode == DRAG_NONE)
    return;

  canvas_drag_to (self, x, y);

  if (self->drag_mode == DRAG_PENDING)
    {
      /* A click on a card that was already selected selects only it. */
      if (self->drag_element != NULL && self->drag_on_dot)
        select_only (self, self->drag_element);
      else if (self->drag_element != NULL && self->drag_was_selected
               && (self->drag_state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) == 0)
        select_only (self, self->drag_element);
    }
  else if (self->drag_mode == DRAG_CARD && self->drop_valid && self->document != NULL)
    {
      g_autoptr(TpElement) element = g_object_ref (self->drag_element);
      TpLayoutDrop drop = self->drop;

      clear_drag (self);
      move_touchpoint_to (self, TP_TOUCHPOINT (element), &drop);
      tp_canvas_scroll_to_element (self, element);
      return;
    }
  else if (self->drag_mode == DRAG_HEADER && self->document != NULL)
    {
      g_autoptr(TpElement) element = g_object_ref (self->drag_element);
      guint insert = self->header_insert;

      clear_drag (self);
      move_header_to (self, element, insert);
      return;
    }
  else if (self->drag_mode == DRAG_NOTE && self->note_target != NULL && self->document != NULL)
    {
      g_autoptr(TpElement) element = g_object_ref (self->drag_element);
      g_autoptr(TpElement) target = g_object_ref (self->note_target);

      clear_drag (self);
      reattach (self, element, target);
      select_only (self, element);
      tp_canvas_scroll_to_element (self, element);
      return;
    }
  else if (self->drag_mode == DRAG_DOT && self->document != NULL
           && self->dot_score >= TP_SCORE_MIN)
    {
      g_autoptr(TpElement) element = g_object_ref (self->drag_element);
      int score = self->dot_score;
      int old = 0;

      clear_drag (self);
      g_object_get (element, "score", &old, NULL);
      if (old != score)
        tp_document_set_int (self->document, element, "score", score, NULL);
      select_only (self, element);
      return;
    }

  clear_drag (self);
}

/* Escape during a drag: nothing changes. */
static gboolean
cancel_drag (TpCanvas *self)
{
  if (self->drag_mode == DRAG_NONE || self->drag_mode == DRAG_PENDING)
    return FALSE;

  if (self->drag_mode == DRAG_BAND && self->band_base == NULL)
    select_only (self, NULL);
  clear_drag (self);
  gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag_gesture));
  return TRUE;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               TpCanvas       *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  self->gesture_x = x;
  self->gesture_y = y;
  canvas_press (self, x, y, state);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                TpCanvas       *self)
{
  canvas_drag_to (self, self->gesture_x + dx, self->gesture_y + dy);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             TpCanvas       *self)
{
  canvas_release (self, self->gesture_x + dx, self->gesture_y + dy);
}

static void
on_drag_cancel (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                TpCanvas         *self)
{
  cancel_drag (self);
}

/* A double click edits what was clicked. Returns it, or NULL. */
static TpElement *
double_click_target (TpCanvas *self,
                     double    x,
                     double    y)
{
  TpLayoutHit hit = hit_test_widget (self, x, y);

  if (!hit_is_card (&hit) && hit.kind != TP_LAYOUT_HIT_STAGE_HEADER && hit.kind != TP_LAYOUT_HIT_LANE_HEADER)
    return NULL;

  /* The drag gesture saw the press too; stop it from dragging. */
  clear_drag (self);
  if (hit_is_card (&hit))
    select_only (self, hit.element);
  return hit.element;
}

static gboolean
edit_idle_cb (gpointer user_data)
{
  TpCanvas *self = user_data;
  g_autoptr(TpElement) element = g_steal_pointer (&self->edit_pending);

  self->edit_idle_id = 0;
  if (element != NULL && self->journey != NULL
      && tp_journey_lookup (self->journey, tp_element_get_id (element)) == element)
    tp_canvas_start_editing (self, element);
  return G_SOURCE_REMOVE;
}

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  TpCanvas        *self)
{
  TpElement *element;

  if (n_press != 2)
    return;

  element = double_click_target (self, x, y);
  if (element == NULL)
    return;

  /* After the drag gesture has handled this press (which would commit and
   * close an editor opened now). */
  g_set_object (&self->edit_pending, element);
  if (self->edit_idle_id == 0)
    self->edit_idle_id = g_idle_add_full (G_PRIORITY_HIGH, edit_idle_cb, self, NULL);
}

/* ---------------------------------------------------------------- context menu */

/* One entry per kind of lane, named by the kind; @after_id, when set, is
 * the lane the new one goes below. */
static GMenu *
lane_kinds_menu (const char *after_id)
{
  GMenu *kinds = g_menu_new ();
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (TP_TYPE_LANE_KIND);

  for (guint i = 0; i < enum_class->n_values; i++)
    {
      g_autofree char *action = NULL;

      if (after_id != NULL)
        action = g_strdup_printf ("canvas.add-lane-after(('%s',%d))", after_id, enum_class->values[i].value);
      else
        action = g_strdup_printf ("canvas.add-lane-of-kind(%d)", enum_class->values[i].value);
      g_menu_append (kinds, tp_lane_kind_get_display_name (enum_class->values[i].value), action);
    }
  return kinds;
}

/* A card's menu also reaches its stage and lane, so that headers can be
 * renamed, added and deleted without a pointer. */
static void
append_header_submenus (TpCanvas  *self,
                        GMenu     *menu,
                        TpElement *card)
{
  g_autoptr(GMenu) section = g_menu_new ();
  TpStage *stage = NULL;
  TpLane *lane = NULL;

  if (TP_IS_TOUCHPOINT (card))
    {
      stage = tp_journey_lookup_stage (self->journey, tp_touchpoint_get_stage_id (TP_TOUCHPOINT (card)));
      lane = tp_journey_lookup_lane (self->journey, tp_touchpoint_get_lane_id (TP_TOUCHPOINT (card)));
    }
  else if (TP_IS_EMPLOYEE_NOTE (card))
    {
      TpEmployeeNote *note = TP_EMPLOYEE_NOTE (card);
      TpTouchpoint *tp = tp_journey_lookup_touchpoint (self->journey, tp_employee_note_get_touchpoint_id (note));

      stage = tp_journey_lookup_stage (self->journey,
                                       tp ? tp_touchpoint_get_stage_id (tp) : tp_employee_note_get_stage_id (note));
    }

  if (stage != NULL)
    {
      g_autoptr(GMenu) items = g_menu_new ();
      const char *id = tp_element_get_id (TP_ELEMENT (stage));
      g_autofree char *rename = g_strdup_printf ("canvas.header(('rename','%s'))", id);
      g_autofree char *add = g_strdup_printf ("canvas.header(('add-after','%s'))", id);
      g_autofree char *remove = g_strdup_printf ("canvas.header(('delete','%s'))", id);
      /* Translators: a submenu; %s is the stage's name */
      g_autofree char *label = g_strdup_printf (_("Stage “%s”"), tp_stage_get_name (stage));

      g_menu_append (items, _("_Rename Stage"), rename);
      g_menu_append (items, _("_Add Stage After"), add);
      g_menu_append (items, _("_Delete Stage"), remove);
      g_menu_append_submenu (section, label, G_MENU_MODEL (items));
    }

  if (lane != NULL)
    {
      g_autoptr(GMenu) items = g_menu_new ();
      const char *id = tp_element_get_id (TP_ELEMENT (lane));
      g_autofree char *rename = g_strdup_printf ("canvas.header(('rename','%s'))", id);
      g_autofree char *remove = g_strdup_printf ("canvas.header(('delete','%s'))", id);
      g_autoptr(GMenu) kinds = lane_kinds_menu (id);
      /* Translators: a submenu; %s is the lane's name */
      g_autofree char *label = g_strdup_printf (_("Lane “%s”"), tp_lane_get_name (lane));

      g_menu_append (items, _("_Rename Lane"), rename);
      g_menu_append_submenu (items, _("_Add Lane Below"), G_MENU_MODEL (kinds));
      g_menu_append (items, _("_Delete Lane"), remove);
      g_menu_append_submenu (section, label, G_MENU_MODEL (items));
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
}

static void
show_menu (TpCanvas  *self,
           TpElement *target,
           double     x,
           double     y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  /* Inside the widget: a popover pointing outside its parent cannot be
   * placed on a monitor. */
  GdkRectangle rect = {
    CLAMP ((int) x, 0, MAX (0, gtk_widget_get_width (GTK_WIDGET (self)) - 1)),
    CLAMP ((int) y, 0, MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - 1)),
    1, 1
  };

  if (TP_IS_STAGE (target))
    {
      g_menu_append (section, _("_Rename Stage"), "canvas.rename");
      g_menu_append (section, _("_Add Stage After"), "canvas.add-stage");
      g_menu_append (section, _("Move _Left"), "canvas.move-header(-1)");
      g_menu_append (section, _("Move Ri_ght"), "canvas.move-header(1)");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
      g_menu_append (menu, _("_Delete Stage"), "canvas.delete-header");
    }
  else if (TP_IS_LANE (target))
    {
      g_menu_append (section, _("_Rename Lane"), "canvas.rename");
      {
        g_autoptr(GMenu) kinds = lane_kinds_menu (NULL);
        g_menu_append_submenu (section, _("_Add Lane"), G_MENU_MODEL (kinds));
      }
      g_menu_append (section, _("Move _Up"), "canvas.move-header(-1)");
      g_menu_append (section, _("Move _Down"), "canvas.move-header(1)");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
      g_menu_append (menu, _("_Delete Lane"), "canvas.delete-header");
    }
  else if (target == NULL)
    {
      /* The map itself: what a keyboard user needs to start from nothing. */
      g_menu_append (section, _("Add _Stage"), "canvas.add-stage");
      g_menu_append_submenu (section, _("Add _Lane"), G_MENU_MODEL (lane_kinds_menu (NULL)));
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
      g_clear_object (&section);
      section = g_menu_new ();
      g_menu_append (section, _("_Paste"), "canvas.paste");
      g_menu_append (section, _("Select _All"), "canvas.select-all");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }
  else
    {
      g_menu_append (section, _("_Edit Title"), "canvas.edit");
      if (TP_IS_TOUCHPOINT (target))
        {
          g_menu_append (section, _("_Moment of Truth"), "canvas.toggle-moment");
          g_menu_append (section, _("D_uplicate"), "canvas.duplicate");
          g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
          g_clear_object (&section);
          section = g_menu_new ();
          g_menu_append (section, _("Cu_t"), "canvas.cut");
          g_menu_append (section, _("_Copy"), "canvas.copy");
          g_menu_append (section, _("_Paste"), "canvas.paste");
        }
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
      g_menu_append (menu, _("_Delete"), "canvas.delete");
      if (target != NULL)
        append_header_submenus (self, menu, target);
    }

  g_set_object (&self->menu_target, target);
  canvas_update_actions (self);

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static gboolean
context_menu_at (TpCanvas *self,
                 double    x,
                 double    y)
{
  TpLayoutHit hit = hit_test_widget (self, x, y);

  stop_editing (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (hit_is_card (&hit))
    {
      if (!g_hash_table_contains (self->selection, hit.element))
        select_only (self, hit.element);
      else
        set_cursor (self, hit.element);
      show_menu (self, hit.element, x, y);
      return TRUE;
    }
  if (hit.kind == TP_LAYOUT_HIT_STAGE_HEADER || hit.kind == TP_LAYOUT_HIT_LANE_HEADER)
    {
      show_menu (self, hit.element, x, y);
      return TRUE;
    }
  return FALSE;
}

static void
on_secondary_pressed (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      TpCanvas        *self)
{
  if (context_menu_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
context_menu_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  TpCanvas *self = TP_CANVAS (widget);
  TpElement *element = get_primary_selected (self);
  graphene_rect_t bounds;
  TpRect rect;

  if (self->editor != NULL)
    return FALSE;

  if (element == NULL)
    {
      show_menu (self, NULL, 24, 24);
      return TRUE;
    }

  ensure_layout (self);
  tp_canvas_scroll_to_element (self, element);
  if (!tp_layout_get_card_rect (self->layout, element, &rect))
    return FALSE;
  document_rect_to_widget (self, &rect, &bounds);
  show_menu (self, element, bounds.origin.x + bounds.size.width / 2, bounds.origin.y + bounds.size.height / 2);
  return TRUE;
}

/* ---------------------------------------------------------------- actions */

static void
canvas_update_actions (TpCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_doc = self->document != NULL;
  gboolean has_selection = g_hash_table_size (self->selection) > 0;
  TpElement *primary = has_selection ? get_primary_selected (self) : NULL;

  gtk_widget_action_set_enabled (widget, "canvas.zoom-in", self->zoom < TP_CANVAS_MAX_ZOOM - 1e-6);
  gtk_widget_action_set_enabled (widget, "canvas.zoom-out", self->zoom > TP_CANVAS_MIN_ZOOM + 1e-6);
  gtk_widget_action_set_enabled (widget, "canvas.select-all", has_doc);
  gtk_widget_action_set_enabled (widget, "canvas.delete", has_doc && has_selection);
  gtk_widget_action_set_enabled (widget, "canvas.edit", has_doc && primary != NULL);
  gtk_widget_action_set_enabled (widget, "canvas.duplicate", has_doc && has_selection);
  gtk_widget_action_set_enabled (widget, "canvas.set-score", has_doc && has_selection);
  gtk_widget_action_set_enabled (widget, "canvas.copy", has_doc && has_selection);
  gtk_widget_action_set_enabled (widget, "canvas.cut", has_doc && has_selection);
  gtk_widget_action_set_enabled (widget, "canvas.paste", has_doc && clipboard != NULL && clipboard->len > 0);
  gtk_widget_action_set_enabled (widget, "canvas.toggle-moment",
                                 has_doc && primary != NULL && TP_IS_TOUCHPOINT (primary));
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);

  tp_canvas_set_zoom (self, next_zoom_step (self->zoom, 1));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);

  tp_canvas_set_zoom (self, next_zoom_step (self->zoom, -1));
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  tp_canvas_set_zoom (TP_CANVAS (widget), 1.0);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  tp_canvas_zoom_to_fit (TP_CANVAS (widget));
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  tp_canvas_select_all (TP_CANVAS (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);
  g_autoptr(GPtrArray) selection = tp_canvas_get_selection (self);

  if (self->document == NULL || selection->len == 0)
    return;
  tp_document_delete_many (self->document, selection);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);
  TpElement *element = get_primary_selected (self);

  if (element != NULL)
    tp_canvas_start_editing (self, element);
}

static void
toggle_moment_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);
  TpElement *element = get_primary_selected (self);

  if (self->document == NULL || element == NULL || !TP_IS_TOUCHPOINT (element))
    return;
  tp_document_set_boolean (self->document, element, "moment-of-truth",
                           !tp_touchpoint_get_moment_of_truth (TP_TOUCHPOINT (element)), NULL);
}

/* Digits score the selected touchpoints (0 is 10), one undo step. */
static void
set_score_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);
  g_autoptr(GPtrArray) selection = tp_canvas_get_selection (self);
  int score = g_variant_get_int32 (parameter);

  if (self->document == NULL || score < TP_SCORE_UNSET || score > TP_SCORE_MAX)
    return;

  tp_document_begin_group (self->document, _("Change Score"));
  for (guint i = 0; i < selection->len; i++)
    {
      TpElement *element = g_ptr_array_index (selection, i);
      int old = 0;

      if (!TP_IS_TOUCHPOINT (element))
        continue;
      g_object_get (element, "score", &old, NULL);
      if (old != score)
        tp_document_set_int (self->document, element, "score", score, NULL);
    }
  tp_document_end_group (self->document);
}

static TpTouchpoint *
copy_touchpoint (TpJourney    *journey,
                 TpTouchpoint *touchpoint)
{
  static const char *copied[] = {
    "title", "description", "stage-id", "lane-id", "channel", "score",
    "moment-of-truth", "department", "role", "quote", "notes",
  };
  g_autofree char *id = tp_journey_make_id (journey, TP_TYPE_TOUCHPOINT);
  TpTouchpoint *copy = g_object_new (TP_TYPE_TOUCHPOINT, "id", id, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (touchpoint), copied[i], &value);
      g_object_set_property (G_OBJECT (copy), copied[i], &value);
    }
  return copy;
}

static void
copy_selection (TpCanvas *self)
{
  g_autoptr(GPtrArray) selection = tp_canvas_get_selection (self);
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < selection->len; i++)
    if (TP_IS_TOUCHPOINT (g_ptr_array_index (selection, i)))
      g_ptr_array_add (copies, copy_touchpoint (self->journey, g_ptr_array_index (selection, i)));

  if (copies->len == 0)
    {
      g_ptr_array_unref (copies);
      return;
    }
  g_clear_pointer (&clipboard, g_ptr_array_unref);
  clipboard = copies;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);

  if (self->document == NULL)
    return;
  copy_selection (self);
  canvas_update_actions (self);
}

static void
cut_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);
  g_autoptr(GPtrArray) selection = NULL;
  g_autoptr(GPtrArray) touchpoints = g_ptr_array_new ();

  if (self->document == NULL)
    return;
  copy_selection (self);
  selection = tp_canvas_get_selection (self);
  for (guint i = 0; i < selection->len; i++)
    if (TP_IS_TOUCHPOINT (g_ptr_array_index (selection, i)))
      g_ptr_array_add (touchpoints, g_ptr_array_index (selection, i));
  if (touchpoints->len > 0)
    tp_document_delete_many (self->document, touchpoints);
  canvas_update_actions (self);
}

/* Pastes after the selected card, or at the end of the first cell; one
 * undo step. */
static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);
  g_autoptr(GPtrArray) pasted = g_ptr_array_new_with_free_func (g_object_unref);
  TpElement *selected;
  const char *stage_id = NULL, *lane_id = NULL;
  guint position = G_MAXUINT;

  if (self->document == NULL || clipboard == NULL || clipboard->len == 0)
    return;

  ensure_layout (self);
  selected = get_primary_selected (self);
  if (selected != NULL && TP_IS_TOUCHPOINT (selected))
    {
      stage_id = tp_touchpoint_get_stage_id (TP_TOUCHPOINT (selected));
      lane_id = tp_touchpoint_get_lane_id (TP_TOUCHPOINT (selected));
      if (tp_journey_get_position (self->journey, selected, &position))
        position++;
    }
  else
    {
      TpLayoutDrop drop;

      if (!first_cell_drop (self, &drop))
        return;
      stage_id = tp_element_get_id (TP_ELEMENT (drop.stage));
      lane_id = tp_element_get_id (TP_ELEMENT (drop.lane));
      position = list_position_for_drop (self, &drop);
    }

  tp_document_begin_group (self->document, _("Paste"));
  for (guint i = 0; i < clipboard->len; i++)
    {
      g_autoptr(TpTouchpoint) copy = copy_touchpoint (self->journey, g_ptr_array_index (clipboard, i));

      g_object_set (copy, "stage-id", stage_id, "lane-id", lane_id, NULL);
      if (tp_document_add (self->document, TP_ELEMENT (copy), position, NULL))
        {
          g_ptr_array_add (pasted, g_object_ref (copy));
          if (position != G_MAXUINT)
            position++;
        }
    }
  tp_document_end_group (self->document);

  if (pasted->len > 0)
    {
      g_hash_table_remove_all (self->selection);
      for (guint i = 0; i < pasted->len; i++)
        g_hash_table_add (self->selection, g_object_ref (g_ptr_array_index (pasted, i)));
      set_cursor (self, g_ptr_array_index (pasted, 0));
      selection_changed (self);
      tp_canvas_scroll_to_element (self, g_ptr_array_index (pasted, 0));
    }
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);
  g_autoptr(GPtrArray) selection = tp_canvas_get_selection (self);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->document == NULL)
    return;

  tp_document_begin_group (self->document, _("Duplicate"));
  for (guint i = 0; i < selection->len; i++)
    {
      TpElement *element = g_ptr_array_index (selection, i);
      g_autoptr(TpTouchpoint) copy = NULL;
      guint position = 0;

      if (!TP_IS_TOUCHPOINT (element))
        continue;
      copy = copy_touchpoint (self->journey, TP_TOUCHPOINT (element));
      tp_journey_get_position (self->journey, element, &position);
      if (tp_document_add (self->document, TP_ELEMENT (copy), position + 1, NULL))
        g_ptr_array_add (copies, g_object_ref (copy));
    }
  tp_document_end_group (self->document);

  if (copies->len > 0)
    {
      g_hash_table_remove_all (self->selection);
      for (guint i = 0; i < copies->len; i++)
        g_hash_table_add (self->selection, g_object_ref (g_ptr_array_index (copies, i)));
      set_cursor (self, g_ptr_array_index (copies, 0));
      selection_changed (self);
    }
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);

  if (self->menu_target != NULL)
    tp_canvas_start_editing (self, self->menu_target);
}

static void
add_header_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);
  g_autoptr(TpElement) element = NULL;
  g_autofree char *id = NULL;
  guint position = G_MAXUINT;

  if (self->document == NULL)
    return;

  if (g_str_equal (action_name, "canvas.add-stage"))
    {
      id = tp_journey_make_id (self->journey, TP_TYPE_STAGE);
      element = TP_ELEMENT (tp_stage_new (id, _("New stage")));
      if (self->menu_target != NULL && TP_IS_STAGE (self->menu_target)
          && tp_journey_get_position (self->journey, self->menu_target, &position))
        position++;
    }
  else
    {
      /* canvas.add-lane-of-kind has the kind; canvas.add-lane a touchpoints lane. */
      TpLaneKind kind = parameter != NULL ? (TpLaneKind) g_variant_get_int32 (parameter) : TP_LANE_KIND_TOUCHPOINTS;

      if (tp_enum_to_nick (TP_TYPE_LANE_KIND, kind) == NULL)
        return;
      id = tp_journey_make_id (self->journey, TP_TYPE_LANE);
      element = TP_ELEMENT (tp_lane_new (id, tp_lane_kind_get_display_name (kind), kind));
      if (self->menu_target != NULL && TP_IS_LANE (self->menu_target)
          && tp_journey_get_position (self->journey, self->menu_target, &position))
        position++;
    }

  if (tp_document_add (self->document, element, position, NULL))
    tp_canvas_start_editing (self, element);
}

/* Moves the menu's stage or lane one place (-1 or 1). */
static void
move_header_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);
  int delta = g_variant_get_int32 (parameter);
  GListModel *list;
  guint from = 0;

  if (self->document == NULL || self->menu_target == NULL
      || !(TP_IS_STAGE (self->menu_target) || TP_IS_LANE (self->menu_target))
      || !tp_journey_get_position (self->journey, self->menu_target, &from))
    return;

  list = tp_journey_get_list_for_type (self->journey, G_OBJECT_TYPE (self->menu_target));
  if ((delta < 0 && from == 0) || (delta > 0 && from + 1 >= g_list_model_get_n_items (list)))
    return;
  tp_document_reorder (self->document, self->menu_target, from + delta);
}

static void delete_header_action (GtkWidget *widget, const char *action_name, GVariant *parameter);

/* A stage or lane named by id, from the menus a card or the keyboard opens:
 * (verb, id) with verb rename, add-after or delete. */
static void
header_by_id_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);
  const char *verb, *id;
  TpElement *header;

  g_variant_get (parameter, "(&s&s)", &verb, &id);
  header = self->journey ? tp_journey_lookup (self->journey, id) : NULL;
  if (!TP_IS_STAGE (header) && !TP_IS_LANE (header))
    return;

  g_set_object (&self->menu_target, header);
  if (g_str_equal (verb, "rename"))
    rename_action (widget, "canvas.rename", NULL);
  else if (g_str_equal (verb, "add-after"))
    add_header_action (widget, TP_IS_STAGE (header) ? "canvas.add-stage" : "canvas.add-lane", NULL);
  else if (g_str_equal (verb, "delete"))
    delete_header_action (widget, "canvas.delete-header", NULL);
}

static void
add_lane_after_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);
  const char *id;
  int kind;
  TpElement *lane;

  g_variant_get (parameter, "(&si)", &id, &kind);
  lane = self->journey ? tp_journey_lookup (self->journey, id) : NULL;
  if (!TP_IS_LANE (lane))
    return;

  g_set_object (&self->menu_target, lane);
  {
    g_autoptr(GVariant) kind_variant = g_variant_ref_sink (g_variant_new_int32 (kind));
    add_header_action (widget, "canvas.add-lane-of-kind", kind_variant);
  }
}

static void
delete_header_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);

  if (self->document != NULL && self->menu_target != NULL)
    tp_document_delete (self->document, self->menu_target);
  g_clear_object (&self->menu_target);
}

/* ---------------------------------------------------------------- keyboard */

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  TpCanvas *self = TP_CANVAS (widget);

  if (self->editor != NULL)
    return FALSE;
  if (cancel_drag (self))
    return TRUE;
  if (g_hash_table_size (self->selection) == 0)
    return FALSE;
  select_only (self, NULL);
  return TRUE;
}

static gboolean
card_center (TpCanvas  *self,
             TpElement *element,
             double    *x,
             double    *y)
{
  TpRect rect;

  if (!tp_layout_get_card_rect (self->layout, element, &rect))
    return FALSE;
  *x = rect.x + rect.width / 2;
  *y = rect.y + rect.height / 2;
  return TRUE;
}

/* Moves the selection to the nearest card in a direction. */
static gboolean
select_neighbour (TpCanvas *self,
                  int       dx,
                  int       dy)
{
  g_autoptr(GPtrArray) items = NULL;
  TpElement *from, *best = NULL;
  double fx, fy, w, h, best_score = G_MAXDOUBLE;
  TpRect all;

  if (self->editor != NULL || self->layout == NULL)
    return FALSE;

  ensure_layout (self);
  tp_layout_get_size (self->layout, &w, &h);
  all = TP_RECT_INIT (0, 0, w, h);
  items = tp_layout_items_in_rect (self->layout, &all);
  if (items->len == 0)
    return FALSE;

  from = self->cursor != NULL ? self->cursor : get_primary_selected (self);
  if (from == NULL || !card_center (self, from, &fx, &fy))
    {
      select_only (self, g_ptr_array_index (items, 0));
      tp_canvas_scroll_to_element (self, g_ptr_array_index (items, 0));
      return TRUE;
    }

  for (guint i = 0; i < items->len; i++)
    {
      TpElement *element = g_ptr_array_index (items, i);
      double x, y, along, across, score;

      if (element == from || !card_center (self, element, &x, &y))
        continue;
      along = (x - fx) * dx + (y - fy) * dy;
      across = fabs ((x - fx) * dy) + fabs ((y - fy) * dx);
      if (along <= 1)
        continue;
      score = along + 3 * across;
      if (score < best_score)
        {
          best_score = score;
          best = element;
        }
    }

  if (best != NULL)
    {
      select_only (self, best);
      tp_canvas_scroll_to_element (self, best);
    }
  return TRUE;
}

/* Alt+arrows: moves the selected touchpoint one place in its cell, or to
 * the same lane of the neighbouring stage; one undo step each. */
static gboolean
move_selected_card (TpCanvas *self,
                    int       dx,
                    int       dy)
{
  TpElement *element = get_primary_selected (self);
  TpTouchpoint *touchpoint;
  g_autoptr(GPtrArray) cell = NULL;
  guint index = 0;

  if (self->editor != NULL || self->document == NULL || element == NULL || !TP_IS_TOUCHPOINT (element))
    return FALSE;
  touchpoint = TP_TOUCHPOINT (element);

  cell = tp_journey_get_cell_touchpoints (self->journey, tp_touchpoint_get_stage_id (touchpoint),
                                          tp_touchpoint_get_lane_id (touchpoint));
  g_ptr_array_find (cell, touchpoint, &index);

  if (dy != 0)
    {
      if ((dy < 0 && index == 0) || (dy > 0 && index + 1 >= cell->len))
        return TRUE;
      tp_document_move_touchpoint (self->document, touchpoint,
                                   tp_touchpoint_get_stage_id (touchpoint),
                                   tp_touchpoint_get_lane_id (touchpoint),
                                   index + dy, NULL);
    }
  else
    {
      GListModel *stages = tp_journey_get_stages (self->journey);
      TpStage *stage = tp_journey_lookup_stage (self->journey, tp_touchpoint_get_stage_id (touchpoint));
      guint position = 0;
      g_autoptr(TpStage) target = NULL;

      if (stage == NULL || !tp_journey_get_position (self->journey, TP_ELEMENT (stage), &position))
        return TRUE;
      if ((dx < 0 && position == 0) || (dx > 0 && position + 1 >= g_list_model_get_n_items (stages)))
        return TRUE;
      target = g_list_model_get_item (stages, position + dx);
      tp_document_move_touchpoint (self->document, touchpoint,
                                   tp_element_get_id (TP_ELEMENT (target)),
                                   tp_touchpoint_get_lane_id (touchpoint),
                                   index, NULL);
    }

  tp_canvas_scroll_to_element (self, element);
  return TRUE;
}

static gboolean
navigate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  int dx = 0, dy = 0;

  g_variant_get (args, "(ii)", &dx, &dy);
  return select_neighbour (TP_CANVAS (widget), dx, dy);
}

static gboolean
move_card_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  int dx = 0, dy = 0;

  g_variant_get (args, "(ii)", &dx, &dy);
  return move_selected_card (TP_CANVAS (widget), dx, dy);
}

/* The same as actions with a "(ii)" direction, for menus and tests. */
static void
select_neighbour_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  int dx = 0, dy = 0;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  select_neighbour (TP_CANVAS (widget), dx, dy);
}

static void
move_card_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  int dx = 0, dy = 0;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  move_selected_card (TP_CANVAS (widget), dx, dy);
}

/* ---------------------------------------------------------------- palette drops */

static gboolean
parse_item (const char *item,
            GType      *type,
            int        *detail)
{
  if (item == NULL)
    return FALSE;
  if (g_str_has_prefix (item, "channel:"))
    {
      *type = TP_TYPE_TOUCHPOINT;
      return tp_enum_from_nick (TP_TYPE_CHANNEL, item + strlen ("channel:"), detail);
    }
  if (g_str_equal (item, "blocker") || g_str_equal (item, "enabler"))
    {
      *type = TP_TYPE_EMPLOYEE_NOTE;
      *detail = g_str_equal (item, "blocker") ? TP_NOTE_KIND_BLOCKER : TP_NOTE_KIND_ENABLER;
      return TRUE;
    }
  if (g_str_equal (item, "opportunity"))
    {
      *type = TP_TYPE_OPPORTUNITY;
      *detail = 0;
      return TRUE;
    }
  return FALSE;
}

/* The touchpoint whose card (or one of whose notes) is at a point. */
static TpTouchpoint *
touchpoint_at (TpCanvas *self,
               double    doc_x,
               double    doc_y)
{
  TpLayoutHit hit = tp_layout_hit_test (self->layout, doc_x, doc_y, DOT_TOLERANCE_PX / self->zoom);

  if (hit.kind == TP_LAYOUT_HIT_TOUCHPOINT || hit.kind == TP_LAYOUT_HIT_CURVE_DOT)
    return TP_IS_TOUCHPOINT (hit.element) ? TP_TOUCHPOINT (hit.element) : NULL;
  if (hit.kind == TP_LAYOUT_HIT_EMPLOYEE_NOTE)
    {
      const char *id = tp_employee_note_get_touchpoint_id (TP_EMPLOYEE_NOTE (hit.element));

      return id != NULL && *id != '\0' ? tp_journey_lookup_touchpoint (self->journey, id) : NULL;
    }
  return NULL;
}

static TpStage *
stage_at (TpCanvas *self,
          double    doc_x,
          double    doc_y)
{
  TpLayoutHit hit = tp_layout_hit_test (self->layout, doc_x, doc_y, 0);

  return hit.stage;
}

/* Where in the touchpoint list a new touchpoint goes for @drop. */
static guint
list_position_for_drop (TpCanvas           *self,
                        const TpLayoutDrop *drop)
{
  g_autoptr(GPtrArray) cell = NULL;
  guint position = G_MAXUINT;

  if (drop->before != NULL && tp_journey_get_position (self->journey, TP_ELEMENT (drop->before), &position))
    return position;

  cell = tp_journey_get_cell_touchpoints (self->journey,
                                          tp_element_get_id (TP_ELEMENT (drop->stage)),
                                          tp_element_get_id (TP_ELEMENT (drop->lane)));
  if (cell->len > 0 && tp_journey_get_position (self->journey, g_ptr_array_index (cell, cell->len - 1), &position))
    return position + 1;
  return G_MAXUINT;
}

static TpElement *
add_item (TpCanvas           *self,
          const char         *item,
          const TpLayoutDrop *drop,
          TpTouchpoint       *touchpoint,
          TpStage            *stage)
{
  g_autoptr(TpElement) element = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  guint position = G_MAXUINT;
  GType type;
  int detail;

  if (self->document == NULL || !parse_item (item, &type, &detail))
    return NULL;

  id = tp_journey_make_id (self->journey, type);
  if (type == TP_TYPE_TOUCHPOINT)
    {
      if (drop == NULL)
        return NULL;
      element = TP_ELEMENT (tp_touchpoint_new (id, _("New touchpoint"),
                                               tp_element_get_id (TP_ELEMENT (drop->stage)),
                                               tp_element_get_id (TP_ELEMENT (drop->lane)),
                                               detail));
      position = list_position_for_drop (self, drop);
    }
  else if (type == TP_TYPE_EMPLOYEE_NOTE)
    {
      element = TP_ELEMENT (tp_employee_note_new (id, detail,
                                                  detail == TP_NOTE_KIND_BLOCKER ? _("New blocker")
                                                                                 : _("New enabler")));
      if (touchpoint != NULL)
        g_object_set (element, "touchpoint-id", tp_element_get_id (TP_ELEMENT (touchpoint)), NULL);
      else if (stage != NULL)
        g_object_set (element, "stage-id", tp_element_get_id (TP_ELEMENT (stage)), NULL);
      else
        return NULL;
    }
  else
    {
      element = TP_ELEMENT (tp_opportunity_new (id, _("New opportunity")));
      if (touchpoint != NULL)
        g_object_set (element, "touchpoint-id", tp_element_get_id (TP_ELEMENT (touchpoint)), NULL);
    }

  if (!tp_document_add (self->document, element, position, &error))
    {
      g_warning ("Could not add %s: %s", item, error->message);
      return NULL;
    }

  select_only (self, element);
  ensure_layout (self);
  tp_canvas_scroll_to_element (self, element);
  /* Ready to type its title. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    tp_canvas_start_editing (self, element);
  return element;
}

TpElement *
tp_canvas_add_item_at (TpCanvas   *self,
                       const char *item,
                       double      doc_x,
                       double      doc_y)
{
  TpLayoutDrop drop;
  gboolean have_drop;

  g_return_val_if_fail (TP_IS_CANVAS (self), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  ensure_layout (self);
  if (self->layout == NULL)
    return NULL;

  have_drop = tp_layout_get_drop_position (self->layout, doc_x, doc_y, &drop);
  return add_item (self, item, have_drop ? &drop : NULL,
                   touchpoint_at (self, doc_x, doc_y), stage_at (self, doc_x, doc_y));
}

/* The first cell of a touchpoints lane, or of any lane. */
static gboolean
first_cell_drop (TpCanvas     *self,
                 TpLayoutDrop *drop)
{
  guint n_lanes = tp_layout_get_n_lanes (self->layout);

  if (tp_layout_get_n_stages (self->layout) == 0 || n_lanes == 0)
    return FALSE;

  for (int pass = 0; pass < 2; pass++)
    for (guint l = 0; l < n_lanes; l++)
      {
        TpRect cell;
        TpLayoutHit hit;

        if (!tp_layout_get_cell_rect (self->layout, 0, l, &cell))
          continue;
        hit = tp_layout_hit_test (self->layout, cell.x + 1, cell.y + 1, 0);
        if (hit.lane == NULL || (pass == 0 && tp_lane_get_kind (hit.lane) != TP_LANE_KIND_TOUCHPOINTS))
          continue;
        return tp_layout_get_drop_position (self->layout, cell.x + 1, cell.y + cell.height - 1, drop);
      }
  return FALSE;
}

TpElement *
tp_canvas_add_item (TpCanvas   *self,
                    const char *item)
{
  TpElement *selected;
  TpTouchpoint *touchpoint = NULL;
  TpLayoutDrop drop;
  gboolean have_drop = FALSE;
  TpStage *stage = NULL;

  g_return_val_if_fail (TP_IS_CANVAS (self), NULL);

  ensure_layout (self);
  if (self->layout == NULL)
    return NULL;

  selected = get_primary_selected (self);
  if (selected != NULL && TP_IS_TOUCHPOINT (selected))
    {
      TpRect rect;

      touchpoint = TP_TOUCHPOINT (selected);
      stage = tp_journey_lookup_stage (self->journey, tp_touchpoint_get_stage_id (touchpoint));
      /* After the selected card, in its cell. */
      if (tp_layout_get_card_rect (self->layout, selected, &rect))
        have_drop = tp_layout_get_drop_position (self->layout, rect.x + 1,
                                                 rect.y + rect.height - 1, &drop);
    }
  if (!have_drop)
    have_drop = first_cell_drop (self, &drop);
  if (stage == NULL && have_drop)
    stage = drop.stage;

  return add_item (self, item, have_drop ? &drop : NULL, touchpoint, stage);
}

static const char *
drop_item_from_value (const GValue *value)
{
  const char *text;

  if (value == NULL || !G_VALUE_HOLDS_STRING (value))
    return NULL;
  text = g_value_get_string (value);
  if (text == NULL || !g_str_has_prefix (text, "touchpoint-palette:"))
    return NULL;
  return text + strlen ("touchpoint-palette:");
}

static void
update_dnd (TpCanvas   *self,
            const char *item,
            double      x,
            double      y)
{
  double doc_x, doc_y;
  GType type = G_TYPE_INVALID;
  int detail;

  ensure_layout (self);
  widget_to_document_pinned (self, x, y, &doc_x, &doc_y);
  self->dnd_active = TRUE;
  self->dnd_drop_valid = FALSE;
  self->dnd_target = NULL;

  /* Before the data has arrived, show where a touchpoint would go. */
  if (item == NULL || (parse_item (item, &type, &detail) && type == TP_TYPE_TOUCHPOINT))
    self->dnd_drop_valid = tp_layout_get_drop_position (self->layout, doc_x, doc_y, &self->dnd_drop);
  else
    self->dnd_target = (TpElement *) touchpoint_at (self, doc_x, doc_y);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static GdkDragAction
on_dnd_enter (GtkDropTarget *target,
              double         x,
              double         y,
              TpCanvas      *self)
{
  update_dnd (self, drop_item_from_value (gtk_drop_target_get_value (target)), x, y);
  return GDK_ACTION_COPY;
}

static GdkDragAction
on_dnd_motion (GtkDropTarget *target,
               double         x,
               double         y,
               TpCanvas      *self)
{
  update_dnd (self, drop_item_from_value (gtk_drop_target_get_value (target)), x, y);
  return GDK_ACTION_COPY;
}

static void
on_dnd_leave (GtkDropTarget *target,
              TpCanvas      *self)
{
  self->dnd_active = FALSE;
  self->dnd_drop_valid = FALSE;
  self->dnd_target = NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
canvas_drop (TpCanvas   *self,
             const char *item,
             double      x,
             double      y)
{
  double doc_x, doc_y;

  self->dnd_active = FALSE;
  self->dnd_drop_valid = FALSE;
  self->dnd_target = NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (item == NULL)
    return FALSE;
  widget_to_document_pinned (self, x, y, &doc_x, &doc_y);
  stop_editing (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  return tp_canvas_add_item_at (self, item, doc_x, doc_y) != NULL;
}

static gboolean
on_dnd_drop (GtkDropTarget *target,
             const GValue  *value,
             double         x,
             double         y,
             TpCanvas      *self)
{
  return canvas_drop (self, drop_item_from_value (value), x, y);
}

/* ---------------------------------------------------------------- drawing */

static TpPalette
current_palette (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) ? TP_PALETTE_DARK : TP_PALETTE_LIGHT;
}

static void
draw_score_bubble (TpCanvas *self,
                   cairo_t  *cr,
                   int       score,
                   double    x,
                   double    y)
{
  PangoLayout *text;
  g_autofree char *label = g_strdup_printf ("%d", score);
  double rgb[3];
  int tw, th;
  double r;

  tp_score_color (score, current_palette (), rgb);
  text = gtk_widget_create_pango_layout (GTK_WIDGET (self), label);
  pango_layout_get_pixel_size (text, &tw, &th);
  r = MAX (tw, th) / 2.0 + 6;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  if (score >= 5 && score <= 8)
    cairo_set_source_rgb (cr, 0.14, 0.12, 0.19);
  cairo_move_to (cr, x - tw / 2.0, y - th / 2.0);
  pango_cairo_show_layout (cr, text);
  cairo_restore (cr);
  g_object_unref (text);
}

/* The map with its headers pinned: the body scrolls under the stage
 * header row and the lane header column, which stay in view. @cr is in
 * widget coordinates. */
static void
render_scene (TpCanvas              *self,
              cairo_t               *cr,
              const TpRenderOptions *options,
              double                 ox,
              double                 oy,
              int                    width,
              int                    height)
{
  TpRenderOptions parts = *options;
  double hx, hy, body_x, body_y;

  get_header_origin (self, &hx, &hy);

  /* The pinned headers are opaque and cover the body's top and left
   * edges: leave those out of the body's clip and culling. */
  body_x = hx + TP_LAYOUT_LANE_HEADER_WIDTH * self->zoom;
  body_y = hy + TP_LAYOUT_STAGE_HEADER_HEIGHT * self->zoom;
  cairo_save (cr);
  if (body_x < width && body_y < height)
    {
      cairo_rectangle (cr, body_x, body_y, width - body_x, height - body_y);
      cairo_clip (cr);
      parts.visible = TP_RECT_INIT ((body_x - ox) / self->zoom, (body_y - oy) / self->zoom,
                                    (width - body_x) / self->zoom, (height - body_y) / self->zoom);
    }
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, self->zoom, self->zoom);
  parts.parts = TP_RENDER_BODY;
  tp_render_journey (cr, self->layout, &parts);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_translate (cr, hx, oy);
  cairo_scale (cr, self->zoom, self->zoom);
  parts.parts = TP_RENDER_LANE_HEADERS;
  parts.visible = TP_RECT_INIT (0, -oy / self->zoom, TP_LAYOUT_LANE_HEADER_WIDTH, height / self->zoom);
  tp_render_journey (cr, self->layout, &parts);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_translate (cr, ox, hy);
  cairo_scale (cr, self->zoom, self->zoom);
  parts.parts = TP_RENDER_STAGE_HEADERS;
  parts.visible = TP_RECT_INIT (-ox / self->zoom, 0, width / self->zoom, TP_LAYOUT_STAGE_HEADER_HEIGHT);
  tp_render_journey (cr, self->layout, &parts);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_translate (cr, hx, hy);
  cairo_scale (cr, self->zoom, self->zoom);
  parts.parts = TP_RENDER_CORNER;
  parts.visible = TP_RECT_INIT (0, 0, TP_LAYOUT_LANE_HEADER_WIDTH, TP_LAYOUT_STAGE_HEADER_HEIGHT);
  tp_render_journey (cr, self->layout, &parts);
  cairo_restore (cr);
}

/* A cairo node for the document rectangle @rect (grown by @margin units
 * for shadows), clipped to the viewport, set up for document units.
 * NULL when nothing of it is visible. */
static cairo_t *
append_document_cairo (TpCanvas     *self,
                       GtkSnapshot  *snapshot,
                       const TpRect *rect,
                       double        margin,
                       double        ox,
                       double        oy,
                       int           width,
                       int           height)
{
  graphene_rect_t bounds, viewport = GRAPHENE_RECT_INIT (0, 0, width, height);
  TpRect grown = tp_rect_inset (rect, -margin, -margin);
  cairo_t *cr;

  document_rect_to_widget (self, &grown, &bounds);
  graphene_rect_round_extents (&bounds, &bounds);
  if (!graphene_rect_intersection (&bounds, &viewport, &bounds))
    return NULL;

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, self->zoom, self->zoom);
  return cr;
}

/* While a card is dragged only it and the drop line move: the rest is one
 * node drawn at the start of the drag and reused every frame, and the card
 * and the line get small nodes of their own. */
static void
snapshot_card_drag (TpCanvas              *self,
                    GtkSnapshot           *snapshot,
                    const TpRenderOptions *options,
                    double                 ox,
                    double                 oy,
                    int                    width,
                    int                    height)
{
  SceneKey key;
  double dx = (self->drag_x - self->drag_x0) / self->zoom;
  double dy = (self->drag_y - self->drag_y0) / self->zoom;
  TpRect card;
  cairo_t *cr;

  memset (&key, 0, sizeof key);
  key.zoom = self->zoom;
  key.ox = ox;
  key.oy = oy;
  key.width = width;
  key.height = height;
  key.palette = options->palette;
  key.element = self->drag_element;
  key.layout_serial = self->layout_serial;
  key.selection_serial = self->selection_serial;

  if (self->scene_node == NULL || memcmp (&key, &self->scene_key, sizeof key) != 0)
    {
      GtkSnapshot *scene = gtk_snapshot_new ();

      cr = gtk_snapshot_append_cairo (scene, &GRAPHENE_RECT_INIT (0, 0, width, height));
      render_scene (self, cr, options, ox, oy, width, height);
      cairo_destroy (cr);

      g_clear_pointer (&self->scene_node, gsk_render_node_unref);
      self->scene_node = gtk_snapshot_free_to_node (scene);
      self->scene_key = key;
    }
  if (self->scene_node != NULL)
    gtk_snapshot_append_node (snapshot, self->scene_node);

  if (self->drop_valid)
    {
      cr = append_document_cairo (self, snapshot, &self->drop.indicator, 6, ox, oy, width, height);
      if (cr != NULL)
        {
          tp_render_drop_indicator (cr, &self->drop, options);
          cairo_destroy (cr);
        }
    }

  if (self->note_target != NULL)
    {
      TpRect target;
      gboolean have = FALSE;
      guint position = 0;

      if (TP_IS_TOUCHPOINT (self->note_target))
        have = tp_layout_get_card_rect (self->layout, self->note_target, &target);
      else if (tp_journey_get_position (self->journey, self->note_target, &position))
        have = tp_layout_get_stage_rect (self->layout, position, &target);

      if (have)
        {
          cr = append_document_cairo (self, snapshot, &target, 4, ox, oy, width, height);
          if (cr != NULL)
            {
              /* The accent ring of where it goes. */
              cairo_rectangle (cr, target.x - 2, target.y - 2, target.width + 4, target.height + 4);
              cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 1);
              cairo_set_line_width (cr, 2.5 / self->zoom);
              cairo_stroke (cr);
              cairo_destroy (cr);
            }
        }
    }

  if (tp_layout_get_card_rect (self->layout, self->drag_element, &card))
    {
      card.x += dx;
      card.y += dy;
      /* Room for the lifted card's shadow. */
      cr = append_document_cairo (self, snapshot, &card, 24, ox, oy, width, height);
      if (cr != NULL)
        {
          tp_render_card (cr, self->layout, self->drag_element, options, dx, dy);
          cairo_destroy (cr);
        }
    }
}

/* A dragged stage or lane: its column or row tinted, and an accent line
 * where it would go. In widget coordinates. */
static void
draw_header_drag (TpCanvas *self,
                  cairo_t  *cr,
                  int       width,
                  int       height)
{
  gboolean stage = TP_IS_STAGE (self->drag_element);
  guint n = stage ? tp_layout_get_n_stages (self->layout) : tp_layout_get_n_lanes (self->layout);
  guint from = 0;
  graphene_rect_t band;
  TpRect rect;
  double edge;

  if (n == 0 || !tp_journey_get_position (self->journey, self->drag_element, &from))
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  if (stage ? tp_layout_get_stage_rect (self->layout, from, &rect) : tp_layout_get_lane_rect (self->layout, from, &rect))
    {
      document_rect_to_widget (self, &rect, &band);
      cairo_rectangle (cr, band.origin.x, band.origin.y, band.size.width, band.size.height);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.12);
      cairo_fill (cr);
    }

  /* The edge before the stage (lane) at header_insert, or after the last. */
  if (self->header_insert < n)
    {
      if (!(stage ? tp_layout_get_stage_rect (self->layout, self->header_insert, &rect)
                  : tp_layout_get_lane_rect (self->layout, self->header_insert, &rect)))
        goto out;
      edge = stage ? rect.x : rect.y;
    }
  else
    {
      if (!(stage ? tp_layout_get_stage_rect (self->layout, n - 1, &rect)
                  : tp_layout_get_lane_rect (self->layout, n - 1, &rect)))
        goto out;
      edge = stage ? rect.x + rect.width : rect.y + rect.height;
    }

  if (stage)
    {
      double x;

      tp_canvas_document_to_widget (self, edge, 0, &x, NULL);
      cairo_rectangle (cr, round (x) - 1.5, 0, 3, height);
    }
  else
    {
      double y;

      tp_canvas_document_to_widget (self, 0, edge, NULL, &y);
      cairo_rectangle (cr, 0, round (y) - 1.5, width, 3);
    }
  cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 1);
  cairo_fill (cr);

out:
  cairo_restore (cr);
}

static void
tp_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  TpCanvas *self = TP_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  TpRenderOptions options;
  double ox, oy, doc_x0, doc_y0, doc_x1, doc_y1;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  ensure_layout (self);
  if (self->layout == NULL)
    return;

  get_origin (self, &ox, &oy);
  tp_canvas_widget_to_document (self, 0, 0, &doc_x0, &doc_y0);
  tp_canvas_widget_to_document (self, width, height, &doc_x1, &doc_y1);

  tp_render_options_init (&options);
  options.palette = current_palette ();
  options.visible = TP_RECT_INIT (doc_x0, doc_y0, doc_x1 - doc_x0, doc_y1 - doc_y0);
  options.zoom = self->zoom * gtk_widget_get_scale_factor (widget);
  options.selection = self->selection;
  options.show_employee_overlay = self->show_employee_overlay;
  options.finding_marks = self->finding_marks;
  options.hidden_departments = self->hidden_departments;
  options.hover = self->hover;
  if (self->dnd_active && self->dnd_target != NULL)
    options.hover = self->dnd_target;
  if ((self->drag_mode == DRAG_CARD || self->drag_mode == DRAG_NOTE) && self->drag_element != NULL)
    {
      options.hidden = self->drag_element;
      snapshot_card_drag (self, snapshot, &options, ox, oy, width, height);
      goto children;
    }
  if (self->dnd_active && self->dnd_drop_valid)
    {
      options.show_drop = TRUE;
      options.drop = self->dnd_drop;
    }

  /* One node, exactly the viewport. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  render_scene (self, cr, &options, ox, oy, width, height);

  if (self->drag_mode == DRAG_HEADER && self->drag_element != NULL)
    draw_header_drag (self, cr, width, height);

  if (self->drag_mode == DRAG_DOT && self->dot_score >= TP_SCORE_MIN)
    {
      guint n = 0;
      const TpCurvePoint *points = tp_layout_get_curve (self->layout, self->dot_lane, &n);

      for (guint i = 0; points != NULL && i < n; i++)
        if (points[i].element == self->drag_element)
          {
            double doc_y = tp_layout_score_to_y (self->layout, self->dot_lane, self->dot_score);
            double x, y;

            double from_y;
            static const double dash[] = { 3, 3 };

            tp_canvas_document_to_widget (self, points[i].x, doc_y, &x, &y);
            tp_canvas_document_to_widget (self, points[i].x, points[i].y, NULL, &from_y);
            /* From the score it had to the one it gets. */
            cairo_save (cr);
            cairo_new_path (cr);
            cairo_move_to (cr, round (x) + 0.5, from_y);
            cairo_line_to (cr, round (x) + 0.5, y);
            cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
            cairo_set_line_width (cr, 1);
            cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
            cairo_stroke (cr);
            cairo_restore (cr);
            draw_score_bubble (self, cr, self->dot_score, x, y);
            break;
          }
    }

  if (self->drag_mode == DRAG_BAND)
    {
      cairo_new_path (cr);
      GdkRGBA accent = { 0.21, 0.52, 0.89, 1 };
      double x = MIN (self->drag_x0, self->drag_x), y = MIN (self->drag_y0, self->drag_y);
      double w = fabs (self->drag_x - self->drag_x0), h = fabs (self->drag_y - self->drag_y0);

      cairo_rectangle (cr, round (x) + 0.5, round (y) + 0.5, round (w), round (h));
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.15);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.8);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);

children:
  if (self->editor != NULL)
    gtk_widget_snapshot_child (widget, self->editor, snapshot);
  if (self->menu != NULL)
    gtk_widget_snapshot_child (widget, self->menu, snapshot);
}

static void
tp_canvas_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  TpCanvas *self = TP_CANVAS (widget);
  double w, h;

  get_content_size (self, &w, &h);
  *minimum = 0;
  *natural = (int) ceil (orientation == GTK_ORIENTATION_HORIZONTAL ? w : h);
}

static void
tp_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  TpCanvas *self = TP_CANVAS (widget);

  configure_adjustments (self);

  if (self->editor != NULL)
    {
      TpRect rect;
      graphene_rect_t bounds;
      int min_h = 0;

      /* Hidden while what it edits has no place on the map (it was just
       * deleted; the editor closes when the journey is laid out again). */
      gboolean placed = get_edit_rect (self, self->editing, &rect);

      gtk_widget_set_child_visible (self->editor, placed);
      if (placed)
        {
          GtkAllocation alloc;
          int min_w = 0;

          document_rect_to_widget (self, &rect, &bounds);
          if (TP_IS_STAGE (self->editing) || TP_IS_LANE (self->editing))
            {
              double hx, hy;

              get_header_origin (self, &hx, &hy);
              if (TP_IS_STAGE (self->editing))
                bounds.origin.y = hy + rect.y * self->zoom;
              else
                bounds.origin.x = hx + rect.x * self->zoom;
            }
          gtk_widget_measure (self->editor, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
          gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
          /* Over the card, centred on it, at least wide enough to type in. */
          alloc.width = MAX (MAX ((int) bounds.size.width, 160), min_w);
          alloc.x = (int) (bounds.origin.x + (bounds.size.width - alloc.width) / 2);
          alloc.height = min_h;
          alloc.y = (int) (bounds.origin.y + (bounds.size.height - min_h) / 2);
          gtk_widget_size_allocate (self->editor, &alloc, -1);
        }
    }

  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

/* ---------------------------------------------------------------- GtkScrollable */

static void
on_adjustment_value_changed (TpCanvas *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (TpCanvas       *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed, self);
      g_object_unref (*slot);
    }
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_adjustment_value_changed), self);
  configure_adjustments (self);
}

static gboolean
tp_canvas_get_border (GtkScrollable *scrollable,
                      GtkBorder     *border)
{
  return FALSE;
}

static void
tp_canvas_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = tp_canvas_get_border;
}

/* ---------------------------------------------------------------- GObject */

static void
tp_canvas_dispose (GObject *object)
{
  TpCanvas *self = TP_CANVAS (object);

  g_clear_handle_id (&self->relayout_id, g_source_remove);
  g_clear_pointer (&self->finding_marks, g_hash_table_unref);
  g_clear_pointer (&self->hidden_departments, g_hash_table_unref);
  g_clear_handle_id (&self->edit_idle_id, g_source_remove);
  g_clear_handle_id (&self->editor_focus_id, g_source_remove);
  g_clear_object (&self->edit_pending);
  if (self->editor != NULL)
    {
      self->committing = TRUE;
      g_clear_pointer (&self->editor, gtk_widget_unparent);
    }
  g_clear_object (&self->editing);
  g_clear_pointer (&self->editing_property, g_free);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_object (&self->menu_target);

  /* No "selection-changed" while going away. */
  g_hash_table_remove_all (self->selection);
  tp_canvas_set_document (self, NULL);
  clear_drag (self);
  g_clear_object (&self->cursor);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_value_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (tp_canvas_parent_class)->dispose (object);
}

static void
tp_canvas_finalize (GObject *object)
{
  TpCanvas *self = TP_CANVAS (object);

  g_hash_table_unref (self->selection);

  G_OBJECT_CLASS (tp_canvas_parent_class)->finalize (object);
}

static void
tp_canvas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TpCanvas *self = TP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_SHOW_EMPLOYEE_OVERLAY:
      g_value_set_boolean (value, self->show_employee_overlay);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_canvas_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TpCanvas *self = TP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      tp_canvas_set_document (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      tp_canvas_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_SHOW_EMPLOYEE_OVERLAY:
      if (self->show_employee_overlay != g_value_get_boolean (value))
        {
          self->show_employee_overlay = g_value_get_boolean (value);
          gtk_widget_queue_draw (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_direction_bindings (GtkWidgetClass  *widget_class,
                        GdkModifierType  mods,
                        GtkShortcutFunc  callback)
{
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, mods, callback, "(ii)", -1, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, mods, callback, "(ii)", 1, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, mods, callback, "(ii)", 0, -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, mods, callback, "(ii)", 0, 1);
}

static void
tp_canvas_class_init (TpCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_canvas_dispose;
  object_class->finalize = tp_canvas_finalize;
  object_class->get_property = tp_canvas_get_property;
  object_class->set_property = tp_canvas_set_property;

  widget_class->snapshot = tp_canvas_snapshot;
  widget_class->measure = tp_canvas_measure;
  widget_class->size_allocate = tp_canvas_size_allocate;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TP_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, TP_CANVAS_MIN_ZOOM, TP_CANVAS_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Employee notes' markers on touchpoint cards and the employee line. */
  properties[PROP_SHOW_EMPLOYEE_OVERLAY] =
    g_param_spec_boolean ("show-employee-overlay", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /* The selected cards changed; see tp_canvas_get_selection(). */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "canvas.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, cut_action);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "canvas.toggle-moment", NULL, toggle_moment_action);
  gtk_widget_class_install_action (widget_class, "canvas.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-stage", NULL, add_header_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-lane", NULL, add_header_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-lane-of-kind", "i", add_header_action);
  gtk_widget_class_install_action (widget_class, "canvas.delete-header", NULL, delete_header_action);
  gtk_widget_class_install_action (widget_class, "canvas.header", "(ss)", header_by_id_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-lane-after", "(si)", add_lane_after_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-header", "i", move_header_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-neighbour", "(ii)", select_neighbour_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-card", "(ii)", move_card_action);
  gtk_widget_class_install_action (widget_class, "canvas.set-score", "i", set_score_action);

  /* Menus show the accelerator bound last. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "canvas.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_9, GDK_CONTROL_MASK, "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL);

  for (int digit = 0; digit <= 9; digit++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + digit, 0, "canvas.set-score", "i",
                                           digit == 0 ? TP_SCORE_MAX : digit);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + digit, 0, "canvas.set-score", "i",
                                           digit == 0 ? TP_SCORE_MAX : digit);
    }
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, context_menu_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, context_menu_cb, NULL);
  add_direction_bindings (widget_class, 0, navigate_cb);
  add_direction_bindings (widget_class, GDK_ALT_MASK, move_card_cb);

  gtk_widget_class_set_css_name (widget_class, "journeycanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tp_canvas_init (TpCanvas *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;
  GtkDropTarget *target;

  self->zoom = 1.0;
  self->show_employee_overlay = TRUE;
  self->selection = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Journey map"),
                                  -1);
  update_accessible_description (self);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (gesture, "cancel", G_CALLBACK (on_drag_cancel), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
  self->drag_gesture = gesture;

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_click_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "enter", G_CALLBACK (on_dnd_enter), self);
  g_signal_connect (target, "motion", G_CALLBACK (on_dnd_motion), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_dnd_leave), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_dnd_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  /* The palette follows the light or dark style. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);

  canvas_update_actions (self);
}

GtkWidget *
tp_canvas_new (void)
{
  return g_object_new (TP_TYPE_CANVAS, NULL);
}

TpDocument *
tp_canvas_get_document (TpCanvas *self)
{
  g_return_val_if_fail (TP_IS_CANVAS (self), NULL);
  return self->document;
}

void
tp_canvas_set_document (TpCanvas   *self,
                        TpDocument *document)
{
  g_return_if_fail (TP_IS_CANVAS (self));
  g_return_if_fail (document == NULL || TP_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->editor != NULL)
    stop_editing (self, FALSE);
  if (self->journey != NULL)
    g_signal_handlers_disconnect_by_func (self->journey, on_journey_changed, self);
  g_clear_object (&self->layout);
  self->journey = NULL;
  self->hover = NULL;
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      self->journey = tp_document_get_journey (document);
      self->layout = tp_layout_new (self->journey, NULL);
      self->layout_dirty = FALSE;
      g_signal_connect_object (self->journey, "changed",
                               G_CALLBACK (on_journey_changed), self, G_CONNECT_SWAPPED);
    }

  if (g_hash_table_size (self->selection) > 0)
    {
      g_hash_table_remove_all (self->selection);
      g_signal_emit (self, signals[SELECTION_CHANGED], 0);
    }
  g_clear_object (&self->cursor);

  canvas_update_actions (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* ---------------------------------------------------------------- tests */

void
tp_canvas_test_drag (TpCanvas        *self,
                     double           x0,
                     double           y0,
                     double           x1,
                     double           y1,
                     GdkModifierType  state,
                     gboolean         cancel)
{
  g_return_if_fail (TP_IS_CANVAS (self));

  canvas_press (self, x0, y0, state);
  /* Through the middle, as a pointer would go. */
  canvas_drag_to (self, (x0 + x1) / 2, (y0 + y1) / 2);
  canvas_drag_to (self, x1, y1);
  if (cancel)
    {
      cancel_drag (self);
      return;
    }
  canvas_release (self, x1, y1);
}

void
tp_canvas_test_click (TpCanvas        *self,
                      double           x,
                      double           y,
                      int              n_press,
                      GdkModifierType  state)
{
  g_return_if_fail (TP_IS_CANVAS (self));

  canvas_press (self, x, y, state);
  canvas_release (self, x, y);
  if (n_press == 2)
    {
      TpElement *element = double_click_target (self, x, y);

      if (element != NULL)
        tp_canvas_start_editing (self, element);
    }
}

gboolean
tp_canvas_test_drop (TpCanvas   *self,
                     const char *item,
                     double      x,
                     double      y)
{
  g_autofree char *text = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (TP_IS_CANVAS (self), FALSE);

  text = g_strconcat ("touchpoint-palette:", item, NULL);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  update_dnd (self, item, x, y);
  return canvas_drop (self, drop_item_from_value (&value), x, y);
}

gboolean
tp_canvas_test_context_menu (TpCanvas *self,
                             double    x,
                             double    y)
{
  g_return_val_if_fail (TP_IS_CANVAS (self), FALSE);

  return context_menu_at (self, x, y);
}

gboolean
tp_canvas_test_keyboard_menu (TpCanvas *self)
{
  g_return_val_if_fail (TP_IS_CANVAS (self), FALSE);

  return context_menu_cb (GTK_WIDGET (self), NULL, NULL);
}

GtkPopover *
tp_canvas_test_get_menu (TpCanvas *self)
{
  g_return_val_if_fail (TP_IS_CANVAS (self), NULL);

  return self->menu != NULL ? GTK_POPOVER (self->menu) : NULL;
}

void
tp_canvas_test_press (TpCanvas        *self,
                      double           x,
                      double           y,
                      GdkModifierType  state)
{
  g_return_if_fail (TP_IS_CANVAS (self));
  canvas_press (self, x, y, state);
}

void
tp_canvas_test_motion (TpCanvas *self,
                       double    x,
                       double    y)
{
  g_return_if_fail (TP_IS_CANVAS (self));
  canvas_drag_to (self, x, y);
}

void
tp_canvas_test_release (TpCanvas *self,
                        double    x,
                        double    y)
{
  g_return_if_fail (TP_IS_CANVAS (self));
  canvas_release (self, x, y);
}

gboolean
tp_canvas_test_cancel (TpCanvas *self)
{
  g_return_val_if_fail (TP_IS_CANVAS (self), FALSE);
  return cancel_drag (self);
}
