/* Shared pieces of the OSCAL writers (catalog, assessment results, POA&M)
 * and the OSCAL catalog reader. */
#ifndef TAISAKU_OSCAL_INTERNAL_H
#define TAISAKU_OSCAL_INTERNAL_H

#include <stdbool.h>

#include <jansson.h>

#include "taisaku/catalog.h"

/* Namespace of our prop and part names. Never change it: tools key on it. */
#define TK_OSCAL_NS "https://taisaku.example/ns/oscal"
/* UUIDv5 of TK_OSCAL_NS in the URL namespace; every uuid we make is in it. */
#define TK_OSCAL_UUID_NS "1bc73758-aa85-55ae-a8a4-1cb2ad59d07b"
#define TK_OSCAL_VERSION "1.0.6"

/* s as one line without surrounding space (a StringDatatype), malloc'd;
 * NULL when nothing is left. */
char *tk_oscal_one_line(const char *s);

/* Any ID as an OSCAL token (malloc'd): "2.2.1.1(1)(a)" gives "x-2.2.1.1_1_a". */
char *tk_oscal_token(const char *id);

/* Sets key to arr when arr has items (OSCAL arrays have minItems 1), else
 * releases arr. */
void tk_oscal_set_array(json_t *o, const char *key, json_t *arr);

/* Appends {name, ns?, value} to props unless value is blank; returns it. */
json_t *tk_oscal_add_prop(json_t *props, bool ours, const char *name, const char *value);

/* The control id the catalog export gives each requirement, indexed like
 * cat->requirements: a JSON array of strings (NULL when out of memory). */
json_t *tk_oscal_control_ids(const tk_catalog *cat);

/* The uuid (UUIDv5 in our namespace) of the name printf makes of fmt. */
void tk_oscal_uuid(char out[37], const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
