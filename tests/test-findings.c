/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-document.h"
#include "tp-findings.h"
#include "tp-test-util.h"

/* TpFindings without a display: one analysis per burst of edits, one
 * "changed" for every subscriber. */

typedef struct {
  TpDocument *document;
  TpFindings *findings;
  guint n_changed[2];   /* per subscriber */
} Fixture;

static void
on_changed_0 (TpFindings *findings,
              Fixture    *f)
{
  f->n_changed[0]++;
}

static void
on_changed_1 (TpFindings *findings,
              Fixture    *f)
{
  f->n_changed[1]++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);

  f->document = tp_document_new (journey);
  f->findings = tp_findings_new (journey);
  g_signal_connect (f->findings, "changed", G_CALLBACK (on_changed_0), f);
  g_signal_connect (f->findings, "changed", G_CALLBACK (on_changed_1), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->findings);
  g_assert_finalize_object (f->document);
}

static gboolean
quit_loop (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms, long enough for pending analyses. */
static void
run_loop (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (ms, quit_loop, loop);
  g_main_loop_run (loop);
}

static TpTouchpoint *
lookup (Fixture    *f,
        const char *id)
{
  TpTouchpoint *touchpoint = tp_journey_lookup_touchpoint (tp_document_get_journey (f->document), id);

  g_assert_nonnull (touchpoint);
  return touchpoint;
}

static gboolean
has_finding (TpFindings    *findings,
             TpFindingKind  kind,
             const char    *id)
{
  GPtrArray *array = tp_findings_get_findings (findings);

  for (guint i = 0; i < array->len; i++)
    if (tp_finding_get_kind (g_ptr_array_index (array, i)) == kind
        && tp_finding_concerns (g_ptr_array_index (array, i), id))
      return TRUE;
  return FALSE;
}

static int
mark_of (Fixture    *f,
         const char *id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (tp_findings_get_marks (f->findings), lookup (f, id)));
}

/* Made at once, the same as the analysis; counts and marks agree with it. */
static void
test_initial (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) expected = tp_analyze_journey (tp_document_get_journey (f->document));
  GPtrArray *findings = tp_findings_get_findings (f->findings);
  guint total = 0;

  g_assert_true (tp_findings_get_journey (f->findings) == tp_document_get_journey (f->document));
  g_assert_cmpuint (tp_findings_get_n_analyses (f->findings), ==, 1);
  g_assert_cmpuint (findings->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (tp_finding_get_message (g_ptr_array_index (findings, i)), ==,
                     tp_finding_get_message (g_ptr_array_index (expected, i)));

  for (TpSeverity s = TP_SEVERITY_INFO; s <= TP_SEVERITY_CRITICAL; s++)
    {
      guint n = 0;

      for (guint i = 0; i < findings->len; i++)
        n += tp_finding_get_severity (g_ptr_array_index (findings, i)) == s;
      g_assert_cmpuint (tp_findings_get_count (f->findings, s), ==, n);
      total += n;
    }
  g_assert_cmpuint (total, ==, findings->len);
  g_assert_cmpuint (tp_findings_get_count (f->findings, TP_SEVERITY_CRITICAL), >, 0);

  /* The consult misses its target; marks are for warnings and up only. */
  g_assert_true (has_finding (f->findings, TP_FINDING_MOMENT_BELOW_TARGET, "t19"));
  g_assert_cmpint (mark_of (f, "t19"), ==, TP_SEVERITY_CRITICAL);
  g_assert_cmpint (mark_of (f, "t15"), ==, TP_SEVERITY_INFO);
  /* Asked again, the same table: made once per analysis. */
  g_assert_true (tp_findings_get_marks (f->findings) == tp_findings_get_marks (f->findings));

  /* Nothing changes: nothing is analysed again. */
  run_loop (2 * TP_FINDINGS_DELAY);
  g_assert_cmpuint (tp_findings_get_n_analyses (f->findings), ==, 1);
  g_assert_cmpuint (f->n_changed[0], ==, 0);
  g_assert_cmpuint (f->n_changed[1], ==, 0);
}

/* A burst of edits: one analysis, one "changed" per subscriber, with the
 * new findings, counts and marks; the same for its undo. */
static void
test_follows_edits (Fixture       *f,
                    gconstpointer  data)
{
  GHashTable *old_marks = tp_findings_get_marks (f->findings);
  guint n_critical = tp_findings_get_count (f->findings, TP_SEVERITY_CRITICAL);

  g_assert_true (tp_document_set_int (f->document, lookup (f, "t19"), "score", 10, NULL));
  g_assert_true (tp_document_set_int (f->document, lookup (f, "t19"), "score", 9, NULL));
  g_assert_true (tp_document_set_string (f->document, lookup (f, "t19"), "title", "Consult", NULL));
  /* Not before the wait is over. */
  g_assert_cmpuint (tp_findings_get_n_analyses (f->findings), ==, 1);
  g_assert_cmpuint (f->n_changed[0], ==, 0);

  run_loop (3 * TP_FINDINGS_DELAY);
  g_assert_cmpuint (tp_findings_get_n_analyses (f->findings), ==, 2);
  g_assert_cmpuint (f->n_changed[0], ==, 1);
  g_assert_cmpuint (f->n_changed[1], ==, 1);
  g_assert_false (has_finding (f->findings, TP_FINDING_MOMENT_BELOW_TARGET, "t19"));
  g_assert_cmpuint (tp_findings_get_count (f->findings, TP_SEVERITY_CRITICAL), ==, n_critical - 1);
  /* A new table, so a view that compares pointers sees the change. */
  g_assert_true (tp_findings_get_marks (f->findings) != old_marks);
  g_assert_cmpint (mark_of (f, "t19"), <, TP_SEVERITY_CRITICAL);

  tp_document_undo (f->document);
  tp_document_undo (f->document);
  tp_document_undo (f->document);
  run_loop (3 * TP_FINDINGS_DELAY);
  g_assert_cmpuint (tp_findings_get_n_analyses (f->findings), ==, 3);
  g_assert_cmpuint (f->n_changed[0], ==, 2);
  g_assert_cmpuint (f->n_changed[1], ==, 2);
  g_assert_true (has_finding (f->findings, TP_FINDING_MOMENT_BELOW_TARGET, "t19"));
  g_assert_cmpint (mark_of (f, "t19"), ==, TP_SEVERITY_CRITICAL);
}

/* tp_findings_refresh() analyses at once and drops the pending wait. */
static void
test_refresh (Fixture       *f,
              gconstpointer  data)
{
  g_assert_true (tp_document_set_int (f->document, lookup (f, "t19"), "score", 9, NULL));
  tp_findings_refresh (f->findings);
  g_assert_cmpuint (tp_findings_get_n_analyses (f->findings), ==, 2);
  g_assert_cmpuint (f->n_changed[0], ==, 1);
  g_assert_cmpuint (f->n_changed[1], ==, 1);
  g_assert_false (has_finding (f->findings, TP_FINDING_MOMENT_BELOW_TARGET, "t19"));

  run_loop (3 * TP_FINDINGS_DELAY);
  g_assert_cmpuint (tp_findings_get_n_analyses (f->findings), ==, 2);
  g_assert_cmpuint (f->n_changed[0], ==, 1);
}

/* Freed with an analysis pending: the wait goes with it. */
static void
test_free_while_pending (void)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);
  TpFindings *findings = tp_findings_new (journey);

  g_object_set (tp_journey_lookup_touchpoint (journey, "t19"), "score", 9, NULL);
  g_assert_finalize_object (findings);
  run_loop (2 * TP_FINDINGS_DELAY);
  /* The journey no longer calls it. */
  g_object_set (tp_journey_lookup_touchpoint (journey, "t19"), "score", 3, NULL);
  run_loop (2 * TP_FINDINGS_DELAY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/findings/initial", Fixture, NULL, fixture_set_up, test_initial, fixture_tear_down);
  g_test_add ("/findings/follows-edits", Fixture, NULL, fixture_set_up, test_follows_edits,
              fixture_tear_down);
  g_test_add ("/findings/refresh", Fixture, NULL, fixture_set_up, test_refresh, fixture_tear_down);
  g_test_add_func ("/findings/free-while-pending", test_free_while_pending);

  return g_test_run ();
}
