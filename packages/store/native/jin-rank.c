/*
** jin_bm25(): FTS5's bm25() ranking, with the document frequencies supplied by the caller.
**
** bm25() needs, for each phrase of the query, the number of rows that contain it. It counts
** them on its first call in every statement by reading each phrase's whole doclist, so a
** common word costs time in proportion to the size of the archive even when only one tier of
** the newest matches is ranked. The store counts them once per dataset version and passes
** them in; the score is otherwise the same formula with the same constants, so the two
** functions return equal values for equal counts.
**
**   jin_bm25(fts, w_1, ..., w_ncol, df_1, ..., df_nphrase)
**
** w_i is the weight of column i (as for bm25). df_j is the number of rows containing phrase j
** of the MATCH expression, in the order the phrases appear; a missing or NULL df_j is counted
** here, as bm25() would.
**
** Built by scripts/build-native.mjs at install; loaded by src/sqlite/ranking.ts.
*/
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1
#include <math.h>
#include <string.h>

#define K1 1.2
#define B 0.75

/* What every row of one statement shares: computed on the first call, kept as auxdata. */
typedef struct Shared {
  int nPhrase;
  double avgdl;   /* average row length in tokens, over all columns */
  double *idf;    /* per phrase */
  double *freq;   /* per phrase, for the current row (scratch space) */
} Shared;

static int countRow(const Fts5ExtensionApi *api, Fts5Context *fts, void *user) {
  (void)api;
  (void)fts;
  (*(sqlite3_int64 *)user)++;
  return SQLITE_OK;
}

static int shared(const Fts5ExtensionApi *api, Fts5Context *fts, int nCol, int nArg,
                  sqlite3_value **args, Shared **out) {
  Shared *s = (Shared *)api->xGetAuxdata(fts, 0);
  int rc = SQLITE_OK;
  if (s == 0) {
    int nPhrase = api->xPhraseCount(fts);
    size_t bytes = sizeof(Shared) + (size_t)nPhrase * 2 * sizeof(double);
    sqlite3_int64 nRow = 0, nToken = 0;
    s = (Shared *)sqlite3_malloc64(bytes);
    if (s == 0) return SQLITE_NOMEM;
    memset(s, 0, bytes);
    s->nPhrase = nPhrase;
    s->idf = (double *)&s[1];
    s->freq = &s->idf[nPhrase];
    rc = api->xRowCount(fts, &nRow);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &nToken);
    if (rc == SQLITE_OK) s->avgdl = nRow > 0 ? (double)nToken / (double)nRow : 1.0;
    for (int i = 0; rc == SQLITE_OK && i < nPhrase; i++) {
      sqlite3_int64 nHit = 0;
      int at = nCol + i;
      if (at < nArg && sqlite3_value_type(args[at]) != SQLITE_NULL) {
        nHit = sqlite3_value_int64(args[at]);
      } else {
        rc = api->xQueryPhrase(fts, i, (void *)&nHit, countRow);
      }
      if (rc == SQLITE_OK) {
        /* The usual BM25 IDF, floored just above zero (as bm25() does) so that a phrase found
        ** in more than half of the rows still counts for something. */
        double idf = log(((double)nRow - (double)nHit + 0.5) / ((double)nHit + 0.5));
        s->idf[i] = idf > 0.0 ? idf : 1e-6;
      }
    }
    if (rc == SQLITE_OK) {
      rc = api->xSetAuxdata(fts, s, sqlite3_free);
      if (rc != SQLITE_OK) s = 0; /* xSetAuxdata frees it on failure */
    } else {
      sqlite3_free(s);
      s = 0;
    }
  }
  *out = s;
  return rc;
}

static void jinBm25(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
                    int nArg, sqlite3_value **args) {
  int nCol = api->xColumnCount(fts);
  Shared *s = 0;
  int nInst = 0, nTok = 0;
  double score = 0.0;
  int rc = shared(api, fts, nCol, nArg, args, &s);
  if (rc == SQLITE_OK) {
    memset(s->freq, 0, sizeof(double) * (size_t)s->nPhrase);
    rc = api->xInstCount(fts, &nInst);
  }
  /* A phrase's frequency in the row: its instances, each weighted by its column's weight. */
  for (int i = 0; rc == SQLITE_OK && i < nInst; i++) {
    int phrase, column, offset;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc == SQLITE_OK) {
      s->freq[phrase] += (column < nCol && column < nArg) ? sqlite3_value_double(args[column]) : 1.0;
    }
  }
  if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &nTok);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  for (int i = 0; i < s->nPhrase; i++) {
    double f = s->freq[i];
    /* Grouped as in bm25(), so that the two round alike to the last bit. */
    score += s->idf[i] * ((f * (K1 + 1.0)) / (f + K1 * (1.0 - B + B * (double)nTok / s->avgdl)));
  }
  /* Negated, like bm25(): better matches sort first in ascending order. */
  sqlite3_result_double(ctx, -score);
}

static fts5_api *ftsApi(sqlite3 *db) {
  fts5_api *api = 0;
  sqlite3_stmt *stmt = 0;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, 0) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", 0);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  return api;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_jinrank_init(sqlite3 *db, char **error, const sqlite3_api_routines *routines) {
  SQLITE_EXTENSION_INIT2(routines);
  fts5_api *fts = ftsApi(db);
  if (fts == 0 || fts->iVersion < 2) {
    *error = sqlite3_mprintf("jin_bm25 needs SQLite with FTS5");
    return SQLITE_ERROR;
  }
  return fts->xCreateFunction(fts, "jin_bm25", 0, jinBm25, 0);
}
