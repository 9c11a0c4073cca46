/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-insights-panel.h"
#include "tp-test-util.h"

static TpDocument *
sample_document (void)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);

  return tp_document_new (journey);
}

static gboolean
is_finding_row (GtkWidget *widget)
{
  return GTK_IS_LIST_BOX_ROW (widget) && gtk_widget_has_css_class (widget, "finding-row");
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
  GPtrArray *findings;

  tp_insights_panel_set_document (TP_INSIGHTS_PANEL (panel), document);
  findings = tp_insights_panel_get_findings (TP_INSIGHTS_PANEL (panel));
  g_assert_cmpuint (findings->len, ==, expected->len);
  g_assert_true (has_finding (findings, TP_FINDING_MOMENT_BELOW_TARGET, "t19"));
  g_assert_cmpint (tp_finding_get_severity (g_ptr_array_index (findings, 0)), ==, TP_SEVERITY_CRITICAL);

  collect_rows (panel, rows);
  g_assert_cmpuint (rows->len, ==, expected->len);

  /* Activating a row hands its finding on. */
  g_signal_connect (panel, "finding-activated", G_CALLBACK (on_activated), &activated);
  g_signal_emit_by_name (gtk_widget_get_parent (g_ptr_array_index (rows, 0)), "row-activated",
                         g_ptr_array_index (rows, 0));
  g_assert_nonnull (activated);
  g_assert_cmpstr (tp_finding_get_message (activated), ==,
                   tp_finding_get_message (g_ptr_array_index (findings, 0)));

  g_object_unref (panel);
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
test_follows_edits_and_undo (void)
{
  g_autoptr(TpDocument) document = sample_document ();
  GtkWidget *panel = g_object_ref_sink (tp_insights_panel_new ());
  TpTouchpoint *consult = tp_journey_lookup_touchpoint (tp_document_get_journey (document), "t19");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  tp_insights_panel_set_document (TP_INSIGHTS_PANEL (panel), document);
  g_assert_true (has_finding (tp_insights_panel_get_findings (TP_INSIGHTS_PANEL (panel)),
                              TP_FINDING_MOMENT_BELOW_TARGET, "t19"));

  /* The panel updates by itself once edits settle. */
  g_assert_true (tp_document_set_int (document, consult, "score", 9, NULL));
  g_timeout_add (400, quit_loop, loop);
  g_main_loop_run (loop);
  g_assert_false (has_finding (tp_insights_panel_get_findings (TP_INSIGHTS_PANEL (panel)),
                               TP_FINDING_MOMENT_BELOW_TARGET, "t19"));

  tp_document_undo (document);
  g_timeout_add (400, quit_loop, loop);
  g_main_loop_run (loop);
  g_assert_true (has_finding (tp_insights_panel_get_findings (TP_INSIGHTS_PANEL (panel)),
                              TP_FINDING_MOMENT_BELOW_TARGET, "t19"));

  g_object_unref (panel);
}

static void
test_empty_journey (void)
{
  g_autoptr(TpJourney) journey = tp_journey_new ();
  g_autoptr(TpDocument) document = tp_document_new (journey);
  GtkWidget *panel = g_object_ref_sink (tp_insights_panel_new ());

  tp_insights_panel_set_document (TP_INSIGHTS_PANEL (panel), document);
  g_assert_cmpuint (tp_insights_panel_get_findings (TP_INSIGHTS_PANEL (panel))->len, ==, 0);
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
  g_test_add_func ("/insights/empty-journey", test_empty_journey);

  return g_test_run ();
}
