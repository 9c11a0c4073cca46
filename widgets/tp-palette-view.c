/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-enums.h"
#include "tp-palette-view.h"

#define ITEM_KEY "tp-palette-item"
#define ICON_KEY "tp-palette-icon"

struct _TpPaletteView
{
  GtkWidget parent_instance;

  GtkWidget *flow_box;
  char *pending_item;
  guint activate_id;
};

G_DEFINE_FINAL_TYPE (TpPaletteView, tp_palette_view, GTK_TYPE_WIDGET)

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *child)
{
  const char *item = g_object_get_data (G_OBJECT (child), ITEM_KEY);
  g_autofree char *text = g_strconcat ("touchpoint-palette:", item, NULL);

  return gdk_content_provider_new_typed (G_TYPE_STRING, text);
}

/* The entry's icon follows the pointer. */
static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *child)
{
  const char *icon_name = g_object_get_data (G_OBJECT (child), ICON_KEY);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (child));
  g_autoptr(GtkIconPaintable) icon = NULL;

  icon = gtk_icon_theme_lookup_icon (theme, icon_name, NULL, 32, gtk_widget_get_scale_factor (child),
                                     gtk_widget_get_direction (child), 0);
  gtk_drag_source_set_icon (source, GDK_PAINTABLE (icon), 16, 16);
}

static void
add_entry (TpPaletteView *self,
           const char    *item,
           const char    *icon_name,
           const char    *label_text,
           const char    *tooltip)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (label_text);
  GtkWidget *child;
  GtkDragSource *source;

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  child = gtk_flow_box_child_new ();
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);
  gtk_widget_add_css_class (child, "palette-entry");
  gtk_widget_set_tooltip_text (child, tooltip);
  g_object_set_data_full (G_OBJECT (child), ITEM_KEY, g_strdup (item), g_free);
  g_object_set_data_full (G_OBJECT (child), ICON_KEY, g_strdup (icon_name), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label_text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), child);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin), child);
  gtk_widget_add_controller (child, GTK_EVENT_CONTROLLER (source));

  gtk_flow_box_append (GTK_FLOW_BOX (self->flow_box), child);
}

static gboolean
activate_idle_cb (gpointer user_data)
{
  TpPaletteView *self = user_data;
  g_autofree char *item = g_steal_pointer (&self->pending_item);

  self->activate_id = 0;
  if (item != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
  return G_SOURCE_REMOVE;
}

/* Emitted once the click or key press is over: the flow box moves the
 * focus to the entry afterwards, which would take it from whatever the
 * activation opened (the new card's title editor). */
static void
on_child_activated (GtkFlowBox      *flow_box,
                    GtkFlowBoxChild *child,
                    TpPaletteView   *self)
{
  const char *item = g_object_get_data (G_OBJECT (child), ITEM_KEY);

  if (item == NULL)
    return;
  g_free (self->pending_item);
  self->pending_item = g_strdup (item);
  if (self->activate_id == 0)
    self->activate_id = g_idle_add (activate_idle_cb, self);
}

static void
tp_palette_view_dispose (GObject *object)
{
  TpPaletteView *self = TP_PALETTE_VIEW (object);

  g_clear_handle_id (&self->activate_id, g_source_remove);
  g_clear_pointer (&self->pending_item, g_free);
  g_clear_pointer (&self->flow_box, gtk_widget_unparent);

  G_OBJECT_CLASS (tp_palette_view_parent_class)->dispose (object);
}

static void
tp_palette_view_class_init (TpPaletteViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_palette_view_dispose;

  /* An entry was activated from the keyboard (or clicked): add it to the
   * selected cell. */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "paletteview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tp_palette_view_init (TpPaletteView *self)
{
  self->flow_box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flow_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->flow_box), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flow_box), 3);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->flow_box), TRUE);
  gtk_flow_box_set_activate_on_single_click (GTK_FLOW_BOX (self->flow_box), FALSE);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->flow_box), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->flow_box), 2);
  gtk_widget_set_parent (self->flow_box, GTK_WIDGET (self));
  g_signal_connect (self->flow_box, "child-activated", G_CALLBACK (on_child_activated), self);

  for (int channel = 0; channel < TP_N_CHANNELS; channel++)
    {
      g_autofree char *item = g_strconcat ("channel:", tp_enum_to_nick (TP_TYPE_CHANNEL, channel), NULL);
      const char *name = tp_channel_get_display_name (channel);
      /* Translators: tooltip of a palette entry; %s is a channel name */
      g_autofree char *tooltip = g_strdup_printf (_("Drag onto the map to add a %s touchpoint, "
                                                    "or press Enter to add it to the selected cell"),
                                                  name);

      add_entry (self, item, tp_channel_get_icon_name (channel), name, tooltip);
    }

  add_entry (self, "blocker", "tp-blocker-symbolic", _("Employee blocker"),
             _("Drag onto a touchpoint or stage to add something that blocks the employee"));
  add_entry (self, "enabler", "tp-enabler-symbolic", _("Employee enabler"),
             _("Drag onto a touchpoint or stage to add something that helps the employee"));
  add_entry (self, "opportunity", "tp-opportunity-symbolic", _("Opportunity"),
             _("Drag onto a touchpoint to add an idea for change"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Palette"),
                                  -1);
}

GtkWidget *
tp_palette_view_new (void)
{
  return g_object_new (TP_TYPE_PALETTE_VIEW, NULL);
}
