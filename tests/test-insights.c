/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-document.h"
#include "tp-insights-panel.h"
#include "tp-test-util.h"

static TpDocument *
sample_document (void)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);

  return tp_document_new (journey);
}

/* The panel shows the findings of @document's journey, as the window
 * hands them over. */
static void
show_findings (GtkWidget  *panel,
               TpDocument *document)
{
  g_autoptr(TpFindings) findings = tp_findings_new (tp_document_get_journey (document));

  tp_insights_panel_set_findings (TP_INSIGHTS_PANEL (panel), findings);
  g_assert_true (tp_insights_panel_get_findings (TP_INSIGHTS_PANEL (panel)) == findings);
}

/* The findings the panel shows now. */
static GPtrArray *
shown_findings (GtkWidget *panel)
{
  return tp_findings_get_findings (tp_insights_panel_get_findings (TP_INSIGHTS_PANEL (panel)));
}

/* The bound rows of the list view that show a finding (not a heading). */
static gboolean
is_finding_row (GtkWidget *widget)
{
  return gtk_widget_has_css_class (widget, "finding-row") && gtk_widget_get_visible (widget);
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (is_finding_row (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The message label of a finding row (the one that wraps). */
static const char *
row_message (GtkWidget *row)
{
  GtkWidget *box = gtk_widget_get_last_child (row);

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (box)));
}

static gboolean
starts_group (GPtrArray *findings,
              guint      index)
{
  return index == 0 || tp_finding_get_severity (g_ptr_array_index (findings, index))
                       != tp_finding_get_severity (g_ptr_array_index (findings, index - 1));
}

/* How many groups (one heading each) the findings, sorted by severity,
 * fall into. */
static guint
count_groups (GPtrArray *findings)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += starts_group (findings, i);
  return n;
}

/* The list view's position of findings[index]: after its heading and
 * those of the groups before it. */
static guint
finding_position (GPtrArray *findings,
                  guint      index)
{
  guint n_headings = 0;

  for (guint i = 0; i <= index; i++)
    n_headings += starts_group (findings, i);
  return index + n_headings;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
run_loop (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (ms, quit_loop, loop);
  g_main_loop_run (loop);
}

/* The panel in a shown window, so the list view creates and binds rows. */
static GtkWidget *
show_in_window (GtkWidget *panel)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  gtk_window_set_child (GTK_WINDOW (window), panel);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 100 && (!gtk_widget_get_mapped (panel) || gtk_widget_get_height (panel) < 300); i++)
    run_loop (20);
  g_assert_true (gtk_widget_get_mapped (panel));
  /* A frame or two more for the rows. */
  run_loop (100);
  return window;
}

static gboolean
has_finding (GPtrArray     *findings,
             TpFindingKind  kind,
             const char    *id)
{
  for (guint i = 0; i < findings->len; i++)
    if (tp_finding_get_kind (g_ptr_array_index (findings, i)) == kind
        && tp_finding_concerns (g_ptr_array_index (findings, i), id))
      return TRUE;
  return FALSE;
}

static void
on_activated (TpInsightsPanel *panel,
              TpFinding       *finding,
              TpFinding      **out)
{
  *out = tp_finding_ref (finding);
}

static void
test_shows_sample_findings (void)
{
  g_autoptr(TpDocument) document = sample_document ();
  GtkWidget *panel = g_object_ref_sink (tp_insights_panel_new ());
  g_autoptr(GPtrArray) expected = tp_analyze_journey (tp_document_get_journey (document));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(TpFinding) activated = NULL;
  GtkWidget *window, *list;
  GListModel *model;
  GPtrArray *findings;

  show_findings (panel, document);
  findings = shown_findings (panel);
  g_assert_cmpuint (findings->len, ==, expected->len);
  g_assert_true (has_finding (findings, TP_FINDING_MOMENT_BELOW_TARGET, "t19"));
  g_assert_cmpint (tp_finding_get_severity (g_ptr_array_index (findings, 0)), ==, TP_SEVERITY_CRITICAL);

  window = show_in_window (panel);
  list = find_list_view (panel);
  g_assert_nonnull (list);

  /* Every finding and a heading per severity are in the list... */
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected->len + count_groups (expected));

  /* ...and the rows on screen show them in order, from the first. */
  collect_rows (panel, rows);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (rows->len, <=, expected->len);
  for (guint i = 0; i < rows->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < expected->len && !found; j++)
        found = g_str_equal (row_message (g_ptr_array_index (rows, i)),
                             tp_finding_get_message (g_ptr_array_index (expected, j)));
      g_assert_true (found);
    }
  g_assert_cmpstr (row_message (g_ptr_array_index (rows, 0)), ==,
                   tp_finding_get_message (g_ptr_array_index (findings, 0)));

  /* Activating a finding's row (as a click or Enter does) hands its
   * finding on; a heading is not activatable. */
  g_signal_connect (panel, "finding-activated", G_CALLBACK (on_activated), &activated);
  gtk_widget_activate_action (list, "list.activate-item", "u", 0);
  g_assert_null (activated);
  for (guint i = 0; i < findings->len; i += MAX (1, findings->len / 4))
    {
      gtk_widget_activate_action (list, "list.activate-item", "u", finding_position (findings, i));
      g_assert_nonnull (activated);
      g_assert_true (activated == g_ptr_array_index (findings, i));
      g_clear_pointer (&activated, tp_finding_unref);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (panel);
}

/* A large journey puts all its findings in the model but creates rows
 * only around what is on screen: GTK 4.8's list view keeps about 200
 * items around its anchor, however long the model is. */
static void
test_large_journey_is_virtualized (void)
{
  g_autoptr(TpJourney) journey = tp_test_generate_journey (12, 2000, 1);
  g_autoptr(TpDocument) document = tp_document_new (journey);
  GtkWidget *panel = g_object_ref_sink (tp_insights_panel_new ());
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(TpFinding) activated = NULL;
  GtkWidget *window, *list;
  GListModel *model;
  GPtrArray *findings;
  guint last;

  show_findings (panel, document);
  findings = shown_findings (panel);
  g_assert_cmpuint (findings->len, >, 500);

  window = show_in_window (panel);
  list = find_list_view (panel);
  g_assert_nonnull (list);
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, findings->len + count_groups (findings));

  collect_rows (panel, rows);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (rows->len, <=, 250);
  g_assert_cmpuint (rows->len, <, findings->len / 4);

  /* The last finding, far off screen, still activates. */
  g_signal_connect (panel, "finding-activated", G_CALLBACK (on_activated), &activated);
  last = findings->len - 1;
  gtk_widget_activate_action (list, "list.activate-item", "u", finding_position (findings, last));
  g_assert_true (activated == g_ptr_array_index (findings, last));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (panel);
}

static void
test_follows_edits_and_undo (void)
{
  g_autoptr(TpDocument) document = sample_document ();
  GtkWidget *panel = g_object_ref_sink (tp_insights_panel_new ());
  TpTouchpoint *consult = tp_journey_lookup_touchpoint (tp_document_get_journey (document), "t19");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  show_findings (panel, document);
  g_assert_true (has_finding (shown_findings (panel),
                              TP_FINDING_MOMENT_BELOW_TARGET, "t19"));

  /* The panel updates by itself once edits settle. */
  g_assert_true (tp_document_set_int (document, consult, "score", 9, NULL));
  g_timeout_add (400, quit_loop, loop);
  g_main_loop_run (loop);
  g_assert_false (has_finding (shown_findings (panel),
                               TP_FINDING_MOMENT_BELOW_TARGET, "t19"));

  tp_document_undo (document);
  g_timeout_add (400, quit_loop, loop);
  g_main_loop_run (loop);
  g_assert_true (has_finding (shown_findings (panel),
                              TP_FINDING_MOMENT_BELOW_TARGET, "t19"));

  g_object_unref (panel);
}

/* Two panels share one TpFindings: an edit is analysed once, and both
 * list the new findings without analysing themselves. */
static void
test_shares_findings (void)
{
  g_autoptr(TpDocument) document = sample_document ();
  g_autoptr(TpFindings) findings = tp_findings_new (tp_document_get_journey (document));
  GtkWidget *panels[2];
  TpTouchpoint *consult = tp_journey_lookup_touchpoint (tp_document_get_journey (document), "t19");
  guint n_analyses = tp_findings_get_n_analyses (findings);

  for (guint i = 0; i < G_N_ELEMENTS (panels); i++)
    {
      panels[i] = g_object_ref_sink (tp_insights_panel_new ());
      tp_insights_panel_set_findings (TP_INSIGHTS_PANEL (panels[i]), findings);
    }
  g_assert_cmpuint (tp_findings_get_n_analyses (findings), ==, n_analyses);

  g_assert_true (tp_document_set_int (document, consult, "score", 9, NULL));
  tp_findings_refresh (findings);
  g_assert_cmpuint (tp_findings_get_n_analyses (findings), ==, n_analyses + 1);
  for (guint i = 0; i < G_N_ELEMENTS (panels); i++)
    {
      GtkWidget *list = find_list_view (panels[i]);
      GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
      GPtrArray *shown = shown_findings (panels[i]);

      g_assert_false (has_finding (shown, TP_FINDING_MOMENT_BELOW_TARGET, "t19"));
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, shown->len + count_groups (shown));
    }

  /* Without findings a panel shows none. */
  tp_insights_panel_set_findings (TP_INSIGHTS_PANEL (panels[0]), NULL);
  g_assert_null (tp_insights_panel_get_findings (TP_INSIGHTS_PANEL (panels[0])));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (
                      GTK_LIST_VIEW (find_list_view (panels[0]))))), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (panels); i++)
    g_object_unref (panels[i]);
}

static void
test_empty_journey (void)
{
  g_autoptr(TpJourney) journey = tp_journey_new ();
  g_autoptr(TpDocument) document = tp_document_new (journey);
  GtkWidget *panel = g_object_ref_sink (tp_insights_panel_new ());

  show_findings (panel, document);
  g_assert_cmpuint (shown_findings (panel)->len, ==, 0);
  g_object_unref (panel);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The opportunities list: "Department" for a heading, "  id" for an
 * opportunity (activatable, focusable), one a line. */
static char *
describe_opportunities (GtkWidget *list)
{
  GString *out = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      const char *id = g_object_get_data (G_OBJECT (row), "tp-id");

      g_assert_cmpint (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)), ==, id != NULL);
      g_assert_cmpint (gtk_widget_get_focusable (row), ==, id != NULL);
      if (id != NULL)
        g_string_append_printf (out, "  %s\n", id);
      else
        g_string_append_printf (out, "%s\n",
                                gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)))));
    }
  return g_string_free (out, FALSE);
}

/* Open opportunities per department under the findings; activating one
 * hands it on as a finding about it, which the window selects. Done ones
 * leave the list as soon as the findings follow the edit. */
static void
test_open_opportunities (void)
{
  g_autoptr(TpDocument) document = sample_document ();
  TpJourney *journey = tp_document_get_journey (document);
  GtkWidget *panel = g_object_ref_sink (tp_insights_panel_new ());
  g_autoptr(TpFinding) activated = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *list;
  GtkWidget *row;

  show_findings (panel, document);
  list = find_named (panel, "opportunities");
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (gtk_widget_get_parent (
    gtk_widget_get_parent (list)))));
  before = describe_opportunities (list);
  g_assert_cmpstr (before, ==,
                   "Cardiology outpatient clinic\n  o1\n  o2\n"
                   "Patient experience\n  o3\n"
                   "Poliklinieken\n  o4\n");

  g_signal_connect (panel, "finding-activated", G_CALLBACK (on_activated), &activated);
  row = gtk_widget_get_next_sibling (gtk_widget_get_first_child (list));
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_nonnull (activated);
  g_assert_cmpint (tp_finding_get_kind (activated), ==, TP_FINDING_OPEN_OPPORTUNITY);
  g_assert_cmpstrv (tp_finding_get_ids (activated), ((const char * const []) { "o1", NULL }));
  g_assert_cmpstr (tp_finding_get_message (activated), ==, "Book 10-minute consults for first visits.");

  g_assert_true (tp_document_set_enum (document, tp_journey_lookup (journey, "o1"), "status",
                                      TP_OPPORTUNITY_STATUS_DONE, NULL));
  tp_findings_refresh (tp_insights_panel_get_findings (TP_INSIGHTS_PANEL (panel)));
  after = describe_opportunities (list);
  g_assert_cmpstr (after, ==,
                   "Cardiology outpatient clinic\n  o2\n"
                   "Patient experience\n  o3\n"
                   "Poliklinieken\n  o4\n");

  g_object_unref (panel);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/insights/shows-sample-findings", test_shows_sample_findings);
  g_test_add_func ("/insights/follows-edits-and-undo", test_follows_edits_and_undo);
  g_test_add_func ("/insights/shares-findings", test_shares_findings);
  g_test_add_func ("/insights/empty-journey", test_empty_journey);
  g_test_add_func ("/insights/open-opportunities", test_open_opportunities);
  g_test_add_func ("/insights/large-journey-is-virtualized", test_large_journey_is_virtualized);

  return g_test_run ();
}
