/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tp-insights-panel.h"

struct _TpInsightsPanel
{
  GtkWidget parent_instance;

  TpDocument *document;
  GPtrArray *findings;
  guint refresh_id;

  GtkWidget *box;
  GtkWidget *summary_label;
  GtkWidget *stack;
  GtkWidget *list;
};

G_DEFINE_FINAL_TYPE (TpInsightsPanel, tp_insights_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

enum {
  FINDING_ACTIVATED,
  FINDINGS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
severity_icon_name (TpSeverity severity)
{
  switch (severity)
    {
    case TP_SEVERITY_CRITICAL:
      return "dialog-error-symbolic";
    case TP_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case TP_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
severity_css_class (TpSeverity severity)
{
  switch (severity)
    {
    case TP_SEVERITY_CRITICAL:
      return "error";
    case TP_SEVERITY_WARNING:
      return "warning";
    case TP_SEVERITY_INFO:
    default:
      return "dim-label";
    }
}

static guint
count_severity (GPtrArray  *findings,
                TpSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (tp_finding_get_severity (g_ptr_array_index (findings, i)) == severity)
      n++;
  return n;
}

static GtkWidget *
create_row (TpFinding *finding)
{
  TpSeverity severity = tp_finding_get_severity (finding);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon_name (severity));
  GtkWidget *label = gtk_label_new (tp_finding_get_message (finding));

  gtk_widget_add_css_class (icon, severity_css_class (severity));
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "finding-row");

  /* Screen readers hear the severity, which the icon only shows. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tp_finding_get_message (finding),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  tp_severity_get_display_name (severity),
                                  -1);

  g_object_set_data_full (G_OBJECT (row), "finding", tp_finding_ref (finding),
                          (GDestroyNotify) tp_finding_unref);
  return row;
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  TpInsightsPanel *self = user_data;
  TpFinding *finding = g_object_get_data (G_OBJECT (row), "finding");
  TpFinding *previous = before ? g_object_get_data (G_OBJECT (before), "finding") : NULL;
  TpSeverity severity = tp_finding_get_severity (finding);
  g_autofree char *text = NULL;
  GtkWidget *header;
  guint count;

  if (previous != NULL && tp_finding_get_severity (previous) == severity)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  count = count_severity (self->findings, severity);
  switch (severity)
    {
    case TP_SEVERITY_CRITICAL:
      /* Translators: a heading in the insights panel */
      text = g_strdup_printf (ngettext ("%u critical finding", "%u critical findings", count), count);
      break;
    case TP_SEVERITY_WARNING:
      text = g_strdup_printf (ngettext ("%u warning", "%u warnings", count), count);
      break;
    case TP_SEVERITY_INFO:
    default:
      /* Translators: findings that are for information only */
      text = g_strdup_printf (ngettext ("%u observation", "%u observations", count), count);
      break;
    }

  header = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "insights-heading");
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_widget_set_margin_start (header, 12);
  gtk_list_box_row_set_header (row, header);
}

static void
rebuild (TpInsightsPanel *self)
{
  GtkWidget *child;
  g_autofree char *summary = NULL;
  guint n_critical, n_warning;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  if (self->document != NULL)
    self->findings = tp_analyze_journey (tp_document_get_journey (self->document));
  else
    self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_finding_unref);

  for (guint i = 0; i < self->findings->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), create_row (g_ptr_array_index (self->findings, i)));

  n_critical = count_severity (self->findings, TP_SEVERITY_CRITICAL);
  n_warning = count_severity (self->findings, TP_SEVERITY_WARNING);
  if (n_critical + n_warning == 0)
    summary = g_strdup (_("The journey meets its thresholds"));
  else
    {
      g_autofree char *critical = g_strdup_printf (ngettext ("%u critical finding", "%u critical findings",
                                                             n_critical), n_critical);
      g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warning),
                                                   n_warning);
      summary = g_strconcat (critical, " · ", warnings, NULL);
    }
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary);

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    self->findings->len > 0 ? "list" : "empty");
  g_signal_emit (self, signals[FINDINGS_CHANGED], 0);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  TpInsightsPanel *self = user_data;

  self->refresh_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Edits come in bursts (a drag, typing): analyse once they settle. */
static void
on_journey_changed (TpInsightsPanel *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (150, refresh_idle_cb, self);
}

static void
on_row_activated (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  TpInsightsPanel *self)
{
  TpFinding *finding = g_object_get_data (G_OBJECT (row), "finding");

  if (finding != NULL)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding);
}

static void
tp_insights_panel_dispose (GObject *object)
{
  TpInsightsPanel *self = TP_INSIGHTS_PANEL (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->document);
  g_clear_pointer (&self->findings, g_ptr_array_unref);

  G_OBJECT_CLASS (tp_insights_panel_parent_class)->dispose (object);
}

static void
tp_insights_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TpInsightsPanel *self = TP_INSIGHTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_insights_panel_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TpInsightsPanel *self = TP_INSIGHTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      tp_insights_panel_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_insights_panel_class_init (TpInsightsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_insights_panel_dispose;
  object_class->get_property = tp_insights_panel_get_property;
  object_class->set_property = tp_insights_panel_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TP_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A finding was activated: show what it concerns. */
  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TP_TYPE_FINDING);
  /* The analysis was redone: others can reuse tp_insights_panel_get_findings()
   * instead of analysing again. */
  signals[FINDINGS_CHANGED] =
    g_signal_new ("findings-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "insightspanel");
}

static void
tp_insights_panel_init (TpInsightsPanel *self)
{
  GtkWidget *title, *scrolled, *empty;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  title = gtk_label_new (_("Insights"));
  gtk_widget_add_css_class (title, "title-4");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_margin_top (title, 12);
  gtk_widget_set_margin_start (title, 12);
  gtk_box_append (GTK_BOX (self->box), title);

  self->summary_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->summary_label), 0);
  gtk_widget_add_css_class (self->summary_label, "dim-label");
  gtk_widget_set_margin_start (self->summary_label, 12);
  gtk_widget_set_margin_bottom (self->summary_label, 6);
  gtk_box_append (GTK_BOX (self->box), self->summary_label);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (self->list), TRUE);
  gtk_list_box_set_header_func (GTK_LIST_BOX (self->list), update_header, self, NULL);
  gtk_widget_add_css_class (self->list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Findings"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);

  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Findings"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Score touchpoints to see where the journey breaks"));
  gtk_widget_add_css_class (empty, "compact");

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "list");
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  gtk_box_append (GTK_BOX (self->box), self->stack);

  rebuild (self);
}

GtkWidget *
tp_insights_panel_new (void)
{
  return g_object_new (TP_TYPE_INSIGHTS_PANEL, NULL);
}

TpDocument *
tp_insights_panel_get_document (TpInsightsPanel *self)
{
  g_return_val_if_fail (TP_IS_INSIGHTS_PANEL (self), NULL);
  return self->document;
}

void
tp_insights_panel_set_document (TpInsightsPanel *self,
                                TpDocument      *document)
{
  g_return_if_fail (TP_IS_INSIGHTS_PANEL (self));
  g_return_if_fail (document == NULL || TP_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (tp_document_get_journey (self->document),
                                          on_journey_changed, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (tp_document_get_journey (document), "changed",
                             G_CALLBACK (on_journey_changed), self, G_CONNECT_SWAPPED);

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GPtrArray *
tp_insights_panel_get_findings (TpInsightsPanel *self)
{
  g_return_val_if_fail (TP_IS_INSIGHTS_PANEL (self), NULL);
  return self->findings;
}

void
tp_insights_panel_refresh (TpInsightsPanel *self)
{
  g_return_if_fail (TP_IS_INSIGHTS_PANEL (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  rebuild (self);
}
