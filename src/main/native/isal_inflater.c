/*
 * JNI binding of ISA-L's streaming gzip inflater (Intel Intelligent Storage Acceleration
 * Library, BSD-3-Clause) for dev.cfsim.logs.IsalInflater. Inflating gzip is a third of what
 * reading a CloudFront log costs with java.util.zip's zlib; ISA-L's igzip does it about twice as
 * fast. The Java side checks every offset and length before calling in here.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <isa-l/igzip_lib.h>

#include "dev_cfsim_logs_IsalInflater.h"

/* Result packing, shared with IsalInflater.java: bits 0-30 bytes written, 31-61 bytes read,
   bit 62 the gzip member finished (its trailer checked). A negative result is an error. */
#define FINISHED_BIT 62
#define READ_SHIFT 31
#define NO_MEMORY (-100)
#define NEEDS_DICTIONARY (-101)

/*
 * The gzip header is read by isal_read_gzip_header into a header record kept here, not by
 * isal_inflate with crc_flag ISAL_GZIP: that one parses into a record on its own stack, new on
 * every call, whose flags isal_gzip_header_init leaves unset (2.30), so a header that arrives in
 * pieces goes on with stack garbage for flags and a lost header CRC (ISA-L issue #224: "you must
 * give the initial buffer a whole header at a time"); a name, comment, extra field or header CRC
 * cut by a read boundary then failed as truncated or damaged, depending on the stack. Kept here
 * (zeroed first, for those flags), the header may come a byte at a time; the deflate data and
 * the trailer follow with ISAL_GZIP_NO_HDR_VER.
 */
struct inflater {
  struct inflate_state state;
  struct isal_gzip_header header; /* no buffers: name, comment and extra field are skipped */
  int header_read;
  /* An error met in a call that also wrote output: that output is returned first and the error on
     the next call, so every byte before a bad checksum reaches the reader, as with zlib. */
  int pending_error;
};

static struct inflater *inflater_of(jlong handle) {
  return (struct inflater *) (intptr_t) handle;
}

static void start_member(struct inflater *z) {
  isal_inflate_reset(&z->state);
  z->pending_error = 0;
  memset(&z->header, 0, sizeof z->header);
  isal_gzip_header_init(&z->header);
  z->header_read = 0;
  z->state.crc_flag = ISAL_GZIP_NO_HDR_VER; /* check CRC-32 and length in the trailer */
}

JNIEXPORT jlong JNICALL Java_dev_cfsim_logs_IsalInflater_create(JNIEnv *env, jclass cls) {
  struct inflater *z = malloc(sizeof *z);
  if (z == NULL) {
    return 0;
  }
  isal_inflate_init(&z->state);
  start_member(z);
  return (jlong) (intptr_t) z;
}

JNIEXPORT void JNICALL Java_dev_cfsim_logs_IsalInflater_reset(JNIEnv *env, jclass cls,
                                                              jlong handle) {
  start_member(inflater_of(handle));
}

JNIEXPORT void JNICALL Java_dev_cfsim_logs_IsalInflater_free(JNIEnv *env, jclass cls,
                                                             jlong handle) {
  free(inflater_of(handle));
}

JNIEXPORT jlong JNICALL Java_dev_cfsim_logs_IsalInflater_inflate(
    JNIEnv *env, jclass cls, jlong handle, jbyteArray in, jint in_off, jint in_len,
    jbyteArray out, jint out_off, jint out_len) {
  struct inflater *z = inflater_of(handle);
  struct inflate_state *s = &z->state;
  if (z->pending_error != 0) {
    return z->pending_error; /* stays until the next member, which a failed one never reaches */
  }
  jbyte *in_bytes = (*env)->GetPrimitiveArrayCritical(env, in, NULL);
  if (in_bytes == NULL) {
    return NO_MEMORY;
  }
  jbyte *out_bytes = (*env)->GetPrimitiveArrayCritical(env, out, NULL);
  if (out_bytes == NULL) {
    (*env)->ReleasePrimitiveArrayCritical(env, in, in_bytes, JNI_ABORT);
    return NO_MEMORY;
  }
  s->next_in = (uint8_t *) in_bytes + in_off;
  s->avail_in = (uint32_t) in_len;
  s->next_out = (uint8_t *) out_bytes + out_off;
  s->avail_out = (uint32_t) out_len;
  int rc = ISAL_DECOMP_OK;
  if (!z->header_read) {
    rc = isal_read_gzip_header(s, &z->header);
    if (rc == ISAL_DECOMP_OK) {
      z->header_read = 1;
    } else if (rc == ISAL_END_INPUT) {
      rc = ISAL_DECOMP_OK; /* all input taken into the header; more is needed */
    }
  }
  if (z->header_read) {
    rc = isal_inflate(s);
  }
  jlong read = in_len - (jlong) s->avail_in;
  jlong written = out_len - (jlong) s->avail_out;
  int finished = s->block_state == ISAL_BLOCK_FINISH;
  s->next_in = NULL; /* the arrays may move once released */
  s->next_out = NULL;
  (*env)->ReleasePrimitiveArrayCritical(env, out, out_bytes, 0);
  (*env)->ReleasePrimitiveArrayCritical(env, in, in_bytes, JNI_ABORT);
  if (rc < 0 && written > 0) {
    z->pending_error = rc;
    return (read << READ_SHIFT) | written;
  }
  if (rc < 0) {
    return rc; /* ISAL_INVALID_BLOCK ... ISAL_INCORRECT_CHECKSUM: -1 to -6 */
  }
  if (rc == ISAL_NEED_DICT) {
    return NEEDS_DICTIONARY;
  }
  return ((jlong) finished << FINISHED_BIT) | (read << READ_SHIFT) | written;
}
