/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-canvas-private.h"

/* The journey canvas: editing a card's title (or text) or a header's name
 * in place, in an entry over it, started by a double click, F2 or Enter. */

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
gboolean
_tp_canvas_get_edit_rect (TpCanvas  *self,
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

void
_tp_canvas_stop_editing (TpCanvas *self,
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
  _tp_canvas_stop_editing (self, TRUE);
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
      _tp_canvas_stop_editing (self, FALSE);
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
    _tp_canvas_stop_editing (self, TRUE);
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

  _tp_canvas_stop_editing (self, TRUE);
  _tp_canvas_ensure_layout (self);

  property = text_property_for (element);
  if (property == NULL || self->layout == NULL || !_tp_canvas_get_edit_rect (self, element, &rect))
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

/* ---------------------------------------------------------------- double click */

/* A double click edits what was clicked. Returns it, or NULL. */
TpElement *
_tp_canvas_double_click_target (TpCanvas *self,
                                double    x,
                                double    y)
{
  TpLayoutHit hit = _tp_canvas_hit_test_widget (self, x, y);

  if (!_tp_canvas_hit_is_card (&hit) && hit.kind != TP_LAYOUT_HIT_STAGE_HEADER && hit.kind != TP_LAYOUT_HIT_LANE_HEADER)
    return NULL;

  /* The drag gesture saw the press too; stop it from dragging. */
  _tp_canvas_clear_drag (self);
  _tp_canvas_select_only (self, hit.element);
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

void
_tp_canvas_on_click_pressed (GtkGestureClick *gesture,
                             int              n_press,
                             double           x,
                             double           y,
                             TpCanvas        *self)
{
  TpElement *element;

  if (n_press != 2)
    return;

  element = _tp_canvas_double_click_target (self, x, y);
  if (element == NULL)
    return;

  /* After the drag gesture has handled this press (which would commit and
   * close an editor opened now). */
  g_set_object (&self->edit_pending, element);
  if (self->edit_idle_id == 0)
    self->edit_idle_id = g_idle_add_full (G_PRIORITY_HIGH, edit_idle_cb, self, NULL);
}
