/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The journeys in data/templates: the blank journey per scope and the worked
 * cases a new journey can start from, each in English and in Dutch. */
#include "config.h"

#include "tp-test-util.h"

/* The templates that must be there; any other file in the folder is checked
 * all the same. */
static const char * const expected[] = {
  "blank-human-lifecycle",
  "blank-consumer-journey",
  "blank-customer-journey",
  "blank-user-journey",
  "hospital",
  "newspaper-holiday-stop",
  "hotel-never-says-no",
  "moving-to-a-flat",
  "telecom-roaming-notice",
  "windscreen-repair",
  "parcel-delivery",
};

/* What a card's title may be to stay readable on a card. */
#define MAX_TITLE_CHARS 60

static char *
templates_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "templates", NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every *.journey file in the folder, sorted. */
static GPtrArray *
list_templates (void)
{
  g_autofree char *dir_path = templates_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".journey"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

static char *
template_path (const char *file_name)
{
  g_autofree char *dir = templates_dir ();

  return g_build_filename (dir, file_name, NULL);
}

static gboolean
is_dutch (const char *file_name)
{
  return g_str_has_suffix (file_name, ".nl.journey");
}

static gboolean
is_blank (const char *file_name)
{
  return g_str_has_prefix (file_name, "blank-");
}

/* "moving-to-a-flat.journey" -> "moving-to-a-flat.nl.journey" */
static char *
dutch_twin_name (const char *english)
{
  g_autofree char *base = g_strndup (english, strlen (english) - strlen (".journey"));

  return g_strconcat (base, ".nl.journey", NULL);
}

/* ------------------------------------------------------ all of them load */

static void
test_expected_present (void)
{
  g_autoptr(GPtrArray) names = list_templates ();

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *en = g_strconcat (expected[i], ".journey", NULL);
      g_autofree char *nl = g_strconcat (expected[i], ".nl.journey", NULL);

      g_assert_true (g_ptr_array_find_with_equal_func (names, en, g_str_equal, NULL));
      g_assert_true (g_ptr_array_find_with_equal_func (names, nl, g_str_equal, NULL));
    }
}

/* Fails naming the first line where @file and what the app wrote differ. */
static void
fail_first_difference (const char *name,
                       const char *file,
                       const char *written)
{
  g_auto(GStrv) a = g_strsplit (file, "\n", -1);
  g_auto(GStrv) b = g_strsplit (written, "\n", -1);
  guint i = 0;

  while (a[i] != NULL && b[i] != NULL && g_str_equal (a[i], b[i]))
    i++;
  g_error ("%s is not in canonical form; line %u is\n  “%s”\nand the app writes\n  “%s”",
           name, i + 1, a[i] ? a[i] : "(end of file)", b[i] ? b[i] : "(end of file)");
}

/* Loading and writing again gives the file byte for byte: every template is
 * in the canonical form the app writes, so a template opened and saved
 * unchanged is not "modified". */
static void
test_canonical (void)
{
  g_autoptr(GPtrArray) names = list_templates ();

  g_assert_cmpuint (names->len, >=, 2 * G_N_ELEMENTS (expected));
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = template_path (name);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(TpJourney) journey = NULL;
      g_autofree char *written = NULL;

      g_test_message ("%s", name);
      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      journey = tp_test_load_journey (path);
      written = tp_test_write_to_string (journey);
      if (g_strcmp0 (written, contents) != 0)
        fail_first_difference (name, contents, written);
    }
}

/* ------------------------------------------------- English and Dutch twins */

static void
test_dutch_twins (void)
{
  g_autoptr(GPtrArray) names = list_templates ();
  guint n_english = 0, n_dutch = 0;

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *twin = NULL;
      g_autofree char *en_path = NULL;
      g_autofree char *nl_path = NULL;
      g_autoptr(TpJourney) en = NULL;
      g_autoptr(TpJourney) nl = NULL;

      if (is_dutch (name))
        {
          n_dutch++;
          continue;
        }
      n_english++;
      g_test_message ("%s", name);
      twin = dutch_twin_name (name);
      g_assert_true (g_ptr_array_find_with_equal_func (names, twin, g_str_equal, NULL));
      en_path = template_path (name);
      nl_path = template_path (twin);
      en = tp_test_load_journey (en_path);
      nl = tp_test_load_journey (nl_path);
      tp_test_assert_twins (en, nl);
    }
  /* No Dutch file without an English one. */
  g_assert_cmpuint (n_dutch, ==, n_english);
}

/* ------------------------------------------------ what a template holds */

static guint
count_notes (TpJourney  *journey,
             TpNoteKind  kind)
{
  GListModel *notes = tp_journey_get_employee_notes (journey);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(TpEmployeeNote) note = g_list_model_get_item (notes, i);

      if (tp_employee_note_get_kind (note) == kind)
        n++;
    }
  return n;
}

static void
check_lanes (TpJourney *journey)
{
  static const TpLaneKind standard[] = {
    TP_LANE_KIND_CUSTOMER_ACTIONS, TP_LANE_KIND_TOUCHPOINTS, TP_LANE_KIND_THOUGHTS_FEELINGS,
    TP_LANE_KIND_EMOTION_CURVE, TP_LANE_KIND_EMPLOYEE, TP_LANE_KIND_OPPORTUNITIES,
  };
  GListModel *lanes = tp_journey_get_lanes (journey);

  g_assert_cmpuint (g_list_model_get_n_items (lanes), ==, G_N_ELEMENTS (standard));
  for (guint i = 0; i < G_N_ELEMENTS (standard); i++)
    {
      g_autoptr(TpLane) lane = g_list_model_get_item (lanes, i);

      g_assert_cmpint (tp_lane_get_kind (lane), ==, standard[i]);
      g_assert_cmpstr (tp_lane_get_name (lane), !=, "");
    }
}

static void
check_stages (TpJourney *journey,
              guint      min,
              guint      max)
{
  GListModel *stages = tp_journey_get_stages (journey);
  guint n = g_list_model_get_n_items (stages);

  g_assert_cmpuint (n, >=, min);
  g_assert_cmpuint (n, <=, max);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpStage) stage = g_list_model_get_item (stages, i);

      g_assert_cmpstr (tp_stage_get_name (stage), !=, "");
      g_assert_cmpstr (tp_stage_get_description (stage), !=, "");
    }
}

static void
check_blank (const char *name,
             TpJourney  *journey)
{
  static const struct { const char *prefix; TpScope scope; } scopes[] = {
    { "blank-human-lifecycle.", TP_SCOPE_HUMAN_LIFECYCLE },
    { "blank-consumer-journey.", TP_SCOPE_CONSUMER_JOURNEY },
    { "blank-customer-journey.", TP_SCOPE_CUSTOMER_JOURNEY },
    { "blank-user-journey.", TP_SCOPE_USER_JOURNEY },
  };
  gboolean known = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    if (g_str_has_prefix (name, scopes[i].prefix))
      {
        g_assert_cmpint (tp_journey_get_scope (journey), ==, scopes[i].scope);
        known = TRUE;
      }
  g_assert_true (known);

  g_assert_cmpstr (tp_journey_get_title (journey), !=, "");
  /* No placeholder persona: the user writes their own. */
  g_assert_cmpstr (tp_journey_get_persona_name (journey), ==, "");
  g_assert_cmpstr (tp_journey_get_persona_description (journey), ==, "");
  check_stages (journey, 4, 8);
  check_lanes (journey);
  g_assert_cmpuint (g_list_model_get_n_items (tp_journey_get_touchpoints (journey)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tp_journey_get_employee_notes (journey)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tp_journey_get_opportunities (journey)), ==, 0);
}

static void
check_worked (TpJourney *journey)
{
  GListModel *cards = tp_journey_get_touchpoints (journey);
  guint n_cards = g_list_model_get_n_items (cards);
  guint n_moments = 0, n_contacts = 0, n_thoughts = 0, n_actions = 0;
  guint n_evidence = 0, n_caused_by = 0;
  guint n_opportunities = g_list_model_get_n_items (tp_journey_get_opportunities (journey));
  GListModel *notes = tp_journey_get_employee_notes (journey);

  g_assert_cmpstr (tp_journey_get_title (journey), !=, "");
  g_assert_cmpstr (tp_journey_get_description (journey), !=, "");
  g_assert_cmpstr (tp_journey_get_persona_name (journey), !=, "");
  g_assert_cmpstr (tp_journey_get_persona_segment (journey), !=, "");
  g_assert_cmpstr (tp_journey_get_persona_description (journey), !=, "");
  g_assert_cmpstr (tp_journey_get_persona_goals (journey), !=, "");
  g_assert_cmpstr (tp_journey_get_persona_frustrations (journey), !=, "");
  check_stages (journey, 4, 6);
  check_lanes (journey);

  g_assert_cmpuint (n_cards, >=, 12);
  g_assert_cmpuint (n_cards, <=, 25);
  for (guint i = 0; i < n_cards; i++)
    {
      g_autoptr(TpTouchpoint) card = g_list_model_get_item (cards, i);
      const char *title = tp_touchpoint_get_title (card);

      g_assert_cmpstr (title, !=, "");
      if (g_utf8_strlen (title, -1) > MAX_TITLE_CHARS)
        g_error ("Card title longer than %d characters: “%s”", MAX_TITLE_CHARS, title);
      if (tp_touchpoint_get_evidence (card) != TP_EVIDENCE_NONE)
        n_evidence++;
      switch (tp_touchpoint_get_kind (card))
        {
        case TP_CARD_KIND_TOUCHPOINT:
          n_contacts++;
          /* A touchpoint says how it felt. */
          g_assert_cmpint (tp_touchpoint_get_score (card), >, 0);
          if (tp_touchpoint_is_moment (card))
            n_moments++;
          break;
        case TP_CARD_KIND_ACTION:
          n_actions++;
          break;
        case TP_CARD_KIND_THOUGHT:
          n_thoughts++;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_assert_cmpuint (n_contacts, >, 0);
  g_assert_cmpuint (n_actions, >, 0);
  g_assert_cmpuint (n_thoughts, >, 0);
  g_assert_cmpuint (n_moments, >=, 1);
  g_assert_cmpuint (n_evidence, >=, 1);

  g_assert_cmpuint (g_list_model_get_n_items (notes), >=, 3);
  g_assert_cmpuint (g_list_model_get_n_items (notes), <=, 6);
  g_assert_cmpuint (count_notes (journey, TP_NOTE_KIND_BLOCKER), >=, 1);
  g_assert_cmpuint (count_notes (journey, TP_NOTE_KIND_ENABLER), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(TpEmployeeNote) note = g_list_model_get_item (notes, i);

      g_assert_cmpstr (tp_employee_note_get_department (note), !=, "");
      if (*tp_employee_note_get_caused_by (note) != '\0')
        n_caused_by++;
    }
  /* Every worked case has a department that blocks or lifts another. */
  g_assert_cmpuint (n_caused_by, >=, 1);

  g_assert_cmpuint (n_opportunities, >=, 2);
  g_assert_cmpuint (n_opportunities, <=, 5);
}

static void
test_contents (void)
{
  g_autoptr(GPtrArray) names = list_templates ();

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = template_path (name);
      g_autoptr(TpJourney) journey = tp_test_load_journey (path);

      g_test_message ("%s", name);
      if (is_blank (name))
        check_blank (name, journey);
      else
        check_worked (journey);
    }
}

/* ------------------------------------------------------------ bundled */

/* The text of a file in the source tree, or the test fails. */
static char *
read_source_file (const char *first,
                  const char *second)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", first, second, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Every template is in the application's resource bundle, where the
 * gallery loads it from (installed and uninstalled builds alike). */
static void
test_bundled (void)
{
  g_autoptr(GPtrArray) names = list_templates ();
  g_autofree char *xml = read_source_file ("resources", "touchpoint.gresource.xml");

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *entry = g_strdup_printf ("<file alias=\"templates/%s\">templates/%s</file>",
                                                name, name);

      if (strstr (xml, entry) == NULL)
        g_error ("%s is not in resources/touchpoint.gresource.xml", name);
    }
}

/* And in data/meson.build's list, which the schema test validates. */
static void
test_listed (void)
{
  g_autoptr(GPtrArray) names = list_templates ();
  g_autofree char *build = read_source_file ("data", "meson.build");

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *base = NULL;
      g_autofree char *entry = NULL;

      if (is_dutch (name))
        continue;
      base = g_strndup (name, strlen (name) - strlen (".journey"));
      entry = g_strdup_printf ("  '%s',\n", base);
      if (strstr (build, entry) == NULL)
        g_error ("%s is not in journey_template_names in data/meson.build", base);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/templates/expected-present", test_expected_present);
  g_test_add_func ("/templates/canonical", test_canonical);
  g_test_add_func ("/templates/dutch-twins", test_dutch_twins);
  g_test_add_func ("/templates/contents", test_contents);
  g_test_add_func ("/templates/bundled", test_bundled);
  g_test_add_func ("/templates/listed", test_listed);

  return g_test_run ();
}
