/*
 * JNI binding of ISA-L's streaming gzip inflater (Intel Intelligent Storage Acceleration
 * Library, BSD-3-Clause) for dev.cfsim.logs.IsalInflater. Inflating gzip is a third of what
 * reading a CloudFront log costs with java.util.zip's zlib; ISA-L's igzip does it about twice as
 * fast. The Java side checks every offset and length before calling in here.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <isa-l/igzip_lib.h>

#include "dev_cfsim_logs_IsalInflater.h"

/* Result packing, shared with IsalInflater.java: bits 0-30 bytes written, 31-61 bytes read,
   bit 62 the gzip member finished (its trailer checked). A negative result is an error. */
#define FINISHED_BIT 62
#define READ_SHIFT 31
#define NO_MEMORY (-100)
#define NEEDS_DICTIONARY (-101)

static struct inflate_state *state_of(jlong handle) {
  return (struct inflate_state *) (intptr_t) handle;
}

static void start_member(struct inflate_state *s) {
  isal_inflate_reset(s);
  s->crc_flag = ISAL_GZIP; /* parse the gzip header, check CRC-32 and length in the trailer */
}

JNIEXPORT jlong JNICALL Java_dev_cfsim_logs_IsalInflater_create(JNIEnv *env, jclass cls) {
  struct inflate_state *s = malloc(sizeof *s);
  if (s == NULL) {
    return 0;
  }
  isal_inflate_init(s);
  start_member(s);
  return (jlong) (intptr_t) s;
}

JNIEXPORT void JNICALL Java_dev_cfsim_logs_IsalInflater_reset(JNIEnv *env, jclass cls,
                                                              jlong handle) {
  start_member(state_of(handle));
}

JNIEXPORT void JNICALL Java_dev_cfsim_logs_IsalInflater_free(JNIEnv *env, jclass cls,
                                                             jlong handle) {
  free(state_of(handle));
}

JNIEXPORT jlong JNICALL Java_dev_cfsim_logs_IsalInflater_inflate(
    JNIEnv *env, jclass cls, jlong handle, jbyteArray in, jint in_off, jint in_len,
    jbyteArray out, jint out_off, jint out_len) {
  struct inflate_state *s = state_of(handle);
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
  int rc = isal_inflate(s);
  jlong read = in_len - (jlong) s->avail_in;
  jlong written = out_len - (jlong) s->avail_out;
  int finished = s->block_state == ISAL_BLOCK_FINISH;
  s->next_in = NULL; /* the arrays may move once released */
  s->next_out = NULL;
  (*env)->ReleasePrimitiveArrayCritical(env, out, out_bytes, 0);
  (*env)->ReleasePrimitiveArrayCritical(env, in, in_bytes, JNI_ABORT);
  if (rc < 0) {
    return rc; /* ISAL_INVALID_BLOCK ... ISAL_INCORRECT_CHECKSUM: -1 to -6 */
  }
  if (rc == ISAL_NEED_DICT) {
    return NEEDS_DICTIONARY;
  }
  return ((jlong) finished << FINISHED_BIT) | (read << READ_SHIFT) | written;
}
