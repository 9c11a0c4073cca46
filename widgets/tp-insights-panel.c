/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tp-analysis.h"
#include "tp-insights-panel.h"

struct _TpInsightsPanel
{
  GtkWidget parent_instance;

  TpFindings *findings;

  GtkWidget *box;
  GtkWidget *summary_label;
  GtkWidget *stack;
  GtkWidget *list;
  GListStore *store;     /* of TpInsightItem: headings and findings */

  /* Open opportunities per department, under the findings: a short list,
   * so a list box; its rows hold their opportunity's id. */
  GtkWidget *opportunities_expander;
  GtkWidget *opportunities_list;
};

G_DEFINE_FINAL_TYPE (TpInsightsPanel, tp_insights_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FINDINGS,
  N_PROPS
};

enum {
  FINDING_ACTIVATED,
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

/* One row of the list: a group heading (finding NULL, with its severity
 * and count) or a finding. Rows are virtualized, so the model holds these
 * small objects and only the visible ones get widgets. */
#define TP_TYPE_INSIGHT_ITEM (tp_insight_item_get_type ())
G_DECLARE_FINAL_TYPE (TpInsightItem, tp_insight_item, TP, INSIGHT_ITEM, GObject)

struct _TpInsightItem
{
  GObject parent_instance;

  TpFinding *finding;
  TpSeverity severity;
  guint count;
};

G_DEFINE_FINAL_TYPE (TpInsightItem, tp_insight_item, G_TYPE_OBJECT)

static void
tp_insight_item_finalize (GObject *object)
{
  TpInsightItem *self = TP_INSIGHT_ITEM (object);

  g_clear_pointer (&self->finding, tp_finding_unref);

  G_OBJECT_CLASS (tp_insight_item_parent_class)->finalize (object);
}

static void
tp_insight_item_class_init (TpInsightItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tp_insight_item_finalize;
}

static void
tp_insight_item_init (TpInsightItem *self)
{
}

static TpInsightItem *
tp_insight_item_new_heading (TpSeverity severity,
                             guint      count)
{
  TpInsightItem *self = g_object_new (TP_TYPE_INSIGHT_ITEM, NULL);

  self->severity = severity;
  self->count = count;
  return self;
}

static TpInsightItem *
tp_insight_item_new_finding (TpFinding *finding)
{
  TpInsightItem *self = g_object_new (TP_TYPE_INSIGHT_ITEM, NULL);

  self->finding = tp_finding_ref (finding);
  self->severity = tp_finding_get_severity (finding);
  return self;
}

static char *
heading_text (TpSeverity severity,
              guint      count)
{
  switch (severity)
    {
    case TP_SEVERITY_CRITICAL:
      /* Translators: a heading in the insights panel */
      return g_strdup_printf (ngettext ("%u critical finding", "%u critical findings", count), count);
    case TP_SEVERITY_WARNING:
      return g_strdup_printf (ngettext ("%u warning", "%u warnings", count), count);
    case TP_SEVERITY_INFO:
    default:
      /* Translators: findings that are for information only */
      return g_strdup_printf (ngettext ("%u observation", "%u observations", count), count);
    }
}

/* Every row gets both a heading and a finding part and shows one of them,
 * so a recycled row can turn from one into the other. */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_label_new (NULL);
  /* A grid, not a box: GTK 4.8's box measures a wrapping label's height
   * for each width by a binary search over text layouts, which made the
   * findings list the largest cost of opening a big journey. */
  GtkWidget *box = gtk_grid_new ();
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "insights-heading");
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_widget_set_margin_start (header, 12);
  gtk_box_append (GTK_BOX (row), header);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  /* Without a width in characters GTK finds the label's minimum width by
   * breaking after every character; the sidebar is far wider anyway. */
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_grid_set_column_spacing (GTK_GRID (box), 10);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_grid_attach (GTK_GRID (box), icon, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (box), label, 1, 0, 1, 1);
  gtk_box_append (GTK_BOX (row), box);

  g_object_set_data (G_OBJECT (row), "header", header);
  g_object_set_data (G_OBJECT (row), "finding-box", box);
  g_object_set_data (G_OBJECT (row), "icon", icon);
  g_object_set_data (G_OBJECT (row), "label", label);
  gtk_list_item_set_child (list_item, row);
}

static void
clear_severity_classes (GtkWidget *widget)
{
  gtk_widget_remove_css_class (widget, "error");
  gtk_widget_remove_css_class (widget, "warning");
  gtk_widget_remove_css_class (widget, "dim-label");
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  TpInsightItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *header = g_object_get_data (G_OBJECT (row), "header");
  GtkWidget *box = g_object_get_data (G_OBJECT (row), "finding-box");
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "icon");
  GtkWidget *label = g_object_get_data (G_OBJECT (row), "label");

  /* Headings only label a group, as the list box's headers did: not
   * activatable, and (GTK 4.8 has no API for the row itself) styled
   * through the row widget without the row's padding and margins. */
  gtk_list_item_set_activatable (list_item, item->finding != NULL);
  if (gtk_widget_get_parent (row) != NULL)
    {
      if (item->finding == NULL)
        gtk_widget_add_css_class (gtk_widget_get_parent (row), "insights-heading-row");
      else
        gtk_widget_remove_css_class (gtk_widget_get_parent (row), "insights-heading-row");
    }

  if (item->finding == NULL)
    {
      g_autofree char *text = heading_text (item->severity, item->count);

      gtk_label_set_text (GTK_LABEL (header), text);
      gtk_widget_set_visible (header, TRUE);
      gtk_widget_set_visible (box, FALSE);
      gtk_widget_remove_css_class (row, "finding-row");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), severity_icon_name (item->severity));
  clear_severity_classes (icon);
  gtk_widget_add_css_class (icon, severity_css_class (item->severity));
  gtk_label_set_text (GTK_LABEL (label), tp_finding_get_message (item->finding));
  gtk_widget_set_visible (header, FALSE);
  gtk_widget_set_visible (box, TRUE);
  gtk_widget_add_css_class (row, "finding-row");

  /* Screen readers hear the severity, which the icon only shows. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tp_finding_get_message (item->finding),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  tp_severity_get_display_name (item->severity),
                                  -1);
}

/* Drops the texts so a recycled row shows nothing stale. */
static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (g_object_get_data (G_OBJECT (row), "header")), "");
  gtk_label_set_text (GTK_LABEL (g_object_get_data (G_OBJECT (row), "label")), "");
  clear_severity_classes (g_object_get_data (G_OBJECT (row), "icon"));
}

/* "High · Planned · due 31 Mar 2027 · Head of Cardiology": what there is. */
static char *
opportunity_details (TpOpportunity *opportunity)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *priority = tp_priority_get_display_name (tp_opportunity_get_priority (opportunity));
  const char *due = tp_opportunity_get_due (opportunity);
  const char *owner = tp_opportunity_get_owner (opportunity);

  if (*priority != '\0')
    /* Translators: an opportunity's priority in the insights panel: "High priority" */
    g_ptr_array_add (parts, g_strdup_printf (_("%s priority"), priority));
  g_ptr_array_add (parts, g_strdup (tp_opportunity_status_get_display_name (tp_opportunity_get_status (opportunity))));
  if (*due != '\0')
    /* Translators: an opportunity's due date, YYYY-MM-DD */
    g_ptr_array_add (parts, g_strdup_printf (_("due %s"), due));
  if (*owner != '\0')
    g_ptr_array_add (parts, g_strdup (owner));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
opportunity_heading_row (const char *department)
{
  GtkWidget *label = gtk_label_new (department);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  /* A label for the rows below it: keyboard focus skips it. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static GtkWidget *
opportunity_row (TpOpportunity *opportunity,
                 const char    *department)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (tp_opportunity_get_text (opportunity));
  g_autofree char *details = opportunity_details (opportunity);
  GtkWidget *subtitle = gtk_label_new (details);
  g_autofree char *description = g_strdup_printf ("%s · %s", department, details);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (title), 8);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (subtitle), 8);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "opportunity-row");
  g_object_set_data_full (G_OBJECT (row), "tp-id",
                          g_strdup (tp_element_get_id (TP_ELEMENT (opportunity))), g_free);
  g_object_set_data_full (G_OBJECT (row), "tp-text", g_strdup (tp_opportunity_get_text (opportunity)), g_free);
  /* Screen readers hear the department too, which the heading shows. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tp_opportunity_get_text (opportunity),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  return row;
}

static void
rebuild_opportunities (TpInsightsPanel *self)
{
  TpJourney *journey = self->findings != NULL ? tp_findings_get_journey (self->findings) : NULL;
  g_autoptr(GPtrArray) groups = journey != NULL ? tp_journey_get_open_opportunities (journey) : NULL;
  g_autofree char *title = NULL;
  GtkWidget *child;
  guint n_open = 0;

  while ((child = gtk_widget_get_first_child (self->opportunities_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->opportunities_list), child);

  for (guint g = 0; groups != NULL && g < groups->len; g++)
    {
      TpDepartmentOpportunities *group = g_ptr_array_index (groups, g);
      const char *department = group->department != NULL ? group->department : _("No department");

      gtk_list_box_append (GTK_LIST_BOX (self->opportunities_list), opportunity_heading_row (department));
      for (guint i = 0; i < group->opportunities->len; i++)
        gtk_list_box_append (GTK_LIST_BOX (self->opportunities_list),
                             opportunity_row (g_ptr_array_index (group->opportunities, i), department));
      n_open += group->opportunities->len;
    }

  /* Translators: the heading of the insights panel's list of opportunities */
  title = g_strdup_printf (ngettext ("%u open opportunity", "%u open opportunities", n_open), n_open);
  gtk_expander_set_label (GTK_EXPANDER (self->opportunities_expander), title);
  /* With its separator. */
  gtk_widget_set_visible (gtk_widget_get_parent (self->opportunities_expander), n_open > 0);
}

static void
on_opportunity_activated (GtkListBox      *list,
                          GtkListBoxRow   *row,
                          TpInsightsPanel *self)
{
  const char *ids[] = { g_object_get_data (G_OBJECT (row), "tp-id"), NULL };
  g_autoptr(TpFinding) finding = NULL;

  if (ids[0] == NULL)
    return;
  /* Handed on as findings are, so the window selects it the same way. */
  finding = tp_finding_new (TP_FINDING_OPEN_OPPORTUNITY, TP_SEVERITY_INFO,
                            g_object_get_data (G_OBJECT (row), "tp-text"), ids, NULL);
  g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding);
}

static void
rebuild (TpInsightsPanel *self)
{
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *findings = self->findings != NULL ? tp_findings_get_findings (self->findings) : NULL;
  guint n_findings = findings != NULL ? findings->len : 0;
  guint n_critical, n_warning;

  /* Findings come sorted by severity: a heading starts each group. */
  for (guint i = 0; i < n_findings; i++)
    {
      TpFinding *finding = g_ptr_array_index (findings, i);
      TpSeverity severity = tp_finding_get_severity (finding);

      if (i == 0 || tp_finding_get_severity (g_ptr_array_index (findings, i - 1)) != severity)
        g_ptr_array_add (items, tp_insight_item_new_heading (severity,
                                                             tp_findings_get_count (self->findings, severity)));
      g_ptr_array_add (items, tp_insight_item_new_finding (finding));
    }
  /* One splice, so the list view hears of one change only. */
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);

  n_critical = self->findings != NULL ? tp_findings_get_count (self->findings, TP_SEVERITY_CRITICAL) : 0;
  n_warning = self->findings != NULL ? tp_findings_get_count (self->findings, TP_SEVERITY_WARNING) : 0;
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
                                    n_findings > 0 ? "list" : "empty");

  rebuild_opportunities (self);
}

static void
on_activate (GtkListView     *list,
             guint            position,
             TpInsightsPanel *self)
{
  g_autoptr(TpInsightItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (item != NULL && item->finding != NULL)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, item->finding);
}

static void
tp_insights_panel_dispose (GObject *object)
{
  TpInsightsPanel *self = TP_INSIGHTS_PANEL (object);

  /* The findings may outlive the panel: no rebuild after this. */
  if (self->findings != NULL)
    g_signal_handlers_disconnect_by_func (self->findings, rebuild, self);
  g_clear_object (&self->findings);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->store);

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
    case PROP_FINDINGS:
      g_value_set_object (value, self->findings);
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
    case PROP_FINDINGS:
      tp_insights_panel_set_findings (self, g_value_get_object (value));
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

  properties[PROP_FINDINGS] =
    g_param_spec_object ("findings", NULL, NULL, TP_TYPE_FINDINGS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A finding was activated: show what it concerns. */
  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TP_TYPE_FINDING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "insightspanel");
}

static void
tp_insights_panel_init (TpInsightsPanel *self)
{
  GtkWidget *title, *scrolled, *empty, *opportunities_scrolled, *opportunities_box;
  GtkListItemFactory *factory;
  GtkSelectionModel *selection;

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

  self->store = g_list_store_new (TP_TYPE_INSIGHT_ITEM);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  /* Findings are activated, never selected. The list view takes both the
   * selection model and the factory. */
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->store))));
  self->list = gtk_list_view_new (selection, factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list), TRUE);
  gtk_widget_add_css_class (self->list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Findings"), -1);
  g_signal_connect (self->list, "activate", G_CALLBACK (on_activate), self);

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

  /* Open opportunities: what the findings call for, per department. */
  self->opportunities_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->opportunities_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->opportunities_list, "navigation-sidebar");
  gtk_widget_set_name (self->opportunities_list, "opportunities");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->opportunities_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open opportunities"), -1);
  g_signal_connect (self->opportunities_list, "row-activated", G_CALLBACK (on_opportunity_activated), self);
  opportunities_scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (opportunities_scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  /* Compact: as tall as its rows, up to a third of a small sidebar. */
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (opportunities_scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (opportunities_scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (opportunities_scrolled), self->opportunities_list);
  self->opportunities_expander = gtk_expander_new (NULL);
  gtk_expander_set_expanded (GTK_EXPANDER (self->opportunities_expander), TRUE);
  gtk_expander_set_child (GTK_EXPANDER (self->opportunities_expander), opportunities_scrolled);
  gtk_widget_set_margin_top (self->opportunities_expander, 6);
  gtk_widget_set_margin_start (self->opportunities_expander, 12);
  gtk_widget_set_margin_bottom (self->opportunities_expander, 6);
  opportunities_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (opportunities_box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (opportunities_box), self->opportunities_expander);
  gtk_box_append (GTK_BOX (self->box), opportunities_box);

  rebuild (self);
}

GtkWidget *
tp_insights_panel_new (void)
{
  return g_object_new (TP_TYPE_INSIGHTS_PANEL, NULL);
}

TpFindings *
tp_insights_panel_get_findings (TpInsightsPanel *self)
{
  g_return_val_if_fail (TP_IS_INSIGHTS_PANEL (self), NULL);
  return self->findings;
}

void
tp_insights_panel_set_findings (TpInsightsPanel *self,
                                TpFindings      *findings)
{
  g_return_if_fail (TP_IS_INSIGHTS_PANEL (self));
  g_return_if_fail (findings == NULL || TP_IS_FINDINGS (findings));

  if (self->findings == findings)
    return;

  if (self->findings != NULL)
    g_signal_handlers_disconnect_by_func (self->findings, rebuild, self);
  g_set_object (&self->findings, findings);
  if (findings != NULL)
    g_signal_connect_object (findings, "changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINDINGS]);
}
