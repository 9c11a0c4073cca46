/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-analysis.h"
#include "tp-sample.h"
#include "tp-test-util.h"

/* ------------------------------------------------------- language choice */

static void
test_language_choice (void)
{
  const char *dutch[] = { "nl_NL.UTF-8", "nl_NL", "nl", "C", NULL };
  const char *english[] = { "en_US", "en", "C", NULL };
  const char *c_only[] = { "C", NULL };
  const char *french[] = { "fr_FR", "fr", "C", NULL };
  const char *flemish[] = { "nl_BE", "nl", "C", NULL };
  const char *english_first[] = { "en_GB", "en", "nl_NL", "nl", "C", NULL };
  const char *french_then_dutch[] = { "fr_FR", "fr", "nl", "C", NULL };
  const char *posix[] = { "POSIX", "nl", NULL };
  const char *empty[] = { NULL };

  g_assert_cmpstr (tp_sample_resource_for_languages (dutch), ==, TP_SAMPLE_RESOURCE_NL);
  g_assert_cmpstr (tp_sample_resource_for_languages (english), ==, TP_SAMPLE_RESOURCE_EN);
  g_assert_cmpstr (tp_sample_resource_for_languages (c_only), ==, TP_SAMPLE_RESOURCE_EN);
  g_assert_cmpstr (tp_sample_resource_for_languages (french), ==, TP_SAMPLE_RESOURCE_EN);
  g_assert_cmpstr (tp_sample_resource_for_languages (flemish), ==, TP_SAMPLE_RESOURCE_NL);
  g_assert_cmpstr (tp_sample_resource_for_languages (english_first), ==, TP_SAMPLE_RESOURCE_EN);
  g_assert_cmpstr (tp_sample_resource_for_languages (french_then_dutch), ==, TP_SAMPLE_RESOURCE_NL);
  g_assert_cmpstr (tp_sample_resource_for_languages (posix), ==, TP_SAMPLE_RESOURCE_EN);
  g_assert_cmpstr (tp_sample_resource_for_languages (empty), ==, TP_SAMPLE_RESOURCE_EN);
  g_assert_cmpstr (tp_sample_resource_for_languages (NULL), ==, TP_SAMPLE_RESOURCE_EN);
}

/* ------------------------------------------- the Dutch sample's structure */

static void
test_same_structure (void)
{
  g_autofree char *en_path = tp_test_sample_path ();
  g_autofree char *nl_path = tp_test_sample_nl_path ();
  g_autoptr(TpJourney) en = tp_test_load_journey (en_path);
  g_autoptr(TpJourney) nl = tp_test_load_journey (nl_path);
  GListModel *en_list, *nl_list;

  g_assert_cmpstr (tp_journey_get_title (en), ==, "Hospital outpatient visit");
  g_assert_cmpstr (tp_journey_get_title (nl), ==, "Polikliniekbezoek in het ziekenhuis");
  tp_test_assert_twins (en, nl);

  /* Translated, not copied. */
  en_list = tp_journey_get_stages (en);
  nl_list = tp_journey_get_stages (nl);
  for (guint i = 0; i < g_list_model_get_n_items (en_list); i++)
    {
      g_autoptr(TpStage) a = g_list_model_get_item (en_list, i);
      g_autoptr(TpStage) b = g_list_model_get_item (nl_list, i);

      g_assert_cmpstr (tp_stage_get_name (a), !=, tp_stage_get_name (b));
    }

  en_list = tp_journey_get_lanes (en);
  nl_list = tp_journey_get_lanes (nl);
  for (guint i = 0; i < g_list_model_get_n_items (en_list); i++)
    {
      g_autoptr(TpLane) a = g_list_model_get_item (en_list, i);
      g_autoptr(TpLane) b = g_list_model_get_item (nl_list, i);

      g_assert_cmpstr (tp_lane_get_name (a), !=, tp_lane_get_name (b));
    }

  en_list = tp_journey_get_touchpoints (en);
  nl_list = tp_journey_get_touchpoints (nl);
  for (guint i = 0; i < g_list_model_get_n_items (en_list); i++)
    {
      g_autoptr(TpTouchpoint) a = g_list_model_get_item (en_list, i);
      g_autoptr(TpTouchpoint) b = g_list_model_get_item (nl_list, i);

      /* "Grand café" is the same in both languages. */
      if (g_strcmp0 (tp_element_get_id (TP_ELEMENT (a)), "t12") != 0)
        g_assert_cmpstr (tp_touchpoint_get_title (a), !=, tp_touchpoint_get_title (b));
    }

  en_list = tp_journey_get_employee_notes (en);
  nl_list = tp_journey_get_employee_notes (nl);
  for (guint i = 0; i < g_list_model_get_n_items (en_list); i++)
    {
      g_autoptr(TpEmployeeNote) a = g_list_model_get_item (en_list, i);
      g_autoptr(TpEmployeeNote) b = g_list_model_get_item (nl_list, i);

      g_assert_cmpstr (tp_employee_note_get_text (a), !=, tp_employee_note_get_text (b));
    }

  en_list = tp_journey_get_opportunities (en);
  nl_list = tp_journey_get_opportunities (nl);
  for (guint i = 0; i < g_list_model_get_n_items (en_list); i++)
    {
      g_autoptr(TpOpportunity) a = g_list_model_get_item (en_list, i);
      g_autoptr(TpOpportunity) b = g_list_model_get_item (nl_list, i);

      g_assert_cmpstr (tp_opportunity_get_text (a), !=, tp_opportunity_get_text (b));
    }
}

/* The analysis finds the same things in both: departments are translated
 * consistently, so none is lost or split. */
static void
test_same_findings (void)
{
  g_autofree char *en_path = tp_test_sample_path ();
  g_autofree char *nl_path = tp_test_sample_nl_path ();
  g_autoptr(TpJourney) en = tp_test_load_journey (en_path);
  g_autoptr(TpJourney) nl = tp_test_load_journey (nl_path);
  g_autoptr(GPtrArray) en_findings = tp_analyze_journey (en);
  g_autoptr(GPtrArray) nl_findings = tp_analyze_journey (nl);

  g_assert_cmpuint (en_findings->len, >, 0);
  g_assert_cmpuint (nl_findings->len, ==, en_findings->len);
  for (guint i = 0; i < en_findings->len; i++)
    {
      const TpFinding *a = g_ptr_array_index (en_findings, i);
      const TpFinding *b = g_ptr_array_index (nl_findings, i);
      const char * const *a_ids = tp_finding_get_ids (a);
      const char * const *b_ids = tp_finding_get_ids (b);

      g_assert_cmpint (tp_finding_get_kind (a), ==, tp_finding_get_kind (b));
      g_assert_cmpint (tp_finding_get_severity (a), ==, tp_finding_get_severity (b));
      g_assert_true (g_strv_equal ((const char * const *) a_ids, (const char * const *) b_ids));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sample/language-choice", test_language_choice);
  g_test_add_func ("/sample/nl-same-structure", test_same_structure);
  g_test_add_func ("/sample/nl-same-findings", test_same_findings);

  return g_test_run ();
}
