/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The catalogue New's gallery shows (app/core/format/tp-templates.c): every
 * template it lists is in the application's resources and loads, in English
 * and in Dutch, and every template in data/templates is listed. Links the
 * resource bundle itself, not the application. */
#include "config.h"

#include "tp-resources.h"
#include "tp-templates.h"
#include "tp-test-util.h"

static void
test_every_listed_template_loads (void)
{
  guint n_templates = 0;
  const TpTemplateInfo *templates = tp_templates_get_all (&n_templates);
  guint n_blank = 0;

  g_assert_cmpuint (n_templates, >=, 11);
  for (guint i = 0; i < n_templates; i++)
    {
      g_autoptr(TpJourney) en = NULL;
      g_autoptr(TpJourney) nl = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", templates[i].name);
      en = tp_template_load (templates[i].name, FALSE, &error);
      g_assert_no_error (error);
      nl = tp_template_load (templates[i].name, TRUE, &error);
      g_assert_no_error (error);

      /* A title for the gallery's card, the same map in both languages. */
      g_assert_cmpstr (tp_journey_get_title (en), !=, "");
      g_assert_cmpstr (tp_journey_get_title (nl), !=, "");
      g_assert_cmpstr (tp_journey_get_title (en), !=, tp_journey_get_title (nl));
      g_assert_cmpint (tp_journey_get_scope (en), ==, tp_journey_get_scope (nl));
      tp_test_assert_twins (en, nl);

      /* The blank ones come first, one per scope, and have no cards. */
      g_assert_cmpint (templates[i].blank, ==, g_str_has_prefix (templates[i].name, "blank-"));
      if (templates[i].blank)
        {
          g_assert_cmpuint (i, ==, n_blank);
          g_assert_cmpint (tp_journey_get_scope (en), ==, (int) n_blank);
          g_assert_cmpuint (g_list_model_get_n_items (tp_journey_get_touchpoints (en)), ==, 0);
          n_blank++;
        }
      else
        {
          /* The gallery's one-line description. */
          g_assert_nonnull (tp_journey_get_description (en));
          g_assert_nonnull (tp_journey_get_description (nl));
          g_assert_cmpstr (tp_journey_get_description (en), !=, "");
          g_assert_cmpstr (tp_journey_get_description (nl), !=, "");
          g_assert_cmpuint (g_list_model_get_n_items (tp_journey_get_touchpoints (en)), >, 0);
        }
    }
  g_assert_cmpuint (n_blank, ==, TP_SCOPE_USER_JOURNEY + 1);
}

static gboolean
is_listed (const char *name)
{
  guint n_templates = 0;
  const TpTemplateInfo *templates = tp_templates_get_all (&n_templates);

  for (guint i = 0; i < n_templates; i++)
    if (g_str_equal (templates[i].name, name))
      return TRUE;
  return FALSE;
}

/* A template added to data/templates shows in the gallery too. */
static void
test_every_template_is_listed (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  const char *file_name;
  guint n = 0;

  g_assert_no_error (error);
  while ((file_name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *name = NULL;

      if (!g_str_has_suffix (file_name, ".journey") || g_str_has_suffix (file_name, ".nl.journey"))
        continue;
      name = g_strndup (file_name, strlen (file_name) - strlen (".journey"));
      if (!is_listed (name))
        g_error ("data/templates/%s is not in tp-templates.c", file_name);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_resource_paths (void)
{
  g_autofree char *en = tp_template_dup_resource_path ("parcel-delivery", FALSE);
  g_autofree char *nl = tp_template_dup_resource_path ("parcel-delivery", TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpJourney) missing = NULL;

  g_assert_cmpstr (en, ==, "/io/github/touchpoint/Touchpoint/templates/parcel-delivery.journey");
  g_assert_cmpstr (nl, ==, "/io/github/touchpoint/Touchpoint/templates/parcel-delivery.nl.journey");

  missing = tp_template_load ("no-such-template", FALSE, &error);
  g_assert_null (missing);
  g_assert_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);
}

/* The rule of the bundled sample. */
static void
test_language (void)
{
  const char *dutch[] = { "nl_NL.UTF-8", "nl_NL", "nl", "C", NULL };
  const char *flemish[] = { "nl_BE", "nl", "C", NULL };
  const char *english[] = { "en_US", "en", "C", NULL };
  const char *english_first[] = { "en_GB", "en", "nl_NL", "nl", "C", NULL };
  const char *french_then_dutch[] = { "fr_FR", "fr", "nl", "C", NULL };
  const char *c_only[] = { "C", NULL };

  g_assert_true (tp_templates_prefer_dutch (dutch));
  g_assert_true (tp_templates_prefer_dutch (flemish));
  g_assert_true (tp_templates_prefer_dutch (french_then_dutch));
  g_assert_false (tp_templates_prefer_dutch (english));
  g_assert_false (tp_templates_prefer_dutch (english_first));
  g_assert_false (tp_templates_prefer_dutch (c_only));
  g_assert_false (tp_templates_prefer_dutch (NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tp_register_resource ();

  g_test_add_func ("/template-catalogue/every-listed-template-loads", test_every_listed_template_loads);
  g_test_add_func ("/template-catalogue/every-template-is-listed", test_every_template_is_listed);
  g_test_add_func ("/template-catalogue/resource-paths", test_resource_paths);
  g_test_add_func ("/template-catalogue/language", test_language);

  return g_test_run ();
}
