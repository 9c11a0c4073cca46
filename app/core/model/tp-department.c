/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-department.h"

char *
tp_department_display_name (const char *department)
{
  char *name;

  if (department == NULL)
    return NULL;
  name = g_strstrip (g_strdup (department));
  if (*name == '\0')
    g_clear_pointer (&name, g_free);
  return name;
}

char *
tp_department_key (const char *department)
{
  g_autofree char *name = tp_department_display_name (department);

  return name != NULL ? g_utf8_casefold (name, -1) : NULL;
}

static int
compare_department_keys (gconstpointer a,
                         gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
tp_journey_list_departments (TpJourney *journey)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  GListModel *notes;
  guint n;

  g_return_val_if_fail (TP_IS_JOURNEY (journey), out);

  notes = tp_journey_get_employee_notes (journey);
  n = g_list_model_get_n_items (notes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpEmployeeNote) note = g_list_model_get_item (notes, i);
      const char *department = tp_employee_note_get_department (note);
      char *key;

      key = tp_department_key (department);
      if (key == NULL || g_hash_table_contains (seen, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_insert (seen, key, tp_department_display_name (department));
      g_ptr_array_add (keys, key);
    }

  g_ptr_array_sort (keys, compare_department_keys);
  for (guint i = 0; i < keys->len; i++)
    g_ptr_array_add (out, g_strdup (g_hash_table_lookup (seen, g_ptr_array_index (keys, i))));
  return out;
}
