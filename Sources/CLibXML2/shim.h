#ifndef TOLLGATE_CLIBXML2_SHIM_H
#define TOLLGATE_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/*
 * libxml2's headers include the system ICU headers (<unicode/ucnv.h>) when libxml2 was built with ICU.
 * Foundation ships its own, different copy of those headers (_FoundationICU), and any Swift file that
 * sees both modules then fails to compile ("'UErrorCode' has different definitions in different modules").
 * TollgateXML never touches ICU converters (only the layout of xmlCharEncodingHandler, which it never
 * uses by value, depends on this), so the ICU part of libxml2's headers is hidden.
 */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlsave.h>

/*
 * libxml2's "generic" error channel is printf-style (variadic), which Swift cannot implement,
 * and by default it writes to stderr. TollgateXML reads every error it needs from a parser,
 * XPath or schema context, so messages that still reach the generic channel are dropped here.
 */
static inline void tollgate_discard_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

/* Silences the generic error channel of the calling thread (libxml2 keeps it per thread). */
static inline void tollgate_silence_generic_errors_on_this_thread(void) {
    xmlSetGenericErrorFunc(NULL, tollgate_discard_generic_error);
}

/* Silences the generic error channel of every thread libxml2 has not seen yet. */
static inline void tollgate_silence_generic_errors_by_default(void) {
    xmlThrDefSetGenericErrorFunc(NULL, tollgate_discard_generic_error);
}

/* Frees memory libxml2 allocated for the caller (`xmlFree` is a mutable global, which Swift 6 refuses to read). */
static inline void tollgate_xml_free(void *pointer) {
    xmlFree(pointer);
}
#endif
