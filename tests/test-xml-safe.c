/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/inotify.h>

#include <glib/gstdio.h>
#include <libxml/tree.h>

#include "tp-xml-safe.h"

#define NAME "test.journey"
#define POSITION_RE "^test\\.journey:[0-9]+:[0-9]+: .+$"

static xmlDoc *
parse (const char  *text,
       guint        max_depth,
       GError     **error)
{
  return tp_xml_read_untrusted (text, strlen (text), NAME, max_depth, error);
}

/* Checks "test.journey:LINE:COLUMN: message" and returns the numbers. */
static void
get_position (const GError *error,
              int          *line,
              int          *column)
{
  g_autofree char *tail = NULL;

  g_assert_nonnull (error);
  g_assert_true (g_regex_match_simple (POSITION_RE, error->message, G_REGEX_DOTALL, 0));
  g_assert_cmpint (sscanf (error->message, NAME ":%d:%d:", line, column), ==, 2);
  g_assert_cmpint (*line, >=, 1);
  g_assert_cmpint (*column, >=, 1);
}

static void
assert_position (const GError *error,
                 int           line,
                 int           column)
{
  int l, c;

  get_position (error, &l, &c);
  g_assert_cmpint (l, ==, line);
  g_assert_cmpint (c, ==, column);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tp-xml-safe-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tmp_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static char *
make_marker (void)
{
  return g_strdup_printf ("TPSECRET%08x%08x", g_random_int (), g_random_int ());
}

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* Watching the folder with inotify tells whether libxml2 opened a file. */
static int
watch_opens (const char *dir)
{
  int fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (inotify_add_watch (fd, dir, IN_OPEN | IN_ACCESS), >=, 0);
  return fd;
}

static gboolean
was_opened (int         fd,
            const char *name)
{
  char buffer[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  gboolean opened = FALSE;
  ssize_t n;

  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    {
      for (char *p = buffer; p < buffer + n;)
        {
          const struct inotify_event *event = (const struct inotify_event *) (gpointer) p;

          if (event->len > 0 && strcmp (event->name, name) == 0)
            opened = TRUE;
          p += sizeof (struct inotify_event) + event->len;
        }
    }
  g_assert_true (n == 0 || errno == EAGAIN);

  return opened;
}

/* Makes sure the watch works, so that "not opened" means something. */
static void
assert_watch_sees_open (int         fd,
                        const char *dir,
                        const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (was_opened (fd, name));
}

static void
test_valid (void)
{
  const char *text =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- a comment -->\n"
    "<journey version=\"1\">\n"
    "  <stage name=\"Caf&#233; &amp; more\"><![CDATA[<raw>]]></stage>\n"
    "</journey>\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", text, NULL);
  xmlDoc *doc;
  xmlNode *root, *stage;
  xmlChar *value;

  doc = parse (text, 16, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "journey");
  stage = xmlFirstElementChild (root);
  g_assert_nonnull (stage);
  value = xmlGetProp (stage, (const xmlChar *) "name");
  g_assert_cmpstr ((const char *) value, ==, "Café & more");
  xmlFree (value);
  /* CDATA arrives as plain text. */
  g_assert_nonnull (stage->children);
  g_assert_cmpint (stage->children->type, ==, XML_TEXT_NODE);
  g_assert_cmpstr ((const char *) stage->children->content, ==, "<raw>");
  g_assert_cmpint (xmlGetLineNo (stage), ==, 4);
  xmlFreeDoc (doc);

  doc = parse (with_bom, 16, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  xmlFreeDoc (doc);

  /* Other declared encodings are converted to UTF-8. */
  doc = parse ("<?xml version='1.0' encoding='ISO-8859-1'?><r a='\xe9'/>", 16, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  value = xmlGetProp (xmlDocGetRootElement (doc), (const xmlChar *) "a");
  g_assert_cmpstr ((const char *) value, ==, "é");
  xmlFree (value);
  xmlFreeDoc (doc);

  /* Namespaces are fine. */
  doc = parse ("<j xmlns='urn:a' xmlns:p='urn:b'><p:x/></j>", 16, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  xmlFreeDoc (doc);
}

static void
test_not_xml (void)
{
  static const struct {
    const char *data;
    gsize length;
  } cases[] = {
    { "hello world", 11 },
    { "", 0 },
    { "  \n\t ", 5 },
    { "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16 },
    { "\x1f\x8b\x08\0\0\0\0\0\0\x03", 10 },  /* gzip: never un-gzipped */
    { "{\"journey\": true}", 17 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      xmlDoc *doc;
      int line, column;

      doc = tp_xml_read_untrusted (cases[i].data, cases[i].length, NAME, 0, &error);
      g_assert_null (doc);
      g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_SYNTAX);
      get_position (error, &line, &column);
      g_assert_true (g_str_has_suffix (error->message, ": This is not an XML file"));
    }
}

static void
test_truncated (void)
{
  const char *text =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey version=\"1\" title=\"A &amp; B\">\n"
    "  <stage name='s'><!-- note --><?pi x?><card/>text &#233;</stage>\n"
    "</journey>";
  gsize length = strlen (text);
  xmlDoc *doc;

  /* Cut anywhere, the document is refused and called truncated. */
  for (gsize cut = 1; cut < length; cut++)
    {
      g_autoptr(GError) error = NULL;
      int line, column;

      doc = tp_xml_read_untrusted (text, cut, NAME, 0, &error);
      g_assert_null (doc);
      g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_SYNTAX);
      get_position (error, &line, &column);
      if (strstr (error->message, "The file ends too early (it may be truncated)") == NULL)
        g_error ("Cut at %" G_GSIZE_FORMAT ": %s", cut, error->message);
    }

  doc = tp_xml_read_untrusted (text, length, NAME, 0, NULL);
  g_assert_nonnull (doc);
  xmlFreeDoc (doc);
}

static long
peak_memory_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return -1;
  return strtol (line + strlen ("VmHWM:"), NULL, 10);
}

static void
test_entity_bomb (void)
{
  const char *bomb =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE lolz [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n"
    "<lolz a=\"&lol9;\">&lol9;</lolz>\n";
  g_autoptr(GError) error = NULL;
  long before, after;
  xmlDoc *doc;

  before = peak_memory_kib ();
  doc = parse (bomb, 0, &error);
  after = peak_memory_kib ();

  g_assert_null (doc);
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_FORBIDDEN);
  g_assert_cmpstr (error->message, ==,
                   NAME ":2:1: Document type declarations are not allowed in journey files");
  g_assert_null (strstr (error->message, "lollol"));

  /* A billion "lol"s would take gigabytes; the DOCTYPE is refused first. */
  if (before >= 0 && after >= 0)
    g_assert_cmpint (after - before, <, 16 * 1024);
}

static void
test_external_entity (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *secret = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *marker = make_marker ();
  g_autofree char *uri = g_filename_to_uri (secret, NULL, NULL);
  g_autofree char *general = g_strdup_printf (
    "<!DOCTYPE r [<!ENTITY x SYSTEM \"%s\">]><r>&x;</r>", uri);
  g_autofree char *in_attribute = g_strdup_printf (
    "<!DOCTYPE r [<!ENTITY x SYSTEM \"%s\">]><r a=\"&x;\"/>", uri);
  g_autofree char *parameter = g_strdup_printf (
    "<!DOCTYPE r [<!ENTITY %% p SYSTEM \"%s\"> %%p;]><r/>", uri);
  g_autofree char *plain_path = g_strdup_printf (
    "<!DOCTYPE r [<!ENTITY x SYSTEM \"%s\">]><r>&x;</r>", secret);
  const char *cases[] = { general, in_attribute, parameter, plain_path };
  int watch;

  write_file (secret, marker);
  watch = watch_opens (dir);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      xmlDoc *doc;

      doc = parse (cases[i], 0, &error);
      g_assert_null (doc);
      g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_FORBIDDEN);
      assert_position (error, 1, 1);
      g_assert_null (strstr (error->message, marker));
    }

  g_assert_false (was_opened (watch, "secret.txt"));
  assert_watch_sees_open (watch, dir, "secret.txt");

  close (watch);
  remove_tmp_dir (dir);
}

static void
test_external_dtd (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *dtd = g_build_filename (dir, "ext.dtd", NULL);
  g_autofree char *marker = make_marker ();
  g_autofree char *dtd_text = g_strdup_printf ("<!ENTITY x \"%s\">\n", marker);
  g_autofree char *uri = g_filename_to_uri (dtd, NULL, NULL);
  g_autofree char *by_uri = g_strdup_printf (
    "<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"%s\">\n<r>&x;</r>", uri);
  g_autofree char *by_path = g_strdup_printf (
    "<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"%s\">\n<r>&x;</r>", dtd);
  g_autofree char *public_id = g_strdup_printf (
    "<?xml version=\"1.0\"?>\n<!DOCTYPE r PUBLIC \"-//Example//DTD R//EN\" \"%s\">\n<r>&x;</r>", uri);
  const char *cases[] = {
    by_uri,
    by_path,
    public_id,
    "<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/r.dtd\">\n<r/>",
  };
  int watch;

  write_file (dtd, dtd_text);
  watch = watch_opens (dir);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      xmlDoc *doc;

      doc = parse (cases[i], 0, &error);
      g_assert_null (doc);
      g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_FORBIDDEN);
      assert_position (error, 2, 1);
      g_assert_null (strstr (error->message, marker));
    }

  g_assert_false (was_opened (watch, "ext.dtd"));
  assert_watch_sees_open (watch, dir, "ext.dtd");

  close (watch);
  remove_tmp_dir (dir);
}

static void
test_doctype_variants (void)
{
  static const struct {
    const char *text;
    TpLoadError code;
    int line;
    int column;
  } cases[] = {
    /* The position is that of the DOCTYPE itself. */
    { "<?xml version=\"1.0\"?>\n<!-- c -->\n  <!DOCTYPE journey>\n<journey/>",
      TP_LOAD_ERROR_FORBIDDEN, 3, 3 },
    { "<!DOCTYPE journey []><journey/>", TP_LOAD_ERROR_FORBIDDEN, 1, 1 },
    { "<!DOCTYPE\n  journey\n  [<!ENTITY a \"b\">]>\n<journey>&a;</journey>",
      TP_LOAD_ERROR_FORBIDDEN, 1, 1 },
    /* Broken DOCTYPEs never reach the hook; still refused as such. */
    { "<?xml version=\"1.0\"?>\n<!DOCTYPE>\n<journey/>", TP_LOAD_ERROR_FORBIDDEN, 2, 1 },
    { "<!DOCTYPE [<!ENTITY a \"b\">]><journey>&a;</journey>", TP_LOAD_ERROR_FORBIDDEN, 1, 1 },
    /* Not a DOCTYPE where one could be: a plain syntax error. */
    { "<journey><!DOCTYPE x></journey>", TP_LOAD_ERROR_SYNTAX, 1, 0 },
    /* Undeclared entities are errors, nothing is looked up. */
    { "<journey>&nbsp;</journey>", TP_LOAD_ERROR_SYNTAX, 1, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      xmlDoc *doc;
      int line, column;

      doc = parse (cases[i].text, 0, &error);
      g_assert_null (doc);
      g_assert_error (error, TP_LOAD_ERROR, (int) cases[i].code);
      get_position (error, &line, &column);
      g_assert_cmpint (line, ==, cases[i].line);
      if (cases[i].column > 0)
        g_assert_cmpint (column, ==, cases[i].column);
      if (cases[i].code == TP_LOAD_ERROR_FORBIDDEN)
        g_assert_true (g_str_has_suffix (error->message,
                                         ": Document type declarations are not allowed in journey files"));
    }
}

static void
test_xinclude_ignored (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *secret = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *marker = make_marker ();
  g_autofree char *uri = g_filename_to_uri (secret, NULL, NULL);
  g_autofree char *text = g_strdup_printf (
    "<r xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
    "<xi:include href=\"%s\" parse=\"text\"/></r>", uri);
  g_autoptr(GError) error = NULL;
  xmlChar *dump = NULL;
  int dump_size = 0;
  xmlDoc *doc;
  int watch;

  write_file (secret, marker);
  watch = watch_opens (dir);

  doc = parse (text, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlFirstElementChild (xmlDocGetRootElement (doc))->name,
                   ==, "include");
  xmlDocDumpMemory (doc, &dump, &dump_size);
  g_assert_nonnull (dump);
  g_assert_null (strstr ((const char *) dump, marker));
  xmlFree (dump);
  xmlFreeDoc (doc);

  g_assert_false (was_opened (watch, "secret.txt"));
  assert_watch_sees_open (watch, dir, "secret.txt");

  close (watch);
  remove_tmp_dir (dir);
}

static char *
nested (guint depth,
        gboolean pretty)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    {
      if (pretty)
        {
          g_string_append_c (s, '\n');
          for (guint j = 0; j < i; j++)
            g_string_append_c (s, ' ');
        }
      g_string_append (s, "<a>");
    }
  for (guint i = 0; i < depth; i++)
    g_string_append (s, "</a>");

  return g_string_free (s, FALSE);
}

static void
test_deep_100000 (void)
{
  g_autofree char *text = nested (100000, FALSE);
  g_autoptr(GError) error = NULL;
  xmlDoc *doc;

  doc = parse (text, 0, &error);
  g_assert_null (doc);
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_TOO_DEEP);
  /* The 257th "<a>" is the first one too many. */
  assert_position (error, 1, 256 * 3 + 1);
  g_assert_true (g_str_has_suffix (error->message,
                                   ": Elements are nested too deeply (more than 256 levels)"));

  g_clear_error (&error);
  doc = parse (text, 64, &error);
  g_assert_null (doc);
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_TOO_DEEP);
  assert_position (error, 1, 64 * 3 + 1);
}

/* A tag with @n attributes (and an '=' in a quoted value that is none). */
static char *
crowded (guint n)
{
  GString *s = g_string_new ("<root>\n<!-- a=1 b=2 -->\n  <a");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, " x%u=\"v=%u\"", i, i);
  g_string_append (s, "/>\n</root>");
  return g_string_free (s, FALSE);
}

/* 100,000 attributes on one tag took libxml2 17 s: refused before parsing,
 * with the tag's place. The limit itself still parses. */
static void
test_too_many_attributes (void)
{
  g_autofree char *at_limit = crowded (TP_XML_MAX_ATTRIBUTES);
  g_autofree char *over = crowded (TP_XML_MAX_ATTRIBUTES + 1);
  g_autofree char *huge = crowded (100000);
  g_autoptr(GError) error = NULL;
  xmlDoc *doc;

  doc = parse (at_limit, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  xmlFreeDoc (doc);

  for (guint i = 0; i < 2; i++)
    {
      doc = parse (i == 0 ? over : huge, 0, &error);
      g_assert_null (doc);
      g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_TOO_LARGE);
      assert_position (error, 3, 3);
      g_assert_true (g_str_has_suffix (error->message, ": A tag has more than 256 attributes"));
      g_clear_error (&error);
    }

  /* Inside a comment or CDATA, '=' is text. */
  {
    g_autoptr(GString) text = g_string_new ("<r><!-- <a");
    g_autofree char *equals = g_strnfill (2 * TP_XML_MAX_ATTRIBUTES, '=');

    g_string_append_printf (text, "%s --><![CDATA[ <b %s ]]><?pi <c %s?></r>", equals, equals, equals);
    doc = parse (text->str, 0, &error);
    g_assert_no_error (error);
    g_assert_nonnull (doc);
    xmlFreeDoc (doc);
  }
}

static void
test_too_deep (void)
{
  g_autofree char *eight = nested (8, TRUE);
  g_autofree char *nine = nested (9, TRUE);
  g_autofree char *limit = nested (TP_XML_MAX_DEPTH_LIMIT, FALSE);
  g_autofree char *over_limit = nested (TP_XML_MAX_DEPTH_LIMIT + 1, FALSE);
  g_autoptr(GError) error = NULL;
  xmlDoc *doc;

  doc = parse (eight, 8, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  xmlFreeDoc (doc);

  doc = parse (nine, 8, &error);
  g_assert_null (doc);
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_TOO_DEEP);
  /* The ninth element sits on line 10 (the text starts with a newline),
   * indented by 8 spaces. */
  assert_position (error, 10, 9);
  g_assert_true (g_str_has_suffix (error->message,
                                   ": Elements are nested too deeply (more than 8 levels)"));
  g_clear_error (&error);

  /* Larger limits are clamped to libxml2's own. */
  doc = parse (limit, 100000, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  xmlFreeDoc (doc);

  doc = parse (over_limit, 100000, &error);
  g_assert_null (doc);
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_TOO_DEEP);
}

static void
test_error_format (void)
{
  const char *text =
    "<journey>\n"
    "  <stage>\n"
    "    <card></stage>\n"
    "</journey>\n";
  g_autoptr(GError) error = NULL;
  xmlDoc *doc;
  int line, column;

  doc = parse (text, 0, &error);
  g_assert_null (doc);
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_SYNTAX);
  g_assert_true (g_regex_match_simple (POSITION_RE, error->message, 0, 0));
  g_assert_true (g_regex_match_simple ("^test\\.journey:3:[0-9]+: ", error->message, 0, 0));
  get_position (error, &line, &column);
  g_assert_cmpint (line, ==, 3);
  g_assert_nonnull (strstr (error->message, "card"));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_other_syntax_errors (void)
{
  static const struct {
    const char *data;
    gsize length;
    int line;
    int column;
  } cases[] = {
    /* Not UTF-8. */
    { "<r>\n  \xff\xfe</r>", 12, 2, 3 },
    /* A NUL byte. */
    { "<r>a\0b</r>", 10, 1, 5 },
    /* An undeclared namespace prefix. */
    { "<r>\n<p:x/></r>", 14, 2, 0 },
    /* Extra content. */
    { "<r/>\n<r/>", 9, 2, 0 },
    /* Broken attribute. */
    { "<r a=b/>", 8, 1, 0 },
    /* Errors at the very end that are not truncation. */
    { "<r></s>", 7, 1, 0 },
    { "<r>&x;", 6, 1, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      xmlDoc *doc;
      int line, column;

      doc = tp_xml_read_untrusted (cases[i].data, cases[i].length, NAME, 0, &error);
      g_assert_null (doc);
      g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_SYNTAX);
      get_position (error, &line, &column);
      g_assert_cmpint (line, ==, cases[i].line);
      if (cases[i].column > 0)
        g_assert_cmpint (column, ==, cases[i].column);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_null (strstr (error->message, "truncated"));
    }
}

static void
test_set_error_at (void)
{
  const char *text =
    "<journey xmlns:tp=\"urn:x\">\n"
    "  <stage id=\"s1\" name=\"Start\">\n"
    "    <card title=\" kind=fake\" kind=\"bad\"/>\n"
    "    <card\n"
    "        id=\"c2\"\n"
    "        kind=\"worse\"/>\n"
    "    <tp:note/>\n"
    "    <r a=\"é\" b=\"x\"/>\n"
    "  </stage>\n"
    "</journey>\n";
  gsize length = strlen (text);
  g_autoptr(GError) error = NULL;
  xmlNode *root, *stage, *card1, *card2, *note, *r;
  xmlDoc *doc;

  doc = parse (text, 0, &error);
  g_assert_no_error (error);
  root = xmlDocGetRootElement (doc);
  stage = xmlFirstElementChild (root);
  card1 = xmlFirstElementChild (stage);
  card2 = xmlNextElementSibling (card1);
  note = xmlNextElementSibling (card2);
  r = xmlNextElementSibling (note);

  tp_xml_set_error_at (&error, TP_LOAD_ERROR_INVALID, NAME, text, length, stage, NULL,
                       "Unknown stage “%s”", "s1");
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, NAME ":2:3: Unknown stage “s1”");
  g_clear_error (&error);

  tp_xml_set_error_at (&error, TP_LOAD_ERROR_INVALID, NAME, text, length, stage, "name",
                       "Bad name");
  g_assert_cmpstr (error->message, ==, NAME ":2:18: Bad name");
  g_clear_error (&error);

  /* " kind=" inside another attribute's value is not the attribute. */
  tp_xml_set_error_at (&error, TP_LOAD_ERROR_INVALID, NAME, text, length, card1, "kind",
                       "Unknown kind “%s”", "bad");
  g_assert_cmpstr (error->message, ==, NAME ":3:30: Unknown kind “bad”");
  g_clear_error (&error);

  /* An attribute node locates its attribute. */
  tp_xml_set_error_at (&error, TP_LOAD_ERROR_INVALID, NAME, text, length,
                       (xmlNode *) xmlHasProp (card1, (const xmlChar *) "kind"), NULL, "x");
  assert_position (error, 3, 30);
  g_clear_error (&error);

  /* A start tag spanning lines: libxml2 says line 6, the tag starts on 4. */
  g_assert_cmpint (xmlGetLineNo (card2), ==, 6);
  tp_xml_set_error_at (&error, TP_LOAD_ERROR_INVALID, NAME, text, length, card2, NULL, "x");
  assert_position (error, 4, 5);
  g_clear_error (&error);
  tp_xml_set_error_at (&error, TP_LOAD_ERROR_INVALID, NAME, text, length, card2, "id", "x");
  assert_position (error, 5, 9);
  g_clear_error (&error);
  tp_xml_set_error_at (&error, TP_LOAD_ERROR_INVALID, NAME, text, length, card2, "kind", "x");
  assert_position (error, 6, 9);
  g_clear_error (&error);

  /* A prefixed element. */
  tp_xml_set_error_at (&error, TP_LOAD_ERROR_INVALID, NAME, text, length, note, NULL, "x");
  assert_position (error, 7, 5);
  g_clear_error (&error);

  /* Columns count characters, not bytes. */
  tp_xml_set_error_at (&error, TP_LOAD_ERROR_INVALID, NAME, text, length, r, "b", "x");
  assert_position (error, 8, 14);
  g_clear_error (&error);

  /* A missing attribute: the element's position. */
  tp_xml_set_error_at (&error, TP_LOAD_ERROR_INVALID, NAME, text, length, card1, "missing", "x");
  assert_position (error, 3, 5);
  g_clear_error (&error);

  /* Without the text: the line, column 1. */
  tp_xml_set_error_at (&error, TP_LOAD_ERROR_NEWER_VERSION, NAME, NULL, 0, card1, "kind", "x");
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_NEWER_VERSION);
  assert_position (error, 3, 1);
  g_clear_error (&error);

  /* A node that is not an element. */
  tp_xml_set_error_at (&error, TP_LOAD_ERROR_INVALID, NAME, text, length, root->children, NULL, "x");
  assert_position (error, 2, 1);
  g_clear_error (&error);

  /* No node at all. */
  tp_xml_set_error_at (&error, TP_LOAD_ERROR_INVALID, NAME, text, length, NULL, NULL, "x");
  assert_position (error, 1, 1);
  g_clear_error (&error);

  /* Ignored error. */
  tp_xml_set_error_at (NULL, TP_LOAD_ERROR_INVALID, NAME, text, length, stage, NULL, "x");

  xmlFreeDoc (doc);
}

static char *
make_file (const char *dir,
           const char *name,
           const char *data,
           gsize       length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_read_capped (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *small = make_file (dir, "small.journey", "<r>é</r>", -1);
  g_autofree char *big = g_build_filename (dir, "big.journey", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.journey", NULL);
  g_autoptr(GFile) small_file = g_file_new_for_path (small);
  g_autoptr(GFile) big_file = g_file_new_for_path (big);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize size;
  int fd;

  bytes = tp_file_read_capped (small_file, 32 * 1024 * 1024, NULL, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpmem (data, size, "<r>é</r>", 9);
  g_assert_cmpint (data[size], ==, '\0');
  g_clear_pointer (&bytes, g_bytes_unref);

  /* Exactly at the cap is fine, one byte over is not. */
  bytes = tp_file_read_capped (small_file, 9, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 9);
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = tp_file_read_capped (small_file, 8, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* 50 MB, sparse so that it costs nothing. */
  fd = g_open (big, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 50 * 1000 * 1000), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
  bytes = tp_file_read_capped (big_file, 32 * 1024 * 1024, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_TOO_LARGE);
  /* g_format_size() puts a no-break space before the unit. */
  g_assert_nonnull (strstr (error->message, "32.0"));
  g_assert_nonnull (strstr (error->message, "MiB"));
  g_clear_error (&error);

  /* A file that says it is empty but is not: the read itself is capped. */
  if (g_file_test ("/proc/self/status", G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GFile) proc = g_file_new_for_path ("/proc/self/status");

      bytes = tp_file_read_capped (proc, 16, NULL, &error);
      g_assert_null (bytes);
      g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_TOO_LARGE);
      g_clear_error (&error);

      bytes = tp_file_read_capped (proc, 1024 * 1024, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 16);
      g_clear_pointer (&bytes, g_bytes_unref);
    }

  bytes = tp_file_read_capped (missing_file, 1024, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_IO);
  g_clear_error (&error);

  bytes = tp_file_read_capped (dir_file, 1024, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_IO);
  g_clear_error (&error);

  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");

      bytes = tp_file_read_capped (zero, 1024, NULL, &error);
      g_assert_null (bytes);
      g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_IO);
      g_clear_error (&error);
    }

  g_cancellable_cancel (cancelled);
  bytes = tp_file_read_capped (small_file, 1024, cancelled, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  remove_tmp_dir (dir);
}

/* Compressed files are read as they are: never un-gzipped. */
static void
test_read_gzip (void)
{
  const char *xml = "<journey/>";
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "packed.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) base = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const guchar *data;
  gsize size;
  xmlDoc *doc;

  base = G_OUTPUT_STREAM (g_file_create (file, G_FILE_CREATE_NONE, NULL, &error));
  g_assert_no_error (error);
  out = g_converter_output_stream_new (base, G_CONVERTER (compressor));
  g_assert_true (g_output_stream_write_all (out, xml, strlen (xml), NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  g_assert_no_error (error);

  bytes = tp_file_read_capped (file, 1024, NULL, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (size, >=, 2);
  g_assert_cmpint (data[0], ==, 0x1f);
  g_assert_cmpint (data[1], ==, 0x8b);

  doc = tp_xml_read_untrusted ((const char *) data, size, NAME, 0, &error);
  g_assert_null (doc);
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_SYNTAX);

  remove_tmp_dir (dir);
}

/* Everything that can go wrong, in a child whose output is checked. */
static void
test_no_output (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *deep = nested (1000, FALSE);
      const char *bad[] = {
        "hello", "", "<r>", "<r></s>", "<r>\xff</r>", "<r>&x;</r>", "<r><p:x/></r>",
        "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>",
        "<!DOCTYPE r SYSTEM \"file:///nonexistent/r.dtd\"><r/>",
        "<!DOCTYPE>", "<?xml version='1.0' encoding='bogus-encoding'?><r/>",
        "<?xml version='1.1'?><r/>", "<r xmlns:a='relative'/>", deep,
      };

      for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
        {
          g_autoptr(GError) error = NULL;
          xmlDoc *doc = parse (bad[i], 8, &error);

          g_clear_pointer (&doc, xmlFreeDoc);
        }
      return;
    }

  g_test_trap_subprocess (NULL, 0, 0);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
  g_test_trap_assert_stdout_unmatched ("*error*");
  g_test_trap_assert_stdout_unmatched ("*parser*");
}

static xmlNode *
nth_element (xmlNode *parent,
             guint    n)
{
  xmlNode *child = xmlFirstElementChild (parent);

  while (child != NULL && n-- > 0)
    child = xmlNextElementSibling (child);
  g_assert_nonnull (child);
  return child;
}

static void
assert_single_text (xmlNode    *node,
                    const char *text)
{
  g_assert_nonnull (node->children);
  g_assert_null (node->children->next);
  g_assert_cmpint (node->children->type, ==, XML_TEXT_NODE);
  g_assert_cmpstr ((const char *) node->children->content, ==, text);
}

static void
test_skip_space (void)
{
  const char *text =
    "<r>\n"
    "  <a>  </a>\n"
    "  <b><!-- c -->  </b>\n"
    "  <m>x <i/> y</m>\n"
    "  <d>\n  <![CDATA[z]]></d>\n"
    "  <e>\n    <f/>\n  </e>\n"
    "</r>\n";
  static const char *bad[] = {
    "<!DOCTYPE r>\n<r>\n  <a/>\n</r>",
    "<r>\n  <a>\n    <b>\n      <c/>\n    </b>\n  </a>\n</r>",
    "<r>\n  <a>\n  </b>\n</r>",
    "<r>\n  <a>&x;</a>\n</r>",
    "<r>\n  <a>\n    ",
  };
  g_autoptr(GError) error = NULL;
  xmlDoc *doc;
  xmlNode *root, *node;

  doc = tp_xml_read_untrusted_full (text, strlen (text), NAME, 0,
                                    TP_XML_READ_SKIP_SPACE_BETWEEN_ELEMENTS, &error);
  g_assert_no_error (error);
  root = xmlDocGetRootElement (doc);

  /* Only elements between elements. */
  for (node = root->children; node != NULL; node = node->next)
    g_assert_cmpint (node->type, ==, XML_ELEMENT_NODE);
  g_assert_cmpint (xmlChildElementCount (root), ==, 5);
  node = nth_element (root, 4);
  g_assert_nonnull (node->children);
  g_assert_null (node->children->next);
  g_assert_cmpstr ((const char *) node->children->name, ==, "f");

  /* Text-only content, text beside elements and text joined with CDATA stay. */
  assert_single_text (nth_element (root, 0), "  ");
  node = nth_element (root, 1);
  g_assert_cmpint (node->children->type, ==, XML_COMMENT_NODE);
  g_assert_cmpint (node->children->next->type, ==, XML_TEXT_NODE);
  g_assert_cmpstr ((const char *) node->children->next->content, ==, "  ");
  node = nth_element (root, 2);
  g_assert_cmpstr ((const char *) node->children->content, ==, "x ");
  g_assert_cmpstr ((const char *) node->children->next->name, ==, "i");
  g_assert_cmpstr ((const char *) node->children->next->next->content, ==, " y");
  assert_single_text (nth_element (root, 3), "\n  z");
  g_assert_cmpint (xmlGetLineNo (nth_element (root, 4)), ==, 7);
  xmlFreeDoc (doc);

  /* Without the flag, the same text keeps its whitespace nodes. */
  doc = parse (text, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xmlDocGetRootElement (doc)->children->type, ==, XML_TEXT_NODE);
  xmlFreeDoc (doc);

  /* Refusals and errors are the same either way. */
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) plain = NULL;
      g_autoptr(GError) skipping = NULL;

      g_assert_null (tp_xml_read_untrusted (bad[i], strlen (bad[i]), NAME, 3, &plain));
      g_assert_null (tp_xml_read_untrusted_full (bad[i], strlen (bad[i]), NAME, 3,
                                                 TP_XML_READ_SKIP_SPACE_BETWEEN_ELEMENTS,
                                                 &skipping));
      g_assert_nonnull (plain);
      g_assert_error (skipping, plain->domain, plain->code);
      g_assert_cmpstr (skipping->message, ==, plain->message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml-safe/valid", test_valid);
  g_test_add_func ("/xml-safe/not-xml", test_not_xml);
  g_test_add_func ("/xml-safe/truncated", test_truncated);
  g_test_add_func ("/xml-safe/entity-bomb", test_entity_bomb);
  g_test_add_func ("/xml-safe/external-entity", test_external_entity);
  g_test_add_func ("/xml-safe/external-dtd", test_external_dtd);
  g_test_add_func ("/xml-safe/doctype-variants", test_doctype_variants);
  g_test_add_func ("/xml-safe/xinclude-ignored", test_xinclude_ignored);
  g_test_add_func ("/xml-safe/deep-100000", test_deep_100000);
  g_test_add_func ("/xml-safe/too-deep", test_too_deep);
  g_test_add_func ("/xml-safe/error-format", test_error_format);
  g_test_add_func ("/xml-safe/other-syntax-errors", test_other_syntax_errors);
  g_test_add_func ("/xml-safe/set-error-at", test_set_error_at);
  g_test_add_func ("/xml-safe/read-capped", test_read_capped);
  g_test_add_func ("/xml-safe/read-gzip", test_read_gzip);
  g_test_add_func ("/xml-safe/no-output", test_no_output);
  g_test_add_func ("/xml-safe/skip-space", test_skip_space);
  g_test_add_func ("/xml-safe/too-many-attributes", test_too_many_attributes);

  return g_test_run ();
}
